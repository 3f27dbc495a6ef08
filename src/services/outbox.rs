//! The transactional outbox. A use case that causes an email writes it with `queue` inside its own
//! transaction: the email exists exactly when the change does (a rolled-back change sends nothing; a
//! committed one is never lost to an SMTP outage or a crash). A sender (`deliver_due`, run right after the
//! commit and by the background sender) claims due rows, sends them, and marks them sent; a failure is retried
//! with exponential backoff and jitter for `RETRY_WINDOW`, then the row is marked failed with its last error.
//!
//! Delivery is at least once: a row is claimed before it is sent, so two senders never send it together; if a
//! sender dies after the SMTP server accepted an email but before marking it sent, the row is due again when
//! the claim's lease ends and the email goes out a second time, with the same `Message-ID` (made from the
//! row's unique `dedup_key`), which mail systems use to recognise the copy. Emails are wall-clock stamped.

use chrono::NaiveDateTime;

use crate::db::models::outbox::{self, NewOutboxEmail, OutboxEmail};
use crate::db::types::{OutboxChannel, OutboxStatus};
use crate::db::{Db, DbConn, now};
use crate::domain::outbox::{BATCH, LEASE, RETRY_WINDOW, retry_delay};
use crate::error::AppError;
use crate::mail::{Email, Mailer};

/// Emails a committed change wrote to the outbox: hand this to the sender (`state::deliver`) once the
/// transaction is over, so they go out at once rather than at the next background pass.
#[must_use = "queued emails should be delivered after the commit (state::deliver)"]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Queued(usize);

impl Queued {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn count(self) -> usize {
        self.0
    }
}

impl std::ops::Add for Queued {
    type Output = Queued;
    fn add(self, other: Queued) -> Queued {
        Queued(self.0 + other.0)
    }
}

impl std::ops::AddAssign for Queued {
    fn add_assign(&mut self, other: Queued) {
        self.0 += other.0;
    }
}

/// Writes emails to the outbox (call it inside the transaction of the change they report).
pub fn queue(conn: &mut DbConn, emails: impl IntoIterator<Item = Email>) -> Result<Queued, AppError> {
    let mut queued = Queued::default();
    for email in emails {
        let key = format!("{:032x}", rand::random::<u128>());
        queued += queue_keyed(conn, &key, &email)?;
    }
    Ok(queued)
}

/// Writes one email under a key of the caller's (e.g. the notification it reports): writing the same key
/// again does nothing.
pub fn queue_keyed(conn: &mut DbConn, key: &str, email: &Email) -> Result<Queued, AppError> {
    let at = now();
    let inserted = outbox::insert(
        conn,
        &NewOutboxEmail {
            kind: &email.kind,
            dedup_key: key,
            recipient: &email.to,
            locale: &email.locale,
            subject: &email.subject,
            body_text: &email.text,
            body_html: &email.html,
            next_attempt_at: at,
            created_at: at,
            expires_at: at + RETRY_WINDOW,
            channel: OutboxChannel::Email,
            push_subscription_id: None,
        },
    )?;
    Ok(Queued(usize::from(inserted)))
}

/// One push for one device, as the outbox keeps it (`services::push` writes and reads the payload).
pub struct NewPush<'a> {
    pub device_id: i64,
    /// How the back office names the device ("Chrome on Android").
    pub device: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub payload: &'a str,
}

/// Writes one push, due at `due` (a message's push waits to see whether the message is read first).
pub fn queue_push(conn: &mut DbConn, push: &NewPush<'_>, due: NaiveDateTime) -> Result<Queued, AppError> {
    let key = format!("push:{}:{:032x}", push.device_id, rand::random::<u128>());
    let inserted = outbox::insert(
        conn,
        &NewOutboxEmail {
            kind: "push",
            dedup_key: &key,
            recipient: push.device,
            locale: push.lang,
            subject: push.title,
            body_text: push.payload,
            body_html: "",
            next_attempt_at: due,
            created_at: now(),
            expires_at: due + crate::domain::outbox::PUSH_WINDOW,
            channel: OutboxChannel::Push,
            push_subscription_id: Some(push.device_id),
        },
    )?;
    Ok(Queued(usize::from(inserted)))
}

/// What became of one push.
#[derive(Debug, PartialEq, Eq)]
pub enum PushSent {
    Delivered,
    /// Read meanwhile, or nothing to send.
    NotNeeded,
    /// The push service says the device is gone: its row, and this push with it, were deleted.
    DeviceGone,
}

/// Sends a claimed PUSH row (`services::push::Pusher`); `Err`: try again later.
pub trait PushSender {
    fn send_push(&self, db: &Db, row: &OutboxEmail) -> Result<PushSent, String>;
}

