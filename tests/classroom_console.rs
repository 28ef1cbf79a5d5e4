//! The trainer's console and the presenter view, over HTTP on loopback: the grid of trainees ×
//! exercises and who is stuck, releasing exercises to everyone at once, every action confirmed
//! on the page it was made on with focus given back, the exercise picker's filters, and the
//! presenter's pages, which must never carry a trainee's name.

mod support;

use support::classroom::{class_with, join, submit, trainer};
use support::{Client, Setup, start};

const MONITOR: &str = "storm-01-sandbags";
const REWRITE: &str = "storm-17-rewrite-library";
/// Names no page of the presenter may contain, in whole or in part.
const ZED: &str = "Zebedee Quinlan-Okafor";
const MARI: &str = "Marisol Threepwood";
/// A post that passes: it states every key fact of the library rewrite.
const SHARED: &str = "LIBRARYOPEN93 Port Ellis Library reopens at 9am on Saturday 14 February. \
                      Books for children are upstairs. No fines on late books. \
                      Staff can help with flood grant forms.";

/// The `role="status"` confirmation a page shows, or "" if none.
fn status(body: &str) -> String {
    body.split("role=\"status\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(_, t)| t))
        .filter_map(|t| t.split('<').next())
        .map(|t| t.trim().to_string())
        .find(|t| !t.is_empty() && !t.starts_with("Reload"))
        .unwrap_or_default()
}

/// The tag of the element that has `autofocus`, with its text up to the next tag.
fn autofocused(body: &str) -> String {
    let Some(at) = body.find(" autofocus") else {
        return String::new();
    };
    let start = body[..at].rfind('<').unwrap_or(0);
    let end = body[at..].find("</").map_or(body.len(), |e| at + e);
    body[start..end].to_string()
}

async fn post_ok(c: &mut Client, path: &str, form: &[(&str, &str)]) -> String {
    let r = c.post(path, form).await;
    assert_eq!(r.status, 303, "{path}: {}", r.body);
    r.location
}

#[tokio::test]
async fn the_grid_says_who_is_stuck() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[MONITOR, REWRITE]).await;
    let page = t.get(&format!("/trainer/classes/{class}")).await;
    assert!(page.body.contains("Nobody has joined yet"), "{}", page.body);

    let mut zed = join(&server, &code, ZED).await;
    let mut mari = join(&server, &code, MARI).await;
    // The test corpus has no storm posts, so monitoring answers here are tries without a pass;
    // the rewrite is graded.
    submit(&mut zed, REWRITE, SHARED).await;
    for answer in ["flood", "storm", "rain"] {
        submit(&mut mari, MONITOR, answer).await;
    }
    submit(&mut mari, REWRITE, "library").await;

    let page = t.get(&format!("/trainer/classes/{class}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["cache-control"], "no-store");
    let body = &page.body;
    let row = |name: &str| {
        body.split("<th scope=\"row\">")
            .find(|r| r.starts_with(name))
            .and_then(|r| r.split("</tr>").next())
            .unwrap_or_else(|| panic!("a row for {name} in {body}"))
            .to_string()
    };
    let zed_row = row(ZED);
    assert!(zed_row.contains("Passed, "), "{zed_row}");
    assert!(zed_row.contains("(1 try)"), "{zed_row}");
    assert!(zed_row.contains("Not started"), "{zed_row}");
    assert!(zed_row.contains("1 of 2"), "{zed_row}");
    assert!(!zed_row.contains("May need help"), "{zed_row}");
    let mari_row = row(MARI);
    assert!(
        mari_row.contains("<strong>Stuck:</strong> 3 tries, best"),
        "{mari_row}"
    );
    assert!(mari_row.contains("1 try, best"), "{mari_row}");
    assert!(mari_row.contains("May need help"), "{mari_row}");
    assert!(mari_row.contains("0 of 2"), "{mari_row}");
    // Said in words above the grid, with the rule.
    assert!(
        body.contains("<strong>1 of 2</strong> may need help"),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "<strong>{MARI}</strong>: Stuck on 1. Sandbags: every form of the word (3 tries without a pass)"
        )),
        "{body}"
    );
    assert!(body.contains("3 or more tries at an exercise without a pass"));
    assert!(body.contains("no attempt for 10 minutes"));
    // The room helper's page for renaming and merging trainees is linked from the console.
    assert!(body.contains(&format!("href=\"/trainer/classes/{class}/trainees\"")));
}

