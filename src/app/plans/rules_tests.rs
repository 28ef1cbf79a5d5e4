use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn weeks_fall_due_on_the_chosen_day_and_week_one_is_never_short() {
    // Monday 2 March 2026, due Fridays: the first Friday is 4 days on.
    let mon = day("2026-03-02");
    assert_eq!(first_due(mon, Weekday::Fri), day("2026-03-06"));
    assert_eq!(week_due(mon, Weekday::Fri, 3), day("2026-03-20"));
    // Started on a Thursday, Friday is too soon: week 1 runs to the next Friday but one.
    let thu = day("2026-03-05");
    assert_eq!(first_due(thu, Weekday::Fri), day("2026-03-13"));
    // Due on the day four days on is allowed.
    assert_eq!(first_due(thu, Weekday::Mon), day("2026-03-09"));
    assert_eq!(week_of(mon, Weekday::Fri, mon), 1);
    assert_eq!(week_of(mon, Weekday::Fri, day("2026-03-06")), 1);
    assert_eq!(week_of(mon, Weekday::Fri, day("2026-03-07")), 2);
    assert_eq!(week_of(mon, Weekday::Fri, day("2026-03-13")), 2);
    assert_eq!(week_of(mon, Weekday::Fri, day("2026-03-14")), 3);
    for w in 1..=12 {
        assert_eq!(
            week_of(mon, Weekday::Tue, week_due(mon, Weekday::Tue, w)),
            w
        );
    }
}

#[test]
fn form_values_are_read_or_refused_with_what_was_wrong() {
    assert_eq!(parse_weeks(" 6 ").unwrap(), 6);
    for bad in ["3", "13", "six", ""] {
        let e = parse_weeks(bad).unwrap_err().to_string();
        assert!(
            e.contains("4 to 12 weeks") && e.contains(&format!("`{bad}`")),
            "{e}"
        );
    }
    assert_eq!(parse_weekday("friday").unwrap(), Weekday::Fri);
    assert_eq!(parse_weekday("Tue").unwrap(), Weekday::Tue);
    assert_eq!(parse_weekday("7").unwrap(), Weekday::Sun);
    let e = parse_weekday("Fryday").unwrap_err().to_string();
    assert!(e.contains("`Fryday` is not a day of the week"), "{e}");
    assert_eq!(parse_due("2026-03-06").unwrap(), day("2026-03-06"));
    let e = parse_due("2026-02-30").unwrap_err().to_string();
    assert!(
        e.contains("`2026-02-30` is not a date") && e.contains("YYYY-MM-DD"),
        "{e}"
    );
    assert_eq!(Goal::parse("no-hints").unwrap(), Goal::NoHints);
    assert!(
        Goal::parse("finish")
            .unwrap_err()
            .to_string()
            .contains("`finish`")
    );
}

#[test]
fn goals_are_worded_and_say_when_an_earlier_pass_counts() {
    let t = "Sandbags: every form of the word";
    assert_eq!(
        Goal::NoHints.words(t),
        "Pass 'Sandbags: every form of the word' without hints"
    );
    let c = |passes, clean_passes| PassCount {
        exercise_id: "e".into(),
        passes,
        clean_passes,
    };
    // Set when the learner had passed once with a hint.
    assert!(!is_done(Goal::Pass, 1, 0, Some(&c(1, 0))));
    assert!(is_done(Goal::Pass, 1, 0, Some(&c(2, 0))));
    assert!(!is_done(Goal::NoHints, 1, 0, Some(&c(2, 0))));
    assert!(is_done(Goal::NoHints, 1, 0, Some(&c(2, 1))));
    assert!(is_done(Goal::Passed, 1, 0, Some(&c(1, 0))));
    assert!(!is_done(Goal::Passed, 0, 0, None));
    assert!(!is_done(Goal::Pass, 0, 0, None));
}

#[test]
fn states_follow_the_day() {
    let due = day("2026-03-06");
    assert_eq!(State::of(false, due, day("2026-03-07")), State::Overdue);
    assert_eq!(State::of(false, due, due), State::Due);
    assert_eq!(State::of(false, due, day("2026-02-28")), State::Due);
    assert_eq!(State::of(false, due, day("2026-02-27")), State::Upcoming);
    assert_eq!(State::of(true, due, day("2026-04-01")), State::Done);
}

fn catalog() -> Vec<Exercise> {
    crate::catalog::exercises::shipped().exercises
}

