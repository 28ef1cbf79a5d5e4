#!/usr/bin/env python3
"""Agreement between the shipped labels (first pass) and the blind second labelling pass.

    python3 tools/label_agreement.py                  # table: kappa before resolution and now
    python3 tools/label_agreement.py --markdown       # the same table in Markdown (exercises/README.md)
    python3 tools/label_agreement.py --list vacc-04-launch-week   # the disagreements, with their text
    python3 tools/label_agreement.py --rev HEAD~3     # compare with the labels at another commit

The second pass lives in exercises/<theme>/labels/second-pass/<exercise-id>.txt: a header of `#`
lines (how the sample was drawn, and `# first-pass: <commit>`, the commit whose labels were
sampled), then one line a document, `<id> relevant|not-relevant`, optionally followed by
`# <url>`. Documents are matched by that URL when the corpus has been renumbered since, so the
second pass survives new documents; a line whose URL is no longer in the corpus is an error.

For each monitoring exercise the script compares the two passes on the sampled documents and
reports raw agreement (the share of documents both passes label the same way) and Cohen's kappa,
kappa = (p_o - p_e) / (1 - p_e), where p_o is the raw agreement and p_e the agreement expected by
chance from each pass's share of relevant labels. "before" compares with the labels at the
first-pass commit; "now" with the label files in the working tree. The sample is stratified
(every relevant document, query hits and random others), so these are figures for the sample,
which over-represents the hard cases, not for the whole corpus.

Exit status 1 if a second-pass file is malformed (the message gives file and line). Standard
library only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
LABELS = ("relevant", "not-relevant")


class Malformed(Exception):
    pass


def git_show(rev: str, path: Path) -> str:
    rel = path.resolve().relative_to(ROOT).as_posix()
    try:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{rel}"], check=True,
                              capture_output=True, text=True).stdout
    except subprocess.CalledProcessError as e:
        raise Malformed(f"cannot read {rel} at {rev}: {e.stderr.strip()}") from None


def read_second_pass(path: Path):
    """(first-pass commit or None, [(line number, id, label, url)])."""
    rev = None
    rows = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*first-pass:\s*([0-9a-fA-F]{7,40})", line)
            if m:
                rev = m.group(1)
            continue
        body, _, comment = line.partition("#")
        parts = body.split()
        if len(parts) != 2 or parts[1] not in LABELS:
            raise Malformed(f"{path.relative_to(ROOT)}:{n}: expected '<id> relevant|not-relevant "
                            f"[# url]', found {raw!r}")
        rows.append((n, parts[0], parts[1], comment.strip()))
    if not rows:
        raise Malformed(f"{path.relative_to(ROOT)}: no labelled documents")
    return rev, rows


def corpus_docs(text: str) -> list[dict]:
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def label_ids(text: str) -> set[str]:
    return {l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")}


def kappa(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    n = len(pairs)
    agree = sum(1 for a, b in pairs if a == b)
    p_o = agree / n
    pa = sum(1 for a, _ in pairs if a) / n
    pb = sum(1 for _, b in pairs if b) / n
    p_e = pa * pb + (1 - pa) * (1 - pb)
    k = 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)
    return p_o, k


class Exercise:
    def __init__(self, path: Path, ex: dict):
        self.path = path
        self.id = ex["id"]
        self.mon = ex["monitor"]
        self.second = path.parent / "labels" / "second-pass" / f"{self.id}.txt"

    def label_file(self) -> Path:
        return self.path.parent / self.mon["relevant_file"]

    def corpus_file(self) -> Path:
        return ROOT / "corpora" / self.mon["corpus"] / "documents.jsonl"


def resolve(rows, path: Path, docs_then: list[dict], docs_now: list[dict]):
    """Maps each second-pass row to (id at the first-pass commit, id now).

    By address first; if the corpus has been regenerated so that the address changed, by the
    document's author, title and text, when exactly one document now has them."""
    by_url_then = {d["url"]: d for d in docs_then}
    by_url_now = {d["url"]: d["id"] for d in docs_now}
    by_text_now: dict = {}
    for d in docs_now:
        by_text_now.setdefault((d["author"], d["title"], d["body"]), []).append(d["id"])
    ids_then = {d["id"] for d in docs_then}
    ids_now = {d["id"] for d in docs_now}
    out = []
    for n, doc_id, label, url in rows:
        if url:
            d_then = by_url_then.get(url)
            if d_then is None:
                raise Malformed(f"{path.relative_to(ROOT)}:{n}: no document with the address {url} "
                                f"in the corpus at the first-pass commit")
            then, now = d_then["id"], by_url_now.get(url)
            if now is None:
                same = by_text_now.get((d_then["author"], d_then["title"], d_then["body"]), [])
                # A regeneration rewrote or dropped it: it still counts "before", not "now".
                now = same[0] if len(same) == 1 else None
        else:
            if doc_id not in ids_then or doc_id not in ids_now:
                raise Malformed(f"{path.relative_to(ROOT)}:{n}: unknown document id {doc_id}")
            then = now = doc_id
        out.append((then, now, label == "relevant", n))
    return out


