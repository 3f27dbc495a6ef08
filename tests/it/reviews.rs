//! Reviews in both directions: double-blind publication (both reviewed, or the 14 days over, with the
//! application clock moved forward), edits and deletion before publication, reminders, the provider's reply,
//! reports and moderation, the aggregates after every kind of change, and every refusal.

use std::collections::BTreeMap;

use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{notifications, provider_listings, providers, reports, reviews, users};
use khadamat::db::types::{NotificationKind, ReviewStatus};

use crate::bookings::{booking_form, client_browser, last_booking, next_monday, provider_with_service};
use crate::support::TestApp;

pub type Browser = BTreeMap<String, String>;

/// Karim (provider) and Amina (client) after one completed 250 DH job. Returns the booking, the provider's
/// slug and the provider's browser; the current browser is the client's.
pub async fn completed_job(app: &mut TestApp) -> (i64, String, Browser) {
    let (slug, service) = provider_with_service(app).await;
    let provider = client_browser(app, "amina@example.ma").await;
    let id = book(app, &slug, service, "10:00").await;
    let client = app.switch_browser(provider);
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    finish(app, id, "250").await;
    let provider = app.switch_browser(client);
    (id, slug, provider)
}

/// The current (provider) browser starts a confirmed job at its time (the clock moves there) and completes it.
pub async fn finish(app: &mut TestApp, id: i64, amount: &str) {
    let start: chrono::NaiveDateTime = app.conn(|c| {
        use khadamat::db::schema::bookings;
        bookings::table.find(id).select(bookings::scheduled_start).first(c).unwrap()
    });
    app.state.clock.advance(start - app.state.clock.now() + Duration::minutes(5));
    app.post_form(&format!("/fr/provider/bookings/{id}/start"), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/provider/bookings/{id}/complete"), &[("amount", amount)]).await.assert_status(303);
}

/// The current (client) browser books a slot on next Monday; returns the booking id.
pub async fn book(app: &mut TestApp, slug: &str, service: i64, time: &str) -> i64 {
    let date = next_monday(app).format("%Y-%m-%d").to_string();
    let service = service.to_string();
    let doc = app.get(&format!("/fr/providers/{slug}/book?service={service}&date={date}")).await.doc();
    let key = doc.attr("input[name=key]", "value");
    let form = booking_form(&service, &date, time, &key);
    app.post_form(&format!("/fr/providers/{slug}/book"), &form).await.assert_status(303);
    last_booking(app)
}

fn review_form<'a>(rating: &'a str, comment: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("rating", rating), ("comment", comment)]
}

fn review_rows(app: &TestApp, booking: i64) -> Vec<(String, i16, ReviewStatus)> {
    app.conn(|c| {
        reviews::table
            .filter(reviews::booking_id.eq(booking))
            .order(reviews::id)
            .select((reviews::direction, reviews::rating, reviews::status))
            .load::<(String, i16, ReviewStatus)>(c)
            .unwrap()
    })
}

/// A rating and its number of reviews.
type Rating = (f64, i32);

/// The rating of the provider, of the provider's listing rows, and of the client.
fn aggregates(app: &TestApp, slug: &str) -> (Rating, Vec<Rating>, Rating) {
    app.conn(|c| {
        let (id, provider): (i64, (f64, i32)) = providers::table
            .filter(providers::slug.eq(slug))
            .select((providers::id, (providers::rating_avg, providers::review_count)))
            .first(c)
            .unwrap();
        let listings = provider_listings::table
            .filter(provider_listings::provider_id.eq(id))
            .select((provider_listings::rating_avg, provider_listings::review_count))
            .load(c)
            .unwrap();
        let client = users::table
            .filter(users::email.eq("amina@example.ma"))
            .select((users::rating_avg, users::review_count))
            .first(c)
            .unwrap();
        (provider, listings, client)
    })
}

fn kinds_for(app: &TestApp, email: &str) -> Vec<NotificationKind> {
    let user = app.user_id(email);
    app.conn(|c| {
        notifications::table
            .filter(notifications::user_id.eq(user))
            .order(notifications::id)
            .select(notifications::kind)
            .load(c)
            .unwrap()
    })
}

