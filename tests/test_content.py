"""The bundled help center: a page for every rule, clean under its own checks, complete frontmatter."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from hclint.rules import registry
from tests.conftest import REPO, run_hclint

CONTENT = REPO / "content"
RULES = sorted(registry().values(), key=lambda rule: rule.name)
ARTICLES = sorted(CONTENT.rglob("*.md"))
REQUIRED_TEXT_FIELDS = ("title", "description", "owner")


def _page(name: str) -> str:
    page = CONTENT / "rules" / f"{name}.md"
    assert page.is_file(), f"rule {name} has no page at {page.relative_to(REPO)}"
    return page.read_text(encoding="utf-8")


def _has_markdown_block(page: str, example: str) -> bool:
    """The example appears whole, as the body of a ```markdown (or longer) fenced block."""
    body = re.escape(example.rstrip("\n"))
    return re.search(rf"^(`{{3,}})markdown\n{body}\n\1$", page, re.MULTILINE) is not None


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_rule_has_its_page_with_its_examples(rule):
    page = _page(rule.name)
    assert re.search(rf"^# {re.escape(rule.name)}$", page, re.MULTILINE), "the page's heading is the rule name"
    if rule.example is None:
        return
    assert _has_markdown_block(page, rule.example.fixed), "the fixed example, copied exactly from the Rule"
    # A bytes example (a file in the wrong encoding) cannot be pasted into a UTF-8 page as is.
    if isinstance(rule.example.failing, str):
        assert _has_markdown_block(page, rule.example.failing), "the failing example, copied exactly from the Rule"


def test_rules_index_links_every_rule_page():
    index = (CONTENT / "rules" / "index.md").read_text(encoding="utf-8")
    pages = sorted(p.stem for p in (CONTENT / "rules").glob("*.md") if p.name != "index.md")
    assert pages, "the rule pages exist"
    missing = [name for name in pages if f"]({name}.md)" not in index]
    assert missing == []


def _last_commit_day() -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%cs"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_help_center_is_clean_under_its_own_checks():
    # Checked as of the last commit: a fixed day for a checkout, and never one before a review
    # that the checkout records (a writer reviews an article on the day they change it).
    result = run_hclint(REPO, "check", "--format", "json", env={"HCLINT_TODAY": _last_commit_day()})
    errors = [f for f in result.json if f["severity"] == "error"]
    assert errors == []
    assert result.exit_code == 0


def test_the_quick_start_check_passes_on_any_date():
    # README's first command runs `hclint check` on this help center whatever the day: overdue
    # reviews are warnings here (pyproject.toml), never a failed quick start.
    for day in ("2027-09-01", "2031-01-01"):
        result = run_hclint(REPO, "check", "--format", "json", env={"HCLINT_TODAY": day})
        assert result.exit_code == 0, [f for f in result.json if f["severity"] == "error"]
        assert any(f["rule"] == "expired-article" for f in result.json)  # still said, as a warning


def _frontmatter(article: Path) -> dict:
    text = article.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "the article starts with YAML frontmatter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def test_content_has_articles():
    assert len(ARTICLES) >= 12


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.relative_to(CONTENT).as_posix())
def test_every_article_has_complete_frontmatter(article):
    data = _frontmatter(article)
    for field in REQUIRED_TEXT_FIELDS:
        assert isinstance(data.get(field), str) and data[field].strip(), f"{field} is a non-empty string"
    # YAML reads an unquoted ISO date as a date; a quoted one stays a string: both must be ISO.
    reviewed = data.get("last_reviewed")
    assert isinstance(reviewed, (date, str)), "last_reviewed is present"
    assert date.fromisoformat(str(reviewed)).isoformat() == str(reviewed), "last_reviewed is YYYY-MM-DD"
    tags = data.get("tags")
    assert isinstance(tags, list) and tags and all(isinstance(t, str) and t for t in tags), "tags is a list"
