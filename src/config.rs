//! Typed settings, read once at boot from the environment (and `.env`), validated, then shared.

use std::{env, fmt, path::PathBuf, time::Duration};

/// Where the site runs: development defaults just work; production refuses unsafe settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Test,
    Production,
}

impl Environment {
    pub fn is_production(self) -> bool {
        self == Environment::Production
    }
}

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587), required.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: a relay on the same host or network, and tests.
    None,
}

/// Where uploaded pictures are kept (`services::media_store`).
#[derive(Clone, PartialEq, Eq)]
pub enum MediaStoreConfig {
    /// A folder on this machine (`UPLOAD_DIR`).
    Files(PathBuf),
    /// S3-compatible object storage (`MEDIA_STORE=s3`): several instances share it.
    S3 { bucket: String, region: String, endpoint: Option<String>, access_key_id: String, secret_access_key: String },
}

impl fmt::Debug for MediaStoreConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MediaStoreConfig::Files(dir) => write!(f, "files in {}", dir.display()),
            MediaStoreConfig::S3 { bucket, endpoint, .. } => {
                write!(f, "s3 bucket {bucket} at {}", endpoint.as_deref().unwrap_or("AWS"))
            }
        }
    }
}

/// How outgoing email leaves the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTransport {
    /// Written as files to a folder and listed at `/dev/outbox` (development).
    Outbox(PathBuf),
    /// Real SMTP (production).
    Smtp { host: String, port: u16, username: Option<String>, password: Option<String>, tls: SmtpTls },
    /// Kept in memory (tests).
    Memory,
}

#[derive(Clone)]
pub struct Config {
    pub env: Environment,
    pub host: String,
    pub port: u16,
    /// Public base URL without a trailing slash, e.g. `https://khadamat.ma`.
    pub base_url: String,
    pub database_url: String,
    pub database_pool_size: u32,
    /// How long a page waits for the database before answering 503 (`DATABASE_ACQUIRE_TIMEOUT_MS`, pooled
    /// connection) and how long one statement or lock wait may take (`DATABASE_STATEMENT_TIMEOUT_MS`).
    pub database_timeouts: crate::db::Timeouts,
    /// Secret used to derive keys (CSRF, visitor hashes, 2FA secret encryption). At least 32 bytes.
    pub session_secret: String,
    pub mail: MailTransport,
    pub mail_from: String,
    pub stripe_secret_key: Option<String>,
    pub stripe_webhook_secret: Option<String>,
    pub stripe_api_base: String,
    pub log_level: String,
    pub log_json: bool,
    pub media_store: MediaStoreConfig,
    pub max_upload_bytes: usize,
    pub static_dir: PathBuf,
    /// Migrate and seed an empty database on `serve` (development only).
    pub auto_seed: bool,
    /// How often the background jobs run (expiries, reminders), in seconds; 0 turns them off.
    pub jobs_interval_seconds: u64,
    /// Shifts the application clock (test configurations: "the day after tomorrow" without waiting).
    pub clock_offset_seconds: i64,
    /// The header holding the visitor's address, set by the reverse proxy in front (`IP_HEADER`, e.g.
    /// `X-Real-IP`); none: the TCP peer is the visitor. See `web::auth::client_ip`.
    pub ip_header: Option<actix_web::http::header::HeaderName>,
    /// How often open WebSockets are pinged; one silent for three times this long is closed.
    pub websocket_ping_seconds: u64,
    /// How old the site-wide figures and reference data public pages show may be (`web::showcase`); 0: read
    /// them on every request.
    pub showcase_seconds: u64,
    /// How old the search results and provider pages anonymous visitors are shown may be (`web::recent`); 0:
    /// read them on every request.
    pub public_cache_seconds: u64,
    /// Send each response's number of database queries in `X-Db-Queries` (benchmarks; off by default).
    pub query_count_header: bool,
    /// Web push's VAPID key pair and contact (`VAPID_PUBLIC_KEY`, `VAPID_PRIVATE_KEY`, `VAPID_SUBJECT`); none:
    /// push is off (`PUSH_ENABLED=false`).
    pub vapid: Option<Vapid>,
}

/// A VAPID key pair (P-256, base64url without padding: the public key as the 65-byte uncompressed point, the
/// private key as its 32 bytes) and the contact push services may write to.
#[derive(Clone)]
pub struct Vapid {
    pub public_key: String,
    pub private_key: String,
    pub subject: String,
}

impl Vapid {
    /// A new key pair (`khadamat vapid-keys`, development, tests).
    pub fn generate(subject: &str) -> Vapid {
        use base64::Engine;
        use jwt_simple::prelude::{ECDSAP256PublicKeyLike, ES256KeyPair};
        let pair = ES256KeyPair::generate();
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        Vapid {
            public_key: b64(&pair.public_key().public_key().to_bytes_uncompressed()),
            private_key: b64(&pair.to_bytes()),
            subject: subject.to_string(),
        }
    }

