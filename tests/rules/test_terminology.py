"""terminology: preferred terms in prose, with the exact edit --fix needs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hclint.article import parse_article
from hclint.findings import Fix
from hclint.rule import Context
from hclint.rules.terminology import TERMINOLOGY, check
from tests.conftest import run_hclint, write_center

CONTEXT = Context(date(2026, 11, 23), Path("."), Path("content"))


def problems(text: str, **options):
    article = parse_article(text, "content/a.md", "a.md")
    return list(check(article, {**TERMINOLOGY.defaults, **options}, CONTEXT))


def replacements(text: str, **options) -> list[tuple[str, str]]:
    return [(p.fix.original, p.fix.replacement) for p in problems(text, **options)]


def test_reports_the_word_with_its_position_and_replacement():
    [problem] = problems("# Contact\n\nSend us an e-mail today.\n")
    assert (problem.line, problem.column, problem.end_line, problem.end_column) == (3, 12, 3, 18)
    assert problem.message == 'use "email" instead of "e-mail"'
    assert problem.fix == Fix(3, 12, "e-mail", "email")


@pytest.mark.parametrize(
    ("written", "fixed"),
    [("e-mail", "email"), ("E-mail", "Email"), ("E-MAIL", "EMAIL"), ("E-Mail", "Email"), ("Web site", "Website")],
)
def test_keeps_the_writers_capitals(written, fixed):
    assert replacements(f"# Contact\n\nWe answer {written} quickly.\n") == [(written, fixed)]


def test_case_sensitive_terms_match_only_as_written():
    text = "# Code\n\nHost it on Github, github or GitHub.\n"
    assert replacements(text) == [("Github", "GitHub")]


def test_a_preferred_term_with_capitals_is_used_as_written():
    text = "# Code\n\nWrite JAVASCRIPT, javascript or JavaScript.\n"
    found = replacements(text, terms={"javascript": "JavaScript"}, case_sensitive_terms={})
    assert found == [("JAVASCRIPT", "JavaScript"), ("javascript", "JavaScript")]


@pytest.mark.parametrize(
    "text",
    [
        "Run `e-mail --send` now.\n",
        "```\ne-mail\n```\n",
        "    e-mail in an indented code block\n",
        "Open https://example.com/e-mail today.\n",
        "Open <https://example.com/e-mail> today.\n",
        "See [the page](e-mail.md).\n",
        "Edit e-mail-templates.md first.\n",
        "Write to support@e-mail.example today.\n",
        "Use the re-e-mail button.\n",
        "Visit Github.io or docs/Github/readme.\n",
        "<!-- e-mail -->\n",
    ],
)
def test_never_in_code_urls_file_names_or_parts_of_words(text):
    assert problems("# Contact\n\n" + text) == []


def test_prose_in_headings_lists_tables_quotes_and_admonitions_is_checked():
    text = (
        "# E-mail\n\n- an e-mail\n\n| Column |\n|---|\n| e-mail |\n\n> e-mail\n\n"
        '!!! note "Title"\n    Your e-mail.\n\nThe **E-mail** field.\n'
    )
    lines = [p.line for p in problems(text)]
    assert lines == [1, 3, 7, 9, 12]


def test_bold_ui_labels_are_checked_only_when_asked():
    text = "# Contact\n\nFill in the **E-Mail** field, then the **Company e-mail** field.\n"
    assert problems(text) == []
    assert replacements(text, check_bold=True) == [("E-Mail", "Email"), ("e-mail", "email")]


def test_phrases_match_across_several_spaces_and_the_longest_term_wins():
    text = "# Contact\n\nThe web  site lists your e-mail address.\n"
    found = replacements(text, terms={"web site": "website", "e-mail": "email", "e-mail address": "email address"})
    assert found == [("web  site", "website"), ("e-mail address", "email address")]


def test_a_term_the_parser_rewrote_is_reported_but_not_fixed():
    [problem] = problems("# Contact\n\nSend an e&#45;mail.\n")
    assert problem.fix is None
    assert "by hand" in problem.hint


def test_empty_tables_turn_the_rule_off():
    assert problems("# Contact\n\nE-mail on Github.\n", terms={}, case_sensitive_terms={}) == []


def test_terms_are_configured_per_folder(tmp_path):
    text = "---\ntitle: Sign in\n---\n\nLog-in with your e-mail.\n"
    config = (
        '[tool.hclint.rules.terminology]\nterms = { "log-in" = "sign in" }\n'
        '[[tool.hclint.overrides]]\npaths = ["legacy/**"]\nrules = { terminology = { terms = {} } }\n'
    )
    write_center(tmp_path, {"content/a.md": text, "content/legacy/b.md": text}, config)
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    found = [(f["path"], f["line"], f["column"], f["message"]) for f in result.json if f["rule"] == "terminology"]
    # Setting terms replaces the default table, so "e-mail" is no longer reported.
    assert found == [("content/a.md", 5, 1, 'use "Sign in" instead of "Log-in"')]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "table", ['{ "" = "email" }', '{ "e-mail" = " " }', '{ "e-mail" = 3 }', '{ "sign-on" = "single sign-on" }']
)
def test_a_bad_terms_table_is_a_configuration_error(tmp_path, table):
    write_center(tmp_path, {"content/a.md": "# A\n\nText.\n"}, f"[tool.hclint.rules.terminology]\nterms = {table}\n")
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "rules.terminology.terms" in result.stderr


def test_rule_page_documents_both_tables():
    page = TERMINOLOGY.explain()
    assert "`terms` (table" in page and "`case_sensitive_terms` (table" in page


@pytest.mark.parametrize(
    "text",
    [
        "# Contact\n\nVisit our WEB   SITE for more.\n",  # ASCII text: the quick test folds case
        "# Café\n\nVisit our Web site, café included.\n",  # other text: the expression decides
        "# Contact\n\nThe Gitlab runner is ready.\n",  # a case-sensitive term
    ],
)
def test_the_quick_test_before_the_expression_misses_no_term(text):
    from hclint.rules.terminology import _matchers

    matchers = [m for m in _matchers(TERMINOLOGY.defaults) if m.pattern is not None]
    assert any(m.may_match(text) for m in matchers) == any(m.pattern.search(text) for m in matchers)
    assert len(problems(text)) == 1


def test_an_article_without_any_term_is_settled_by_the_quick_test():
    from hclint.rules.terminology import _matchers

    text = "# Contact\n\nSend us a message; the web page has the form.\n"
    matchers = [m for m in _matchers(TERMINOLOGY.defaults) if m.pattern is not None]
    assert not any(m.may_match(text) for m in matchers)
    assert problems(text) == []
