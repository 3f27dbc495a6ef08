//! Demo pictures, drawn by code (colours and shapes: no downloads), for the seeded providers: a dozen portrait
//! placeholders shared by every provider (three in four get one; the others show their initials), and a portfolio
//! of past jobs for the first providers. Each picture is drawn and encoded once, whatever the number of providers,
//! so the seed stays fast at 100,000: profile photos share rows (`media::in_use` keeps a shared row while a
//! profile shows it); portfolio rows each own a copy of their files, as uploads do.

use diesel::prelude::*;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

use crate::db::DbConn;
use crate::db::models::media::{self, Captions, NewMedia};
use crate::db::schema::{providers, users};
use crate::db::types::{MediaKind, ProviderStatus};
use crate::error::AppError;
use crate::services::images::{self, Encoding, Prepared};
use crate::services::media_store::MediaStore;

/// Portrait placeholders shared by the providers.
const PORTRAITS: usize = 12;
/// Providers (the demo provider first, then by id) who get a portfolio.
const WITH_PORTFOLIO: i64 = 40;
/// Rows updated per statement (well under both databases' limits on parameters).
const CHUNK: usize = 5_000;

const PALETTE: [[u8; 3]; 8] = [
    [0x0f, 0x76, 0x6e],
    [0xc2, 0x41, 0x0c],
    [0x1d, 0x4e, 0xd8],
    [0xb4, 0x53, 0x09],
    [0x6d, 0x28, 0xd9],
    [0x04, 0x78, 0x57],
    [0xbe, 0x12, 0x3c],
    [0x33, 0x41, 0x55],
];

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> Rgb<u8> {
    let c = |i: usize| (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t.clamp(0.0, 1.0)) as u8;
    Rgb([c(0), c(1), c(2)])
}

fn lighter(c: [u8; 3], by: f32) -> [u8; 3] {
    let l = |v: u8| (v as f32 + (255.0 - v as f32) * by) as u8;
    [l(c[0]), l(c[1]), l(c[2])]
}

/// A head-and-shoulders silhouette on a soft gradient.
fn portrait(i: usize) -> RgbImage {
    let (bg, fg) = (PALETTE[i % PALETTE.len()], lighter(PALETTE[(i + 3) % PALETTE.len()], 0.75));
    let size = 480u32;
    RgbImage::from_fn(size, size, |x, y| {
        let (fx, fy) = (x as f32 / size as f32, y as f32 / size as f32);
        let head = (fx - 0.5).powi(2) + (fy - 0.4).powi(2) < 0.16f32.powi(2);
        let shoulders = fy > 0.62 && ((fx - 0.5) / 0.34).powi(2) + ((fy - 1.0) / 0.4).powi(2) < 1.0;
        if head || shoulders { Rgb(fg) } else { mix(lighter(bg, 0.35), bg, (fx + fy) / 2.0) }
    })
}

/// A job: tiles, painted stripes, a brick wall, a garden or pipes, in one of the palette's colours.
fn job(i: usize) -> RgbImage {
    let (w, h) = (800u32, 600u32);
    let base = PALETTE[(i * 3) % PALETTE.len()];
    let light = lighter(base, 0.8);
    RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        match i % 5 {
            // Bathroom tiles with grout lines.
            0 => {
                if x % 80 < 4 || y % 80 < 4 {
                    Rgb([230, 230, 225])
                } else {
                    mix(light, base, ((x / 80 + y / 80) % 3) as f32 * 0.15)
                }
            }
            // A freshly painted wall: two colours and a clean edge.
            1 => {
                if fx < 0.55 + (fy * 6.0).sin() * 0.004 {
                    mix(light, base, fy * 0.3)
                } else {
                    mix(base, light, fy * 0.2)
                }
            }
            // Bricks.
            2 => {
                let row = y / 50;
                let shift = if row % 2 == 0 { 0 } else { 60 };
                if y % 50 < 5 || (x + shift) % 120 < 5 { Rgb([215, 210, 200]) } else { mix(base, [150, 70, 40], 0.5) }
            }
            // A garden: lawn, a path and round shrubs under the sky.
            3 => {
                let shrub = |cx: f32, cy: f32, r: f32| (fx - cx).powi(2) + ((fy - cy) * 0.75).powi(2) < r * r;
                if shrub(0.2, 0.45, 0.1) || shrub(0.75, 0.42, 0.13) || shrub(0.5, 0.5, 0.07) {
                    Rgb([34, 110, 50])
                } else if fy < 0.4 {
                    mix([190, 225, 245], [120, 180, 230], fy * 2.5)
                } else if (fx - 0.5).abs() < 0.05 + (fy - 0.4) * 0.3 {
                    Rgb([200, 180, 140])
                } else {
                    mix([110, 180, 80], [70, 140, 60], fy)
                }
            }
            // Pipes along a wall.
            _ => {
                let pipe = |at: f32, width: f32| (fy - at).abs() < width;
                if pipe(0.3, 0.03) || pipe(0.6, 0.045) || (fx - 0.7).abs() < 0.03 && fy > 0.3 {
                    mix([230, 230, 235], [120, 125, 135], ((fy * 40.0).sin() + 1.0) / 4.0 + 0.3)
                } else {
                    mix(light, lighter(base, 0.6), fx)
                }
            }
        }
    })
}

