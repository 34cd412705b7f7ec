"""The files a page pulls in with pymdownx.snippets (`--8<--`), as the extension reads its notation.

The notation is matched with the extension's own expressions and its own path splitting, so a
line it would expand is a line hclint sees, escaped lines (`;--8<--`) included. Nothing here reads
a snippet: where a path leads is the link rules' question (rules/links/includes.py), once the
whole help center is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from hclint.memo import once

MARKER = "8<"  # in every snippet line: most lines are passed over on this test alone


class Include(NamedTuple):
    path: str  # as written, without line ranges or a section
    line: int
    column: int


@once("the extension's expressions, compiled when its module loads")
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