#[test]
fn a_plan_gives_the_weakest_skills_the_first_and_most_weeks() {
    let exercises = catalog();
    let levels: BTreeMap<Skill, f64> = [
        (Skill::Operators, 0.85),
        (Skill::Reading, 0.5),
        (Skill::Triage, 0.1),
        (Skill::Platforms, 0.6),
        (Skill::PlainEnglish, 0.3),
        (Skill::Accessibility, 0.95),
    ]
    .into();
    let passed: HashSet<String> = [exercises[0].id.clone()].into();
    let start = day("2026-03-02");
    let p = propose(&levels, &exercises, &passed, 8, Weekday::Thu, start);
    assert!(p.from_profile);
    assert_eq!(p.focus.iter().map(|f| f.2).sum::<u32>(), 8);
    assert_eq!(p.focus[0].0, Skill::Triage, "{:?}", p.focus);
    // Weakest first, never fewer weeks than a stronger skill; a strong skill gets none.
    for pair in p.focus.windows(2) {
        assert!(
            pair[0].1 <= pair[1].1 && pair[0].2 >= pair[1].2,
            "{:?}",
            p.focus
        );
    }
    assert!(p.focus.iter().all(|f| f.0 != Skill::Accessibility));
    // Every week is filled, no exercise twice, none already passed, each trains its skill,
    // each is due on its week's day.
    let mut seen = HashSet::new();
    for w in 1..=8 {
        let n = p.assignments.iter().filter(|a| a.week == w).count();
        assert_eq!(n, PER_WEEK, "week {w}: {:?}", p.assignments);
    }
    for a in &p.assignments {
        assert!(
            seen.insert(a.exercise_id.clone()),
            "twice: {}",
            a.exercise_id
        );
        assert!(!passed.contains(&a.exercise_id));
        let e = exercises.iter().find(|e| e.id == a.exercise_id).unwrap();
        assert!(Skill::of_exercise(e).contains(&a.skill), "{a:?}");
        assert_eq!(a.due_on, week_due(start, Weekday::Thu, a.week));
        assert_eq!(a.due_on.weekday(), Weekday::Thu);
        // Without hints exactly when the exercise is below the learner's band.
        let below = rank(e.level) < rank(band(levels[&a.skill]));
        assert_eq!(a.goal == Goal::NoHints, below, "{a:?}");
    }
    // The triage weeks come first, easiest exercise first.
    let first = &p.assignments[0];
    assert_eq!(first.skill, Skill::Triage);
    assert_eq!(first.week, 1);
}

#[test]
fn without_a_profile_the_plan_starts_at_beginner_level() {
    let exercises = catalog();
    let p = propose(
        &BTreeMap::new(),
        &exercises,
        &HashSet::new(),
        4,
        Weekday::Fri,
        day("2026-03-02"),
    );
    assert!(!p.from_profile);
    assert_eq!(p.assignments.len(), 4 * PER_WEEK);
    // Every skill at 0: the weeks go to the first four skills, one each, in the list's order.
    let skills: Vec<Skill> = p.focus.iter().map(|f| f.0).collect();
    assert_eq!(skills, Skill::ALL[..4].to_vec());
    // Beginner exercises first wherever the catalog has them for the skill.
    for a in &p.assignments {
        let e = exercises.iter().find(|e| e.id == a.exercise_id).unwrap();
        let beginner_left = exercises.iter().any(|x| {
            x.level == Level::Beginner
                && Skill::of_exercise(x).contains(&a.skill)
                && !p.assignments.iter().any(|b| b.exercise_id == x.id)
        });
        assert!(e.level == Level::Beginner || !beginner_left, "{a:?}");
        assert_eq!(a.goal, Goal::Pass);
    }
}

#[test]
fn on_track_behind_and_stuck() {
    let now = at("2026-03-20T10:00:00Z");
    let d = |s| day(s);
    let plan = [
        (State::Done, d("2026-03-06")),
        (State::Due, d("2026-03-20")),
    ];
    let (s, why) = standing(&plan, None, now);
    assert_eq!(s, Standing::OnTrack);
    assert!(why.contains("1 of 2 assignments done"), "{why}");
    let late = [
        (State::Done, d("2026-03-06")),
        (State::Overdue, d("2026-03-13")),
    ];
    // Overdue by a week but active two days ago: behind.
    let (s, why) = standing(&late, Some(now - Duration::days(2)), now);
    assert_eq!(s, Standing::Behind, "{why}");
    assert!(
        why.contains("1 overdue (the oldest by 7 days), last attempt 2 days ago"),
        "{why}"
    );
    // No attempt for a week: stuck.
    let (s, _) = standing(&late, Some(now - Duration::days(7)), now);
    assert_eq!(s, Standing::Stuck);
    let (s, why) = standing(&late, None, now);
    assert_eq!(s, Standing::Stuck);
    assert!(why.contains("no attempt yet"), "{why}");
    // Overdue by two weeks: stuck, however active.
    let old = [(State::Overdue, d("2026-03-06"))];
    let (s, _) = standing(&old, Some(now), now);
    assert_eq!(s, Standing::Stuck);
}
