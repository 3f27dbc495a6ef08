//! What every request shares: settings, database, static assets.

use crate::config::Config;
use crate::db::Db;
use crate::web::assets::Assets;

pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub assets: Assets,
}

impl AppState {
    pub fn new(config: Config, db: Db) -> std::io::Result<Self> {
        let assets = Assets::load(&config.static_dir)?;
        Ok(AppState { config, db, assets })
    }
}
