//! Club Pro through Stripe, against the local Stripe-protocol server (`support::stripe`): Checkout, webhooks as
//! the only source of truth (signatures, replays, concurrency, order), the life cycle (payment failure and
//! grace, cancel and resume, plan change, expiry) and the benefits coming and going with it.

use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{notifications, payments, subscriptions, webhook_events};
use khadamat::db::seed::{DEMO_CLIENT, DEMO_PASSWORD, DEMO_PROVIDER};

use crate::support::TestApp;
use crate::support::stripe::{Delivery, PRICE_MONTHLY, PRICE_YEARLY, StripeServer, WEBHOOK_SECRET};

#[derive(Debug, PartialEq)]
struct Row {
    status: String,
    cancel_at_period_end: bool,
    period_end: Option<chrono::NaiveDateTime>,
    stripe_id: Option<String>,
    plan: String,
}

fn rows(app: &TestApp, user: i64) -> Vec<Row> {
    use khadamat::db::schema::subscription_plans as plans;
    app.conn(|c| {
        subscriptions::table
            .inner_join(plans::table)
            .filter(subscriptions::user_id.eq(user))
            .order(subscriptions::id)
            .select((
                subscriptions::status,
                subscriptions::cancel_at_period_end,
                subscriptions::current_period_end,
                subscriptions::stripe_subscription_id,
                plans::code,
            ))
            .load::<(String, bool, Option<chrono::NaiveDateTime>, Option<String>, String)>(c)
            .unwrap()
            .into_iter()
            .map(|(status, cancel_at_period_end, period_end, stripe_id, plan)| Row {
                status,
                cancel_at_period_end,
                period_end,
                stripe_id,
                plan,
            })
            .collect()
    })
}

fn last(app: &TestApp, user: i64) -> Row {
    rows(app, user).pop().expect("a subscription")
}

fn count(app: &TestApp, table: &str) -> i64 {
    app.conn(|c| match table {
        "payments" => payments::table.count().get_result(c).unwrap(),
        "webhook_events" => webhook_events::table.count().get_result(c).unwrap(),
        _ => unreachable!(),
    })
}

fn club_notes(app: &TestApp, user: i64) -> Vec<String> {
    app.conn(|c| {
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::kind.like("SUBSCRIPTION_%"))
            .order(notifications::id)
            .select(notifications::data)
            .load::<String>(c)
            .unwrap()
    })
    .into_iter()
    .map(|d| serde_json::from_str::<serde_json::Value>(&d).unwrap()["variant"].as_str().unwrap_or("").to_string())
    .collect()
}

fn provider_slug(app: &TestApp, user: i64) -> String {
    use khadamat::db::schema::providers;
    app.conn(|c| providers::table.filter(providers::user_id.eq(user)).select(providers::slug).first(c).unwrap())
}

/// Whether the provider's public page shows the Club Pro badge.
async fn badge_shown(app: &mut TestApp, slug: &str) -> bool {
    let saved = app.switch_browser(Default::default());
    let page = app.get(&format!("/fr/providers/{slug}")).await;
    app.switch_browser(saved);
    page.assert_status(200);
    page.doc().count(".badge-club") == 1
}

/// The demo provider signed in, subscribed through Checkout (monthly unless told), with Stripe's events not
/// yet delivered: (app, server, provider id, the session's events).
async fn checked_out(plan: &str) -> (TestApp, StripeServer, i64, Vec<Delivery>) {
    let (mut app, stripe) = TestApp::with_stripe(2).await;
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    let user = app.user_id(DEMO_PROVIDER);
    let res = app.post_form("/fr/provider/club-pro/checkout", &[("plan", plan)]).await;
    res.assert_status(303);
    let session = stripe.last_session();
    assert_eq!(res.location(), session["url"].as_str().unwrap(), "sent to Stripe's Checkout");
    let events = stripe.complete_checkout(session["id"].as_str().unwrap(), app.state.clock.now());
    (app, stripe, user, events)
}

