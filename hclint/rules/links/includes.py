"""Where a snippet include leads: the file pymdownx.snippets would read, found as it finds it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hclint.project.site import Snippets


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