    /// Development: the pair kept in `.vapid-keys` (made the first time), so that browsers stay subscribed
    /// across restarts.
    fn development(subject: &str) -> Result<Vapid, ConfigError> {
        let path = std::path::Path::new(".vapid-keys");
        if let Ok(text) = std::fs::read_to_string(path)
            && let Some((public_key, private_key)) = text.trim().split_once('\n')
        {
            return Ok(Vapid {
                public_key: public_key.into(),
                private_key: private_key.into(),
                subject: subject.into(),
            });
        }
        let made = Vapid::generate(subject);
        std::fs::write(path, format!("{}\n{}\n", made.public_key, made.private_key))
            .map_err(|e| ConfigError(format!(".vapid-keys: {e}")))?;
        Ok(made)
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("env", &self.env)
            .field("base_url", &self.base_url)
            .field("database", &redact_url(&self.database_url))
            .field("mail", &self.mail_kind())
            .finish_non_exhaustive()
    }
}

/// A configuration problem, told to the operator in plain words.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {0}")]
pub struct ConfigError(pub String);

pub const DEV_SESSION_SECRET: &str = "development-only-secret-do-not-use-in-production-0123456789";

impl Config {
    /// Reads `.env` (if present) then the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|key| env::var(key).ok())
    }

    /// Builds the settings from any key lookup (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |key: &str| get(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let env = match get("KHADAMAT_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("test") => Environment::Test,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError(format!(
                    "KHADAMAT_ENV must be development, test or production (got {other:?})"
                )));
            }
        };
        let prod = env.is_production();
        let parse = |key: &str, default: &str| -> Result<String, ConfigError> {
            Ok(get(key).unwrap_or_else(|| default.to_string()))
        };
        let number = |key: &str, default: u64| -> Result<u64, ConfigError> {
            match get(key) {
                None => Ok(default),
                Some(v) => v.parse().map_err(|_| ConfigError(format!("{key} must be a whole number (got {v:?})"))),
            }
        };

        let host = parse("HOST", "127.0.0.1")?;
        let port = u16::try_from(number("PORT", 4000)?).map_err(|_| ConfigError("PORT is out of range".into()))?;
        let base_url = parse("BASE_URL", &format!("http://localhost:{port}"))?.trim_end_matches('/').to_string();
        let database_url = parse("DATABASE_URL", "khadamat.db")?;
        let session_secret = get("SESSION_SECRET").unwrap_or_default();

        if prod {
            if !base_url.starts_with("https://") {
                return Err(ConfigError(format!("BASE_URL must be an https:// URL in production (got {base_url:?})")));
            }
            if session_secret.is_empty()
                || session_secret == DEV_SESSION_SECRET
                || session_secret.starts_with("change-me")
            {
                return Err(ConfigError(
                    "SESSION_SECRET must be set to a random value in production (openssl rand -base64 48)".into(),
                ));
            }
            if get("SMTP_HOST").is_none() {
                return Err(ConfigError("SMTP_HOST must be set in production: the site sends email".into()));
            }
        }
        if !session_secret.is_empty() && session_secret.len() < 32 {
            return Err(ConfigError(format!(
                "SESSION_SECRET must be at least 32 characters long (got {}); leave it unset in development",
                session_secret.len()
            )));
        }
        let session_secret = if session_secret.is_empty() { DEV_SESSION_SECRET.to_string() } else { session_secret };

        let mail = match (get("SMTP_HOST"), env) {
            (_, Environment::Test) => MailTransport::Memory,
            (Some(host), _) => MailTransport::Smtp {
                host,
                port: u16::try_from(number("SMTP_PORT", 587)?)
                    .map_err(|_| ConfigError("SMTP_PORT is out of range".into()))?,
                username: get("SMTP_USER"),
                password: get("SMTP_PASS"),
                tls: match get("SMTP_TLS").as_deref() {
                    None | Some("starttls") => SmtpTls::StartTls,
                    Some("tls") => SmtpTls::Tls,
                    Some("none") => SmtpTls::None,
                    Some(other) => {
                        return Err(ConfigError(format!("SMTP_TLS must be starttls, tls or none (got {other:?})")));
                    }
                },
            },
            (None, _) => MailTransport::Outbox(PathBuf::from(parse("MAIL_OUTBOX_DIR", "tmp/outbox")?)),
        };

        let stripe_secret_key = get("STRIPE_SECRET_KEY");
        if prod && stripe_secret_key.as_deref().is_some_and(|k| k.contains("your")) {
            return Err(ConfigError("STRIPE_SECRET_KEY still holds the example value".into()));
        }
        if prod && stripe_secret_key.is_some() && get("STRIPE_WEBHOOK_SECRET").is_none() {
            // Payments would be taken and never applied: webhooks are the only source of truth.
            return Err(ConfigError("STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not".into()));
        }

        let log_level = parse("LOG_LEVEL", if prod { "info" } else { "info,khadamat=debug" })?;
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&log_level) {
            return Err(ConfigError(format!(
                "LOG_LEVEL is not a valid filter such as info or warn,khadamat=debug ({log_level:?}: {e})"
            )));
        }
        // The one header a reverse proxy sets to the visitor's address; without it, the TCP peer is the visitor.
        let ip_header = match get("IP_HEADER") {
            None => None,
            Some(name) => Some(actix_web::http::header::HeaderName::try_from(name.as_str()).map_err(|_| {
                ConfigError(format!("IP_HEADER must be a header name such as X-Real-IP (got {name:?})"))
            })?),
        };
        let log_json = match get("LOG_FORMAT").as_deref() {
            Some("json") => true,
            Some("pretty") => false,
            Some(other) => {
                return Err(ConfigError(format!("LOG_FORMAT must be json or pretty (got {other:?})")));
            }
            None => prod,
        };
        let auto_seed = match get("AUTO_SEED").as_deref() {
            Some("true" | "1") if prod => {
                return Err(ConfigError("AUTO_SEED cannot be enabled in production".into()));
            }
            Some("true" | "1") => true,
            Some("false" | "0") => false,
            Some(other) => {
                return Err(ConfigError(format!("AUTO_SEED must be true or false (got {other:?})")));
            }
            None => env == Environment::Development,
        };

        let media_store = match get("MEDIA_STORE").as_deref() {
            None | Some("files") => MediaStoreConfig::Files(PathBuf::from(parse("UPLOAD_DIR", "uploads")?)),
            Some("s3") => {
                let required = |key: &str| {
                    get(key).filter(|v| !v.is_empty()).ok_or_else(|| ConfigError(format!("MEDIA_STORE=s3 needs {key}")))
                };
                MediaStoreConfig::S3 {
                    bucket: required("S3_BUCKET")?,
                    region: get("S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                    endpoint: get("S3_ENDPOINT").filter(|v| !v.is_empty()),
                    access_key_id: required("S3_ACCESS_KEY_ID")?,
                    secret_access_key: required("S3_SECRET_ACCESS_KEY")?,
                }
            }
            Some(other) => return Err(ConfigError(format!("MEDIA_STORE must be files or s3 (got {other:?})"))),
        };

        let push_enabled = !matches!(get("PUSH_ENABLED").as_deref(), Some("false" | "0"));
        let subject = get("VAPID_SUBJECT").unwrap_or_else(|| "mailto:contact@khadamat.ma".into());
        let vapid = match (get("VAPID_PUBLIC_KEY"), get("VAPID_PRIVATE_KEY")) {
            _ if !push_enabled => None,
            (Some(public_key), Some(private_key)) => Some(Vapid { public_key, private_key, subject }),
            _ if prod => {
                return Err(ConfigError(
                    "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set in production (`khadamat vapid-keys` prints a \
                     pair), or push turned off with PUSH_ENABLED=false"
                        .into(),
                ));
            }
            _ if env == Environment::Test => Some(Vapid::generate(&subject)),
            _ => Some(Vapid::development(&subject)?),
        };
        Ok(Config {
            env,
            host,
            port,
            base_url,
            database_url,
            // A route holds at most half the pool (`web::bulkhead`): 8 connections per route keep two cores busy while
            // requests wait on the database (PostgreSQL's round trips, SQLite's locks).
            database_pool_size: u32::try_from(number("DATABASE_POOL_SIZE", 16)?.clamp(1, 128)).unwrap_or(16),
            database_timeouts: crate::db::Timeouts {
                acquire: Duration::from_millis(number("DATABASE_ACQUIRE_TIMEOUT_MS", 2000)?.clamp(100, 60_000)),
                statement: match number("DATABASE_STATEMENT_TIMEOUT_MS", 3000)? {
                    0 => None,
                    ms => Some(Duration::from_millis(ms.max(100))),
                },
            },
            session_secret,
            mail,
            mail_from: parse("MAIL_FROM", "Khadamat <noreply@khadamat.ma>")?,
            stripe_secret_key,
            stripe_webhook_secret: get("STRIPE_WEBHOOK_SECRET"),
            stripe_api_base: parse("STRIPE_API_BASE", "https://api.stripe.com")?,
            log_level,
            log_json,
            media_store,
            max_upload_bytes: number("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)? as usize,
            static_dir: PathBuf::from(parse("STATIC_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/static"))?),
            auto_seed,
            jobs_interval_seconds: number("JOBS_INTERVAL_SECONDS", 60)?,
            clock_offset_seconds: number("CLOCK_OFFSET_SECONDS", 0)?.min(10 * 365 * 86_400) as i64,
            ip_header,
            websocket_ping_seconds: number("WEBSOCKET_PING_SECONDS", 20)?.clamp(1, 300),
            showcase_seconds: number("SHOWCASE_SECONDS", 60)?.min(3600),
            public_cache_seconds: number("PUBLIC_CACHE_SECONDS", 10)?.min(600),
            query_count_header: matches!(get("QUERY_COUNT_HEADER").as_deref(), Some("true" | "1")),
            vapid,
        })
    }

    /// Settings for tests: in-memory mail, the given database, no auto-seed.
    pub fn for_tests(database_url: &str) -> Self {
        let mut config = Self::from_lookup(|key| match key {
            "KHADAMAT_ENV" => Some("test".into()),
            "DATABASE_URL" => Some(database_url.into()),
            "DATABASE_POOL_SIZE" => Some("4".into()),
            "LOG_LEVEL" => Some("warn".into()),
            _ => None,
        })
        .expect("test configuration is valid");
        config.auto_seed = false;
        config.jobs_interval_seconds = 0;
        // Tests change the data and look at it at once.
        config.showcase_seconds = 0;
        config.public_cache_seconds = 0;
        // Each test application its own folder of pictures (tests run in parallel, with the same user ids).
        static APPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = APPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        config.media_store = MediaStoreConfig::Files(
            std::env::temp_dir().join(format!("khadamat-test-media/{}-{n}", std::process::id())),
        );
        // A slow CI machine must not turn into 503s; the reliability tests set their own timeouts.
        config.database_timeouts = crate::db::Timeouts::PATIENT;
        config
    }

    pub fn mail_kind(&self) -> &'static str {
        match self.mail {
            MailTransport::Outbox(_) => "outbox",
            MailTransport::Smtp { .. } => "smtp",
            MailTransport::Memory => "memory",
        }
    }

    pub fn is_sqlite(&self) -> bool {
        !crate::db::is_postgres_url(&self.database_url)
    }
}

