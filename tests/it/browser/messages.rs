use khadamat::db::seed::{DEMO_CLIENT, DEMO_PROVIDER};

use super::{Browser, Server, browser, sign_in};

fn send(b: &Browser, text: &str) {
    b.type_into("#f-body", text);
    b.click("#send-form button[type=submit]");
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn two_people_chat_live() {
    let client = browser(true);
    let provider = browser(true);
    let server = Server::start(1);
    let slug = {
        let mut conn = server.state.db.get().unwrap();
        let user = khadamat::db::models::user::find_by_email(&mut conn, DEMO_PROVIDER).unwrap().unwrap();
        khadamat::db::models::provider::for_user(&mut conn, user.id).unwrap().unwrap().slug
    };
    sign_in(&client, &server, DEMO_CLIENT);
    client.goto(&server.url(&format!("/fr/providers/{slug}")));
    client.click(".provider-actions form[action$='/contact'] button");
    client.wait_until("the conversation", |b| b.current_url().contains("/fr/messages/"));
    let conversation = client.current_url();
    // Sent over the socket: the box empties and the message shows without a page load.
    send(&client, "Bonjour, êtes-vous disponible samedi ?");
    client.wait_until("the message in the thread", |b| b.text("#thread").contains("disponible samedi"));
    assert_eq!(client.current_url(), conversation);
    client.wait_until("the emptied box", |b| b.script("return document.getElementById('f-body').value") == "");

    sign_in(&provider, &server, DEMO_PROVIDER);
    // Sent once (not also by a boosted form post), and counted in the header.
    provider.wait_until("the unread badge", |b| b.text("#inbox-count").starts_with('1'));
    provider.goto(&server.url("/fr/messages"));
    provider.click("#inbox a");
    provider.wait_for(".message-theirs");
    // Live both ways.
    send(&client, "Je peux aussi dimanche.");
    provider.wait_until("the client's new message, live", |b| b.text("#thread").contains("aussi dimanche"));
    send(&provider, "Samedi 10 h, c'est parfait.");
    client.wait_until("the provider's reply, live", |b| b.text("#thread").contains("Samedi 10 h"));
    client.wait_until("seen", |b| b.find(".message-mine .message-seen").is_some());
    for b in [&client, &provider] {
        assert_eq!(b.console_errors(), Vec::<String>::new());
    }
}
