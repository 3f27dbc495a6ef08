//! Pictures kept in S3-compatible object storage (`MEDIA_STORE=s3`), against a real S3-protocol server run
//! locally: moto in server mode (`pip install "moto[server]"`; `.ci/run` installs it). Ignored by a plain
//! `cargo test` (it needs that program); CI runs it.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use image::ImageFormat;
use khadamat::config::MediaStoreConfig;

use super::photo::{picture, rows};
use super::services::approved_provider;
use crate::support::TestApp;

/// A moto server on a free port, stopped when dropped.
struct Moto {
    child: Child,
    endpoint: String,
}

impl Moto {
    fn start() -> Moto {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with moto (pip install \"moto[server]\")");
        let endpoint = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while ureq::get(&format!("{endpoint}/moto-api/")).call().is_err() {
            assert!(Instant::now() < deadline, "moto did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Moto { child, endpoint }
    }

    /// A new, empty bucket (S3's CreateBucket).
    fn bucket(&self, name: &str) -> MediaStoreConfig {
        ureq::put(&format!("{}/{name}", self.endpoint)).call().expect("CreateBucket");
        MediaStoreConfig::S3 {
            bucket: name.into(),
            region: "us-east-1".into(),
            endpoint: Some(self.endpoint.clone()),
            access_key_id: "test".into(),
            secret_access_key: "test".into(),
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn keys(app: &TestApp) -> Vec<String> {
    let mut keys: Vec<String> = app.state.media.keys().await.unwrap().into_iter().map(|(k, _)| k).collect();
    keys.sort();
    keys
}

#[actix_web::test]
#[ignore = "needs moto in server mode (CI installs it)"]
async fn pictures_live_in_s3_and_leave_with_their_rows() {
    let moto = Moto::start();
    let store = moto.bucket("khadamat-media");
    let mut app = TestApp::configured(0, |c| c.media_store = store.clone()).await;
    let (_, slug) = approved_provider(&mut app).await;
    app.post_multipart("/fr/provider/photo", &[], ("a.png", &picture(900, 600, ImageFormat::Png)))
        .await
        .assert_status(303);
    app.post_multipart(
        "/fr/provider/portfolio",
        &[("caption_fr", "Cuisine")],
        ("b.jpg", &picture(400, 300, ImageFormat::Jpeg)),
    )
    .await
    .assert_status(303);
    let stored = keys(&app).await;
    assert_eq!(stored.len(), 8 + 6, "{stored:?}");

    // Served through the application, from the bucket, with its headers.
    let page = app.get(&format!("/fr/providers/{slug}")).await.assert_status(200).doc();
    let src = page.attr(".gallery picture img", "src");
    let served = app.get(&src).await;
    served.assert_status(200);
    assert_eq!(served.header("content-type").as_deref(), Some("image/jpeg"));
    assert_eq!(served.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"));

    // A second instance on the same bucket serves the same files.
    let other = TestApp::configured(0, |c| c.media_store = store.clone()).await;
    assert_eq!(keys(&other).await, stored);

    // Replaced and removed: every size goes from the bucket.
    app.post_multipart("/fr/provider/photo", &[], ("c.webp", &picture(300, 300, ImageFormat::WebP)))
        .await
        .assert_status(303);
    assert_eq!(keys(&app).await.len(), 4 + 6, "96 and 300 wide, and the portfolio picture");
    app.post_form("/fr/provider/photo/remove", &[]).await.assert_status(303);
    let id: i64 = app.conn(|c| {
        use diesel::prelude::*;
        khadamat::db::schema::media::table.select(khadamat::db::schema::media::id).first(c).unwrap()
    });
    app.post_form(&format!("/fr/provider/portfolio/{id}/delete"), &[]).await.assert_status(303);
    assert!(keys(&app).await.is_empty());
    assert_eq!(rows(&app), 0);
    app.get(&src).await.assert_status(404);
}
