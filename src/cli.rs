//! Command line: `serve` (default), `migrate`, `seed`, `create-admin`.

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "khadamat", version, about = "Khadamat — the home-services marketplace for Morocco")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the site (the default). In development an empty database is migrated and seeded first.
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate,
    /// Load the reference data (categories, cities, plans) and demo content.
    Seed(SeedArgs),
    /// Create an administrator account (the password is asked, or read from standard input).
    CreateAdmin(CreateAdminArgs),
}

#[derive(Args, Debug, Default)]
pub struct ServeArgs {
    /// Address to listen on (default from HOST, else 127.0.0.1).
    #[arg(long)]
    pub host: Option<String>,
    /// Port to listen on (default from PORT, else 4000).
    #[arg(long)]
    pub port: Option<u16>,
}

#[derive(Args, Debug)]
pub struct SeedArgs {
    /// How many demo providers to create.
    #[arg(long, default_value_t = 60)]
    pub providers: usize,
    /// Random seed: the same seed gives the same data.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

#[derive(Args, Debug)]
pub struct CreateAdminArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long, default_value = "Admin")]
    pub first_name: String,
    #[arg(long, default_value = "Khadamat")]
    pub last_name: String,
}
