//! Uploading corpus files (JSONL, feeds, OPML) and exercise files from the browser, through the
//! same `app` functions as the command line's imports.

use std::path::PathBuf;

use askama::Template;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::error::Error;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

/// Largest corpus upload: a few big JSONL files, still quick to take on a laptop.
pub const CORPUS_UPLOAD_MAX: usize = 64 * 1024 * 1024;

#[derive(Template)]
#[template(path = "trainer_upload.html")]
struct UploadPage {
    corpora: Vec<String>,
    outcome: Option<Outcome>,
}

/// What an upload did, in the words the command line uses.
pub struct Outcome {
    pub title: String,
    pub ok: bool,
    pub summary: Vec<String>,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

pub async fn upload_page(
    _t: Trainer,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    upload_result(&state, None, StatusCode::OK).await
}

async fn upload_result(
    state: &AppState,
    outcome: Option<Outcome>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let corpora = state
        .app
        .store
        .corpora()
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect();
    Ok((status, render(&UploadPage { corpora, outcome })).into_response())
}

/// A file name safe to write in the upload folder, keeping the extension that says its format.
fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        "upload".into()
    } else {
        cleaned.chars().take(100).collect()
    }
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> Error {
    Error::invalid(format!(
        "the upload did not arrive whole ({}); files may be at most {} MB in all",
        e.body_text(),
        CORPUS_UPLOAD_MAX / (1024 * 1024)
    ))
}

/// A folder that is removed when the upload is done with, whatever happens.
struct UploadDir(PathBuf);

impl Drop for UploadDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub async fn upload_corpus(
    _t: Trainer,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let dir = UploadDir(std::env::temp_dir().join(format!(
        "sandpit-upload-{}",
        crate::store::classroom::new_token()
    )));
    std::fs::create_dir_all(&dir.0)?;
    let mut corpus = String::new();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("corpus") => corpus = field.text().await.map_err(multipart_error)?.trim().into(),
            Some("files") => {
                let name = field.file_name().map(safe_file_name).unwrap_or_default();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                if name.is_empty() || bytes.is_empty() {
                    continue;
                }
                // One folder per file keeps the trainer's file names, duplicates included.
                let folder = dir.0.join(format!("{:03}", files.len()));
                std::fs::create_dir_all(&folder)?;
                let path = folder.join(&name);
                tokio::fs::write(&path, &bytes).await?;
                files.push((path, name));
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    if let Err(e) = crate::app::validate_corpus_name(&corpus) {
        problems.push(if corpus.is_empty() {
            "Enter a corpus name, for example storm-harriet".to_string()
        } else {
            e.to_string()
        });
    }
    if files.is_empty() {
        problems.push(
            "Choose at least one file: JSONL, a feed file (RSS, Atom, JSON Feed) or OPML".into(),
        );
    }
    if !problems.is_empty() {
        let outcome = Outcome {
            title: "The corpus was not imported".into(),
            ok: false,
            summary: Vec::new(),
            problems,
            notes: Vec::new(),
        };
        return upload_result(&state, Some(outcome), StatusCode::BAD_REQUEST).await;
    }
    // The same import as `sandpit corpus import`: feed files, JSONL and OPML lists alike.
    let paths = files.iter().map(|(p, _)| p.clone()).collect();
    let s = state.app.import_paths(&corpus, paths, |_| {}).await?;
    // Problems name the upload folder's copy; the trainer knows the file by its own name.
    let rename = |text: &str| {
        files.iter().fold(text.to_string(), |t, (path, name)| {
            t.replace(&path.display().to_string(), name)
        })
    };
    problems.extend(
        s.problems
            .iter()
            .map(|p| format!("rejected: {}", rename(p))),
    );
    let notes = s
        .notes
        .iter()
        .map(|n| format!("note: {}", rename(n)))
        .collect();
    let imported = s.added + s.replaced + s.feeds_added + s.feeds_existing;
    let ok = imported > 0 || s.rejected == 0;
    let summary = vec![s.to_string()];
    let outcome = Outcome {
        title: if ok {
            format!("Imported into {corpus}")
        } else {
            format!("Nothing imported into {corpus}: every input was rejected")
        },
        ok,
        summary,
        problems,
        notes,
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    upload_result(&state, Some(outcome), status).await
}

pub async fn upload_exercises(
    _t: Trainer,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut uploads: Vec<(String, Vec<u8>)> = Vec::new();
    let mut pasted = String::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("files") => {
                let name = field.file_name().map(safe_file_name).unwrap_or_default();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                if !name.is_empty() && !bytes.is_empty() {
                    uploads.push((name, bytes.to_vec()));
                }
            }
            Some("text") => pasted = field.text().await.map_err(multipart_error)?,
            _ => {}
        }
    }
    if !pasted.trim().is_empty() {
        uploads.push(("pasted.toml".into(), pasted.into_bytes()));
    }
    let mut problems = Vec::new();
    let mut summary = Vec::new();
    if uploads.is_empty() {
        problems.push("Choose an exercise file (.toml) or paste one".to_string());
    }
    for (name, bytes) in uploads {
        match state.app.add_exercise_file(&name, bytes).await? {
            Ok(added) => summary.extend(
                added
                    .iter()
                    .map(|(id, title)| format!("{name}: added “{title}” ({id})")),
            ),
            Err(found) => problems.extend(found),
        }
    }
    let ok = problems.is_empty();
    let outcome = Outcome {
        title: if ok {
            "Exercises added".into()
        } else if summary.is_empty() {
            "No exercise was added".into()
        } else {
            "Some exercises were added".into()
        },
        ok,
        summary,
        problems,
        notes: if ok {
            vec!["Choose them for a class on the class's page.".into()]
        } else {
            Vec::new()
        },
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    upload_result(&state, Some(outcome), status).await
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/upload", get(upload_page))
        .route(
            "/trainer/upload/corpus",
            post(upload_corpus).layer(DefaultBodyLimit::max(CORPUS_UPLOAD_MAX)),
        )
        .route("/trainer/upload/exercises", post(upload_exercises))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_file_names_are_made_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            safe_file_name("C:\\Users\\me\\storm feed.xml"),
            "storm_feed.xml"
        );
        assert_eq!(safe_file_name(".hidden.jsonl"), "hidden.jsonl");
        assert_eq!(safe_file_name(""), "upload");
    }
}
