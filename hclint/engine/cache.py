"""The persistent cache in .hclint-cache/: per-article results and index entries, and corpus results.

sqlite3 in WAL mode, so concurrent runs and a kill mid-write never leave a half-written entry.
The cache is only ever an optimisation: a file that cannot be opened, is corrupted, or was
written by another version of hclint is deleted and rebuilt, and any error while reading or
writing falls back to computing the result.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from hclint import __version__
from hclint.store import FOLDER, discard, open_store

SCHEMA = f"{__version__}-3"
# A cold check writes tens of megabytes of entries of a few kilobytes each: in pages of 32 KiB
# rather than SQLite's 4 KiB that takes half the time (benchmarks/README.md, round six).
PAGE_SIZE = 32768
TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stat TEXT NOT NULL, sha TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, blob BLOB NOT NULL);
"""


class FileState(NamedTuple):
    stat: str  # mtime, size and inode: when unchanged, the stored sha is trusted without reading
    sha: str


def _set_up(connection: sqlite3.Connection) -> None:
    connection.executescript(TABLES)
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None or row[0] != SCHEMA:  # another version's results: start empty
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("DELETE FROM files")
            connection.execute("DELETE FROM entries")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))


UNREADABLE = "unreadable"  # the hash of a file that could not be read


def file_hash(file: Path | str) -> str:
    """What the cache keys a file's results on: a digest of its bytes (UNREADABLE if none)."""
    try:
        with open(file, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=20).hexdigest()
    except OSError:
        return UNREADABLE


def pickled(value: Any) -> bytes:
    """A value as an entry stores it."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def unpickled(blob: bytes) -> Any:
    return pickle.loads(blob)


def _unpickled(rows: list[tuple[str, bytes]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, blob in rows:
        try:
            found[key] = unpickled(blob)
        except Exception:  # a damaged entry is a miss, whatever unpickling raised
            continue
    return found


class Cache:
    def __init__(self, root: Path) -> None:
        self.file = root / FOLDER / "cache.sqlite3"
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection | None:
        return open_store(self.file, _set_up, PAGE_SIZE)

    def file_states(self) -> dict[str, FileState]:
        rows = self._query("SELECT path, stat, sha FROM files", ())
        return {path: FileState(stat, sha) for path, stat, sha in rows}

    def empty(self) -> bool:
        """Whether an open cache stores no entry (a first run, or one after the cache was discarded)."""
        return self.connection is not None and not self._query("SELECT 1 FROM entries LIMIT 1", ())

    def usable(self) -> bool:
        return self.connection is not None

    def present(self, keys: Iterable[str]) -> set[str]:
        """The keys stored, without reading their values."""
        return {key for (key,) in self._entries("key", keys)}

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        return _unpickled(self._entries("key, blob", keys))

    def _entries(self, columns: str, keys: Iterable[str]) -> list[tuple[Any, ...]]:
        keys = list(keys)
        rows = []
        for start in range(0, len(keys), 900):  # sqlite's limit on bound parameters
            chunk = keys[start : start + 900]
            rows += self._query(f"SELECT {columns} FROM entries WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        return rows

    def put(self, files: dict[str, FileState], entries: dict[str, bytes]) -> None:
        """Store file states and entries, each entry already pickled (see pickled)."""
        if self.connection is None or (not files and not entries):
            return
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?)", [(p, s.stat, s.sha) for p, s in files.items()]
                )
                self.connection.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?)",
                    list(entries.items()),
                )
        except sqlite3.Error:
            pass  # another run holds the lock, or the disk is full: the next run computes again

    def prune(self, live_keys: set[str]) -> None:
        """Forget entries no file or corpus state points at any more, so the cache does not grow forever."""
        if self.connection is None:
            return
        try:
            stored = [key for (key,) in self.connection.execute("SELECT key FROM entries")]
            dead = [(key,) for key in stored if key not in live_keys]
            if len(dead) > len(live_keys):  # only worth a write when most of the cache is stale
                with self.connection:
                    self.connection.execute("BEGIN IMMEDIATE")
                    self.connection.executemany("DELETE FROM entries WHERE key = ?", dead)
        except sqlite3.Error:
            pass

    def _query(self, sql: str, parameters: Iterable[Any]) -> list[tuple[Any, ...]]:
        if self.connection is None:
            return []
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.OperationalError:
            return []  # busy: a miss, not a reason to doubt the file
        except sqlite3.DatabaseError:
            self.connection.close()
            discard(self.file)  # corrupted under us: start again with an empty cache
            self.connection = self._open()
            return []

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
