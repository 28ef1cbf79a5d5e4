//! `sandpit serve`: the web interface on shipped and imported corpora. On its own, a
//! self-learner's server on localhost with no login; with `--classroom`, a trainer's server on
//! the room's network, printing the address trainees type (with a QR code) and the trainer's
//! secret link.

use std::net::{IpAddr, SocketAddr};

use sandpit::config::Config;
use sandpit::error::{Error, Result};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080; with --classroom 0.0.0.0:8080, the
    /// room's network]. Without --classroom only loopback addresses are allowed.
    #[arg(long)]
    pub bind: Option<String>,
    /// A folder of exercise files to add to the shipped ones.
    #[arg(long, value_name = "DIR")]
    pub exercises: Option<std::path::PathBuf>,
    /// Allow live feeds on loopback, private and link-local addresses.
    #[arg(long)]
    pub allow_private_feeds: bool,
    /// Classroom mode: trainees join with a class code and their name; the trainer signs in
    /// with the secret link printed at start-up (or the trainer password).
    #[arg(long)]
    pub classroom: bool,
    /// A password the trainer can sign in with, besides the link (8 characters or more).
    /// Set it in the environment, so it stays out of the process list.
    #[arg(
        long,
        env = "SANDPIT_TRAINER_PASSWORD",
        hide_env_values = true,
        value_name = "PASSWORD"
    )]
    pub trainer_password: Option<String>,
    /// Make a new trainer key: the old trainer link stops working and trainers sign in again.
    #[arg(long)]
    pub new_trainer_key: bool,
    /// A load balancer or reverse proxy in front of this node (repeat, or separate with
    /// commas): requests from it are counted under the client address its X-Forwarded-For
    /// gives, not its own.
    #[arg(
        long = "trusted-proxy",
        env = "SANDPIT_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "ADDR"
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// For tests of the real binary: the clock can be moved forward through
    /// `POST /trainer/test-clock`.
    #[arg(long, hide = true)]
    pub test_clock: bool,
}

pub fn run(home: &super::Home, args: ServeArgs) -> Result<()> {
    let default = if args.classroom {
        "0.0.0.0:8080"
    } else {
        "127.0.0.1:8080"
    };
    let bind = args.bind.clone().unwrap_or_else(|| default.to_string());
    let addr: SocketAddr = bind.parse().map_err(|_| {
        Error::invalid(format!(
            "--bind {bind:?} is not an address such as 127.0.0.1:8080"
        ))
    })?;
    if !args.classroom && !addr.ip().is_loopback() {
        return Err(Error::invalid(format!(
            "--bind {bind}: without --classroom Sandpit has no login, so it listens on this \
             computer only (127.0.0.1); add --classroom to serve a room"
        )));
    }
    if args.new_trainer_key && !args.classroom {
        return Err(Error::invalid("--new-trainer-key goes with --classroom"));
    }
    super::block_on(async move {
        let mut config = home.config();
        config.exercises_dir = args.exercises.clone();
        config.allow_private_feeds = args.allow_private_feeds;
        config.trusted_proxies = args.trusted_proxies.clone();
        config.test_clock = args.test_clock;
        if !args.classroom {
            let app = open_for_serving(config).await?;
            let _background = app.start_background();
            return sandpit::web::serve(app, addr).await;
        }
        // Listen first: the address printed must be the one bound (port 0 picks a free one).
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::invalid(format!("cannot listen on {addr}: {e}")))?;
        let local = listener.local_addr().map_err(Error::internal)?;
        let hosts = room_addresses(local.ip());
        let primary = hosts.first().copied().unwrap_or(local.ip());
        let base = url_of(primary, local.port());
        config = config.with_classroom(args.trainer_password.clone())?;
        config.public_url = Some(base.clone());
        let app = open_for_serving(config).await?;
        let key = app.store.trainer_secret(args.new_trainer_key).await?;
        let _background = app.start_background();
        print_welcome(
            &base,
            &hosts,
            local,
            &key,
            app.config.trainer_password.is_some(),
        );
        sandpit::web::run(app, listener, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })?
}

/// Opens the data directory for serving: the shipped corpora imported, and any attempt that a
/// stop cut off between being stored and being graded graded now.
async fn open_for_serving(config: Config) -> Result<sandpit::app::App> {
    let app = super::open_app(config).await?;
    match app.grade_ungraded().await {
        Ok(0) => {}
        Ok(n) => tracing::info!("graded {n} attempt(s) left ungraded when Sandpit last stopped"),
        // Serving matters more: the attempts stay stored and are graded when their page is seen.
        Err(e) => tracing::warn!("could not grade the attempts left ungraded: {e}"),
    }
    Ok(app)
}

fn url_of(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
        IpAddr::V4(v4) => format!("http://{v4}:{port}"),
    }
}

/// The addresses other computers in the room can reach: the bound one, or, when bound to every
/// interface, this computer's IPv4 network addresses, private (home, office, school) ones first.
fn room_addresses(bound: IpAddr) -> Vec<IpAddr> {
    if !bound.is_unspecified() {
        return vec![bound];
    }
    let mut found: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| match ip {
            IpAddr::V4(v4) => !v4.is_loopback() && !v4.is_link_local() && !v4.is_unspecified(),
            IpAddr::V6(_) => false,
        })
        .collect();
    found.sort_by_key(|ip| match ip {
        IpAddr::V4(v4) if v4.is_private() => 0,
        _ => 1,
    });
    found.dedup();
    found
}

fn print_welcome(base: &str, hosts: &[IpAddr], local: SocketAddr, key: &str, has_password: bool) {
    let join = format!("{base}/join");
    println!("Sandpit classroom is running. Trainees open {join} and type the class code.");
    if local.ip().is_loopback() {
        println!("  (This address is this computer only: bind to 0.0.0.0 for the room's network.)");
    } else if hosts.is_empty() {
        println!(
            "  (No network address found: is this computer on the room's network? Trying {join}.)"
        );
    }
    if hosts.len() > 1 {
        let others: Vec<String> = hosts[1..]
            .iter()
            .map(|ip| format!("{}/join", url_of(*ip, local.port())))
            .collect();
        println!(
            "  On another network this computer is also {}",
            others.join(", ")
        );
    }
    if let Some(qr) = sandpit::web::trainer::qr_terminal(&join) {
        println!("{qr}");
    }
    println!();
    println!("Trainer: open this link to sign in. Keep it to yourself (do not project it):");
    println!("  {base}/trainer/login?key={key}");
    println!(
        "  The link stays the same across restarts; `sandpit serve --classroom --new-trainer-key` \
         makes a new one.{}",
        if has_password {
            " The trainer password also works."
        } else {
            ""
        }
    );
    println!("Ctrl-C stops the server. Every join, answer and evaluation is saved as it happens.");
}
