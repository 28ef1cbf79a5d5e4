#!/usr/bin/env python3
"""Scores of every exercise's test answers, through the real engine.

    python3 tools/test_scores.py target/debug/sandpit > scores.md

For each exercise, runs each [[tests]] answer through `SANDPIT exercises grade --json` (the
marking the exercise page uses) and prints a Markdown table: the pass mark, what the answer is
(for a monitoring exercise the model query, the naive query, or the best answer without one
operator, named by the test's `why`; for a rewrite or a triage the test's `why`), the answer
(a query, a post, the platforms of a set of posts, or how many posts a sorting labels), the score
out of 100 and whether the test holds. `tools/check_exercises.py --tests` prints
the same figures from the Python copy of the query language. Standard library only.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def grade_args(ex: dict, t: dict, tmp: Path) -> tuple[list[str], str]:
    """The `exercises grade` arguments for one test, and the answer as the table shows it."""
    if "posts" in t:
        args = []
        for platform, text in t["posts"].items():
            f = tmp / f"{platform}.txt"
            f.write_text(text, encoding="utf-8")
            args += ["--post", f"{platform}=@{f}"]
        return args, "posts for " + ", ".join(t["posts"])
    if "labels" in t:
        routes = t.get("routes", {})
        lines = [f"{i} {label} {routes.get(i, '')}".rstrip() for i, label in t["labels"].items()]
        f = tmp / "labels.txt"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [str(f)], f"labels for {len(lines)} posts"
    platform = ["--platform", t["platform"]] if "platform" in t else []
    return [*platform, t["answer"]], t["answer"]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    binary = argv[0]
    print("| exercise | pass | answer is | answer | score | test |\n|---|---|---|---|---|---|")
    failures = 0
    for path in sorted((ROOT / "exercises").glob("*/*.toml")):
        ex = tomllib.loads(path.read_text(encoding="utf-8"))
        for t in ex.get("tests", []):
            with tempfile.TemporaryDirectory() as tmp:
                args, shown = grade_args(ex, t, Path(tmp))
                run = subprocess.run([binary, "exercises", "grade", "--json", ex["id"], *args],
                                     capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{path.relative_to(ROOT)}: {shown}: {run.stderr.strip()}", file=sys.stderr)
                failures += 1
                continue
            r = json.loads(run.stdout)
            head = t.get("why", "").split(" — ")[0]
            what = head
            if ex.get("kind") == "monitor":
                mon = ex["monitor"]
                what = ("model" if t["answer"] == mon["model_query"]
                        else f"naive; {head}" if t["answer"] == mon.get("naive_query") else head)
            holds = ("pass" if r["passed"] else "fail") == t["expect"]
            lo, hi = t.get("score", [0, 100])
            holds = holds and lo <= round(r["score"]) <= hi
            failures += not holds
            shown = " ".join(shown.split()).replace("|", "\\|")
            print(f"| {ex['id']} | {r['pass_mark']:.0f} | {what} | `{shown}` | {r['score']:.0f} | "
                  f"{'holds' if holds else 'DOES NOT HOLD'} |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