#[actix_web::test]
async fn reviews_stay_hidden_until_both_parties_have_reviewed() {
    let mut app = TestApp::new().await;
    let (id, slug, provider) = completed_job(&mut app).await;

    // Completion asked both parties for a review, in the app and by email.
    assert_eq!(kinds_for(&app, "amina@example.ma").last(), Some(&NotificationKind::ReviewRequest));
    assert_eq!(kinds_for(&app, "karim@example.ma").last(), Some(&NotificationKind::ReviewRequest));
    let email = app.emails_to("amina@example.ma").last().unwrap().email.clone();
    assert!(email.subject.contains("Votre avis sur"), "{}", email.subject);
    let page = app.get(&format!("/fr/account/bookings/{id}")).await.assert_status(200).doc();
    assert_eq!(page.count("#review input[name=rating][type=radio]"), 5);
    assert_eq!(page.count("#review input[name=punctuality][type=radio]"), 6, "optional: a 'no rating' choice");

    // The client reviews; the review waits, can be edited.
    let mut form = review_form("4", "Travail propre et rapide, merci !");
    form.push(("punctuality", "5"));
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &form).await.assert_status(303);
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form("5", "Travail propre, rapide et soigné."))
        .await
        .assert_status(303);
    assert_eq!(review_rows(&app, id), vec![("CLIENT_TO_PROVIDER".into(), 5, ReviewStatus::Pending)]);
    let mine = app.get(&format!("/fr/account/bookings/{id}")).await.doc();
    mine.assert_has("#review-waiting");
    assert_eq!(mine.attr("#review input[name=rating][checked]", "value"), "5", "the form shows the saved review");
    assert_eq!(app.audit_count("review.created"), 1);
    assert_eq!(app.audit_count("review.updated"), 1);

    // Nobody else sees it yet: not the provider, not the public page; nothing counted.
    let public = app.get(&format!("/fr/providers/{slug}")).await.doc();
    assert_eq!(public.count(".review-list .review"), 0);
    let client = app.switch_browser(provider);
    let theirs = app.get(&format!("/fr/provider/bookings/{id}")).await.doc();
    assert!(!theirs.text("#review").contains("soigné"), "double-blind");
    assert_eq!(kinds_for(&app, "karim@example.ma").last(), Some(&NotificationKind::ReviewRequest), "'waiting' nudge");
    assert_eq!(aggregates(&app, &slug).0, (0.0, 0));

    // The provider reviews the client: both are published at once and the ratings follow.
    app.post_form(&format!("/fr/provider/bookings/{id}/review"), &review_form("3", "Client aimable mais en retard."))
        .await
        .assert_status(303);
    let rows = review_rows(&app, id);
    assert!(rows.iter().all(|r| r.2 == ReviewStatus::Published), "{rows:?}");
    let (provider_rating, listings, client_rating) = aggregates(&app, &slug);
    assert_eq!(provider_rating, (5.0, 1));
    assert!(!listings.is_empty() && listings.iter().all(|l| *l == (5.0, 1)), "search listings follow: {listings:?}");
    assert_eq!(client_rating, (3.0, 1));
    let theirs = app.get(&format!("/fr/provider/bookings/{id}")).await.doc();
    assert!(theirs.text("#review").contains("soigné"), "now visible to the provider");
    assert!(kinds_for(&app, "karim@example.ma").contains(&NotificationKind::ReviewPublished));

    // Public page: the review, its stars, the JSON-LD rating.
    let public = app.get(&format!("/fr/providers/{slug}")).await.doc();
    assert_eq!(public.count(".review-list .review"), 1);
    assert!(public.text(".review-list").contains("Travail propre"));
    let json_ld = public.html_of("script[type='application/ld+json']");
    assert!(json_ld.contains("\"aggregateRating\""), "{json_ld}");
    assert!(json_ld.contains("\"ratingValue\""), "{json_ld}");

    // Published: no more edits or deletion, by either party.
    app.post_form(&format!("/fr/provider/bookings/{id}/review"), &review_form("1", "Je change d'avis finalement."))
        .await
        .assert_status(409);
    app.switch_browser(client);
    let refused = app.post_form(&format!("/fr/account/bookings/{id}/review/delete"), &[]).await;
    refused.assert_status(409);
    assert!(refused.doc().text("#review-error").contains("déjà publié"));
    assert_eq!(review_rows(&app, id).len(), 2);
    // The client's account page counts the review given.
    let account = app.get("/fr/account").await.doc();
    assert!(account.text("#client-stats").contains("250"), "{}", account.text("#client-stats"));
}

