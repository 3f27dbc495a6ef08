//! The portfolio, avatars, photo reports and what goes when an account goes: every picture's files follow its row.

use diesel::prelude::*;
use image::ImageFormat;
use khadamat::db::schema::{audit_logs, media, users};

use super::admin_signed_in;
use super::photo::{picture, rows, stored};
use super::services::approved_provider;
use crate::support::TestApp;

/// The portfolio's captions as the page shows them, in order.
async fn gallery(app: &mut TestApp, lang: &str, slug: &str) -> Vec<String> {
    let doc = app.get(&format!("/{lang}/providers/{slug}")).await.assert_status(200).doc();
    doc.texts(".gallery figcaption span")
}

fn portfolio_ids(app: &TestApp) -> Vec<i64> {
    app.conn(|c| {
        media::table.filter(media::kind.eq("PORTFOLIO")).order(media::position).select(media::id).load(c).unwrap()
    })
}

#[actix_web::test]
async fn a_portfolio_is_captioned_ordered_shown_and_pruned() {
    let mut app = TestApp::new().await;
    let (_, slug) = approved_provider(&mut app).await;
    app.get("/fr/provider/portfolio").await.assert_status(200);
    for (i, (fr, ar)) in [("Cuisine", "مطبخ"), ("Salle de bain", "حمام"), ("Terrasse", "")].iter().enumerate() {
        let jpeg = picture(500 + i as u32 * 10, 300, ImageFormat::Jpeg);
        let sent = app
            .post_multipart("/fr/provider/portfolio", &[("caption_fr", fr), ("caption_ar", ar)], ("job.jpg", &jpeg))
            .await;
        sent.assert_status(303);
        assert!(sent.location().ends_with("/fr/provider/portfolio?notice=new-photo"));
    }
    assert_eq!(gallery(&mut app, "fr", &slug).await, ["Cuisine", "Salle de bain", "Terrasse"]);
    // In Arabic, the Arabic caption where there is one, else the French one.
    assert_eq!(gallery(&mut app, "ar", &slug).await, ["مطبخ", "حمام", "Terrasse"]);
    let doc = app.get(&format!("/fr/providers/{slug}")).await.doc();
    assert_eq!(doc.attr(".gallery picture img", "loading"), "lazy");
    assert!(doc.attr(".gallery a", "href").ends_with("-500.jpg"), "the link opens the largest picture");

    // Reordered and recaptioned.
    let ids = portfolio_ids(&app);
    app.post_form(&format!("/fr/provider/portfolio/{}/later", ids[0]), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/provider/portfolio/{}/earlier", ids[2]), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/provider/portfolio/{}", ids[1]), &[("caption_fr", "Salle de bain refaite")])
        .await
        .assert_status(303);
    assert_eq!(gallery(&mut app, "fr", &slug).await, ["Salle de bain refaite", "Terrasse", "Cuisine"]);
    let long = "x".repeat(141);
    let refused = app.post_form(&format!("/fr/provider/portfolio/{}", ids[1]), &[("caption_fr", &long)]).await;
    refused.assert_status(422);
    assert!(refused.doc().text(".field-error").contains("140"));

    // Deleted: its files go with it, the others stay.
    let before = stored(&app).len();
    app.post_form(&format!("/fr/provider/portfolio/{}/delete", ids[2]), &[]).await.assert_status(303);
    assert_eq!(stored(&app).len(), before - 6, "96, 320 and 520 wide, WebP and JPEG");
    assert_eq!(gallery(&mut app, "fr", &slug).await, ["Salle de bain refaite", "Cuisine"]);
    assert_eq!(rows(&app), 2);
    let audited: i64 = app.conn(|c| {
        audit_logs::table.filter(audit_logs::action.like("provider.portfolio_%")).count().get_result(c).unwrap()
    });
    assert_eq!(audited, 7);
}

#[actix_web::test]
async fn a_portfolio_holds_twelve_pictures() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    for i in 0..12u32 {
        app.post_multipart("/fr/provider/portfolio", &[], ("p.png", &picture(60 + i, 40, ImageFormat::Png)))
            .await
            .assert_status(303);
    }
    let page = app.get("/fr/provider/portfolio").await.assert_status(200).doc();
    assert_eq!(page.count("#f-photo"), 0, "no upload form when full");
    let refused =
        app.post_multipart("/fr/provider/portfolio", &[], ("p.png", &picture(90, 40, ImageFormat::Png))).await;
    refused.assert_status(422);
    assert!(refused.doc().text(".alert").contains("12"));
    assert_eq!(rows(&app), 12);
    assert_eq!(stored(&app).len(), 24);
}

