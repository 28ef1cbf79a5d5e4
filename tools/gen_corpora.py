#!/usr/bin/env python3
"""Generate Sandpit's shipped corpora, label files and triage exercises.

How to regenerate (from the repository root; Python 3.11+, standard library only):

    python3 tools/gen_corpora.py                 # every corpus
    python3 tools/gen_corpora.py storm-harriet   # one corpus
    python3 tools/check_exercises.py             # then check every exercise still passes

The output is deterministic (each corpus has a fixed seed) and is committed:

    corpora/<name>/corpus.toml
    corpora/<name>/documents.jsonl
    exercises/<theme>/labels/<exercise-id>.txt     one relevant document id a line
    exercises/<theme>/<NN-slug>.toml               triage exercises only (their items name ids)

The words live in tools/corpus_text/<name>.py, one module a corpus, all hand-written: long items
(news, press releases, statements, blogs) written out in full, and families of social posts,
each a list of hand-written posts with slots ({street}, {resort}...) that the generator fills,
plus optional hashtags, replies and typical misspellings. Every item and family states its
topics. Label files come from those topics and from the document's metadata (source, author,
language, date), never from running a query: that is what makes them right by construction.
Monitoring exercise TOML files are hand-written and point at the label files; the checker
(tools/check_exercises.py) confirms that each model query passes and each naive query does not.

Document ids are the corpus prefix and a number in order of publication (sh-0001 is the
earliest), so changing the words can renumber documents: always regenerate labels and triage
files together with the corpus, as this script does.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPUS_MODULES = {
    "storm-harriet": "corpus_text.storm_harriet",
    "trade-mission": "corpus_text.trade_mission",
    "vaccination-drive": "corpus_text.vaccination_drive",
}


# How people echo a post they have seen: a few words before or after it, by language.
ECHO = {
    "en": (["Honestly?", "Well.", "FYI:", "Yep.", "Can confirm:", "Okay."],
           ["🙏", "👍", "🙂", "👀", "💯", "😅", "Just me?", "Anyway.", "x"]),
    "fr": (["Bon.", "Info :", "Pareil ici."], ["🙏", "Courage à tous.", "💪", "😔"]),
    "de": (["Info:", "Bei uns auch:"], ["🙏", "😕", "👍"]),
    "es": (["Ojo:", "Info:", "Lo mismo aquí."], ["🙏", "💪", "👍"]),
    "pl": (["Uwaga:", "U nas też:"], ["🙏", "👍"]),
}


class Doc:
    def __init__(self, **kw):
        self.title: str = kw.get("title", "")
        self.body: str = kw["body"]
        self.author: str = kw["author"]
        self.source: str = kw["source"]
        self.source_name: str = kw["source_name"]
        self.url: str = kw.get("url", "")
        self.published: dt.datetime = kw["published"]
        self.lang: str = kw.get("lang", "en")
        self.kind: str = kw["kind"]
        self.topics: set[str] = set(kw.get("topics", set()))
        self.key: str = kw.get("key", "")  # stable name for hand-written items (triage)
        self.id: str = ""
        self.host: str = ""

    def has(self, *topics: str) -> bool:
        return all(t in self.topics for t in topics)

    def any(self, *topics: str) -> bool:
        return any(t in self.topics for t in topics)

    def hashtags(self) -> set[str]:
        """Hashtags as DESIGN.md defines them (for labels that depend on a hashtag stream)."""
        return sigil_words(self.title + "\n" + self.body, "#")

    def json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "author": self.author,
            "source": self.source,
            "source_name": self.source_name,
            "url": self.url,
            "published": self.published.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "lang": self.lang,
            "kind": self.kind,
        }


def sigil_words(text: str, sigil: str) -> set[str]:
    out: set[str] = set()
    prev = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        after_word = prev is not None and (prev.isalnum() or prev in "_" + sigil)
        prev = c
        if c != sigil or after_word:
            i += 1
            continue
        j = i + 1
        while j < n and (text[j].isalnum() or text[j] == "_"):
            prev = text[j]
            j += 1
        word = text[i + 1:j]
        if word and not word.isdigit():
            out.add(word.lower())
        i = j
    return out


def topics_of(spec) -> set[str]:
    if not spec:
        return set()
    if isinstance(spec, str):
        return set(spec.split())
    return set(spec)


def entry_topics(family, extra) -> set[str]:
    """A family post's topics: the family's, plus the entry's own extras. An extra written with a
    leading minus ("-to_council") takes that family topic away from this one post, for a post that
    sits in a family for its wording but is not about all of the family's topics."""
    extra = topics_of(extra)
    drop = {t[1:] for t in extra if t.startswith("-")}
    return (topics_of(family) | {t for t in extra if not t.startswith("-")}) - drop