#[tokio::test]
async fn release_move_and_lock_are_confirmed_with_focus_kept() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, _code) = class_with(&mut t, &[MONITOR, REWRITE]).await;
    let console = format!("/trainer/classes/{class}");
    let release = format!("{console}/release");
    let locked = |server: &support::Server| {
        let store = server.app.store.clone();
        let class = class.clone();
        async move {
            store
                .class_exercises(&class)
                .await
                .expect("exercises")
                .into_iter()
                .map(|e| e.locked)
                .collect::<Vec<_>>()
        }
    };

    // Lock all, then open them one at a time, then all at once.
    let to = post_ok(&mut t, &release, &[("release", "lock-all")]).await;
    assert_eq!(to, format!("{console}?done=locked-all"));
    assert_eq!(locked(&server).await, [true, true]);
    assert_eq!(
        status(&t.get(&to).await.body),
        "Locked all 2 exercises: no new attempts."
    );
    let to = post_ok(&mut t, &release, &[("release", "open-next")]).await;
    assert_eq!(locked(&server).await, [false, true]);
    assert_eq!(
        status(&t.get(&to).await.body),
        "Opened “Sandbags: every form of the word”, exercise 1 of 2."
    );
    let to = post_ok(&mut t, &release, &[("release", "open-next")]).await;
    assert_eq!(locked(&server).await, [false, false]);
    assert!(status(&t.get(&to).await.body).contains("exercise 2 of 2"));
    let to = post_ok(&mut t, &release, &[("release", "open-next")]).await;
    assert_eq!(
        status(&t.get(&to).await.body),
        "Every exercise is already open."
    );
    post_ok(&mut t, &release, &[("release", "lock-all")]).await;
    let to = post_ok(&mut t, &release, &[("release", "open-all")]).await;
    assert_eq!(locked(&server).await, [false, false]);
    assert_eq!(status(&t.get(&to).await.body), "Opened all 2 exercises.");
    let bad = t.post(&release, &[("release", "everything")]).await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("use open-all, lock-all or open-next"));

    // Moving down the first exercise: it is last now, so focus goes to its Up button.
    let to = post_ok(
        &mut t,
        &format!("{console}/exercises/{MONITOR}/move"),
        &[("direction", "down")],
    )
    .await;
    assert_eq!(to, format!("{console}?done=down&ex={MONITOR}"));
    let page = t.get(&to).await.body;
    assert_eq!(
        status(&page),
        "Moved “Sandbags: every form of the word” to place 2 of 2."
    );
    let focus = autofocused(&page);
    assert!(
        focus.contains("Up<span class=\"visually-hidden\">: Sandbags"),
        "{focus}"
    );
    // Moving the other one down: its Down button keeps focus while it can still go down.
    let to = post_ok(
        &mut t,
        &format!("{console}/exercises/{MONITOR}/move"),
        &[("direction", "up")],
    )
    .await;
    let focus = autofocused(&t.get(&to).await.body);
    assert!(focus.contains("Down<span"), "{focus}");
    post_ok(
        &mut t,
        &format!("{console}/exercises/{MONITOR}/move"),
        &[("direction", "down")],
    )
    .await;
    let to = post_ok(
        &mut t,
        &format!("{console}/exercises/{REWRITE}/move"),
        &[("direction", "down")],
    )
    .await;
    let focus = autofocused(&t.get(&to).await.body);
    assert!(
        focus.contains("Up<span class=\"visually-hidden\">: The library is back"),
        "{focus}"
    );
    assert_eq!(
        server
            .app
            .store
            .class_exercises(&class)
            .await
            .expect("exercises")
            .into_iter()
            .map(|e| e.exercise_id)
            .collect::<Vec<_>>(),
        [MONITOR, REWRITE]
    );

    // Lock one: confirmed, and focus on its Reopen button.
    let to = post_ok(
        &mut t,
        &format!("{console}/exercises/{REWRITE}/lock"),
        &[("locked", "1")],
    )
    .await;
    let page = t.get(&to).await.body;
    assert!(status(&page).starts_with("Locked “"), "{}", status(&page));
    assert!(
        autofocused(&page).contains("Reopen"),
        "{}",
        autofocused(&page)
    );

    // Closing to new joins, from the console and from the settings page.
    let to = post_ok(&mut t, &format!("{console}/open"), &[("open", "0")]).await;
    assert_eq!(
        status(&t.get(&to).await.body),
        "Closed to new joins. Trainees already in carry on."
    );
    let to = post_ok(
        &mut t,
        &format!("{console}/open"),
        &[("open", "1"), ("back", "settings")],
    )
    .await;
    assert_eq!(to, format!("{console}/settings?done=reopened"));
    let page = t.get(&to).await.body;
    assert_eq!(status(&page), "Open to new joins.");
    assert!(autofocused(&page).contains("Close to new joins"));
    assert!(page.contains("qr.svg") && page.contains("results.csv"));
}

