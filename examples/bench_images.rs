//! How long an upload takes to prepare (`services::images::prepare`): a 12-megapixel camera-like JPEG (4000 × 3000,
//! noisy detail so that it compresses like a photo), and the sizes of what is stored.
//!
//!   cargo run --release --example bench_images

use std::io::Cursor;
use std::time::Instant;

use image::{DynamicImage, ImageFormat, RgbImage};
use khadamat::services::images::{Encoding, prepare};

fn photo(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x9E37_79B9u32;
    let img = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as u8;
        let shade = ((x / 7 + y / 5) % 200) as u8;
        image::Rgb([shade.saturating_add(noise), (128 + noise) % 255, 255 - shade])
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut out, ImageFormat::Jpeg).expect("encodes");
    out.into_inner()
}

fn main() {
    let upload = photo(4000, 3000);
    println!("upload: 4000 × 3000 JPEG, {} KB", upload.len() / 1024);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        last = Some(prepare(&upload).expect("a photo"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!("prepare: median {:.0} ms, min {:.0} ms, max {:.0} ms (5 runs)", times[2], times[0], times[4]);
    for v in last.expect("ran").variants {
        let kind = if v.encoding == Encoding::Webp { "webp" } else { "jpg " };
        println!("  {kind} {:>4} × {:<4} {:>7} bytes", v.width, v.height, v.bytes.len());
    }
}
