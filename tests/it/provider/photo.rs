//! The provider's photo: sent through a plain multipart form, judged by its bytes, shown on the public page, replaced
//! and removed without leaving files behind.

use std::io::Cursor;

use diesel::prelude::*;
use image::{DynamicImage, ImageFormat, RgbImage};
use khadamat::config::MediaStoreConfig;
use khadamat::db::schema::media;

use super::services::approved_provider;
use crate::support::TestApp;

pub fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 120]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// The files in this application's media folder.
pub fn stored(app: &TestApp) -> Vec<String> {
    let MediaStoreConfig::Files(dir) = &app.state.config.media_store else { panic!("tests keep files") };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

pub fn rows(app: &TestApp) -> i64 {
    app.conn(|c| media::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn a_photo_is_prepared_shown_replaced_and_removed() {
    let mut app = TestApp::new().await;
    let (_, slug) = approved_provider(&mut app).await;
    // A PNG named .jpg: judged by its bytes, taken.
    let sent = app.post_multipart("/fr/provider/photo", &[], ("moi.jpg", &picture(900, 600, ImageFormat::Png))).await;
    sent.assert_status(303);
    assert!(sent.location().ends_with("notice=new-photo"));
    let files = stored(&app);
    // 96, 320, 800 and 900 wide, in WebP and JPEG.
    assert_eq!(files.len(), 8, "{files:?}");
    assert_eq!(rows(&app), 1);

    let page = app.get(&format!("/fr/providers/{slug}")).await.assert_status(200).doc();
    let webp = page.attr(".provider-hero picture source", "srcset");
    assert!(webp.contains("-96.webp 96w") && webp.contains("-900.webp 900w"), "{webp}");
    let img = page.attr(".provider-hero picture img", "src");
    assert!(page.attr("meta[property='og:image']", "content").ends_with("-800.jpg"));
    let ld: serde_json::Value = serde_json::from_str(&page.text("script[type='application/ld+json']")).unwrap();
    let first = if ld.is_array() { ld[0].clone() } else { ld };
    assert!(first["image"].as_str().unwrap_or_default().ends_with("-800.jpg"), "{first}");
    assert_eq!(
        (page.attr(".provider-hero picture img", "width"), page.attr(".provider-hero picture img", "height")),
        ("900".into(), "600".into())
    );
    let served = app.get(&img).await;
    served.assert_status(200);
    assert_eq!(served.header("content-type").as_deref(), Some("image/jpeg"));
    assert_eq!(served.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"));
    assert_eq!(served.header("x-content-type-options").as_deref(), Some("nosniff"));
    assert!(served.header("content-security-policy").unwrap_or_default().contains("sandbox"));

    // Cards show it small and late (lazy), without an alternative text (the name is the card's heading).
    let list = app.get("/fr/providers").await.assert_status(200).doc();
    assert_eq!(list.attr(".provider-card picture img", "loading"), "lazy");
    assert_eq!(list.attr(".provider-card picture img", "alt"), "");
    assert!(list.attr(".provider-card picture source", "srcset").contains("-96.webp 96w"));

    // A new photo replaces the old one, files and row.
    app.post_multipart("/fr/provider/photo", &[], ("new.webp", &picture(400, 400, ImageFormat::WebP)))
        .await
        .assert_status(303);
    let now = stored(&app);
    assert_eq!(now.len(), 6, "96, 320 and 400 wide: {now:?}");
    assert!(now.iter().all(|f| !files.contains(f)), "the old files are gone");
    assert_eq!(rows(&app), 1);
    app.get(&img).await.assert_status(404);

    // Removed: the initials again, nothing stored.
    app.post_form("/fr/provider/photo/remove", &[]).await.assert_status(303);
    assert!(stored(&app).is_empty());
    assert_eq!(rows(&app), 0);
    let page = app.get(&format!("/fr/providers/{slug}")).await.assert_status(200).doc();
    assert_eq!(page.count(".provider-hero picture"), 0);
    assert_eq!(page.count(".provider-hero .avatar"), 1);
}

#[actix_web::test]
async fn refused_files_are_explained_at_the_field_and_nothing_is_kept() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    let jpeg = picture(300, 200, ImageFormat::Jpeg);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("dessin.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec(), "SVG"),
        ("iphone.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(), "HEIC"),
        ("anim.gif", b"GIF89a\x01\0\x01\0\0\0\0;".to_vec(), "animées"),
        ("coupee.jpg", jpeg[..jpeg.len() / 2].to_vec(), "incomplet"),
        ("texte.jpg", b"pas une image".to_vec(), "pas une photo"),
        ("vide.jpg", Vec::new(), "Choisissez une photo"),
    ];
    for (name, bytes, says) in cases {
        let res = app.post_multipart("/fr/provider/photo", &[], (name, &bytes)).await;
        res.assert_status(422);
        let doc = res.doc();
        assert!(doc.text("#f-photo-error").contains(says), "{name}: {}", doc.text("#f-photo-error"));
        assert_eq!(doc.attr("#f-photo", "aria-invalid"), "true", "{name}");
    }
    assert!(stored(&app).is_empty());
    assert_eq!(rows(&app), 0);
}

#[actix_web::test]
async fn an_oversized_upload_is_refused_before_it_is_read() {
    let mut app = TestApp::configured(0, |c| c.max_upload_bytes = 50_000).await;
    approved_provider(&mut app).await;
    let big = vec![0xFFu8; 200_000];
    app.post_multipart("/fr/provider/photo", &[], ("big.jpg", &big)).await.assert_status(413);
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn a_photo_needs_the_form_token() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    let jpeg = picture(100, 100, ImageFormat::Jpeg);
    app.cookies.insert("csrf".into(), "x".repeat(43));
    let res = app
        .send(
            actix_web::http::Method::POST,
            "/fr/provider/photo",
            &[("content-type", "multipart/form-data; boundary=b")],
            Some(
                [
                    &b"--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\n"[..],
                    &jpeg,
                    b"\r\n--b--\r\n",
                ]
                .concat(),
            ),
        )
        .await;
    res.assert_status(403);
    assert!(stored(&app).is_empty());
}

/// Files no row names (a crash between writing them and the commit) are removed by the hourly sweep once they are
/// an hour old; the files of a picture in use stay.
#[actix_web::test]
async fn the_sweep_removes_files_no_row_names() {
    let mut app = TestApp::new().await;
    approved_provider(&mut app).await;
    app.post_multipart("/fr/provider/photo", &[], ("a.png", &picture(200, 100, ImageFormat::Png)))
        .await
        .assert_status(303);
    let MediaStoreConfig::Files(dir) = app.state.config.media_store.clone() else { panic!("tests keep files") };
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    let orphan = dir.join("0123456789abcdef0123456789abcdef-96.jpg");
    let fresh = dir.join("fedcba9876543210fedcba9876543210-96.jpg");
    std::fs::write(&orphan, b"left by a crash").unwrap();
    std::fs::write(&fresh, b"its row is on its way").unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path != fresh {
            std::fs::File::options().write(true).open(&path).unwrap().set_modified(two_hours_ago).unwrap();
        }
    }
    assert_eq!(khadamat::jobs::sweep_media(&app.state).await.unwrap(), 1);
    assert!(!orphan.exists() && fresh.exists());
    assert_eq!(stored(&app).len(), 5, "the photo's 4 files and the fresh one");
}
