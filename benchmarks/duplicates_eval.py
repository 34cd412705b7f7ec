"""Precision and recall of duplicate-article on a real help center, with labelled pairs.

    python benchmarks/duplicates_eval.py            # at the rule's default threshold
    python benchmarks/duplicates_eval.py --sweep    # and at thresholds from 0.3 to 0.9

The help center is ../shared/corpora/ms-business-central-help (Microsoft's Business Central
docs, CC BY 4.0), without its includes/ folder (snippets, not articles). Into it the script plants
rewritten copies of real articles, chosen at random with a fixed seed among those with enough
prose: sections reordered, about 30% of sentences dropped or reworded, the title rephrased. The
positives are the planted pairs and the real near-duplicates listed in duplicates_labels.json
(judged by reading them). The negatives are every other pair of the help center, among them the
neighbouring topics that share product vocabulary listed in duplicates_labels.json (customer and
vendor versions of one task, two reports built from one template). A flagged pair that is not a
positive counts against precision, labelled or not; the script lists each one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from hclint.article import Article, parse_article
from hclint.index import Index, IndexEntry
from hclint.rule import Context, CorpusInput, extractors
from hclint.rules.duplicates import DUPLICATE_ARTICLE

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpora" / "ms-business-central-help" / "business-central"
LABELS = HERE / "duplicates_labels.json"
SEED = 2026
PLANTED = 80
OTHER = re.compile(r"covers the same ground as (\S+) \(similarity")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[*])")
# Rewording as a second writer might: other verbs, other connectives, other order.
SYNONYMS = {
    "choose": "select", "Choose": "Select", "select": "pick", "enter": "type", "Enter": "Type",
    "you can": "it's possible to", "You can": "It's possible to", "the following": "these",
    "set up": "configure", "Set up": "Configure", "create": "make", "Create": "Make", "field": "box",
    "must": "need to", "For example": "For instance", "also": "as well", "information": "details",
    "specify": "define", "Specify": "Define", "open": "go to", "Open": "Go to", "want to": "would like to",
    "such as": "like", "However": "That said", "additional": "extra", "before": "prior to",
    "automatically": "on its own", "show": "display", "shows": "displays", "change": "modify",
    "remove": "delete", "use": "work with", "Use": "Work with", "page": "window", "when": "whenever",
}
TITLES = ("{t}: a walkthrough", "Guide to {l}", "Working with {l}", "All about {l}", "{t} explained")


def _reword(sentence: str, rng: random.Random) -> str:
    words = list(SYNONYMS.items())
    rng.shuffle(words)
    changed = 0
    for old, new in words:
        if re.search(rf"\b{re.escape(old)}\b", sentence) and changed < 3:
            sentence = re.sub(rf"\b{re.escape(old)}\b", new, sentence, count=1)
            changed += 1
    head, comma, tail = sentence.partition(", ")
    if comma and changed < 2:
        sentence = f"{tail.rstrip('.')}, {head[:1].lower()}{head[1:]}."
    return sentence


def _rewrite_line(line: str, rng: random.Random) -> str | None:
    """One line of prose: each sentence kept (70%), dropped (15%) or reworded (15%)."""
    if not line.strip() or line.lstrip().startswith(("|", "#", "[!", "```", "<", "!")):
        return line
    prefix = re.match(r"\s*(?:[-*]|\d+\.)?\s*", line).group()
    kept = []
    for sentence in SENTENCE.split(line[len(prefix):]):
        roll = rng.random()
        if roll < 0.15:
            continue
        kept.append(_reword(sentence, rng) if roll < 0.30 else sentence)
    return prefix + " ".join(kept) if kept else None


def rewrite(text: str, title: str, rng: random.Random) -> str:
    """Another writer's version of an article: new title, sections reordered, sentences changed."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    parts = re.split(r"(?m)^(?=## )", body)
    intro, sections = parts[0], parts[1:]
    rng.shuffle(sections)
    new_title = rng.choice(TITLES).format(t=title, l=title[:1].lower() + title[1:])
    intro = re.sub(r"(?m)^# .*$", f"# {new_title}", intro, count=1)
    lines = [_rewrite_line(line, rng) for line in (intro + "".join(sections)).split("\n")]
    return f"---\ntitle: {new_title}\n---\n" + "\n".join(line for line in lines if line is not None)


def _prose_words(article: Article) -> int:
    return sum(len(block.text.split()) for block in article.blocks if block.kind == "paragraph")


def help_center(planted: int) -> tuple[dict[str, Article], set[frozenset[str]]]:
    articles = {}
    for file in sorted(CORPUS.rglob("*.md")):
        path = file.relative_to(CORPUS).as_posix()
        if "includes" not in path.split("/"):
            articles[path] = parse_article(file.read_text(encoding="utf-8", errors="replace"), path, path)
    rng = random.Random(SEED)
    candidates = [a for a in articles.values() if _prose_words(a) >= 250 and len(a.headings) >= 3 and a.title]
    pairs = set()
    for source in rng.sample(candidates, planted):
        path = f"planted/{source.content_path.replace('/', '-')}"
        articles[path] = parse_article(rewrite(source.source, source.title, rng), path, path)
        pairs.add(frozenset((source.content_path, path)))
    return articles, pairs


def flagged(index: Index, threshold: float) -> Iterator[frozenset[str]]:
    rule = DUPLICATE_ARTICLE
    options = {**rule.defaults, "threshold": threshold}
    context = Context(date(2026, 11, 23), CORPUS, CORPUS)
    given = CorpusInput(index, frozenset(index.entries), lambda _: options, context, rule.shared.make(index, context))
    for path, problem in rule.check(given):
        yield frozenset((path, OTHER.search(problem.message).group(1)))


def labelled() -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    return ({frozenset(p["pair"]) for p in data["duplicates"]}, {frozenset(p["pair"]) for p in data["distinct"]})


def score(found: set[frozenset[str]], positives: set[frozenset[str]]) -> tuple[float, float]:
    hits = len(found & positives)
    return (hits / len(found) if found else 1.0), hits / len(positives)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=DUPLICATE_ARTICLE.defaults["threshold"])
    parser.add_argument("--sweep", action="store_true", help="also score thresholds from 0.3 to 0.9")
    args = parser.parse_args()
    articles, planted = help_center(PLANTED)
    index = Index({path: IndexEntry.of(article, extractors([DUPLICATE_ARTICLE])) for path, article in articles.items()})
    real, distinct = labelled()
    positives = planted | real
    print(f"{len(articles)} articles; positives: {len(planted)} planted + {len(real)} real near-duplicates; "
          f"labelled neighbouring-topic negatives: {len(distinct)}")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9) if args.sweep else ():
        found = set(flagged(index, threshold))
        precision, recall = score(found, positives)
        print(f"  threshold {threshold:.2f}: precision {precision:.3f} recall {recall:.3f} ({len(found)} pairs flagged)")
    found = set(flagged(index, args.threshold))
    precision, recall = score(found, positives)
    for pair in sorted(sorted(p) for p in found - positives):
        print("  false positive:", " <> ".join(pair), "(labelled distinct)" if frozenset(pair) in distinct else "")
    for pair in sorted(sorted(p) for p in positives - found):
        print("  missed:", " <> ".join(pair))
    print(f"threshold {args.threshold:.2f}: precision {precision:.3f}, recall {recall:.3f} "
          f"({len(found & positives)} of {len(found)} flagged pairs are duplicates; {len(positives)} duplicates)")


if __name__ == "__main__":
    main()
