//! Trainers play their own drill scenarios (issue 18): a scenario file uploaded at
//! `/trainer/scenarios` is checked as `sandpit scenarios validate` checks it, stored in the
//! database and played like a shipped one; a malformed file is refused with its line and column
//! and nothing stored; an id of a shipped scenario, a replay of a corpus that is not shipped and
//! a file past the size limit are refused; one a drill has been made of can be neither replaced
//! nor deleted; and a second node with an empty index plays it from the database. On
//! PostgreSQL too when `SANDPIT_TEST_DATABASE_URL` names a server.

mod support;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sandpit::app::App;
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::drills::{DrillControl, DrillSearch};
use sandpit::config::Config;
use sandpit::index::search::SortOrder;
use support::classroom::trainer;
use support::{Client, Setup, start};

const ID: &str = "ashcombe-pumphouse";
const FILE: &str = include_str!("data/scenarios/ashcombe-pumphouse.toml");

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn search(query: &str) -> DrillSearch {
    DrillSearch {
        query: query.into(),
        order: SortOrder::Newest,
        limit: 50,
        offset: 0,
        facets: false,
    }
}

/// How many posts of the drill's released stream `query` finds now.
async fn found(app: &App, drill: &str, query: &str) -> u64 {
    let d = app.drill(drill).await.expect("drill");
    app.drill_search(&d, search(query))
        .await
        .expect("search")
        .results
        .total as u64
}

const CLASSROOM_TEST_CLOCK: Setup = Setup {
    classroom: true,
    mini_corpus: false,
    behind_proxy: false,
    test_clock: true,
};

async fn upload(t: &mut Client, name: &str, text: &str) -> support::Resp {
    t.post_multipart(
        "/trainer/scenarios",
        &[],
        &[("file", name, text.as_bytes())],
    )
    .await
}

