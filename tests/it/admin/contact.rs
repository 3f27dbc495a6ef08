//! Contact messages in the back office: the open queue, a message, a reply by email in the sender's
//! language (which handles it), marking handled, refusals; admins only.

use diesel::prelude::*;
use khadamat::db::schema::contact_messages;

use crate::support::TestApp;

#[actix_web::test]
async fn contact_messages_are_read_answered_and_handled() {
    let mut app = TestApp::new().await;
    let form = [
        ("name", "سلمى بناني"),
        ("email", "salma@example.ma"),
        ("topic", "SUPPORT"),
        ("message", "مرحبا، عندي سؤال بخصوص حجزي الأخير."),
    ];
    app.post_form("/ar/contact", &form).await.assert_status(303);
    let mut other = form;
    other[1] = ("email", "omar@example.ma");
    other[3] = ("message", "Deuxième message, à marquer traité sans réponse.");
    app.post_form("/fr/contact", &other).await.assert_status(303);
    let ids: Vec<i64> =
        app.conn(|c| contact_messages::table.order(contact_messages::id).select(contact_messages::id).load(c).unwrap());
    let (first, second) = (ids[ids.len() - 2], ids[ids.len() - 1]);

    // Not for others.
    app.get("/fr/admin/contact").await.assert_status(303);
    app.signed_in("amina@example.ma", "CLIENT").await;
    app.get("/fr/admin/contact").await.assert_status(403);
    app.post_form(&format!("/fr/admin/contact/{first}/handled"), &[]).await.assert_status(403);

    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let dashboard = app.get("/fr/admin").await.doc();
    assert!(dashboard.text("#queue-contact").ends_with('2'), "{}", dashboard.text("#queue-contact"));
    let queue = app.get("/fr/admin/contact").await.assert_status(200).doc();
    assert_eq!(queue.count(".contact-row"), 2);
    assert!(queue.text(&format!("#contact-{first}")).contains("سلمى"), "oldest first");
    let page = app.get(&format!("/fr/admin/contact/{first}")).await.assert_status(200).doc();
    assert!(page.text("#contact-message").contains("حجزي"));
    app.get("/fr/admin/contact/999999").await.assert_status(404);

    // Reply: checked, then sent in Arabic (the sender's language) with their message, and the message handled.
    app.post_form(&format!("/fr/admin/contact/{first}/reply"), &[("reply", "ok")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/contact/{first}/reply"), &[("reply", "شكرا، تم حل المشكلة.")])
        .await
        .assert_status(303);
    let email = app.emails_to("salma@example.ma").last().unwrap().email.clone();
    assert!(email.subject.contains("Khadamat") && email.text.contains("تم حل المشكلة") && email.text.contains("حجزي"));
    assert_eq!(app.audit_count("admin.contact_replied"), 1);
    let again = app.post_form(&format!("/fr/admin/contact/{first}/reply"), &[("reply", "Une deuxième réponse.")]).await;
    again.assert_status(409);
    assert!(again.doc().text("#contact-error").contains("déjà été traité"));
    assert_eq!(app.emails_to("salma@example.ma").len(), 1, "no second email");

    // Mark the other handled without a reply.
    app.post_form(&format!("/fr/admin/contact/{second}/handled"), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/admin/contact/{second}/handled"), &[]).await.assert_status(409);
    assert_eq!(app.audit_count("admin.contact_handled"), 1);
    assert_eq!(app.get("/fr/admin/contact").await.doc().count(".contact-row"), 0);
    assert_eq!(app.get("/fr/admin/contact?tab=handled").await.doc().count(".contact-row"), 2);
    for bad in ["page=-1", "page=99999", "tab=%3Cx%3E"] {
        app.get(&format!("/fr/admin/contact?{bad}")).await.assert_status(200);
    }
}
