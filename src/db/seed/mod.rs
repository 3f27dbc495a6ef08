//! Reference data (categories, cities, Club Pro plans) and realistic demo content, loaded in batches
//! inside transactions. `khadamat seed --providers 100000` is the benchmark data set.

mod data;

use std::fmt;

use chrono::{Duration, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::db::DbError;
use crate::db::schema::*;
use crate::db::types::*;
use crate::db::{DbConn, now};
use crate::domain::{password, slug::slugify_parts, text::fold};

pub const DEMO_PASSWORD: &str = "Khadamat-demo-2026";
pub const DEMO_ADMIN: &str = "admin@khadamat.ma";
pub const DEMO_CLIENT: &str = "client@khadamat.ma";
pub const DEMO_PROVIDER: &str = "provider@khadamat.ma";

pub struct Options {
    pub providers: usize,
    pub seed: u64,
    pub progress: bool,
}

#[derive(Default)]
pub struct Report {
    pub categories: usize,
    pub cities: usize,
    pub users: usize,
    pub providers: usize,
    pub services: usize,
    pub bookings: usize,
    pub reviews: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "seed: {} categories, {} cities, {} users, {} providers, {} services, {} bookings, {} reviews",
            self.categories, self.cities, self.users, self.providers, self.services, self.bookings, self.reviews
        )
    }
}

pub fn print_demo_logins() {
    println!();
    println!("  Demo accounts (development only) — password: {DEMO_PASSWORD}");
    println!("    admin     {DEMO_ADMIN}");
    println!("    client    {DEMO_CLIENT}");
    println!("    provider  {DEMO_PROVIDER}");
    println!();
}

/// True when the reference data has never been loaded.
pub fn is_empty(conn: &mut DbConn) -> Result<bool, DbError> {
    Ok(categories::table.count().get_result::<i64>(conn)? == 0)
}

/// Runs one batched INSERT on the concrete connection (multi-row inserts do not go through
/// `MultiConnection`), in chunks that stay under both backends' bind-parameter limits.
macro_rules! insert_batch {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = &$rows[..];
        let chunk = (30_000 / $columns).max(1);
        let mut inserted = 0usize;
        for part in rows.chunks(chunk) {
            inserted += match &mut *$conn {
                DbConn::Pg(c) => diesel::insert_into($table).values(part).execute(c)?,
                DbConn::Sqlite(c) => diesel::insert_into($table).values(part).execute(c)?,
            };
        }
        inserted
    }};
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct UserRow {
    id: i64,
    email: String,
    password_hash: String,
    first_name: String,
    last_name: String,
    phone: Option<String>,
    role: UserRole,
    locale: Locale,
    city_id: Option<i64>,
    email_verified_at: Option<NaiveDateTime>,
    last_login_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = providers)]
struct ProviderRow {
    id: i64,
    user_id: i64,
    slug: String,
    display_name: String,
    bio_fr: String,
    bio_ar: String,
    bio_en: Option<String>,
    specialties: String,
    years_experience: i32,
    hourly_rate_cents: Option<i64>,
    city_id: i64,
    neighbourhood: Option<String>,
    service_radius_km: Option<i32>,
    languages: String,
    status: ProviderStatus,
    approved_at: Option<NaiveDateTime>,
    is_verified: bool,
    verified_at: Option<NaiveDateTime>,
    rating_avg: f64,
    review_count: i32,
    completed_jobs: i32,
    response_time_minutes: Option<i32>,
    min_price_cents: Option<i64>,
    search_text: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = provider_categories)]
struct ProviderCategoryRow {
    provider_id: i64,
    category_id: i64,
}

#[derive(Insertable)]
#[diesel(table_name = provider_cities)]
struct ProviderCityRow {
    provider_id: i64,
    city_id: i64,
}

#[derive(Insertable)]
#[diesel(table_name = provider_availability)]
struct AvailabilityRow {
    provider_id: i64,
    weekday: i16,
    start_minute: i32,
    end_minute: i32,
}

#[derive(Insertable)]
#[diesel(table_name = services)]
struct ServiceRow {
    id: i64,
    provider_id: i64,
    category_id: i64,
    name_fr: String,
    name_ar: String,
    name_en: Option<String>,
    description_fr: String,
    description_ar: String,
    description_en: Option<String>,
    pricing_unit: PricingUnit,
    base_price_cents: Option<i64>,
    duration_minutes: i32,
    is_active: bool,
    is_popular: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = bookings)]
