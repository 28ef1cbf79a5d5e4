//! A handler that panics: the catch-panic layer of the route table answers with the apology
//! page (500) and the server goes on; the connection is never dropped.

use axum::Router;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;

async fn panics() -> &'static str {
    let words: Vec<&str> = Vec::new();
    words[3]
}

/// A handler that panics answers 500 with the apology page; the connection stays usable.
#[tokio::test]
async fn a_panic_is_a_500_page() {
    let app = Router::new()
        .route("/boom", get(panics))
        .route("/fine", get(|| async { "fine" }))
        .layer(CatchPanicLayer::custom(sandpit::web::error::panic_response));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();
    let r = client
        .get(format!("http://{addr}/boom"))
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(r.status().as_u16(), 500);
    let body = r.text().await.expect("body");
    assert!(
        body.contains("Something went wrong inside Sandpit"),
        "{body}"
    );
    let r = client
        .get(format!("http://{addr}/fine"))
        .send()
        .await
        .expect("the server goes on");
    assert_eq!(r.status().as_u16(), 200);
}
