use khadamat::db::seed::DEMO_PROVIDER;

use super::{Server, browser, sign_in};
use crate::support::stripe::{PRICE_MONTHLY, PRICE_YEARLY, SECRET_KEY, StripeServer, WEBHOOK_SECRET};

/// Subscribe → Stripe's Checkout (the local Stripe-protocol server's page) → pay → back to the welcome page,
/// which turns active once the webhooks have arrived; the badge is then on the provider's page.
#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn subscribe_through_checkout_and_come_back_active() {
    let stripe = StripeServer::start();
    let api = stripe.base.clone();
    let server = Server::start_with(2, |c| {
        c.stripe_secret_key = Some(SECRET_KEY.into());
        c.stripe_webhook_secret = Some(WEBHOOK_SECRET.into());
        c.stripe_api_base = api;
    });
    {
        use diesel::prelude::*;
        use khadamat::db::schema::subscription_plans as plans;
        let mut conn = server.state.db.get().unwrap();
        for (code, price) in [("CLUB_PRO_MONTHLY", PRICE_MONTHLY), ("CLUB_PRO_YEARLY", PRICE_YEARLY)] {
            diesel::update(plans::table.filter(plans::code.eq(code)))
                .set(plans::stripe_price_id.eq(price))
                .execute(&mut conn)
                .unwrap();
        }
    }
    stripe.set_webhook_url(&server.url("/webhooks/stripe"));
    let b = browser(true);
    sign_in(&b, &server, DEMO_PROVIDER);
    b.goto(&server.url("/fr/club-pro"));
    b.click("#plan-club_pro_monthly button[type=submit]");
    b.wait_until("Stripe's Checkout", |b| b.current_url().starts_with(&stripe.base));
    b.click("#pay");
    b.wait_until("the welcome page", |b| b.current_url().ends_with("/fr/provider/club-pro/welcome"));
    b.wait_until("the subscription active", |b| b.text("#club-pro-welcome").contains("actif"));
    b.click("#club-pro-welcome a");
    b.wait_for("#club-pro-renews");
    assert_eq!(b.console_errors(), Vec::<String>::new());
}
