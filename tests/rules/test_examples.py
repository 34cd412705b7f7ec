"""Every rule's documented example, run for real: the failing article is reported, the fixed one not."""

from __future__ import annotations

import pytest

from hclint.rules import registry
from tests.conftest import run_hclint, write_center

# Network rules' examples run against a local server, in tests/rules/test_external.py.
WITH_EXAMPLES = [rule for rule in registry().values() if rule.example is not None and not rule.needs_network]


def _findings(tmp_path, rule, text):
    example = rule.example
    config = {"rules": {rule.name: dict(example.options)}} if example.options else {}
    files = {"content/example.md": text, **{f"content/{k}": v for k, v in example.others.items()}}
    write_center(tmp_path, files, config)
    if example.mkdocs:
        (tmp_path / "mkdocs.yml").write_text(example.mkdocs, encoding="utf-8")
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    return [f for f in result.json if f["rule"] == rule.name and f["path"] == "content/example.md"]


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda rule: rule.name)
def test_failing_example_is_reported(tmp_path, rule):
    assert _findings(tmp_path, rule, rule.example.failing), rule.explain()


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda rule: rule.name)
def test_fixed_example_is_clean(tmp_path, rule):
    assert _findings(tmp_path, rule, rule.example.fixed) == []
