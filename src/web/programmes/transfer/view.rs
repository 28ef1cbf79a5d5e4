//! What the own-topic page shows, for the learner, a peer and the trainer alike: the figures in
//! plain words, the draft's check, the comments.

use askama::Template;

use crate::app::App;
use crate::app::transfer::own_topic::{
    Access, SAMPLE_SIZE, SampleDoc, TopicFigures, draft_platforms,
};
use crate::compose::Platform;
use crate::error::Result;
use crate::grade::estimate::Share;
use crate::store::transfer::{OwnTopic, TopicComment};
use crate::web::compose::view::{ResultView, result_view};

pub struct PlatformBox {
    pub id: &'static str,
    pub name: &'static str,
    pub checked: bool,
}

/// Values typed into a form that was refused, to show again.
#[derive(Default, Clone)]
pub struct Typed {
    pub feed_url: String,
    pub posts: String,
    pub query: Option<String>,
    pub announcement: Option<String>,
    pub date: Option<String>,
    pub draft: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "own_topic.html")]
pub struct TopicPage {
    pub topic: OwnTopic,
    /// `/programme/own-topic/ID` or the trainer's address of the same topic.
    pub base: String,
    pub back: (String, String),
    pub owner: bool,
    pub trainer: bool,
    pub sees_documents: bool,
    pub learner_name: String,
    pub documents: usize,
    pub query_error: Option<String>,
    pub figures: Vec<String>,
    pub unlabelled: usize,
    pub sample_size: usize,
    pub labelled_docs: Vec<(SampleDoc, bool)>,
    pub platforms: Vec<PlatformBox>,
    pub check: Option<ResultView>,
    pub comments: Vec<TopicComment>,
    pub error: Option<(String, String)>,
    pub notice: Option<String>,
    pub typed: Typed,
}

impl TopicPage {
    pub fn query_value(&self) -> &str {
        self.typed.query.as_deref().unwrap_or(&self.topic.query)
    }
    pub fn announcement_value(&self) -> &str {
        self.typed
            .announcement
            .as_deref()
            .unwrap_or(&self.topic.announcement)
    }
    pub fn date_value(&self) -> &str {
        self.typed
            .date
            .as_deref()
            .unwrap_or(&self.topic.announcement_date)
    }
    pub fn draft_value(&self) -> &str {
        self.typed.draft.as_deref().unwrap_or(&self.topic.draft)
    }
    /// The error of the form whose field is `field`, if that form was refused.
    pub fn error_at(&self, field: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn role_of(&self, c: &TopicComment) -> &'static str {
        match c.author_role.as_str() {
            "trainer" => "trainer",
            "peer" => "peer reviewer",
            _ => "the learner",
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn count(x: f64) -> String {
    format!("{:.0}", x.round())
}

fn share_words(s: &Share) -> String {
    if s.exact {
        format!("exactly {}", pct(s.estimate))
    } else {
        format!(
            "about {} (likely between {} and {})",
            pct(s.estimate),
            pct(s.low),
            pct(s.high)
        )
    }
}

/// The figures in plain words, one sentence each.
pub fn figure_lines(f: &TopicFigures) -> Vec<String> {
    let Some(e) = &f.estimates else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "Your query finds {} of the {} documents; {} {} outside its results.",
        e.results,
        f.documents,
        e.outside,
        if e.outside == 1 { "is" } else { "are" }
    )];
    match &e.precision {
        Some(p) if p.exact => lines.push(format!(
            "Precision: of the {} results you labelled, {} are relevant. That is every result, so precision is exactly {}.",
            p.labelled,
            p.hits,
            pct(p.estimate)
        )),
        Some(p) => lines.push(format!(
            "Precision: of the {} results you labelled, {} are relevant, so {} of the query's results are relevant.",
            p.labelled,
            p.hits,
            share_words(p)
        )),
        None if e.results == 0 => lines.push(
            "Precision: the query finds nothing yet, so there is nothing to measure.".into(),
        ),
        None => lines.push("Precision: label some of the sampled results to see it.".into()),
    }
    match (&e.missed_share, e.missed) {
        (Some(s), Some(_)) if s.exact && s.population == 0 => {
            lines.push("Misses: the query finds every document, so it misses none.".into());
        }
        (Some(s), Some((m, _, _))) if s.exact => lines.push(format!(
            "Misses: you labelled all {} documents outside the results, and {} are relevant: the query misses exactly {} relevant documents.",
            s.labelled,
            s.hits,
            count(m)
        )),
        (Some(s), Some((m, lo, hi))) => lines.push(format!(
            "Misses: of the {} documents outside the results you labelled, {} are relevant. Scaled up to the {} documents outside, the query misses about {} (likely between {} and {}) relevant documents.",
            s.labelled,
            s.hits,
            e.outside,
            count(m),
            count(lo),
            count(hi)
        )),
        _ => lines.push(
            "Misses: label some of the sampled documents outside the results to see what the query misses.".into(),
        ),
    }
    match e.recall {
        Some((r, lo, hi)) if (hi - lo).abs() < 1e-9 => lines.push(format!(
            "So the query finds exactly {} of the relevant documents.",
            pct(r)
        )),
        Some((r, lo, hi)) => lines.push(format!(
            "So the query finds about {} of the relevant documents (likely between {} and {}).",
            pct(r),
            pct(lo),
            pct(hi)
        )),
        None => {}
    }
    lines
}

/// Builds the topic page.
pub async fn topic_page(
    app: &App,
    topic: OwnTopic,
    access: Access,
    base: String,
    back: (String, String),
    learner_name: String,
) -> Result<TopicPage> {
    let figures = app.topic_figures(&topic).await?;
    let check = app
        .topic_draft_check(&topic)?
        .map(|d| result_view(&topic.draft, &d.check));
    let chosen = draft_platforms(&topic);
    let comments = app.topic_comments(&topic).await?;
    let labelled_docs = if access.sees_documents() {
        figures
            .inside
            .iter()
            .map(|d| (d.clone(), true))
            .chain(figures.outside.iter().map(|d| (d.clone(), false)))
            .filter(|(d, _)| d.label.is_some())
            .collect()
    } else {
        Vec::new()
    };
    Ok(TopicPage {
        figures: figure_lines(&figures),
        documents: figures.documents,
        query_error: figures.query_error,
        unlabelled: figures.unlabelled,
        sample_size: SAMPLE_SIZE,
        labelled_docs,
        platforms: Platform::ALL
            .iter()
            .map(|&p| PlatformBox {
                id: p.id(),
                name: p.name(),
                checked: chosen.contains(&p),
            })
            .collect(),
        check,
        comments,
        owner: access == Access::Owner,
        trainer: access == Access::Trainer,
        sees_documents: access.sees_documents(),
        learner_name,
        topic,
        base,
        back,
        error: None,
        notice: None,
        typed: Typed::default(),
    })
}
