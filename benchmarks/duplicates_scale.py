"""How the duplicate rules grow with the size of the help center.

    python benchmarks/duplicates_scale.py --articles 1000 10000 100000

For each size: writes a synthetic help center (benchmarks/generate_corpus.py, cached under
benchmarks/out/), builds the index of every article with the facts of the four duplicate rules
(two worker processes, timed apart: a warm run reads this from the cache), pickles it, then times
in fresh processes:

- full: all four rules reporting on every article (what `hclint check` does on the whole help
  center once the index is cached);
- pre-commit: the same rules reporting on 5 changed articles, compared with the whole index.

Times are of the rule stage only (the index load is shown apart); peak memory (ru_maxrss) is of\nthat whole process, the loaded index included.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CHANGED = 5


def corpus(articles: int) -> Path:
    content = OUT / f"synthetic-{articles}" / "content"
    if not content.exists():
        command = [sys.executable, str(HERE / "generate_corpus.py"), str(content), "--articles", str(articles)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return content


def _entries(files: list[str], content: str) -> list:
    from hclint.article import load_article
    from hclint.index import IndexEntry
    from hclint.rule import extractors
    from hclint.rules.duplicates import RULES

    entries = []
    for file in files:
        relative = os.path.relpath(file, content)
        entries.append(IndexEntry.of(load_article(Path(file), relative, relative, 2**21), extractors(RULES)))
    return entries


def build_index(content: Path) -> tuple[Path, float]:
    """Index every article (parse + facts) and pickle it."""
    files = sorted(str(p) for p in content.rglob("*.md"))
    started = time.perf_counter()
    chunks = [files[i : i + 500] for i in range(0, len(files), 500)]
    with ProcessPoolExecutor(2) as pool:
        entries = [e for part in pool.map(_entries, chunks, [str(content)] * len(chunks)) for e in part]
    seconds = time.perf_counter() - started
    target = content.parent / "duplicates-index.pickle"
    target.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    return target, seconds


def stage(index_file: str, changed: int) -> None:
    """Run in a fresh process: load the index, run the four rules, print seconds and peak MB."""
    from hclint.index import Index
    from hclint.rule import Context, CorpusInput
    from hclint.rules.duplicates import RULES

    started = time.perf_counter()
    entries = pickle.loads(Path(index_file).read_bytes())
    index = Index({e.content_path: e for e in entries})
    loaded = time.perf_counter() - started
    paths = sorted(index.entries)
    targets = frozenset(paths[:: max(1, len(paths) // changed)][:changed] if changed else paths)
    context = Context(date(2026, 11, 23), Path("."), Path("."))
    started = time.perf_counter()
    counts = {}
    shared = RULES[0].shared.make(index, context)  # once for the family, as the engine makes it
    for rule in RULES:
        defaults = rule.defaults

        def options_for(path: str, defaults=defaults) -> dict:
            return defaults

        counts[rule.name] = sum(1 for _ in rule.check(CorpusInput(index, targets, options_for, context, shared)))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{loaded:.2f} {seconds:.2f} {peak:.0f} {counts}")


def measure(index_file: Path, changed: int) -> list[str]:
    command = [sys.executable, __file__, "--stage", str(index_file), "--changed", str(changed)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.split(" ", 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--changed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.stage, args.changed)
        return
    print("| articles | index build (parse + facts, 2 processes) | index load | full: time | full: peak memory | pre-commit (5 files): time | findings (full) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for articles in args.articles:
        index_file, built = build_index(corpus(articles))
        loaded, full, peak, counts = measure(index_file, 0)
        _, quick, _, _ = measure(index_file, CHANGED)
        print(f"| {articles:,} | {built:.1f} s | {float(loaded):.2f} s | {float(full):.2f} s | {float(peak):,.0f} MB "
              f"| {float(quick):.2f} s | {counts.strip()} |", flush=True)


if __name__ == "__main__":
    main()