struct BookingRow {
    id: i64,
    reference: String,
    client_id: i64,
    provider_id: i64,
    service_id: i64,
    title: String,
    description: String,
    scheduled_start: NaiveDateTime,
    scheduled_end: NaiveDateTime,
    address: String,
    city_id: i64,
    pricing_unit: PricingUnit,
    price_cents: Option<i64>,
    final_price_cents: Option<i64>,
    status: BookingStatus,
    expires_at: NaiveDateTime,
    responded_at: Option<NaiveDateTime>,
    started_at: Option<NaiveDateTime>,
    completed_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = booking_status_history)]
struct HistoryRow {
    booking_id: i64,
    from_status: Option<BookingStatus>,
    to_status: BookingStatus,
    actor_id: Option<i64>,
    created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = reviews)]
struct ReviewRow {
    booking_id: i64,
    author_id: i64,
    subject_user_id: i64,
    provider_id: i64,
    direction: ReviewDirection,
    rating: i16,
    punctuality: Option<i16>,
    quality: Option<i16>,
    value: Option<i16>,
    comment: String,
    status: ReviewStatus,
    published_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Clone)]
struct CategoryRef {
    id: i64,
    slug: String,
    fr: String,
    ar: String,
    en: String,
}

#[derive(Clone)]
struct CityRef {
    id: i64,
    fr: String,
    ar: String,
    lat: f64,
    lng: f64,
}

