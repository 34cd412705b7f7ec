"""What the internal link rules add to a run of `hclint check`, as a ratio taken in one process.

    python benchmarks/links_overhead.py                  # ms-business-central-help, 1 repeat
    python benchmarks/links_overhead.py --repeats 3 --jobs 2
    python benchmarks/links_overhead.py --content path/to/docs

Two pairs of runs of the real engine, without the cache, each pair timed with and without the
seven link rules (broken-link, broken-anchor, missing-image, nav-missing-target, not-in-nav,
orphan-article, internal-link-from-public):

- every other rule on: the run a writer or CI really makes (the target: at most 1.20);
- only the foundation rules on: the cheapest run there is, so the link rules' own cost shows.

Runs alternate (without, with, without, with...) so a busy machine slows both alike; the median
of each is reported. The ratio that counts is the CPU one (this process and the engine's worker
processes): on a machine shared with other jobs, wall-clock time swings by a factor of two between
identical runs, CPU time far less. Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import tomli_w

from hclint.project.config import load_config
from hclint.engine import Run, check
from hclint.rules import registry
from hclint.rules.links import RULES as LINK_RULES

HERE = Path(__file__).resolve().parent

CORPUS = HERE.parent.parent / "shared" / "corpora" / "ms-business-central-help" / "business-central"
FOUNDATION = ("encoding", "frontmatter-invalid", "unreadable-file", "file-too-large", "empty-article", "missing-title")
LINKS = tuple(rule.name for rule in LINK_RULES)
TODAY = date(2026, 11, 23)


def _config(folder: Path, content: Path, name: str, off: set[str]):
    file = folder / f"{name}.toml"
    file.write_text(tomli_w.dumps({"content": str(content), "rules": {rule: "off" for rule in sorted(off)}}))
    return load_config(folder, registry(), explicit=file)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the engine's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(config, jobs: int | None) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of one cold run, and its link findings."""
    wall, cpu = time.perf_counter(), _cpu()
    report = check(config, Run(TODAY, use_cache=False, jobs=jobs))
    return time.perf_counter() - wall, _cpu() - cpu, sum(1 for f in report.findings if f.rule in LINKS)


def measure(folder: Path, content: Path, base_off: set[str], label: str, repeats: int, jobs: int | None) -> dict:
    without = _config(folder, content, f"{label}-without", base_off | set(LINKS))
    with_links = _config(folder, content, f"{label}-with", base_off)
    runs: dict[str, list[tuple[float, float, int]]] = {"without": [], "with": []}
    for _ in range(repeats):
        runs["without"].append(_timed(without, jobs))
        runs["with"].append(_timed(with_links, jobs))
    row = {"label": label, "findings": runs["with"][-1][2]}
    for kind, column in (("wall", 0), ("cpu", 1)):
        before = statistics.median(run[column] for run in runs["without"])
        after = statistics.median(run[column] for run in runs["with"])
        row[kind] = (before, after, after / before)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=CORPUS)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the engine's choice)")
    args = parser.parse_args()
    everything = set(registry())
    network = {name for name, rule in registry().items() if rule.needs_network}
    pairs = (
        ("every other rule", network),
        ("foundation rules only", everything - set(FOUNDATION) - set(LINKS)),
    )
    with tempfile.TemporaryDirectory() as folder:
        rows = [measure(Path(folder), args.content.resolve(), off, label, args.repeats, args.jobs) for label, off in pairs]
    articles = sum(1 for _ in args.content.rglob("*.md"))
    print(f"{articles} articles in {args.content}; median of {args.repeats} run(s) each; jobs={args.jobs or 'auto'}\n")
    print("| run | CPU without link rules | CPU with | CPU ratio | wall without | wall with | wall ratio | link findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        cpu, wall = row["cpu"], row["wall"]
        print(
            f"| {row['label']} | {cpu[0]:.2f} s | {cpu[1]:.2f} s | {cpu[2]:.3f} "
            f"| {wall[0]:.2f} s | {wall[1]:.2f} s | {wall[2]:.3f} | {row['findings']} |"
        )


if __name__ == "__main__":
    main()
