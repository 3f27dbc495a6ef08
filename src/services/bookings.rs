//! Booking use cases: request a slot, move a booking through its life cycle, expire and remind. Each runs
//! in one transaction that first locks the provider (a no-op update of their row: a row lock on
//! PostgreSQL, the write lock on SQLite), so that two acceptances or bookings of one provider's time never
//! interleave; then it re-reads the booking, applies `domain::booking`, and writes the status, the
//! timeline row, the audit row and the other party's notification together.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::booking::{self, Booking, Change, NewBooking, Side};
use crate::db::models::service::Service;
use crate::db::models::{Provider, User, provider, user};
use crate::db::types::{BookingStatus, NotificationKind, PricingUnit, UserRole};
use crate::domain::booking::{self as rules, Action, Party, Refusal};
use crate::domain::schedule::{self, Day, SlotProblem};
use crate::domain::validation::FieldErrors;
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::emails::Context;
use crate::services::live::{Envelope, Event as Live};
use crate::services::notify::{self, Event};

/// What a booking change leaves to do after its commit: emails it queued and live events to publish
/// (notification badges, system messages in the pair's conversation), pictures whose rows went (their files).
#[derive(Default)]
pub struct Outcome {
    pub emails: crate::services::outbox::Queued,
    pub live: Vec<Envelope>,
    pub pictures: Vec<crate::services::media::Gone>,
}

impl Outcome {
    /// Notifies one party (in-app row, email per preferences) and rings their bell live.
    pub(crate) fn notify(
        &mut self,
        conn: &mut DbConn,
        ctx: &Context<'_>,
        to: &User,
        event: Event,
        now: NaiveDateTime,
    ) -> Result<(), AppError> {
        self.emails += notify::send(conn, ctx, to, event, now)?;
        self.live.push(Envelope { users: vec![to.id], event: Live::Notification });
        Ok(())
    }

    /// The event as a system message in the pair's conversation, shown live to both.
    fn chat(
        &mut self,
        conn: &mut DbConn,
        b: &Booking,
        users: [i64; 2],
        kind: NotificationKind,
        now: NaiveDateTime,
    ) -> Result<(), AppError> {
        let mut data = data_of(conn, b, "", None)?;
        if let Some(map) = data.as_object_mut() {
            map.insert("kind".into(), serde_json::to_value(kind).unwrap_or_default());
        }
        let m =
            crate::services::messages::booking_event(conn, b.client_id, b.provider_id, b.id, &data.to_string(), now)?;
        self.live.push(Envelope {
            users: users.to_vec(),
            event: Live::Message { conversation: m.conversation_id, message: m.id },
        });
        Ok(())
    }

    pub(crate) fn extend(&mut self, other: Outcome) {
        self.emails += other.emails;
        self.live.extend(other.live);
        self.pictures.extend(other.pictures);
    }
}

pub use crate::domain::booking::reason::{ACCOUNT_DELETED, SLOT_TAKEN};

/// What the booking form needs: the provider's public profile, active services and schedule.
pub struct Bookable {
    pub provider: Provider,
    pub services: Vec<Service>,
    pub ranges: Vec<(i16, i32, i32)>,
    pub days_off: Vec<NaiveDate>,
}

pub fn bookable(conn: &mut DbConn, slug: &str) -> Result<Bookable, AppError> {
    let provider = provider::public_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    let services = crate::db::models::service::active_for_provider(conn, provider.id)?;
    let (ranges, days_off) = provider::schedule(conn, provider.id)?;
    Ok(Bookable { provider, services, ranges, days_off })
}

/// The free start times of a day for a service (local times).
pub fn free_starts(
    conn: &mut DbConn,
    b: &Bookable,
    service: &Service,
    date: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<NaiveTime>, AppError> {
    let busy = day_busy(conn, b.provider.id, date)?;
    Ok(schedule::free_starts(&day(b, service, date, &busy, now)))
}

fn day_busy(conn: &mut DbConn, provider_id: i64, date: NaiveDate) -> QueryResult<Vec<(NaiveDateTime, NaiveDateTime)>> {
    // A day and its neighbours in UTC cover any local day.
    let from = date.and_hms_opt(0, 0, 0).unwrap_or_default() - Duration::days(1);
    booking::busy(conn, provider_id, from, from + Duration::days(3))
}

fn day<'a>(
    b: &'a Bookable,
    service: &Service,
    date: NaiveDate,
    busy: &'a [(NaiveDateTime, NaiveDateTime)],
    now: NaiveDateTime,
) -> Day<'a> {
    Day {
        date,
        ranges: &b.ranges,
        day_off: b.days_off.contains(&date),
        duration_minutes: service.duration_minutes,
        busy,
        now,
    }
}