async fn subscribed() -> (TestApp, StripeServer, i64, String) {
    let (mut app, stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    for e in &events {
        app.deliver(e).await.assert_status(200);
    }
    let sub = last(&app, user).stripe_id.unwrap();
    (app, stripe, user, sub)
}

#[actix_web::test]
async fn without_stripe_keys_the_pages_show_and_subscribing_explains() {
    let mut app = TestApp::with_providers(2).await;
    let page = app.get("/fr/club-pro").await;
    page.assert_status(200);
    let doc = page.doc();
    assert_eq!(doc.count(".plan"), 2, "monthly and yearly");
    assert!(doc.text("#plan-club_pro_monthly").contains("199"), "{}", doc.text("#plan-club_pro_monthly"));
    assert!(
        doc.text("#plan-club_pro_yearly").contains("1\u{202f}990")
            || doc.text("#plan-club_pro_yearly").contains("1 990")
    );
    assert!(doc.count("details.faq") >= 5);
    assert_eq!(doc.count(".benefits li"), 4, "badge, featured strip, ranking, CSV: from the plans");
    app.get("/ar/club-pro").await.assert_status(200);
    app.get("/en/club-pro").await.assert_status(200);

    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    let mine = app.get("/fr/provider/club-pro").await;
    mine.assert_status(200);
    mine.doc().assert_has("#club-pro-not-set-up");
    assert_eq!(mine.doc().count("form[action='/fr/provider/club-pro/checkout']"), 0, "no button that cannot work");
    let res = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/provider/club-pro?notice=subscription-not-set-up");
    assert!(app.get(&res.location()).await.body.contains("pas encore ouvert"));
    let webhook = app.post_raw("/webhooks/stripe", &[("Stripe-Signature", "t=1,v1=00")], "{}").await;
    webhook.assert_status(400);
}

#[actix_web::test]
async fn checkout_then_webhooks_activate_the_subscription_and_its_benefits() {
    let (mut app, stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    // What the app asked Stripe.
    let customer = &stripe.calls_to("POST", "/v1/customers")[0];
    assert_eq!(customer.field("email"), Some(DEMO_PROVIDER));
    let checkout = &stripe.calls_to("POST", "/v1/checkout/sessions")[0];
    assert_eq!(checkout.field("mode"), Some("subscription"));
    assert_eq!(checkout.field("line_items[0][price]"), Some(PRICE_MONTHLY));
    assert_eq!(checkout.field("locale"), Some("fr"));
    assert_eq!(checkout.field("client_reference_id"), Some(user.to_string().as_str()));
    assert!(checkout.field("success_url").unwrap().ends_with("/fr/provider/club-pro/welcome"));
    assert!(checkout.idempotency_key.as_deref().is_some_and(|k| k.starts_with("khadamat-checkout-")));
    assert_eq!(last(&app, user).status, "PENDING");
    // While that Checkout may still be paid, another is refused.
    let again = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_YEARLY")]).await;
    assert_eq!(again.location(), "/fr/provider/club-pro?notice=subscription-already");

    // Back from Checkout before the webhook: nothing is active yet, the page waits.
    let slug = provider_slug(&app, user);
    let welcome = app.get("/fr/provider/club-pro/welcome").await;
    welcome.assert_status(200);
    assert!(welcome.doc().attr("#club-pro-welcome", "hx-trigger").contains("every"), "polls until activated");
    assert!(!badge_shown(&mut app, &slug).await);

    for e in &events {
        let res = app.deliver(e).await;
        res.assert_status(200);
    }
    let row = last(&app, user);
    assert_eq!(row.status, "ACTIVE");
    assert_eq!(row.plan, "CLUB_PRO_MONTHLY");
    assert!(row.period_end.unwrap() > app.state.clock.now() + Duration::days(29));
    assert_eq!(count(&app, "payments"), 1);
    assert_eq!(club_notes(&app, user), ["activated"]);
    let email = app.emails_to(DEMO_PROVIDER).pop().expect("an email");
    assert!(email.email.subject.contains("Club Pro"), "{}", email.email.subject);
    assert!(app.audit_count("club_pro.subscription") >= 1);

    let welcome = app.get_htmx("/fr/provider/club-pro/welcome").await;
    assert!(welcome.body.contains("actif"), "{}", welcome.body);
    assert!(badge_shown(&mut app, &slug).await, "the badge is on the page");
    let mine = app.get("/fr/provider/club-pro").await;
    let doc = mine.doc();
    assert!(doc.text("#club-pro-renews").contains("Renouvellement"));
    assert_eq!(doc.count("#club-pro-invoice-table tbody tr"), 1);
    assert!(doc.attr("#club-pro-invoice-table a", "href").starts_with(&stripe.base));
    let csp = mine.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!(
        "form-action 'self' https://checkout.stripe.com https://billing.stripe.com {}",
        stripe.base
    )));

    // A second Checkout is refused while one is live.
    let again = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_YEARLY")]).await;
    assert_eq!(again.location(), "/fr/provider/club-pro?notice=subscription-already");
    assert_eq!(stripe.calls_to("POST", "/v1/checkout/sessions").len(), 1);
}

