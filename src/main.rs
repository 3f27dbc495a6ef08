use std::io::{IsTerminal, Read};

use actix_web::{HttpServer, web};
use clap::Parser;

use khadamat::cli::{Cli, Command, CreateAdminArgs, SeedArgs, ServeArgs};
use khadamat::config::{Config, redact_url};
use khadamat::db::{Db, migrations, seed};
use khadamat::{AppState, build_app, telemetry};

// mimalloc: fewer and cheaper allocations' locks than glibc's under many threads (page rendering allocates).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
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
    seed::vacuum(&mut conn).map_err(|e| e.to_string())?;
    println!("{report}");
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());
    seed::print_demo_logins();
    Ok(())
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
            tracing::info!("{report}");
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
    actix_web::rt::System::new()
        .block_on(async move {
            actix_web::rt::spawn(khadamat::jobs::run_forever(state.clone()));
            actix_web::rt::spawn(khadamat::jobs::run_sender(state.clone()));
            state.start_relay();
            HttpServer::new(move || build_app(state.clone()))
                .workers(workers)
                .shutdown_timeout(15)
                .bind((host.as_str(), port))?
                .run()
                .await
        })
        .map_err(|e| e.to_string())
}
