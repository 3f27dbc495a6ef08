use std::io::{IsTerminal, Read};

use actix_web::{HttpServer, web};
use clap::Parser;

use khadamat::cli::{Cli, Command, CreateAdminArgs, HealthArgs, SeedArgs, ServeArgs};
use khadamat::config::{Config, redact_url};
use khadamat::db::{Db, migrations, seed};
use khadamat::{AppState, build_app, telemetry};

// mimalloc: fewer and cheaper allocations' locks than glibc's under many threads (page rendering allocates).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::VapidKeys)) {
        // Needs no configuration: it is how a production configuration gets its keys.
        let pair = khadamat::config::Vapid::generate("");
        println!("VAPID_PUBLIC_KEY={}\nVAPID_PRIVATE_KEY={}", pair.public_key, pair.private_key);
        return;
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("khadamat: {e}");
            std::process::exit(2);
        }
    };
    telemetry::init(&config.log_level, config.log_json);
    let result = match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => serve(config, args),
        Command::Migrate => migrate(&config).map(|_| ()),
        Command::Seed(args) => run_seed(&config, &args),
        Command::CreateAdmin(args) => create_admin(&config, &args),
        Command::Health(args) => health(&config, &args),
        Command::VapidKeys => unreachable!("answered before the configuration is read"),
    };
    if let Err(e) = result {
        eprintln!("khadamat: {e}");
        std::process::exit(1);
    }
}

fn open(config: &Config) -> Result<Db, String> {
    Db::connect(&config.database_url, config.database_pool_size).map_err(|e| e.to_string())
}

fn migrate(config: &Config) -> Result<Db, String> {
    let db = open(config)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let applied = migrations::run_pending(&mut conn).map_err(|e| e.to_string())?;
    for name in &applied {
        tracing::info!(migration = %name, "applied");
    }
    drop(conn);
    Ok(db)
}

fn run_seed(config: &Config, args: &SeedArgs) -> Result<(), String> {
    let db = migrate(config)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let report = seed::run(&mut conn, &seed::Options { providers: args.providers, seed: args.seed, progress: true })
        .map_err(|e| e.to_string())?;
    let drawn = std::time::Instant::now();
    let pictures = seed_pictures(config, &mut conn)?;
    let drawn = drawn.elapsed().as_secs_f64();
    seed::vacuum(&mut conn).map_err(|e| e.to_string())?;
    println!("{report}, {pictures} demo pictures ({drawn:.1} s)");
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());
    seed::print_demo_logins();
    Ok(())
}

/// Draws the demo pictures and keeps them where the site keeps pictures (`MEDIA_STORE`).
fn seed_pictures(config: &Config, conn: &mut khadamat::db::DbConn) -> Result<usize, String> {
    let store = khadamat::services::media_store::MediaStore::open(&config.media_store).map_err(|e| e.to_string())?;
    let runtime = actix_web::rt::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(khadamat::services::demo_pictures::give(conn, &store)).map_err(|e| e.to_string())
}

fn create_admin(config: &Config, args: &CreateAdminArgs) -> Result<(), String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (12 characters or more): ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        first
    } else {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input).map_err(|e| e.to_string())?;
        input.lines().next().unwrap_or("").to_string()
    };
    let db = migrate(config)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let id = seed::create_admin(&mut conn, &args.email, &password, &args.first_name, &args.last_name)
        .map_err(|e| e.to_string())?;
    println!("administrator {} created (id {id})", args.email.trim().to_lowercase());
    Ok(())
}

fn health(config: &Config, args: &HealthArgs) -> Result<(), String> {
    let path = if args.ready { "/ready" } else { "/health" };
    match khadamat::cli::probe(args.port.unwrap_or(config.port), path, std::time::Duration::from_secs(3)) {
        Ok(200) => Ok(()),
        Ok(status) => Err(format!("{path} answered {status}")),
        Err(e) => Err(format!("{path}: {e}")),
    }
}

