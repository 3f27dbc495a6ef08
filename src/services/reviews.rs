//! Review use cases: write, edit and delete one's review of a completed booking, double-blind publication,
//! the provider's reply, reports and moderation, reminders. Every change runs in one transaction that takes
//! the provider's lock first (like bookings), writes the review, the audit row and the notifications, and
//! recomputes the ratings whenever what is published changes.

use chrono::{Duration, NaiveDateTime};
use diesel::Connection;

use crate::db::DbConn;
use crate::db::models::booking::{self, Booking};
use crate::db::models::review::{self, Authored, NewReview, Review};
use crate::db::models::{User, provider};
use crate::db::types::{NotificationKind, ReviewDirection, ReviewStatus};
use crate::domain::booking::Party;
use crate::domain::review::{self as rules, ReviewInput};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::bookings::{Outcome, event, parties};
use crate::services::emails::Context;

use crate::services::Refused;

/// The review part of a booking's page.
#[derive(Default)]
pub struct Panel {
    /// The viewer's own review (whatever its status).
    pub mine: Option<Review>,
    /// Reviews the viewer may read: the other party's once published (the back office: both).
    pub visible: Vec<Review>,
    /// Whether the viewer can write or edit their review now.
    pub open: bool,
    /// Until when the booking can be reviewed (completed bookings).
    pub deadline: Option<NaiveDateTime>,
    /// For the provider: the latest published reviews other providers wrote about this client.
    pub about_client: Vec<Authored>,
}

fn direction_of(party: Party) -> Option<ReviewDirection> {
    match party {
        Party::Client => Some(ReviewDirection::ClientToProvider),
        Party::Provider => Some(ReviewDirection::ProviderToClient),
        Party::Admin => None,
    }
}

pub fn panel(conn: &mut DbConn, b: &Booking, party: Party, now: NaiveDateTime) -> Result<Panel, AppError> {
    let all = review::for_booking(conn, b.id)?;
    let mine_dir = direction_of(party);
    let mine = all.iter().find(|r| Some(r.direction) == mine_dir).cloned();
    let visible = all
        .into_iter()
        .filter(|r| match mine_dir {
            Some(d) => r.direction != d && r.status == ReviewStatus::Published,
            None => true,
        })
        .collect();
    let open = mine_dir.is_some()
        && rules::is_open(b.status, b.completed_at, now)
        && mine.as_ref().is_none_or(|r| r.status == ReviewStatus::Pending);
    let about_client = if party == Party::Provider { review::about_client(conn, b.client_id, 3)? } else { Vec::new() };
    Ok(Panel { mine, visible, open, deadline: b.completed_at.map(rules::deadline), about_client })
}

/// Writes or edits the user's review of a booking (`party`: the side they review from). Publishes both
/// reviews when this is the second one.
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    user: &User,
    booking_id: i64,
    party: Party,
    input: &ReviewInput,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let viewed = crate::services::bookings::view(conn, user, booking_id, party)?;
    let Some(direction) = direction_of(party) else { return Err(AppError::NotFound) };
    let valid = match input.validate(direction == ReviewDirection::ClientToProvider) {
        Ok(v) => v,
        Err(errors) => return Ok(Err(Refused::Invalid(errors))),
    };
    conn.transaction(|conn| {
        provider::lock(conn, viewed.provider.id)?;
        let b = booking::find(conn, booking_id)?.ok_or(AppError::NotFound)?;
        if let Some(key) = closed(&b, now) {
            return Ok(Err(Refused::Rule(key)));
        }
        let existing = review::for_booking(conn, b.id)?;
        let written = match existing.iter().find(|r| r.direction == direction) {
            Some(r) if r.status != ReviewStatus::Pending => return Ok(Err(Refused::Rule("review-error-published"))),
            Some(r) => {
                if !review::update_pending(conn, r.id, valid.rating, valid.criteria, &valid.comment, now)? {
                    return Ok(Err(Refused::Rule("review-error-published")));
                }
                audit::record(
                    conn,
                    actor,
                    Entry::named("review.updated").about("review", r.id).with_new(serde_json::json!({
                        "rating": valid.rating
                    })),
                )?;
                false
            }
            None => {
                let (subject, provider_id) = match direction {
                    ReviewDirection::ClientToProvider => (viewed.provider.user_id, b.provider_id),
                    ReviewDirection::ProviderToClient => (b.client_id, b.provider_id),
                };
                let new = NewReview {
                    booking_id: b.id,
                    author_id: user.id,
                    subject_user_id: subject,
                    provider_id,
                    direction,
                    rating: valid.rating,
                    criteria: valid.criteria,
                    comment: &valid.comment,
                };
                if !review::insert(conn, &new, now)? {
                    return Ok(Err(Refused::Rule("review-error-exists")));
                }
                audit::record(
                    conn,
                    actor,
                    Entry::named("review.created")
                        .about("booking", b.id)
                        .with_new(serde_json::json!({ "direction": direction, "rating": valid.rating })),
                )?;
                true
            }
        };
        let mut outcome = Outcome::default();
        let (client, provider_user) = parties(conn, &b)?;
        let other = if direction == ReviewDirection::ClientToProvider { &provider_user } else { &client };
        if existing.iter().any(|r| r.direction != direction) {
            outcome.extend(publish(conn, ctx, &b, now)?);
        } else if written {
            // The other party learns that a review waits for theirs (its content stays hidden).
            let mut e = event(conn, &b, NotificationKind::ReviewRequest, user, None)?;
            e.variant = Some("waiting");
            e.link.push_str("#review");
            outcome.notify(conn, ctx, other, e, now)?;
        }
        Ok(Ok(outcome))
    })
}