def compare(ex: Exercise, rev_override: str | None):
    rev, rows = read_second_pass(ex.second)
    rev = rev_override or rev
    docs_now = corpus_docs(ex.corpus_file().read_text(encoding="utf-8"))
    now_labels = label_ids(ex.label_file().read_text(encoding="utf-8"))
    if rev:
        docs_then = corpus_docs(git_show(rev, ex.corpus_file()))
        then_labels = label_ids(git_show(rev, ex.label_file()))
    else:
        docs_then, then_labels = docs_now, now_labels
    mapped = resolve(rows, ex.second, docs_then, docs_now)
    before = [(then in then_labels, second) for then, _, second, _ in mapped]
    # "Now" covers the sampled documents a later regeneration left in the corpus.
    after = [(now in now_labels, second) for _, now, second, _ in mapped if now is not None]
    return rev, mapped, before, after, then_labels, now_labels, docs_now


def table_rows(exercises, rev_override):
    rows = []
    for ex in exercises:
        rev, mapped, before, after, *_ = compare(ex, rev_override)
        n = len(mapped)
        fp = sum(1 for a, b in before if a and not b)   # first pass relevant, second not
        fn = sum(1 for a, b in before if b and not a)   # second pass relevant, first not
        p_b, k_b = kappa(before)
        p_a, k_a = kappa(after)
        rows.append((ex.id, n, sum(1 for _, b in before if b), fp, fn, p_b, k_b, len(after), p_a, k_a))
    return rows


def main(argv) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    ap.add_argument("--list", metavar="EXERCISE", help="list the disagreements of one exercise")
    ap.add_argument("--rev", help="compare 'before' with the labels at this commit instead")
    args = ap.parse_args(argv)

    exercises = []
    for path in sorted(EXERCISES.rglob("*.toml")):
        with path.open("rb") as f:
            ex = tomllib.load(f)
        if ex.get("kind") == "monitor":
            e = Exercise(path, ex)
            if e.second.exists():
                exercises.append(e)
    if not exercises:
        print("no second-pass files found under exercises/*/labels/second-pass/", file=sys.stderr)
        return 1
    try:
        if args.list:
            match = [e for e in exercises if e.id == args.list]
            if not match:
                print(f"no second pass for {args.list}; known: {', '.join(e.id for e in exercises)}",
                      file=sys.stderr)
                return 2
            rev, mapped, before, after, then_l, now_l, docs_now = compare(match[0], args.rev)
            by_id = {d["id"]: d for d in docs_now}
            kept = [m for m in mapped if m[1] is not None]
            firsts = {m[0]: f for m, (f, _s) in zip(mapped, before)}
            for (then, now, second, _), (cur, _s2) in zip(kept, after):
                first = firsts[then]
                if first != second or cur != second:
                    d = by_id[now]
                    text = " ".join((d.get("title", "") + " " + d["body"]).split())[:160]
                    print(f"{now}  first:{'R' if first else '-'} second:{'R' if second else '-'} "
                          f"now:{'R' if cur else '-'}  {d['published'][:10]} {d['source']}: {text}")
            return 0
        rows = table_rows(exercises, args.rev)
    except Malformed as e:
        print(e, file=sys.stderr)
        return 1

    if args.markdown:
        print("| exercise | sample | second pass relevant | first only | second only | "
              "agreement before | kappa before | still in corpus | agreement now | kappa now |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| `{r[0]}` | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]:.2f} | {r[6]:.2f} | "
                  f"{r[7]} | {r[8]:.2f} | {r[9]:.2f} |")
    else:
        print(f"{'exercise':34} {'n':>3} {'2nd R':>5} {'1st only':>8} {'2nd only':>8} | "
              f"{'agree':>5} {'kappa':>5} (before) | {'kept':>4} {'agree':>5} {'kappa':>5} (now)")
        for r in rows:
            print(f"{r[0]:34} {r[1]:3} {r[2]:5} {r[3]:8} {r[4]:8} | {r[5]:5.2f} {r[6]:5.2f}          | "
                  f"{r[7]:4} {r[8]:5.2f} {r[9]:5.2f}")
    n = sum(r[1] for r in rows)
    if not args.markdown:
        print(f"\n{len(rows)} exercises, {n} labelled documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
