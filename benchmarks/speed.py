"""Speed and scale of `hclint check`: the four targets of the speed issue, as ratios taken in one run.

    python benchmarks/speed.py                 # ms-business-central-help and a 10,000-article help center
    python benchmarks/speed.py --articles 2000 # a smaller synthetic help center, for a quick look
    python benchmarks/speed.py --no-peers      # without installing markdownlint-cli2 from npm

Every number is wall-clock time of a real command (interpreter start included) except the floor,
which is one bare markdown-it-py parse of every file on one core, timed in its own process. The
floor and the cold check alternate three times: the table gives the median of the three ratios
and their range, and the floor and cold times of the median round. Peak memory is the largest
resident size of hclint's whole process tree, sampled from /proc, over the cold checks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
MS_CORPUS = HERE.parent.parent / "shared" / "corpora" / "ms-business-central-help" / "business-central"
HCLINT = [sys.executable, "-m", "hclint"]
PRECOMMIT_RUNS = 5  # the median is reported: one run on a shared machine varies by a tenth
# The floor and the cold check alternate, three times: each ratio pairs runs a few seconds apart,
# as the machine's speed drifts by a fifth within an hour; the median ratio is reported.
COLD_ROUNDS = 3
ENV = {**os.environ, "HCLINT_TODAY": "2026-11-23", "HCLINT_NO_PROGRESS": "1", "NO_COLOR": "1"}

BARE_PARSE = """
import sys, time, pathlib
from markdown_it import MarkdownIt
files = sorted(p for p in pathlib.Path(sys.argv[1]).rglob("*.md") if p.is_file())
texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
md = MarkdownIt("commonmark")
started = time.perf_counter()
for text in texts:
    md.parse(text)
print(time.perf_counter() - started)
"""


@dataclass
class Timing:
    seconds: float
    peak_mb: float = 0.0


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pending += [int(child) for child in children]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def timed(command: list[str], cwd: Path) -> Timing:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.decode()[-2000:]}")
    return Timing(elapsed, peak / 1024)


def bare_parse(content: Path) -> float:
    # One core: the floor for any Python tool that parses every file with markdown-it-py.
    command = ["taskset", "-c", "0", sys.executable, "-c", BARE_PARSE, str(content)]
    if not shutil.which("taskset"):
        command = command[3:]
    return float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def project(name: str, content: Path) -> Path:
    """A project folder whose hclint.toml points at the content: the cache lands here, not in the corpus."""
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hclint.toml").write_text(f'content = "{content}"\n')
    return folder


def markdownlint(content: Path) -> float | None:
    tool = OUT / "node" / "node_modules" / ".bin" / "markdownlint-cli2"
    if not tool.exists():
        (OUT / "node").mkdir(parents=True, exist_ok=True)
        install = ["npm", "install", "--silent", "--prefix", str(OUT / "node"), "markdownlint-cli2@0.24.1"]
        if subprocess.run(install, capture_output=True).returncode != 0:
            return None
    started = time.perf_counter()
    subprocess.run([str(tool), "**/*.md"], cwd=content, capture_output=True)
    return time.perf_counter() - started


def synthetic(articles: int) -> Path:
    target = OUT / f"synthetic-{articles}"
    if not (target / "content").exists():
        generator = HERE / "generate_corpus.py"
        subprocess.run([sys.executable, str(generator), str(target / "content"), "--articles", str(articles)], check=True)
    return target / "content"


def measure(name: str, content: Path, peers: bool, editable: bool) -> dict[str, object]:
    folder = project(name, content)
    rounds = []
    for _ in range(COLD_ROUNDS):
        shutil.rmtree(folder / ".hclint-cache", ignore_errors=True)
        rounds.append((bare_parse(content), timed([*HCLINT, "check"], folder)))
    rounds.sort(key=lambda pair: pair[1].seconds / pair[0])
    floor, cold = rounds[len(rounds) // 2]  # the round with the median ratio
    warm = timed([*HCLINT, "check"], folder)
    row: dict[str, object] = {"corpus": name, "files": sum(1 for _ in content.rglob("*.md")),
                              "floor": floor, "cold": cold, "warm": warm,
                              "ratios": [c.seconds / f for f, c in rounds], "peak": max(c.peak_mb for _, c in rounds)}
    if editable:
        article = sorted(content.rglob("*.md"))[len(list(content.rglob("*.md"))) // 2]
        original = article.read_bytes()
        runs = []
        try:
            # A new sentence each time, as each commit brings: the corpus findings are never cached.
            for edit in range(PRECOMMIT_RUNS):
                article.write_bytes(original + f"\nSentence {edit} added by the benchmark.\n".encode())
                runs.append(timed([*HCLINT, "check", str(article)], folder))
        finally:
            article.write_bytes(original)
        row["precommit"] = sorted(timing.seconds for timing in runs)
    row["markdownlint"] = markdownlint(content) if peers else None
    return row


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        f"| corpus | files | floor: bare parse, 1 core | cold check | cold / floor, median (range) of {COLD_ROUNDS} (target <= 2) "
        "| markdownlint-cli2 | warm check | warm / cold (target <= 0.10) | pre-commit, 1 file, median (range) of 5 (target < 1 s) "
        "| peak memory, cold (target < 1 GB) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cold, warm, floor, ratios = row["cold"], row["warm"], row["floor"], row["ratios"]
        peer = f"{row['markdownlint']:.2f} s" if row["markdownlint"] else "not run"
        runs = row.get("precommit")
        pre = f"{runs[len(runs) // 2]:.2f} s ({runs[0]:.2f} to {runs[-1]:.2f})" if runs else "n/a (read-only corpus)"
        lines.append(
            f"| {row['corpus']} | {row['files']} | {floor:.2f} s | {cold.seconds:.2f} s "
            f"| {ratios[len(ratios) // 2]:.2f} ({ratios[0]:.2f} to {ratios[-1]:.2f}) "
            f"| {peer} | {warm.seconds:.2f} s | {warm.seconds / cold.seconds:.3f} | {pre} | {row['peak']:.0f} MB |"
        )
    return "\n".join(lines)


def main() -> None:
    # An installed hclint has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every edited module on every run instead.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "hclint")], check=True)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    rows = []
    if MS_CORPUS.exists():
        rows.append(measure("ms-business-central-help", MS_CORPUS, not args.no_peers, editable=False))
    rows.append(measure(f"synthetic-{args.articles}", synthetic(args.articles), not args.no_peers, editable=True))
    print(table(rows))


if __name__ == "__main__":
    main()
