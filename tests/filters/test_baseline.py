"""--write-baseline records today's findings; --baseline then reports only the new ones."""

from __future__ import annotations

import json

from tests.conftest import BASIC, run_hclint, write_center

IDLE = "<!-- hclint-disable-next-line missing-title -->"  # an unused-suppression finding on its line
ARTICLE = f"---\ntitle: Refunds\n---\n\nRefunds take five days.\n{IDLE}\nAsk support.\n"


def _center(tmp_path, **files):
    return write_center(tmp_path, {"content/refunds.md": ARTICLE, "content/broken.md": "No title.\n", **files}, BASIC)


def _record(root):
    result = run_hclint(root, "check", "--write-baseline", "baseline.json")
    assert result.exit_code == 0, result.stderr
    return json.loads((root / "baseline.json").read_text(encoding="utf-8"))


def test_write_baseline_records_every_finding_and_exits_zero(tmp_path):
    root = _center(tmp_path)
    document = _record(root)
    assert [(e["path"], e["rule"], e["line"]) for e in document["findings"]] == [
        ("content/broken.md", "missing-title", 1),
        ("content/refunds.md", "unused-suppression", 6),
    ]
    assert len({e["fingerprint"] for e in document["findings"]}) == 2


def test_known_findings_are_hidden(tmp_path):
    root = _center(tmp_path)
    _record(root)
    result = run_hclint(root, "check", "--baseline", "baseline.json", "--fail-on", "info")
    assert (result.exit_code, result.output) == (0, "No problems in 2 articles\n")


def test_lines_added_above_a_known_problem_do_not_make_it_new(tmp_path):
    root = _center(tmp_path)
    _record(root)
    moved = ARTICLE.replace("Refunds take", "New first paragraph.\n\nAnother one.\n\nRefunds take")
    (root / "content/refunds.md").write_text(moved, encoding="utf-8")
    findings = run_hclint(root, "check", "--baseline", "baseline.json", "--format", "json").json
    assert findings == []
    # Without the baseline the same finding is still there, four lines lower.
    plain = run_hclint(root, "check", "--format", "json").json
    assert [(f["rule"], f["line"]) for f in plain if f["path"] == "content/refunds.md"] == [("unused-suppression", 10)]


def test_a_second_copy_of_a_known_problem_is_new(tmp_path):
    root = _center(tmp_path)
    _record(root)
    (root / "content/refunds.md").write_text(ARTICLE + f"\n{IDLE}\nThanks.\n", encoding="utf-8")
    findings = run_hclint(root, "check", "--baseline", "baseline.json", "--format", "json").json
    assert [(f["path"], f["rule"]) for f in findings] == [("content/refunds.md", "unused-suppression")]


def test_new_problems_are_reported_and_fail(tmp_path):
    root = _center(tmp_path)
    _record(root)
    (root / "content/new.md").write_text("Also no title.\n", encoding="utf-8")
    result = run_hclint(root, "check", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1
    assert [(f["path"], f["rule"]) for f in result.json] == [("content/new.md", "missing-title")]


def test_a_changed_line_is_a_new_problem(tmp_path):
    root = _center(tmp_path)
    _record(root)
    changed = ARTICLE.replace(IDLE, "<!-- hclint-disable-next-line missing-title empty-article -->")
    (root / "content/refunds.md").write_text(changed, encoding="utf-8")
    findings = run_hclint(root, "check", "--baseline", "baseline.json", "--format", "json").json
    assert [(f["path"], f["line"]) for f in findings] == [("content/refunds.md", 6)]


def test_missing_or_broken_baseline_is_a_one_line_error(tmp_path):
    root = _center(tmp_path)
    missing = run_hclint(root, "check", "--baseline", "nope.json")
    assert missing.exit_code == 2
    assert "nope.json: baseline not found" in missing.stderr
    for text in ("{not json", '{"version": 99, "findings": []}', '{"version": 1, "findings": [{"rule": "x"}]}', "[]"):
        (root / "bad.json").write_text(text, encoding="utf-8")
        result = run_hclint(root, "check", "--baseline", "bad.json")
        assert result.exit_code == 2, text
        assert result.stderr.startswith("Error: ") and "bad.json" in result.stderr
