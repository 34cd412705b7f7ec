"""content/rules/ is what the Rule records make: a changed rule, message or example fails here
until the pages are written again with `python -m hclint.commands.rule_pages --write`."""

from __future__ import annotations

import re

import pytest

from hclint.commands import rule_pages
from hclint.rules import registry
from tests.conftest import REPO

PAGES = REPO / "content" / "rules"
NAMES = ["index.md", *sorted(f"{name}.md" for name in registry())]
REPORTS = re.compile(r"hclint reports:\n\n```text\n.*?\n```\n\n", re.DOTALL)
FIX = "run `python -m hclint.commands.rule_pages --write` and review the diff"


@pytest.fixture(scope="module")
def made() -> dict[str, str]:
    return rule_pages.pages()


@pytest.mark.parametrize("name", NAMES)
def test_page_is_what_the_rule_record_makes(made, name):
    page = PAGES / name
    assert page.is_file(), f"content/rules/{name} is missing: {FIX}"
    assert page.read_text(encoding="utf-8") == made[name], f"content/rules/{name} differs from its record: {FIX}"


def test_no_page_without_a_rule():
    assert sorted(p.name for p in PAGES.glob("*.md")) == sorted(NAMES)


@pytest.mark.parametrize("rule", sorted(registry().values(), key=lambda rule: rule.name), ids=lambda rule: rule.name)
def test_the_terminal_page_is_the_web_page_without_frontmatter_and_run(made, rule):
    # `hclint rules NAME` prints every section of the page, but not what running the example reports.
    page = made[f"{rule.name}.md"]
    body = page.split("---\n", 2)[2].strip("\n")
    assert REPORTS.search(body), "the page shows what hclint reports"
    assert rule.explain() == REPORTS.sub("", body)


def test_pages_that_differ_are_named(tmp_path, made):
    (tmp_path / "index.md").write_text(made["index.md"], encoding="utf-8")
    (tmp_path / "broken-link.md").write_text(made["broken-link.md"].replace("error", "warning"), encoding="utf-8")
    stale = rule_pages.stale_pages(tmp_path, made)
    assert "index.md" not in stale and "broken-link.md" in stale and "broken-anchor.md" in stale
