"""Write a synthetic help center: the same seed always gives the same files.

    python benchmarks/generate_corpus.py OUT_DIR --articles 10000 [--seed 7] [--manifest planted.json]

OUT_DIR is the content folder. Articles have frontmatter (title, description, owner,
last_reviewed, tags), headings, paragraphs, numbered steps, tables, code blocks, images, links
to other articles (some with anchors), and FAQ question headings. Topics have their own
vocabulary drawn from a Zipf-distributed word list, so articles of one topic share words as real
ones do. Every article ends with the same feedback footer and some share a prerequisites block
(boilerplate). A few articles are translated (`fr/x.md`, `x.de.md`), and about 1% are rewritten
copies of another article (sections reordered, sentences dropped or reworded, title rephrased):
the pairs go to --manifest as JSON, for benchmarks of the duplicate rules.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

AREAS = ("accounts", "billing", "reports", "projects", "integrations", "security", "mobile", "admin",
         "inventory", "sales", "support", "data")
OWNERS = ("docs-team", "billing-team", "platform-team", "support-team")
VERBS = ("set up", "change", "delete", "export", "import", "share", "archive", "restore", "connect", "review",
         "approve", "schedule", "filter", "assign", "track", "configure", "print", "sync", "rename", "merge")
LABELS = ("Settings", "Save", "New", "Edit", "Delete", "Export", "Share", "Next", "Done", "Apply", "Filters",
          "More options", "Advanced", "Permissions", "History")
FUNCTION = ("the", "a", "to", "and", "of", "in", "for", "you", "your", "is", "on", "with", "can", "that", "it",
            "when", "this", "from", "or", "by", "then", "each", "all", "after", "before")
FRENCH = ("le", "la", "les", "de", "des", "pour", "avec", "vous", "votre", "est", "dans", "sur", "et", "une")
SYLLABLES = ("ka", "lo", "mi", "ren", "tor", "vel", "sa", "qui", "dor", "fen", "ga", "lim", "nor", "pe", "ras",
             "sul", "tan", "vo", "wex", "zir", "bal", "cen", "dri", "fol", "hin", "jor", "kel", "mar")
FOOTER = ("Was this article helpful? Use the feedback button at the bottom of this page to tell us what we "
          "could improve. Our documentation team reads every message and updates articles every week.")
PREREQUISITES = ("Before you start, make sure that you have an administrator account, that your workspace "
                 "runs the latest version, and that your browser allows pop-up windows from our domain.")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@dataclass(frozen=True)
class Section:
    heading: str
    sentences: tuple[str, ...]
    kind: str  # prose, steps, table, code, faq


@dataclass(frozen=True)
class Plan:
    path: str
    title: str
    topic: int
    sections: tuple[Section, ...]
    lang: str = "en"


class Words:
    """A deterministic vocabulary with Zipf frequencies, and each topic's own terms."""

    def __init__(self, rng: random.Random, size: int, topics: int) -> None:
        # Real English words, most frequent first, so prose reads to the spelling and readability
        # rules as a help center's does; each topic adds two invented product names, as real help
        # centers have, which the spelling rule does not know.
        self.words = english_words(size)
        self.weights = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(size)))
        self.topics = [rng.sample(self.words[200:], 22) + [_product(rng), _product(rng)] for _ in range(topics)]

    def common(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.weights, k=k)


def english_words(size: int) -> list[str]:
    """The most frequent words of pyspellchecker's English list: deterministic and offline."""
    import gzip
    import importlib.resources

    data = importlib.resources.files("spellchecker") / "resources" / "en.json.gz"
    frequencies = json.loads(gzip.decompress(data.read_bytes()))
    words = sorted((w for w in frequencies if w.isalpha() and w.isascii() and len(w) > 2), key=lambda w: (-frequencies[w], w))
    return words[:size]


def _product(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize()


def sentence(rng: random.Random, words: Words, topic: int, function: tuple[str, ...] = FUNCTION) -> str:
    terms = words.topics[topic]
    parts = [rng.choice(function) if rng.random() < 0.45 else w for w in words.common(rng, rng.randint(7, 15))]
    for _ in range(rng.randint(1, 3)):
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(terms))
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), f"**{rng.choice(LABELS)}**")
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def plan_article(rng: random.Random, words: Words, index: int, topics: int) -> Plan:
    topic = rng.randrange(topics)
    terms = words.topics[topic]
    verb, obj = rng.choice(VERBS), f"{rng.choice(terms)} {rng.choice(terms)}"
    title = rng.choice((f"How to {verb} {obj}", f"{verb.capitalize()} {obj}", f"About {obj}",
                        f"Troubleshoot {obj}", f"{obj.capitalize()} {rng.choice(words.words[:2000])}"))
    kinds = ["prose", *rng.sample(("steps", "table", "code", "prose", "faq"), rng.randint(2, 4))]
    sections = tuple(
        Section(_heading(rng, terms, kind), tuple(sentence(rng, words, topic) for _ in range(rng.randint(2, 6))), kind)
        for kind in kinds
    )
    area = AREAS[topic % len(AREAS)]
    return Plan(f"{area}/topic-{topic}/{_slug(title)}-{index}.md", title, topic, sections)


