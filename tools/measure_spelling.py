"""Time parsing against the misspelling rule on a help center, in one process.

    python tools/measure_spelling.py CONTENT_FOLDER [LANG]

Parsing is what every check pays; the spelling rule must cost no more than that. The first
pass includes loading the dictionary and filling the per-word caches (suggestions), the second
shows the steady state of a long run.
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
    context = Context(date(2026, 11, 23), folder, folder, lang)
    for attempt in ("first", "second"):
        parsed = spelled = 0.0
        found = 0
        # One article at a time, as the engine does: holding them all would slow the parse down
        # with garbage collections over millions of live tokens.
        for file in files:
            start = time.perf_counter()
            article = load_article(file, file.as_posix(), file.relative_to(folder).as_posix(), 2048 * 1024)
            middle = time.perf_counter()
            found += sum(1 for _ in MISSPELLING.check(article, MISSPELLING.defaults, context))
            parsed, spelled = parsed + middle - start, spelled + time.perf_counter() - middle
        print(f"{len(files)} articles, {attempt} pass: parse {parsed:.2f} s, spelling {spelled:.2f} s, {found} unknown words")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
