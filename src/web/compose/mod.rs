//! The post composer: the page `GET|POST /compose`, the result fragment the page's script swaps
//! in as the trainee types (`POST /compose/result`), and the JSON API `POST /api/check`.
//!
//! Every one parses its input, calls [`compose::check`] once and renders. The result is rendered
//! by the server only, from one template (`templates/compose_result.html`): the page includes it,
//! and `static/compose.js` fetches it and swaps it in, so the wording exists once.

mod api;
mod page;
pub(crate) mod view; // also shows the check of an own-topic draft (programmes::transfer)

use api::api_check;
use page::{page_get, page_post, result_fragment};
use view::result_view;

use super::AppState;
use crate::compose::{self, Check, Platform, Profile, RulePack};
use crate::error::Error;

/// The largest draft checked: no platform takes a post anywhere near this (Facebook's 63,206
/// characters is the longest), and it bounds the work one request can ask for.
pub const MAX_DRAFT_BYTES: usize = 1 << 20;

/// The largest request body these routes read. Larger than the draft cap because JSON escapes
/// and form encoding can make a 1 MiB draft several times bigger on the wire; the draft itself
/// is measured after decoding.
pub const BODY_MAX: usize = 8 << 20;

/// A Mastodon server's limit can be set this high at most, here.
const MASTODON_LIMIT_MAX: usize = 1_000_000;

/// The built-in packs (parsed once per process, see `packs::builtin_shared`).
fn builtin_packs() -> Result<&'static [RulePack], Error> {
    // A built-in pack that does not load is Sandpit's fault; the message keeps file and line.
    compose::packs::builtin_shared().map_err(|e| Error::internal(anyhow::anyhow!("{e}")))
}

/// The packs named, in the order named. Only built-in packs by id: a web request never names
/// a file on the server.
fn packs_named(names: &[String]) -> Result<Vec<&'static RulePack>, Error> {
    let all = builtin_packs()?;
    let mut out: Vec<&'static RulePack> = Vec::new();
    for name in names {
        let name = name.trim();
        let pack = all.iter().find(|p| p.id == name).ok_or_else(|| {
            let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
            Error::invalid(format!(
                "unknown rule pack {name:?}: use {} (packs are named by id; files cannot be loaded over the web)",
                ids.join(" or ")
            ))
        })?;
        if !out.iter().any(|p| p.id == pack.id) {
            out.push(pack);
        }
    }
    Ok(out)
}

/// Profiles for the platform ids, in the order named, each once.
fn profiles_named(ids: &[String], mastodon_limit: Option<usize>) -> Result<Vec<Profile>, Error> {
    let mut out: Vec<Profile> = Vec::new();
    for id in ids {
        let platform: Platform = id
            .parse()
            .map_err(|e: compose::UnknownPlatform| Error::invalid(e.to_string()))?;
        let mut profile = platform.profile();
        if let (Platform::Mastodon, Some(limit)) = (platform, mastodon_limit) {
            profile.limit = limit;
        }
        if !out.iter().any(|p| p.platform == platform) {
            out.push(profile);
        }
    }
    if out.is_empty() {
        return Err(Error::invalid(
            "choose at least one platform (for example \"x\")",
        ));
    }
    Ok(out)
}

fn too_big_message(bytes: usize) -> String {
    format!(
        "The draft is {bytes} bytes; Sandpit checks drafts up to 1 MB (1,048,576 bytes). \
         The longest post any platform takes, on Facebook, is 63,206 characters."
    )
}

/// For a request body over [`BODY_MAX`], which was not read to the end and so not measured.
fn body_too_big_message() -> String {
    format!(
        "The request is over {} MB; Sandpit checks drafts up to 1 MB (1,048,576 bytes).",
        BODY_MAX >> 20
    )
}

/// Runs the check off the async runtime: rules on a long draft are CPU work.
async fn run_check(
    text: String,
    profiles: Vec<Profile>,
    packs: Vec<&'static RulePack>,
) -> Result<Check, Error> {
    tokio::task::spawn_blocking(move || compose::check(&text, &profiles, &packs))
        .await
        .map_err(Error::internal)
}

/// The composer's routes (bodies are read and capped by the handlers).
pub fn routes() -> axum::Router<AppState> {
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/compose",
            get(page_get)
                .post(page_post)
                .layer(DefaultBodyLimit::max(BODY_MAX)),
        )
        .route(
            "/compose/result",
            post(result_fragment).layer(DefaultBodyLimit::max(BODY_MAX)),
        )
        .route(
            "/api/check",
            post(api_check).layer(DefaultBodyLimit::max(BODY_MAX)),
        )
}
