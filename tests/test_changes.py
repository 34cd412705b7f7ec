"""--changed-since: only what a branch changed (committed or not) is reported, against the whole index."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import BASIC, only_rules, run_hclint, write_center

GOOD = "---\ntitle: Good\n---\n\nFine.\n"
BROKEN = "No title here.\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(root, *args):
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    """main holds an old broken article; the branch `work` starts from it."""
    write_center(tmp_path, {"content/old.md": BROKEN, "content/a.md": GOOD, "content/b.md": GOOD,
                            "content/c.md": GOOD, "README.md": "# Readme\n"}, BASIC)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    git(tmp_path, "checkout", "-q", "-b", "work")
    return tmp_path


def _reported(root, *args):
    result = run_hclint(root, "check", "--changed-since", "main", "--format", "json", *args)
    return sorted({f["path"] for f in result.json})


def test_committed_staged_unstaged_and_untracked_changes_count(repo):
    (repo / "content/a.md").write_text(BROKEN)
    git(repo, "commit", "-q", "-am", "break a")
    (repo / "content/b.md").write_text(BROKEN)
    git(repo, "add", "content/b.md")
    (repo / "content/c.md").write_text(BROKEN)
    (repo / "content/new.md").write_text(BROKEN)
    assert _reported(repo) == ["content/a.md", "content/b.md", "content/c.md", "content/new.md"]


def test_untouched_old_problems_are_not_shown(repo):
    result = run_hclint(repo, "check", "--changed-since", "main")
    assert (result.exit_code, result.output) == (0, "No problems in 0 articles\n")
    # The same run without --changed-since sees the old problem: the filter is what hid it.
    assert run_hclint(repo, "check").exit_code == 1


def test_changes_on_the_base_branch_after_the_branch_point_are_not_counted(repo):
    git(repo, "checkout", "-q", "main")
    (repo / "content/b.md").write_text(BROKEN)
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "work")
    (repo / "content/a.md").write_text(BROKEN)
    assert _reported(repo) == ["content/a.md"]


def test_files_outside_the_content_root_and_deleted_files_are_ignored(repo):
    (repo / "README.md").write_text("# Changed\n")
    (repo / "content/c.md").unlink()
    (repo / "content/a.md").write_text(BROKEN)
    assert _reported(repo) == ["content/a.md"]


def test_paths_narrow_the_changed_set(repo):
    (repo / "content/guides").mkdir()
    (repo / "content/guides/g.md").write_text(BROKEN)
    (repo / "content/a.md").write_text(BROKEN)
    assert _reported(repo, "content/guides") == ["content/guides/g.md"]


def test_unknown_ref_and_missing_repository_are_one_line_errors(repo, tmp_path_factory):
    result = run_hclint(repo, "check", "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert "no-such-branch" in result.stderr and "Traceback" not in result.stderr
    elsewhere = write_center(tmp_path_factory.mktemp("nogit"), {"content/a.md": GOOD}, BASIC)
    outside = run_hclint(elsewhere, "check", "--changed-since", "main", env={"GIT_CEILING_DIRECTORIES": str(elsewhere.parent)})
    assert outside.exit_code == 2
    assert outside.stderr.startswith("Error: --changed-since: git")


LINKS = only_rules("broken-link")


@pytest.fixture
def linked(tmp_path):
    """Three articles on main: a.md links to b.md; c.md is unrelated and has an old broken link."""
    write_center(tmp_path, {"content/a.md": "# A\n\nSee [B](b.md).\n", "content/b.md": "# B\n\nText.\n",
                            "content/c.md": "# C\n\nSee [gone](gone.md).\n"}, LINKS)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    git(tmp_path, "checkout", "-q", "-b", "work")
    return tmp_path


def _links(root):
    result = run_hclint(root, "check", "--changed-since", "main", "--format", "json")
    return [(f["path"], f["line"], f["rule"]) for f in result.json]


def test_a_changed_article_is_checked_against_the_whole_help_center(linked):
    (linked / "content/b.md").write_text("# B\n\nSee [A](a.md) and [missing](missing.md).\n")
    assert _links(linked) == [("content/b.md", 3, "broken-link")]  # a.md resolves; c.md's old link stays quiet


def test_deleting_an_article_reports_the_unchanged_articles_that_linked_to_it(linked):
    git(linked, "rm", "-q", "content/b.md")
    git(linked, "commit", "-q", "-m", "remove b")
    assert _links(linked) == [("content/a.md", 3, "broken-link")]


def test_renaming_an_article_reports_links_to_its_old_name(linked):
    git(linked, "mv", "content/b.md", "content/bee.md")
    assert _links(linked) == [("content/a.md", 3, "broken-link")]