def slugify(text: str, words: int = 8) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "item"


class Builder:
    """Turns one content module into documents."""

    def __init__(self, mod):
        self.mod = mod
        self.rng = random.Random(mod.SEED)
        self.year = mod.YEAR
        self.docs: list[Doc] = []
        self.post_serial = 0
        self.authors_of: dict = {}

    # -- time -------------------------------------------------------------------------------
    def day(self, md: str) -> dt.date:
        m, d = md.split("-")
        return dt.date(self.year, int(m), int(d))

    def when(self, spec: str) -> dt.datetime:
        """'02-04 17:40' → that time; '02-04' → a random waking-hours time that day."""
        if " " in spec:
            md, hm = spec.split()
            h, mi = hm.split(":")
            d = self.day(md)
            return dt.datetime(d.year, d.month, d.day, int(h), int(mi), self.rng.randrange(60),
                               tzinfo=dt.timezone.utc)
        return self.random_time(self.day(spec))

    def random_time(self, d: dt.date, hours=None) -> dt.datetime:
        if hours is None:
            # people post from breakfast to late evening, a little at night
            hours = [6] * 2 + [7] * 5 + [8] * 7 + [9] * 7 + [10] * 6 + [11] * 6 + [12] * 7 + \
                [13] * 6 + [14] * 5 + [15] * 5 + [16] * 6 + [17] * 7 + [18] * 7 + [19] * 7 + \
                [20] * 7 + [21] * 6 + [22] * 4 + [23] * 2 + [0, 1, 5]
        h = self.rng.choice(hours)
        return dt.datetime(d.year, d.month, d.day, h, self.rng.randrange(60), self.rng.randrange(60),
                           tzinfo=dt.timezone.utc)

    # -- slots and variation ----------------------------------------------------------------
    def fill(self, text: str) -> str:
        slots = self.mod.SLOTS
        used: dict[str, list[str]] = {}

        def sub(m):
            name = m.group(1)
            base = re.sub(r"\d+$", "", name)
            choices = [c for c in slots[base] if c not in used.get(base, [])]
            value = self.rng.choice(choices)
            used.setdefault(base, []).append(value)
            return value

        return re.sub(r"\{([a-z_]+\d*)\}", sub, text)

    def vary(self, text: str, fam: dict, reuse: int = 0) -> str:
        rng = self.rng
        if reuse:
            text = self.retouch(text, fam, reuse)
        for src, dst, p in fam.get("typos", []):
            if rng.random() < p:
                text = re.sub(r"\b" + re.escape(src) + r"\b", dst, text, count=1)
        if fam.get("openers") and rng.random() < fam.get("opener_p", 0.25):
            op = rng.choice(fam["openers"])
            if op:
                text = op + " " + text
        if fam.get("closers") and rng.random() < fam.get("closer_p", 0.3):
            text = text.rstrip() + " " + rng.choice(fam["closers"])
        if fam.get("reply_to") and rng.random() < fam.get("reply_p", 0.15):
            text = rng.choice(fam["reply_to"]) + " " + text
        tags = []
        if fam.get("tagsets"):
            # one set of hashtags, chosen by weight: people who use one tag tend to use its partner
            weights = [w for w, _ in fam["tagsets"]]
            chosen = rng.choices([t for _, t in fam["tagsets"]], weights=weights)[0]
            tags.extend(t for t in chosen if t.lower() not in text.lower())
        for tag, p in fam.get("tags", []):
            if rng.random() < p and tag.lower() not in text.lower():
                tags.append(tag)
        if tags:
            text = text.rstrip() + ("\n\n" if rng.random() < 0.3 else " ") + " ".join(tags)
        return text

    def retouch(self, text: str, fam: dict, reuse: int) -> str:
        """A post used again by someone else: people echo what they read, in their own way."""
        rng = self.rng
        lang = fam.get("lang", "en")
        openers, closers = getattr(self.mod, "ECHO", {}).get(lang) or ECHO.get(lang) or ECHO["en"]
        r = rng.random()
        if r < 0.35:
            # an emoji or a few words at the end
            closer = rng.choice(closers)
            if closer[0].isalpha():
                text = text.rstrip()
                if text[-1].isalnum():
                    text += "."
            text = text.rstrip() + " " + closer
        elif r < 0.6 and "people" in fam:
            # a reply to someone else who said something similar
            name, handle = rng.choice(self.mod.PEOPLE[fam["people"]])
            text = "@" + handle + " " + text
        elif r < 0.75 and lang == "en" and fam.get("casual", True):
            # posted in a hurry: no capitals, no full stop
            text = text.rstrip(".").lower()
            text = re.sub(r"(^|\s)i(?=[\s'’])", lambda m: m.group(1) + "i", text)
        else:
            text = rng.choice(openers) + " " + text
        return text

    # -- documents --------------------------------------------------------------------------
    def source(self, sid: str) -> dict:
        return self.mod.SOURCES[sid]

    def add_item(self, item: dict):
        if item.get("key") and not item.get("shared_rng"):
            # Posts written for triage draw their random parts (seconds, post number) from a
            # generator of their own, so adding one does not reshuffle the rest of the corpus
            # and move the monitoring exercises' figures.
            shared, self.rng = self.rng, random.Random(f"{self.mod.SEED}:{item['key']}")
            try:
                return self.add_item(dict(item, shared_rng=True))
            finally:
                self.rng = shared
        src = self.source(item["src"])
        published = self.when(item["when"])
        kind = item.get("kind", src.get("kind", "news"))
        title = item.get("title", "")
        lang = item.get("lang", src.get("lang", "en"))
        if kind == "post":
            author = item.get("author", src["display"])
            handle = item.get("handle", src.get("handle"))
            url = item.get("url") or self.social_url(handle, published)
        else:
            author = item.get("author", src.get("author", src["name"]))
            url = item.get("url") or self.web_url(src, item, published, title, lang)
        doc = Doc(title=title, body=clean(item["body"]), author=author, source=item["src"],
                  source_name=src["name"], url=url, published=published, lang=lang, kind=kind,
                  topics=topics_of(item.get("topics")), key=item.get("key", ""))
        self.docs.append(doc)
        return doc

    def web_url(self, src, item, published, title, lang) -> str:
        pattern = item.get("path") or src["web"]
        if isinstance(pattern, dict):
            pattern = pattern.get(lang, pattern["en"])
        slug = item.get("slug") or slugify(title or item["body"])
        return pattern.format(y=published.year, m=f"{published.month:02d}", d=f"{published.day:02d}",
                              slug=slug, n=self.rng.randrange(10000, 99999))

    def social_url(self, handle: str, published: dt.datetime) -> str:
        self.post_serial += 1
        snowflake = (int(published.timestamp()) - 1_600_000_000) * 65536 + self.rng.randrange(65536)
        return f"https://social.example/@{handle}/{snowflake}"

    def window(self, spec: str):
        """'02-05 14:00..02-07' → (start, end) datetimes; either side may be empty."""
        lo, _, hi = spec.partition("..")

        def parse(part, end):
            part = part.strip()
            if not part:
                return None
            if " " in part:
                md, hm = part.split()
                h, mi = hm.split(":")
                d = self.day(md)
                return dt.datetime(d.year, d.month, d.day, int(h), int(mi), 59 if end else 0,
                                   tzinfo=dt.timezone.utc)
            d = self.day(part)
            if end:
                return dt.datetime(d.year, d.month, d.day, 23, 59, 59, tzinfo=dt.timezone.utc)
            return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)

        return parse(lo, False), parse(hi, True)

    @staticmethod
    def unpack(entry):
        if isinstance(entry, str):
            return entry, "", None
        if len(entry) == 2:
            return entry[0], entry[1], None
        return entry

    def allowed(self, entry, when: dt.datetime) -> bool:
        _, _, win = self.unpack(entry)
        if not win:
            return True
        lo, hi = self.window(win)
        return (lo is None or when >= lo) and (hi is None or when <= hi)

    def expand(self, fam: dict):
        texts = list(fam["texts"])
        order: list = []
        slots = []
        for key, n in fam["counts"].items():
            md, _, hrs = key.partition("@")
            hours = fam.get("hours")
            if hrs:
                a, b = (int(x) for x in hrs.split("-"))
                hours = list(range(a, b + 1))
            slots += [(md, hours)] * n
        for md, hours in slots:
            # draw a time at which at least one of the family's posts could plausibly appear
            for _ in range(50):
                published = self.random_time(self.day(md), hours)
                if any(self.allowed(t, published) for t in texts):
                    break
            entry = None
            for attempt in range(2):
                if attempt or not order:
                    fresh = texts[:]
                    self.rng.shuffle(fresh)
                    order = order + fresh if attempt else fresh
                for i, candidate in enumerate(order):
                    if self.allowed(candidate, published):
                        entry = order.pop(i)
                        break
                if entry is not None:
                    break
            if entry is None:
                raise SystemExit(f"family {fam['key']}: no text may be published at {published}")
            text, extra, _ = self.unpack(entry)
            key = (fam["key"], text)
            reuse = len(self.authors_of.setdefault(key, []))
            text = self.vary(self.fill(text), fam, reuse)
            src_id = fam["src"]
            src = self.source(src_id)
            if "people" in fam:
                people = self.mod.PEOPLE[fam["people"]]
                fresh = [p for p in people if p not in self.authors_of[key]] or people
                author, handle = self.rng.choice(fresh)
                self.authors_of[key].append((author, handle))
            else:
                author, handle = src["display"], src["handle"]
                self.authors_of[key].append((author, handle))
            kind = fam.get("kind", "post")
            title = fam.get("title", "")
            if fam.get("url"):
                # forums and the like: one address per reply, numbered in order
                self.post_serial += 1
                url = fam["url"].format(n=self.post_serial, handle=handle)
            elif kind == "post":
                url = self.social_url(handle, published)
            else:
                url = self.web_url(src, fam, published, title or text, fam.get("lang", "en"))
            doc = Doc(title=title, body=clean(text), author=author, source=src_id, source_name=src["name"],
                      url=url, published=published, lang=fam.get("lang", src.get("lang", "en")), kind=kind,
                      topics=entry_topics(fam.get("topics"), extra))
            self.docs.append(doc)

    def build(self) -> list[Doc]:
        for item in self.mod.ITEMS:
            self.add_item(item)
        for fam in self.mod.FAMILIES:
            self.expand(fam)
        self.docs.sort(key=lambda d: (d.published, d.url))
        seen_urls = set()
        for n, doc in enumerate(self.docs, 1):
            doc.id = f"{self.mod.PREFIX}-{n:04d}"
            while doc.url in seen_urls:
                doc.url += "-2"
            seen_urls.add(doc.url)
            m = re.match(r"https://([^/]+)", doc.url)
            doc.host = m.group(1).lower() if m else ""
        return self.docs


