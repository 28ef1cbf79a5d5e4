//! Drafts: reading an answer out of an exercise's form, keeping the learner's words when a
//! submission is refused or when they open a hint or the model answer, and giving them back on
//! the exercise page. No draft is lost to a refusal: whatever the form held that can be read is
//! kept, and the reason is a message beside it rather than an error page in its place.

use std::collections::{BTreeMap, HashMap};

use super::{Answer, App, Learner};
use crate::catalog::exercises::{Exercise, Kind, Label, Sorting, Task, Triage, TriageItem};
use crate::error::{Error, Result};

/// The longest answer taken, in characters. The answer box of the page says the same
/// (`maxlength`), so a browser never sends more; the body limit of the server (2 MiB) is above
/// the worst case of that many characters, percent-encoded.
pub const ANSWER_MAX: usize = 100_000;

/// An answer read from a form, and what is wrong with it (if anything).
#[derive(Debug)]
pub struct FormAnswer {
    /// Everything that could be read, to give back in the box.
    pub answer: Answer,
    /// Why it cannot be submitted as it is.
    pub problem: Option<Error>,
}

/// Reads the answer of an exercise's form from its fields (name, value), leniently: unknown
/// fields are ignored, a label that is not a triage label is left out (and named in the
/// problem), and text is taken as it came.
pub fn read_form(ex: &Exercise, fields: &[(String, String)]) -> FormAnswer {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    match &ex.task {
        Task::Triage(t) => {
            let mut sorting = Sorting::default();
            let mut problem = None;
            let mut routes = HashMap::new();
            for (key, value) in fields {
                if let Some(doc) = key.strip_prefix("label:")
                    && t.items.iter().any(|i| i.id == doc)
                {
                    match Label::parse(value) {
                        Some(label) => {
                            sorting.labels.insert(doc.to_string(), label);
                        }
                        None => {
                            problem.get_or_insert_with(|| {
                                Error::invalid(format!(
                                    "{value:?} is not a triage label: choose one of the three \
                                     answers for each post."
                                ))
                            });
                        }
                    }
                } else if let Some(doc) = key.strip_prefix("route:")
                    && t.items.iter().any(|i| i.id == doc)
                    && !value.is_empty()
                {
                    if t.routes.contains(value) {
                        routes.insert(doc.to_string(), value.clone());
                    } else {
                        problem.get_or_insert_with(|| {
                            Error::invalid(format!(
                                "{value:?} is not one of the people escalations go to here: \
                                 choose one of {}.",
                                t.routes.join(", ")
                            ))
                        });
                    }
                }
            }
            // a route counts only for a post escalated; the others' choice is kept off
            sorting.routes = routes
                .into_iter()
                .filter(|(id, _)| sorting.labels.get(id) == Some(&Label::Escalate))
                .collect();
            let unsorted = sorting.unsorted(t);
            let partial_ok = field(PARTIAL_FIELD).as_deref() == Some("count");
            if problem.is_none() && !unsorted.is_empty() && !partial_ok {
                problem = Some(Error::invalid(unsorted_message(t, &unsorted)));
            }
            FormAnswer {
                answer: Answer::Labels(sorting),
                problem,
            }
        }
        // One box a platform, named `post:<platform>`. A blank box is a missing post: it is
        // taken (the feedback says which post is missing), unless every box is blank.
        Task::Rewrite(r) if fields.iter().any(|(k, _)| k.starts_with("post:")) => {
            let posts: BTreeMap<String, String> = r
                .platforms
                .iter()
                .map(|p| {
                    let text = field(&format!("post:{p}")).unwrap_or_default();
                    (p.clone(), text.replace("\r\n", "\n"))
                })
                .collect();
            let problem = if posts.values().all(|t| t.trim().is_empty()) {
                Some(Error::invalid(if posts.len() > 1 {
                    "Write your posts before you submit: one for each platform."
                } else {
                    "Write your post before you submit."
                }))
            } else if let Some((p, t)) = posts.iter().find(|(_, t)| t.chars().count() > ANSWER_MAX)
            {
                Some(Error::invalid(format!(
                    "Your {p} post is too long: {} characters, and the most is 100,000. \
                     Shorten it and submit again.",
                    t.chars().count()
                )))
            } else {
                None
            };
            FormAnswer {
                answer: Answer::Posts { posts },
                problem,
            }
        }
        _ => {
            let text = field("answer").unwrap_or_default();
            let problem = if text.trim().is_empty() {
                Some(Error::invalid(match ex.kind {
                    Kind::Monitor => "Write a query before you submit.",
                    _ => "Write your post before you submit.",
                }))
            } else if text.chars().count() > ANSWER_MAX {
                Some(Error::invalid(format!(
                    "That answer is too long: {} characters, and the most is 100,000. \
                     Shorten it and submit again.",
                    text.chars().count()
                )))
            } else {
                None
            };
            let answer = match &ex.task {
                Task::Rewrite(r) => Answer::Post {
                    platform: field("platform")
                        .filter(|p| r.platforms.contains(p))
                        .or_else(|| r.platforms.first().cloned()),
                    text,
                },
                _ => Answer::Text(text),
            };
            FormAnswer { answer, problem }
        }
    }
}

