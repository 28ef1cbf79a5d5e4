//! `sandpit exercises validate [DIR]`, `sandpit exercises grade ID ANSWER` and `sandpit label`:
//! tools for trainers writing exercises.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::PathBuf;

use sandpit::app::Answer;
use sandpit::catalog::exercises::{self, Exercise, Label, Sorting, Task, Triage};
use sandpit::error::{Error, Result};
use sandpit::grade::Grade;
use serde_json::json;

#[derive(clap::Subcommand)]
pub enum ExercisesCommand {
    /// Check exercise files: every problem with file and line. Without DIR, the shipped ones.
    Validate { dir: Option<PathBuf> },
    /// List the exercises.
    List,
    /// Mark an answer exactly as the exercise page does, without storing it: a query for a
    /// monitoring exercise, a post for a rewrite (or one post a platform with --post), a file
    /// of `id label` lines for triage.
    Grade(GradeArgs),
}

#[derive(clap::Args)]
pub struct GradeArgs {
    /// The exercise's id (`sandpit exercises list`).
    pub id: String,
    /// For a rewrite: the platform the post is for (by default, every platform it names).
    #[arg(long)]
    pub platform: Option<String>,
    /// For a rewrite: one post for one platform, as PLATFORM=TEXT or PLATFORM=@FILE (the post
    /// read from a file). Repeat it once for each platform; the posts are marked together, as
    /// the exercise page marks them, and a platform left out is a missing post.
    #[arg(long = "post", value_name = "PLATFORM=TEXT", conflicts_with_all = ["platform", "answer"])]
    pub posts: Vec<String>,
    /// Print the mark as JSON: exercise, score, pass_mark, passed and the grade's details.
    #[arg(long)]
    pub json: bool,
    /// The query or the post ("-" reads standard input); for triage, the labels file.
    #[arg(required_unless_present = "posts")]
    pub answer: Option<String>,
}

pub fn run(home: &super::Home, cmd: ExercisesCommand) -> Result<()> {
    super::block_on(async move {
        match cmd {
            ExercisesCommand::List => {
                for e in exercises::shipped().exercises {
                    println!(
                        "{:<36} {:<8} {:<13} {}",
                        e.id,
                        e.kind.name(),
                        e.level.name(),
                        e.title
                    );
                }
                Ok(())
            }
            ExercisesCommand::Grade(args) => grade(home, args).await,
            ExercisesCommand::Validate { dir } => {
                let app = super::open(home).await?;
                let catalog = match &dir {
                    Some(d) => exercises::from_path(d),
                    None => exercises::shipped(),
                };
                let mut checked = app.check_exercises(&catalog).await?;
                // The placement's tasks are shipped beside the exercises: with them, their
                // model and wrong answers are marked too (docs/programmes.md, "Placement").
                let mut placement_note = String::new();
                if dir.is_none() {
                    match sandpit::catalog::placement::shipped() {
                        Ok(p) => {
                            let origin = sandpit::catalog::placement::SHIPPED_ORIGIN;
                            let found = sandpit::grade::placement::check_answers(p, origin);
                            placement_note = format!(
                                "; placement: {} tasks, {} answer(s) marked",
                                p.items.len(),
                                2 * p.items.len()
                            );
                            checked.problems.extend(found);
                        }
                        Err(problems) => checked.problems.extend(problems.iter().cloned()),
                    }
                }
                let problems = &checked.problems;
                for p in problems {
                    eprintln!("{p}");
                }
                let n = catalog.exercises.len();
                let tests = format!(
                    "{} test(s) run, {} passed",
                    checked.tests_ran, checked.tests_passed
                );
                if problems.is_empty() {
                    println!("{n} exercises, no problems; {tests}{placement_note}");
                    Ok(())
                } else {
                    Err(Error::invalid(format!(
                        "{} problem(s) in the exercises ({n} loaded; {tests})",
                        problems.len()
                    )))
                }
            }
        }
    })?
}

