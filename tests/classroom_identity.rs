//! A real room, over HTTP on loopback (every client is one address, as behind a school's
//! network): typos of the class code never lock the room out, far guesses are held and the
//! trainer clears the hold, rejoining with the rejoin word works after the class closes, two
//! people with one name are never merged, and the trainer renames, merges and removes trainees.

mod support;

use support::classroom::{class_with, join, rejoin_word, submit, trainer};
use support::{Client, Setup, start, token_in};

const REWRITE: &str = "storm-17-rewrite-library";

/// The typos people make of `code`: one character wrong, missing or extra, or two swapped.
fn typos(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out: Vec<String> = Vec::new();
    for i in 0..chars.len() {
        let mut wrong = chars.clone();
        wrong[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        out.push(wrong.iter().collect());
        let mut missing = chars.clone();
        missing.remove(i);
        out.push(missing.iter().collect());
        let mut extra = chars.clone();
        extra.insert(i, 'W');
        out.push(extra.iter().collect());
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            out.push(swapped.iter().collect());
        }
    }
    // Typed in lower case, with a space, as people do.
    out.iter()
        .enumerate()
        .map(|(i, t)| match i % 3 {
            0 => t.to_lowercase(),
            1 => format!("{} {}", &t[..3], &t[3..]),
            _ => t.clone(),
        })
        .collect()
}

/// A code of the right shape with no character in common with `code`: a guess, not a typo.
fn far_guess(code: &str, n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..6)
        .map(|i| {
            let mut k = (n * 7 + i * 3) % ALPHABET.len();
            while code.as_bytes().contains(&ALPHABET[k]) {
                k = (k + 1) % ALPHABET.len();
            }
            ALPHABET[k] as char
        })
        .collect()
}

async fn join_as(c: &mut Client, code: &str, name: &str, word: &str) -> support::Resp {
    c.post("/join", &[("code", code), ("name", name), ("rejoin", word)])
        .await
}

#[tokio::test]
async fn a_room_of_typos_never_locks_out_the_right_code() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let typos = typos(&code);
    assert!(typos.len() >= 22, "{typos:?}");
    let mut c = Client::new(&server.base);
    // 40 typos from one address, more than the hold allows for guesses.
    for typo in typos.iter().cycle().take(40) {
        let r = join_as(&mut c, typo, "Typo Tam", "").await;
        assert_eq!(r.status, 400, "{typo}: {}", r.body);
        assert!(
            r.body.contains("Check it with your trainer"),
            "{typo}: {}",
            r.body
        );
    }
    let r = join_as(&mut c, &code, "Typo Tam", "").await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/class"),
        "the right code is never refused for the room's typos"
    );
    // The trainer sees the typos, counted apart and holding nothing.
    let page = t.get(&format!("/trainer/classes/{class}/trainees")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Joining from 127.0.0.1"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("0 of 30 wrong class codes"),
        "{}",
        page.body
    );
    assert!(page.body.contains(">40</td>"), "40 typos shown");
    assert!(!page.body.contains(">Held<"));
}

