"""The cache gives exactly the findings of a cold run, whatever happened since the last run."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from hclint import article as article_module
from hclint.engine.cache import PAGE_SIZE, Cache, file_hash
from hclint.project.config import load_config
from hclint.engine import Report, Run, check
from hclint.rules import registry
from hclint.store import FOLDER
from tests.conftest import REPO, basic, only_rules, write_center

TODAY = date(2026, 11, 23)
FILES = {
    "content/a.md": "---\ntitle: A\n---\n\nFine.\n",
    "content/b.md": "No title.\n",
    "content/sub/c.md": "---\ntitle: C\n---\n<!-- hclint-disable-next-line encoding -->\nText.\n",
}


def _runs(root: Path, **run) -> tuple[Report, Report]:
    """A run through the cache, and a cold one with no cache, on the same files."""
    config = load_config(root, registry())
    return check(config, Run(TODAY, **run)), check(config, Run(TODAY, use_cache=False, **run))


def _age(root: Path) -> None:
    """Make every file look older than the racy window, as files are between real commits."""
    for path in root.rglob("*.md"):
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def _center(tmp_path: Path) -> Path:
    root = write_center(tmp_path, FILES, basic())
    _age(root)
    return root


def test_second_run_parses_nothing_and_reports_the_same(tmp_path):
    root = _center(tmp_path)
    first, cold = _runs(root)
    assert first.findings == cold.findings and first.parsed == 3
    warm, _ = _runs(root)
    assert warm.findings == cold.findings
    assert warm.parsed == 0


def test_edit_is_seen(tmp_path):
    root = _center(tmp_path)
    _runs(root)
    (root / "content/b.md").write_text("---\ntitle: B\n---\nNow titled.\n")
    _age(root)
    warm, cold = _runs(root)
    assert warm.findings == cold.findings
    assert warm.parsed == 1
    assert "content/b.md" not in {f.path for f in warm.findings}


def test_edit_within_the_same_second_is_seen(tmp_path):
    root = write_center(tmp_path, FILES, basic())
    _runs(root)
    (root / "content/b.md").write_text("No titlE.\n")  # same size, written just now
    warm, cold = _runs(root)
    assert warm.findings == cold.findings


def test_rename_and_delete_are_seen(tmp_path):
    root = _center(tmp_path)
    _runs(root)
    (root / "content/b.md").rename(root / "content/renamed.md")
    (root / "content/sub/c.md").unlink()
    warm, cold = _runs(root)
    assert warm.findings == cold.findings
    assert {f.path for f in warm.findings} == {"content/renamed.md"}


def test_configuration_change_is_seen(tmp_path):
    root = _center(tmp_path)
    _runs(root)
    (root / "pyproject.toml").write_text('[tool.hclint.rules]\nmissing-title = "info"\n')
    warm, cold = _runs(root)
    assert warm.findings == cold.findings
    assert {f.severity.value for f in warm.findings if f.rule == "missing-title"} == {"info"}


def test_corrupted_cache_is_discarded_not_trusted(tmp_path):
    root = _center(tmp_path)
    _runs(root)
    cache_file = root / ".hclint-cache" / "cache.sqlite3"
    cache_file.write_bytes(b"this is not a database" * 100)
    warm, cold = _runs(root)
    assert warm.findings == cold.findings
    assert warm.parsed == 3
    again, _ = _runs(root)  # rebuilt and used again
    assert again.parsed == 0


def test_truncated_cache_is_discarded(tmp_path):
    root = _center(tmp_path)
    _runs(root)
    cache_file = root / ".hclint-cache" / "cache.sqlite3"
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[: len(data) // 2])
    warm, cold = _runs(root)
    assert warm.findings == cold.findings


def test_no_cache_writes_nothing(tmp_path):
    root = _center(tmp_path)
    check(load_config(root, registry()), Run(TODAY, use_cache=False))
    assert not (root / ".hclint-cache").exists()


def test_another_day_is_a_new_result(tmp_path):
    root = _center(tmp_path)
    config = load_config(root, registry())
    check(config, Run(TODAY))
    assert check(config, Run(date(2027, 1, 1))).parsed == 3


def test_worker_processes_give_the_same_findings(tmp_path):
    files = {f"content/f{i:03}.md": ("No title.\n" if i % 3 else f"---\ntitle: T{i}\n---\nx\n") for i in range(400)}
    root = write_center(tmp_path, files, basic())
    config = load_config(root, registry())
    serial = check(config, Run(TODAY, use_cache=False, jobs=1))
    parallel = check(config, Run(TODAY, use_cache=False, jobs=2))
    assert parallel.findings == serial.findings
    assert len(serial.findings) == 266


def test_a_first_run_keys_the_cache_on_the_hashes_its_workers_read(tmp_path):
    # With an empty cache the workers hash the files, not the main process: the keys they give
    # must be the ones a later run computes, or every warm run would parse everything again.
    files = {f"content/f{i:03}.md": f"---\ntitle: T{i}\n---\n\nText {i}.\n" for i in range(400)}
    root = write_center(tmp_path, files, basic())
    _age(root)
    config = load_config(root, registry())
    assert check(config, Run(TODAY, jobs=2)).parsed == 400
    cache = Cache(root)
    states = cache.file_states()
    cache.close()
    assert {path: state.sha for path, state in states.items()} == {path: file_hash(root / path) for path in files}
    (root / "content/f007.md").write_text("---\ntitle: T7\n---\n\nChanged.\n")
    _age(root)
    assert check(config, Run(TODAY, jobs=2)).parsed == 1


def test_a_file_that_could_not_be_read_is_read_again_once_it_can_be(tmp_path, monkeypatch):
    # Permissions are the usual cause, and a change of permissions keeps the file's time and size:
    # no state is stored for it, so the next run reads it again. (Tests run as root, who can read
    # any file: opening it is made to fail instead.)
    root = _center(tmp_path)
    locked = root / "content/a.md"
    config = load_config(root, registry())
    real_open, real_read = open, article_module._read

    def refused_run() -> Report:
        def refusing_open(file, *args, **kwargs):
            if Path(file) == locked:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        def refusing_read(file, max_bytes):
            if Path(file) == locked:
                raise PermissionError(13, "Permission denied", str(file))
            return real_read(file, max_bytes)

        with monkeypatch.context() as patched:
            patched.setattr("hclint.engine.cache.open", refusing_open, raising=False)
            patched.setattr(article_module, "_read", refusing_read)
            return check(config, Run(TODAY))

    def rules_of_a(report: Report) -> list[str]:
        return [finding.rule for finding in report.findings if finding.path == "content/a.md"]

    assert rules_of_a(refused_run()) == ["unreadable-file"]  # the cache empty: hashed by a worker
    assert rules_of_a(check(config, Run(TODAY))) == []
    os.utime(locked, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))  # its stat changes
    assert rules_of_a(refused_run()) == ["unreadable-file"]  # the cache full: hashed by this process
    assert rules_of_a(check(config, Run(TODAY))) == []


def test_a_new_cache_file_is_written_in_large_pages(tmp_path):
    root = _center(tmp_path)
    check(load_config(root, registry()), Run(TODAY))
    connection = sqlite3.connect(root / FOLDER / "cache.sqlite3")
    assert connection.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,)
    connection.close()


def test_concurrent_runs_share_the_cache_safely(tmp_path):
    files = {f"content/f{i:03}.md": "No title.\n" for i in range(300)}
    root = write_center(tmp_path, files, basic())
    command = [sys.executable, "-m", "hclint", "check", "--format", "json"]
    env = {"PYTHONPATH": str(REPO), "HCLINT_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"}
    processes = [subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [process.communicate() for process in processes]
    assert all(not err for _, err in outputs), outputs[0][1]
    assert len({out for out, _ in outputs}) == 1
    warm, cold = _runs(root)
    assert warm.findings == cold.findings


def test_a_run_killed_mid_write_leaves_a_usable_cache(tmp_path):
    import signal
    import time

    files = {f"content/f{i:04}.md": f"---\ntitle: T{i}\n---\n\n" + "Some text here.\n" * 50 for i in range(1500)}
    files["content/bad.md"] = "No title.\n"
    root = write_center(tmp_path, files, basic())
    env = {"PYTHONPATH": str(REPO), "HCLINT_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"}
    for delay in (0.3, 0.6, 0.9):
        process = subprocess.Popen([sys.executable, "-m", "hclint", "check"], cwd=root, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    warm, cold = _runs(root)
    assert warm.findings == cold.findings
    assert [f.path for f in warm.findings] == ["content/bad.md"]


# ---- a help center big enough for worker processes ----------------------------------------------

STEPS = (
    "Open the billing page and choose the invoice you want to change before the period closes. "
    "Check the amount, the currency and the customer address, then save the invoice as a draft. "
    "Send the draft to the customer when the totals match the order and the tax lines are right."
)


def _big_center(tmp_path: Path, articles: int = 200) -> Path:
    """Articles that link to each other (a few links broken), two of them sharing a passage: the
    link rules and the duplicate rules both have findings to report."""
    files = {}
    for n in range(articles):
        topic = f"topic{n % 40}"
        body = f"# Invoice task {n} for {topic}\n\n{STEPS if n < 2 else 'A short note on ' + topic + '.'}\n\n"
        body += f"See [the next task](a{(n + 1) % articles}.md) and [a missing page](gone{n % 9}.md#{topic}).\n"
        files[f"content/a{n}.md"] = f"---\ntitle: Invoice task {n}\n---\n\n{body}"
    root = write_center(tmp_path, files, only_rules("broken-link", "orphan-article", "duplicate-title", "copied-passage", "missing-title"))
    _age(root)
    return root


def test_corpus_rules_in_worker_processes_give_the_same_findings(tmp_path):
    root = _big_center(tmp_path)
    config = load_config(root, registry())
    serial = check(config, Run(TODAY, use_cache=False, jobs=1))
    parallel = check(config, Run(TODAY, use_cache=False, jobs=2))
    assert parallel.findings == serial.findings
    rules = {f.rule for f in serial.findings}
    assert {"broken-link", "copied-passage"} <= rules  # the link rules and the duplicate rules both ran


def test_article_rules_run_with_the_garbage_collector_on_alone_and_in_workers(tmp_path):
    # A run keeps the collector off only while it receives the workers' results.
    import gc
    from dataclasses import replace

    from hclint.findings import Problem

    def probe(article, options, context):
        yield Problem(1, 1, f"collector on: {gc.isenabled()}")

    rules = dict(registry())
    rules["missing-title"] = replace(rules["missing-title"], check=probe)
    config = load_config(_big_center(tmp_path), rules)
    for jobs in (1, 2):
        report = check(config, Run(TODAY, use_cache=False, jobs=jobs))
        assert {f.message for f in report.findings if f.rule == "missing-title"} == {"collector on: True"}
    assert gc.isenabled()


def test_an_error_while_the_workers_run_leaves_no_worker_behind(tmp_path):
    # The main process prepares the corpus rules while the workers process the articles.
    import multiprocessing
    from dataclasses import replace

    import pytest

    def broken(context):
        raise RuntimeError("preparing failed")

    root = _big_center(tmp_path)
    check(load_config(root, registry()), Run(TODAY, jobs=2))  # fills the cache
    rules = dict(registry())
    rules["duplicate-title"] = replace(rules["duplicate-title"], prepare=broken)
    config = load_config(root, rules)
    # Every article in two workers; one article in a worker beside the index read from the cache.
    for run in (Run(TODAY, use_cache=False, jobs=2), Run(TODAY, paths=(root / "content/a3.md",), jobs=2)):
        with pytest.raises(RuntimeError, match="preparing failed"):
            check(config, run)
        assert multiprocessing.active_children() == []


def test_one_changed_article_processed_beside_the_index_load_reports_what_a_cold_run_does(tmp_path):
    root = _big_center(tmp_path)
    config = load_config(root, registry())
    check(config, Run(TODAY, jobs=2))  # fills the cache: 200 stored index entries
    changed = root / "content/a14.md"
    changed.write_text(changed.read_text() + f"\n{STEPS} One sentence more.\n\n[Broken](nowhere.md)\n")
    _age(root)
    warm = check(config, Run(TODAY, paths=(changed,), jobs=2))
    cold = check(config, Run(TODAY, paths=(changed,), use_cache=False, jobs=1))
    assert warm.parsed == 1
    assert warm.findings == cold.findings
    assert {"broken-link", "copied-passage"} <= {f.rule for f in warm.findings}


def test_an_unreadable_index_entry_is_computed_again(tmp_path):
    import sqlite3

    root = _big_center(tmp_path)
    config = load_config(root, registry())
    check(config, Run(TODAY, jobs=2))
    with sqlite3.connect(root / ".hclint-cache" / "cache.sqlite3") as connection:
        damaged = connection.execute("UPDATE entries SET blob = X'800500' WHERE key LIKE 'index:%'").rowcount
    assert damaged == 200
    changed = root / "content/a3.md"
    changed.write_text(changed.read_text() + "\nOne sentence more.\n")
    _age(root)
    warm, cold = _runs(root, paths=(changed,))
    assert warm.findings == cold.findings
    assert warm.parsed == 200  # the changed article, and the 199 entries the cache could not read


def test_without_fork_everything_runs_in_one_process_and_reports_the_same(tmp_path, monkeypatch):
    import hclint.engine.workers

    root = _big_center(tmp_path)
    config = load_config(root, registry())
    forked = check(config, Run(TODAY, use_cache=False, jobs=2))
    check(config, Run(TODAY, jobs=2))  # fills the cache, so the next run would fork beside the index load
    changed = root / "content/a14.md"
    changed.write_text(changed.read_text() + "\nOne sentence more.\n")
    _age(root)
    def no_fork(method: str) -> None:
        raise ValueError(f"cannot find context for {method!r}")  # what Windows says

    monkeypatch.setattr(hclint.engine.workers, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(hclint.engine.workers, "get_context", no_fork)
    single = check(config, Run(TODAY, use_cache=False, jobs=2))
    one_file, cold_one_file = _runs(root, paths=(changed,), jobs=2)
    assert {f for f in single.findings if f.path != "content/a14.md"} == {f for f in forked.findings if f.path != "content/a14.md"}
    assert one_file.findings == cold_one_file.findings


def test_a_warm_run_names_other_articles_in_the_order_a_cold_run_does(tmp_path):
    files = {f"content/{name}.md": "---\ntitle: Reset your password\n---\n\nText.\n" for name in "abcde"}
    root = write_center(tmp_path, files, only_rules("duplicate-title"))
    _age(root)
    _runs(root)
    (root / "content/a.md").write_text("---\ntitle: Reset your password\n---\n\nText, edited.\n")
    _age(root)
    warm, cold = _runs(root)
    assert warm.parsed == 1
    assert [f.message for f in warm.findings] == [f.message for f in cold.findings]
    assert "a.md" in next(f.message for f in warm.findings if f.path == "content/b.md")
