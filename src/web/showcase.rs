//! What public pages show of the whole site — the categories and cities offered, each category's number of
//! providers, the home page's figures and top-rated providers — kept in memory: computing them reads the whole
//! data (hundreds of milliseconds at 100,000 providers), a request reads the copy. The copy is at most
//! `SHOWCASE_SECONDS` old (60 by default): past that, a request still gets it while one background task builds
//! the next. Every instance keeps its own, so several instances agree within that time. With 0 (tests), each
//! request reads the database.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::db::models::{Category, City, city};
use crate::db::views::catalogue::{self, CategoryWithCount, SiteFigures};
use crate::db::views::provider_card::{self, ProviderCard};
use crate::db::{Db, DbConn};
use crate::error::AppError;

/// One copy of the figures.
pub struct Snapshot {
    pub categories: Vec<CategoryWithCount>,
    pub cities: Vec<City>,
    pub figures: SiteFigures,
    pub top_providers: Vec<ProviderCard>,
}

impl Snapshot {
    fn load(conn: &mut DbConn) -> Result<Snapshot, AppError> {
        Ok(Snapshot {
            categories: catalogue::categories_with_counts(conn)?,
            cities: city::list_active(conn)?,
            figures: catalogue::site_figures(conn)?,
            top_providers: provider_card::top_rated(conn, 8, crate::db::now())?,
        })
    }

    /// The categories shown on the site (without their counts).
    pub fn category_list(&self) -> Vec<Category> {
        self.categories.iter().map(|c| c.category.clone()).collect()
    }
}

pub struct Showcase {
    ttl: Duration,
    current: RwLock<Option<(Instant, Arc<Snapshot>)>>,
    refreshing: AtomicBool,
    first: tokio::sync::Mutex<()>,
}

impl Showcase {
    pub fn new(ttl_seconds: u64) -> Showcase {
        Showcase {
            ttl: Duration::from_secs(ttl_seconds),
            current: RwLock::new(None),
            refreshing: AtomicBool::new(false),
            first: tokio::sync::Mutex::new(()),
        }
    }

    fn stored(&self) -> Option<(Instant, Arc<Snapshot>)> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn store(&self, snapshot: Arc<Snapshot>) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), snapshot));
    }

    /// The current copy: built on the spot the first time (one request builds it, the others wait for it),
    /// refreshed in the background once it is older than the lifetime.
    pub async fn get(self: &Arc<Self>, db: &Db) -> Result<Arc<Snapshot>, AppError> {
        if self.ttl.is_zero() {
            return Ok(Arc::new(db.run(Snapshot::load).await?));
        }
        if let Some((at, snapshot)) = self.stored() {
            if at.elapsed() >= self.ttl && !self.refreshing.swap(true, Ordering::AcqRel) {
                let (me, db) = (self.clone(), db.clone());
                actix_web::rt::spawn(async move {
                    match db.run(Snapshot::load).await {
                        Ok(fresh) => me.store(Arc::new(fresh)),
                        Err(e) => tracing::warn!(error = %e, "the site's figures could not be refreshed"),
                    }
                    me.refreshing.store(false, Ordering::Release);
                });
            }
            return Ok(snapshot);
        }
        let _first = self.first.lock().await;
        if let Some((_, snapshot)) = self.stored() {
            return Ok(snapshot);
        }
        let snapshot = Arc::new(db.run(Snapshot::load).await?);
        self.store(snapshot.clone());
        Ok(snapshot)
    }
}