#[tokio::test]
async fn far_guesses_are_held_and_the_trainer_clears_the_hold() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut c = Client::new(&server.base);
    for n in 0..sandpit::web::session::MAX_FAILURES {
        let guess = far_guess(&code, n);
        let r = join_as(&mut c, &guess, "Guesser", "").await;
        assert_eq!(r.status, 400, "{guess}");
    }
    let r = join_as(&mut c, &code, "Guesser", "").await;
    assert_eq!(r.status, 429, "random guessing is held at once");
    assert!(r.body.contains("ask your trainer"), "{}", r.body);
    assert!(
        server
            .app
            .store
            .trainees(&class)
            .await
            .expect("trainees")
            .is_empty()
    );

    // The trainer (their sign-in is counted apart) sees the hold and clears it.
    let mut t2 = trainer(&server).await;
    let page = t2.get(&format!("/trainer/classes/{class}/trainees")).await;
    assert!(page.body.contains(">Held<"), "{}", page.body);
    assert!(page.body.contains("30 of 30 wrong class codes"));
    assert!(page.body.contains("value=\"join/127.0.0.1\""));
    let r = t2
        .post(
            &format!("/trainer/classes/{class}/holds/clear"),
            &[("hold", "join/127.0.0.1")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.location,
        format!("/trainer/classes/{class}/trainees?done=cleared")
    );
    let page = t2.get(&r.location).await;
    assert!(page.body.contains("Cleared the hold"), "{}", page.body);
    assert!(page.body.contains("autofocus"), "the note takes the focus");
    assert!(!page.body.contains(">Held<"));
    let r = join_as(&mut c, &code, "Guesser", "").await;
    assert_eq!((r.status, r.location.as_str()), (303, "/class"));

    // A hold that is not there, or nonsense, is a clear message.
    let r = t2
        .post(
            &format!("/trainer/classes/{class}/holds/clear"),
            &[("hold", "join/127.0.0.1")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("already cleared"), "{}", r.body);
    let r = t2
        .post(
            &format!("/trainer/classes/{class}/holds/clear"),
            &[("hold", "nonsense")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("is not a hold"), "{}", r.body);
}

#[tokio::test]
async fn rejoining_after_the_class_closes_needs_the_word() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut kim = join(&server, &code, "Kim Lee").await;
    let word = rejoin_word(&server, &code, "Kim Lee").await;
    assert!(word.len() >= 5 && word.ends_with(|c: char| c.is_ascii_digit()));
    let page = kim.get("/class").await;
    assert!(page.body.contains(&word), "the class page shows the word");
    submit(&mut kim, REWRITE, "Library open on Saturday").await;
    let leave = kim.get("/leave").await;
    assert!(leave.body.contains(&word) && leave.body.contains("Kim Lee"));
    assert_eq!(kim.post("/leave", &[]).await.status, 303);

    let r = t
        .post(&format!("/trainer/classes/{class}/open"), &[("open", "0")])
        .await;
    assert_eq!(r.status, 303);

    let mut back = Client::new(&server.base);
    let r = join_as(&mut back, &code, " kim  LEE ", "").await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("has already joined") && r.body.contains("rejoin word"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("id=\"rejoin\""),
        "the word's field is shown"
    );
    let r = join_as(&mut back, &code, "Kim Lee", "wrong99").await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("not the rejoin word"), "{}", r.body);
    // The word as people type it: capitals, a space.
    let typed = format!(
        "{} {}",
        word[..word.len() - 2].to_uppercase(),
        &word[word.len() - 2..]
    );
    let r = join_as(&mut back, &code, " kim  LEE ", &typed).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/class"),
        "{}",
        r.body
    );
    back.cookie = r.set_cookie.as_deref().and_then(token_in);
    let page = back.get("/class").await;
    assert!(page.body.contains("Kim Lee") && page.body.contains("1 attempt"));

    // A closed class still refuses strangers.
    let mut sam = Client::new(&server.base);
    let r = join_as(&mut sam, &code, "Sam", "").await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("closed to new joins"), "{}", r.body);
    let r = join_as(&mut sam, &code, "Sam", &word).await;
    assert_eq!(r.status, 400, "another's word opens no new name");
    assert_eq!(server.app.store.trainees(&class).await.expect("t").len(), 1);
}