/// What one delivery pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    /// Failed this time, due again later.
    pub retrying: usize,
    /// Failed for the last time: given up.
    pub failed: usize,
}

/// Sends the due emails and pushes, `BATCH` at a time, until none is due (blocking: run it on the blocking
/// pool). A connection is held only to claim and to mark, never during an SMTP exchange or a push. The first
/// email that goes out brings the emails waiting out a backoff forward: the mail server is back.
pub fn deliver_due(db: &Db, mailer: &Mailer, pusher: &dyn PushSender) -> Result<Pass, AppError> {
    let owner = format!("pid{}", std::process::id());
    let mut pass = Pass::default();
    let mut brought_forward = false;
    loop {
        let started = now();
        let claimed = outbox::claim_due(&mut *db.get()?, &owner, started, started + LEASE, BATCH)?;
        if claimed.is_empty() {
            return Ok(pass);
        }
        for row in &claimed {
            let claim = row.claimed_by.as_deref().unwrap_or_default();
            let sent = match row.channel {
                OutboxChannel::Email => mailer.send(&email_of(row), &row.dedup_key).map_err(|e| e.to_string()),
                OutboxChannel::Push => match pusher.send_push(db, row) {
                    Ok(PushSent::Delivered | PushSent::NotNeeded) => Ok(()),
                    // The device is gone: its row (and this push with it) was deleted.
                    Ok(PushSent::DeviceGone) => continue,
                    Err(e) => Err(e),
                },
            };
            match sent {
                Ok(()) => {
                    let mut conn = db.get()?;
                    outbox::mark_sent(&mut conn, row.id, claim, now())?;
                    pass.sent += 1;
                    if !brought_forward && row.channel == OutboxChannel::Email {
                        brought_forward = true;
                        outbox::bring_forward(&mut conn, now(), None)?;
                    }
                }
                Err(error) => {
                    let next = now() + retry_delay(row.attempts, rand::random::<f64>());
                    let next = (next < row.expires_at).then_some(next);
                    outbox::mark_unsent(&mut *db.get()?, row.id, claim, next, &error)?;
                    if next.is_some() {
                        tracing::warn!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts, %error,
                            "email or push not sent; will retry");
                        pass.retrying += 1;
                    } else {
                        tracing::error!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts, %error,
                            "email or push given up after its retry window");
                        pass.failed += 1;
                    }
                }
            }
        }
    }
}

fn email_of(row: &OutboxEmail) -> Email {
    Email {
        kind: row.kind.clone(),
        locale: row.locale.clone(),
        to: row.recipient.clone(),
        subject: row.subject.clone(),
        text: row.body_text.clone(),
        html: row.body_html.clone(),
    }
}

/// Makes the earliest email waiting out a backoff due now (the sender's probe of a mail server that was
/// down: at most one attempt a minute, whatever the backoff, so the queue flows within a minute of its
/// return). Whether there was one.
pub fn probe(conn: &mut DbConn) -> Result<bool, AppError> {
    Ok(outbox::bring_forward(conn, now(), Some(1))? > 0)
}

/// When the next waiting email is due, if any.
pub fn next_due(conn: &mut DbConn) -> Result<Option<NaiveDateTime>, AppError> {
    Ok(outbox::next_due(conn)?)
}

/// The back office's view of the queue.
pub struct Overview {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
    pub emails: Vec<OutboxEmail>,
}

pub fn overview(conn: &mut DbConn, status: OutboxStatus, offset: i64, limit: i64) -> Result<Overview, AppError> {
    let counts = outbox::counts(conn)?;
    let count = |s: OutboxStatus| counts.iter().find(|(status, _)| *status == s).map_or(0, |(_, n)| *n);
    Ok(Overview {
        pending: count(OutboxStatus::Pending),
        sent: count(OutboxStatus::Sent),
        failed: count(OutboxStatus::Failed),
        emails: outbox::list(conn, status, offset, limit)?,
    })
}

/// "Retry now" from the back office: the email is due at once, with a new retry window. Nothing when it was
/// sent, or is being sent, meanwhile.
pub fn retry_now(conn: &mut DbConn, id: i64, actor: &crate::services::audit::Actor) -> Result<Queued, AppError> {
    use diesel::Connection;
    conn.transaction(|conn| {
        let at = now();
        if !outbox::retry_now(conn, id, at, at + RETRY_WINDOW)? {
            return Ok(Queued(0));
        }
        crate::services::audit::record(
            conn,
            actor,
            crate::services::audit::Entry::named("outbox.retry").about("outbox", id),
        )?;
        Ok(Queued(1))
    })
}