def _heading(rng: random.Random, terms: list[str], kind: str) -> str:
    if kind == "faq":
        return f"How do I {rng.choice(VERBS)} {rng.choice(terms)}?"
    return f"{rng.choice(VERBS).capitalize()} the {rng.choice(terms)} {rng.choice(terms)}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def rewrite(rng: random.Random, plan: Plan, words: Words, index: int) -> Plan:
    """Another writer's version: sections reordered, about 30% of sentences dropped or reworded."""
    sections = list(plan.sections)
    rng.shuffle(sections)
    changed = []
    for section in sections:
        kept = [s if rng.random() > 0.15 else sentence(rng, words, plan.topic) for s in section.sentences if rng.random() > 0.15]
        changed.append(replace(section, sentences=tuple(kept or section.sentences[:1])))
    title = f"Guide: {plan.title.removeprefix('How to ').lower()}"
    area = AREAS[(plan.topic + 5) % len(AREAS)]
    return Plan(f"{area}/copies/{_slug(title)}-{index}.md", title, plan.topic, tuple(changed))


def translate(rng: random.Random, plan: Plan, words: Words, lang: str, beside: bool) -> Plan:
    sections = tuple(
        replace(s, heading=f"{s.heading} ({lang})", sentences=tuple(sentence(rng, words, plan.topic, FRENCH) for _ in s.sentences))
        for s in plan.sections
    )
    stem = plan.path.removesuffix(".md")
    path = f"{stem}.{lang}.md" if beside else f"{lang}/{plan.path}"
    return Plan(path, f"{plan.title} ({lang})", plan.topic, sections, lang)


def render(rng: random.Random, plan: Plan, plans: list[Plan]) -> str:
    depth = plan.path.count("/")
    lines = ["---", f"title: {json.dumps(plan.title)}", f"description: {json.dumps(plan.sections[0].sentences[0])}",
             f"owner: {OWNERS[plan.topic % len(OWNERS)]}",
             f"last_reviewed: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
             f"tags: [{AREAS[plan.topic % len(AREAS)]}, topic-{plan.topic}]", "---", "", f"# {plan.title}", ""]
    if rng.random() < 0.3:
        lines += [PREREQUISITES, ""]
    for section in plan.sections:
        lines += [f"## {section.heading}", "", *_body(rng, section), ""]
    others = rng.sample(plans, min(3, len(plans)))
    lines += ["## Related articles", ""]
    for other in others:
        anchor = f"#{_slug(other.sections[0].heading)}" if rng.random() < 0.3 else ""
        lines.append(f"- [{other.title}]({'../' * depth}{other.path}{anchor})")
    lines += ["", f"![Screenshot of {plan.title}]({'../' * depth}images/screen-{plan.topic % 20}.png)", "", FOOTER, ""]
    return "\n".join(lines)


def _body(rng: random.Random, section: Section) -> list[str]:
    text = list(section.sentences)
    if section.kind == "steps":
        return [f"{n}. {s}" for n, s in enumerate(text, 1)]
    if section.kind == "table":
        rows = [f"| {s.split()[0]} | {' '.join(s.split()[1:6])} |" for s in text]
        return ["| Field | Meaning |", "| --- | --- |", *rows]
    if section.kind == "code":
        return [text[0], "", "```bash", f"contoso {_slug(text[-1])[:30]} --verbose", "```", "", *text[1:]]
    return [" ".join(text[:3]), "", " ".join(text[3:])] if len(text) > 3 else [" ".join(text)]


def generate(out: Path, articles: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    topics = max(3, articles // 25)
    words = Words(rng, 30_000, topics)
    originals = max(1, int(articles * 0.98))
    plans = [plan_article(rng, words, i, topics) for i in range(originals)]
    planted = []
    while len(plans) < articles:
        source = plans[rng.randrange(originals)]
        if len(plans) < originals + max(1, articles // 100):
            copy = rewrite(rng, source, words, len(plans))
            planted.append((source.path, copy.path))
        else:
            copy = translate(rng, source, words, rng.choice(("fr", "de")), beside=rng.random() < 0.4)
        plans.append(copy)
    (out / "images").mkdir(parents=True, exist_ok=True)
    for n in range(20):
        (out / "images" / f"screen-{n}.png").write_bytes(PNG)
    for plan in plans:
        file = out / plan.path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(render(rng, plan, plans[:originals]), encoding="utf-8")
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the content folder to write (created if missing)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--manifest", type=Path, help="write the planted duplicate pairs here, as JSON")
    args = parser.parse_args()
    planted = generate(args.out, args.articles, args.seed)
    if args.manifest:
        args.manifest.write_text(json.dumps(planted, indent=1), encoding="utf-8")
    print(f"wrote {args.articles} articles to {args.out} ({len(planted)} planted duplicates)")


if __name__ == "__main__":
    main()
