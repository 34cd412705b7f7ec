"""Apply the exact edits that findings carry (`hclint check --fix`), touching no other byte.

Lines are split the way the article parser splits them (CRLF, CR or LF), so a fix's line and
column mean the same here as in the finding. The separators and a UTF-8 byte order mark are put
back exactly as they were.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from hclint.article import LINE_BREAK
from hclint.atomic import write_atomic
from hclint.findings import Finding, Fix

BOM = "\ufeff"


class Fixed(NamedTuple):
    """What --fix did: edits applied, the files they changed, and files it could not write."""

    edits: int
    files: tuple[str, ...]  # paths relative to the root
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason)


def apply_fixes(root: Path, findings: Iterable[Finding]) -> Fixed:
    """Apply every fix the findings carry, one atomic write per changed file."""
    by_path: dict[str, list[Fix]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None:
            by_path[finding.path].append(finding.fix)
    edits, files, failed = 0, [], []
    for path, fixes in sorted(by_path.items()):
        try:
            applied = fix_file(root / path, fixes)
        except OSError as error:  # a read-only folder or a full disk: the file keeps its old bytes
            failed.append((path, error.strerror or str(error)))
            continue
        if applied:
            edits += applied
            files.append(path)
    return Fixed(edits, tuple(files), tuple(failed))


def fix_file(file: Path, fixes: Sequence[Fix]) -> int:
    """Apply fixes to a UTF-8 file in place; return how many were applied (0: file untouched)."""
    try:
        text = file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return 0  # the encoding and unreadable-file rules report these; never guess at bytes
    bom = BOM if text.startswith(BOM) else ""
    fixed, applied = fix_text(text.removeprefix(BOM), fixes)
    if applied:
        # Write through a symbolic link, so the link stays a link and its target gets the fix.
        write_atomic(file.resolve(), (bom + fixed).encode("utf-8"))
    return applied


def fix_text(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Return text with the fixes applied, and how many were. Stale or overlapping fixes are skipped."""
    parts = LINE_BREAK.split(text)  # even indices: lines; odd: the separators between them
    applied = 0
    by_line: dict[int, list[Fix]] = defaultdict(list)
    for fix in fixes:
        by_line[fix.line].append(fix)
    for line, line_fixes in by_line.items():
        index = 2 * (line - 1)
        if 0 <= index < len(parts):
            parts[index], count = _fix_line(parts[index], line_fixes)
            applied += count
    return "".join(parts), applied


def _fix_line(line: str, fixes: list[Fix]) -> tuple[str, int]:
    kept: list[Fix] = []
    end = 0
    for fix in sorted(set(fixes), key=lambda f: (f.column, -len(f.original))):
        start = fix.column - 1
        if start >= end and line[start : start + len(fix.original)] == fix.original:
            kept.append(fix)
            end = start + len(fix.original)
    # Right to left, so each edit leaves the columns of the ones before it unchanged.
    for fix in reversed(kept):
        start = fix.column - 1
        line = line[:start] + fix.replacement + line[start + len(fix.original) :]
    return line, len(kept)
