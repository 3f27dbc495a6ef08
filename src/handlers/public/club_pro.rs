//! `GET /{lang}/club-pro`: what Club Pro gives a provider, its prices (monthly and yearly, in MAD) and the
//! questions people ask; a signed-in provider sees their own status and can subscribe from here.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;

use crate::db::models::subscription::Plan;
use crate::db::types::{BillingInterval, UserRole};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::club_pro::{self, Overview};
use crate::state::AppState;
use crate::web::{Page, render};

/// The questions people ask, with their answers (Fluent keys).
pub const FAQ: [(&str, &str); 5] = [
    ("club-pro-faq-q1", "club-pro-faq-a1"),
    ("club-pro-faq-q2", "club-pro-faq-a2"),
    ("club-pro-faq-q3", "club-pro-faq-a3"),
    ("club-pro-faq-q4", "club-pro-faq-a4"),
    ("club-pro-faq-q5", "club-pro-faq-a5"),
];

#[derive(Template)]
#[template(path = "public/club_pro.html")]
pub struct ClubProTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub plans: Vec<Plan>,
    /// The signed-in provider's own Club Pro.
    pub mine: Option<Overview>,
    pub now: NaiveDateTime,
    pub payments_ready: bool,
}

impl ClubProTemplate {
    pub fn is_provider(&self) -> bool {
        self.page.user.as_ref().is_some_and(|u| u.role == UserRole::Provider)
    }

    /// What the plans on offer give: (icon, title key, text key).
    pub fn benefits(&self) -> Vec<(&'static str, &'static str, &'static str)> {
        use crate::domain::club_pro::Benefit;
        let mut all: Vec<Benefit> = Vec::new();
        for b in self.plans.iter().flat_map(|p| p.benefits()) {
            if !all.contains(&b) {
                all.push(b);
            }
        }
        all.into_iter()
            .map(|b| match b {
                Benefit::Badge => ("sparkles", "club-pro-benefit-badge", "club-pro-benefit-badge-body"),
                Benefit::Featured => ("check", "club-pro-benefit-featured", "club-pro-benefit-featured-body"),
                Benefit::Ranking => ("star", "club-pro-benefit-ranking", "club-pro-benefit-ranking-body"),
                Benefit::StatisticsCsv => ("calendar", "club-pro-benefit-csv", "club-pro-benefit-csv-body"),
            })
            .collect()
    }

    /// A provider with no live subscription.
    pub fn can_subscribe(&self) -> bool {
        self.is_provider() && self.mine.as_ref().is_some_and(|o| o.live().is_none())
    }

    /// What a year costs on the monthly plan, against the yearly plan: the saving, in whole months.
    pub fn months_saved(&self) -> i64 {
        let price = |interval| self.plans.iter().find(|p| p.billing_interval == interval).map(|p| p.price_cents);
        match (price(BillingInterval::Month), price(BillingInterval::Year)) {
            (Some(m), Some(y)) if m > 0 && 12 * m > y => (12 * m - y) / m,
            _ => 0,
        }
    }
}

pub async fn show(page: Page, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let provider = page.user.as_ref().filter(|u| u.role == UserRole::Provider).map(|u| u.id);
    let (plans, mine) = state
        .db
        .run(move |conn| {
            Ok(match provider {
                Some(id) => {
                    let o = club_pro::overview(conn, id)?;
                    (o.plans.clone(), Some(o))
                }
                None => (club_pro::plans(conn)?, None),
            })
        })
        .await?;
    let now = state.clock.now();
    let payments_ready = state.stripe.is_some();
    let res = render(&ClubProTemplate { i18n: page.i18n(), page, plans, mine, now, payments_ready })?;
    Ok(crate::handlers::provider::club_pro::with_stripe_forms(res, &state))
}
