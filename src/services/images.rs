//! Pictures people upload, made safe before anything is stored: the bytes are judged by what they are (never the
//! name or the declared type), decoded under limits (a small file may declare a huge canvas), turned upright by
//! their EXIF orientation, stripped of every piece of metadata (a phone's photo carries its GPS position) by being
//! drawn again, and re-encoded into a few fixed widths — WebP for browsers that take it, JPEG for the others. The
//! original is not kept.
//!
//! CPU-heavy: callers run [`prepare`] off the request threads (`services::blocking`).

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};

/// The widths a picture is stored in (narrower pictures stop at their own width).
pub const WIDTHS: [u32; 4] = [96, 320, 800, 1600];

/// The widest or tallest side decoded at all.
pub const MAX_SIDE: u32 = 12_000;
/// The most pixels decoded (a 50-megapixel camera's photo).
pub const MAX_PIXELS: u64 = 50_000_000;
/// The most memory one decode may hold.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;

/// Why a file is not taken. Each one is a message at the form's field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a picture at all (or a format we do not read).
    NotAPicture,
    /// An SVG drawing: it can hold scripts.
    Svg,
    /// An iPhone's HEIC/HEIF photo: the message explains how to send a JPEG.
    Heic,
    /// A GIF, or an animated PNG or WebP.
    Animated,
    /// Cut short, damaged, or carrying something after the picture.
    Damaged,
    /// More pixels than [`MAX_PIXELS`] or a side over [`MAX_SIDE`].
    TooManyPixels,
}

impl Refusal {
    /// The Fluent key of the message.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NotAPicture => "photo-error-not-picture",
            Refusal::Svg => "photo-error-svg",
            Refusal::Heic => "photo-error-heic",
            Refusal::Animated => "photo-error-animated",
            Refusal::Damaged => "photo-error-damaged",
            Refusal::TooManyPixels => "photo-error-too-many-pixels",
        }
    }
}

/// An encoding a variant is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Webp,
    Jpeg,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Webp, Encoding::Jpeg];

    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Webp => "webp",
            Encoding::Jpeg => "jpg",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Encoding::Webp => "image/webp",
            Encoding::Jpeg => "image/jpeg",
        }
    }

    pub fn from_extension(extension: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.extension() == extension)
    }
}

/// One stored file of a picture.
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub encoding: Encoding,
    pub bytes: Vec<u8>,
}

/// A picture ready to store: its variants, named after `name` (a hash of the pixels).
pub struct Prepared {
    pub name: String,
    /// The largest variant's size.
    pub width: u32,
    pub height: u32,
    pub variants: Vec<Variant>,
}

impl Prepared {
    pub fn byte_size(&self) -> usize {
        self.variants.iter().map(|v| v.bytes.len()).sum()
    }
}

/// The widths stored for a picture this wide (at least one: its own, when narrower than the smallest).
pub fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w <= width).collect();
    if widths.last() != Some(&width.min(WIDTHS[WIDTHS.len() - 1])) {
        widths.push(width.min(WIDTHS[WIDTHS.len() - 1]));
    }
    widths
}

/// The storage key of one variant.
pub fn key(name: &str, width: u32, encoding: Encoding) -> String {
    format!("{name}-{width}.{}", encoding.extension())
}

/// What the first bytes say the file is.
fn sniff(bytes: &[u8]) -> Result<ImageFormat, Refusal> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = start.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &start[i..]);
    if text.starts_with(b"<svg") || text.starts_with(b"<?xml") || text.starts_with(b"<!DOCTYPE svg") {
        return Err(Refusal::Svg);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Err(if [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"].iter().any(|b| brand == *b) {
            Refusal::Heic
        } else {
            Refusal::NotAPicture
        });
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Gif) => Err(Refusal::Animated),
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        _ => Err(Refusal::NotAPicture),
    }
}