/// The booking form as posted.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct BookInput {
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub description: String,
    /// A random key drawn when the form was shown: a second submission of the same form finds the first
    /// booking instead of making another.
    #[serde(default)]
    pub key: String,
    /// "Show the free times" (the form sent without JavaScript to see a date's times): nothing is booked.
    #[serde(default)]
    pub show_times: Option<String>,
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

pub fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

/// Requests a booking. `Ok(Err(errors))` when the form must be shown again.
#[allow(clippy::too_many_arguments)]
pub fn create(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    client: &User,
    slug: &str,
    input: &BookInput,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(i64, Outcome), FieldErrors>, AppError> {
    let b = bookable(conn, slug)?;
    let mut errors = FieldErrors::new();
    if client.email_verified_at.is_none() {
        errors.add("form", "book-error-verify-email");
    }
    if b.provider.user_id == client.id {
        errors.add("form", "book-error-own");
    }
    let service = input.service.trim().parse::<i64>().ok().and_then(|id| b.services.iter().find(|s| s.id == id));
    if service.is_none() {
        errors.add("service", "book-error-service");
    }
    let date = parse_date(&input.date);
    if date.is_none() {
        errors.add("date", "book-error-date");
    }
    let time = parse_time(&input.time);
    if time.is_none() {
        errors.add("time", "book-error-time");
    }
    let address = input.address.trim();
    if !(5..=300).contains(&address.chars().count()) {
        errors.add("address", "book-error-address");
    }
    let cities = crate::db::models::city::list_active(conn)?;
    let city = cities.iter().find(|c| c.slug == input.city.trim());
    if city.is_none() {
        errors.add("city", "book-error-city");
    }
    let description = input.description.trim();
    if !(10..=2000).contains(&description.chars().count()) {
        errors.add("description", "book-error-description");
    }
    let key = input.key.trim();
    if key.is_empty() || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        errors.add("form", "book-error-stale-form");
    }
    let (Some(service), Some(date), Some(time), Some(city), true) = (service, date, time, city, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    conn.transaction(|conn| {
        provider::lock(conn, b.provider.id)?;
        if let Some(existing) = booking::by_idempotency_key(conn, key)? {
            // The same form again (double click, replay): the booking it already made.
            return if existing.client_id == client.id {
                Ok(Ok((existing.id, Outcome::default())))
            } else {
                Err(AppError::NotFound)
            };
        }
        let busy = day_busy(conn, b.provider.id, date)?;
        let (start, end) = match schedule::check(&day(&b, service, date, &busy, now), time) {
            Ok(slot) => slot,
            Err(problem) => {
                let mut errors = FieldErrors::new();
                errors.add(if problem == SlotProblem::Taken { "time" } else { "date" }, problem.message_key());
                return Ok(Err(errors));
            }
        };
        let reference = crate::domain::token::reference(now);
        let id = booking::insert(
            conn,
            &NewBooking {
                reference: &reference,
                client_id: client.id,
                provider_id: b.provider.id,
                service_id: service.id,
                title: crate::i18n::I18n::new(crate::services::emails::lang_of(client.locale)).pick(
                    &service.name_fr,
                    &service.name_ar,
                    service.name_en.as_deref(),
                ),
                description,
                scheduled_start: start,
                scheduled_end: end,
                address,
                city_id: city.id,
                pricing_unit: service.pricing_unit,
                price_cents: if service.pricing_unit == PricingUnit::Quote { None } else { service.base_price_cents },
                status: BookingStatus::Pending,
                idempotency_key: Some(key),
                expires_at: rules::expires_at(now, start),
                created_at: now,
                updated_at: now,
            },
        )?;
        booking::add_history(conn, id, None, BookingStatus::Pending, Some(client.id), None, now)?;
        audit::record(conn, actor, Entry::named("booking.requested").about("booking", id))?;
        let created = booking::find(conn, id)?.ok_or(AppError::NotFound)?;
        let owner = user::find(conn, b.provider.user_id)?.ok_or(AppError::NotFound)?;
        let mut outcome = Outcome::default();
        let e = event(conn, &created, NotificationKind::BookingRequest, client, None)?;
        outcome.notify(conn, ctx, &owner, e, now)?;
        outcome.chat(conn, &created, [client.id, owner.id], NotificationKind::BookingRequest, now)?;
        Ok(Ok((id, outcome)))
    })
}

/// The notification of an event about a booking, for the party that did not cause it (`other` is the one
/// who did, or the other party for clock events).
pub(crate) fn event(
    conn: &mut DbConn,
    b: &Booking,
    kind: NotificationKind,
    other: &User,
    reason: Option<&str>,
) -> QueryResult<Event> {
    let link = if kind == NotificationKind::BookingRequest || other.id == b.client_id {
        format!("/provider/bookings/{}", b.id)
    } else {
        format!("/account/bookings/{}", b.id)
    };
    let data = data_of(conn, b, &other.first_name, reason)?;
    Ok(Event { kind, variant: None, data, link })
}

/// What messages about a booking say: reference, service (as booked, and now in each language), start (UTC), the
/// other party's name, reason, and who cancelled it ("client", "provider" or "admin").
fn data_of(conn: &mut DbConn, b: &Booking, name: &str, reason: Option<&str>) -> QueryResult<serde_json::Value> {
    let mut data = serde_json::json!({
        "reference": b.reference,
        "service": b.title,
        "start": b.scheduled_start.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "name": name,
        "reason": reason.or(b.status_reason.as_deref()).unwrap_or(""),
        "by": b.cancelled_by_role.filter(|_| b.status == BookingStatus::Cancelled).map(|r| r.as_str().to_lowercase()),
    });
    // The service's current name in each language: every reader sees it in theirs (`service` is the name as
    // booked, for a service that is gone).
    if let Some((fr, ar, en)) = crate::db::models::service::names(conn, &[b.service_id])?.remove(&b.service_id) {
        data["services"] = serde_json::json!({ "fr": fr, "ar": ar, "en": en });
    }
    Ok(data)
}

/// A booking as one party sees it, with who that party is.
pub struct Viewed {
    pub booking: Booking,
    pub party: Party,
    pub client: User,
    pub provider: Provider,
    /// The provider's phone number (shown to the client once the booking is confirmed).
    pub provider_phone: Option<String>,
    /// The pair's conversation (where the booking's events are written too).
    pub conversation_id: Option<i64>,
}

/// Loads a booking for a user acting as `party`; anyone else gets 404.
pub fn view(conn: &mut DbConn, user: &User, id: i64, party: Party) -> Result<Viewed, AppError> {
    let booking = booking::find(conn, id)?.ok_or(AppError::NotFound)?;
    let provider = provider::by_id(conn, booking.provider_id)?;
    let allowed = match party {
        Party::Client => booking.client_id == user.id,
        Party::Provider => provider.user_id == user.id,
        Party::Admin => user.role == UserRole::Admin && user.two_factor_enabled,
    };
    if !allowed {
        return Err(AppError::NotFound);
    }
    let client = user::find(conn, booking.client_id)?.ok_or(AppError::NotFound)?;
    let provider_phone = user::find(conn, provider.user_id)?.and_then(|u| u.phone);
    let conversation_id = crate::db::models::conversation::id_for_pair(conn, booking.client_id, booking.provider_id)?;
    Ok(Viewed { booking, party, client, provider, provider_phone, conversation_id })
}

/// An action's form: a reason (reject, cancel by provider or admin) or the amount paid (complete).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ActInput {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub amount: String,
}