/// Loads reference data if missing, the three demo accounts if missing, then `providers` demo providers.
pub fn run(conn: &mut DbConn, options: &Options) -> Result<Report, DbError> {
    let mut report = Report::default();
    conn.transaction::<_, DbError, _>(|conn| {
        let (cats, cits) = load_reference(conn, &mut report)?;
        if cats == 0 || cits == 0 {
            return Err(DbError::Data("no categories or cities to seed".into()));
        }
        Ok(())
    })?;
    let categories: Vec<CategoryRef> = categories::table
        .order(categories::position)
        .select((categories::id, categories::slug, categories::name_fr, categories::name_ar, categories::name_en))
        .load::<(i64, String, String, String, String)>(conn)?
        .into_iter()
        .map(|(id, slug, fr, ar, en)| CategoryRef { id, slug, fr, ar, en })
        .collect();
    let cities_list: Vec<CityRef> = cities::table
        .order(cities::position)
        .select((cities::id, cities::name_fr, cities::name_ar, cities::latitude, cities::longitude))
        .load::<(i64, String, String, f64, f64)>(conn)?
        .into_iter()
        .map(|(id, fr, ar, lat, lng)| CityRef { id, fr, ar, lat, lng })
        .collect();

    let mut generator = Generator::new(conn, options.seed, categories, cities_list)?;
    let demo_needed = users::table.filter(users::email.eq(DEMO_ADMIN)).count().get_result::<i64>(conn)? == 0;
    conn.transaction::<_, DbError, _>(|conn| {
        if demo_needed {
            generator.demo_accounts(conn, &mut report)?;
        }
        generator.clients(conn, (options.providers / 5).clamp(20, 20_000), &mut report)
    })?;

    let progress = (options.progress && options.providers >= 1000).then(|| {
        let bar = indicatif::ProgressBar::new(options.providers as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} providers ({per_sec}, eta {eta})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut remaining = options.providers;
    while remaining > 0 {
        let batch = remaining.min(2_000);
        conn.transaction::<_, DbError, _>(|conn| generator.providers(conn, batch, &mut report))?;
        remaining -= batch;
        if let Some(bar) = &progress {
            bar.inc(batch as u64);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    conn.transaction::<_, DbError, _>(finish)?;
    Ok(report)
}

fn load_reference(conn: &mut DbConn, report: &mut Report) -> Result<(i64, i64), DbError> {
    if categories::table.count().get_result::<i64>(conn)? == 0 {
        let mut rows = Vec::new();
        for (i, line) in data::CATEGORIES_CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).enumerate() {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() != 5 {
                return Err(DbError::Data(format!("categories.csv line {}: expected 5 fields", i + 2)));
            }
            rows.push((
                categories::code.eq(f[0].to_string()),
                categories::slug.eq(f[1].to_string()),
                categories::name_fr.eq(f[2].to_string()),
                categories::name_ar.eq(f[3].to_string()),
                categories::name_en.eq(f[4].to_string()),
                categories::icon.eq(f[1].to_string()),
                categories::position.eq(i as i32 + 1),
                categories::is_popular.eq(data::POPULAR.contains(&f[1])),
            ));
        }
        report.categories = insert_batch!(conn, categories::table, rows, 8);
    }
    if cities::table.count().get_result::<i64>(conn)? == 0 {
        let mut rows = Vec::new();
        for (i, line) in data::CITIES_CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).enumerate() {
            let f: Vec<&str> = line.split(',').collect();
            let parse = |s: &str| {
                s.parse::<f64>().map_err(|_| DbError::Data(format!("cities.csv line {}: bad coordinate", i + 2)))
            };
            if f.len() != 6 {
                return Err(DbError::Data(format!("cities.csv line {}: expected 6 fields", i + 2)));
            }
            rows.push((
                cities::slug.eq(f[0].to_string()),
                cities::name_fr.eq(f[1].to_string()),
                cities::name_ar.eq(f[2].to_string()),
                cities::name_en.eq(f[3].to_string()),
                cities::latitude.eq(parse(f[4])?),
                cities::longitude.eq(parse(f[5])?),
                cities::position.eq(i as i32 + 1),
            ));
        }
        report.cities = insert_batch!(conn, cities::table, rows, 7);
    }
    if subscription_plans::table.count().get_result::<i64>(conn)? == 0 {
        let features = r#"["badge","featured","ranking","statistics_csv"]"#;
        let rows = [
            (
                subscription_plans::code.eq("CLUB_PRO_MONTHLY"),
                subscription_plans::kind.eq(PlanKind::ClubPro),
                subscription_plans::billing_interval.eq(BillingInterval::Month),
                subscription_plans::price_cents.eq(19_900i64),
                subscription_plans::features.eq(features),
                subscription_plans::position.eq(1),
            ),
            (
                subscription_plans::code.eq("CLUB_PRO_YEARLY"),
                subscription_plans::kind.eq(PlanKind::ClubPro),
                subscription_plans::billing_interval.eq(BillingInterval::Year),
                subscription_plans::price_cents.eq(199_000i64),
                subscription_plans::features.eq(features),
                subscription_plans::position.eq(2),
            ),
        ];
        insert_batch!(conn, subscription_plans::table, rows, 6);
    }
    Ok((categories::table.count().get_result(conn)?, cities::table.count().get_result(conn)?))
}

fn max_id(conn: &mut DbConn, table: &str) -> Result<i64, DbError> {
    #[derive(QueryableByName)]
    struct MaxId {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        id: Option<i64>,
    }
    // `table` is one of our own table names, never user input.
    let row: MaxId = diesel::sql_query(format!("SELECT MAX(id) AS id FROM {table}")).get_result(conn)?;
    Ok(row.id.unwrap_or(0))
}

/// Recomputes client ratings from the reviews, rebuilds the listings and moves PostgreSQL's identity sequences past the
/// explicit ids the seed used.
fn finish(conn: &mut DbConn) -> Result<(), DbError> {
    diesel::sql_query(
        "UPDATE users SET \
           review_count = (SELECT COUNT(*) FROM reviews r WHERE r.subject_user_id = users.id \
                           AND r.direction = 'PROVIDER_TO_CLIENT' AND r.status = 'PUBLISHED'), \
           rating_avg = COALESCE((SELECT AVG(r.rating) FROM reviews r WHERE r.subject_user_id = users.id \
                           AND r.direction = 'PROVIDER_TO_CLIENT' AND r.status = 'PUBLISHED'), 0) \
         WHERE role = 'CLIENT'",
    )
    .execute(conn)?;
    crate::db::models::provider::rebuild_listings(conn)?;
    // Fresh statistics, so that the query planner knows the new sizes (the `seed` command also vacuums
    // PostgreSQL afterwards: see `vacuum`).
    diesel::sql_query("ANALYZE").execute(conn)?;
    if let DbConn::Pg(_) = conn {
        for table in ["users", "providers", "services", "bookings"] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(conn)?;
        }
    }
    Ok(())
}

struct Generator {
    rng: StdRng,
    anchor: NaiveDateTime,
    password_hash: String,
    categories: Vec<CategoryRef>,
    cities: Vec<CityRef>,
    next_user: i64,
    next_provider: i64,
    next_service: i64,
    next_booking: i64,
    clients: Vec<(i64, i64)>,
}

impl Generator {
    fn new(conn: &mut DbConn, seed: u64, categories: Vec<CategoryRef>, cities: Vec<CityRef>) -> Result<Self, DbError> {
        // Anchored to today (UTC midnight): the same seed on the same day gives the same data.
        let anchor = now().date().and_time(NaiveTime::MIN);
        let clients = users::table
            .filter(users::role.eq(UserRole::Client))
            .select((users::id, users::city_id))
            .load::<(i64, Option<i64>)>(conn)?
            .into_iter()
            .map(|(id, city)| (id, city.unwrap_or(cities[0].id)))
            .collect();
        Ok(Generator {
            rng: StdRng::seed_from_u64(seed),
            anchor,
            password_hash: password::hash(DEMO_PASSWORD),
            categories,
            cities,
            next_user: max_id(conn, "users")? + 1,
            next_provider: max_id(conn, "providers")? + 1,
            next_service: max_id(conn, "services")? + 1,
            next_booking: max_id(conn, "bookings")? + 1,
            clients,
        })
    }

    fn user_id(&mut self) -> i64 {
        self.next_user += 1;
        self.next_user - 1
    }

    fn phone(&mut self) -> String {
        format!("+2126{:08}", self.rng.gen_range(0..100_000_000u32))
    }

    fn user(&mut self, email: String, first: &str, last: &str, role: UserRole, city_id: i64, days_ago: i64) -> UserRow {
        let created = self.anchor - Duration::days(days_ago);
        UserRow {
            id: self.user_id(),
            email,
            password_hash: self.password_hash.clone(),
            first_name: first.to_string(),
            last_name: last.to_string(),
            phone: Some(self.phone()),
            role,
            locale: Locale::Fr,
            city_id: Some(city_id),
            email_verified_at: Some(created + Duration::minutes(10)),
            last_login_at: None,
            created_at: created,
            updated_at: created,
        }
    }

    fn demo_accounts(&mut self, conn: &mut DbConn, report: &mut Report) -> Result<(), DbError> {
        let casa = self.cities[0].id;
        let admin = self.user(DEMO_ADMIN.into(), "Amina", "Administratrice", UserRole::Admin, casa, 400);
        let client = self.user(DEMO_CLIENT.into(), "Salma", "Bennani", UserRole::Client, casa, 200);
        let provider_user = self.user(DEMO_PROVIDER.into(), "Youssef", "El Amrani", UserRole::Provider, casa, 300);
        let (client_id, provider_user_id) = (client.id, provider_user.id);
        report.users += insert_batch!(conn, users::table, vec![admin, client, provider_user], 13);
        self.clients.push((client_id, casa));
        let plumbing = self.categories.iter().position(|c| c.slug == "plomberie").unwrap_or(0);
        self.provider(
            conn,
            provider_user_id,
            "Youssef",
            "يوسف",
            "El Amrani",
            plumbing,
            0,
            true,
            report,
            Some(client_id),
        )
    }

    fn clients(&mut self, conn: &mut DbConn, wanted: usize, report: &mut Report) -> Result<(), DbError> {
        let existing = self.clients.len();
        if existing >= wanted {
            return Ok(());
        }
        let mut rows = Vec::with_capacity(wanted - existing);
        for _ in existing..wanted {
            let (first, _) = *data::FIRST_NAMES.choose(&mut self.rng).expect("names");
            let (last, _) = *data::LAST_NAMES.choose(&mut self.rng).expect("names");
            let city = self.cities[self.rng.gen_range(0..self.cities.len())].id;
            let id = self.next_user;
            let days = self.rng.gen_range(30..700);
            let row = self.user(format!("client-{id}@demo.khadamat.ma"), first, last, UserRole::Client, city, days);
            self.clients.push((row.id, city));
            rows.push(row);
        }
        report.users += insert_batch!(conn, users::table, rows, 13);
        Ok(())
    }

    fn providers(&mut self, conn: &mut DbConn, count: usize, report: &mut Report) -> Result<(), DbError> {
        let mut users_rows = Vec::with_capacity(count);
        let mut plan = Vec::with_capacity(count);
        for _ in 0..count {
            let (first, first_ar) = *data::FIRST_NAMES.choose(&mut self.rng).expect("names");
            let (last, _) = *data::LAST_NAMES.choose(&mut self.rng).expect("names");
            // Half of the providers live in the five largest cities, like the market.
            let city_index = if self.rng.gen_bool(0.5) {
                self.rng.gen_range(0..5)
            } else {
                self.rng.gen_range(0..self.cities.len())
            };
            let category_index = self.rng.gen_range(0..self.categories.len());
            let id = self.next_user;
            let days = self.rng.gen_range(20..900);
            let row = self.user(
                format!("provider-{id}@demo.khadamat.ma"),
                first,
                last,
                UserRole::Provider,
                self.cities[city_index].id,
                days,
            );
            plan.push((row.id, first, first_ar, last, category_index, city_index));
            users_rows.push(row);
        }
        report.users += insert_batch!(conn, users::table, users_rows, 13);
        let mut batch = Batch::default();
        for (user_id, first, first_ar, last, category_index, city_index) in plan {
            let approved = self.rng.gen_bool(0.96);
            self.build_provider(&mut batch, user_id, first, first_ar, last, category_index, city_index, approved, None);
        }
        batch.insert(conn, report)
    }

    #[allow(clippy::too_many_arguments)]
    fn provider(
        &mut self,
        conn: &mut DbConn,
        user_id: i64,
        first: &str,
        first_ar: &str,
        last: &str,
        category_index: usize,
        city_index: usize,
        approved: bool,
        report: &mut Report,
        demo_client: Option<i64>,
    ) -> Result<(), DbError> {
        let mut batch = Batch::default();
        self.build_provider(
            &mut batch,
            user_id,
            first,
            first_ar,
            last,
            category_index,
            city_index,
            approved,
            demo_client,
        );
        batch.insert(conn, report)
    }

    /// One provider with categories, cities served, availability, services, past jobs and reviews.
    #[allow(clippy::too_many_arguments)]
    fn build_provider(
        &mut self,
        batch: &mut Batch,
        user_id: i64,
        first: &str,
        first_ar: &str,
        last: &str,
        category_index: usize,
        city_index: usize,
        approved: bool,
        demo_client: Option<i64>,
    ) {
        let rng = &mut self.rng;
        let id = self.next_provider;
        self.next_provider += 1;
        let category = self.categories[category_index].clone();
        let city = self.cities[city_index].clone();
        let display_name = format!("{first} {last}");
        let years = rng.gen_range(1..26);
        let (bio_fr, bio_ar, bio_en) =
            data::bios((first, first_ar), (&category.fr, &category.ar, &category.en), (&city.fr, &city.ar), years);
        let created = self.anchor - Duration::days(rng.gen_range(30..900));

        let mut category_ids = vec![category.id];
        if rng.gen_bool(0.35) {
            let other = &self.categories[rng.gen_range(0..self.categories.len())];
            if other.id != category.id {
                category_ids.push(other.id);
            }
        }
        for cid in &category_ids {
            batch.categories.push(ProviderCategoryRow { provider_id: id, category_id: *cid });
        }
        // Cities served: home city plus neighbours within 120 km.
        batch.cities.push(ProviderCityRow { provider_id: id, city_id: city.id });
        for other in &self.cities {
            if other.id != city.id
                && crate::domain::geo::haversine_km(city.lat, city.lng, other.lat, other.lng) < 120.0
                && rng.gen_bool(0.6)
            {
                batch.cities.push(ProviderCityRow { provider_id: id, city_id: other.id });
            }
        }
        let start = [480, 510, 540][rng.gen_range(0..3)];
        let end = [1080, 1110, 1140][rng.gen_range(0..3)];
        let workdays = if rng.gen_bool(0.7) { 6 } else { 5 };
        for weekday in 1..=workdays {
            let end = if weekday == 6 { 780 } else { end };
            batch.availability.push(AvailabilityRow {
                provider_id: id,
                weekday: weekday as i16,
                start_minute: start,
                end_minute: end,
            });
        }

        let mut templates: Vec<usize> = (0..data::SERVICE_TEMPLATES.len()).collect();
        templates.shuffle(rng);
        let service_count = rng.gen_range(2..=3);
        let price_factor = rng.gen_range(0.8..1.6);
        let mut services_of: Vec<(i64, PricingUnit, Option<i64>, i32, String)> = Vec::new();
        let mut min_price: Option<i64> = None;
        let mut search = vec![
            display_name.clone(),
            category.fr.clone(),
            category.ar.clone(),
            category.en.clone(),
            bio_fr.clone(),
            bio_ar.clone(),
        ];
        for t in templates.into_iter().take(service_count) {
            let t = &data::SERVICE_TEMPLATES[t];
            let sid = self.next_service;
            self.next_service += 1;
            let unit = match t.pricing {
                0 => PricingUnit::Fixed,
                1 => PricingUnit::Hourly,
                _ => PricingUnit::Quote,
            };
            let price = (unit != PricingUnit::Quote)
                .then(|| ((t.price_mad as f64 * price_factor / 10.0).round() as i64) * 1000);
            if let Some(p) = price {
                min_price = Some(min_price.map_or(p, |m: i64| m.min(p)));
            }
            let name_fr = format!("{} — {}", category.fr, t.fr.to_lowercase());
            let name_ar = format!("{} — {}", category.ar, t.ar);
            let name_en = format!("{} — {}", category.en, t.en.to_lowercase());
            search.push(name_fr.clone());
            search.push(name_ar.clone());
            batch.services.push(ServiceRow {
                id: sid,
                provider_id: id,
                category_id: category.id,
                description_fr: format!(
                    "{} par {display_name} : déplacement à {} et environs, matériel inclus.",
                    t.fr, city.fr
                ),
                description_ar: format!(
                    "{} من طرف {display_name}: التنقل إلى {} ونواحيها، المعدات مشمولة.",
                    t.ar, city.ar
                ),
                description_en: Some(format!(
                    "{} by {display_name}: we come to you in {} and around, tools included.",
                    t.en, city.fr
                )),
                name_en: Some(name_en),
                name_fr: name_fr.clone(),
                name_ar,
                pricing_unit: unit,
                base_price_cents: price,
                duration_minutes: t.minutes,
                is_active: true,
                is_popular: false,
                created_at: created,
                updated_at: created,
            });
            services_of.push((sid, unit, price, t.minutes, name_fr));
        }

        // Past jobs, most of them reviewed by the client, some by the provider too.
        let jobs = if demo_client.is_some() { 12 } else { rng.gen_range(0..=6) };
        let (mut rating_sum, mut review_count) = (0i64, 0i32);
        for j in 0..jobs {
            let bid = self.next_booking;
            self.next_booking += 1;
            let (sid, unit, price, minutes, title) = services_of[rng.gen_range(0..services_of.len())].clone();
            let (client_id, _) = match demo_client {
                Some(c) if j % 3 == 0 => (c, city.id),
                _ => self.clients[rng.gen_range(0..self.clients.len())],
            };
            let day = rng.gen_range(3..360);
            let start =
                self.anchor - Duration::days(day) + Duration::minutes([480, 600, 840, 960][rng.gen_range(0..4)]);
            let created_at = start - Duration::days(rng.gen_range(1..7)) - Duration::hours(rng.gen_range(0..10));
            let responded = created_at + Duration::minutes(rng.gen_range(5..240));
            let end = start + Duration::minutes(i64::from(minutes));
            let paid = price.or(Some(30_000)).map(|p| p + rng.gen_range(0..5) * 1000);
            batch.bookings.push(BookingRow {
                id: bid,
                reference: format!("KH-{bid:06}"),
                client_id,
                provider_id: id,
                service_id: sid,
                title: title.clone(),
                description: "Intervention à domicile, détails convenus par message.".into(),
                scheduled_start: start,
                scheduled_end: end,
                address: format!("{}, {}", data::NEIGHBOURHOODS[rng.gen_range(0..data::NEIGHBOURHOODS.len())], city.fr),
                city_id: city.id,
                pricing_unit: unit,
                price_cents: price,
                final_price_cents: paid,
                status: BookingStatus::Completed,
                expires_at: created_at + Duration::hours(24),
                responded_at: Some(responded),
                started_at: Some(start),
                completed_at: Some(end),
                created_at,
                updated_at: end,
            });
            for (from, to, at, actor) in [
                (None, BookingStatus::Pending, created_at, client_id),
                (Some(BookingStatus::Pending), BookingStatus::Confirmed, responded, user_id),
                (Some(BookingStatus::Confirmed), BookingStatus::InProgress, start, user_id),
                (Some(BookingStatus::InProgress), BookingStatus::Completed, end, user_id),
            ] {
                batch.history.push(HistoryRow {
                    booking_id: bid,
                    from_status: from,
                    to_status: to,
                    actor_id: Some(actor),
                    created_at: at,
                });
            }
            if rng.gen_bool(0.85) {
                let roll = rng.gen_range(0..100);
                let rating: i16 = match roll {
                    0..=54 => 5,
                    55..=84 => 4,
                    85..=94 => 3,
                    95..=97 => 2,
                    _ => 1,
                };
                let comments: Vec<&str> = data::REVIEW_COMMENTS
                    .iter()
                    .filter(|(_, r)| i16::from(*r) == rating.max(3))
                    .map(|(c, _)| *c)
                    .collect();
                let comment = comments[rng.gen_range(0..comments.len())].to_string();
                let published = end + Duration::days(rng.gen_range(1..5));
                let sub = |rng: &mut StdRng| Some((rating + rng.gen_range(-1..=1)).clamp(1, 5));
                batch.reviews.push(ReviewRow {
                    booking_id: bid,
                    author_id: client_id,
                    subject_user_id: user_id,
                    provider_id: id,
                    direction: ReviewDirection::ClientToProvider,
                    rating,
                    punctuality: sub(rng),
                    quality: sub(rng),
                    value: sub(rng),
                    comment,
                    status: ReviewStatus::Published,
                    published_at: Some(published),
                    created_at: published - Duration::hours(2),
                    updated_at: published,
                });
                rating_sum += i64::from(rating);
                review_count += 1;
                if rng.gen_bool(0.6) {
                    batch.reviews.push(ReviewRow {
                        booking_id: bid,
                        author_id: user_id,
                        subject_user_id: client_id,
                        provider_id: id,
                        direction: ReviewDirection::ProviderToClient,
                        rating: rng.gen_range(4..=5),
                        punctuality: None,
                        quality: None,
                        value: None,
                        comment: data::CLIENT_REVIEW_COMMENTS[rng.gen_range(0..data::CLIENT_REVIEW_COMMENTS.len())]
                            .to_string(),
                        status: ReviewStatus::Published,
                        published_at: Some(published),
                        created_at: published - Duration::hours(1),
                        updated_at: published,
                    });
                }
            }
        }
        // The demo provider also has requests waiting and a confirmed job coming.
        if let Some(client_id) = demo_client {
            let (sid, unit, price, minutes, title) = services_of[0].clone();
            for (offset_days, status) in [(2, BookingStatus::Pending), (4, BookingStatus::Confirmed)] {
                let bid = self.next_booking;
                self.next_booking += 1;
                let start = self.anchor + Duration::days(offset_days) + Duration::hours(9);
                let created_at = now() - Duration::hours(2);
                batch.bookings.push(BookingRow {
                    id: bid,
                    reference: format!("KH-{bid:06}"),
                    client_id,
                    provider_id: id,
                    service_id: sid,
                    title: title.clone(),
                    description: "Fuite sous l'évier de la cuisine, à réparer rapidement.".into(),
                    scheduled_start: start,
                    scheduled_end: start + Duration::minutes(i64::from(minutes)),
                    address: format!("Maârif, {}", city.fr),
                    city_id: city.id,
                    pricing_unit: unit,
                    price_cents: price,
                    final_price_cents: None,
                    status,
                    expires_at: (created_at + Duration::hours(24)).min(start),
                    responded_at: (status == BookingStatus::Confirmed).then_some(created_at + Duration::minutes(30)),
                    started_at: None,
                    completed_at: None,
                    created_at,
                    updated_at: created_at,
                });
                batch.history.push(HistoryRow {
                    booking_id: bid,
                    from_status: None,
                    to_status: BookingStatus::Pending,
                    actor_id: Some(client_id),
                    created_at,
                });
                if status == BookingStatus::Confirmed {
                    batch.history.push(HistoryRow {
                        booking_id: bid,
                        from_status: Some(BookingStatus::Pending),
                        to_status: BookingStatus::Confirmed,
                        actor_id: Some(user_id),
                        created_at: created_at + Duration::minutes(30),
                    });
                }
            }
        }

        let rating_avg = if review_count > 0 {
            ((rating_sum as f64 / f64::from(review_count)) * 100.0).round() / 100.0
        } else {
            0.0
        };
        let verified = approved && (demo_client.is_some() || rng.gen_bool(0.55));
        let slug = slugify_parts(&[&display_name, &category.fr, &city.fr]);
        batch.providers.push(ProviderRow {
            id,
            user_id,
            slug: format!("{slug}-{id}"),
            display_name,
            bio_fr,
            bio_ar,
            bio_en: Some(bio_en),
            specialties: category.fr.clone(),
            years_experience: years,
            hourly_rate_cents: Some(((rng.gen_range(80..250) / 10) * 10) * 100),
            city_id: city.id,
            neighbourhood: Some(data::NEIGHBOURHOODS[rng.gen_range(0..data::NEIGHBOURHOODS.len())].to_string()),
            service_radius_km: Some([10, 20, 30, 50][rng.gen_range(0..4)]),
            languages: if rng.gen_bool(0.3) { "ar,fr,en".into() } else { "ar,fr".into() },
            status: if approved { ProviderStatus::Approved } else { ProviderStatus::Pending },
            approved_at: approved.then_some(created + Duration::days(1)),
            is_verified: verified,
            verified_at: verified.then_some(created + Duration::days(2)),
            rating_avg,
            review_count,
            completed_jobs: jobs,
            response_time_minutes: Some(rng.gen_range(5..240)),
            min_price_cents: min_price,
            search_text: fold(&search.join(" ")),
            created_at: created,
            updated_at: created,
        });
    }
}

/// Rows of a batch of providers, inserted parents first.
#[derive(Default)]
struct Batch {
    providers: Vec<ProviderRow>,
    categories: Vec<ProviderCategoryRow>,
    cities: Vec<ProviderCityRow>,
    availability: Vec<AvailabilityRow>,
    services: Vec<ServiceRow>,
    bookings: Vec<BookingRow>,
    history: Vec<HistoryRow>,
    reviews: Vec<ReviewRow>,
}

impl Batch {
    fn insert(self, conn: &mut DbConn, report: &mut Report) -> Result<(), DbError> {
        report.providers += insert_batch!(conn, providers::table, self.providers, 26);
        insert_batch!(conn, provider_categories::table, self.categories, 2);
        insert_batch!(conn, provider_cities::table, self.cities, 2);
        insert_batch!(conn, provider_availability::table, self.availability, 4);
        report.services += insert_batch!(conn, services::table, self.services, 16);
        report.bookings += insert_batch!(conn, bookings::table, self.bookings, 21);
        insert_batch!(conn, booking_status_history::table, self.history, 5);
        report.reviews += insert_batch!(conn, reviews::table, self.reviews, 14);
        Ok(())
    }
}

/// Creates an administrator with a verified email (the `create-admin` command).
pub fn create_admin(
    conn: &mut DbConn,
    email: &str,
    plain_password: &str,
    first: &str,
    last: &str,
) -> Result<i64, DbError> {
    let email = email.trim().to_lowercase();
    if !crate::domain::validation::looks_like_email(&email) {
        return Err(DbError::Data(format!("{email:?} is not an email address")));
    }
    if plain_password.chars().count() < password::MIN_LENGTH {
        return Err(DbError::Data(format!("the password must have at least {} characters", password::MIN_LENGTH)));
    }
    let hash = password::hash(plain_password);
    conn.transaction(|conn| {
        if crate::db::models::user::find_by_email(conn, &email)?.is_some() {
            return Err(DbError::Data(format!("an account with {email} already exists")));
        }
        let at = now();
        let id: i64 = diesel::insert_into(users::table)
            .values(crate::db::models::NewUser {
                email: &email,
                password_hash: &hash,
                first_name: first,
                last_name: last,
                phone: None,
                role: UserRole::Admin,
                locale: Locale::Fr,
                city_id: None,
                email_verified_at: Some(at),
                created_at: at,
                updated_at: at,
            })
            .returning(users::id)
            .get_result(conn)?;
        crate::db::models::audit_log::insert(
            conn,
            &crate::db::models::audit_log::NewAuditLog {
                actor_id: None,
                action: "admin.created",
                target_kind: Some("user"),
                target_id: Some(id),
                old_values: None,
                new_values: Some(serde_json::json!({ "email": email, "via": "cli" }).to_string()),
                ip_address: None,
                user_agent: None,
                request_id: None,
                created_at: at,
            },
        )?;
        Ok(id)
    })
}

/// After a bulk load on PostgreSQL: sets the visibility map, without which index-only scans (listing counts,
/// search filters) visit every row until autovacuum comes by. Outside any transaction (the CLI's seed).
pub fn vacuum(conn: &mut DbConn) -> Result<(), DbError> {
    if let DbConn::Pg(_) = conn {
        diesel::sql_query("VACUUM ANALYZE").execute(conn)?;
    }
    Ok(())
}
