"""The link cache on disk: times to live, a corrupted file discarded and rebuilt, concurrent runs."""

from __future__ import annotations

import multiprocessing
import sqlite3

from hclint.rules.external.cache import FILE, FOLDER, LinkCache
from hclint.rules.external.result import LinkResult, Verdict

GOOD = LinkResult(Verdict.OK, "200 OK", 200)
MOVED = LinkResult(Verdict.REDIRECT, "permanent redirect (301)", 301, "https://example.com/new")
MISSING = LinkResult(Verdict.BROKEN, "404 Not Found", 404)
HOUR = 3600.0


def test_results_come_back_until_their_time_to_live_ends(tmp_path):
    with LinkCache(tmp_path) as cache:
        cache.put_many({"https://a.test/": GOOD, "https://b.test/": MOVED, "https://c.test/": MISSING}, 1000.0, 24 * HOUR, HOUR)
        urls = ["https://a.test/", "https://b.test/", "https://c.test/", "https://unknown.test/"]
        assert cache.get_many(urls, 1000.0 + HOUR - 1) == {
            "https://a.test/": GOOD,
            "https://b.test/": MOVED,
            "https://c.test/": MISSING,
        }
        # After an hour the failure is asked again; the good links are trusted for a day.
        assert set(cache.get_many(urls, 1000.0 + HOUR + 1)) == {"https://a.test/", "https://b.test/"}
        assert cache.get_many(urls, 1000.0 + 24 * HOUR + 1) == {}


def test_results_survive_between_runs(tmp_path):
    with LinkCache(tmp_path) as cache:
        cache.put_many({"https://a.test/": GOOD}, 0.0, HOUR, HOUR)
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(["https://a.test/"], 1.0) == {"https://a.test/": GOOD}


def test_a_skipped_link_is_never_cached(tmp_path):
    with LinkCache(tmp_path) as cache:
        cache.put_many({"http://10.0.0.1/": LinkResult(Verdict.SKIPPED, "private address")}, 0.0, HOUR, HOUR)
        assert cache.get_many(["http://10.0.0.1/"], 1.0) == {}


def test_many_urls_are_read_in_chunks(tmp_path):
    urls = [f"https://example.com/{i}" for i in range(2500)]
    with LinkCache(tmp_path) as cache:
        cache.put_many({url: GOOD for url in urls}, 0.0, HOUR, HOUR)
        assert len(cache.get_many(urls, 1.0)) == 2500


def test_the_cache_folder_is_git_ignored(tmp_path):
    LinkCache(tmp_path).close()
    assert (tmp_path / FOLDER / ".gitignore").read_text() == "*\n"


def test_a_corrupted_file_is_discarded_and_rebuilt(tmp_path):
    file = tmp_path / FOLDER / FILE
    file.parent.mkdir()
    file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(["https://a.test/"], 0.0) == {}
        cache.put_many({"https://a.test/": GOOD}, 0.0, HOUR, HOUR)
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(["https://a.test/"], 1.0) == {"https://a.test/": GOOD}
    assert sqlite3.connect(file).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_of_another_schema_is_rebuilt(tmp_path):
    file = tmp_path / FOLDER / FILE
    file.parent.mkdir()
    other = sqlite3.connect(file)
    other.execute("CREATE TABLE links (url TEXT, answer TEXT)")
    other.execute("INSERT INTO links VALUES ('https://a.test/', 'fine')")
    other.commit()
    other.close()
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(["https://a.test/"], 0.0) == {}
        cache.put_many({"https://a.test/": MISSING}, 0.0, HOUR, HOUR)
        assert cache.get_many(["https://a.test/"], 1.0) == {"https://a.test/": MISSING}


def test_rows_that_make_no_sense_are_misses(tmp_path):
    LinkCache(tmp_path).close()
    raw = sqlite3.connect(tmp_path / FOLDER / FILE)
    raw.executemany(
        "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("https://bogus.test/", "fine", "200 OK", 200, None, 1e12),
            ("https://no-target.test/", "redirect", "moved", 301, None, 1e12),
            ("https://status.test/", "ok", "200 OK", "two hundred", None, 1e12),
            ("https://good.test/", "ok", "200 OK", 200, None, 1e12),
        ],
    )
    raw.commit()
    raw.close()
    urls = ["https://bogus.test/", "https://no-target.test/", "https://status.test/", "https://good.test/"]
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(urls, 0.0) == {"https://good.test/": GOOD}


def test_a_cache_that_cannot_be_created_is_skipped(tmp_path):
    (tmp_path / FOLDER).write_text("a file where the folder should be")
    with LinkCache(tmp_path) as cache:
        cache.put_many({"https://a.test/": GOOD}, 0.0, HOUR, HOUR)
        assert cache.get_many(["https://a.test/"], 1.0) == {}


def _writer(root: str, worker: int) -> None:
    from pathlib import Path

    for round_ in range(20):
        with LinkCache(Path(root)) as cache:
            urls = [f"https://example.com/{worker}/{round_}/{i}" for i in range(25)]
            cache.put_many({url: GOOD for url in urls}, 0.0, HOUR, HOUR)
            cache.get_many([f"https://example.com/{(worker + 1) % 4}/{round_}/{i}" for i in range(25)], 1.0)


def test_concurrent_runs_never_corrupt_the_cache(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(tmp_path), n)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    file = tmp_path / FOLDER / FILE
    assert sqlite3.connect(file).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    urls = [f"https://example.com/{w}/{r}/{i}" for w in range(4) for r in range(20) for i in range(25)]
    with LinkCache(tmp_path) as cache:
        assert len(cache.get_many(urls, 1.0)) == 4 * 20 * 25


def test_a_file_damaged_in_the_middle_is_discarded_not_read(tmp_path):
    urls = [f"https://example.com/{i}" for i in range(2000)]
    with LinkCache(tmp_path) as cache:
        cache.put_many({url: GOOD for url in urls}, 0.0, HOUR, HOUR)
    file = tmp_path / FOLDER / FILE
    sqlite3.connect(file).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(file.read_bytes())
    data[8192:12288] = b"\x00garbage" * 512
    file.write_bytes(bytes(data))
    with LinkCache(tmp_path) as cache:
        assert cache.get_many(urls, 1.0) == {}
    assert sqlite3.connect(file).execute("PRAGMA integrity_check").fetchone() == ("ok",)
