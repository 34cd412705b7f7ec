"""Gitignore-style globs over POSIX paths relative to the content root."""

from __future__ import annotations

import re

from hclint.memo import bounded


@bounded(1024, "the patterns of the configuration, matched against every path")
def compile_glob(pattern: str) -> re.Pattern[str]:
    """Gitignore's rules: `*` stays inside a folder, `**` crosses folders, a pattern without a slash
    matches at any depth, and a folder means everything below it."""
    anywhere = "/" not in pattern.rstrip("/")
    pattern = pattern.strip("/")
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    regex = "".join(table.get(part, re.escape(part)) for part in parts)
    return re.compile(f"{'(?:.*/)?' if anywhere else ''}(?:{regex})(?:/.*)?")


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    return any(compile_glob(pattern).fullmatch(path) for pattern in patterns)
