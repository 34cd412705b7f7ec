"""What external links answered lately, so repeated runs do not ask the same hosts again.

sqlite3 in WAL mode in <project root>/.hclint-cache/links.sqlite3: concurrent runs read while
one writes, and a run killed mid-write leaves the last committed state. The cache is only an
optimisation and never trusted: a file that is not a database, has another schema or breaks
while being read is deleted and rebuilt, a row that does not make sense is a miss, and a cache
that cannot be written is skipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from hclint.rules.external.result import LinkResult, Verdict
from hclint.store import FOLDER, discard, open_store

FILE = "links.sqlite3"
SCHEMA_VERSION = 1
CHUNK = 900  # below sqlite's limit on bound parameters
GOOD = frozenset({Verdict.OK, Verdict.REDIRECT})
CACHED = frozenset(Verdict) - {Verdict.SKIPPED}  # a private address was never asked: nothing to keep
TABLE = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    detail TEXT NOT NULL,
    status INTEGER,
    final_url TEXT,
    expires REAL NOT NULL
)
"""


def _set_up(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"schema {version}, expected {SCHEMA_VERSION}")
    if version == 0:
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(TABLE)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(links)")]
    if columns != ["url", "verdict", "detail", "status", "final_url", "expires"]:
        raise sqlite3.DatabaseError("unexpected columns")
    if connection.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("quick_check failed")


class LinkCache:
    def __init__(self, root: Path) -> None:
        self.file = root / FOLDER / FILE
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection | None:
        return open_store(self.file, _set_up)

    def get_many(self, urls: Iterable[str], now: float) -> dict[str, LinkResult]:
        """The results still fresh at time now (seconds since the epoch)."""
        urls = list(urls)
        found: dict[str, LinkResult] = {}
        for start in range(0, len(urls), CHUNK):
            chunk = urls[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT url, verdict, detail, status, final_url FROM links WHERE expires > ? AND url IN ({marks})"
            for url, *row in self._query(sql, (now, *chunk)):
                result = _result(*row)
                if result is not None:
                    found[url] = result
        return found

    def put_many(self, results: Mapping[str, LinkResult], now: float, ttl_good: float, ttl_failure: float) -> None:
        """Keep results: good ones for ttl_good seconds, every other one for ttl_failure."""
        rows = [
            (url, r.verdict.value, r.detail, r.status, r.final_url, now + (ttl_good if r.verdict in GOOD else ttl_failure))
            for url, r in results.items()
            if r.verdict in CACHED
        ]
        if self.connection is None or not rows:
            return
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?)", rows)
                self.connection.execute("DELETE FROM links WHERE expires <= ?", (now,))
        except sqlite3.Error:
            pass  # another run held the lock too long, or the disk is full: the next run asks again

    def _query(self, sql: str, parameters: tuple) -> list[tuple]:
        if self.connection is None:
            return []
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError:
            return []  # locked for too long: a miss, not a reason to throw the cache away
        except sqlite3.DatabaseError:
            # Broken under us: drop it so the next run rebuilds it, and run on without it.
            self.close()
            discard(self.file)
            return []

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _result(verdict: object, detail: object, status: object, final_url: object) -> LinkResult | None:
    """A row as a result, or None when any field is not what this version writes."""
    if verdict not in {v.value for v in CACHED} or not isinstance(detail, str):
        return None
    if status is not None and not isinstance(status, int):
        return None
    if final_url is not None and not isinstance(final_url, str):
        return None
    if verdict == Verdict.REDIRECT.value and final_url is None:
        return None
    return LinkResult(Verdict(verdict), detail, status, final_url)
