#!/usr/bin/env python3
"""Draw the sample for a blind second labelling pass, and print it WITHOUT the current labels.

    python3 tools/label_sample.py OUTDIR              # one file per monitoring exercise
    python3 tools/label_sample.py OUTDIR vacc-04-launch-week

For each monitoring exercise the sample is, from the shipped corpus and label file:

* every document currently labelled relevant, or 40 of them drawn at random if there are more;
* up to 20 documents NOT labelled relevant that the model or the naive query finds (at random);
* documents NOT labelled relevant drawn at random from the rest, so that the second part of the
  sample holds 40 documents (fewer only if the corpus has fewer).

The random generator is seeded with the exercise id, so the same corpus and labels give the same
sample. The sample is shuffled and printed with the exercise brief and each document's metadata
and text, and nothing that says how it is labelled now: the labeller reads the brief and the
documents and writes a judgement for every id (see exercises/README.md, "Label quality").
Standard library only.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_exercises as ce  # noqa: E402

RELEVANT_CAP = 40
REST = 40


def monitoring_exercises():
    for path, ex in ce.load_exercises():
        if ex.get("kind") == "monitor":
            yield path, ex


def draw(ex_id: str, docs, relevant: set[str], model: str, naive: str):
    """The stratified sample: (relevant part, query-hit part, random part), each a sorted id list."""
    rng = random.Random(ex_id)
    all_ids = [d.id for d in docs]
    rel = sorted(relevant)
    if len(rel) > RELEVANT_CAP:
        rel = sorted(rng.sample(rel, RELEVANT_CAP))
    hits = (ce.search(docs, model) | ce.search(docs, naive)) - relevant
    hits = sorted(hits)
    hit_part = sorted(rng.sample(hits, min(len(hits), REST // 2)))
    rest = [i for i in all_ids if i not in relevant and i not in set(hit_part)]
    rand_part = sorted(rng.sample(rest, min(len(rest), REST - len(hit_part))))
    return rel, hit_part, rand_part


def sample(ex_path: Path, ex: dict):
    mon = ex["monitor"]
    docs = ce.load_corpus(mon["corpus"])
    relevant = ce.relevant_of(ex_path, mon)
    rel, hit_part, rand_part = draw(ex["id"], docs, relevant, mon["model_query"], mon["naive_query"])
    ids = rel + hit_part + rand_part
    random.Random(ex["id"] + "/order").shuffle(ids)
    return docs, ids, (len(rel), len(relevant), len(hit_part), len(rand_part))


def render(ex: dict, docs, ids) -> str:
    by_id = {d.id: d for d in docs}
    out = [f"# {ex['id']}: {ex['title']}", "", ex["brief"].strip(), "", f"{len(ids)} documents", ""]
    for i in ids:
        raw = by_id[i].raw
        out.append(f"=== {i} | {raw['published']} | {raw['source']} | {raw.get('author', '')} | "
                   f"{raw.get('lang', 'en')} | {raw.get('kind', '')}")
        out.append(f"    {raw.get('url', '')}")
        if raw.get("title"):
            out.append(f"    TITLE: {raw['title']}")
        body = raw.get("body", "")
        if len(body) > 1500:
            body = body[:1500] + " [...]"
        out.append(textwrap.indent(body, "    "))
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = Path(argv[0])
    wanted = set(argv[1:])
    outdir.mkdir(parents=True, exist_ok=True)
    for path, ex in monitoring_exercises():
        if wanted and ex["id"] not in wanted:
            continue
        docs, ids, (n_rel, of_rel, n_hit, n_rand) = sample(path, ex)
        (outdir / f"{ex['id']}.txt").write_text(render(ex, docs, ids), encoding="utf-8")
        print(f"{ex['id']}: {len(ids)} documents ({n_rel} of {of_rel} labelled relevant, "
              f"{n_hit} query hits, {n_rand} random)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
