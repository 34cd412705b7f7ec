"""Opening the sqlite3 databases in .hclint-cache/: one policy for every cache hclint keeps.

WAL mode lets concurrent runs read while one writes, and a run killed mid-write leaves the last
committed state. A cache is only ever an optimisation: a file that is corrupted or has another
schema is deleted and created again, and one that is busy or cannot be written gives no
connection at all, so the run goes on without it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

FOLDER = ".hclint-cache"


def open_store(
    file: Path, set_up: Callable[[sqlite3.Connection], None], page_size: int | None = None
) -> sqlite3.Connection | None:
    """A connection to file, after set_up created or checked its schema (raising DatabaseError
    for a schema it does not accept); None when the cache cannot be used. page_size applies to a
    new file only (SQLite keeps a file's page size)."""
    for _ in range(2):
        try:
            return _connect(file, set_up, page_size)
        except sqlite3.OperationalError:
            return None  # busy or locked by another run for too long
        except sqlite3.DatabaseError:
            discard(file)  # corrupted, or another schema: never trusted, created again
        except OSError:
            return None  # a read-only or missing folder
    return None


def _connect(file: Path, set_up: Callable[[sqlite3.Connection], None], page_size: int | None) -> sqlite3.Connection:
    file.parent.mkdir(exist_ok=True)
    ignore = file.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    connection = sqlite3.connect(file, timeout=10, isolation_level=None)
    try:
        if page_size:
            connection.execute(f"PRAGMA page_size={page_size}")  # before a new file's first write
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        set_up(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def discard(file: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)
