"""Time parsing against the misspelling rule on a help center, in one process.

    python tools/measure_spelling.py CONTENT_FOLDER [LANG]

Parsing is what every check pays; the spelling rule must cost no more than that. The first
spelling pass includes loading the dictionary and filling the per-word caches, the second shows
the steady state of a long run.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from hclint.article import load_article
from hclint.rule import Context
from hclint.rules.spelling import MISSPELLING


def main(folder: Path, lang: str) -> None:
    files = sorted(folder.rglob("*.md"))
    start = time.perf_counter()
    articles = [load_article(f, f.as_posix(), f.relative_to(folder).as_posix(), 2048 * 1024) for f in files]
    parsed = time.perf_counter() - start
    context = Context(date(2026, 11, 23), folder, folder, lang)
    for attempt in ("first", "second"):
        start = time.perf_counter()
        found = sum(1 for a in articles for _ in MISSPELLING.check(a, MISSPELLING.defaults, context))
        spelled = time.perf_counter() - start
        print(f"{len(files)} articles: parse {parsed:.2f} s, spelling ({attempt} pass) {spelled:.2f} s, {found} unknown words")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
