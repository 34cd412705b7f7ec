"""The files a page pulls in with pymdownx.snippets (`--8<--`), found as the extension finds them.

The notation is matched with the extension's own expressions and its own path splitting, so a
line it would expand is a line hclint sees, escaped lines (`;--8<--`) included. Nothing here reads
a snippet: where a path leads is decided against the site's settings (site.Snippets), once the
whole help center is known.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hclint.site import Snippets

MARKER = "8<"  # in every snippet line: most lines are passed over on this test alone


class Include(NamedTuple):
    path: str  # as written, without line ranges or a section
    line: int
    column: int


@cache
def _preprocessor() -> Any:
    """The extension's preprocessor, for its expressions and path splitting; never run on a page."""
    from pymdownx.snippets import SnippetPreprocessor

    return object.__new__(SnippetPreprocessor)


def includes(lines: Iterable[str], first_line: int = 1) -> Iterator[Include]:
    """Each file the lines include, inline (`--8<-- "file.md"`) or in a block, as parse_snippets reads them."""
    snippets = _preprocessor()
    block = False
    for number, line in enumerate(lines, start=first_line):
        if not block and MARKER not in line:
            continue
        match = snippets.RE_ALL_SNIPPETS.match(line)
        if match:
            if match.group("escape") or (block and match.group("inline_marker")):
                continue
            if not match.group("inline_marker"):
                block = not block
                continue
            raw, column = match.group("snippet")[1:-1].strip(), match.start("snippet") + 2
        elif block:
            path_match = snippets.RE_SNIPPET.match(line)
            raw, column = path_match.group("snippet").strip(), path_match.start("snippet") + 1
        else:
            continue
        path = _path(raw)
        if path and not raw.startswith(";") and not path.lower().startswith(("http://", "https://")):
            yield Include(path, number, column)


def _path(raw: str) -> str:
    """The file part of `file.md:3:8` or `file.md:section`."""
    snippets = _preprocessor()
    if hasattr(snippets, "split_path"):
        parts = snippets.split_path(raw)
    else:  # pymdownx before split_path: the expression it replaced
        found = snippets.RE_SNIPPET_FILE.match(raw)
        parts = found.groups() if found else None
    return "" if parts is None else parts[0].strip()


def snippet_file(settings: Snippets, path: str, page_folder: Path) -> Path | None:
    """The file the extension reads for path: the first base path that holds it (get_snippet_path).
    page_folder stands in for a `!relative` base path."""
    for base in settings.base_paths:
        base = page_folder if base is None else base
        if os.path.isdir(base):
            candidate = Path(os.path.abspath(os.path.join(base, path)))
            if settings.restrict_base_path and base not in candidate.parents:
                continue
            if os.path.exists(candidate):  # False, not an error, for a name too long for the system
                return candidate
        elif os.path.exists(base):
            candidate = Path(base.parent, path)
            if os.path.exists(candidate) and os.path.samefile(candidate, base):
                return base
    return None


MAX_SOURCES = 5_000


def snippet_sources(settings: Snippets, content: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, modification time, size) of every file a snippet could include from outside the
    content root: what a cached result that follows includes depends on besides the articles.
    Hidden folders (.git, .venv, the cache) are left out; past MAX_SOURCES files, the time of the
    walk itself stands in, so such a result is never reused."""
    found: list[tuple[str, int, int]] = []
    for base in (b for b in settings.base_paths if b is not None):
        for current, folders, names in os.walk(base):
            folders[:] = sorted(f for f in folders if not f.startswith(".") and Path(current, f) != content)
            for name in names:
                try:
                    info = os.stat(os.path.join(current, name))
                except OSError:
                    continue
                found.append((os.path.join(current, name), info.st_mtime_ns, info.st_size))
                if len(found) > MAX_SOURCES:
                    return (("too many files", time.time_ns(), 0),)
    return tuple(found)
