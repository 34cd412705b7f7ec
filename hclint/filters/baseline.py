"""Known findings recorded once, so a team can adopt hclint and hear only about new problems.

A finding is known by its rule, its path and a hash of the stripped source line it points at, never
by its line number: lines added above a known problem move it without making it new. Messages are
left out of the hash because some carry numbers that change on their own (days overdue, scores).
Identical fingerprints are counted, so a second copy of a known problem is still reported.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from hclint.atomic import write_atomic
from hclint.errors import HclintError
from hclint.findings import Finding

VERSION = 1


def fingerprint(finding: Finding, line_text: str) -> str:
    key = "\0".join((finding.rule, finding.path, line_text.strip()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Sequence[Finding], root: Path) -> list[str]:
    """The fingerprint of each finding, reading each file once."""
    lines: dict[str, list[str]] = {}
    result = []
    for finding in findings:
        if finding.path not in lines:
            lines[finding.path] = _lines(root / finding.path)
        text = lines[finding.path]
        result.append(fingerprint(finding, text[finding.line - 1] if 0 < finding.line <= len(text) else ""))
    return result


def _lines(file: Path) -> list[str]:
    try:
        return file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []  # an unreadable file has its own finding; it is known by rule and path alone


def write(file: Path, findings: Sequence[Finding], root: Path) -> None:
    entries = [
        {"rule": f.rule, "path": f.path, "fingerprint": p, "line": f.line, "message": f.message}
        for f, p in zip(findings, fingerprints(findings, root))
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    document = {"tool": "hclint", "version": VERSION, "findings": entries}
    write_atomic(file, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def read(file: Path) -> Counter[str]:
    """The known fingerprints with their counts; a bad file is a user error, never a traceback."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HclintError(f"{file}: baseline not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HclintError(f"{file}: cannot read baseline: {error}") from None
    valid = isinstance(document, dict) and document.get("version") == VERSION
    entries = document.get("findings") if valid else None
    if not isinstance(entries, list):
        raise HclintError(f"{file}: not an hclint baseline (version {VERSION}); write it again with --write-baseline")
    return Counter(_fingerprint_of(file, entry) for entry in entries)


def _fingerprint_of(file: Path, entry: object) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
        raise HclintError(f"{file}: every baseline entry needs a fingerprint string")
    return entry["fingerprint"]


def new_findings(findings: Sequence[Finding], known: Counter[str], root: Path) -> tuple[Finding, ...]:
    """The findings the baseline does not account for; each known fingerprint excuses one finding."""
    remaining = Counter(known)
    kept = []
    for finding, print_ in zip(findings, fingerprints(findings, root)):
        if remaining[print_] > 0:
            remaining[print_] -= 1
        else:
            kept.append(finding)
    return tuple(kept)
