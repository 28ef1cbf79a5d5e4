#!/usr/bin/env python3
"""Scores of every monitoring exercise's test answers, through the real engine.

    python3 tools/test_scores.py target/debug/sandpit > scores.md

For each monitoring exercise, runs each [[tests]] answer through `SANDPIT exercises grade --json`
(the marking the exercise page uses) and prints a Markdown table: the pass mark, what the answer is
(the model query, the naive query, or the best answer without one operator, named by the test's
`why`), the score out of 100 and whether the test holds. `tools/check_exercises.py --tests` prints
the same figures from the Python copy of the query language. Standard library only.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    binary = argv[0]
    print("| exercise | pass | answer is | answer | score | test |\n|---|---|---|---|---|---|")
    failures = 0
    for path in sorted((ROOT / "exercises").glob("*/*.toml")):
        ex = tomllib.loads(path.read_text(encoding="utf-8"))
        if ex.get("kind") != "monitor":
            continue
        mon = ex["monitor"]
        for t in ex.get("tests", []):
            run = subprocess.run([binary, "exercises", "grade", "--json", ex["id"], t["answer"]],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{path.relative_to(ROOT)}: {t['answer']!r}: {run.stderr.strip()}", file=sys.stderr)
                failures += 1
                continue
            r = json.loads(run.stdout)
            head = t.get("why", "").split(" — ")[0]
            what = ("model" if t["answer"] == mon["model_query"]
                    else f"naive; {head}" if t["answer"] == mon.get("naive_query") else head)
            holds = ("pass" if r["passed"] else "fail") == t["expect"]
            lo, hi = t.get("score", [0, 100])
            holds = holds and lo <= round(r["score"]) <= hi
            failures += not holds
            answer = t["answer"].replace("|", "\\|")
            print(f"| {ex['id']} | {r['pass_mark']:.0f} | {what} | `{answer}` | {r['score']:.0f} | "
                  f"{'holds' if holds else 'DOES NOT HOLD'} |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