#[tokio::test]
async fn the_same_name_without_the_word_is_refused_not_merged() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut first = join(&server, &code, " aisha  KHAN ").await;
    submit(&mut first, REWRITE, "FIRSTAISHA library Saturday").await;

    let mut second = Client::new(&server.base);
    let r = join_as(&mut second, &code, "Aisha Khan", "").await;
    assert_eq!(r.status, 400);
    assert!(
        r.body
            .contains("Someone called aisha KHAN has already joined")
    );
    assert!(r.body.contains("add an initial"));
    assert!(r.set_cookie.is_none(), "no session for the second Aisha");
    assert_eq!(server.app.store.trainees(&class).await.expect("t").len(), 1);
    let r = join_as(&mut second, &code, "Aisha Khan B", "").await;
    assert_eq!(r.status, 303);
    second.cookie = r.set_cookie.as_deref().and_then(token_in);
    let page = second.get("/class").await;
    assert!(page.body.contains("Aisha Khan B"));
    assert!(
        !page.body.contains("1 attempt"),
        "not the first Aisha's work"
    );
    let mine = second.get(&format!("/exercises/{REWRITE}")).await;
    assert!(!mine.body.contains("FIRSTAISHA"));
    assert_eq!(
        server.app.store.trainees(&class).await.expect("t").len(),
        2,
        "two people, two trainees: the board and exports count both"
    );

    // The same browser coming back to its own name needs no word.
    let r = first
        .post("/join", &[("code", &code), ("name", "Aisha Khan")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // Guessing someone's word is held by name, and the trainer can clear it.
    let word = rejoin_word(&server, &code, "aisha khan").await;
    let mut guesser = Client::new(&server.base);
    for n in 0..sandpit::app::classroom::MAX_NAME_GUESSES {
        let r = join_as(&mut guesser, &code, "Aisha Khan", &format!("nope{n:02}")).await;
        assert_eq!(r.status, 400);
    }
    let r = join_as(&mut guesser, &code, "Aisha Khan", &word).await;
    assert_eq!(r.status, 400, "held: even the right word waits");
    assert!(r.body.contains("Too many wrong rejoin words"), "{}", r.body);
    let page = t.get(&format!("/trainer/classes/{class}/trainees")).await;
    assert!(
        page.body.contains("Rejoin word for aisha KHAN"),
        "{}",
        page.body
    );
    let hold = page
        .body
        .split("name=\"hold\" value=\"name/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Clear button for the name")
        .to_string();
    let r = t
        .post(
            &format!("/trainer/classes/{class}/holds/clear"),
            &[("hold", &format!("name/{hold}"))],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = join_as(&mut guesser, &code, "Aisha Khan", &word).await;
    assert_eq!(r.status, 303, "with the word, back in as themselves");
}

#[tokio::test]
async fn the_trainer_renames_merges_and_removes() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut ana = join(&server, &code, "Ana").await;
    let mut ana2 = join(&server, &code, "Ana S").await;
    let mut ben = join(&server, &code, "Ben").await;
    submit(&mut ana, REWRITE, "Library open Saturday").await;
    submit(&mut ana2, REWRITE, "Library open Saturday 9am").await;
    submit(&mut ben, REWRITE, "Library Saturday").await;
    let store = &server.app.store;
    let id_of = |name: &'static str| {
        let class = class.clone();
        async move {
            let (_, key) = sandpit::store::classroom::normalise_name(name).expect("name");
            store
                .trainee_by_name(&class, &key)
                .await
                .expect("lookup")
                .map(|(t, _)| t.id)
        }
    };
    let base = format!("/trainer/classes/{class}/trainees");

    let page = t.get(&base).await;
    for name in ["Ana", "Ana S", "Ben"] {
        let word = rejoin_word(&server, &code, name).await;
        assert!(page.body.contains(&word), "{name}'s word is on the page");
    }

    // Rename.
    let ana_id = id_of("Ana").await.expect("Ana");
    let r = t
        .post(
            &format!("{base}/{ana_id}/rename"),
            &[("name", "  Ana   Lima ")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = t.get(&r.location).await;
    assert!(page.body.contains("Renamed: this trainee is now Ana Lima."));
    let r = t
        .post(&format!("{base}/{ana_id}/rename"), &[("name", "ben")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("already called ben"), "{}", r.body);
    let r = t
        .post(&format!("{base}/{ana_id}/rename"), &[("name", " ")])
        .await;
    assert_eq!(r.status, 400);

    // Merge "Ana S" into "Ana Lima": a confirm step first.
    let ana2_id = id_of("Ana S").await.expect("Ana S");
    let r = t
        .post(&format!("{base}/{ana2_id}/merge"), &[("into", &ana_id)])
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Merge Ana S into Ana Lima?"), "{}", r.body);
    assert_eq!(store.trainees(&class).await.expect("t").len(), 3, "not yet");
    let r = t
        .post(
            &format!("{base}/{ana2_id}/merge"),
            &[("into", &ana_id), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = t.get(&r.location).await;
    assert!(
        page.body
            .contains("Merged: Ana Lima now has the attempts of both")
    );
    let rows = store.trainees(&class).await.expect("t");
    assert_eq!(rows.len(), 2);
    let merged = rows.iter().find(|r| r.id == ana_id).expect("Ana Lima");
    assert_eq!(merged.attempts, 2, "the attempts move to one");
    let page = ana2.get("/class").await;
    assert!(
        page.body.contains("Ana Lima"),
        "the merged-away browser carries on as the one"
    );
    let r = t
        .post(&format!("{base}/{ana_id}/merge"), &[("into", &ana_id)])
        .await;
    assert_eq!(r.status, 400, "not into oneself");

    // Remove Ben: a confirm step, then Ben and his work go, and his browser is signed out.
    let ben_id = id_of("Ben").await.expect("Ben");
    let r = t.post(&format!("{base}/{ben_id}/remove"), &[]).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Remove Ben?") && r.body.contains("1 attempt "));
    let r = t
        .post(&format!("{base}/{ben_id}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(r.status, 303);
    let page = t.get(&r.location).await;
    assert!(
        page.body
            .contains("Removed the trainee and their attempts.")
    );
    assert_eq!(store.trainees(&class).await.expect("t").len(), 1);
    assert_eq!(store.class_attempts(&class).await.expect("a").len(), 2);
    assert_eq!(ben.get("/class").await.location, "/join");
    let r = t
        .post(&format!("{base}/{ben_id}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(r.status, 404, "already gone: a clear message");
}
