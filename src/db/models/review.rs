//! Reviews of a completed booking, in both directions, and the ratings they add up to.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::DbConn;
use crate::db::schema::{bookings, reports, reviews, users};
use crate::db::types::{BookingStatus, ReportStatus, ReportTarget, ReviewDirection, ReviewStatus};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = reviews)]
pub struct Review {
    pub id: i64,
    pub booking_id: i64,
    pub author_id: i64,
    pub subject_user_id: i64,
    pub provider_id: i64,
    pub direction: ReviewDirection,
    pub rating: i16,
    pub punctuality: Option<i16>,
    pub quality: Option<i16>,
    pub value: Option<i16>,
    pub comment: String,
    pub status: ReviewStatus,
    pub status_reason: Option<String>,
    pub published_at: Option<NaiveDateTime>,
    pub reply: Option<String>,
    pub replied_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A review with its author's names (for lists).
pub struct Authored {
    pub review: Review,
    pub author_first_name: String,
    pub author_last_name: String,
}

impl Authored {
    /// "Salma B." — first name and initial only.
    pub fn author(&self) -> String {
        crate::db::models::booking::short_name(&self.author_first_name, &self.author_last_name)
    }
}

/// Rows of (review, author's first name, last name).
fn authored(rows: Vec<(Review, String, String)>) -> Vec<Authored> {
    rows.into_iter()
        .map(|(review, author_first_name, author_last_name)| Authored { review, author_first_name, author_last_name })
        .collect()
}

pub struct NewReview<'a> {
    pub booking_id: i64,
    pub author_id: i64,
    pub subject_user_id: i64,
    pub provider_id: i64,
    pub direction: ReviewDirection,
    pub rating: i16,
    pub criteria: [Option<i16>; 3],
    pub comment: &'a str,
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Review>> {
    reviews::table.find(id).select(Review::as_select()).first(conn).optional()
}

/// Both reviews of a booking (zero, one or two).
pub fn for_booking(conn: &mut DbConn, booking_id: i64) -> QueryResult<Vec<Review>> {
    reviews::table.filter(reviews::booking_id.eq(booking_id)).select(Review::as_select()).load(conn)
}

/// Writes a new review; `false` when this direction of the booking already has one (callers hold the
/// provider's lock, so this is the unique key catching a double submit from elsewhere).
pub fn insert(conn: &mut DbConn, r: &NewReview<'_>, at: NaiveDateTime) -> QueryResult<bool> {
    let [punctuality, quality, value] = r.criteria;
    let inserted = diesel::insert_into(reviews::table)
        .values((
            reviews::booking_id.eq(r.booking_id),
            reviews::author_id.eq(r.author_id),
            reviews::subject_user_id.eq(r.subject_user_id),
            reviews::provider_id.eq(r.provider_id),
            reviews::direction.eq(r.direction),
            reviews::rating.eq(r.rating),
            reviews::punctuality.eq(punctuality),
            reviews::quality.eq(quality),
            reviews::value.eq(value),
            reviews::comment.eq(r.comment),
            reviews::status.eq(ReviewStatus::Pending),
            reviews::created_at.eq(at),
            reviews::updated_at.eq(at),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Edits a review still waiting for publication; `false` if it was published meanwhile.
pub fn update_pending(
    conn: &mut DbConn,
    id: i64,
    rating: i16,
    criteria: [Option<i16>; 3],
    comment: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let [punctuality, quality, value] = criteria;
    let n = diesel::update(reviews::table.find(id).filter(reviews::status.eq(ReviewStatus::Pending)))
        .set((
            reviews::rating.eq(rating),
            reviews::punctuality.eq(punctuality),
            reviews::quality.eq(quality),
            reviews::value.eq(value),
            reviews::comment.eq(comment),
            reviews::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_pending(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let n = diesel::delete(reviews::table.find(id).filter(reviews::status.eq(ReviewStatus::Pending))).execute(conn)?;
    Ok(n == 1)
}

/// Publishes a booking's pending reviews together; how many were published.
pub fn publish_booking(conn: &mut DbConn, booking_id: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        reviews::table.filter(reviews::booking_id.eq(booking_id)).filter(reviews::status.eq(ReviewStatus::Pending)),
    )
    .set((reviews::status.eq(ReviewStatus::Published), reviews::published_at.eq(at), reviews::updated_at.eq(at)))
    .execute(conn)
}

/// Completed bookings whose window closed (completed before `cutoff`) with a review still unpublished.
pub fn closed_with_pending(conn: &mut DbConn, cutoff: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    reviews::table
        .inner_join(bookings::table)
        .filter(reviews::status.eq(ReviewStatus::Pending))
        .filter(bookings::completed_at.le(cutoff))
        .select(reviews::booking_id)
        .distinct()
        .limit(limit)
        .load(conn)
}

/// Completed bookings (completed between the two times) and the directions already reviewed, for reminders.
pub fn completed_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(i64, Vec<ReviewDirection>)>> {
    let ids: Vec<i64> = bookings::table
        .filter(bookings::status.eq(BookingStatus::Completed))
        .filter(bookings::completed_at.gt(from))
        .filter(bookings::completed_at.le(to))
        .order(bookings::id.asc())
        .select(bookings::id)
        .limit(limit)
        .load(conn)?;
    let done: Vec<(i64, ReviewDirection)> = reviews::table
        .filter(reviews::booking_id.eq_any(&ids))
        .select((reviews::booking_id, reviews::direction))
        .load(conn)?;
    Ok(ids.into_iter().map(|id| (id, done.iter().filter(|(b, _)| *b == id).map(|(_, d)| *d).collect())).collect())
}

/// Moderation: moves a review between published and hidden (only from the expected status).
pub fn set_visibility(
    conn: &mut DbConn,
    id: i64,
    from: ReviewStatus,
    to: ReviewStatus,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(reviews::table.find(id).filter(reviews::status.eq(from)))
        .set((reviews::status.eq(to), reviews::status_reason.eq(reason), reviews::updated_at.eq(at)))
        .execute(conn)?;
    Ok(n == 1)
}

/// The provider's one public reply to a published review of them; `false` if there is one already.
pub fn set_reply(conn: &mut DbConn, id: i64, reply: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        reviews::table.find(id).filter(reviews::status.eq(ReviewStatus::Published)).filter(reviews::reply.is_null()),
    )
    .set((reviews::reply.eq(reply), reviews::replied_at.eq(at)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Recomputes a provider's rating and review count, and a client's, from their published reviews.
pub fn recompute(conn: &mut DbConn, provider_id: i64, client_id: i64) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE providers SET \
           rating_avg = COALESCE((SELECT AVG(CAST(rating AS DOUBLE PRECISION)) FROM reviews \
             WHERE provider_id = $1 AND direction = 'CLIENT_TO_PROVIDER' AND status = 'PUBLISHED'), 0), \
           review_count = (SELECT COUNT(*) FROM reviews \
             WHERE provider_id = $1 AND direction = 'CLIENT_TO_PROVIDER' AND status = 'PUBLISHED') \
         WHERE id = $1",
    )
    .bind::<BigInt, _>(provider_id)
    .execute(conn)?;
    diesel::sql_query(
        "UPDATE users SET \
           rating_avg = COALESCE((SELECT AVG(CAST(rating AS DOUBLE PRECISION)) FROM reviews \
             WHERE subject_user_id = $1 AND direction = 'PROVIDER_TO_CLIENT' AND status = 'PUBLISHED'), 0), \
           review_count = (SELECT COUNT(*) FROM reviews \
             WHERE subject_user_id = $1 AND direction = 'PROVIDER_TO_CLIENT' AND status = 'PUBLISHED') \
         WHERE id = $1",
    )
    .bind::<BigInt, _>(client_id)
    .execute(conn)?;
    crate::db::models::provider::refresh_listing(conn, provider_id)
}

/// The latest published reviews about a client, written by providers (what a provider sees of a requester).
pub fn about_client(conn: &mut DbConn, client_id: i64, limit: i64) -> QueryResult<Vec<Authored>> {
    let rows: Vec<(Review, String, String)> = reviews::table
        .inner_join(users::table.on(users::id.eq(reviews::author_id)))
        .filter(reviews::subject_user_id.eq(client_id))
        .filter(reviews::direction.eq(ReviewDirection::ProviderToClient))
        .filter(reviews::status.eq(ReviewStatus::Published))
        .order((reviews::published_at.desc(), reviews::id.desc()))
        .limit(limit)
        .select((Review::as_select(), users::first_name, users::last_name))
        .load(conn)?;
    Ok(authored(rows))
}

/// Published reviews of a provider, newest first, one page.
pub fn of_provider(conn: &mut DbConn, provider_id: i64, offset: i64, limit: i64) -> QueryResult<Vec<Authored>> {
    let rows: Vec<(Review, String, String)> = reviews::table
        .inner_join(users::table.on(users::id.eq(reviews::author_id)))
        .filter(reviews::provider_id.eq(provider_id))
        .filter(reviews::direction.eq(ReviewDirection::ClientToProvider))
        .filter(reviews::status.eq(ReviewStatus::Published))
        .order((reviews::published_at.desc(), reviews::id.desc()))
        .offset(offset)
        .limit(limit)
        .select((Review::as_select(), users::first_name, users::last_name))
        .load(conn)?;
    Ok(authored(rows))
}

/// A provider's published reviews in one grouped query: how many have 5, 4, 3, 2 and 1 stars, and the averages
/// of punctuality, quality and value (None: never rated).
pub fn summary(conn: &mut DbConn, provider_id: i64) -> QueryResult<([i64; 5], [Option<f64>; 3])> {
    use diesel::dsl::sql;
    use diesel::sql_types::{BigInt, Double, Nullable};
    let sum = |column: &str| sql::<Nullable<Double>>(&format!("SUM(CAST({column} AS DOUBLE PRECISION))"));
    let count = |column: &str| sql::<BigInt>(&format!("COUNT({column})"));
    type Row = (i16, i64, Option<f64>, i64, Option<f64>, i64, Option<f64>, i64);
    let rows: Vec<Row> = reviews::table
        .filter(reviews::provider_id.eq(provider_id))
        .filter(reviews::direction.eq(ReviewDirection::ClientToProvider))
        .filter(reviews::status.eq(ReviewStatus::Published))
        .group_by(reviews::rating)
        .select((
            reviews::rating,
            diesel::dsl::count_star(),
            sum("punctuality"),
            count("punctuality"),
            sum("quality"),
            count("quality"),
            sum("value"),
            count("value"),
        ))
        .load(conn)?;
    let mut distribution = [0i64; 5];
    let mut totals = [(0.0, 0i64); 3];
    for (rating, n, p, pn, q, qn, v, vn) in rows {
        if (1..=5).contains(&rating) {
            distribution[(5 - rating) as usize] = n;
        }
        for (total, (s, c)) in totals.iter_mut().zip([(p, pn), (q, qn), (v, vn)]) {
            total.0 += s.unwrap_or(0.0);
            total.1 += c;
        }
    }
    Ok((distribution, totals.map(|(s, c)| (c > 0).then(|| s / c as f64))))
}

/// Reports a review (one open report per person and review: reporting again changes nothing).
pub fn report(
    conn: &mut DbConn,
    reporter_id: i64,
    review_id: i64,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    super::report::file(conn, reporter_id, ReportTarget::Review, review_id, reason, at)
}

/// A reported or hidden review in the moderation queue, with its open reports' reasons.
pub struct Reported {
    pub review: Authored,
    pub reasons: Vec<String>,
}

/// The moderation queue: reviews with open reports (oldest report first), then hidden ones.
pub fn moderation_queue(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Reported>> {
    let open: Vec<(i64, String)> = reports::table
        .filter(reports::target_kind.eq(ReportTarget::Review))
        .filter(reports::status.eq(ReportStatus::Open))
        .order((reports::created_at.asc(), reports::id.asc()))
        .select((reports::target_id, reports::reason))
        .load(conn)?;
    let mut ids: Vec<i64> = Vec::new();
    for (id, _) in &open {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    let hidden: Vec<i64> = reviews::table
        .filter(reviews::status.eq(ReviewStatus::Hidden))
        .filter(diesel::dsl::not(reviews::id.eq_any(&ids)))
        .order(reviews::updated_at.desc())
        .limit(limit)
        .select(reviews::id)
        .load(conn)?;
    ids.extend(hidden);
    ids.truncate(limit as usize);
    let rows: Vec<(Review, String, String)> = reviews::table
        .inner_join(users::table.on(users::id.eq(reviews::author_id)))
        .filter(reviews::id.eq_any(&ids))
        .select((Review::as_select(), users::first_name, users::last_name))
        .load(conn)?;
    let mut queue: Vec<Reported> = authored(rows)
        .into_iter()
        .map(|review| {
            let reasons = open.iter().filter(|(id, _)| *id == review.review.id).map(|(_, r)| r.clone()).collect();
            Reported { review, reasons }
        })
        .collect();
    queue.sort_by_key(|r| ids.iter().position(|id| *id == r.review.review.id));
    Ok(queue)
}

/// Closes a review's open reports with the moderator's decision.
pub fn resolve_reports(
    conn: &mut DbConn,
    review_id: i64,
    admin_id: i64,
    note: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    super::report::close(conn, ReportTarget::Review, &[review_id], ReportStatus::Resolved, admin_id, note, at)
}

/// How many reviews have open reports (the back office's queue size).
pub fn open_report_count(conn: &mut DbConn) -> QueryResult<i64> {
    super::report::open_targets(conn, ReportTarget::Review)
}

/// Reviews a user wrote or received, newest first (the back office's user page).
pub fn by_or_about_user(conn: &mut DbConn, user_id: i64, limit: i64) -> QueryResult<Vec<Review>> {
    reviews::table
        .filter(reviews::author_id.eq(user_id).or(reviews::subject_user_id.eq(user_id)))
        .order((reviews::created_at.desc(), reviews::id.desc()))
        .limit(limit)
        .select(Review::as_select())
        .load(conn)
}
