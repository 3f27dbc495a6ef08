//! `GET /{lang}/admin`: the queues that need attention and the marketplace's statistics for a period
//! (users by role, providers by status, bookings by status and per day, top categories and cities,
//! subscription revenue), as figures, SVG charts and tables.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::report;
use crate::db::types::ReportTarget;
use crate::db::views::statistics::{self, AdminStats};
use crate::domain::period::Period;
use crate::error::AppResult;
use crate::handlers::provider::statistics::{Chart, PeriodQuery};
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::auth::Admin;
use crate::web::charts::Point;
use crate::web::format::{day_short, month_short};
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "admin/dashboard/show.html")]
pub struct DashboardTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub period: Period,
    pub stats: AdminStats,
    pub pending_providers: usize,
    pub reported_reviews: i64,
    pub reported_photos: i64,
    /// Conversations and messages with open reports.
    pub reported_conversations: i64,
    pub open_contact: i64,
    /// Emails given up after their retry window (`admin/outbox`).
    pub failed_emails: i64,
    /// Club Pro: members, monthly recurring revenue, churn.
    pub club_pro: crate::db::models::subscription::Figures,
    pub charts: Vec<Chart>,
}

impl DashboardTemplate {
    pub fn churn(&self) -> String {
        crate::handlers::admin::subscriptions::churn(&self.i18n, &self.club_pro)
    }

    pub fn role_key(&self, role: &crate::db::types::UserRole) -> &'static str {
        use crate::db::types::UserRole::*;
        match role {
            Client => "admin-role-clients",
            Provider => "admin-role-providers",
            Admin => "admin-role-admins",
        }
    }

    pub fn provider_status_key(&self, status: &crate::db::types::ProviderStatus) -> &'static str {
        provider_status_key(status)
    }

    pub fn name<'a>(&self, names: &'a [String; 3]) -> &'a str {
        self.i18n.pick(&names[0], &names[1], Some(&names[2]))
    }
}

/// The Fluent key of a provider status.
pub fn provider_status_key(status: &crate::db::types::ProviderStatus) -> &'static str {
    use crate::db::types::ProviderStatus::*;
    match status {
        Pending => "admin-provider-status-pending",
        Approved => "admin-provider-status-approved",
        Rejected => "admin-provider-status-rejected",
        Suspended => "admin-provider-status-suspended",
    }
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<PeriodQuery>,
) -> AppResult<HttpResponse> {
    // The last 30 days unless asked: the whole marketplace's bookings are counted for the period.
    let period = query.period(state.clock.now(), "30d");
    let now = state.clock.now();
    let (
        stats,
        pending_providers,
        (reported_reviews, reported_photos),
        reported_conversations,
        open_contact,
        failed_emails,
        club_pro,
    ) = state
        .db
        .run(move |conn| {
            Ok((
                statistics::admin(conn, &period)?,
                crate::db::models::provider::pending(conn)?.len(),
                (crate::db::models::review::open_report_count(conn)?, report::open_targets(conn, ReportTarget::Photo)?),
                report::open_targets(conn, ReportTarget::Conversation)?
                    + report::open_targets(conn, ReportTarget::Message)?,
                crate::db::models::contact_message::open_count(conn)?,
                crate::db::models::outbox::failed_count(conn)?,
                crate::services::club_pro::figures(conn, now)?,
            ))
        })
        .await?;
    let i18n = page.i18n();
    let count = |v: f64| format!("{}", v.round() as i64);
    let charts = vec![
        Chart::bars(
            "chart-bookings-per-day",
            i18n.t("admin-chart-bookings-per-day"),
            stats
                .bookings_per_day
                .iter()
                .map(|(d, n)| Point { label: day_short(&i18n, *d), value: Some(*n as f64), shown: n.to_string() })
                .collect(),
            count,
        ),
        Chart::bars(
            "chart-bookings-by-status",
            i18n.t("admin-chart-bookings-by-status"),
            stats
                .bookings_by_status
                .iter()
                .map(|(s, n)| Point {
                    label: i18n.t(crate::web::format::status_key(s)),
                    value: Some(*n as f64),
                    shown: n.to_string(),
                })
                .collect(),
            count,
        ),
        Chart::bars(
            "chart-revenue",
            i18n.t("admin-chart-revenue"),
            stats
                .revenue_per_month
                .iter()
                .map(|((y, m), c)| Point {
                    label: month_short(&i18n, *y, *m),
                    value: Some(*c as f64),
                    shown: i18n.price(*c),
                })
                .collect(),
            |v| i18n.price(v.round() as i64),
        ),
    ];
    let tpl = DashboardTemplate {
        i18n,
        page,
        period,
        stats,
        pending_providers,
        reported_reviews,
        reported_photos,
        reported_conversations,
        open_contact,
        failed_emails,
        club_pro,
        charts,
    };
    Ok(crate::handlers::account::private(render(&tpl)?))
}