/// The file's own structure, whole and alone: a JPEG ends with its end marker, a PNG with its `IEND` chunk and no
/// animation control, a WebP's RIFF size is the file's and it is not animated. A truncated upload, or a picture with
/// another file glued after it (a polyglot), fails here.
fn whole(format: ImageFormat, bytes: &[u8]) -> Result<(), Refusal> {
    match format {
        ImageFormat::Jpeg => {
            // Some cameras pad with zeros after the end marker.
            let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
            if end < 4 || bytes[end - 2..end] != [0xFF, 0xD9] || bytes.len() - end > 16 {
                return Err(Refusal::Damaged);
            }
        }
        ImageFormat::Png => {
            if !bytes.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]) {
                return Err(Refusal::Damaged);
            }
            // Chunks before the first image data: an `acTL` makes it an animated PNG.
            let mut at = 8;
            while at + 8 <= bytes.len() {
                let length = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
                match &bytes[at + 4..at + 8] {
                    b"acTL" => return Err(Refusal::Animated),
                    b"IDAT" | b"IEND" => break,
                    _ => at = at.saturating_add(12).saturating_add(length),
                }
            }
        }
        ImageFormat::WebP => {
            let declared = bytes.get(4..8).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize);
            if declared.map(|n| n + 8) != Some(bytes.len()) {
                return Err(Refusal::Damaged);
            }
            // An extended WebP's header flags an animation.
            if bytes.get(12..16) == Some(b"VP8X") && bytes.get(20).is_some_and(|flags| flags & 0x02 != 0) {
                return Err(Refusal::Animated);
            }
        }
        _ => return Err(Refusal::NotAPicture),
    }
    Ok(())
}

/// Decodes under limits and turns the pixels upright.
fn decode(format: ImageFormat, bytes: &[u8]) -> Result<DynamicImage, Refusal> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refusal::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

fn refusal(e: image::ImageError) -> Refusal {
    match e {
        image::ImageError::Limits(_) => Refusal::TooManyPixels,
        image::ImageError::Unsupported(_) => Refusal::NotAPicture,
        _ => Refusal::Damaged,
    }
}

/// The pixels on white, without transparency (JPEG has none).
fn flatten(picture: &DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let on_white = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([on_white(r), on_white(g), on_white(b)])
    })
}

fn encode(rgb: &RgbImage, encoding: Encoding) -> Result<Vec<u8>, Refusal> {
    match encoding {
        Encoding::Jpeg => {
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(rgb)
                .map_err(|_| Refusal::Damaged)?;
            Ok(out)
        }
        Encoding::Webp => {
            Ok(webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height()).encode(WEBP_QUALITY).to_vec())
        }
    }
}

