"""The rule registry: an explicit tuple per family, gathered and validated here."""

from __future__ import annotations

from hclint.memo import once
from hclint.rule import Rule
from hclint.rules import (
    basics,
    duplicates,
    external,
    freshness,
    frontmatter,
    links,
    readability,
    spelling,
    structure,
    terminology,
)


@once("the rules are fixed when hclint is installed")
def registry() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for rule in (*basics.RULES, *structure.RULES, *terminology.RULES, *external.RULES, *frontmatter.RULES, *freshness.RULES, *duplicates.RULES, *links.RULES, *readability.RULES, *spelling.RULES,):
        if rule.name in rules:
            raise RuntimeError(f"two rules are named {rule.name}")
        rules[rule.name] = rule
    for rule in rules.values():
        if rule.options_from and (rule.options_from not in rules or rules[rule.options_from].options_from):
            raise RuntimeError(f"{rule.name} takes its options from {rule.options_from}, which is not a family's first rule")
    return rules
