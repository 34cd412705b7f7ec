"""Every rule's documented example, run for real: the failing one is reported, the fixed one not.

The examples run as the rule pages' generator runs them (hclint.commands.rule_pages): each in a
fresh help center, with its mkdocs.yml, git history, symbolic link or web answers, on its own day.
"""

from __future__ import annotations

import pytest

from hclint.commands.rule_pages import run_example
from hclint.rules import registry

RULES = sorted(registry().values(), key=lambda rule: rule.name)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_failing_example_is_reported(rule):
    assert run_example(rule, failing=True), rule.explain()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_fixed_example_is_clean(rule):
    assert run_example(rule, failing=False) == ()
