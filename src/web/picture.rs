//! A stored picture as pages draw it: WebP with a JPEG fallback, in every width it was stored in (`srcset`), with
//! its size (no layout shift). See `templates/components/picture.html`.

use crate::db::models::media::Media;
use crate::services::images::{self, Encoding};

#[derive(Clone, Debug)]
pub struct Picture {
    pub name: String,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    pub fn of(media: &Media) -> Picture {
        let size = |v: Option<i32>| v.unwrap_or(1).max(1) as u32;
        Picture { name: media.storage_key.clone(), width: size(media.width), height: size(media.height) }
    }

    /// A card's photo, if the provider has one.
    pub fn of_card(card: &crate::db::views::provider_card::ProviderCard) -> Option<Picture> {
        card.photo.as_ref().map(|(name, width, height)| Picture {
            name: name.clone(),
            width: (*width).max(1) as u32,
            height: (*height).max(1) as u32,
        })
    }

    fn url(&self, width: u32, encoding: Encoding) -> String {
        format!("/media/{}", images::key(&self.name, width, encoding))
    }

    /// `"/media/…-96.webp 96w, /media/…-320.webp 320w, …"` for `webp` or `jpg`.
    pub fn srcset(&self, extension: &str) -> String {
        let encoding = Encoding::from_extension(extension).unwrap_or(Encoding::Jpeg);
        images::widths_for(self.width)
            .into_iter()
            .map(|w| format!("{} {w}w", self.url(w, encoding)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The JPEG at least `wanted` pixels wide (or the largest), for browsers without `srcset`.
    pub fn src(&self, wanted: u32) -> String {
        let widths = images::widths_for(self.width);
        let width = widths.iter().copied().find(|w| *w >= wanted).or(widths.last().copied()).unwrap_or(self.width);
        self.url(width, Encoding::Jpeg)
    }
}

pub use crate::domain::text::initials;

/// The two faces of a booking or a conversation: the provider's photo and the client's avatar.
#[derive(Clone, Debug, Default)]
pub struct Faces {
    pub provider: Option<Picture>,
    pub client: Option<Picture>,
}

impl Faces {
    pub fn of((provider, client): (Option<Media>, Option<Media>)) -> Faces {
        Faces { provider: provider.as_ref().map(Picture::of), client: client.as_ref().map(Picture::of) }
    }
}
