"""The bundled help center: clean under its own checks, complete frontmatter. Its rule pages are
generated from the Rule records: tests/commands/test_rule_pages.py checks them."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, run_hclint

CONTENT = REPO / "content"
ARTICLES = sorted(CONTENT.rglob("*.md"))
REQUIRED_TEXT_FIELDS = ("title", "description", "owner")


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
