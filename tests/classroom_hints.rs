//! Hints recorded with the work they helped (issue 17), over HTTP on loopback: a hint opened
//! is stored server-side when it is opened, copied into the attempt made after it, shown on
//! the trainer's console (in the cell, the "Hints opened" column and a mastery that counts a
//! pass with hints for less) and written into both exports.

mod support;

use support::classroom::{class_with, join, submit, trainer};
use support::{Setup, start};

const REWRITE: &str = "storm-17-rewrite-library";
/// A post that passes the library rewrite (the one the console tests share).
const PASSING: &str = "LIBRARYOPEN93 Port Ellis Library reopens at 9am on Saturday 14 February. \
                       Books for children are upstairs. No fines on late books. \
                       Staff can help with flood grant forms.";
const HELPED: &str = "Hilary Pendragon";
const ALONE: &str = "Idris Fairweather";

#[tokio::test]
async fn hints_opened_show_on_the_board_and_in_the_exports() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut helped = join(&server, &code, HELPED).await;
    let mut alone = join(&server, &code, ALONE).await;

    // Two hints, one at a time, with the form (no script needed): each is a POST.
    for _ in 0..2 {
        let r = helped
            .post(
                &format!("/exercises/{REWRITE}/hint"),
                &[("answer", "draft")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    submit(&mut helped, REWRITE, PASSING).await;
    submit(&mut alone, REWRITE, PASSING).await;

    let attempts = server
        .app
        .store
        .class_attempts(&class)
        .await
        .expect("attempts");
    let used: Vec<(String, i64)> = attempts
        .iter()
        .map(|a| (a.name.clone(), a.hints_used))
        .collect();
    assert!(used.contains(&(HELPED.to_string(), 2)), "{used:?}");
    assert!(used.contains(&(ALONE.to_string(), 0)), "{used:?}");

    let page = t.get(&format!("/trainer/classes/{class}")).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    assert!(body.contains("Hints opened"), "{body}");
    let row = |name: &str| {
        body.split("<th scope=\"row\">")
            .find(|r| r.starts_with(name))
            .and_then(|r| r.split("</tr>").next())
            .unwrap_or_else(|| panic!("a row for {name} in {body}"))
            .to_string()
    };
    let helped_row = row(HELPED);
    assert!(helped_row.contains("Passed with 2 hints"), "{helped_row}");
    assert!(
        helped_row.contains("<td class=\"num hints-used\">2</td>"),
        "{helped_row}"
    );
    assert!(
        helped_row.contains("<td class=\"num\">0.5</td>"),
        "{helped_row}"
    );
    let alone_row = row(ALONE);
    assert!(alone_row.contains("Passed, "), "{alone_row}");
    assert!(
        alone_row.contains("<td class=\"num hints-used\">None</td>"),
        "{alone_row}"
    );
    assert!(
        alone_row.contains("<td class=\"num\">1</td>"),
        "{alone_row}"
    );

    let results = t
        .get(&format!("/trainer/classes/{class}/results.csv"))
        .await;
    assert!(
        results
            .body
            .contains("Passed,Hints opened,Hints at the pass,Mastery"),
        "{}",
        results.body
    );
    assert!(results.body.contains(",yes,2,2,0.5,"), "{}", results.body);
    assert!(results.body.contains(",yes,0,0,1,"), "{}", results.body);
    let attempts = t
        .get(&format!("/trainer/classes/{class}/attempts.csv"))
        .await;
    assert!(
        attempts.body.contains("Passed,Hints opened,Answer"),
        "{}",
        attempts.body
    );
    assert!(attempts.body.contains(",yes,2,"), "{}", attempts.body);

    // The trainee's own progress says the same.
    let progress = helped.get("/progress").await;
    assert!(
        progress.body.contains("Passed with 2 hints"),
        "{}",
        progress.body
    );
}