#[actix_web::test]
async fn a_pending_review_can_be_deleted_and_the_window_publishes_the_other_alone() {
    let mut app = TestApp::new().await;
    let (id, slug, provider) = completed_job(&mut app).await;
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form("2", "Pas venu à l'heure prévue."))
        .await
        .assert_status(303);
    app.post_form(&format!("/fr/account/bookings/{id}/review/delete"), &[]).await.assert_status(303);
    assert!(review_rows(&app, id).is_empty());
    let mut form = review_form("4", "Finalement très bien, merci.");
    form.push(("quality", "3"));
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &form).await.assert_status(303);

    // Day 3 and day 10: the provider, who has not reviewed, is reminded once each (jobs run twice).
    let reminders = |app: &TestApp| {
        kinds_for(app, "karim@example.ma").iter().filter(|k| **k == NotificationKind::ReviewRequest).count()
    };
    let before = reminders(&app);
    app.state.clock.advance(Duration::days(3) + Duration::minutes(1));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(reminders(&app), before + 1);
    assert!(app.emails_to("karim@example.ma").last().unwrap().email.subject.contains("Rappel"));
    let client_requests =
        kinds_for(&app, "amina@example.ma").iter().filter(|k| **k == NotificationKind::ReviewRequest).count();
    assert_eq!(client_requests, 1, "the client has reviewed: no reminder");
    app.state.clock.advance(Duration::days(7));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(reminders(&app), before + 2);
    assert_eq!(review_rows(&app, id)[0].2, ReviewStatus::Pending, "day 10: still hidden");

    // Day 14: the window closes, the client's review is published alone.
    app.state.clock.advance(Duration::days(4));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(review_rows(&app, id), vec![("CLIENT_TO_PROVIDER".into(), 4, ReviewStatus::Published)]);
    assert_eq!(aggregates(&app, &slug).0, (4.0, 1));
    let public = app.get(&format!("/fr/providers/{slug}")).await.doc();
    assert_eq!(public.texts(".criteria div"), vec!["Qualité du travail3,0 / 5"], "only the criteria rated");
    // Too late for the provider.
    app.switch_browser(provider);
    let late =
        app.post_form(&format!("/fr/provider/bookings/{id}/review"), &review_form("5", "Très bonne cliente.")).await;
    late.assert_status(409);
    assert!(late.doc().text("#review-error").contains("14 jours"));
    assert_eq!(review_rows(&app, id).len(), 1);
}

#[actix_web::test]
async fn bad_reviews_are_refused_with_a_message_and_change_nothing() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider = client_browser(&mut app, "amina@example.ma").await;
    let pending = book(&mut app, &slug, service, "08:00").await;
    let id = book(&mut app, &slug, service, "12:00").await;
    // Not completed: refused.
    let res = app
        .post_form(&format!("/fr/account/bookings/{pending}/review"), &review_form("5", "Parfait, rien à dire."))
        .await;
    res.assert_status(409);
    assert!(res.doc().text("#review-error").contains("terminée"));
    // The provider completes the other one.
    let client = app.switch_browser(provider);
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    finish(&mut app, id, "100").await;
    app.switch_browser(client);
    let long = "é".repeat(2001);
    for (rating, comment, field) in [
        ("0", "Un commentaire correct.", "rating"),
        ("6", "Un commentaire correct.", "rating"),
        ("3.5", "Un commentaire correct.", "rating"),
        ("abc", "Un commentaire correct.", "rating"),
        ("", "Un commentaire correct.", "rating"),
        ("4", "", "comment"),
        ("4", "   court   ", "comment"),
        ("4", long.as_str(), "comment"),
    ] {
        let res = app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form(rating, comment)).await;
        res.assert_status(422);
        let doc = res.doc();
        doc.assert_has("#review [aria-invalid], #review .field-invalid");
        assert!(!doc.text("#form-errors").is_empty(), "{rating} / {field}: a message");
    }
    let mut bad_criterion = review_form("4", "Un commentaire correct.");
    bad_criterion.push(("value", "7"));
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &bad_criterion).await.assert_status(422);
    // Missing fields altogether.
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &[]).await.assert_status(422);
    assert!(review_rows(&app, id).is_empty(), "nothing written");

    // Someone else's booking: 404, whoever asks.
    let amina = app.switch_browser(Default::default());
    app.signed_in("yassine@example.ma", "CLIENT").await;
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form("1", "Je n'y étais pas du tout."))
        .await
        .assert_status(404);
    app.switch_browser(amina);
    // The client cannot use the provider's route (role), nor review twice.
    app.post_form(&format!("/fr/provider/bookings/{id}/review"), &review_form("1", "Je suis la cliente ici."))
        .await
        .assert_status(403);
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form("4", "Bon travail dans l'ensemble."))
        .await
        .assert_status(303);
    assert_eq!(review_rows(&app, id).len(), 1);
}

