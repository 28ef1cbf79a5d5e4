//! Servers in the test's own process: Sandpit itself on a free loopback port with a temporary
//! data directory, and fixture servers (a feed, a page) built from an axum `Router`.

use std::net::SocketAddr;
use std::path::Path;

use sandpit::app::App;
use sandpit::config::Config;

use super::classroom::PASSWORD;

/// What a test server starts with.
#[derive(Debug, Clone, Copy, Default)]
pub struct Setup {
    /// Classroom mode, with the trainer password `classroom::PASSWORD`; off is self-learner mode.
    pub classroom: bool,
    /// The mini fixture corpus (`tests/data/corpus/mini.jsonl`) imported as `mini`.
    pub mini_corpus: bool,
    /// Loopback is a trusted proxy (`--trusted-proxy 127.0.0.1`): requests are counted under
    /// the address their `X-Forwarded-For` gives.
    pub behind_proxy: bool,
    /// The app's clock is the system's plus an offset the test moves on
    /// (`server.app.clock().advance(…)`), as `serve --test-clock`.
    pub test_clock: bool,
}

impl Setup {
    /// No corpus, no class: what the composer and the feeds pages need.
    pub const EMPTY: Setup = Setup {
        classroom: false,
        mini_corpus: false,
        behind_proxy: false,
        test_clock: false,
    };
    /// A self-learner's server with the mini corpus.
    pub const MINI: Setup = Setup {
        classroom: false,
        mini_corpus: true,
        behind_proxy: false,
        test_clock: false,
    };
    /// A classroom server with the mini corpus.
    pub const CLASSROOM: Setup = Setup {
        classroom: true,
        mini_corpus: true,
        behind_proxy: false,
        test_clock: false,
    };
}

pub struct Server {
    pub base: String,
    pub app: App,
    _dir: tempfile::TempDir,
}

/// The application on `dir`, set up as asked, without a server.
pub async fn open_app(dir: &Path, setup: Setup) -> App {
    // SQLite in `dir`, or a database of its own on the PostgreSQL test server when one is named.
    let database = super::database::database_for(dir).expect("a test database");
    let mut config = Config::new(dir).with_database_url(database);
    if setup.classroom {
        config = config
            .with_classroom(Some(PASSWORD.to_string()))
            .expect("valid password");
    }
    config.test_clock = setup.test_clock;
    if setup.behind_proxy {
        config.trusted_proxies = vec![std::net::Ipv4Addr::LOCALHOST.into()];
    }
    let app = App::open(config).await.expect("app opens");
    if setup.mini_corpus {
        let fixture = format!(
            "{}/tests/data/corpus/mini.jsonl",
            env!("CARGO_MANIFEST_DIR")
        );
        app.import_paths("mini", vec![fixture.into()], |_| {})
            .await
            .expect("fixture imports");
    }
    app
}

/// A Sandpit server with a data directory of its own, on 127.0.0.1 and a free port.
pub async fn start(setup: Setup) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = open_app(dir.path(), setup).await;
    Server {
        base: serve_app(&app).await,
        app,
        _dir: dir,
    }
}

/// Serves `app` on 127.0.0.1 and a free port for the rest of the test; returns its base URL.
pub async fn serve_app(app: &App) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(sandpit::web::run(
        app.clone(),
        listener,
        std::future::pending(),
    ));
    format!("http://{addr}")
}

/// A fixture server on 127.0.0.1 for the rest of the test, on the test's runtime.
pub async fn serve_router(router: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    addr
}

/// A fixture server on 127.0.0.1 in a thread and runtime of its own, for tests that are not
/// async (they run the binary), for the life of the test process.
pub fn serve_router_on_thread(router: axum::Router) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async move {
            let _ = tx.send(serve_router(router).await);
            std::future::pending::<()>().await;
        });
    });
    rx.recv().expect("the fixture server starts")
}
