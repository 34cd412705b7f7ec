"""The command line as a user meets it: output, exit codes, and errors without tracebacks."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from tests.conftest import BASIC, REPO, run_hclint, write_center

GOOD = "---\ntitle: Good\n---\n\nFine.\n"
NO_TITLE = "Just text.\n"


def test_text_output_one_finding_a_line_sorted_then_summary(tmp_path):
    write_center(tmp_path, {"content/b.md": NO_TITLE, "content/a.md": NO_TITLE, "content/c.md": GOOD}, BASIC)
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/a.md:1:1: error missing-title the article has no title: add `title:` to the frontmatter "
        "or start with a `# Heading`",
        "content/b.md:1:1: error missing-title the article has no title: add `title:` to the frontmatter "
        "or start with a `# Heading`",
        "2 errors in 3 articles",
    ]


def test_paths_in_text_output_are_relative_to_the_working_directory(tmp_path):
    write_center(tmp_path, {"content/guides/a.md": NO_TITLE}, BASIC)
    result = run_hclint(tmp_path / "content", "check")
    assert result.output.startswith("guides/a.md:1:1: error missing-title")
    assert run_hclint(tmp_path / "content", "check", "--format", "json").json[0]["path"] == "content/guides/a.md"


def test_clean_run_exits_zero(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD}, BASIC)
    result = run_hclint(tmp_path, "check")
    assert (result.exit_code, result.output) == (0, "No problems in 1 article\n")


def test_fail_on_lowers_the_threshold(tmp_path):
    suppressed = GOOD + "<!-- hclint-disable-next-line missing-title -->\ntext\n"
    write_center(tmp_path, {"content/a.md": suppressed}, BASIC)
    assert run_hclint(tmp_path, "check").exit_code == 0
    assert run_hclint(tmp_path, "check", "--fail-on", "warning").exit_code == 1
    assert run_hclint(tmp_path, "check", "--fail-on", "info").exit_code == 1


def test_paths_select_files_and_folders(tmp_path):
    write_center(tmp_path, {"content/a/x.md": NO_TITLE, "content/b/y.md": NO_TITLE, "content/c.md": NO_TITLE}, BASIC)
    assert {f["path"] for f in run_hclint(tmp_path, "check", "content/a", "content/c.md", "--format", "json").json} == {
        "content/a/x.md",
        "content/c.md",
    }


def test_path_outside_the_content_root_is_a_usage_error(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD, "other/b.md": GOOD}, BASIC)
    result = run_hclint(tmp_path, "check", "other/b.md")
    assert result.exit_code == 2
    assert "outside the content root" in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD}, BASIC)
    assert run_hclint(tmp_path, "check", "content/nope.md").exit_code == 2


def test_unknown_format_and_option_exit_2(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD}, BASIC)
    assert run_hclint(tmp_path, "check", "--format", "xml").exit_code == 2
    assert run_hclint(tmp_path, "check", "--frobnicate").exit_code == 2


def test_bad_today_is_a_usage_error(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD}, BASIC)
    result = run_hclint(tmp_path, "check", "--today", "2025-02-30")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_output_file_is_written(tmp_path):
    write_center(tmp_path, {"content/a.md": NO_TITLE}, BASIC)
    result = run_hclint(tmp_path, "check", "--format", "json", "--output", "report.json")
    assert result.exit_code == 1 and result.output == ""
    assert '"missing-title"' in (tmp_path / "report.json").read_text()


def test_rules_lists_and_explains(tmp_path):
    listing = run_hclint(tmp_path, "rules")
    assert listing.exit_code == 0
    assert any(line.startswith("missing-title ") for line in listing.output.splitlines())
    page = run_hclint(tmp_path, "rules", "missing-title").output
    for section in ("## What it checks", "## Why it matters", "## Example", "## Options", "## How to suppress"):
        assert section in page
    unknown = run_hclint(tmp_path, "rules", "no-such-rule")
    assert unknown.exit_code == 2 and "unknown rule" in unknown.stderr


def test_config_prints_effective_configuration(tmp_path):
    write_center(tmp_path, {"content/a.md": GOOD}, {"rules": {**BASIC["rules"], "missing-title": "warning"}})
    result = run_hclint(tmp_path, "config")
    assert result.exit_code == 0
    assert '[rules.missing-title]\nseverity = "warning"' in result.output
    assert 'content = "content"' in result.output


def test_no_colour_when_not_a_terminal_or_no_color_set(tmp_path):
    write_center(tmp_path, {"content/a.md": NO_TITLE}, BASIC)
    process = subprocess.run(
        [sys.executable, "-m", "hclint", "check"], cwd=tmp_path, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "HCLINT_TODAY": "2026-01-01", "PYTHONPATH": str(REPO)},
    )
    assert process.returncode == 1
    assert "\x1b[" not in process.stdout
    assert "Traceback" not in process.stderr


def test_the_command_keeps_exit_codes_and_flushes_all_output_before_it_ends(tmp_path):
    # The command ends with os._exit (no interpreter teardown): nothing may be lost on the way.
    write_center(tmp_path, {f"content/a{n}.md": NO_TITLE for n in range(300)}, BASIC)
    env = {"PATH": "/usr/bin:/bin", "HCLINT_TODAY": "2026-01-01", "PYTHONPATH": str(REPO)}

    def hclint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "hclint", *args], cwd=tmp_path, capture_output=True, text=True, env=env)

    report = hclint("check", "--format", "json")
    assert report.returncode == 1
    assert len(json.loads(report.stdout)) == 300  # a 300-finding report, whole
    assert hclint("check", "--format", "json", "--fail-on", "error", "content/a0.md").returncode == 1
    assert hclint("--version").returncode == 0
    usage = hclint("check", "--format", "nope")
    assert usage.returncode == 2 and "nope" in usage.stderr
    written = hclint("check", "--format", "sarif", "-o", "report.sarif")
    assert written.returncode == 1 and json.loads((tmp_path / "report.sarif").read_text())["runs"]
    # Started with standard output closed (`hclint rules >&-`): Python has no sys.stdout at all.
    closed = subprocess.run([sys.executable, "-m", "hclint", "rules"], cwd=tmp_path, env=env, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 0 and "Traceback" not in closed.stderr


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    write_center(tmp_path, {"content/a.md": NO_TITLE}, BASIC)

    def run(env):
        out = []
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp_path)
            os.execve(sys.executable, [sys.executable, "-m", "hclint", "check"], {"PYTHONPATH": str(REPO), **env})
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out.append(chunk)
        os.waitpid(pid, 0)
        return b"".join(out).decode()

    assert "\x1b[" in run({})
    assert "\x1b[" not in run({"NO_COLOR": "1"})


def test_a_title_from_the_mkdocs_nav_counts(tmp_path):
    write_center(tmp_path, {"content/a.md": NO_TITLE, "content/b.md": NO_TITLE}, BASIC)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\nnav:\n  - 'Pay an invoice': a.md\n  - b.md\n")
    result = run_hclint(tmp_path, "check", "--format", "json")
    assert [(f["path"], f["rule"]) for f in result.json] == [("content/b.md", "missing-title")]


@pytest.mark.parametrize("name", ["frontmatter-invalid", "unreadable-file", "file-too-large", "empty-article"])
def test_rules_about_an_unread_file_do_not_offer_a_comment_to_suppress_them(tmp_path, name):
    # The file could not be read (or has nothing in it): a comment or frontmatter in it does nothing.
    page = run_hclint(tmp_path, "rules", name).output
    suppress = page.split("## How to suppress", 1)[1]
    assert "hclint-disable" not in suppress and "hclint: {disable" not in suppress
    assert "exclude" in suppress or '"off"' in suppress


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_report_into_a_folder_that_does_not_exist_is_one_line_and_exit_2(tmp_path, option):
    write_center(tmp_path, {"content/a.md": NO_TITLE}, BASIC)
    result = run_hclint(tmp_path, "check", option, "no/such/folder/out.json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"Error: {option} no/such/folder/out.json: the folder {tmp_path}/no/such/folder does not exist"]
    assert not (tmp_path / "no").exists()
