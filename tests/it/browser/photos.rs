//! A provider adds a photo to their portfolio through the real form, with JavaScript (a preview, a progress bar,
//! the refusal drawn in place) and without (a plain multipart form and the page the server answers).

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, RgbImage};
use khadamat::db::seed::DEMO_PROVIDER;

use super::{Server, browser, sign_in};

fn upload_to_the_portfolio(javascript: bool) {
    let b = browser(javascript);
    let server = Server::start(3);
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("chantier.jpg");
    let img = RgbImage::from_fn(640, 480, |x, y| image::Rgb([(x % 200) as u8, (y % 180) as u8, 90]));
    let mut jpeg = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut jpeg, ImageFormat::Jpeg).unwrap();
    std::fs::write(&photo, jpeg.into_inner()).unwrap();
    let not_a_photo = dir.path().join("devis.jpg");
    std::fs::write(&not_a_photo, b"Devis: 450 DH").unwrap();

    sign_in(&b, &server, DEMO_PROVIDER);
    b.goto(&server.url("/fr/provider/portfolio"));
    // A file that is not a picture: refused at the field.
    b.script("window.samePage = true;");
    b.type_into("#f-photo", not_a_photo.to_str().unwrap());
    b.click("form[data-upload] button[type=submit]");
    b.wait_for("#f-photo-error");
    assert!(b.text("#f-photo-error").contains("pas une photo"), "{}", b.text("#f-photo-error"));
    // With JavaScript the refusal is drawn in place (the page was not reloaded).
    assert_eq!(b.script("return window.samePage === true;"), serde_json::json!(javascript));

    b.type_into("#f-photo", photo.to_str().unwrap());
    if javascript {
        b.wait_until("the preview", |b| {
            b.script(
                "const p = document.querySelector('.upload-preview'); return !p.hidden && p.src.startsWith('blob:');",
            ) == serde_json::json!(true)
        });
    } else {
        assert_eq!(b.script("return document.querySelector('.upload-preview').hidden;"), serde_json::json!(true));
    }
    b.type_into("#f-caption_fr", "Cuisine refaite");
    b.click("form[data-upload] button[type=submit]");
    b.wait_until("the portfolio with the photo", |b| b.current_url().contains("notice=new-photo"));
    assert_eq!(b.script("return document.querySelectorAll('.portfolio-item').length;"), serde_json::json!(1));

    // On the public page, the picture loads.
    let mut conn = server.state.db.get().unwrap();
    let user = khadamat::db::models::user::find_by_email(&mut conn, DEMO_PROVIDER).unwrap().unwrap();
    let p = khadamat::db::models::provider::for_user(&mut conn, user.id).unwrap().unwrap();
    b.goto(&server.url(&format!("/fr/providers/{}", p.slug)));
    b.wait_for(".gallery img");
    b.script("document.querySelector('.gallery img').scrollIntoView();");
    b.wait_until("the gallery picture", |b| {
        b.script("const i = document.querySelector('.gallery img'); return i.complete && i.naturalWidth > 0;")
            == serde_json::json!(true)
    });
    assert!(b.text(".gallery figcaption").contains("Cuisine refaite"));
    if javascript {
        // The refusal's 422 is logged by the browser; nothing else may be.
        let errors: Vec<String> = b.console_errors().into_iter().filter(|e| !e.contains("status of 422")).collect();
        assert_eq!(errors, Vec::<String>::new());
    }
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn a_portfolio_photo_is_uploaded_with_javascript() {
    upload_to_the_portfolio(true);
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn a_portfolio_photo_is_uploaded_without_javascript() {
    upload_to_the_portfolio(false);
}
