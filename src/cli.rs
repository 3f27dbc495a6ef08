//! Command line: `serve` (default), `migrate`, `seed`, `create-admin`, `health`.

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
    /// Ask the server on this machine whether it is alive (`/health`) or ready (`--ready`: `/ready`, the
    /// database answers); exit 0 when it says so. The container's health check (no curl in the image).
    Health(HealthArgs),
    /// Print a new VAPID key pair for web push (set them as VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY).
    VapidKeys,
}

#[derive(Args, Debug)]
pub struct HealthArgs {
    /// Check readiness (the database answers) rather than liveness.
    #[arg(long)]
    pub ready: bool,
    /// Port the server listens on (default from PORT, else 4000).
    #[arg(long)]
    pub port: Option<u16>,
}

/// The status a local server answers for `path` (plain HTTP on 127.0.0.1), within `timeout`.
pub fn probe(port: u16, path: &str, timeout: std::time::Duration) -> std::io::Result<u16> {
    use std::io::{Read, Write};
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = std::net::TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\nUser-Agent: khadamat-health\r\n\r\n")?;
    let mut head = [0u8; 64];
    let n = stream.read(&mut head)?;
    // "HTTP/1.x 200 OK"
    String::from_utf8_lossy(&head[..n])
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP answer"))
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
