//! Statistics against a known set of events: the provider's page, the client's account page, the admin
//! dashboard; profile views counted once per visitor and day, without bots or the provider themselves.

use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{bookings, profile_views, users};

use crate::bookings::{client_browser, provider_with_service};
use crate::reviews::book;
use crate::support::TestApp;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

fn views(app: &TestApp) -> i64 {
    app.conn(|c| profile_views::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn provider_statistics_match_the_events() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_page = format!("/fr/providers/{slug}");

    // Views: the provider's own visits, bots, HEAD and prefetches do not count; a visitor counts once a day.
    let before = views(&app);
    app.get_with(&provider_page, &[("user-agent", FIREFOX)]).await.assert_status(200);
    assert_eq!(views(&app), before, "the provider looking at their own page");
    let provider = app.switch_browser(Default::default());
    for ua in ["Mozilla/5.0 (compatible; Googlebot/2.1)", "facebookexternalhit/1.1", ""] {
        app.get_with(&provider_page, &[("user-agent", ua)]).await.assert_status(200);
    }
    app.get_with(&provider_page, &[("user-agent", FIREFOX), ("sec-purpose", "prefetch")]).await;
    assert_eq!(views(&app), before, "bots and prefetches");
    app.get_with(&provider_page, &[("user-agent", FIREFOX)]).await;
    app.get_with(&provider_page, &[("user-agent", FIREFOX)]).await;
    assert_eq!(views(&app), before + 1, "one per visitor and day");

    // Three requests from one client: one completed (250 DH), one rejected, one accepted then cancelled.
    app.switch_browser(provider);
    let provider = client_browser(&mut app, "amina@example.ma").await;
    app.get_with(&provider_page, &[("user-agent", FIREFOX)]).await;
    assert_eq!(views(&app), before + 2, "a signed-in visitor is another visitor");
    app.post_form(&format!("/fr/providers/{slug}/favorite"), &[]).await.assert_status(303);
    let done = book(&mut app, &slug, service, "08:00").await;
    let rejected = book(&mut app, &slug, service, "10:00").await;
    let cancelled = book(&mut app, &slug, service, "12:00").await;
    let client = app.switch_browser(provider);
    app.post_form(&format!("/fr/provider/bookings/{done}/accept"), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/provider/bookings/{rejected}/reject"), &[("reason", "Pas disponible ce jour-là.")])
        .await
        .assert_status(303);
    app.post_form(&format!("/fr/provider/bookings/{cancelled}/accept"), &[]).await.assert_status(303);
    let provider = app.switch_browser(client);
    app.post_form(&format!("/fr/account/bookings/{cancelled}/cancel"), &[("reason", "")]).await.assert_status(303);
    let client = app.switch_browser(provider);
    crate::reviews::finish(&mut app, done, "250").await;
    // Both review; the client gives 4 stars.
    app.post_form(
        &format!("/fr/provider/bookings/{done}/review"),
        &[("rating", "5"), ("comment", "Cliente ponctuelle.")],
    )
    .await
    .assert_status(303);
    let provider = app.switch_browser(client);
    app.post_form(
        &format!("/fr/account/bookings/{done}/review"),
        &[("rating", "4"), ("comment", "Bon travail, merci.")],
    )
    .await
    .assert_status(303);

    // The client's account page.
    let account = app.get("/fr/account").await.assert_status(200).doc();
    let figures = account.texts("#client-stats dd");
    assert_eq!(figures, vec!["3", "1", "0", "250 DH", "1"], "bookings, completed, upcoming, spent, reviews given");

    // The provider's statistics for the last 30 days.
    app.switch_browser(provider);
    let page = app.get("/fr/provider/statistics?period=30d").await.assert_status(200).doc();
    assert_eq!(page.text("#stat-requests dd"), "3");
    assert_eq!(page.text("#stat-acceptance dd"), "67 %", "2 accepted of 3");
    assert_eq!(page.text("#stat-completion dd"), "50 %", "1 completed of 2 accepted");
    assert_eq!(page.text("#stat-cancellation dd"), "50 %");
    assert_eq!(page.text("#stat-revenue dd"), "250 DH");
    assert!(page.text("#stat-rating dd").starts_with("4,0"), "{}", page.text("#stat-rating dd"));
    assert_eq!(page.text("#stat-views dd"), "2");
    assert!(page.text("#stat-favorites dd").starts_with('1'), "{}", page.text("#stat-favorites dd"));
    assert!(page.text("#stat-response dd").contains("minute"));
    // Four charts, each an SVG image with a title and its data as a table.
    assert_eq!(page.count("figure.chart-figure svg[role=img]"), 4);
    assert_eq!(page.count("figure.chart-figure table"), 4);
    let revenue_rows = page.texts("#chart-revenue-title");
    assert_eq!(revenue_rows.len(), 1);
    assert!(page.texts("figure.chart-figure td").iter().any(|t| t == "250 DH"), "the revenue chart's table");
    // A custom period before any of it: zeros; a nonsense period falls back to 12 months.
    let today = khadamat::domain::schedule::to_local(app.state.clock.now()).date();
    let old = (today - Duration::days(400)).format("%Y-%m-%d").to_string();
    let older = (today - Duration::days(380)).format("%Y-%m-%d").to_string();
    let empty = app.get(&format!("/fr/provider/statistics?from={old}&to={older}")).await.assert_status(200).doc();
    assert_eq!(empty.text("#stat-requests dd"), "0");
    assert_eq!(empty.text("#stat-acceptance dd"), "—");
    let fallback = app.get("/fr/provider/statistics?from=2026-13-45&to=x&period=%27").await.assert_status(200).doc();
    assert_eq!(fallback.text("#stat-requests dd"), "3");
    // Arabic page renders right to left with the same figures.
    let ar = app.get("/ar/provider/statistics?period=30d").await;
    ar.assert_status(200);
    assert!(ar.body.contains("dir=\"rtl\""));
    assert_eq!(ar.doc().text("#stat-requests dd"), "3");
    // Clients cannot see it.
    app.switch_browser(Default::default());
    app.signed_in("curious@example.ma", "CLIENT").await;
    app.get("/fr/provider/statistics").await.assert_status(403);
}

#[actix_web::test]
async fn the_admin_dashboard_counts_the_marketplace() {
    let mut app = TestApp::new().await;
    crate::provider::admin_signed_in(&mut app).await;
    let page = app.get("/fr/admin").await.assert_status(200).doc();
    assert_eq!(page.attr(".period-picker a[aria-current=page]", "href"), "/fr/admin?period=30d", "30 days by default");
    let (clients, providers): (i64, i64) = app.conn(|c| {
        let role = |r: &'static str| users::table.filter(users::role.eq(r)).filter(users::status.ne("DELETED")).count();
        (role("CLIENT").get_result(c).unwrap(), role("PROVIDER").get_result(c).unwrap())
    });
    let table = page.texts("#users-by-role tr");
    assert!(table.contains(&format!("Clients{clients}")), "{table:?}");
    assert!(table.contains(&format!("Prestataires{providers}")), "{table:?}");
    // Three charts; one with nothing above zero in the period says so instead of drawing a flat line.
    let (drawn, empty) = (page.count("figure.chart-figure svg[role=img]"), page.count("figure.chart-figure p.empty"));
    assert_eq!(drawn + empty, 3);
    if empty > 0 {
        assert!(page.text("figure.chart-figure p.empty").contains("Pas encore de données"));
    }
    assert_eq!(page.count("#chart-bookings-per-day-title"), 1);
    // 30 days → 30 bars, one per day.
    assert_eq!(page.html_of("figure.chart-figure").matches("<rect").count(), 30);
    // The per-day chart's data adds up to the period's bookings.
    let created: i64 = {
        let (start, end) = khadamat::domain::period::Period::parse(
            "30d",
            "",
            "",
            khadamat::domain::schedule::to_local(app.state.clock.now()).date(),
            "30d",
        )
        .utc_bounds();
        app.conn(|c| {
            bookings::table
                .filter(bookings::created_at.ge(start))
                .filter(bookings::created_at.lt(end))
                .count()
                .get_result(c)
                .unwrap()
        })
    };
    let per_day: i64 =
        page.texts("figure.chart-figure:first-of-type table td").iter().map(|v| v.parse::<i64>().unwrap()).sum();
    assert_eq!(per_day, created, "the chart's data adds up to the bookings of the period");
    assert_eq!(page.text("#queue-reviews strong"), "0", "no reported review");
    // Nobody else gets in.
    app.switch_browser(Default::default());
    app.signed_in("pro@example.ma", "PROVIDER").await;
    app.get("/fr/admin").await.assert_status(403);
}