/// The field a triage form sends to have an answer with unsorted posts marked as it stands
/// (value `count`); without it, the page asks again and lists the posts left.
pub const PARTIAL_FIELD: &str = "partial";

/// What the page says when posts are left unsorted: which ones, by their place in the inbox,
/// and what happens if the trainee goes on.
pub fn unsorted_message(t: &Triage, unsorted: &[&TriageItem]) -> String {
    let place = |item: &TriageItem| {
        let n = t.items.iter().position(|i| i.id == item.id).unwrap_or(0) + 1;
        format!("post {n} ({})", item.id)
    };
    let names: Vec<String> = unsorted.iter().take(12).map(|i| place(i)).collect();
    let more = unsorted.len().saturating_sub(names.len());
    format!(
        "{} of {} posts are not sorted yet: {}{}. Sort them and submit again, or choose \
         “Mark it as it stands”: posts left unsorted count as wrong, and an unsorted post that \
         needed escalating is a missed escalation.",
        unsorted.len(),
        t.items.len(),
        names.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

/// True when the answer holds nothing worth keeping.
pub fn is_empty(answer: &Answer) -> bool {
    match answer {
        Answer::Text(t) | Answer::Post { text: t, .. } => t.trim().is_empty(),
        Answer::Posts { posts } => posts.values().all(|t| t.trim().is_empty()),
        Answer::Labels(l) => l.is_empty(),
    }
}

impl App {
    /// Keeps what the learner typed as their draft of the exercise. An empty answer, or the
    /// latest attempt's own, forgets it, so the box shows the latest attempt again. Nothing is
    /// kept for an exercise outside the learner's class.
    pub async fn keep_draft(
        &self,
        learner: &Learner,
        exercise_id: &str,
        answer: &Answer,
    ) -> Result<()> {
        // An exercise outside the learner's class takes no attempts: nothing to keep a draft for.
        if self
            .in_class(learner, exercise_id)
            .await?
            .is_some_and(|c| !c.chosen)
        {
            return Ok(());
        }
        let stored = answer.stored();
        // The box already shows the latest attempt's answer when no draft is kept: the same
        // words again are not a draft, and keeping them would label them "not sent yet".
        let latest = self
            .store
            .attempts(&learner.id, Some(exercise_id))
            .await?
            .pop()
            .map(|a| a.answer);
        if is_empty(answer) || latest.as_deref() == Some(stored.as_str()) {
            return self.store.clear_draft(&learner.id, exercise_id).await;
        }
        self.store
            .save_draft(&learner.id, exercise_id, &stored)
            .await
    }

    /// The learner's kept draft of the exercise, unless an attempt made since holds their words
    /// (`latest`: when the latest attempt was made). Submitting does not clear the draft: that
    /// would add a write to every submission, the busiest request of a class.
    pub async fn draft(
        &self,
        learner: &Learner,
        exercise: &Exercise,
        latest: Option<&str>,
    ) -> Result<Option<Answer>> {
        Ok(self
            .store
            .draft(&learner.id, &exercise.id)
            .await?
            // Both times are UTC in the same format, so they compare as text.
            .filter(|(_, kept_at)| latest.is_none_or(|made| kept_at.as_str() > made))
            .map(|(stored, _)| Answer::from_stored(exercise, &stored)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::shipped;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn exercise(kind: Kind) -> Exercise {
        shipped()
            .exercises
            .iter()
            .find(|e| e.kind == kind)
            .cloned()
            .expect("a shipped exercise of each kind")
    }

    #[test]
    fn text_answers_keep_their_words_whatever_is_wrong() {
        let ex = exercise(Kind::Monitor);
        let ok = read_form(&ex, &fields(&[("answer", "flood OR storm")]));
        assert!(ok.problem.is_none());
        assert!(matches!(ok.answer, Answer::Text(ref t) if t == "flood OR storm"));
        let empty = read_form(&ex, &fields(&[("answer", "   ")]));
        assert!(
            empty
                .problem
                .expect("empty")
                .to_string()
                .contains("Write a query")
        );
        let missing = read_form(&ex, &[]);
        assert!(missing.problem.is_some() && is_empty(&missing.answer));
        let long = "é".repeat(ANSWER_MAX + 1);
        let too_long = read_form(&ex, &fields(&[("answer", &long)]));
        assert!(
            too_long
                .problem
                .expect("long")
                .to_string()
                .contains("too long")
        );
        assert!(
            matches!(too_long.answer, Answer::Text(ref t) if *t == long),
            "kept whole"
        );
        // The limit counts characters, not bytes: 100,000 accented letters are taken.
        let most = "é".repeat(ANSWER_MAX);
        assert!(
            read_form(&ex, &fields(&[("answer", &most)]))
                .problem
                .is_none()
        );
    }

    #[test]
    fn posts_keep_their_platform_and_triage_keeps_good_labels() {
        let ex = exercise(Kind::Rewrite);
        let Task::Rewrite(r) = &ex.task else {
            panic!("rewrite")
        };
        let read = read_form(
            &ex,
            &fields(&[("platform", "no-such-platform"), ("answer", "Roads closed")]),
        );
        assert!(
            matches!(read.answer, Answer::Post { ref platform, ref text }
            if text == "Roads closed" && platform.as_ref() == r.platforms.first())
        );

        // The form of one box a platform: every platform keeps its post, a blank one included.
        let mut form = vec![("post:no-such-platform".to_string(), "ignored".to_string())];
        for (i, p) in r.platforms.iter().enumerate() {
            form.push((
                format!("post:{p}"),
                if i == 0 {
                    "Roads\r\nclosed".into()
                } else {
                    String::new()
                },
            ));
        }
        let read = read_form(&ex, &form);
        assert!(
            read.problem.is_none(),
            "a missing post is graded, not refused"
        );
        let Answer::Posts { posts } = &read.answer else {
            panic!("posts")
        };
        assert_eq!(posts.len(), r.platforms.len());
        assert_eq!(posts[&r.platforms[0]], "Roads\nclosed");
        // Stored and read back as it was sent.
        let back = Answer::from_stored(&ex, &read.answer.stored());
        assert!(matches!(back, Answer::Posts { posts: ref b } if b == posts));
        let blank: Vec<(String, String)> = r
            .platforms
            .iter()
            .map(|p| (format!("post:{p}"), " ".to_string()))
            .collect();
        let read = read_form(&ex, &blank);
        assert!(read.problem.is_some() && is_empty(&read.answer));

        let ex = exercise(Kind::Triage);
        let Task::Triage(t) = &ex.task else {
            panic!("triage")
        };
        let first = format!("label:{}", t.items[0].id);
        let second = format!("label:{}", t.items[1].id);
        let read = read_form(
            &ex,
            &fields(&[
                (&first, "escalate"),
                (&second, "maybe"),
                ("label:not-an-item", "relevant"),
            ]),
        );
        assert!(
            read.problem
                .expect("bad label")
                .to_string()
                .contains("\"maybe\"")
        );
        let Answer::Labels(labels) = read.answer else {
            panic!("labels")
        };
        assert_eq!(
            labels.labels.len(),
            1,
            "the good label is kept, the others left out"
        );
    }

    #[test]
    fn triage_asks_again_for_unsorted_posts_and_keeps_routes_of_escalations() {
        let ex = exercise(Kind::Triage);
        let Task::Triage(t) = &ex.task else {
            panic!("triage")
        };
        assert!(!t.routes.is_empty(), "shipped triage exercises name routes");
        let first = &t.items[0];
        let label = format!("label:{}", first.id);
        let route = format!("route:{}", first.id);
        let read = read_form(
            &ex,
            &fields(&[(&label, "escalate"), (&route, t.routes[0].as_str())]),
        );
        let message = read.problem.expect("unsorted posts").to_string();
        assert!(
            message.contains(&format!(
                "{} of {} posts are not sorted yet",
                t.items.len() - 1,
                t.items.len()
            )),
            "{message}"
        );
        assert!(
            message.contains(&format!("post 2 ({})", t.items[1].id)),
            "{message}"
        );
        let Answer::Labels(sorting) = &read.answer else {
            panic!("labels")
        };
        assert_eq!(sorting.routes.get(&first.id), Some(&t.routes[0]));
        // asked to mark it as it stands, the same answer goes through
        let read = read_form(
            &ex,
            &fields(&[
                (&label, "relevant"),
                (&route, t.routes[0].as_str()),
                (PARTIAL_FIELD, "count"),
            ]),
        );
        assert!(read.problem.is_none());
        let Answer::Labels(sorting) = &read.answer else {
            panic!("labels")
        };
        assert!(
            sorting.routes.is_empty(),
            "a post not escalated keeps no route"
        );
        // a route that is not one of the exercise's is refused by name
        let read = read_form(
            &ex,
            &fields(&[
                (&label, "escalate"),
                (&route, "the mayor"),
                (PARTIAL_FIELD, "count"),
            ]),
        );
        assert!(
            read.problem
                .expect("bad route")
                .to_string()
                .contains("\"the mayor\"")
        );
    }
}
