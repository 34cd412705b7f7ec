"""The rule registry: an explicit tuple per family, gathered and validated here."""

from __future__ import annotations

from functools import cache

from hclint.rule import Rule
from hclint.rules import basics
from hclint.rules import structure, terminology


@cache
def registry() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for rule in (*basics.RULES, *structure.RULES, *terminology.RULES,):
        if rule.name in rules:
            raise RuntimeError(f"two rules are named {rule.name}")
        rules[rule.name] = rule
    return rules
