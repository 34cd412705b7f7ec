"""Output formats: each module has render(context) -> str and knows nothing of rules' logic."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from hclint.findings import Finding
from hclint.rule import Rule

FORMATS = ("text", "json", "github", "sarif", "gitlab")


@dataclass(frozen=True)
class Output:
    findings: Sequence[Finding]
    rules: Mapping[str, Rule]
    article_count: int
    root: Path  # project root: findings' paths are relative to it
    cwd: Path
    color: bool = False


def renderer(name: str) -> Callable[[Output], str]:
    return import_module(f"hclint.reporters.{name}_format").render


def repository_prefix(root: Path) -> str:
    """Code hosts place annotations by paths relative to the repository, which may be above the project."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            relative = root.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""