LIST_ITEM = re.compile(r"^(- |• |\d+\. )")


def clean(text: str) -> str:
    """Dedent, then undo the hard wrapping of the source: one paragraph a line, list items kept."""
    text = text.strip("\n")
    lines = text.split("\n")
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", "\n".join(l[indent:] for l in lines)):
        out: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if LIST_ITEM.match(line) or not out:
                out.append(line)
            else:
                out[-1] += " " + line
        if out:
            paragraphs.append("\n".join(out))
    return unicodedata.normalize("NFC", "\n\n".join(paragraphs))


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_corpus(name: str):
    mod = importlib.import_module(CORPUS_MODULES[name])
    docs = Builder(mod).build()
    out = ROOT / "corpora" / name
    out.mkdir(parents=True, exist_ok=True)
    (out / "corpus.toml").write_text(
        f"title = {toml_str(mod.TITLE)}\ndescription = {toml_str(mod.DESCRIPTION)}\n", encoding="utf-8")
    with (out / "documents.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps(d.json(), ensure_ascii=False) + "\n")

    theme_dir = ROOT / "exercises" / mod.THEME
    labels = theme_dir / "labels"
    labels.mkdir(parents=True, exist_ok=True)
    for ex_id, pred in mod.LABELS.items():
        ids = [d.id for d in docs if pred(d)]
        # one id a line and nothing else, as the exercise format says
        (labels / f"{ex_id}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")

    by_key = {d.key: d for d in docs if d.key}
    for tri in getattr(mod, "TRIAGE", []):
        write_triage(theme_dir, name, tri, by_key)

    days: dict[str, int] = {}
    for d in docs:
        days[d.published.strftime("%m-%d")] = days.get(d.published.strftime("%m-%d"), 0) + 1
    sources = sorted({d.source for d in docs})
    size = (out / "documents.jsonl").stat().st_size
    print(f"{name}: {len(docs)} documents, {len(sources)} sources, "
          f"{docs[0].published:%Y-%m-%d} to {docs[-1].published:%Y-%m-%d}, {size / 1024:.0f} KiB")
    print("   per day: " + " ".join(f"{k}:{v}" for k, v in sorted(days.items())))
    langs: dict[str, int] = {}
    for d in docs:
        langs[d.lang] = langs.get(d.lang, 0) + 1
    print("   languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    for ex_id, pred in mod.LABELS.items():
        print(f"   {ex_id}: {sum(1 for d in docs if pred(d))} relevant")


def triage_items(tri: dict):
    """The items of a triage exercise as dicts: (key, label, why) tuples, and for escalations
    (key, "escalate", why, route) or (key, "escalate", why, route, "life-safety")."""
    out = []
    for t in tri["items"]:
        key, label, why = t[:3]
        route = t[3] if len(t) > 3 else None
        life = len(t) > 4 and t[4] == "life-safety"
        out.append(dict(key=key, label=label, why=why, route=route, life=life))
    return out


# The marking of triage, as docs/design.md ("Triage marking") defines it and src/grade/triage.rs
# implements it; used here to set the score ranges of the generated tests independently of the
# Rust code, so the two are checked against each other by `sandpit exercises validate`.
WEIGHT_ESCALATE, WEIGHT_OTHER, OVER_ESCALATION_CREDIT, WRONG_ROUTE_CREDIT = 2.0, 1.0, 0.5, 0.5


def triage_score(items: list, labels: dict, routes: dict) -> float:
    got = total = 0.0
    for it in items:
        weight = WEIGHT_ESCALATE if it["label"] == "escalate" else WEIGHT_OTHER
        total += weight
        given = labels.get(it["key"])
        if given is None:
            continue
        if it["label"] == "escalate":
            if given == "escalate":
                got += weight * (1.0 if routes.get(it["key"]) == it["route"] else WRONG_ROUTE_CREDIT)
        elif given == "escalate":
            got += weight * OVER_ESCALATION_CREDIT
        elif given == it["label"]:
            got += weight
    return 100.0 * got / total


def triage_test(lines: list, by_key: dict, items: list, expect: str, why: str,
                labels: dict, routes: dict):
    score = int(triage_score(items, labels, routes) + 0.5)  # half up, as Rust's f64::round
    lines += ["", "[[tests]]", f"expect = {toml_str(expect)}", f"score = [{score}, {score}]",
              f"why = {toml_str(why)}", "[tests.labels]"]
    lines += [f"{toml_str(by_key[it['key']].id)} = {toml_str(labels[it['key']])}"
              for it in items if it["key"] in labels]
    if routes:
        lines += ["[tests.routes]"]
        lines += [f"{toml_str(by_key[it['key']].id)} = {toml_str(routes[it['key']])}"
                  for it in items if it["key"] in routes]


def write_triage(theme_dir: Path, corpus: str, tri: dict, by_key: dict):
    items = triage_items(tri)
    escalations = sum(1 for it in items if it["label"] == "escalate")
    # one in five to one in four, as on a real shift (issue 17): not half the inbox
    share = escalations / len(items)
    if not 0.18 <= share <= 0.27:
        raise SystemExit(f"{tri['file']}: {escalations} escalations of {len(items)} posts ({share:.0%}); "
                         "keep escalations to about one in five to one in four")
    lines = [
        "# Generated by tools/gen_corpora.py from tools/corpus_text/: edit the words there, then regenerate.",
        f"id = {toml_str(tri['id'])}",
        f"title = {toml_str(tri['title'])}",
        'kind = "triage"',
        f"level = {toml_str(tri['level'])}",
        "teaches = [" + ", ".join(toml_str(t) for t in tri.get("teaches", [])) + "]",
    ]
    # the skills it trains and the trap its variants share (exercises/README.md), when given
    if "skills" in tri:
        lines += ["skills = [" + ", ".join(toml_str(t) for t in tri["skills"]) + "]"]
    if "trap" in tri:
        lines += [f"trap = {toml_str(tri['trap'])}"]
    lines += [
        f"summary = {toml_str(tri['summary'])}",
        'brief = """',
        tri["brief"].strip(),
        '"""',
        "hints = [" + ",\n  ".join(toml_str(h) for h in tri["hints"]) + "]",
        "",
        "[triage]",
        f"corpus = {toml_str(corpus)}",
        f"pass_mark = {tri['pass_mark']}",
        "routes = [" + ", ".join(toml_str(r) for r in tri["routes"]) + "]",
    ]
    for it in items:
        if it["label"] == "escalate" and it["route"] not in tri["routes"]:
            raise SystemExit(f"{tri['file']}: {it['key']} has route {it['route']!r}, not one of {tri['routes']}")
        lines += ["", "[[triage.items]]", f"id = {toml_str(by_key[it['key']].id)}",
                  f"label = {toml_str(it['label'])}", f"why = {toml_str(it['why'])}"]
        if it["label"] == "escalate":
            lines += [f"route = {toml_str(it['route'])}"]
        if it["life"]:
            lines += ["life_safety = true"]
    # The file's own tests (see exercises/README.md), each score computed by triage_score above.
    perfect = {it["key"]: it["label"] for it in items}
    routes = {it["key"]: it["route"] for it in items if it["label"] == "escalate"}
    triage_test(lines, by_key, items, "pass", "the trainer's own labels and routes", perfect, routes)
    triage_test(lines, by_key, items, "fail", "everything relevant, nothing escalated",
                {k: "relevant" for k in perfect}, {})
    # over-escalating: the first three relevant or not-relevant posts escalated as well, to the
    # first route; "when in doubt, escalate" must still pass
    over = dict(perfect)
    over_routes = dict(routes)
    for it in [it for it in items if it["label"] != "escalate"][:3]:
        over[it["key"]] = "escalate"
        over_routes[it["key"]] = tri["routes"][0]
    triage_test(lines, by_key, items, "pass", "over-escalates three posts: costs half a post each",
                over, over_routes)
    # one life-safety post sorted as merely relevant fails, whatever the score
    life = next(it for it in items if it["life"])
    missed = dict(perfect)
    missed[life["key"]] = "relevant"
    missed_routes = {k: v for k, v in routes.items() if k != life["key"]}
    triage_test(lines, by_key, items, "fail",
                "everything right but one post where a life is at risk, sorted as relevant",
                missed, missed_routes)
    # escalations all sent to the last route: half of each misrouted escalation
    wrong = {k: tri["routes"][-1] for k in routes}
    triage_test(lines, by_key, items, "fail" if triage_score(items, perfect, wrong) < 100 * tri["pass_mark"] else "pass",
                f"every escalation sent to the {tri['routes'][-1]}", perfect, wrong)
    # the second half of the inbox left unsorted: blanks count as wrong
    half = {it["key"]: it["label"] for it in items[: len(items) // 2]}
    triage_test(lines, by_key, items, "fail", "the second half of the inbox left unsorted",
                half, {k: v for k, v in routes.items() if k in half})
    (theme_dir / tri["file"]).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    names = argv or list(CORPUS_MODULES)
    for name in names:
        if name not in CORPUS_MODULES:
            print(f"unknown corpus {name}; known: {', '.join(CORPUS_MODULES)}", file=sys.stderr)
            return 2
        write_corpus(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