async fn grade(home: &super::Home, args: GradeArgs) -> Result<()> {
    let app = super::open(home).await?;
    let exercise = app.exercise(&args.id)?;
    let answer = answer(&exercise, &args)?;
    let grade = app.grade(&exercise, &answer).await?;
    let pass_mark = exercise.task.pass_score();
    if args.json {
        let out = json!({
            "exercise": exercise.id,
            "score": grade.score(),
            "pass_mark": pass_mark,
            "passed": grade.passed(),
            "mistakes": grade.mistakes(),
            "grade": grade,
        });
        println!("{out}");
    } else {
        print!("{}", summary(&exercise, &grade, pass_mark));
    }
    Ok(())
}

/// The answer as the exercise's kind takes it.
fn answer(exercise: &Exercise, args: &GradeArgs) -> Result<Answer> {
    if !args.posts.is_empty() {
        let Task::Rewrite(r) = &exercise.task else {
            return Err(Error::invalid(format!(
                "{} is a {} exercise: --post is for rewrites",
                exercise.id,
                exercise.kind.name()
            )));
        };
        return Ok(Answer::Posts {
            posts: parse_posts(&args.posts, &r.platforms, &exercise.id)?,
        });
    }
    let answer_arg = args.answer.clone().unwrap_or_default();
    let text = || -> Result<String> {
        if answer_arg != "-" {
            return Ok(answer_arg.clone());
        }
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| {
            Error::invalid(format!("cannot read the answer from standard input: {e}"))
        })?;
        Ok(s)
    };
    Ok(match &exercise.task {
        Task::Monitor(_) => {
            if args.platform.is_some() {
                return Err(Error::invalid(format!(
                    "{} is a monitoring exercise: --platform is for rewrites",
                    exercise.id
                )));
            }
            Answer::Text(text()?.trim().to_string())
        }
        Task::Rewrite(r) => {
            if let Some(p) = &args.platform
                && !r.platforms.iter().any(|q| q == p)
            {
                return Err(Error::invalid(format!(
                    "{} asks for posts on {}; --platform {p} is not one of them",
                    exercise.id,
                    r.platforms.join(", ")
                )));
            }
            Answer::Post {
                platform: args.platform.clone(),
                text: text()?,
            }
        }
        Task::Triage(t) => {
            let origin = if answer_arg == "-" {
                "standard input"
            } else {
                answer_arg.as_str()
            };
            let body = if answer_arg == "-" {
                text()?
            } else {
                std::fs::read_to_string(&answer_arg).map_err(|e| {
                    Error::invalid(format!(
                        "{origin}: cannot read the labels file: {e}. For triage, ANSWER is a file of `id label` lines"
                    ))
                })?
            };
            Answer::Labels(parse_labels(&body, origin, t)?)
        }
    })
}

/// `--post PLATFORM=TEXT` (or `PLATFORM=@FILE`) arguments as one post a platform of `platforms`.
fn parse_posts(
    given: &[String],
    platforms: &[String],
    exercise: &str,
) -> Result<BTreeMap<String, String>> {
    let mut posts = BTreeMap::new();
    for arg in given {
        let Some((platform, text)) = arg.split_once('=') else {
            return Err(Error::invalid(format!(
                "--post {arg:?}: write it as PLATFORM=TEXT, for example --post x=\"Roads closed\""
            )));
        };
        let platform = platform.trim().to_ascii_lowercase();
        if !platforms.contains(&platform) {
            return Err(Error::invalid(format!(
                "--post {platform}=…: {exercise} asks for posts on {}",
                platforms.join(", ")
            )));
        }
        let text = match text.strip_prefix('@') {
            Some(path) => std::fs::read_to_string(path).map_err(|e| {
                Error::invalid(format!(
                    "--post {platform}=@{path}: cannot read the file: {e}"
                ))
            })?,
            None => text.to_string(),
        };
        if posts.insert(platform.clone(), text).is_some() {
            return Err(Error::invalid(format!(
                "--post {platform}=… is given twice: one post a platform"
            )));
        }
    }
    Ok(posts)
}

