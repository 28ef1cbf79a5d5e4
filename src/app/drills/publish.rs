//! Publishing a response in a drill (docs/design.md, "Drills"): the form read and checked as
//! the composer checks a draft, stored once per form, and shown in the stream as the
//! organisation's account.

use serde::Serialize;

use super::play::{MAX_RESPONSE_CHARS, answerable};
use super::{Drill, DrillState};
use crate::app::{App, Learner};
use crate::catalog::scenarios::{Content, Deliverable, Offset};
use crate::compose::{self, Count, Finding, Platform};
use crate::error::{Error, Result};
use crate::store::drill_work::{DrillResponse, NewResponse};

/// A published response as the stream shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ResponseView {
    pub id: String,
    pub at: String,
    pub at_ms: i64,
    pub author: String,
    pub deliverable: String,
    pub platform: Option<String>,
    pub text: String,
    /// The inject it answers, with its kind.
    pub answers: Option<String>,
    /// Answers a media enquiry after its deadline.
    pub late: bool,
}

pub fn response_view(drill: &Drill, r: &DrillResponse) -> ResponseView {
    let at = Offset((r.drill_ms / 1000).max(0) as u32);
    let inject = r
        .inject_id
        .as_deref()
        .and_then(|id| drill.scenario().inject(id));
    let late = inject.is_some_and(|i| match &i.content {
        Content::MediaEnquiry(e) => at.0 > e.deadline.0,
        _ => false,
    });
    ResponseView {
        id: r.id.clone(),
        at: at.to_string(),
        at_ms: r.drill_ms,
        author: r.author_name.clone(),
        deliverable: r.deliverable.clone(),
        platform: r
            .platform
            .as_deref()
            .and_then(|p| p.parse::<Platform>().ok())
            .map(|p| p.name().to_string()),
        text: r.text.clone(),
        answers: inject.map(|i| format!("{} {} at {}", i.content.kind(), i.id, i.at)),
        late,
    }
}

/// What the composer says about a draft: the counts on its platform and the rule packs'
/// findings.
#[derive(Debug, Clone)]
pub struct DraftCheck {
    pub counts: Vec<Count>,
    pub findings: Vec<Finding>,
}

impl DraftCheck {
    pub fn valid(&self) -> bool {
        self.counts.iter().all(|c| c.valid)
    }
}

/// Checks a draft as the composer does, with the built-in packs.
pub fn check_draft(text: &str, platform: Option<Platform>) -> Result<DraftCheck> {
    let check = compose::check_with_builtin_packs(text, platform.as_slice())
        .map_err(|e| Error::internal(anyhow::anyhow!("{e}")))?;
    Ok(DraftCheck {
        counts: check.counts,
        findings: check.findings,
    })
}

/// A response as the publish form sends it.
#[derive(Debug, Clone, Default)]
pub struct Publish {
    pub inject: String,
    pub deliverable: String,
    pub platform: String,
    pub text: String,
    pub submission: String,
}

/// A publish form read and checked, ready to store (or show again with its check).
#[derive(Debug, Clone)]
pub struct CheckedResponse {
    pub inject: Option<String>,
    pub deliverable: Deliverable,
    pub platform: Option<Platform>,
    pub text: String,
    pub check: DraftCheck,
}

/// Reads a publish form against the drill: every problem is an error that names the field.
pub fn check_response(drill: &Drill, form: &Publish) -> Result<CheckedResponse> {
    let deliverable = Deliverable::parse(form.deliverable.trim()).ok_or_else(|| {
        let kinds: Vec<&str> = Deliverable::ALL.iter().map(|d| d.id()).collect();
        Error::invalid(format!(
            "Kind: {:?} is not a kind of response; choose one of {}",
            form.deliverable,
            kinds.join(", ")
        ))
    })?;
    let inject = match form.inject.trim() {
        "" | "none" => None,
        id => {
            if !answerable(drill).iter().any(|a| a.id == id) {
                return Err(Error::invalid(format!(
                    "Answers: {id:?} is not an inject of this drill released so far that asks for an answer"
                )));
            }
            Some(id.to_string())
        }
    };
    let platform = match form.platform.trim() {
        "" | "none" => None,
        p => Some(p.parse::<Platform>().map_err(|_| {
            let known: Vec<&str> = Platform::ALL.iter().map(|p| p.id()).collect();
            Error::invalid(format!(
                "Platform: {p:?} is not a platform Sandpit counts for; choose one of {}",
                known.join(", ")
            ))
        })?),
    };
    if matches!(deliverable, Deliverable::Post | Deliverable::Reply) && platform.is_none() {
        return Err(Error::invalid(
            "Platform: a post or a reply goes out on a platform; choose one",
        ));
    }
    let text = form.text.trim().replace("\r\n", "\n");
    if text.is_empty() && deliverable != Deliverable::Nothing {
        return Err(Error::invalid(
            "Text: write the response (only \"nothing\" may be sent without text)",
        ));
    }
    let chars = text.chars().count();
    if chars > MAX_RESPONSE_CHARS {
        return Err(Error::invalid(format!(
            "Text: the response is {chars} characters; a drill takes up to {MAX_RESPONSE_CHARS}"
        )));
    }
    let check = check_draft(&text, platform)?;
    Ok(CheckedResponse {
        inject,
        deliverable,
        platform,
        text,
        check,
    })
}

impl App {
    /// The drill's published responses, as the stream shows them, in publishing order.
    pub async fn drill_response_views(&self, drill: &Drill) -> Result<Vec<ResponseView>> {
        Ok(self
            .store
            .drill_responses(&drill.id, None)
            .await?
            .iter()
            .map(|r| response_view(drill, r))
            .collect())
    }

    /// Publishes a player's response to the simulated timeline as the organisation's account;
    /// returns its id and whether it is new (a form sent twice publishes once).
    pub async fn publish_drill_response_as(
        &self,
        drill: &Drill,
        who: &Learner,
        form: &Publish,
    ) -> Result<(String, bool)> {
        match drill.state() {
            DrillState::Ready => {
                return Err(Error::invalid(
                    "The drill has not started yet: responses open when the clock runs.",
                ));
            }
            DrillState::Ended => {
                return Err(Error::invalid(
                    "The drill has ended: nothing more can be published.",
                ));
            }
            _ => {}
        }
        let checked = check_response(drill, form)?;
        if !checked.check.valid() {
            let notes: Vec<String> = checked
                .check
                .counts
                .iter()
                .filter(|c| !c.valid)
                .map(|c| {
                    format!(
                        "{} {} of {} on {}",
                        c.length,
                        c.unit,
                        c.limit,
                        c.platform.name()
                    )
                })
                .collect();
            return Err(Error::invalid(format!(
                "Text: the platform would not take this post ({}); shorten it",
                notes.join("; ")
            )));
        }
        let key = form.submission.trim();
        if key.len() > 100 {
            return Err(Error::invalid("the form's key is too long"));
        }
        self.store
            .publish_drill_response(&NewResponse {
                drill_id: &drill.id,
                learner: &who.id,
                author_name: &who.name,
                inject_id: checked.inject.as_deref(),
                deliverable: checked.deliverable.id(),
                platform: checked.platform.map(|p| p.id()),
                text: &checked.text,
                drill_ms: drill.at_ms(),
                published_at: drill.read_at,
                submission: (!key.is_empty()).then_some(key),
            })
            .await
    }
}
