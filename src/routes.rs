//! THE route table: every URL of the site is here (see DESIGN.md §3b).

use actix_web::{Route, guard, web};

use crate::handlers;
use crate::handlers::{account, admin, auth, dev, health, messages, provider, public, reviews, seo};
use crate::web::lang;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", get().to(lang::root_redirect))
        .route("/health", get().to(health::show))
        .route("/ready", get().to(health::ready))
        .route("/robots.txt", get().to(seo::robots))
        .route("/sitemap.xml", get().to(seo::index))
        .route("/sitemap-{name}.xml", get().to(seo::file))
        .route("/favicon.ico", get().to(handlers::assets::root_file))
        .route("/manifest.webmanifest", get().to(handlers::assets::root_file))
        .route("/static/{path:.*}", get().to(handlers::assets::serve))
        .route("/ws", web::get().to(crate::realtime::socket::connect))
        .route("/dev/outbox", get().to(dev::index))
        .route("/dev/outbox/{id}", get().to(dev::show))
        .service(
            web::scope("/{lang:fr|ar|en}")
                .route("", get().to(lang::add_slash))
                .route("/", get().to(public::home::show))
                .route("/services", get().to(public::services::index))
                .route("/services/{category}", get().to(public::providers::landing))
                .route("/services/{category}/{city}", get().to(public::providers::landing))
                .route("/providers", get().to(public::providers::index))
                .route("/providers/{slug}", get().to(public::providers::show))
                .route("/providers/{slug}/book", get().to(public::book::new))
                .route("/providers/{slug}/book", web::post().to(public::book::create))
                .route("/providers/{slug}/contact", web::post().to(messages::start))
                .route("/providers/{slug}/favorite", web::post().to(account::favorites::create))
                .route("/providers/{slug}/favorite/delete", web::post().to(account::favorites::destroy))
                .route("/language", web::post().to(public::language::update))
                .route("/about", get().to(public::about::show))
                .route("/contact", get().to(public::contact::new))
                .route("/contact", web::post().to(public::contact::create))
                .route("/contact/thanks", get().to(public::contact::thanks))
                .route("/legal/{page}", get().to(public::legal::show))
                .route("/register", get().to(auth::register::new))
                .route("/register", web::post().to(auth::register::create))
                .route("/register/check-email", get().to(auth::register::check_email))
                .route("/verify-email/{token}", get().to(auth::verify_email::show))
                .route("/login", get().to(auth::login::new))
                .route("/login", web::post().to(auth::login::create))
                .route("/login/two-factor", get().to(auth::login::two_factor))
                .route("/login/two-factor", web::post().to(auth::login::two_factor_create))
                .route("/logout", web::post().to(auth::login::destroy))
                .route("/password/forgot", get().to(auth::password::forgot))
                .route("/password/forgot", web::post().to(auth::password::forgot_create))
                .route("/password/reset/{token}", get().to(auth::password::reset))
                .route("/password/reset/{token}", web::post().to(auth::password::reset_create))
                .route("/account", get().to(account::index::show))
                .route("/account/verification", web::post().to(auth::verify_email::resend))
                .route("/account/favorites", get().to(account::favorites::index))
                .route("/account/profile", get().to(account::profile::edit))
                .route("/account/profile", web::post().to(account::profile::update))
                .route("/account/bookings", get().to(account::bookings::index))
                .route("/account/bookings/{id}", get().to(account::bookings::show))
                .route("/account/bookings/{id}/cancel", web::post().to(account::bookings::cancel))
                .route("/account/bookings/{id}/review", web::post().to(reviews::client_save))
                .route("/account/bookings/{id}/review/delete", web::post().to(reviews::client_delete))
                .route("/reviews/{id}/report", get().to(reviews::report_form))
                .route("/reviews/{id}/report", web::post().to(reviews::report))
                .route("/account/notifications", get().to(account::notifications::index))
                .route("/account/notifications/read-all", web::post().to(account::notifications::read_all))
                .route("/account/notifications/settings", get().to(account::notifications::edit))
                .route("/account/notifications/settings", web::post().to(account::notifications::update))
                .route("/account/notifications/{id}/read", web::post().to(account::notifications::read))
                .route("/account/notifications/{id}/delete", web::post().to(account::notifications::destroy))
                .route("/account/security", get().to(account::security::show))
                .route("/account/password", web::post().to(account::security::update_password))
                .route("/account/email", web::post().to(account::security::update_email))
                .route("/account/email/confirm/{token}", get().to(account::security::confirm_email))
                .route("/account/email/confirm/{token}", web::post().to(account::security::confirm_email_create))
                .route("/account/sessions/revoke-others", web::post().to(account::security::revoke_others))
                .route("/account/sessions/{id}/revoke", web::post().to(account::security::revoke_session))
                .route("/account/two-factor", get().to(account::two_factor::show))
                .route("/account/two-factor", web::post().to(account::two_factor::enable))
                .route("/account/two-factor/disable", web::post().to(account::two_factor::disable))
                .route("/account/delete", get().to(account::delete::show))
                .route("/account/delete", web::post().to(account::delete::destroy))
                .route("/messages", get().to(messages::index))
                .route("/messages/{id}", get().to(messages::show))
                .route("/messages/{id}", web::post().to(messages::create))
                .route("/messages/{id}/report", get().to(messages::report_form))
                .route("/messages/{id}/report", web::post().to(messages::report))
                .route("/provider/profile", get().to(provider::profile::edit))
                .route("/provider/profile", web::post().to(provider::profile::update))
                .route("/provider/services", get().to(provider::services::index))
                .route("/provider/services", web::post().to(provider::services::create))
                .route("/provider/services/new", get().to(provider::services::new))
                .route("/provider/services/{id}/edit", get().to(provider::services::edit))
                .route("/provider/services/{id}", web::post().to(provider::services::update))
                .route(
                    "/provider/services/{id}/{action:activate|deactivate|delete}",
                    web::post().to(provider::services::change),
                )
                .route("/provider/bookings", get().to(provider::bookings::index))
                .route("/provider/bookings/{id}", get().to(provider::bookings::show))
                .route(
                    "/provider/bookings/{id}/{action:accept|reject|start|complete|cancel}",
                    web::post().to(provider::bookings::act),
                )
                .route("/provider/bookings/{id}/review", web::post().to(reviews::provider_save))
                .route("/provider/bookings/{id}/review/delete", web::post().to(reviews::provider_delete))
                .route("/provider/reviews", get().to(provider::reviews::index))
                .route("/provider/reviews/{id}/reply", web::post().to(provider::reviews::reply))
                .route("/provider/statistics", get().to(provider::statistics::show))
                .route("/admin", get().to(admin::dashboard::show))
                .route("/admin/audit", get().to(admin::audit::index))
                .route("/admin/users", get().to(admin::users::index))
                .route("/admin/users.csv", get().to(admin::users::csv))
                .route("/admin/users/{id}", get().to(admin::users::show))
                .route(
                    "/admin/users/{id}/{decision:suspend|reactivate|verify-email|role|badge|delete}",
                    web::post().to(admin::users::decide),
                )
                .route("/admin/outbox", get().to(admin::outbox::index))
                .route("/admin/outbox/{id}/retry", web::post().to(admin::outbox::retry))
                .route("/admin/contact", get().to(admin::contact::index))
                .route("/admin/contact/{id}", get().to(admin::contact::show))
                .route("/admin/contact/{id}/{action:handled|reply}", web::post().to(admin::contact::handle))
                .route("/admin/catalogue", get().to(admin::catalogue::index))
                .route("/admin/catalogue/categories/new", get().to(admin::catalogue::new_category))
                .route("/admin/catalogue/categories", web::post().to(admin::catalogue::save_category))
                .route("/admin/catalogue/categories/{id}", get().to(admin::catalogue::show_category))
                .route("/admin/catalogue/categories/{id}", web::post().to(admin::catalogue::save_category))
                .route(
                    "/admin/catalogue/categories/{id}/{decision:merge|delete}",
                    web::post().to(admin::catalogue::decide_category),
                )
                .route("/admin/catalogue/cities/new", get().to(admin::catalogue::new_city))
                .route("/admin/catalogue/cities", web::post().to(admin::catalogue::save_city))
                .route("/admin/catalogue/cities/{id}", get().to(admin::catalogue::show_city))
                .route("/admin/catalogue/cities/{id}", web::post().to(admin::catalogue::save_city))
                .route("/admin/conversations", get().to(admin::conversations::index))
                .route("/admin/conversations/{id}", get().to(admin::conversations::show))
                .route("/admin/conversations/{id}/warn", web::post().to(admin::conversations::warn))
                .route("/admin/conversations/{id}/dismiss", web::post().to(admin::conversations::dismiss))
                .route(
                    "/admin/messages/{id}/{decision:hide|restore}",
                    web::post().to(admin::conversations::decide_message),
                )
                .route("/admin/reviews", get().to(admin::reviews::index))
                .route("/admin/reviews/{id}/{decision:hide|restore}", web::post().to(admin::reviews::decide))
                .route("/admin/bookings", get().to(admin::bookings::index))
                .route("/admin/bookings.csv", get().to(admin::bookings::csv))
                .route("/admin/bookings/{id}", get().to(admin::bookings::show))
                .route("/admin/bookings/{id}/cancel", web::post().to(admin::bookings::cancel))
                .route("/admin/services/{id}/deactivate", web::post().to(admin::users::deactivate_service))
                .route("/admin/providers", get().to(admin::providers::index))
                .route("/admin/providers/all", get().to(admin::providers::all))
                .route("/admin/providers.csv", get().to(admin::providers::csv))
                .route("/admin/providers/{id}/{decision:approve|reject}", web::post().to(admin::providers::decide)),
        );
}

/// GET, and HEAD for crawlers and link checkers (actix sends the headers without the body).
fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}