#[actix_web::test]
async fn replies_reports_and_moderation_keep_the_ratings_in_step() {
    let mut app = TestApp::new().await;
    let (id, slug, provider) = completed_job(&mut app).await;
    app.post_form(&format!("/fr/account/bookings/{id}/review"), &review_form("1", "Travail bâclé, à refaire."))
        .await
        .assert_status(303);
    app.switch_browser(provider);
    app.post_form(&format!("/fr/provider/bookings/{id}/review"), &review_form("5", "Cliente accueillante."))
        .await
        .assert_status(303);
    let review: i64 = app.conn(|c| {
        reviews::table
            .filter(reviews::booking_id.eq(id))
            .filter(reviews::direction.eq("CLIENT_TO_PROVIDER"))
            .select(reviews::id)
            .first(c)
            .unwrap()
    });

    // The provider replies once, from their reviews page.
    let list = app.get("/fr/provider/reviews").await.assert_status(200).doc();
    assert_eq!(list.count(&format!("#review-{review} form textarea[name=reply]")), 1);
    app.post_form(&format!("/fr/provider/reviews/{review}/reply"), &[("reply", "")]).await.assert_status(422);
    app.post_form(&format!("/fr/provider/reviews/{review}/reply"), &[("reply", "Nous sommes revenus gratuitement.")])
        .await
        .assert_status(303);
    let again =
        app.post_form(&format!("/fr/provider/reviews/{review}/reply"), &[("reply", "Encore une réponse.")]).await;
    again.assert_status(409);
    assert!(again.doc().text("#reply-error").contains("déjà répondu"));
    assert!(kinds_for(&app, "amina@example.ma").contains(&NotificationKind::ReviewReply));
    assert!(app.get(&format!("/fr/providers/{slug}")).await.doc().text(".review-reply").contains("gratuitement"));
    // Another provider cannot reply: 404.
    app.switch_browser(Default::default());
    app.signed_in("other-pro@example.ma", "PROVIDER").await;
    app.post_form(&format!("/fr/provider/reviews/{review}/reply"), &[("reply", "Je ne suis pas concerné.")])
        .await
        .assert_status(404);

    // Anyone signed in may report it; the reason is checked.
    app.get(&format!("/fr/reviews/{review}/report")).await.assert_status(200);
    app.post_form(&format!("/fr/reviews/{review}/report"), &[("reason", "x")]).await.assert_status(422);
    let res = app.post_form(&format!("/fr/reviews/{review}/report"), &[("reason", "Propos injustes et faux.")]).await;
    res.assert_status(303);
    assert!(res.location().contains(&format!("/fr/providers/{slug}")));
    let open: i64 = app.conn(|c| reports::table.filter(reports::status.eq("OPEN")).count().get_result(c).unwrap());
    assert_eq!(open, 1);
    // Signed out: sent to sign in.
    let other = app.switch_browser(Default::default());
    let anonymous = app.get(&format!("/fr/reviews/{review}/report")).await;
    assert!(anonymous.location().contains("/fr/login"), "{}", anonymous.location());
    // Non-admins cannot moderate.
    app.switch_browser(other);
    app.get("/fr/admin/reviews").await.assert_status(403);
    app.post_form(&format!("/fr/admin/reviews/{review}/hide"), &[("reason", "Je décide.")]).await.assert_status(403);

    // The admin hides it with a reason: ratings recomputed, report resolved, author told, audited.
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let queue = app.get("/fr/admin/reviews").await.assert_status(200).doc();
    assert!(queue.text(&format!("#review-{review}")).contains("Propos injustes"));
    app.post_form(&format!("/fr/admin/reviews/{review}/hide"), &[("reason", "")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/reviews/{review}/hide"), &[("reason", "Contenu contesté, en cours d'examen.")])
        .await
        .assert_status(303);
    assert_eq!(aggregates(&app, &slug).0, (0.0, 0));
    let open: i64 = app.conn(|c| reports::table.filter(reports::status.eq("OPEN")).count().get_result(c).unwrap());
    assert_eq!(open, 0);
    assert_eq!(kinds_for(&app, "amina@example.ma").last(), Some(&NotificationKind::ReviewHidden));
    assert!(app.emails_to("amina@example.ma").last().unwrap().email.subject.contains("masqué"));
    assert_eq!(app.audit_count("review.hidden"), 1);
    assert_eq!(app.get(&format!("/fr/providers/{slug}")).await.doc().count(".review-list .review"), 0);
    // Hiding again is refused (the review moved on); restoring brings the rating back.
    app.post_form(&format!("/fr/admin/reviews/{review}/hide"), &[("reason", "Deuxième clic du modérateur.")])
        .await
        .assert_status(409);
    app.post_form(&format!("/fr/admin/reviews/{review}/restore"), &[("reason", "Vérifié avec le client.")])
        .await
        .assert_status(303);
    assert_eq!(aggregates(&app, &slug).0, (1.0, 1));
    assert_eq!(app.audit_count("review.restored"), 1);
}