/// `id label [route]` lines (`#` starts a comment), every problem with its line. The route,
/// the rest of the line after an `escalate`, says who the escalation goes to.
fn parse_labels(body: &str, origin: &str, t: &Triage) -> Result<Sorting> {
    let mut sorting = Sorting::default();
    let mut problems = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let at = format!("{origin}:{}", n + 1);
        let mut words = line.splitn(3, char::is_whitespace);
        let (Some(id), Some(label)) = (words.next(), words.next()) else {
            problems.push(format!("{at}: expected `id label`, found {line:?}"));
            continue;
        };
        let route = words.next().map(str::trim).filter(|r| !r.is_empty());
        let Some(label) = Label::parse(label.trim()) else {
            problems.push(format!(
                "{at}: unknown label {label:?}: use relevant, not-relevant or escalate"
            ));
            continue;
        };
        if !t.items.iter().any(|i| i.id == id) {
            problems.push(format!("{at}: {id:?} is not one of this exercise's items"));
            continue;
        }
        match route {
            Some(r) if label != Label::Escalate => {
                problems.push(format!(
                    "{at}: {r:?} after {:?}: only an escalation takes a route",
                    label.id()
                ));
                continue;
            }
            Some(r) if !t.routes.iter().any(|x| x == r) => {
                problems.push(format!(
                    "{at}: unknown route {r:?}: use one of {}",
                    if t.routes.is_empty() {
                        "none (this exercise asks for no routes)".to_string()
                    } else {
                        t.routes.join(", ")
                    }
                ));
                continue;
            }
            Some(r) => {
                sorting.routes.insert(id.to_string(), r.to_string());
            }
            None => {}
        }
        if sorting.labels.insert(id.to_string(), label).is_some() {
            problems.push(format!("{at}: {id} is labelled twice"));
        }
    }
    if problems.is_empty() {
        Ok(sorting)
    } else {
        Err(Error::invalid(problems.join("\n")))
    }
}

/// The mark in words: the score against the pass mark, then what went wrong.
fn summary(exercise: &Exercise, grade: &Grade, pass_mark: f64) -> String {
    let mut out = format!(
        "{}: {:.0}/100 (pass mark {:.0}): {}\n",
        exercise.id,
        grade.score(),
        pass_mark,
        if grade.passed() {
            "passed"
        } else {
            "not passed"
        }
    );
    for m in grade.mistakes() {
        out.push_str(&format!("- {m}\n"));
    }
    out
}

#[derive(clap::Args)]
pub struct LabelArgs {
    /// The corpus to search.
    #[arg(long)]
    pub corpus: String,
    /// Write the ids here (one a line) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The query whose hits become the labelled set to edit.
    pub query: String,
}

/// Runs a query and writes every hit as a labelled set (one id a line, with its title as a
/// comment to help the trainer prune it).
pub fn label(home: &super::Home, args: LabelArgs) -> Result<()> {
    super::block_on(async move {
        let app = super::open(home).await?;
        app.require_corpus(&args.corpus).await?;
        let mut ids = app.matching_ids(&args.corpus, &args.query).await?;
        ids.sort();
        let mut out = String::new();
        out.push_str(&format!(
            "# {} documents of corpus {} matching: {}\n# Delete the lines of documents that are not relevant; lines starting with # are ignored.\n",
            ids.len(),
            args.corpus,
            args.query
        ));
        for id in &ids {
            let doc = app.document(&args.corpus, id).await?;
            let about: String = if doc.title.is_empty() {
                doc.body
            } else {
                doc.title
            }
            .chars()
            .take(70)
            .collect::<String>()
            .replace('\n', " ");
            out.push_str(&format!("{id}\n# ^ {about}\n"));
        }
        match &args.output {
            Some(path) => std::fs::write(path, out)
                .map_err(|e| Error::invalid(format!("cannot write {}: {e}", path.display())))?,
            None => std::io::stdout()
                .write_all(out.as_bytes())
                .map_err(Error::internal)?,
        }
        eprintln!("{} documents labelled", ids.len());
        Ok(())
    })?
}
