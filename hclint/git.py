"""What git knows about the help center's articles, read with one `git log` for all of them.

Freshness rules need two dates per article: the last commit that touched the file, and the last
commit that changed its body (not only its frontmatter, where review dates live). Running git once
per article would cost seconds on a large help center, so one `git log -p -U0` lists every commit
and the line ranges it changed, and the body question is answered later from those ranges and the
article's current frontmatter length.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

COMMIT_MARK = "\x1ecommit "
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
GIT_TIMEOUT_SECONDS = 120


class Hunk(NamedTuple):
    """One changed range, as git prints it in `@@ -old_start,old_count +new_start,new_count @@`."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int


@dataclass(frozen=True)
class Change:
    """One commit's change to one file."""

    commit: str
    day: date  # author date, in the author's time zone: when the change was written
    hunks: tuple[Hunk, ...]


@dataclass(frozen=True)
class FileHistory:
    changes: tuple[Change, ...]  # newest first

    @property
    def last_commit(self) -> Change:
        return self.changes[0]


def body_change(history: FileHistory, frontmatter_end: int, review_line: int | None = None) -> Change | None:
    """The newest change to lines after the frontmatter, or None when every change since the file
    was created touched only the frontmatter (impossible: creation adds the body).

    frontmatter_end is the line of the closing fence in the current file (0 without frontmatter).
    Walking back through frontmatter-only commits, each one's hunks shift where the fence (and the
    review date) sat before it. A change that also rewrote the review date line was reviewed in the
    same commit, so it does not count.
    """
    end, review = frontmatter_end, review_line
    for change in history.changes:
        if any(_touches_body(hunk, end) for hunk in change.hunks):
            return None if review is not None and any(_covers(h, review) for h in change.hunks) else change
        end, review = _before(change.hunks, end), _before(change.hunks, review)
    return None


def _touches_body(hunk: Hunk, end: int) -> bool:
    old_start, old_count, new_start, new_count = hunk
    if new_count == 0:
        return new_start >= end  # lines were deleted just after new_start
    return new_start + new_count - 1 > end


def _covers(hunk: Hunk, line: int) -> bool:
    return hunk[3] > 0 and hunk[2] <= line < hunk[2] + hunk[3]


def _before(hunks: Iterable[Hunk], line: int | None) -> int | None:
    """Where a line of the newer file was before this commit, given the commit's hunks above it."""
    if line is None:
        return None
    shift = sum(old_count - new_count for _, old_count, new_start, new_count in hunks if new_start + new_count <= line)
    return line + shift


@dataclass
class LazyHistory:
    """Runs git at most once per run, the first time a rule asks, and only if one asks."""

    _by_folder: dict[Path, Mapping[str, FileHistory]] = field(default_factory=dict)

    def __call__(self, folder: Path) -> Mapping[str, FileHistory]:
        if folder not in self._by_folder:
            self._by_folder[folder] = history(folder)
        return self._by_folder[folder]


def no_history(folder: Path) -> Mapping[str, FileHistory]:
    return {}


def history(folder: Path) -> Mapping[str, FileHistory]:
    """Every file under folder that git has seen, keyed by its POSIX path relative to folder.

    Empty when folder is not in a git repository or git is missing: freshness then relies on the
    dates written in the articles.
    """
    command = [
        "git", "-c", "core.quotepath=false", "log", "--format=%x1ecommit %H %aI", "-p", "-U0", "-M",
        "--relative", "--no-color", "--no-ext-diff", "--no-textconv", "--", ".",
    ]
    try:
        result = subprocess.run(
            command, cwd=folder, capture_output=True, check=False, timeout=GIT_TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout.decode("utf-8", errors="replace"))


def parse_log(text: str) -> dict[str, FileHistory]:
    """Changes per file, newest first; a renamed file keeps the history of its old name."""
    changes: dict[str, list[Change]] = {}
    renamed: dict[str, str] = {}  # an older name -> the name it has now
    for commit, day, diffs in _commits(text):
        for path, old_path, hunks in diffs:
            key = renamed.pop(path, path)
            changes.setdefault(key, []).append(Change(commit, day, hunks))
            if old_path is not None:
                renamed[old_path] = key  # older commits of old_path belong to this file
    return {path: FileHistory(tuple(found)) for path, found in changes.items()}


def _commits(text: str) -> Iterator[tuple[str, date, list[tuple[str, str | None, tuple[Hunk, ...]]]]]:
    for chunk in text.split(COMMIT_MARK)[1:]:
        header, _, patch = chunk.partition("\n")
        commit, _, stamp = header.partition(" ")
        yield commit, date.fromisoformat(stamp[:10]), list(_files(patch))


def _files(patch: str) -> Iterator[tuple[str, str | None, tuple[Hunk, ...]]]:
    """(path, the path it was renamed from, hunks) for each file of one commit's patch."""
    for section in patch.split("\ndiff --git ")[0 if patch.startswith("diff --git ") else 1:]:
        path, old_path, hunks = _file(section.split("\n"))
        if path is not None:
            yield path, old_path, hunks


def _file(lines: list[str]) -> tuple[str | None, str | None, tuple[Hunk, ...]]:
    path = old_path = None
    hunks = []
    for line in lines:
        if line.startswith("+++ ") and not hunks and line != "+++ /dev/null":  # not an added "++ " line
            # git ends the name with a tab when it holds a space, for patch(1); a real tab is quoted
            path = _unquote(line[4:].removesuffix("\t")).removeprefix("b/")
        elif line.startswith("rename from "):
            old_path = _unquote(line[len("rename from "):])
        elif line.startswith("rename to "):
            path = _unquote(line[len("rename to "):])  # a pure rename has no +++ line
        elif line.startswith("@@ ") and (match := HUNK.match(line)):
            old_start, old_count, new_start, new_count = match.groups()
            hunks.append(Hunk(int(old_start), _count(old_count), int(new_start), _count(new_count)))
    return path, old_path, tuple(hunks)


def _count(value: str | None) -> int:
    return 1 if value is None else int(value)


def _unquote(name: str) -> str:
    """Git C-quotes names with tabs, newlines, quotes or backslashes (non-ASCII stays as is here)."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    escapes = {"t": "\t", "n": "\n", '"': '"', "\\": "\\"}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), name[1:-1])