/// Why an action did not happen: a Fluent message key, and the field it is about (if any).
pub type Refused = (&'static str, Option<&'static str>);

/// Applies an action. `Ok(Err(…))`: refused with a message, nothing changed.
#[allow(clippy::too_many_arguments)]
pub fn act(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    user: &User,
    id: i64,
    party: Party,
    action: Action,
    input: &ActInput,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let viewed = view(conn, user, id, party)?;
    let reason = input.reason.trim();
    if action.needs_reason(party) && !(5..=1000).contains(&reason.chars().count()) {
        return Ok(Err(("booking-error-reason", Some("reason"))));
    }
    let amount = if action == Action::Complete {
        match crate::domain::money::parse_mad(&input.amount).filter(|c| *c <= 100_000_000) {
            Some(cents) => Some(cents),
            None => return Ok(Err(("booking-error-amount", Some("amount")))),
        }
    } else {
        None
    };
    conn.transaction(|conn| {
        provider::lock(conn, viewed.provider.id)?;
        let b = booking::find(conn, id)?.ok_or(AppError::NotFound)?;
        let to = match rules::next(b.status, action, party, now, b.scheduled_start) {
            Ok(to) => to,
            Err(refusal) => return Ok(Err((refusal.message_key(), None))),
        };
        if action == Action::Accept
            && !booking::busy(conn, b.provider_id, b.scheduled_start, b.scheduled_end)?.is_empty()
        {
            return Ok(Err((SlotProblem::Taken.message_key(), None)));
        }
        let late = action == Action::Cancel && rules::is_late_cancellation(b.status, party, now, b.scheduled_start);
        let change = Change {
            reason: (!reason.is_empty()).then_some(reason),
            cancelled_by: (to == BookingStatus::Cancelled).then_some(match party {
                Party::Client => UserRole::Client,
                Party::Provider => UserRole::Provider,
                Party::Admin => UserRole::Admin,
            }),
            late,
            final_price_cents: amount,
        };
        if !booking::transition(conn, b.id, b.status, to, &change, now)? {
            return Ok(Err((Refusal::MovedOn.message_key(), None)));
        }
        booking::add_history(conn, b.id, Some(b.status), to, Some(user.id), change.reason, now)?;
        audit::record(
            conn,
            actor,
            Entry {
                action: audit_action(action),
                target_kind: Some("booking"),
                target_id: Some(b.id),
                old_values: Some(serde_json::json!({ "status": b.status })),
                new_values: Some(
                    serde_json::json!({ "status": to, "reason": change.reason, "late": late, "amount_cents": amount }),
                ),
            },
        )?;
        let after = booking::find(conn, b.id)?.ok_or(AppError::NotFound)?;
        let kind = kind_of(to);
        let provider_user = user::find(conn, viewed.provider.user_id)?.ok_or(AppError::NotFound)?;
        let mut outcome = Outcome::default();
        // The parties other than the actor hear of it (both, when an admin acts). A completed job asks both
        // parties for a review instead.
        for recipient in [&viewed.client, &provider_user] {
            let other = if recipient.id == viewed.client.id { &provider_user } else { &viewed.client };
            if to == BookingStatus::Completed {
                let mut e = event(conn, &after, NotificationKind::ReviewRequest, other, None)?;
                e.link.push_str("#review");
                outcome.notify(conn, ctx, recipient, e, now)?;
            } else if recipient.id != user.id {
                let e = event(conn, &after, kind, other, None)?;
                outcome.notify(conn, ctx, recipient, e, now)?;
            }
        }
        if to == BookingStatus::Completed {
            provider::add_completed_job(conn, b.provider_id)?;
        }
        if matches!(action, Action::Accept | Action::Reject) {
            let delays = booking::recent_response_minutes(conn, b.provider_id, 50)?;
            provider::set_response_time(conn, b.provider_id, rules::median(&delays))?;
        }
        if action == Action::Accept {
            outcome.extend(reject_overlapping(conn, ctx, &after, &provider_user, now, actor)?);
        }
        outcome.chat(conn, &after, [viewed.client.id, provider_user.id], kind, now)?;
        Ok(Ok(outcome))
    })
}