/// Judges, decodes and re-encodes an upload (see the module's documentation).
pub fn prepare(bytes: &[u8]) -> Result<Prepared, Refusal> {
    let format = sniff(bytes)?;
    whole(format, bytes)?;
    let picture = flatten(&decode(format, bytes)?);
    let name = {
        let digest = Sha256::digest(picture.as_raw());
        digest[..16].iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let mut variants = Vec::new();
    // From the largest to the smallest, each drawn from the one before (fewer pixels to read each time).
    let mut source = DynamicImage::ImageRgb8(picture);
    for width in widths_for(source.width()).into_iter().rev() {
        if width < source.width() {
            source = source.thumbnail(width, u32::MAX);
        }
        let rgb = source.as_rgb8().ok_or(Refusal::Damaged)?;
        for encoding in Encoding::ALL {
            variants.push(Variant { width, height: rgb.height(), encoding, bytes: encode(rgb, encoding)? });
        }
    }
    variants.reverse();
    let largest = variants.last().ok_or(Refusal::Damaged)?;
    Ok(Prepared { name, width: largest.width, height: largest.height, variants })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let img = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img).write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn widths_stop_at_the_picture_own() {
        assert_eq!(widths_for(4000), vec![96, 320, 800, 1600]);
        assert_eq!(widths_for(500), vec![96, 320, 500]);
        assert_eq!(widths_for(320), vec![96, 320]);
        assert_eq!(widths_for(40), vec![40]);
    }

    #[test]
    fn each_accepted_format_gives_webp_and_jpeg_in_every_width() {
        for format in [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::WebP] {
            let prepared = prepare(&picture(1000, 500, format)).unwrap();
            let widths: Vec<(u32, Encoding)> = prepared.variants.iter().map(|v| (v.width, v.encoding)).collect();
            assert_eq!(widths.len(), 8, "{format:?}");
            assert_eq!((prepared.width, prepared.height), (1000, 500));
            for v in &prepared.variants {
                assert_eq!(v.height, v.width / 2, "{format:?}: aspect kept");
                let sniffed = image::guess_format(&v.bytes).unwrap();
                assert_eq!(sniffed, if v.encoding == Encoding::Webp { ImageFormat::WebP } else { ImageFormat::Jpeg });
            }
        }
    }

    #[test]
    fn refusals() {
        let jpeg = picture(64, 64, ImageFormat::Jpeg);
        let png = picture(64, 64, ImageFormat::Png);
        assert_eq!(
            prepare(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>").err(),
            Some(Refusal::Svg)
        );
        assert_eq!(prepare(b"\n  <?xml version='1.0'?><svg/>").err(), Some(Refusal::Svg));
        assert_eq!(prepare(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").err(), Some(Refusal::Heic));
        assert_eq!(prepare(b"GIF89a\x01\0\x01\0").err(), Some(Refusal::Animated));
        assert_eq!(prepare(b"hello, world").err(), Some(Refusal::NotAPicture));
        assert_eq!(prepare(&jpeg[..jpeg.len() / 2]).err(), Some(Refusal::Damaged));
        assert_eq!(prepare(&png[..png.len() - 20]).err(), Some(Refusal::Damaged));
        let mut polyglot = jpeg.clone();
        polyglot.extend_from_slice(b"PK\x03\x04 a zip archive after the picture");
        assert_eq!(prepare(&polyglot).err(), Some(Refusal::Damaged));
    }

    /// A JPEG with an EXIF segment: the orientation and a GPS position (latitude "N").
    fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            [&tag.to_be_bytes()[..], &kind.to_be_bytes(), &count.to_be_bytes(), &value].concat()
        };
        let [o1, o2] = orientation.to_be_bytes();
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend(2u16.to_be_bytes());
        tiff.extend(entry(0x0112, 3, 1, [o1, o2, 0, 0]));
        // The GPS directory right after this one: 8 + 2 + 2 × 12 + 4 = 38.
        tiff.extend(entry(0x8825, 4, 1, 38u32.to_be_bytes()));
        tiff.extend(0u32.to_be_bytes());
        tiff.extend(1u16.to_be_bytes());
        tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
        tiff.extend(0u32.to_be_bytes());
        let app1 = [&b"Exif\0\0"[..], &tiff].concat();
        [&jpeg[..2], &[0xFF, 0xE1], &((app1.len() + 2) as u16).to_be_bytes(), &app1, &jpeg[2..]].concat()
    }

    #[test]
    fn photos_come_out_upright_without_their_metadata() {
        let jpeg = with_exif(&picture(120, 60, ImageFormat::Jpeg), 6);
        assert!(jpeg.windows(4).any(|w| w == b"Exif"));
        let prepared = prepare(&jpeg).unwrap();
        // Orientation 6: turned a quarter clockwise, so the 120 × 60 sensor image is 60 wide and 120 high.
        assert_eq!((prepared.width, prepared.height), (60, 120));
        for v in &prepared.variants {
            assert!(!v.bytes.windows(4).any(|w| w == b"Exif"), "{:?} {}: no EXIF left", v.encoding, v.width);
        }
    }

    #[test]
    fn a_huge_declared_canvas_is_refused_before_decoding() {
        // A valid PNG header declaring 20,000 × 20,000 pixels, followed by almost nothing.
        let mut png = picture(1, 1, ImageFormat::Png);
        png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let crc = crc32fast::hash(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(prepare(&png).err(), Some(Refusal::TooManyPixels));
    }
}
