//! The role extractors, on routes added for the test: wrong role 403, anonymous sent to sign in.

use actix_web::{HttpResponse, test, web};
use khadamat::build_app;
use khadamat::web::auth::{Admin, CurrentProvider, CurrentUser};

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

async fn status(app: &TestApp, path: &str) -> (u16, String) {
    let service = test::init_service(
        build_app(app.state.clone())
            .route(
                "/test/user",
                web::get().to(|CurrentUser(u): CurrentUser| async move { HttpResponse::Ok().body(u.email) }),
            )
            .route(
                "/test/provider",
                web::get().to(|CurrentProvider(u): CurrentProvider| async move { HttpResponse::Ok().body(u.email) }),
            )
            .route("/test/admin", web::get().to(|Admin(u): Admin| async move { HttpResponse::Ok().body(u.email) })),
    )
    .await;
    let mut req = test::TestRequest::get().uri(path);
    let jar = app.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    if !jar.is_empty() {
        req = req.insert_header(("cookie", jar));
    }
    let res = test::call_service(&service, req.to_request()).await;
    let location = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    (res.status().as_u16(), location)
}

#[actix_web::test]
async fn each_role_gets_only_its_pages() {
    let mut app = TestApp::new().await;
    assert_eq!(status(&app, "/test/user").await, (303, "/fr/login?next=%2Ftest%2Fuser".into()));
    app.signed_in("client@example.ma", "CLIENT").await;
    assert_eq!(status(&app, "/test/user").await.0, 200);
    assert_eq!(status(&app, "/test/provider").await.0, 403);
    assert_eq!(status(&app, "/test/admin").await.0, 403);
    app.switch_browser(Default::default());
    app.signed_in("pro@example.ma", "PROVIDER").await;
    assert_eq!(status(&app, "/test/provider").await.0, 200);
    assert_eq!(status(&app, "/test/admin").await.0, 403);
    // An admin without two-step verification is refused the admin pages too.
    app.switch_browser(Default::default());
    app.conn(|c| khadamat::db::seed::create_admin(c, "boss@khadamat.ma", PASSWORD, "Amina", "Admin").unwrap());
    app.sign_in("boss@khadamat.ma", PASSWORD).await.assert_status(303);
    assert_eq!(status(&app, "/test/admin").await.0, 403);
}