#[actix_web::test]
async fn someone_elses_picture_is_not_found() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    app.post_multipart("/fr/provider/portfolio", &[], ("a.jpg", &picture(200, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    let id = portfolio_ids(&app)[0];
    let owner = app.switch_browser(Default::default());
    // Another provider.
    let other = app.signed_in("nadia@example.ma", "PROVIDER").await;
    let form = super::profile_form(&app, "Nadia Services");
    super::post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(303);
    assert!(other > 0);
    for action in ["", "/later", "/earlier", "/delete"] {
        app.post_form(&format!("/fr/provider/portfolio/{id}{action}"), &[("caption_fr", "à moi")])
            .await
            .assert_status(404);
    }
    // One's own picture cannot be reported; a client cannot touch a portfolio.
    app.switch_browser(owner);
    app.get(&format!("/fr/photos/{id}/report")).await.assert_status(404);
    app.switch_browser(Default::default());
    app.signed_in("client@example.ma", "CLIENT").await;
    app.post_form(&format!("/fr/provider/portfolio/{id}/delete"), &[]).await.assert_status(404);
    assert_eq!(rows(&app), 1);
    assert_eq!(stored(&app).len(), 4);
}

#[actix_web::test]
async fn a_client_sets_and_removes_an_avatar() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("client@example.ma", "CLIENT").await;
    app.post_multipart("/fr/account/avatar", &[], ("me.webp", &picture(300, 300, ImageFormat::WebP)))
        .await
        .assert_status(303);
    let avatar: Option<i64> = app.conn(|c| users::table.find(id).select(users::avatar_media_id).first(c).unwrap());
    assert!(avatar.is_some());
    let page = app.get("/fr/account/profile").await.assert_status(200).doc();
    assert!(page.attr(".photo-form picture source", "srcset").contains("-300.webp 300w"));
    // A client has no provider photo or portfolio.
    app.post_multipart("/fr/provider/portfolio", &[], ("me.jpg", &picture(30, 30, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    assert_eq!(rows(&app), 1);
    app.post_form("/fr/account/avatar/remove", &[]).await.assert_status(303);
    assert_eq!((rows(&app), stored(&app).len()), (0, 0));
}

#[actix_web::test]
async fn a_reported_photo_is_removed_by_the_back_office_with_a_reason() {
    let mut app = TestApp::new().await;
    let (_, slug) = approved_provider(&mut app).await;
    app.post_multipart("/fr/provider/portfolio", &[], ("a.jpg", &picture(200, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    app.post_multipart("/fr/provider/portfolio", &[], ("b.jpg", &picture(210, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    let ids = portfolio_ids(&app);
    let provider = app.switch_browser(Default::default());

    // Anyone signed in reports it from the provider page.
    let page = app.get(&format!("/fr/providers/{slug}")).await.doc();
    let href = page.attr(".gallery figcaption a", "href");
    assert!(href.starts_with(&format!("/fr/photos/{}/report?back=", ids[0])), "{href}");
    app.get(&href).await.assert_status(303);
    app.signed_in("client@example.ma", "CLIENT").await;
    let form = app.get(&href).await.assert_status(200).doc();
    let back = form.attr("input[name=back]", "value");
    assert_eq!(back, format!("/fr/providers/{slug}"));
    let path = format!("/fr/photos/{}/report", ids[0]);
    app.post_form(&path, &[("reason", "x"), ("back", &back)]).await.assert_status(422);
    let sent = app.post_form(&path, &[("reason", "Photo volée sur internet"), ("back", &back)]).await;
    sent.assert_status(303);
    assert_eq!(sent.location(), format!("/fr/providers/{slug}?notice=thanks-photo-report"));
    app.post_form(
        &format!("/fr/photos/{}/report", ids[1]),
        &[("reason", "Sans rapport"), ("back", "https://evil.example")],
    )
    .await
    .assert_status(303);

    // The back office sees both, removes one (its owner is told why) and dismisses the other.
    admin_signed_in(&mut app).await;
    let dashboard = app.get("/fr/admin").await.assert_status(200).doc();
    assert!(dashboard.text("#queue-photos").ends_with('2'), "{}", dashboard.text("#queue-photos"));
    let queue = app.get("/fr/admin/photos").await.assert_status(200).doc();
    assert_eq!(queue.count(".reported-photo"), 2);
    assert!(queue.text(".reported-photo").contains("Photo volée sur internet"));
    app.post_form(&format!("/fr/admin/photos/{}/remove", ids[0]), &[("reason", "")]).await.assert_status(422);
    let before = stored(&app).len();
    app.post_form(&format!("/fr/admin/photos/{}/remove", ids[0]), &[("reason", "Photo qui n’est pas la vôtre")])
        .await
        .assert_status(303);
    assert_eq!(stored(&app).len(), before - 4);
    assert_eq!(portfolio_ids(&app), [ids[1]]);
    let email = app.emails_to("karim@example.ma").pop().unwrap();
    assert!(email.email.text.contains("Photo qui n’est pas la vôtre"), "{}", email.email.text);
    app.post_form(&format!("/fr/admin/photos/{}/dismiss", ids[1]), &[("reason", "Rien d’anormal")])
        .await
        .assert_status(303);
    assert_eq!(app.get("/fr/admin/photos").await.doc().count(".reported-photo"), 0);
    let audited: Vec<String> = app.conn(|c| {
        audit_logs::table
            .filter(audit_logs::action.like("photo.%"))
            .order(audit_logs::id)
            .select(audit_logs::action)
            .load(c)
            .unwrap()
    });
    assert_eq!(audited, ["photo.reported", "photo.reported", "photo.removed", "photo.reports_dismissed"]);
    app.switch_browser(provider);
    assert_eq!(gallery(&mut app, "fr", &slug).await.len(), 0, "no captions; one picture left");
    assert_eq!(app.get(&format!("/fr/providers/{slug}")).await.doc().count(".gallery li"), 1);
}

#[actix_web::test]
async fn a_deleted_account_leaves_no_picture_behind() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    app.post_multipart("/fr/provider/photo", &[], ("a.jpg", &picture(200, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    app.post_multipart("/fr/provider/portfolio", &[], ("b.jpg", &picture(210, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    app.post_multipart("/fr/account/avatar", &[], ("c.jpg", &picture(220, 150, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    assert_eq!(stored(&app).len(), 12);
    app.post_form("/fr/account/delete", &[("password", crate::support::accounts::PASSWORD)]).await.assert_status(303);
    assert_eq!((rows(&app), stored(&app).len()), (0, 0));
}

#[actix_web::test]
async fn bookings_and_conversations_show_both_faces() {
    use crate::bookings::{booking_form, last_booking, next_monday, provider_with_service};
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    app.post_multipart("/fr/provider/photo", &[], ("me.jpg", &picture(200, 200, ImageFormat::Jpeg)))
        .await
        .assert_status(303);
    let provider = app.switch_browser(Default::default());
    app.signed_in("client@example.ma", "CLIENT").await;
    app.post_multipart("/fr/account/avatar", &[], ("me.jpg", &picture(150, 150, ImageFormat::Png)))
        .await
        .assert_status(303);
    let (service, date) = (service.to_string(), next_monday(&app).to_string());
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service, &date, "10:00", "k1"))
        .await
        .assert_status(303);
    let id = last_booking(&app);
    let page = app.get(&format!("/fr/account/bookings/{id}")).await.assert_status(200).doc();
    assert!(page.attr(".party picture source", "srcset").contains("-200.webp 200w"), "the provider's photo");
    let contact = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await;
    let thread = app.get(&contact.location()).await.assert_status(200).doc();
    assert!(thread.attr(".party picture source", "srcset").contains("-200.webp 200w"));

    app.switch_browser(provider);
    let page = app.get(&format!("/fr/provider/bookings/{id}")).await.assert_status(200).doc();
    assert!(page.attr(".party picture source", "srcset").contains("-150.webp 150w"), "the client's avatar");
    let thread = app.get(&contact.location()).await.assert_status(200).doc();
    assert!(thread.attr(".party picture source", "srcset").contains("-150.webp 150w"));
}