/// Hides a password in a database URL for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{}:***{}", &url[..scheme + 3], user, &url[at..])
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn development_defaults_just_work() {
        let c = config(&[]).unwrap();
        assert_eq!(c.env, Environment::Development);
        assert_eq!(c.port, 4000);
        assert_eq!(c.database_url, "khadamat.db");
        assert!(c.auto_seed);
        assert_eq!(c.mail_kind(), "outbox");
    }

    #[test]
    fn production_refuses_default_secret_and_http() {
        let err = config(&[("KHADAMAT_ENV", "production"), ("BASE_URL", "http://x.ma")]).err().unwrap();
        assert!(err.to_string().contains("https"));
        let err = config(&[("KHADAMAT_ENV", "production"), ("BASE_URL", "https://x.ma")]).err().unwrap();
        assert!(err.to_string().contains("SESSION_SECRET"));
        let err = config(&[
            ("KHADAMAT_ENV", "production"),
            ("BASE_URL", "https://x.ma"),
            ("SESSION_SECRET", DEV_SESSION_SECRET),
        ])
        .err()
        .unwrap();
        assert!(err.to_string().contains("SESSION_SECRET"));
        let base = [
            ("KHADAMAT_ENV", "production"),
            ("BASE_URL", "https://khadamat.ma"),
            ("SESSION_SECRET", "a-very-long-random-secret-value-for-production-use-only"),
            ("SMTP_HOST", "smtp.example.com"),
            ("DATABASE_URL", "postgres://u:p@db/k"),
        ];
        // Push on (the default) and no keys: refused; keys, or push off: fine.
        let err = config(&base).err().unwrap();
        assert!(err.to_string().contains("VAPID_PUBLIC_KEY"), "{err}");
        assert!(config(&[&base[..], &[("PUSH_ENABLED", "false")]].concat()).unwrap().vapid.is_none());
        let keys = Vapid::generate("mailto:ops@khadamat.ma");
        let vapid = [("VAPID_PUBLIC_KEY", keys.public_key.as_str()), ("VAPID_PRIVATE_KEY", keys.private_key.as_str())];
        let ok = config(&[&base[..], &vapid[..]].concat()).unwrap();
        assert!(!ok.auto_seed && ok.log_json);
        assert_eq!(ok.vapid.map(|v| v.public_key), Some(keys.public_key.clone()));
        let production = [&base[..4], &vapid[..], &[("STRIPE_SECRET_KEY", "sk_live_x")]].concat();
        // Payments taken and never applied: refused.
        let err = config(&production).err().unwrap();
        assert!(err.to_string().contains("STRIPE_WEBHOOK_SECRET"));
        assert!(config(&[&production[..], &[("STRIPE_WEBHOOK_SECRET", "whsec_x")]].concat()).is_ok());
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact_url("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact_url("khadamat.db"), "khadamat.db");
    }
}