/// Why a booking cannot be reviewed now, if it cannot.
fn closed(b: &Booking, now: NaiveDateTime) -> Option<&'static str> {
    if b.status != crate::db::types::BookingStatus::Completed {
        Some("review-error-not-completed")
    } else if !rules::is_open(b.status, b.completed_at, now) {
        Some("review-error-window")
    } else {
        None
    }
}

/// Deletes the user's review while it is unpublished.
pub fn delete(
    conn: &mut DbConn,
    user: &User,
    booking_id: i64,
    party: Party,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let viewed = crate::services::bookings::view(conn, user, booking_id, party)?;
    let Some(direction) = direction_of(party) else { return Err(AppError::NotFound) };
    conn.transaction(|conn| {
        provider::lock(conn, viewed.provider.id)?;
        let b = booking::find(conn, booking_id)?.ok_or(AppError::NotFound)?;
        let Some(mine) = review::for_booking(conn, b.id)?.into_iter().find(|r| r.direction == direction) else {
            return Err(AppError::NotFound);
        };
        if let Some(key) = closed(&b, now) {
            return Ok(Err(Refused::Rule(key)));
        }
        if !review::delete_pending(conn, mine.id)? {
            return Ok(Err(Refused::Rule("review-error-published")));
        }
        audit::record(conn, actor, Entry::named("review.deleted").about("booking", b.id))?;
        Ok(Ok(()))
    })
}

/// Publishes a booking's pending reviews together, recomputes both ratings and tells both parties.
fn publish(conn: &mut DbConn, ctx: &Context<'_>, b: &Booking, now: NaiveDateTime) -> Result<Outcome, AppError> {
    let mut outcome = Outcome::default();
    if review::publish_booking(conn, b.id, now)? == 0 {
        return Ok(outcome);
    }
    review::recompute(conn, b.provider_id, b.client_id)?;
    audit::record(conn, &Actor::default(), Entry::named("review.published").about("booking", b.id))?;
    let (client, provider_user) = parties(conn, b)?;
    for (to, other) in [(&client, &provider_user), (&provider_user, &client)] {
        let mut e = event(conn, b, NotificationKind::ReviewPublished, other, None)?;
        e.link.push_str("#review");
        outcome.notify(conn, ctx, to, e, now)?;
    }
    Ok(outcome)
}

/// The provider's one public reply to a published review of them. Anyone else: 404.
pub fn reply(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    user: &User,
    review_id: i64,
    text: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let r = review::find(conn, review_id)?.ok_or(AppError::NotFound)?;
    let mine = provider::for_user(conn, user.id)?.is_some_and(|p| p.id == r.provider_id);
    if !mine || r.direction != ReviewDirection::ClientToProvider {
        return Err(AppError::NotFound);
    }
    let text = text.trim();
    if !(2..=rules::REPLY_MAX).contains(&text.chars().count()) {
        return Ok(Err(Refused::field("reply", "review-error-reply")));
    }
    conn.transaction(|conn| {
        provider::lock(conn, r.provider_id)?;
        if !review::set_reply(conn, r.id, text, now)? {
            let key = if review::find(conn, r.id)?.is_some_and(|r| r.reply.is_some()) {
                "review-error-reply-exists"
            } else {
                "review-error-reply-unpublished"
            };
            return Ok(Err(Refused::Rule(key)));
        }
        audit::record(conn, actor, Entry::named("review.replied").about("review", r.id))?;
        let b = booking::find(conn, r.booking_id)?.ok_or(AppError::NotFound)?;
        let (client, provider_user) = parties(conn, &b)?;
        let mut outcome = Outcome::default();
        let mut e = event(conn, &b, NotificationKind::ReviewReply, &provider_user, None)?;
        e.link = format!("/providers/{}#review-{}", provider::by_id(conn, r.provider_id)?.slug, r.id);
        outcome.notify(conn, ctx, &client, e, now)?;
        Ok(Ok(outcome))
    })
}