async fn new_class(t: &mut Client) -> String {
    let r = t
        .post("/trainer/classes", &[("title", "Pumphouse class")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location
        .strip_prefix("/trainer/classes/")
        .expect("class page")
        .to_string()
}

#[tokio::test]
async fn an_uploaded_scenario_is_played_and_searched_like_a_shipped_one() {
    let server = start(CLASSROOM_TEST_CLOCK).await;
    let mut t = trainer(&server).await;
    let r = upload(&mut t, "pumphouse.toml", FILE).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Scenario added"), "{}", r.body);
    assert!(r.body.contains("41 posts"), "{}", r.body);
    let page = t.get("/trainer/scenarios").await;
    assert!(
        page.body.contains("The Ashcombe pumphouse"),
        "{}",
        page.body
    );

    let class = new_class(&mut t).await;
    let drills = t.get("/trainer/drills").await;
    assert!(
        drills.body.contains(&format!(
            "<option value=\"{ID}\">The Ashcombe pumphouse (30 minutes, yours)"
        )),
        "{}",
        drills.body
    );
    let r = t
        .post("/trainer/drills", &[("scenario", ID), ("class", &class)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let drill = r
        .location
        .strip_prefix("/trainer/drills/")
        .expect("the drill's page")
        .to_string();
    let r = t
        .post(
            &format!("/trainer/drills/{drill}/clock"),
            &[("action", "start")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    let app = &server.app;
    assert_eq!(
        found(app, &drill, "pumphouse").await,
        0,
        "nothing before T+00:05"
    );
    assert!(app.clock().advance(Duration::minutes(6)));
    assert_eq!(
        found(app, &drill, "pumphouse").await,
        1,
        "the post of T+00:05"
    );
    assert_eq!(
        found(app, &drill, "reservoir").await,
        0,
        "the wave starts at T+00:15"
    );
    assert!(app.clock().advance(Duration::minutes(20)));
    let wave = found(app, &drill, "trickle OR \"dry taps\"").await;
    assert_eq!(wave, 40, "the whole wave is out by T+00:26");
    let board = t.get(&format!("/trainer/drills/{drill}")).await;
    assert_eq!(board.status, 200, "{}", board.body);
    assert!(
        board
            .body
            .contains("Tell people on the east side where to get water"),
        "the expected reaction: {}",
        board.body
    );
}

#[tokio::test]
async fn a_bad_upload_says_where_and_stores_nothing() {
    let server = start(CLASSROOM_TEST_CLOCK).await;
    let mut t = trainer(&server).await;

    // A time out of range: its line, and the column of its value.
    let broken = FILE.replace("at = \"T+00:05\"", "at = \"T+00:65\"");
    let line = broken
        .lines()
        .position(|l| l.contains("T+00:65"))
        .expect("the line")
        + 1;
    let r = upload(&mut t, "broken.toml", &broken).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("was not added"), "{}", r.body);
    assert!(
        r.body.contains(&format!("broken.toml:{line}: column 6:")),
        "line and column: {}",
        r.body
    );

    // Not TOML at all: the parser's place.
    let r = upload(&mut t, "garbled.toml", "id = \"x\"\ntitle = = \"y\"\n").await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("garbled.toml:2: column"), "{}", r.body);

    // The id of a shipped scenario.
    let clash = FILE.replace(
        &format!("id = \"{ID}\""),
        "id = \"brightwell-recall-morning\"",
    );
    let r = upload(&mut t, "clash.toml", &clash).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("clash.toml:3:"), "{}", r.body);
    assert!(r.body.contains("comes with Sandpit"), "{}", r.body);

    // A replay of a corpus that does not come with Sandpit.
    let replay = FILE.replace(
        "[[roles]]",
        "[replay]\ncorpus = \"my-own-corpus\"\ncompress_to = \"20m\"\n\n[[roles]]",
    );
    let r = upload(&mut t, "replay.toml", &replay).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("is not a shipped corpus"), "{}", r.body);

    // Past the size limit, which the message names.
    let big = format!("{FILE}\n#{}\n", "x".repeat(1024 * 1024));
    let r = upload(&mut t, "big.toml", &big).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("at most 1 MB"), "{}", r.body);

    // Far past it: the request itself is cut off, and says the limit too.
    let huge = format!("{FILE}\n#{}\n", "x".repeat(3 * 1024 * 1024));
    let r = upload(&mut t, "huge.toml", &huge).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("at most 1 MB"), "{}", r.body);

    // A stream past 50,000 posts: three waves of 17,000 (each within the file check's caps).
    let mut crowded = FILE.to_string();
    for i in 0..3 {
        crowded.push_str(&format!(
            "\n[[waves]]\nid = \"bulk{i}\"\nfrom = \"T+00:02\"\nuntil = \"T+00:28\"\n\
             posts = 17000\nplatform = \"microblog\"\nseed = {i}\n\
             templates = [\"Taps dry at {{street}}\"]\nauthors = [\"{{first}}{{n}}\"]\n\
             words.street = [\"Mill Lane\"]\nwords.first = [\"Dee\"]\n"
        ));
    }
    let r = upload(&mut t, "crowded.toml", &crowded).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("51,041 posts"), "{}", r.body);
    assert!(r.body.contains("at most 50,000"), "{}", r.body);

    // No file.
    let r = t.post_multipart("/trainer/scenarios", &[], &[]).await;
    assert_eq!(r.status, 400, "{}", r.body);

    assert!(
        server
            .app
            .store
            .uploaded_scenarios()
            .await
            .unwrap()
            .is_empty(),
        "nothing stored"
    );
    let r = t
        .post("/trainer/drills", &[("scenario", ID), ("class", "x")])
        .await;
    assert_ne!(r.status, 303);
}

