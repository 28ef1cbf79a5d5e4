//! The trainer's side of classroom mode. Every handler takes the `Trainer` extractor first.
//! This file: signing in (the secret link or the password), where trainees go (the address and
//! its QR code) and the trainer's home, where classes start. The class page (the console), the
//! exercise picker, the live board, the presenter view, the exports and the uploads have a file
//! each, with their routes.

mod actions;
mod class;
pub mod drills;
mod exports;
mod live;
mod picker;
mod present;
mod scenarios;
mod settings;
mod trainees;
mod uploads;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use serde::Deserialize;

use crate::app::classroom::Refused;
use crate::store::classroom::{ClassSummary, SessionOwner};
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::session::{ClientIp, Trainer, Who, classroom_off, signed_in, too_many};

#[derive(Template)]
#[template(path = "trainer_login.html")]
struct LoginPage {
    key: String,
    error: Option<String>,
    has_password: bool,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    key: Option<String>,
}

pub async fn login_form(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    Query(q): Query<LoginQuery>,
) -> Response {
    if !state.app.config.classroom {
        return classroom_off();
    }
    if matches!(&who, Some(Extension(w)) if w.owner == SessionOwner::Trainer) {
        return Redirect::to("/trainer").into_response();
    }
    render(&LoginPage {
        key: q.key.unwrap_or_default(),
        error: None,
        has_password: state.app.config.trainer_password.is_some(),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    secret: String,
}

pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    who: Option<Extension<Who>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let replacing = who.as_ref().map(|Extension(w)| w.token.as_str());
    match state
        .app
        .sign_in_trainer(&form.secret, ip, replacing)
        .await?
    {
        Ok(token) => Ok(signed_in(&token, "/trainer")),
        Err(Refused::Wait(wait)) => Ok(too_many(wait)),
        Err(Refused::Fields(errors)) => {
            let page = LoginPage {
                key: String::new(),
                error: errors.into_iter().next().map(|e| e.message),
                has_password: state.app.config.trainer_password.is_some(),
            };
            Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response())
        }
    }
}

/// The address trainees type: the one printed at start-up, else the one this page came from.
pub fn join_base(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.app.config.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost:8080");
    format!("http://{host}")
}

/// A QR code as SVG, or None if the text is too long for one.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

/// A QR code drawn with block characters, light on dark so it scans from a dark terminal.
pub fn qr_terminal(text: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[derive(Template)]
#[template(path = "trainer_home.html")]
struct HomePage {
    classes: Vec<ClassSummary>,
    join_url: String,
}

pub async fn home(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let classes = state.app.store.classes().await?;
    Ok(render(&HomePage {
        classes,
        join_url: format!("{}/join", join_base(&state, &headers)),
    }))
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    title: String,
}

pub async fn start_class(
    _t: Trainer,
    State(state): State<AppState>,
    Form(form): Form<StartForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.create_class(&form.title).await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}", class.id)).into_response())
}

/// The trainer's routes: signing in, the home page, and each part's own.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/login", get(login_form).post(login))
        .route("/trainer/logout", post(crate::web::classroom::leave))
        .route("/trainer", get(home))
        .route("/trainer/classes", post(start_class))
        .merge(class::routes())
        .merge(live::routes())
        .merge(picker::routes())
        .merge(present::routes())
        .merge(exports::routes())
        .merge(uploads::routes())
        .merge(trainees::routes())
        .merge(drills::routes())
        .merge(scenarios::routes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_render() {
        let svg = qr_svg("http://192.168.1.20:8080/join?code=K7P3QX").expect("fits");
        assert!(svg.contains("<svg"));
        let text = qr_terminal("http://192.168.1.20:8080/join").expect("fits");
        assert!(text.lines().count() > 10);
    }
}