/// Reports a published review to the back office. Unpublished or unknown reviews: 404.
pub fn report(
    conn: &mut DbConn,
    user: &User,
    review_id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Review, Refused>, AppError> {
    let r = review::find(conn, review_id)?.ok_or(AppError::NotFound)?;
    if r.status != ReviewStatus::Published {
        return Err(AppError::NotFound);
    }
    let reason = reason.trim();
    if !(5..=1000).contains(&reason.chars().count()) {
        return Ok(Err(Refused::field("reason", "review-error-report-reason")));
    }
    conn.transaction(|conn| {
        if review::report(conn, user.id, r.id, reason, now)? {
            audit::record(conn, actor, Entry::named("review.reported").about("review", r.id))?;
        }
        Ok(Ok(r))
    })
}

/// Moderation: hides a published review or restores a hidden one, with a reason the author is told.
#[allow(clippy::too_many_arguments)]
pub fn moderate(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    review_id: i64,
    hide: bool,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let r = review::find(conn, review_id)?.ok_or(AppError::NotFound)?;
    let reason = reason.trim();
    if !(5..=1000).contains(&reason.chars().count()) {
        return Ok(Err(Refused::field("reason", "review-error-moderation-reason")));
    }
    let (from, to) = if hide {
        (ReviewStatus::Published, ReviewStatus::Hidden)
    } else {
        (ReviewStatus::Hidden, ReviewStatus::Published)
    };
    conn.transaction(|conn| {
        provider::lock(conn, r.provider_id)?;
        if !review::set_visibility(conn, r.id, from, to, reason, now)? {
            return Ok(Err(Refused::Rule("review-error-moved")));
        }
        review::resolve_reports(conn, r.id, admin.id, reason, now)?;
        let b = booking::find(conn, r.booking_id)?.ok_or(AppError::NotFound)?;
        review::recompute(conn, b.provider_id, b.client_id)?;
        audit::record(
            conn,
            actor,
            Entry {
                action: if hide { "review.hidden" } else { "review.restored" },
                target_kind: Some("review"),
                target_id: Some(r.id),
                old_values: Some(serde_json::json!({ "status": from })),
                new_values: Some(serde_json::json!({ "status": to, "reason": reason })),
            },
        )?;
        let author = crate::db::models::user::find(conn, r.author_id)?.ok_or(AppError::NotFound)?;
        let (client, provider_user) = parties(conn, &b)?;
        let other = if author.id == client.id { &provider_user } else { &client };
        let mut outcome = Outcome::default();
        let mut e = event(conn, &b, NotificationKind::ReviewHidden, other, Some(reason))?;
        e.variant = (!hide).then_some("restored");
        e.link.push_str("#review");
        outcome.notify(conn, ctx, &author, e, now)?;
        Ok(Ok(outcome))
    })
}

/// Background work: publishes reviews whose window closed, and reminds whoever has not reviewed 3 and 10
/// days after completion (once each, across instances, through `jobs.unique_key`).
pub fn run_due(conn: &mut DbConn, ctx: &Context<'_>, now: NaiveDateTime) -> Result<Outcome, AppError> {
    let mut outcome = Outcome::default();
    for booking_id in review::closed_with_pending(conn, now - rules::WINDOW, 200)? {
        outcome.extend(conn.transaction(|conn| -> Result<Outcome, AppError> {
            let b = booking::find(conn, booking_id)?.ok_or(AppError::NotFound)?;
            provider::lock(conn, b.provider_id)?;
            publish(conn, ctx, &b, now)
        })?);
    }
    for days in rules::REMINDER_DAYS {
        let due = now - Duration::days(days);
        for (booking_id, done) in review::completed_between(conn, due - Duration::days(1), due, 500)? {
            for direction in [ReviewDirection::ClientToProvider, ReviewDirection::ProviderToClient] {
                if done.contains(&direction) {
                    continue;
                }
                outcome.extend(conn.transaction(|conn| -> Result<Outcome, AppError> {
                    let mut out = Outcome::default();
                    let key = format!("review-reminder:{booking_id}:{}:{days}", direction.as_str());
                    if !crate::db::models::job::claim_once(conn, "review.reminder", &key, now)? {
                        return Ok(out);
                    }
                    let b = booking::find(conn, booking_id)?.ok_or(AppError::NotFound)?;
                    let (client, provider_user) = parties(conn, &b)?;
                    let (to, other) = match direction {
                        ReviewDirection::ClientToProvider => (&client, &provider_user),
                        ReviewDirection::ProviderToClient => (&provider_user, &client),
                    };
                    let mut e = event(conn, &b, NotificationKind::ReviewRequest, other, None)?;
                    e.variant = Some("reminder");
                    e.link.push_str("#review");
                    out.notify(conn, ctx, to, e, now)?;
                    Ok(out)
                })?);
            }
        }
    }
    Ok(outcome)
}
