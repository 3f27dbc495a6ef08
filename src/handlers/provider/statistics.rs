//! `GET /{lang}/provider/statistics?period=30d|90d|12m` (or `from` and `to`): the provider's requests,
//! acceptance, response time, completion and cancellation, revenue per month, rating over time, profile
//! views and favorites, as figures, SVG charts and tables.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::views::statistics::{self, ProviderStats};
use crate::domain::period::Period;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::auth::CurrentProvider;
use crate::web::charts::{self, Point};
use crate::web::format::month_short;
use crate::web::{Page, render};

/// A chart with its data as a table.
pub struct Chart {
    pub id: &'static str,
    pub title: String,
    pub svg: String,
    /// (label, value as written)
    pub rows: Vec<(String, String)>,
    /// Nothing above zero in the period: a sentence says so instead of a flat drawing.
    pub empty: bool,
}

impl Chart {
    pub fn bars(id: &'static str, title: String, points: Vec<Point>, fmt: impl Fn(f64) -> String) -> Chart {
        let svg = charts::bars(id, &title, &points, fmt);
        Chart::of(id, title, svg, points)
    }

    fn of(id: &'static str, title: String, svg: String, points: Vec<Point>) -> Chart {
        let empty = !points.iter().any(|p| p.value.is_some_and(|v| v > 0.0));
        Chart { id, title, svg, rows: points.into_iter().map(|p| (p.label, p.shown)).collect(), empty }
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

impl PeriodQuery {
    /// The period asked for, or `default` ("30d", "90d", "12m").
    pub fn period(&self, now: chrono::NaiveDateTime, default: &str) -> Period {
        let today = crate::domain::schedule::to_local(now).date();
        Period::parse(&self.period, &self.from, &self.to, today, default)
    }
}

#[derive(Template)]
#[template(path = "provider/statistics/show.html")]
pub struct StatisticsTemplate {
    pub i18n: I18n,
    pub page: Page,
    /// A Club Pro member: the CSV export is theirs.
    pub club_pro: bool,
    pub period: Period,
    pub stats: ProviderStats,
    pub rating: f64,
    pub review_count: i32,
    pub charts: Vec<Chart>,
}

impl StatisticsTemplate {
    pub fn percent(&self, part: &i64, whole: &i64) -> String {
        match ProviderStats::rate(*part, *whole) {
            Some(p) => self.i18n.t_with("statistics-percent", [("value", p.to_string().as_str())]),
            None => "—".into(),
        }
    }

    pub fn preset_href(&self, preset: &str) -> String {
        self.page.href(&format!("/provider/statistics?period={preset}"))
    }

    /// The CSV of the same period.
    pub fn csv_href(&self) -> String {
        let query = self.page.query.split('&').filter(|p| !p.starts_with("notice=")).collect::<Vec<_>>().join("&");
        let path = self.page.href("/provider/statistics.csv");
        if query.is_empty() { path } else { format!("{path}?{query}") }
    }

    pub fn rating_text(&self) -> String {
        self.i18n.decimal(self.rating, 1)
    }
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    query: web::Query<PeriodQuery>,
) -> AppResult<HttpResponse> {
    let period = query.period(state.clock.now(), "12m");
    let now = state.clock.now();
    let (provider, stats, club_pro) = state
        .db
        .run(move |conn| {
            let p = crate::db::models::provider::for_user(conn, user.id)?.ok_or(AppError::NoProviderProfile)?;
            let stats = statistics::provider(conn, p.id, &period)?;
            Ok((p, stats, crate::services::club_pro::is_member(conn, user.id, now)?))
        })
        .await?;
    let i18n = page.i18n();
    let label = |m: &statistics::ProviderMonth| month_short(&i18n, m.year, m.month);
    let count = |v: f64| format!("{}", v.round() as i64);
    let charts = vec![
        Chart::bars(
            "chart-requests",
            i18n.t("statistics-chart-requests"),
            stats
                .months
                .iter()
                .map(|m| Point { label: label(m), value: Some(m.requests as f64), shown: m.requests.to_string() })
                .collect(),
            count,
        ),
        Chart::bars(
            "chart-revenue",
            i18n.t("statistics-chart-revenue"),
            stats
                .months
                .iter()
                .map(|m| Point {
                    label: label(m),
                    value: Some(m.revenue_cents as f64),
                    shown: i18n.price(m.revenue_cents),
                })
                .collect(),
            |v| i18n.price(v.round() as i64),
        ),
        {
            let points: Vec<Point> = stats
                .months
                .iter()
                .map(|m| Point {
                    label: label(m),
                    value: m.rating,
                    shown: match m.rating {
                        Some(r) => i18n.t_with(
                            "statistics-rating-month",
                            [("rating", i18n.decimal(r, 1).as_str()), ("count", m.reviews.to_string().as_str())],
                        ),
                        None => "—".into(),
                    },
                })
                .collect();
            let title = i18n.t("statistics-chart-rating");
            let svg = charts::line("chart-rating", &title, &points, 5.0, |v| i18n.decimal(v, 1));
            Chart::of("chart-rating", title, svg, points)
        },
        Chart::bars(
            "chart-views",
            i18n.t("statistics-chart-views"),
            stats
                .months
                .iter()
                .map(|m| Point { label: label(m), value: Some(m.views as f64), shown: m.views.to_string() })
                .collect(),
            count,
        ),
    ];
    let tpl = StatisticsTemplate {
        i18n,
        page,
        club_pro,
        period,
        stats,
        rating: provider.rating_avg,
        review_count: provider.review_count,
        charts,
    };
    Ok(crate::handlers::account::private(render(&tpl)?))
}

/// `GET /{lang}/provider/statistics.csv` (same period parameters): the figures month by month, for a Club Pro
/// member (a benefit: 403 for others).
pub async fn csv(
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    query: web::Query<PeriodQuery>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let period = query.period(now, "12m");
    let stats = state
        .db
        .run(move |conn| {
            if !crate::services::club_pro::is_member(conn, user.id, now)? {
                return Err(AppError::Forbidden("a Club Pro benefit"));
            }
            let p = crate::db::models::provider::for_user(conn, user.id)?.ok_or(AppError::NoProviderProfile)?;
            Ok(statistics::provider(conn, p.id, &period)?)
        })
        .await?;
    let header = "month,requests,revenue_cents,reviews,rating,profile_views";
    let rows = stats.months.into_iter().map(|m| {
        vec![
            format!("{}-{:02}", m.year, m.month),
            m.requests.to_string(),
            m.revenue_cents.to_string(),
            m.reviews.to_string(),
            m.rating.map(|r| format!("{r:.2}")).unwrap_or_default(),
            m.views.to_string(),
        ]
    });
    Ok(crate::web::csv::response("khadamat-statistics.csv", header, rows))
}