fn prepared(img: RgbImage) -> Result<Prepared, AppError> {
    let mut png = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut png, ImageFormat::Png).map_err(|e| AppError::internal(e.to_string()))?;
    images::prepare(&png.into_inner()).map_err(|e| AppError::internal(format!("demo picture: {}", e.key())))
}

async fn write(store: &MediaStore, name: &str, picture: &Prepared) -> Result<(), AppError> {
    for v in &picture.variants {
        store
            .put(&images::key(name, v.width, v.encoding), v.bytes.clone())
            .await
            .map_err(|e| AppError::Unavailable(e.to_string()))?;
    }
    Ok(())
}

fn new_row<'a>(owner_id: i64, kind: MediaKind, name: &'a str, p: &Prepared, position: i32) -> NewMedia<'a> {
    NewMedia {
        owner_id,
        kind,
        storage_key: name,
        content_type: Encoding::Webp.content_type(),
        byte_size: p.byte_size() as i64,
        width: Some(p.width as i32),
        height: Some(p.height as i32),
        created_at: crate::db::now(),
        position,
    }
}

/// Captions of the demo jobs, in French, Arabic and English.
const JOBS: [(&str, &str, &str); 5] = [
    ("Salle de bain refaite à neuf", "حمام مجدد بالكامل", "Bathroom redone"),
    ("Peinture du salon, deux couleurs", "صباغة الصالون بلونين", "Living room painted in two colours"),
    ("Mur de clôture en briques", "سور من الآجر", "Brick garden wall"),
    ("Jardin taillé et allée refaite", "حديقة مشذبة وممر جديد", "Garden trimmed and path redone"),
    ("Tuyauterie remplacée", "تغيير القنوات", "Pipes replaced"),
];

/// Gives the seeded providers their pictures; returns how many picture rows were written.
pub async fn give(conn: &mut DbConn, store: &MediaStore) -> Result<usize, AppError> {
    let portraits = (0..PORTRAITS).map(|i| prepared(portrait(i))).collect::<Result<Vec<_>, _>>()?;
    let jobs = (0..JOBS.len() * 2).map(|i| prepared(job(i))).collect::<Result<Vec<_>, _>>()?;
    let admin: i64 =
        users::table.filter(users::role.eq(crate::db::types::UserRole::Admin)).select(users::id).first(conn)?;
    let approved: Vec<(i64, i64)> = providers::table
        .filter(providers::status.eq(ProviderStatus::Approved))
        .order(providers::id)
        .select((providers::id, providers::user_id))
        .load(conn)?;
    let mut written = 0;

    // Profile photos: one shared row per portrait (kept by the administrator), three providers in four.
    for (i, picture) in portraits.iter().enumerate() {
        let name = format!("de{:030x}", i);
        write(store, &name, picture).await?;
        let id = media::insert(conn, &new_row(admin, MediaKind::ProviderPhoto, &name, picture, 0))?;
        written += 1;
        let theirs: Vec<i64> =
            approved.iter().map(|(p, _)| *p).filter(|p| p % 4 != 0 && (*p as usize / 4) % PORTRAITS == i).collect();
        for chunk in theirs.chunks(CHUNK) {
            diesel::update(providers::table.filter(providers::id.eq_any(chunk)))
                .set(providers::photo_media_id.eq(id))
                .execute(conn)?;
        }
    }

    // Portfolios: 3 to 6 jobs each for the demo provider and the first providers, each row with its own files.
    let demo: Option<i64> = users::table
        .filter(users::email.eq(crate::db::seed::DEMO_PROVIDER))
        .select(users::id)
        .first(conn)
        .optional()?;
    let mut owners: Vec<i64> = demo.into_iter().collect();
    owners.extend(approved.iter().map(|(_, u)| *u).filter(|u| Some(*u) != demo).take(WITH_PORTFOLIO as usize - 1));
    for (n, owner) in owners.iter().enumerate() {
        for position in 0..(3 + n % 4) {
            let k = (n + position * 3) % jobs.len();
            let picture = &jobs[k];
            let name = format!("df{:014x}{:016x}", owner, k);
            write(store, &name, picture).await?;
            let id = media::insert(conn, &new_row(*owner, MediaKind::Portfolio, &name, picture, position as i32))?;
            let (fr, ar, en) = JOBS[k % JOBS.len()];
            let captions =
                Captions { caption_fr: Some(fr.into()), caption_ar: Some(ar.into()), caption_en: Some(en.into()) };
            media::set_captions(conn, id, &captions)?;
            written += 1;
        }
    }
    Ok(written)
}
