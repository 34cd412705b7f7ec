"""Suppression comments and frontmatter: which findings to hide, and which suppressions hid nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hclint.article import Article
from hclint.findings import Finding, Problem

DIRECTIVE = re.compile(r"^hclint-(disable-next-line|disable|enable)\b(.*)$", re.DOTALL)
UNUSED = "unused-suppression"
FRONTMATTER = "frontmatter disable"


@dataclass(frozen=True)
class Suppression:
    rules: frozenset[str]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    line: int  # where the directive stands, for unused-suppression
    column: int
    label: str

    def covers(self, finding: Finding) -> bool:
        in_scope = self.first_line <= finding.line <= self.last_line
        return in_scope and (not self.rules or finding.rule in self.rules)


def suppressions(article: Article) -> list[Suppression]:
    found = list(_frontmatter(article))
    open_regions: list[tuple[frozenset[str], int, int]] = []
    last_line = max(len(article.lines), 1)
    for comment in article.comments:
        match = DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind, rules = match.group(1), frozenset(match.group(2).replace(",", " ").split())
        line = comment.line + comment.text.count("\n")  # the directive's last line
        if kind == "disable-next-line":
            found.append(Suppression(rules, line + 1, line + 1, comment.line, comment.column, "hclint-disable-next-line"))
        elif kind == "disable":
            open_regions.append((rules, comment.line, comment.column))
        else:
            found += _close(open_regions, rules, comment.line)
    found += _close(open_regions, frozenset(), last_line)
    return found


def _close(open_regions: list[tuple[frozenset[str], int, int]], rules: frozenset[str], end: int) -> list[Suppression]:
    """An enable naming rules closes the regions of those rules; a bare enable closes them all."""
    closed = [r for r in open_regions if not rules or r[0] & rules or not r[0]]
    for region in closed:
        open_regions.remove(region)
    return [Suppression(names, line, end, line, column, "hclint-disable") for names, line, column in closed]


def _frontmatter(article: Article) -> Iterable[Suppression]:
    config = article.frontmatter.get("hclint")
    names = config.get("disable", []) if isinstance(config, dict) else []
    line = article.line_of("hclint.disable")
    for name in names if isinstance(names, list) else []:
        yield Suppression(frozenset({str(name)}), 1, 10**9, line, 1, FRONTMATTER)


def apply(
    rules: Sequence[Suppression], findings: Sequence[Finding], known_rules: Iterable[str]
) -> tuple[list[Finding], list[Problem]]:
    """Return the findings that stay, and an unused-suppression problem for each idle suppression."""
    if not rules:
        return list(findings), []  # most articles
    known = set(known_rules)
    used: set[int] = set()
    kept = []
    for finding in findings:
        hits = [i for i, s in enumerate(rules) if s.covers(finding)]
        used.update(hits)
        if not hits:
            kept.append(finding)
    if any(UNUSED in s.rules for s in rules if s.label == FRONTMATTER):
        return kept, []  # the article opted out of hearing about idle suppressions
    return kept, [_unused(s, known) for i, s in enumerate(rules) if i not in used]


def _unused(suppression: Suppression, known: set[str]) -> Problem:
    unknown = sorted(suppression.rules - known)
    names = ", ".join(sorted(suppression.rules)) or "all rules"
    reason = f"names unknown rule {', '.join(unknown)}" if unknown else "hides no finding"
    return Problem(suppression.line, suppression.column, f"{suppression.label} ({names}) {reason}: remove it")
