//! What anonymous visitors are shown of search results and provider pages, kept in memory for
//! `PUBLIC_CACHE_SECONDS` (10 by default): most visitors of a marketplace are not signed in and arrive on the same
//! category-in-city pages and provider pages (from search engines, shared links, the home page's forms), and the
//! queries behind those pages cost far more than drawing them. Only the data is kept — each response is still drawn
//! for its visitor (language, CSRF token, header), compressed and counted as before.
//!
//! Who sees what: a signed-in visitor always reads the database (a provider sees their own change at once; a client
//! sees their favourites); an anonymous visitor may see results and provider pages up to `PUBLIC_CACHE_SECONDS` old
//! on each instance — a new review, price or Club Pro badge shows within that time everywhere, with no coordination
//! between instances. Bounded in entries (`moka`: least-recently-used out first). With 0 (tests), nothing is kept.

use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;
use std::time::Duration;

use crate::db::search::{SearchQuery, SearchResult};
use crate::db::views::provider_card::ProviderCard;
use crate::db::views::provider_page::ProviderPage;

/// Answers by key, each kept for a while.
pub struct Recent<K, V> {
    kept: Option<moka::sync::Cache<K, Arc<V>>>,
}

impl<K: Hash + Eq + Send + Sync + 'static, V: Send + Sync + 'static> Recent<K, V> {
    fn new(seconds: u64, entries: u64) -> Self {
        let kept = (seconds > 0).then(|| {
            moka::sync::Cache::builder().max_capacity(entries).time_to_live(Duration::from_secs(seconds)).build()
        });
        Recent { kept }
    }

    /// The answer kept under `key` if it is recent enough, else `load`'s (kept when it succeeds). `None`: an answer
    /// not to be shared (a signed-in visitor's), always loaded.
    pub async fn get<E, F>(&self, key: Option<K>, load: impl FnOnce() -> F) -> Result<Arc<V>, E>
    where
        F: Future<Output = Result<V, E>>,
    {
        let (Some(kept), Some(key)) = (&self.kept, key) else {
            return load().await.map(Arc::new);
        };
        if let Some(answer) = kept.get(&key) {
            return Ok(answer);
        }
        let answer = Arc::new(load().await?);
        kept.insert(key, answer.clone());
        Ok(answer)
    }
}

/// A page of search results, as the search page shows it.
#[derive(Clone, Default)]
pub struct SearchAnswer {
    pub result: SearchResult,
    /// The query understood (none: an unknown category or city).
    pub query: Option<SearchQuery>,
    /// The Club Pro members featured on a category-in-city page.
    pub featured: Vec<ProviderCard>,
}

/// The public answers kept for anonymous visitors.
pub struct PublicCache {
    /// By the search form's fields (see `SearchParams::key`).
    pub searches: Recent<String, SearchAnswer>,
    /// By slug and page of reviews.
    pub provider_pages: Recent<(String, i64), ProviderPage>,
}

impl PublicCache {
    /// A search answer holds 20 cards (~5 KB), a provider page its services and 10 reviews (~10–20 KB): a few
    /// tens of megabytes at most.
    pub fn new(seconds: u64) -> Self {
        PublicCache { searches: Recent::new(seconds, 2_000), provider_pages: Recent::new(seconds, 2_000) }
    }
}
