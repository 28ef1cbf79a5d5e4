//! `sandpit rules`: work with rule packs.
//!
//! ```text
//! sandpit rules test PACK...   run the test cases the packs carry ([[rule.test]])
//! sandpit rules list [PACK...] list the rules of the packs (default: the built-in packs)
//! ```
//!
//! `test` exits 0 when every case passes and 1 when any fails (each failure names the file
//! and line of its test); a pack that does not load is reported with file, line and column.

use sandpit::compose::{self, packs};
use sandpit::error::{Error, Result};

#[derive(clap::Subcommand)]
pub enum RulesCommand {
    /// Run the test cases written in rule packs.
    Test {
        /// Built-in pack ids or .toml files.
        #[arg(required = true)]
        packs: Vec<String>,
    },
    /// List the rules of packs (default: the built-in packs).
    List { packs: Vec<String> },
}

pub fn run(cmd: RulesCommand) -> Result<()> {
    match cmd {
        RulesCommand::Test { packs } => test(&packs),
        RulesCommand::List { packs } => list(&packs),
    }
}

fn load_all(names: &[String]) -> Result<Vec<compose::RulePack>> {
    if names.is_empty() {
        return Ok(packs::builtin()?);
    }
    names
        .iter()
        .map(|n| packs::load(n).map_err(Error::from))
        .collect()
}

fn test(names: &[String]) -> Result<()> {
    let mut passed = 0;
    let mut failed = 0;
    for pack in load_all(names)? {
        let outcomes = packs::run_tests(&pack);
        println!("{} ({}): {} tests", pack.id, pack.source, outcomes.len());
        for o in &outcomes {
            if o.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            println!("FAIL {} [{}] {:?}", o.origin, o.rule, o.text);
            for m in &o.missing {
                println!("  expected {m} to fire; it did not");
            }
            for u in &o.unexpected {
                println!("  {u} fired, but this test is a near miss for it");
            }
        }
        let untested: Vec<&str> = pack
            .rules
            .iter()
            .filter(|r| r.tests.is_empty() && r.id.starts_with(&format!("{}.", pack.id)))
            .map(|r| r.id.as_str())
            .collect();
        if !untested.is_empty() {
            println!("  rules without tests: {}", untested.join(", "));
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        return Err(Error::invalid(format!("{failed} rule pack tests failed")));
    }
    Ok(())
}

fn list(names: &[String]) -> Result<()> {
    for pack in load_all(names)? {
        println!("{}: {} ({})", pack.id, pack.name, pack.source);
        if !pack.description.is_empty() {
            println!("  {}", pack.description);
        }
        for r in &pack.rules {
            let kind = serde_json::to_value(&r.kind)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
                .unwrap_or_default();
            println!("  {:<45} {:<10} {kind}", r.id, r.severity.as_str());
        }
    }
    Ok(())
}