fn serve(config: Config, args: ServeArgs) -> Result<(), String> {
    let host = args.host.unwrap_or_else(|| config.host.clone());
    let port = args.port.unwrap_or(config.port);
    let setup = migrate(&config)?;
    if config.auto_seed {
        let mut conn = setup.get().map_err(|e| e.to_string())?;
        if seed::is_empty(&mut conn).map_err(|e| e.to_string())? {
            tracing::info!("empty development database: loading demo data");
            let report = seed::run(&mut conn, &seed::Options { providers: 60, seed: 2026, progress: false })
                .map_err(|e| e.to_string())?;
            let pictures = seed_pictures(&config, &mut conn)?;
            tracing::info!("{report}, {pictures} demo pictures");
        }
    }
    drop(setup);
    // Pages give up on the database after the configured timeouts (503); migrations and seeding above did not.
    let db = Db::connect_with(&config.database_url, config.database_pool_size, config.database_timeouts)
        .map_err(|e| e.to_string())?;
    let state =
        AppState::new(config.clone(), db).map_err(|e| format!("static files in {:?}: {e}", config.static_dir))?;
    let state = web::Data::new(state);
    tracing::info!(
        env = ?config.env,
        database = %redact_url(&config.database_url),
        mail = config.mail_kind(),
        "Khadamat listening on http://{host}:{port} (public URL {})",
        config.base_url
    );
    if !config.env.is_production() {
        seed::print_demo_logins();
    }
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let connections = connection_limit(workers);
    actix_web::rt::System::new()
        .block_on(async move {
            let jobs = actix_web::rt::spawn(khadamat::jobs::run_forever(state.clone()));
            let sender = actix_web::rt::spawn(khadamat::jobs::run_sender(state.clone()));
            state.start_relay();
            let app_state = state.clone();
            let server = HttpServer::new(move || build_app(app_state.clone()))
                .workers(workers)
                .max_connections(connections)
                // Headers must arrive within 5 s (slowloris); bodies have their own deadline (web::limits).
                .client_request_timeout(std::time::Duration::from_secs(5))
                .client_disconnect_timeout(std::time::Duration::from_secs(2))
                .shutdown_timeout(SHUTDOWN_SECONDS)
                .disable_signals()
                .bind((host.as_str(), port))?
                .run();
            let handle = server.handle();
            actix_web::rt::spawn(async move {
                stop_signal().await;
                tracing::info!("stopping: closing WebSockets, finishing requests and jobs");
                state.shutdown.send_replace(true);
                handle.stop(true).await;
            });
            server.await?;
            // The jobs finish the pass they are in (a batch of emails, an expiry run), then return.
            let finished = futures_util::future::join(jobs, sender);
            if actix_web::rt::time::timeout(std::time::Duration::from_secs(SHUTDOWN_SECONDS), finished).await.is_err() {
                tracing::warn!("background jobs did not finish in time");
            }
            tracing::info!("stopped");
            Ok::<(), std::io::Error>(())
        })
        .map_err(|e| e.to_string())
}

/// How long in-flight requests and jobs get to finish once asked to stop.
const SHUTDOWN_SECONDS: u64 = 15;

/// SIGTERM (an orchestrator, `docker stop`) or SIGINT (Ctrl-C).
async fn stop_signal() {
    use actix_web::rt::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = actix_web::rt::signal::ctrl_c() => {}
            }
        }
        Err(_) => {
            let _ = actix_web::rt::signal::ctrl_c().await;
        }
    }
}

/// Open connections each worker accepts: the open-file limit is raised to its maximum, and connections keep a
/// margin of it for database connections, files and sockets to SMTP. Past it, new visitors wait in the listen
/// backlog instead of the process failing with "too many open files".
fn connection_limit(workers: usize) -> usize {
    let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let per_worker = files.saturating_sub(256) / workers.max(1) as u64;
    tracing::info!(open_files = files, connections_per_worker = per_worker, "limits");
    usize::try_from(per_worker.clamp(64, 25_000)).unwrap_or(25_000)
}
