//! What the player's drill page shows, gathered from `app::drills::play` for the templates:
//! the stream with the organisation's responses in it, the inbox, trends with their chart, the
//! saved searches with their alerts, and the publish form with its check.

use askama::Template;

use super::trends::TrendsFragment;
use crate::app::drills::play::{
    self, Answerable, DraftCheck, InboxItem, PostView, Publish, ResponseView,
};
use crate::app::drills::{Drill, DrillState};
use crate::app::{App, Learner};
use crate::catalog::scenarios::{Channel, Deliverable};
use crate::compose::Platform;
use crate::error::Result;

/// How many items of the stream the page shows (the events add to them).
pub const PAGE_ITEMS: usize = 60;

/// One item of the stream: a post of the simulated channels, or one of the organisation's
/// published responses.
#[derive(Debug, Clone)]
pub struct StreamItem {
    pub at_s: u32,
    pub post: Option<PostView>,
    pub response: Option<ResponseView>,
}

/// The stream items as the events send them: the same markup as the page.
#[derive(Template)]
#[template(path = "drill_items.html")]
pub struct ItemsFragment<'a> {
    pub items: &'a [StreamItem],
}

#[derive(Template)]
#[template(path = "drill_inbox_items.html")]
pub struct InboxFragment<'a> {
    pub inbox: &'a [InboxItem],
}

/// Posts and responses merged, newest first.
pub fn merge(posts: Vec<PostView>, responses: Vec<ResponseView>) -> Vec<StreamItem> {
    let mut items: Vec<StreamItem> = posts
        .into_iter()
        .map(|p| StreamItem {
            at_s: p.at_s,
            post: Some(p),
            response: None,
        })
        .chain(responses.into_iter().map(|r| StreamItem {
            at_s: (r.at_ms / 1000) as u32,
            post: None,
            response: Some(r),
        }))
        .collect();
    // Stable: at the same second a response (listed after) stays below the posts before it.
    items.sort_by_key(|i| std::cmp::Reverse(i.at_s));
    items
}

/// The released posts with these ids, in this order (a search's hits).
pub fn posts_by_id(drill: &Drill, ids: &[&str]) -> Vec<StreamItem> {
    let released = drill.released();
    ids.iter()
        .filter_map(|id| released.iter().find(|r| r.id == *id))
        .map(|r| StreamItem {
            at_s: r.at.0,
            post: Some(play::post_view(drill, r)),
            response: None,
        })
        .collect()
}

/// A saved search as the page lists it.
pub struct SavedView {
    pub id: String,
    pub name: String,
    pub query: String,
    pub rule: String,
    pub matches: usize,
    /// When each alert fired, newest first: (`T+00:31`, the count then).
    pub fired: Vec<(String, u32)>,
}

#[derive(Template)]
#[template(path = "drill.html")]
pub struct DrillPage {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub state: &'static str,
    pub running: bool,
    pub open: bool,
    pub at: String,
    pub end: String,
    pub simulated: String,
    pub speed: String,
    pub next_inject: String,
    /// The self-learner's own drill: the clock's controls are shown.
    pub own: bool,
    pub speeds: Vec<String>,
    pub channel: String,
    pub channels: Vec<(&'static str, &'static str)>,
    pub items: Vec<StreamItem>,
    pub released: usize,
    pub inbox: Vec<InboxItem>,
    pub cursor: String,
    /// The trends section, as the events also send it (`TrendsFragment`).
    pub trends: String,
    pub saved: Vec<SavedView>,
    pub answerable: Vec<Answerable>,
    pub deliverables: Vec<&'static str>,
    pub platforms: Vec<(&'static str, &'static str)>,
    pub form: Publish,
    pub error: Option<String>,
    pub check: Option<DraftCheck>,
    pub published: Option<ResponseView>,
    pub submission: String,
}