#[tokio::test]
async fn a_scenario_a_drill_plays_is_neither_replaced_nor_deleted() {
    let server = start(CLASSROOM_TEST_CLOCK).await;
    let mut t = trainer(&server).await;
    assert_eq!(upload(&mut t, "v1.toml", FILE).await.status, 200);
    // No drill yet: a new version replaces it.
    let v2 = FILE.replace(
        "The Ashcombe pumphouse",
        "The Ashcombe pumphouse, second draft",
    );
    let r = upload(&mut t, "v2.toml", &v2).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Scenario replaced"), "{}", r.body);
    let stored = server
        .app
        .store
        .uploaded_scenario(ID)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.toml, v2);
    assert_eq!(stored.uploaded_by, "trainer");

    let class = new_class(&mut t).await;
    let r = t
        .post("/trainer/drills", &[("scenario", ID), ("class", &class)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let v3 = FILE.replace(
        "The Ashcombe pumphouse",
        "The Ashcombe pumphouse, third draft",
    );
    let r = upload(&mut t, "v3.toml", &v3).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("cannot be replaced"), "{}", r.body);
    assert!(
        r.body.contains("second draft"),
        "names the drill: {}",
        r.body
    );
    assert!(r.body.contains("under a new id"), "{}", r.body);
    let stored = server
        .app
        .store
        .uploaded_scenario(ID)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.toml, v2, "unchanged");

    let r = t
        .post(&format!("/trainer/scenarios/{ID}/delete"), &[])
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        server
            .app
            .store
            .uploaded_scenario(ID)
            .await
            .unwrap()
            .is_some()
    );

    // Another id, no drill: deleted.
    let other = FILE.replace(&format!("id = \"{ID}\""), "id = \"ashcombe-spare\"");
    assert_eq!(upload(&mut t, "spare.toml", &other).await.status, 200);
    let r = t
        .post("/trainer/scenarios/ashcombe-spare/delete", &[])
        .await;
    assert_eq!((r.status, r.location.as_str()), (303, "/trainer/scenarios"));
    assert!(
        server
            .app
            .store
            .uploaded_scenario("ashcombe-spare")
            .await
            .unwrap()
            .is_none()
    );
    let r = t
        .post("/trainer/scenarios/ashcombe-spare/delete", &[])
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
}

#[tokio::test]
async fn the_self_learner_uploads_and_starts_their_own() {
    let server = start(Setup::EMPTY).await;
    let mut me = Client::new(&server.base);
    let r = upload(&mut me, "mine.toml", FILE).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let list = me.get("/drills").await;
    assert!(
        list.body.contains("The Ashcombe pumphouse"),
        "{}",
        list.body
    );
    let r = me.post("/drills", &[("scenario", ID)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let stored = server
        .app
        .store
        .uploaded_scenario(ID)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.uploaded_by, "local");
}

/// Two apps, each with its own data directory (and so its own, empty, index), on one database.
#[tokio::test]
async fn a_second_node_with_an_empty_index_plays_the_uploaded_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let url = match support::database::test_server() {
        Some(server) => Some(support::database::fresh_database(&server).unwrap()),
        None => Some(format!("sqlite:{}", dir.path().join("shared.db").display())),
    };
    let clock = ManualClock::at(t0());
    let open = |node: &str| {
        let config = Config::new(dir.path().join(node)).with_database_url(url.clone());
        let clock = clock.clone();
        async move {
            App::open(config)
                .await
                .expect("node")
                .with_clock(clock as Arc<dyn Clock>)
        }
    };
    let a = open("a").await;
    let b = open("b").await;
    let done = a
        .upload_scenario("pumphouse.toml", FILE.as_bytes().to_vec(), "trainer")
        .await
        .unwrap()
        .expect("a valid file");
    assert_eq!((done.posts, done.replaced), (41, false));
    let drill = a.create_drill(ID, None).await.unwrap().id;
    a.control_drill(&drill, DrillControl::Start).await.unwrap();
    clock.advance(Duration::minutes(26));
    assert_eq!(found(&a, &drill, "pumphouse").await, 1);

    // b built nothing and its index holds nothing: the replica sync loads the stream from the
    // stored file.
    let report = b.sync_replica().await.unwrap();
    assert!(
        report.applied.contains(&format!("drill-{ID}")),
        "{report:?}"
    );
    let on_b = b.drill(&drill).await.unwrap();
    assert_eq!(on_b.scenario().title, "The Ashcombe pumphouse");
    assert_eq!(found(&b, &drill, "pumphouse").await, 1);
    assert_eq!(found(&b, &drill, "trickle OR \"dry taps\"").await, 40);
    assert_eq!(b.drills(None).await.unwrap().len(), 1);

    // A third node, restarted from nothing, that searches before its sync: the drill's search
    // loads the stream itself.
    let c = open("c").await;
    assert_eq!(found(&c, &drill, "\"dry taps\" OR trickle").await, 40);
}