#[tokio::test]
async fn the_picker_filters_saves_and_keeps_what_it_hides() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, _code) = class_with(&mut t, &[REWRITE]).await;
    let picker = format!("/trainer/classes/{class}/exercises");
    let page = t.get(&picker).await.body;
    assert!(page.contains("1 exercise in the class."), "{page}");
    assert!(
        page.contains("Beginner · monitor · teaches word, OR"),
        "{page}"
    );
    let save = page.find("Save the exercises").expect("save button");
    let first_row = page.find("<tbody>").expect("the list");
    assert!(save < first_row, "Save comes before the list");

    // Filtered to beginner monitoring about sandbags: the rewrite is hidden and stays chosen.
    let filtered = t
        .get(&format!("{picker}?level=beginner&kind=monitor&q=Sandbag"))
        .await
        .body;
    assert!(filtered.contains(&format!("id=\"ex-{MONITOR}\"")));
    assert!(!filtered.contains(&format!("id=\"ex-{REWRITE}\"")));
    assert!(filtered.contains(&format!(
        "<input type=\"hidden\" name=\"exercise\" value=\"{REWRITE}\">"
    )));
    assert!(filtered.contains("1 chosen exercise is hidden by the filter and stay"));

    // Ticks not saved yet travel with the filter.
    let ticked = t
        .get(&format!(
            "{picker}?picked=1&level=&kind=triage&q=&exercise={MONITOR}&position%3A{MONITOR}=1&exercise={REWRITE}"
        ))
        .await
        .body;
    assert!(
        ticked.contains("Not saved yet: 2 exercises ticked."),
        "{ticked}"
    );
    assert!(ticked.contains(&format!("name=\"position:{MONITOR}\" value=\"1\"")));

    // Saving a filtered list: what the filter hid is kept; the confirmation says how many.
    let to = post_ok(
        &mut t,
        &picker,
        &[
            ("level", "beginner"),
            ("kind", "monitor"),
            ("q", "Sandbag"),
            ("exercise", REWRITE),
            ("exercise", MONITOR),
            (format!("position:{MONITOR}").as_str(), "1"),
        ],
    )
    .await;
    assert_eq!(
        to,
        format!("{picker}?done=saved&level=beginner&kind=monitor&q=Sandbag")
    );
    let page = t.get(&to).await.body;
    assert_eq!(status(&page), "Saved: 2 exercises in the class.");
    assert!(autofocused(&page).contains("Save the exercises"));
    let order: Vec<String> = server
        .app
        .store
        .class_exercises(&class)
        .await
        .expect("exercises")
        .into_iter()
        .map(|e| e.exercise_id)
        .collect();
    assert_eq!(order, [MONITOR, REWRITE]);
    let bad = t
        .post(
            &picker,
            &[
                ("exercise", MONITOR),
                (&format!("position:{MONITOR}"), "first"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("whole number"));
}

#[tokio::test]
async fn the_presenter_view_names_nobody() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[MONITOR, REWRITE]).await;
    let mut zed = join(&server, &code, ZED).await;
    let mut mari = join(&server, &code, MARI).await;
    submit(&mut zed, MONITOR, "sandbag OR sandbags OR \"sand bags\"").await;
    submit(&mut mari, MONITOR, "(sandbag").await;
    let shared = submit(&mut zed, REWRITE, SHARED).await;
    submit(&mut mari, REWRITE, "library").await;
    for (form, done) in [
        (
            vec![("exercise", REWRITE), ("attempt", shared.as_str())],
            "shared",
        ),
        (vec![("exercise", REWRITE)], "model"),
    ] {
        let to = post_ok(&mut t, &format!("/trainer/classes/{class}/reveals"), &form).await;
        assert_eq!(
            to,
            format!("/trainer/classes/{class}/board/{REWRITE}?done={done}")
        );
        assert!(status(&t.get(&to).await.body).contains("hared with the class"));
    }
    // Sharing is confirmed on the board it was done on.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/exercises/{REWRITE}/lock"),
            &[("locked", "1"), ("back", "board")],
        )
        .await;
    assert_eq!(
        r.location,
        format!("/trainer/classes/{class}/board/{REWRITE}?done=locked")
    );
    let page = t.get(&r.location).await.body;
    assert!(status(&page).starts_with("Locked: no new attempts."));
    assert!(autofocused(&page).contains("Reopen for new attempts"));
    // The trainer's own board does name them: the check below can see a name.
    let board = t
        .get(&format!("/trainer/classes/{class}/board/{REWRITE}"))
        .await;
    assert!(board.body.contains(ZED) && board.body.contains(MARI));

    let present = format!("/trainer/classes/{class}/present");
    let pages = [
        present.clone(),
        format!("{present}/board"),
        format!("{present}/debrief/{MONITOR}"),
        format!("{present}/debrief/{REWRITE}"),
    ];
    let mut seen = String::new();
    for page in &pages {
        let r = t.get(page).await;
        assert_eq!(r.status, 200, "{page}: {}", r.body);
        assert_eq!(r.headers["cache-control"], "no-store");
        for part in ZED.split([' ', '-']).chain(MARI.split(' ')) {
            assert!(
                !r.body.contains(part),
                "{page} shows {part:?} of a trainee's name"
            );
        }
        seen.push_str(&r.body);
    }
    // What it does show: the code, the address, the figures, the debrief.
    assert!(seen.contains(&format!("aria-label=\"Class code {code}\">{code}<")));
    assert!(seen.contains("/join</strong>"));
    assert!(seen.contains("2 of 2 tried · 1 passed (50%)"), "{seen}");
    assert!(seen.contains(SHARED), "the shared answer");
    assert!(
        seen.contains("Port Ellis Library reopens at 9am"),
        "the model answer"
    );
    assert!(seen.contains("Cannot be graded"), "a common mistake");
    assert!(
        seen.contains("Not shown yet"),
        "the monitor's model answer waits"
    );
    assert!(!seen.contains("sandbag OR sandbags OR &quot;sand bags&quot;</pre>"));

    // The countdown: minutes become an end time in the address, kept across the steps.
    let r = t.get(&format!("{present}/board?minutes=10")).await;
    assert_eq!(r.status, 303);
    assert!(
        r.location.starts_with(&format!("{present}/board?ends=")),
        "{}",
        r.location
    );
    let page = t.get(&r.location).await.body;
    assert!(page.contains("Time is up at <strong>"), "{page}");
    assert!(page.contains("/static/present.js"));
    let left: i64 = page
        .split("data-left=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("seconds left");
    assert!((590..=600).contains(&left), "{left}");
    let keep = r.location.split('?').nth(1).expect("query");
    assert!(page.contains(&format!("{present}/debrief/{MONITOR}?{keep}")));
    let stop = t.get(&format!("{present}/board?minutes=")).await;
    assert_eq!(
        (stop.status, stop.location.as_str()),
        (303, format!("{present}/board").as_str())
    );
    for bad in ["abc", "0", "999"] {
        let r = t.get(&format!("{present}?minutes={bad}")).await;
        assert_eq!(r.status, 400, "{bad}");
        assert!(r.body.contains("from 1 to 180"), "{}", r.body);
    }
    let r = t.get(&format!("{present}?ends=tomorrow")).await;
    assert_eq!(r.status, 400);
    let r = t
        .get(&format!("{present}/debrief/storm-13-rewrite-ferry"))
        .await;
    assert_eq!(r.status, 404);
}