#[actix_web::test]
async fn forged_stale_or_unsigned_webhooks_change_nothing() {
    let (mut app, _stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    let e = &events[1];
    let now = app.state.clock.now().and_utc().timestamp();
    let forged = StripeServer::sign(&e.payload, now, "whsec_someone_else");
    let stale = StripeServer::sign(&e.payload, now - 301, WEBHOOK_SECRET);
    let tampered = e.payload.replace("\"active\"", "\"trialing\"");
    for (signature, payload) in [
        ("", e.payload.as_str()),
        ("garbage", e.payload.as_str()),
        (forged.as_str(), e.payload.as_str()),
        (stale.as_str(), e.payload.as_str()),
        (e.signature.as_str(), tampered.as_str()),
    ] {
        let res = app.deliver(&Delivery { payload: payload.to_string(), signature: signature.to_string() }).await;
        res.assert_status(400);
    }
    assert_eq!(count(&app, "webhook_events"), 0);
    assert_eq!(last(&app, user).status, "PENDING");
    // Within the tolerance, a delivery signed four minutes ago is fine.
    let recent = StripeServer::sign(&e.payload, now - 240, WEBHOOK_SECRET);
    app.deliver(&Delivery { payload: e.payload.clone(), signature: recent }).await.assert_status(200);
    assert_eq!(last(&app, user).status, "ACTIVE");
}

#[actix_web::test]
async fn a_replayed_event_does_nothing_the_second_time() {
    let (mut app, _stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    for e in events.iter().chain(events.iter()) {
        app.deliver(e).await.assert_status(200);
    }
    let repeat = app.deliver(&events[2]).await;
    assert!(repeat.body.contains("\"repeat\":true"), "{}", repeat.body);
    assert_eq!(count(&app, "webhook_events"), 3);
    assert_eq!(count(&app, "payments"), 1);
    assert_eq!(club_notes(&app, user), ["activated"]);
}

#[actix_web::test]
async fn fifty_concurrent_deliveries_of_one_event_have_one_effect() {
    use actix_web::test;
    let (app, _stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    let service = test::init_service(khadamat::build_app(app.state.clone())).await;
    let paid = &events[2];
    let requests = (0..50).map(|_| {
        let req = test::TestRequest::post()
            .uri("/webhooks/stripe")
            .peer_addr("127.0.0.1:5000".parse().unwrap())
            .insert_header(("Stripe-Signature", paid.signature.as_str()))
            .insert_header(("Content-Type", "application/json"))
            .set_payload(paid.payload.clone())
            .to_request();
        test::call_service(&service, req)
    });
    let answers = futures_util::future::join_all(requests).await;
    assert!(answers.iter().all(|r| r.status() == 200), "{:?}", answers.iter().map(|r| r.status()).collect::<Vec<_>>());
    assert_eq!(count(&app, "webhook_events"), 1);
    assert_eq!(count(&app, "payments"), 1);
    assert_eq!(club_notes(&app, user), ["activated"]);
    assert_eq!(last(&app, user).status, "ACTIVE");
}

#[actix_web::test]
async fn events_out_of_order_end_in_stripes_current_state() {
    let (mut app, stripe, user, events) = checked_out("CLUB_PRO_MONTHLY").await;
    let sub = stripe.last_session()["subscription"].as_str().unwrap().to_string();
    let ended = stripe.end(&sub, app.state.clock.now());
    // The deletion arrives first, then the (older) creation and completion.
    app.deliver(&ended[0]).await.assert_status(200);
    for e in &events {
        app.deliver(e).await.assert_status(200);
    }
    let row = last(&app, user);
    assert_eq!(row.status, "CANCELLED", "the subscription Stripe has now is cancelled");
    let slug = provider_slug(&app, user);
    assert!(!badge_shown(&mut app, &slug).await);
    assert!(!club_notes(&app, user).contains(&"activated".to_string()), "never told it is active");
}

#[actix_web::test]
async fn a_failed_payment_keeps_the_benefits_through_the_grace_then_they_end() {
    let (mut app, stripe, user, sub) = subscribed().await;
    let slug = provider_slug(&app, user);
    let period_end = last(&app, user).period_end.unwrap();
    app.state.clock.advance(period_end - app.state.clock.now() + Duration::hours(1));
    for e in stripe.fail_renewal(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    assert_eq!(last(&app, user).status, "PAST_DUE");
    assert_eq!(club_notes(&app, user), ["activated", "payment-failed"]);
    let email = app.emails_to(DEMO_PROVIDER).pop().unwrap();
    assert!(email.email.subject.contains("échoué"), "{}", email.email.subject);
    let mine = app.get("/fr/provider/club-pro").await;
    mine.doc().assert_has("#club-pro-past-due");
    assert!(badge_shown(&mut app, &slug).await, "benefits kept during the grace period");
    assert_eq!(
        app.conn(|c| payments::table.filter(payments::status.eq("FAILED")).count().get_result::<i64>(c).unwrap()),
        1
    );

    // Seven days after the period's end, with no payment: the sweep ends it.
    app.state.clock.advance(Duration::days(7));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(last(&app, user).status, "EXPIRED");
    assert!(!badge_shown(&mut app, &slug).await);
    assert_eq!(club_notes(&app, user), ["activated", "payment-failed", "ended"]);
}

#[actix_web::test]
async fn a_renewal_after_a_failure_brings_the_subscription_back() {
    let (mut app, stripe, user, sub) = subscribed().await;
    for e in stripe.fail_renewal(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    for e in stripe.renew(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    assert_eq!(last(&app, user).status, "ACTIVE");
    assert_eq!(count(&app, "payments"), 3);
}

#[actix_web::test]
async fn an_active_period_that_ends_without_renewal_is_swept() {
    let (mut app, _stripe, user, _sub) = subscribed().await;
    let slug = provider_slug(&app, user);
    app.state.clock.advance(Duration::days(31));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(last(&app, user).status, "EXPIRED");
    assert!(!badge_shown(&mut app, &slug).await);
}

#[actix_web::test]
async fn cancel_at_period_end_then_resume_through_stripe() {
    let (mut app, stripe, user, sub) = subscribed().await;
    let res = app.post_form("/fr/provider/club-pro/cancel", &[]).await;
    assert_eq!(res.location(), "/fr/provider/club-pro?notice=subscription-cancelled");
    let call = stripe.calls_to("POST", &format!("/v1/subscriptions/{sub}")).pop().unwrap();
    assert_eq!(call.field("cancel_at_period_end"), Some("true"));
    assert!(last(&app, user).cancel_at_period_end);
    let page = app.get("/fr/provider/club-pro").await;
    page.doc().assert_has("#club-pro-ends");
    page.doc().assert_has("form[action='/fr/provider/club-pro/resume']");
    // Stripe's own event about it changes nothing more.
    app.deliver(&stripe.updated(&sub, app.state.clock.now())).await.assert_status(200);
    assert_eq!(club_notes(&app, user), ["activated", "scheduled"]);

    let res = app.post_form("/fr/provider/club-pro/resume", &[]).await;
    assert_eq!(res.location(), "/fr/provider/club-pro?notice=subscription-resumed");
    assert!(!last(&app, user).cancel_at_period_end);
    assert_eq!(last(&app, user).status, "ACTIVE");
    assert_eq!(club_notes(&app, user), ["activated", "scheduled", "resumed"]);
    assert_eq!(app.audit_count("club_pro.cancel"), 1);
    assert_eq!(app.audit_count("club_pro.resume"), 1);
}

#[actix_web::test]
async fn monthly_becomes_yearly_and_the_portal_opens() {
    let (mut app, stripe, user, sub) = subscribed().await;
    let res = app.post_form("/fr/provider/club-pro/plan", &[("plan", "CLUB_PRO_YEARLY")]).await;
    assert_eq!(res.location(), "/fr/provider/club-pro?notice=subscription-plan-changed");
    let call = stripe.calls_to("POST", &format!("/v1/subscriptions/{sub}")).pop().unwrap();
    assert_eq!(call.field("items[0][price]"), Some(PRICE_YEARLY));
    assert_eq!(last(&app, user).plan, "CLUB_PRO_YEARLY");
    assert_eq!(app.audit_count("club_pro.plan"), 1);

    let portal = app.post_form("/fr/provider/club-pro/portal", &[]).await;
    portal.assert_status(303);
    assert!(portal.location().starts_with(&format!("{}/portal/", stripe.base)));
    let call = stripe.calls_to("POST", "/v1/billing_portal/sessions").pop().unwrap();
    assert!(call.field("return_url").unwrap().ends_with("/fr/provider/club-pro"));
}

#[actix_web::test]
async fn stripe_down_at_checkout_leaves_nothing_behind() {
    let (mut app, stripe) = TestApp::with_stripe(2).await;
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    let user = app.user_id(DEMO_PROVIDER);
    stripe.set_down(true);
    let res = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await;
    assert_eq!(res.location(), "/fr/provider/club-pro?notice=subscription-unavailable");
    assert!(rows(&app, user).is_empty(), "no waiting subscription left");
    stripe.set_down(false);
    let res = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await;
    assert!(res.location().starts_with(&stripe.base));
}

#[actix_web::test]
async fn only_approved_providers_may_subscribe() {
    let (mut app, stripe) = TestApp::with_stripe(2).await;
    // Anonymous: to the sign-in page.
    let res = app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await;
    assert!(res.status == 303 || res.status == 401, "{}", res.status);
    let res = app.get("/fr/provider/club-pro").await;
    assert!(res.location().contains("/fr/login") || res.body.contains("login"), "{}", res.status);
    // A client.
    app.sign_in(DEMO_CLIENT, DEMO_PASSWORD).await.assert_status(303);
    app.get("/fr/provider/club-pro").await.assert_status(403);
    app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await.assert_status(403);
    let public = app.get("/fr/club-pro").await;
    public.doc().assert_has("#club-pro-providers-only");
    // A provider not yet approved.
    app.switch_browser(Default::default());
    app.signed_in("nouveau.pro@example.ma", "PROVIDER").await;
    app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await.assert_status(403);
    // An unknown plan.
    app.switch_browser(Default::default());
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    app.post_form("/fr/provider/club-pro/checkout", &[("plan", "FREE_FOREVER")]).await.assert_status(422);
    assert!(stripe.calls_to("POST", "/v1/checkout/sessions").is_empty());
}

#[actix_web::test]
async fn members_get_the_badge_on_cards_the_featured_strip_and_json_ld_until_it_ends() {
    let (mut app, stripe, user, sub) = subscribed().await;
    let slug = provider_slug(&app, user);
    let landing = landing_of(&app, user);
    app.switch_browser(Default::default());
    let page = app.get(&landing).await;
    page.assert_status(200);
    let doc = page.doc();
    assert_eq!(doc.count("#featured .provider-card"), 1, "the member is featured on {landing}");
    assert!(doc.html_of("#featured").contains(&slug));
    assert!(doc.count(".badge-club") >= 1, "the badge on the member's card");
    let profile = app.get(&format!("/fr/providers/{slug}")).await;
    assert!(profile.body.contains("\"award\":\"Khadamat Club Pro\""));

    for e in stripe.end(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    let page = app.get(&landing).await;
    assert_eq!(page.doc().count("#featured"), 0);
    assert_eq!(page.doc().count(".badge-club"), 0);
    let profile = app.get(&format!("/fr/providers/{slug}")).await;
    assert!(!profile.body.contains("award"));
}

/// A category-in-city page that lists this provider.
fn landing_of(app: &TestApp, user: i64) -> String {
    use khadamat::db::schema::{categories, cities, provider_listings, providers};
    app.conn(|c| {
        let (category, city): (String, String) = provider_listings::table
            .inner_join(providers::table)
            .inner_join(categories::table.on(categories::id.eq(provider_listings::category_id)))
            .inner_join(cities::table.on(cities::id.eq(provider_listings::city_id)))
            .filter(providers::user_id.eq(user))
            .select((categories::slug, cities::slug))
            .first(c)
            .unwrap();
        format!("/fr/services/{category}/{city}")
    })
}

#[actix_web::test]
async fn the_back_office_sees_revenue_edits_plans_and_cancels_through_stripe() {
    let (mut app, stripe, user, sub) = subscribed().await;
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let dashboard = app.get("/fr/admin").await.doc();
    assert!(dashboard.text("#club-pro-mrr").contains("199"), "{}", dashboard.text("#club-pro-mrr"));
    let page = app.get("/fr/admin/subscriptions").await;
    page.assert_status(200);
    let doc = page.doc();
    assert_eq!(doc.text("#club-pro-members"), "1");
    assert!(doc.text("#subscriptions-table").contains(&sub));
    assert_eq!(doc.count("#payments-table tbody tr"), 1);
    let history = app.get(&format!("/fr/admin/users/{user}")).await.doc();
    assert!(history.text("#subscription-history").contains("CLUB_PRO_MONTHLY"));

    // Plans: price and Stripe price edited (audited); nonsense refused.
    let plan_id: i64 = app.conn(|c| {
        use khadamat::db::schema::subscription_plans as plans;
        plans::table.filter(plans::code.eq("CLUB_PRO_MONTHLY")).select(plans::id).first(c).unwrap()
    });
    let path = format!("/fr/admin/plans/{plan_id}");
    app.post_form(&path, &[("price", "249"), ("stripe_price_id", PRICE_MONTHLY), ("is_active", "1")])
        .await
        .assert_status(303);
    app.post_form(&path, &[("price", "-3"), ("stripe_price_id", PRICE_MONTHLY)]).await.assert_status(422);
    app.post_form(&path, &[("price", "249"), ("stripe_price_id", "<script>")]).await.assert_status(422);
    assert_eq!(app.audit_count("club_pro.plan_edited"), 1);
    let public = app.get("/fr/club-pro").await.doc();
    assert!(public.text("#plan-club_pro_monthly").contains("249"));

    // Cancel now: through Stripe, then the state Stripe answers.
    let row: i64 =
        app.conn(|c| subscriptions::table.select(subscriptions::id).order(subscriptions::id.desc()).first(c).unwrap());
    app.post_form(&format!("/fr/admin/subscriptions/{row}/cancel"), &[]).await.assert_status(303);
    assert_eq!(stripe.calls_to("DELETE", &format!("/v1/subscriptions/{sub}")).len(), 1);
    assert_eq!(last(&app, user).status, "CANCELLED");
    assert_eq!(app.audit_count("club_pro.admin_cancel"), 1);
    assert_eq!(club_notes(&app, user), ["activated", "ended"]);
    app.post_form(&format!("/fr/admin/subscriptions/{row}/cancel"), &[]).await.assert_status(409);

    // An admin has no Club Pro of their own.
    app.get("/fr/provider/club-pro").await.assert_status(403);
    app.post_form("/fr/provider/club-pro/checkout", &[("plan", "CLUB_PRO_MONTHLY")]).await.assert_status(403);

    // Not for providers.
    app.switch_browser(Default::default());
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await;
    app.get("/fr/admin/subscriptions").await.assert_status(403);
}

#[actix_web::test]
async fn statistics_as_csv_are_a_members_benefit() {
    let (mut app, stripe, _user, sub) = subscribed().await;
    let stats = app.get("/fr/provider/statistics").await.doc();
    assert_eq!(stats.attr("#statistics-csv", "href"), "/fr/provider/statistics.csv");
    let csv = app.get("/fr/provider/statistics.csv?period=90d").await;
    csv.assert_status(200);
    assert_eq!(csv.header("content-type").as_deref(), Some("text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "month,requests,revenue_cents,reviews,rating,profile_views");
    assert!(lines.len() >= 4, "a line per month of the period: {lines:?}");

    for e in stripe.end(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    app.get("/fr/provider/statistics.csv").await.assert_status(403);
    let stats = app.get("/fr/provider/statistics").await.doc();
    assert_eq!(stats.count("#statistics-csv"), 0);
    stats.assert_has("#statistics-csv-club a[href='/fr/club-pro']");
}

#[actix_web::test]
async fn members_come_first_within_their_rating_tier_while_subscribed() {
    use khadamat::db::schema::{provider_listings as l, providers};
    let (mut app, stripe, user, sub) = subscribed().await;
    let (member, other, category, city): (i64, i64, i64, i64) = app.conn(|c| {
        let member: i64 = providers::table.filter(providers::user_id.eq(user)).select(providers::id).first(c).unwrap();
        let (category, city): (i64, i64) =
            l::table.filter(l::provider_id.eq(member)).select((l::category_id, l::city_id)).first(c).unwrap();
        let other: i64 = providers::table
            .filter(providers::id.ne(member))
            .filter(providers::status.eq("APPROVED"))
            .select(providers::id)
            .first(c)
            .unwrap();
        // The member at 4.6, a non-member of the same tier (4.5–4.9) at 4.9 in the same listing.
        diesel::update(providers::table.find(member))
            .set((providers::rating_avg.eq(4.6), providers::review_count.eq(10)))
            .execute(c)
            .unwrap();
        khadamat::db::models::provider::refresh_listing(c, member).unwrap();
        diesel::delete(
            l::table.filter(l::provider_id.eq(other)).filter(l::category_id.eq(category)).filter(l::city_id.eq(city)),
        )
        .execute(c)
        .unwrap();
        diesel::insert_into(l::table)
            .values((
                l::category_id.eq(category),
                l::city_id.eq(city),
                l::provider_id.eq(other),
                l::is_verified.eq(true),
                l::rating_avg.eq(4.9),
                l::review_count.eq(40),
                l::rating_tier.eq(9),
                l::club_pro.eq(false),
            ))
            .execute(c)
            .unwrap();
        (member, other, category, city)
    });
    let slugs = |app: &TestApp| -> (String, String) {
        app.conn(|c| {
            let mut slug = |id: i64| providers::table.find(id).select(providers::slug).first::<String>(c).unwrap();
            (slug(member), slug(other))
        })
    };
    let (member_slug, other_slug) = slugs(&app);
    let landing = app.conn(|c| {
        use khadamat::db::schema::{categories, cities};
        let category: String = categories::table.find(category).select(categories::slug).first(c).unwrap();
        let city: String = cities::table.find(city).select(cities::slug).first(c).unwrap();
        format!("/fr/services/{category}/{city}")
    });
    let order = |body: &str| {
        let doc = crate::support::Doc::parse(body);
        let links = doc.attrs("#results > .provider-list .provider-name a", "href");
        let at = |slug: &str| links.iter().position(|h| h.ends_with(&format!("/{slug}"))).expect("listed");
        (at(&member_slug), at(&other_slug))
    };
    let listed = app.get(&format!("{landing}?sort=rating")).await;
    let (m, o) = order(&listed.body);
    assert!(m < o, "the member first within the tier ({category}/{city})");

    for e in stripe.end(&sub, app.state.clock.now()) {
        app.deliver(&e).await.assert_status(200);
    }
    let listed = app.get(&format!("{landing}?sort=rating")).await;
    let (m, o) = order(&listed.body);
    assert!(m > o, "back to the rating order once the subscription ended");
}
