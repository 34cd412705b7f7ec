"""Suppression comments and frontmatter, and the warning for suppressions that hide nothing."""

from __future__ import annotations

from tests.conftest import BASIC, run_hclint, write_center

NO_TITLE = "Text without a title.\n"


def _check(tmp_path, text):
    write_center(tmp_path, {"content/a.md": text}, BASIC)
    return run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info").json


def test_disable_next_line_hides_only_the_line_below_it(tmp_path):
    text = b"---\ntitle: T\n---\n<!-- hclint-disable-next-line encoding -->\nCaf\xe9\n\nCaf\xe9\n"
    findings = _check(tmp_path, text)
    assert findings == []  # only the first bad byte is reported, and it is suppressed
    text = b"---\ntitle: T\n---\nCaf\xe9\n<!-- hclint-disable-next-line encoding -->\nok\n"
    assert [(f["rule"], f["line"]) for f in _check(tmp_path, text)] == [("encoding", 4), ("unused-suppression", 5)]


def test_region_disable_and_enable(tmp_path):
    text = "<!-- hclint-disable missing-title -->\nText.\n<!-- hclint-enable -->\n"
    assert _check(tmp_path, text) == []


def test_enable_ends_the_region(tmp_path):
    text = "---\ntitle: T\n---\n<!-- hclint-disable encoding -->\n<!-- hclint-enable -->\nText.\n"
    findings = _check(tmp_path, text)
    assert [(f["rule"], f["line"]) for f in findings] == [("unused-suppression", 4)]


def test_frontmatter_disable_covers_the_whole_article(tmp_path):
    text = "---\nhclint:\n  disable: [missing-title]\n---\nText.\n"
    assert _check(tmp_path, text) == []


def test_unused_frontmatter_disable_is_reported_at_its_line(tmp_path):
    text = "---\ntitle: T\nhclint:\n  disable: [missing-title]\n---\nText.\n"
    findings = _check(tmp_path, text)
    assert [(f["rule"], f["line"], f["severity"]) for f in findings] == [("unused-suppression", 4, "warning")]


def test_suppression_naming_an_unknown_rule_is_reported(tmp_path):
    text = "---\ntitle: T\n---\n<!-- hclint-disable-next-line no-such-rule -->\nText.\n"
    (finding,) = _check(tmp_path, text)
    assert finding["rule"] == "unused-suppression" and "unknown rule no-such-rule" in finding["message"]


def test_bare_disable_hides_every_rule_until_the_end(tmp_path):
    text = "<!-- hclint-disable -->\n" + NO_TITLE
    assert _check(tmp_path, text) == []


def test_comments_in_code_are_not_suppressions(tmp_path):
    text = "---\ntitle: T\n---\n```html\n<!-- hclint-disable-next-line missing-title -->\n```\n"
    assert _check(tmp_path, text) == []


def test_article_can_silence_unused_suppression(tmp_path):
    text = "---\ntitle: T\nhclint:\n  disable: [unused-suppression]\n---\n<!-- hclint-disable encoding -->\nText.\n"
    assert _check(tmp_path, text) == []


def test_unused_suppression_can_be_turned_off_in_config(tmp_path):
    config = {"rules": {**BASIC["rules"], "unused-suppression": "off"}}
    write_center(tmp_path, {"content/a.md": "---\ntitle: T\n---\n<!-- hclint-disable -->\n"}, config)
    assert run_hclint(tmp_path, "check", "--format", "json").json == []
