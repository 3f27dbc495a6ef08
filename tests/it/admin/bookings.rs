//! The back office's booking list: filters by status, dates, city, provider and client, pages, CSV of the
//! current filter; bad filters give an empty list; admins only.

use crate::support::TestApp;

#[actix_web::test]
async fn bookings_are_filtered_and_exported() {
    let mut app = TestApp::new().await;
    let (slug, service) = crate::bookings::provider_with_service(&mut app).await;
    app.switch_browser(Default::default());
    app.signed_in("amina@example.ma", "CLIENT").await;
    let first = crate::reviews::book(&mut app, &slug, service, "08:00").await;
    let second = crate::reviews::book(&mut app, &slug, service, "12:00").await;
    app.post_form(&format!("/fr/account/bookings/{second}/cancel"), &[("reason", "")]).await.assert_status(303);
    let conversation: i64 = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::conversations;
        conversations::table.order(conversations::id.desc()).select(conversations::id).first(c).unwrap()
    });
    app.post_form(&format!("/fr/messages/{conversation}"), &[("body", "Le code de l'immeuble est 4512.")])
        .await
        .assert_status(303);
    app.get("/fr/admin/bookings").await.assert_status(403);
    app.get("/fr/admin/bookings.csv").await.assert_status(403);
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;

    let ids = |doc: &crate::support::Doc| doc.attrs("#bookings-results tbody tr", "id");
    let mine = app.get("/fr/admin/bookings?client=AMINA%40example.ma").await.assert_status(200).doc();
    assert_eq!(ids(&mine), vec![format!("booking-{second}"), format!("booking-{first}")], "latest start first");
    let pending = app.get("/fr/admin/bookings?client=amina%40example.ma&status=PENDING").await.doc();
    assert_eq!(ids(&pending), vec![format!("booking-{first}")]);
    let by_provider = app.get("/fr/admin/bookings?provider=karim&city=casablanca").await.doc();
    assert_eq!(by_provider.count("#bookings-results tbody tr"), 2, "the provider's name, any case");
    let day = crate::bookings::next_monday(&app).format("%Y-%m-%d").to_string();
    let that_day = app.get(&format!("/fr/admin/bookings?from={day}&to={day}&client=amina%40example.ma")).await.doc();
    assert_eq!(that_day.count("#bookings-results tbody tr"), 2);
    let before = app.get("/fr/admin/bookings?to=2020-01-01&client=amina%40example.ma").await.doc();
    assert_eq!(before.count("#bookings-results tbody tr"), 0);

    for bad in
        ["status=LOST", "city=atlantis", "client=nobody%40x.ma", "from=2026-02-31", "provider=%25%25", "page=99999"]
    {
        let res = app.get(&format!("/fr/admin/bookings?{bad}")).await;
        res.assert_status(200);
        assert_eq!(res.doc().count("#bookings-results tbody tr"), 0, "{bad}");
    }
    app.get("/fr/admin/bookings?page=-1").await.assert_status(200);

    // A booking's page shows the pair's written messages to the back office.
    let page = app.get(&format!("/fr/admin/bookings/{first}")).await.assert_status(200).doc();
    assert!(page.text("#conversation-messages").contains("immeuble est 4512"));

    let csv = app.get("/fr/admin/bookings.csv?client=amina%40example.ma&status=CANCELLED").await;
    csv.assert_status(200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with(&format!("{second},")) && lines[1].contains(",CANCELLED,"));
}
