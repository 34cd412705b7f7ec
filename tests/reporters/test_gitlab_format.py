"""--format gitlab: GitLab Code Quality issues with fingerprints that survive unrelated edits."""

from __future__ import annotations

import subprocess

from tests.conftest import BASIC, run_hclint, write_center

IDLE = "<!-- hclint-disable-next-line missing-title -->"
TWICE = f"---\ntitle: T\n---\n\n{IDLE}\nOne.\n\n{IDLE}\nTwo.\n"


def _issues(root):
    result = run_hclint(root, "check", "--format", "gitlab")
    assert result.exit_code == 1
    return result.json


def test_issues_carry_the_code_quality_fields(tmp_path):
    write_center(tmp_path, {"content/a.md": "No title.\n", "content/b.md": TWICE}, BASIC)
    issues = _issues(tmp_path)
    assert [sorted(issue) for issue in issues] == [["check_name", "description", "fingerprint", "location", "severity"]] * 3
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("missing-title", "major", {"path": "content/a.md", "lines": {"begin": 1}}),
        ("unused-suppression", "minor", {"path": "content/b.md", "lines": {"begin": 5}}),
        ("unused-suppression", "minor", {"path": "content/b.md", "lines": {"begin": 8}}),
    ]
    assert issues[0]["description"].startswith("the article has no title")
    # The same text twice in one file still gives GitLab two distinct issues.
    assert len({i["fingerprint"] for i in issues}) == 3


def test_fingerprints_do_not_change_when_lines_are_added_above(tmp_path):
    write_center(tmp_path, {"content/a.md": "No title.\n", "content/b.md": TWICE}, BASIC)
    before = [i["fingerprint"] for i in _issues(tmp_path)]
    (tmp_path / "content/b.md").write_text(TWICE.replace("---\n\n", "---\n\nA new intro.\n\n", 1))
    after = _issues(tmp_path)
    assert [i["fingerprint"] for i in after] == before
    assert after[1]["location"]["lines"]["begin"] == 7


def test_paths_are_relative_to_the_repository(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write_center(tmp_path / "docs-site", {"content/a.md": "No title.\n"}, BASIC)
    (issue,) = _issues(tmp_path / "docs-site")
    assert issue["location"]["path"] == "docs-site/content/a.md"
