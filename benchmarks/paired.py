"""Old code against new, run alternately: is a change slower? Wall time and CPU time, paired.

    python benchmarks/paired.py OLD_REV                    # against HEAD's working tree
    python benchmarks/paired.py OLD_REV --rounds 5 --articles 10000

The two versions run one after the other, round after round, on the same copies of the help
centers, so a slow minute on this shared machine slows both. Each round runs, for each version:

- a cold check: `hclint check` with an empty cache;
- a pre-commit run: one edited article checked against the warm cache of the whole help center
  (the median of three different edits).

It prints, per help center and kind of run, the median wall and CPU (user + system, workers
included) seconds of each version and the ratio new / old. The old version comes from
`git worktree add`, in a temporary folder; nothing in the repository changes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MS_CORPUS = REPO.parent / "shared" / "corpora" / "ms-business-central-help" / "business-central"
ENV = {**os.environ, "HCLINT_TODAY": "2026-11-23", "HCLINT_NO_PROGRESS": "1", "NO_COLOR": "1"}
EDITS = 3


def timed(code: Path, project: Path, *args: str) -> tuple[float, float]:
    """(wall, user + system CPU) seconds of one `hclint check` with the code in code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "hclint", "check", "--format", "json", "--output", os.devnull, *args],
                          cwd=project, env={**ENV, "PYTHONPATH": str(code)}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"hclint failed in {project}: {done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def project(folder: Path, content: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(content, folder / "content")
    (folder / "pyproject.toml").write_text('[tool.hclint]\ncontent = "content"\n', encoding="utf-8")
    return folder


def cold(code: Path, folder: Path) -> tuple[float, float]:
    shutil.rmtree(folder / ".hclint-cache", ignore_errors=True)
    return timed(code, folder)


def precommit(code: Path, folder: Path) -> tuple[float, float]:
    timed(code, folder)  # the cache is warm for the whole help center
    articles = sorted((folder / "content").rglob("*.md"))
    runs = []
    for number in range(EDITS):
        article = articles[(number + 1) * len(articles) // (EDITS + 1)]
        original = article.read_bytes()
        article.write_bytes(original + f"\nOne more sentence, edit {number}.\n".encode())
        try:
            runs.append(timed(code, folder, str(article.relative_to(folder))))
        finally:
            article.write_bytes(original)
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=10_000, help="the synthetic help center's size (0: none)")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hclint-paired-"))
    old = work / "old"
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), arguments.old], cwd=REPO, check=True)
    try:
        corpora = {"ms": MS_CORPUS}
        if arguments.articles:
            synthetic = work / "synthetic-source"
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(synthetic), "--articles", str(arguments.articles)],
                           check=True, capture_output=True)
            corpora["synthetic"] = synthetic / "content" if (synthetic / "content").is_dir() else synthetic
        codes = {"old": old, "new": REPO}
        times: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        for name, content in corpora.items():
            folders = {side: project(work / f"{name}-{side}", content) for side in codes}
            for _ in range(arguments.rounds):
                for side, code in codes.items():  # alternate: old, new, old, new...
                    times.setdefault((name, "cold", side), []).append(cold(code, folders[side]))
                    times.setdefault((name, "pre-commit", side), []).append(precommit(code, folders[side]))
        print(f"{'help center':<12} {'run':<11} {'old wall':>9} {'new wall':>9} {'ratio':>6} {'old CPU':>8} {'new CPU':>8} {'ratio':>6}")
        for name in corpora:
            for kind in ("cold", "pre-commit"):
                old_runs, new_runs = times[(name, kind, "old")], times[(name, kind, "new")]
                ow, nw = statistics.median(r[0] for r in old_runs), statistics.median(r[0] for r in new_runs)
                oc, nc = statistics.median(r[1] for r in old_runs), statistics.median(r[1] for r in new_runs)
                print(f"{name:<12} {kind:<11} {ow:>9.2f} {nw:>9.2f} {nw / ow:>6.2f} {oc:>8.2f} {nc:>8.2f} {nc / oc:>6.2f}")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=REPO, check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
