"""hclint check --fix: terminology replacements in place, and not one other byte changed."""

from __future__ import annotations

import os

from hclint.findings import Fix
from hclint.commands.fix import fix_file, fix_text
from hclint.rules import registry
from tests.conftest import run_hclint, write_center

ARTICLE = (
    "\ufeff---\r\ntitle: Contact us\r\n# a comment: e-mail stays here\r\n---\r\n\r\n"
    "# Contact us\r\n\r\n"
    "E-mail us, or open an issue on Github.\t  \r\n"
    "Run `e-mail --send`; see https://example.com/e-mail.\r\n"
    "\r\n![](map.png)\r\n"
    "E-MAIL and e-mail in one line: e-mail.\r\n"
)
EXPECTED = (
    "\ufeff---\r\ntitle: Contact us\r\n# a comment: e-mail stays here\r\n---\r\n\r\n"
    "# Contact us\r\n\r\n"
    "Email us, or open an issue on GitHub.\t  \r\n"
    "Run `e-mail --send`; see https://example.com/e-mail.\r\n"
    "\r\n![](map.png)\r\n"
    "EMAIL and email in one line: email.\r\n"
)


def _center(tmp_path, text: str | bytes, config: str = ""):
    write_center(tmp_path, {"content/a.md": text}, config)
    return tmp_path / "content" / "a.md"


def test_fix_changes_only_the_replacements(tmp_path):
    file = _center(tmp_path, ARTICLE.encode("utf-8"))
    result = run_hclint(tmp_path, "check", "--fix", "--format", "json", "--fail-on", "info")
    assert file.read_bytes() == EXPECTED.encode("utf-8")
    assert "Fixed 5 problems in 1 file" in result.stderr
    # What remains is reported: the image still has no alt text, no terminology is left.
    assert "terminology" not in result.rules()
    assert "image-alt-text" in result.rules()
    assert all("fix" not in finding for finding in result.json)


def test_fix_is_idempotent(tmp_path):
    file = _center(tmp_path, ARTICLE.encode("utf-8"))
    run_hclint(tmp_path, "check", "--fix")
    once = file.read_bytes()
    before = file.stat().st_mtime_ns
    again = run_hclint(tmp_path, "check", "--fix")
    assert file.read_bytes() == once
    assert file.stat().st_mtime_ns == before  # nothing to fix: the file is not even rewritten
    assert "Fixed" not in again.stderr


def test_without_fix_nothing_is_written(tmp_path):
    file = _center(tmp_path, ARTICLE.encode("utf-8"))
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    assert file.read_bytes() == ARTICLE.encode("utf-8")
    assert result.rules().count("terminology") == 5


def test_each_rule_example_fixes_to_its_fixed_text(tmp_path):
    rule = registry()["terminology"]
    file = _center(tmp_path, rule.example.failing)
    run_hclint(tmp_path, "check", "--fix")
    assert file.read_text(encoding="utf-8") == rule.example.fixed


def test_a_suppressed_finding_is_not_fixed(tmp_path):
    text = "# Contact\n\n<!-- hclint-disable-next-line terminology -->\nQuote: \"send an e-mail\".\n\nAn e-mail.\n"
    file = _center(tmp_path, text)
    run_hclint(tmp_path, "check", "--fix")
    assert file.read_text(encoding="utf-8") == text.replace("An e-mail", "An email")


def test_fix_follows_the_configured_tables_and_keeps_permissions(tmp_path):
    file = _center(tmp_path, "# Sign in\n\nLog-in, then log-in again.\n", '[tool.hclint.rules.terminology]\nterms = { "log-in" = "sign in" }\n')
    os.chmod(file, 0o640)
    run_hclint(tmp_path, "check", "--fix")
    assert file.read_text(encoding="utf-8") == "# Sign in\n\nSign in, then sign in again.\n"
    assert file.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in file.parent.iterdir()] == ["a.md"]  # no temporary file left behind


def test_fix_only_touches_the_paths_given(tmp_path):
    write_center(tmp_path, {"content/a.md": "# A\n\nAn e-mail.\n", "content/b.md": "# B\n\nAn e-mail.\n"})
    run_hclint(tmp_path, "check", "--fix", "content/a.md")
    assert (tmp_path / "content/a.md").read_text(encoding="utf-8") == "# A\n\nAn email.\n"
    assert (tmp_path / "content/b.md").read_text(encoding="utf-8") == "# B\n\nAn e-mail.\n"


def test_fix_text_keeps_every_kind_of_line_break():
    text = "one e-mail\rtwo e-mail\r\nthree e-mail\nfour"
    fixes = [Fix(line, column, "e-mail", "email") for line, column in ((1, 5), (2, 5), (3, 7))]
    assert fix_text(text, fixes) == ("one email\rtwo email\r\nthree email\nfour", 3)


def test_fix_text_skips_stale_and_overlapping_edits():
    text = "an e-mail address"
    fixes = [
        Fix(1, 4, "e-mail address", "email address"),
        Fix(1, 4, "e-mail", "email"),  # overlaps the longer edit: dropped
        Fix(1, 1, "the", "a"),  # the text there is no longer "the": dropped
        Fix(9, 1, "x", "y"),  # no such line
    ]
    assert fix_text(text, fixes) == ("an email address", 1)


def test_fix_file_leaves_a_file_that_is_not_utf8_alone(tmp_path):
    file = tmp_path / "latin.md"
    file.write_bytes(b"Caf\xe9 e-mail\n")
    assert fix_file(file, [Fix(1, 6, "e-mail", "email")]) == 0
    assert file.read_bytes() == b"Caf\xe9 e-mail\n"


def test_fix_writes_through_a_symbolic_link(tmp_path):
    write_center(tmp_path, {"shared/a.md": "# A\n\nAn e-mail.\n"})
    link = tmp_path / "content" / "a.md"
    link.symlink_to(tmp_path / "shared" / "a.md")
    run_hclint(tmp_path, "check", "--fix")
    assert link.is_symlink()
    assert (tmp_path / "shared" / "a.md").read_text(encoding="utf-8") == "# A\n\nAn email.\n"