fn audit_action(action: Action) -> &'static str {
    match action {
        Action::Accept => "booking.accepted",
        Action::Reject => "booking.rejected",
        Action::Start => "booking.started",
        Action::Complete => "booking.completed",
        Action::Cancel => "booking.cancelled",
    }
}

fn kind_of(status: BookingStatus) -> NotificationKind {
    match status {
        BookingStatus::Pending => NotificationKind::BookingRequest,
        BookingStatus::Confirmed => NotificationKind::BookingConfirmed,
        BookingStatus::Rejected => NotificationKind::BookingRejected,
        BookingStatus::Cancelled => NotificationKind::BookingCancelled,
        BookingStatus::Expired => NotificationKind::BookingExpired,
        BookingStatus::InProgress => NotificationKind::BookingStarted,
        BookingStatus::Completed => NotificationKind::BookingCompleted,
    }
}

/// After an acceptance: the provider's other pending requests for overlapping times are rejected.
fn reject_overlapping(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    accepted: &Booking,
    provider_user: &User,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Outcome, AppError> {
    let mut outcome = Outcome::default();
    let others = booking::overlapping_pending(
        conn,
        accepted.provider_id,
        accepted.id,
        accepted.scheduled_start,
        accepted.scheduled_end,
    )?;
    for other in others {
        let change = Change { reason: Some(SLOT_TAKEN), ..Change::default() };
        if booking::transition(conn, other.id, BookingStatus::Pending, BookingStatus::Rejected, &change, now)? {
            booking::add_history(
                conn,
                other.id,
                Some(BookingStatus::Pending),
                BookingStatus::Rejected,
                Some(provider_user.id),
                Some(SLOT_TAKEN),
                now,
            )?;
            audit::record(conn, actor, Entry::named("booking.rejected_slot_taken").about("booking", other.id))?;
            let after = booking::find(conn, other.id)?.ok_or(AppError::NotFound)?;
            let client = user::find(conn, other.client_id)?.ok_or(AppError::NotFound)?;
            let e = event(conn, &after, NotificationKind::BookingRejected, provider_user, None)?;
            outcome.notify(conn, ctx, &client, e, now)?;
            outcome.chat(conn, &after, [client.id, provider_user.id], NotificationKind::BookingRejected, now)?;
        }
    }
    Ok(outcome)
}

/// The background work that time triggers: expire unanswered requests, remind providers 2 hours before a
/// request expires, remind both parties 24 hours before a job. Each row is processed once even with
/// several app instances (conditional updates and `jobs.unique_key`). Each row's emails are queued in its
/// transaction.
pub fn run_due(conn: &mut DbConn, ctx: &Context<'_>, now: NaiveDateTime) -> Result<Outcome, AppError> {
    let system = Actor::default();
    let mut outcome = Outcome::default();
    for b in booking::due_to_expire(conn, now, 200)? {
        outcome.extend(conn.transaction(|conn| -> Result<Outcome, AppError> {
            let mut out = Outcome::default();
            let expired = Change::default();
            if !booking::transition(conn, b.id, BookingStatus::Pending, BookingStatus::Expired, &expired, now)? {
                return Ok(out);
            }
            booking::add_history(conn, b.id, Some(BookingStatus::Pending), BookingStatus::Expired, None, None, now)?;
            audit::record(conn, &system, Entry::named("booking.expired").about("booking", b.id))?;
            let (client, provider_user) = parties(conn, &b)?;
            let e = event(conn, &b, NotificationKind::BookingExpired, &provider_user, None)?;
            out.notify(conn, ctx, &client, e, now)?;
            let e = event(conn, &b, NotificationKind::BookingExpired, &client, None)?;
            out.notify(conn, ctx, &provider_user, e, now)?;
            out.chat(conn, &b, [client.id, provider_user.id], NotificationKind::BookingExpired, now)?;
            Ok(out)
        })?);
    }
    for b in booking::pending_expiring_between(conn, now, now + rules::EXPIRY_REMINDER, 200)? {
        outcome.extend(conn.transaction(|conn| -> Result<Outcome, AppError> {
            let mut out = Outcome::default();
            if !crate::db::models::job::claim_once(
                conn,
                "booking.expiry_reminder",
                &format!("expiry-reminder:{}", b.id),
                now,
            )? {
                return Ok(out);
            }
            let (client, provider_user) = parties(conn, &b)?;
            let mut e = event(conn, &b, NotificationKind::BookingReminder, &client, None)?;
            e.variant = Some("expiry");
            out.notify(conn, ctx, &provider_user, e, now)?;
            Ok(out)
        })?);
    }
    for b in booking::confirmed_starting_between(conn, now, now + rules::JOB_REMINDER, 200)? {
        outcome.extend(conn.transaction(|conn| -> Result<Outcome, AppError> {
            let mut out = Outcome::default();
            if !crate::db::models::job::claim_once(
                conn,
                "booking.job_reminder",
                &format!("job-reminder:{}", b.id),
                now,
            )? {
                return Ok(out);
            }
            let (client, provider_user) = parties(conn, &b)?;
            for (to, other) in [(&client, &provider_user), (&provider_user, &client)] {
                let mut e = event(conn, &b, NotificationKind::BookingReminder, other, None)?;
                e.variant = Some("job");
                out.notify(conn, ctx, to, e, now)?;
            }
            Ok(out)
        })?);
    }
    Ok(outcome)
}

/// The booking's client and the provider's user account.
pub(crate) fn parties(conn: &mut DbConn, b: &Booking) -> Result<(User, User), AppError> {
    let client = user::find(conn, b.client_id)?.ok_or(AppError::NotFound)?;
    let p = provider::by_id(conn, b.provider_id)?;
    let provider_user = user::find(conn, p.user_id)?.ok_or(AppError::NotFound)?;
    Ok((client, provider_user))
}

/// A list of one side's bookings, with the other party's names and the counts per status.
pub struct Listing {
    pub bookings: Vec<(Booking, String)>,
    pub total: i64,
    pub counts: Vec<(BookingStatus, i64)>,
}

pub fn list(
    conn: &mut DbConn,
    side: Side,
    upcoming: Option<bool>,
    statuses: &[BookingStatus],
    now: NaiveDateTime,
    (page, per_page): (i64, i64),
    pick: impl Fn(&str, &str, Option<&str>) -> String,
) -> Result<Listing, AppError> {
    let (bookings, total) = booking::list(conn, side, upcoming, statuses, now, (page, per_page), pick)?;
    Ok(Listing { bookings, total, counts: booking::counts(conn, side)? })
}
