//! Reported conversations and messages: a participant reports, the back office hides a message with a reason
//! (the author is emailed, the other party no longer sees it), shows it again, warns a participant, dismisses
//! reports; refusals for outsiders, non-admins, bad reasons and decisions on objects that changed.

use diesel::prelude::*;
use khadamat::db::schema::{messages, reports};
use khadamat::db::seed::{DEMO_CLIENT, DEMO_PASSWORD, DEMO_PROVIDER};

use crate::support::TestApp;

#[actix_web::test]
async fn reported_messages_are_hidden_restored_warned_about_and_dismissed() {
    let mut app = TestApp::with_providers(1).await;
    let provider_id = app.user_id(DEMO_PROVIDER);
    let slug = app.conn(|c| khadamat::db::models::provider::for_user(c, provider_id).unwrap().unwrap().slug);
    // The client writes; the provider answers rudely.
    app.sign_in(DEMO_CLIENT, DEMO_PASSWORD).await.assert_status(303);
    let location = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await.location();
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Bonjour, êtes-vous libre samedi ?")]).await;
    let client = app.switch_browser(Default::default());
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Payez-moi en liquide, sinon je ne viens pas.")]).await;
    let rude: i64 = app.conn(|c| messages::table.order(messages::id.desc()).select(messages::id).first(c).unwrap());
    // One's own messages have no report link and cannot be reported.
    let own = app.get(&format!("/fr/messages/{id}")).await.doc();
    assert_eq!(own.count(".message-mine .message-report"), 0);
    app.get(&format!("/fr/messages/{id}/report?message={rude}")).await.assert_status(404);
    let provider = app.switch_browser(client);

    // The client reports the message from its link; a reason is required.
    let page = app.get(&format!("/fr/messages/{id}")).await.doc();
    let href = page.attr(&format!("#message-{rude} .message-report"), "href");
    assert_eq!(href, format!("/fr/messages/{id}/report?message={rude}"));
    let form = app.get(&href).await.assert_status(200).doc();
    assert!(form.text("blockquote").contains("liquide"));
    let path = format!("/fr/messages/{id}/report");
    let message = rude.to_string();
    app.post_form(&path, &[("message", &message), ("reason", "x")]).await.assert_status(422);
    let done = app.post_form(&path, &[("message", &message), ("reason", "Demande de paiement hors plateforme.")]).await;
    done.assert_status(303);
    assert!(done.location().contains("notice=thanks-conversation-report"));
    let thanked = app.get(&done.location()).await.doc();
    assert!(thanked.text(".notice").contains("ce que vous avez signalé"), "{}", thanked.text(".notice"));
    // Reporting again changes nothing; the whole conversation can be reported too.
    app.post_form(&path, &[("message", &message), ("reason", "Encore la même chose.")]).await.assert_status(303);
    app.post_form(&path, &[("reason", "Toute la conversation pose problème.")]).await.assert_status(303);
    let open: i64 = app.conn(|c| reports::table.filter(reports::status.eq("OPEN")).count().get_result(c).unwrap());
    assert_eq!(open, 2);
    assert_eq!(app.audit_count("message.reported"), 1);
    assert_eq!(app.audit_count("conversation.reported"), 1);
    // Outsiders: not found, whatever the message.
    let client = app.switch_browser(Default::default());
    app.signed_in("nosy@example.ma", "CLIENT").await;
    app.get(&format!("/fr/messages/{id}/report?message={rude}")).await.assert_status(404);
    app.post_form(&path, &[("reason", "Je ne fais pas partie de la conversation.")]).await.assert_status(404);
    app.post_form(&path, &[("message", "abc"), ("reason", "Identifiant invalide ici.")]).await.assert_status(404);
    // Non-admins: 403 on every back office URL and form.
    for url in ["/fr/admin/conversations".to_string(), format!("/fr/admin/conversations/{id}")] {
        app.get(&url).await.assert_status(403);
    }
    app.post_form(&format!("/fr/admin/messages/{rude}/hide"), &[("reason", "Je ne suis pas admin.")])
        .await
        .assert_status(403);
    app.post_form(&format!("/fr/admin/conversations/{id}/dismiss"), &[("reason", "Je ne suis pas admin.")])
        .await
        .assert_status(403);

    // The back office: the dashboard counts the conversation, the queue lists both reports.
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let dashboard = app.get("/fr/admin").await.doc();
    assert!(dashboard.text("#queue-conversations").ends_with('2'), "{}", dashboard.text("#queue-conversations"));
    let queue = app.get("/fr/admin/conversations").await.assert_status(200).doc();
    assert_eq!(queue.count(".queue-item"), 2);
    assert!(queue.text(".queue-item").contains("liquide"));
    let page = app.get(&format!("/fr/admin/conversations/{id}")).await.assert_status(200).doc();
    assert_eq!(page.count(".admin-thread > li"), 2);
    assert!(page.text(&format!("#message-{rude}")).contains("hors plateforme"));

    // Hide with a reason: the author is emailed, the client no longer sees it, its report is resolved.
    let hide = format!("/fr/admin/messages/{rude}/hide");
    app.post_form(&hide, &[("reason", "no")]).await.assert_status(422);
    app.post_form(&hide, &[("reason", "Paiement hors plateforme interdit.")]).await.assert_status(303);
    app.post_form(&hide, &[("reason", "Deuxième clic sur masquer.")]).await.assert_status(409);
    assert!(app.emails_to(DEMO_PROVIDER).last().unwrap().email.subject.contains("masqué"));
    assert_eq!(app.audit_count("message.hidden"), 1);
    let page = app.get(&format!("/fr/admin/conversations/{id}")).await.doc();
    assert!(page.text(&format!("#message-{rude}")).contains("Masqué"));
    assert_eq!(app.get("/fr/admin/conversations").await.doc().count(".queue-item"), 1, "only the whole one left");
    let admin = app.switch_browser(client);
    let seen = app.get(&format!("/fr/messages/{id}")).await.doc();
    assert_eq!(seen.count(&format!("#message-{rude}")), 0);
    assert!(!seen.text("#thread").contains("liquide"));
    app.switch_browser(provider);
    assert_eq!(app.get(&format!("/fr/messages/{id}")).await.doc().count(&format!("#message-{rude}")), 0);

    // Restore, warn the provider, dismiss what is left.
    app.switch_browser(admin);
    app.post_form(&format!("/fr/admin/messages/{rude}/restore"), &[("reason", "Erreur de modération.")])
        .await
        .assert_status(303);
    assert_eq!(app.audit_count("message.restored"), 1);
    let warn = format!("/fr/admin/conversations/{id}/warn");
    let user = provider_id.to_string();
    app.post_form(&warn, &[("user", &user), ("reason", "?")]).await.assert_status(422);
    let outsider = app.user_id("nosy@example.ma").to_string();
    app.post_form(&warn, &[("user", &outsider), ("reason", "Pas dans la conversation.")]).await.assert_status(404);
    app.post_form(&warn, &[("user", &user), ("reason", "Les paiements passent par Khadamat.")])
        .await
        .assert_status(303);
    let warning = app.emails_to(DEMO_PROVIDER).last().unwrap().email.clone();
    assert!(warning.subject.contains("Avertissement") && warning.text.contains("passent par Khadamat"));
    assert_eq!(app.audit_count("admin.user_warned"), 1);
    let dismiss = format!("/fr/admin/conversations/{id}/dismiss");
    app.post_form(&dismiss, &[("reason", "Traité par l’avertissement.")]).await.assert_status(303);
    app.post_form(&dismiss, &[("reason", "Plus rien à classer ici.")]).await.assert_status(409);
    assert_eq!(app.get("/fr/admin/conversations").await.doc().count(".queue-item"), 0);
    let dismissed: i64 =
        app.conn(|c| reports::table.filter(reports::status.eq("DISMISSED")).count().get_result(c).unwrap());
    assert_eq!(dismissed, 1);
    app.get("/fr/admin/conversations/999999").await.assert_status(404);
    app.post_form("/fr/admin/messages/999999/hide", &[("reason", "Message inconnu ici.")]).await.assert_status(404);
}
