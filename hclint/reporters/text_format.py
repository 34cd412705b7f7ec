"""One finding a line, `path:line:col: severity rule message`, then a summary line."""

from __future__ import annotations

import os
from collections import Counter

import click

from hclint.findings import Finding, Severity
from hclint.reporters import Output

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(output: Output) -> str:
    shown = _shown_paths(output, {finding.path for finding in output.findings})
    lines = [_line(output, finding, shown[finding.path]) for finding in output.findings]
    lines.append(summary(output.findings, output.article_count))
    return "\n".join(lines) + "\n"


def _shown_paths(output: Output, paths: set[str]) -> dict[str, str]:
    """Each path relative to the working folder. relpath is worked out once per folder, not per
    article: on 10,000 articles, once per article was a tenth of a second."""
    folders: dict[str, str] = {}
    shown = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder not in folders:
            folders[folder] = os.path.relpath(output.root / folder, output.cwd).replace(os.sep, "/")
        shown[path] = name if folders[folder] == "." else f"{folders[folder]}/{name}"
    return shown


def _line(output: Output, finding: Finding, path: str) -> str:
    severity, rule = finding.severity.value, finding.rule
    if output.color:
        severity = click.style(severity, fg=COLORS[finding.severity], bold=True)
        rule = click.style(rule, dim=True)
    return f"{path}:{finding.line}:{finding.column}: {severity} {rule} {finding.text}"


def summary(findings: list[Finding] | tuple[Finding, ...], article_count: int) -> str:
    counts = Counter(finding.severity for finding in findings)
    parts = [_plural(counts[s], s.value) for s in Severity if counts[s]]
    articles = _plural(article_count, "article")
    return f"{', '.join(parts)} in {articles}" if parts else f"No problems in {articles}"


def _plural(count: int, word: str) -> str:
    plural = {"info": "info"}.get(word, word + "s")
    return f"{count} {word if count == 1 else plural}"
