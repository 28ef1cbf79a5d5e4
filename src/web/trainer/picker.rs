//! Choosing a class's exercises: every exercise with a one-line summary (level, kind, what it
//! teaches), filters by level, kind and words, and Save at the top. The filters are the same
//! form sent with GET, so ticks not saved yet travel with them and are not lost; exercises the
//! filter hides stay chosen (hidden fields), so saving a filtered list keeps them.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::actions::chosen_order;
use super::class::items;
use crate::catalog::exercises::Exercise;
use crate::store::classroom::Class;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::pages::urlencode;
use crate::web::session::Trainer;
use crate::web::text::{capitalised, plural};

/// The filters, as typed.
#[derive(Default)]
struct Filters {
    level: String,
    kind: String,
    q: String,
}

impl Filters {
    fn from(form: &[(String, String)]) -> Self {
        let get = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        Filters {
            level: get("level"),
            kind: get("kind"),
            q: get("q"),
        }
    }

    fn shows(&self, ex: &Exercise) -> bool {
        let words = self.q.to_lowercase();
        (self.level.is_empty() || ex.level.name() == self.level)
            && (self.kind.is_empty() || ex.kind.name() == self.kind)
            && (words.is_empty()
                || [&ex.title, &ex.id, &ex.summary, &ex.teaches.join(" ")]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&words)))
    }

    /// The filters as a query string, to come back to the same view after saving.
    fn query(&self) -> String {
        format!(
            "level={}&kind={}&q={}",
            urlencode(&self.level),
            urlencode(&self.kind),
            urlencode(&self.q)
        )
    }

    fn any(&self) -> bool {
        !(self.level.is_empty() && self.kind.is_empty() && self.q.is_empty())
    }
}

/// An exercise on the picker: its place if chosen, and whether the filters show it.
struct Choice {
    ex: Exercise,
    position: Option<usize>,
    shown: bool,
}

impl Choice {
    fn summary(&self) -> String {
        let mut line = format!(
            "{} · {}",
            capitalised(self.ex.level.name()),
            self.ex.kind.name()
        );
        if !self.ex.teaches.is_empty() {
            line.push_str(" · teaches ");
            line.push_str(&self.ex.teaches.join(", "));
        }
        line
    }
}

#[derive(Template)]
#[template(path = "trainer_picker.html")]
struct PickerPage {
    class: Class,
    choices: Vec<Choice>,
    filters: Filters,
    levels: [&'static str; 3],
    kinds: [&'static str; 3],
    /// What the status line says: saved, or ticks not saved yet.
    status: String,
    saved: bool,
    hidden_chosen: usize,
    shown: usize,
}

pub async fn picker_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(form): Query<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let catalog = state.app.catalog();
    let filters = Filters::from(&form);
    // `picked=1`: the ticks come from the form (a filter pressed before saving), not the class.
    let picked = form.iter().any(|(k, v)| k == "picked" && v == "1");
    let saved_items = items(&state, &class).await?;
    let chosen: HashMap<String, usize> = if picked {
        let order: Vec<String> = catalog.exercises.iter().map(|e| e.id.clone()).collect();
        chosen_order(&form, &order)?
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, i + 1))
            .collect()
    } else {
        saved_items
            .iter()
            .map(|i| (i.ex.id.clone(), i.number))
            .collect()
    };
    let choices: Vec<Choice> = catalog
        .exercises
        .iter()
        .map(|e| Choice {
            position: chosen.get(&e.id).copied(),
            shown: filters.shows(e),
            ex: e.clone(),
        })
        .collect();
    let count = |n: usize| plural(n as i64, "exercise", "exercises");
    let saved = form.iter().any(|(k, v)| k == "done" && v == "saved");
    let status = if picked {
        format!(
            "Not saved yet: {} ticked. Save to give them to the class.",
            count(chosen.len())
        )
    } else if saved {
        format!("Saved: {} in the class.", count(saved_items.len()))
    } else {
        format!("{} in the class.", count(saved_items.len()))
    };
    let page = PickerPage {
        hidden_chosen: choices
            .iter()
            .filter(|c| !c.shown && c.position.is_some())
            .count(),
        shown: choices.iter().filter(|c| c.shown).count(),
        class,
        choices,
        filters,
        levels: ["beginner", "intermediate", "advanced"],
        kinds: ["monitor", "rewrite", "triage"],
        status,
        saved,
    };
    Ok(render(&page))
}

pub async fn set_exercises(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let catalog: Vec<String> = state
        .app
        .catalog()
        .exercises
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let ids = chosen_order(&form, &catalog)?;
    state.app.store.set_class_exercises(&class.id, &ids).await?;
    let filters = Filters::from(&form);
    let back = if filters.any() {
        format!("&{}", filters.query())
    } else {
        String::new()
    };
    Ok(Redirect::to(&format!(
        "/trainer/classes/{}/exercises?done=saved{back}",
        class.id
    ))
    .into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/trainer/classes/{class}/exercises",
        get(picker_page).post(set_exercises),
    )
}
