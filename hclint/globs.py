"""Gitignore-style globs over POSIX paths relative to the content root."""

from __future__ import annotations

import re
from functools import cache


@cache
def compile_glob(pattern: str) -> re.Pattern[str]:
    """`*` stays inside a folder, `**` crosses folders, and a bare folder name means all below it."""
    pattern = pattern.strip("/")
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    regex = "".join(table.get(part, re.escape(part)) for part in parts)
    return re.compile(f"(?:{regex})(?:/.*)?")


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    return any(compile_glob(pattern).fullmatch(path) for pattern in patterns)