impl DrillPage {
    pub async fn build(
        app: &App,
        drill: &Drill,
        who: &Learner,
        channel: Option<Channel>,
    ) -> Result<DrillPage> {
        let at = drill.at();
        let responses = app.drill_response_views(drill).await?;
        let cursor = play::Cursor {
            ms: drill.at_ms(),
            responses: responses.len(),
        };
        let shown: Vec<ResponseView> = responses.iter().rev().take(PAGE_ITEMS).cloned().collect();
        let items = merge(
            play::posts_between(drill, None, at, channel, PAGE_ITEMS),
            shown,
        );
        let saved = app
            .drill_alerts(drill, who)
            .await?
            .into_iter()
            .map(|s| SavedView {
                id: s.search.id.clone(),
                name: s.search.name.clone(),
                query: s.search.query.clone(),
                rule: s.rule_words.clone(),
                matches: s.matches,
                fired: s
                    .firings
                    .iter()
                    .rev()
                    .map(|f| (crate::catalog::scenarios::Offset(f.at).to_string(), f.count))
                    .collect(),
            })
            .collect();
        let state = drill.state();
        Ok(DrillPage {
            id: drill.id.clone(),
            title: drill.title.clone(),
            summary: drill.scenario().summary.clone(),
            state: state.words(),
            running: state == DrillState::Running,
            open: matches!(state, DrillState::Running | DrillState::Paused),
            at: at.to_string(),
            end: drill.scenario().end().to_string(),
            simulated: drill.simulated(at).format("%a %-d %b %Y %H:%M").to_string(),
            speed: format!("{}", drill.clock.speed),
            next_inject: drill
                .next_inject()
                .map(|i| i.at.to_string())
                .unwrap_or_default(),
            own: drill.class_id.is_none() && who.id == Learner::local().id,
            speeds: crate::app::drills::clock::OFFERED_SPEEDS
                .iter()
                .map(|s| format!("{s}"))
                .collect(),
            channel: channel.map(|c| c.id()).unwrap_or("").to_string(),
            channels: Channel::ALL
                .iter()
                .map(|c| (c.id(), play::channel_name(*c)))
                .collect(),
            released: drill.released().len(),
            inbox: play::inbox_between(drill, None, at),
            cursor: cursor.id(),
            trends: TrendsFragment::at(drill, at).html()?,
            saved,
            answerable: play::answerable(drill),
            deliverables: Deliverable::ALL.iter().map(|d| d.id()).collect(),
            platforms: Platform::ALL.iter().map(|p| (p.id(), p.name())).collect(),
            form: Publish {
                deliverable: "post".into(),
                platform: "x".into(),
                ..Publish::default()
            },
            error: None,
            check: None,
            published: None,
            submission: crate::app::submission_key(),
            items,
        })
    }

    /// The form sent back, with its check (or the reason it was refused).
    pub fn keep_form(&mut self, form: &Publish, error: Option<String>) {
        self.form = form.clone();
        if !form.submission.trim().is_empty() {
            self.submission = form.submission.trim().to_string();
        }
        let platform = form.platform.trim().parse::<Platform>().ok();
        self.check = play::check_draft(form.text.trim(), platform).ok();
        self.error = error;
    }

    /// After publishing: the response as it went out, with the composer's check of it.
    pub fn show_published(&mut self, id: &str) -> Result<()> {
        let found = self
            .items
            .iter()
            .filter_map(|i| i.response.as_ref())
            .find(|r| r.id == id)
            .cloned();
        if let Some(r) = found {
            let platform = self
                .platforms
                .iter()
                .find(|(_, name)| Some(*name) == r.platform.as_deref())
                .and_then(|(pid, _)| pid.parse::<Platform>().ok());
            self.check = play::check_draft(&r.text, platform).ok();
            self.published = Some(r);
        }
        Ok(())
    }

    fn is_channel(&self, c: &str) -> bool {
        self.channel == c
    }

    fn is_selected(&self, field: &str, value: &str) -> bool {
        match field {
            "inject" => self.form.inject == value,
            "deliverable" => self.form.deliverable == value,
            "platform" => self.form.platform == value,
            _ => false,
        }
    }
}
