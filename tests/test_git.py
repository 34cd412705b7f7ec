"""hclint.git on real repositories: dates, body changes, renames, and one git call per run."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

from hclint.git import body_change, history
from tests.conftest import run_hclint, write_center
from tests.gitrepo import commit, git, init

FRONT = "---\ntitle: Refunds\nowner: billing\nlast_reviewed: {day}\n---\n"  # closing fence on line 5


def test_history_gives_each_file_its_last_commit_date_keyed_by_content_path(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {"content/a.md": "A\n", "content/sub/b.md": "B\n", "README.md": "x\n"})
    commit(repo, "2026-03-09", {"content/a.md": "A2\n"})
    found = history(repo / "content")
    assert set(found) == {"a.md", "sub/b.md"}  # files outside the folder are not listed
    assert found["a.md"].last_commit.day == date(2026, 3, 9)
    assert found["sub/b.md"].last_commit.day == date(2026, 1, 5)
    assert [c.day for c in found["a.md"].changes] == [date(2026, 3, 9), date(2026, 1, 5)]


def test_outside_a_repository_there_is_no_history(tmp_path):
    (tmp_path / "content").mkdir()
    assert history(tmp_path / "content") == {}


def test_a_frontmatter_only_commit_is_not_a_body_change(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {"a.md": FRONT.format(day="2026-01-05") + "\nRefunds take five days.\n"})
    body = commit(repo, "2026-02-10", {"a.md": FRONT.format(day="2026-01-05") + "\nRefunds take ten days.\n"})
    commit(repo, "2026-03-01", {"a.md": FRONT.format(day="2026-03-01") + "\nRefunds take ten days.\n"})
    change = body_change(history(repo)["a.md"], frontmatter_end=5)
    assert (change.commit, change.day) == (body, date(2026, 2, 10))


def test_frontmatter_that_grew_and_shrank_still_points_at_the_right_body_change(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {"a.md": FRONT.format(day="2026-01-05") + "\nOne.\n\nTwo.\n"})
    body = commit(repo, "2026-02-10", {"a.md": FRONT.format(day="2026-01-05") + "\nOne.\n\nTwo, changed.\n"})
    grown = FRONT.format(day="2026-01-05").replace("owner: billing\n", "owner: billing\ntags: [money]\naudience: public\n")
    commit(repo, "2026-03-01", {"a.md": grown + "\nOne.\n\nTwo, changed.\n"})
    shrunk = grown.replace("audience: public\n", "")
    commit(repo, "2026-04-01", {"a.md": shrunk + "\nOne.\n\nTwo, changed.\n"})
    change = body_change(history(repo)["a.md"], frontmatter_end=6)
    assert change.day == date(2026, 2, 10)


def test_a_body_change_made_with_a_new_review_date_counts_as_reviewed(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {"a.md": FRONT.format(day="2026-01-05") + "\nOld text.\n"})
    commit(repo, "2026-02-10", {"a.md": FRONT.format(day="2026-02-10") + "\nNew text.\n"})
    found = history(repo)["a.md"]
    assert body_change(found, frontmatter_end=5, review_line=4) is None
    assert body_change(found, frontmatter_end=5).day == date(2026, 2, 10)


def test_an_article_without_frontmatter_changes_its_body_with_every_commit(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {"a.md": "# Refunds\n\nFive days.\n"})
    commit(repo, "2026-02-10", {"a.md": "# Refunds\n\nTen days.\n"})
    assert body_change(history(repo)["a.md"], frontmatter_end=0).day == date(2026, 2, 10)


def test_a_renamed_article_keeps_its_history(tmp_path):
    repo = init(tmp_path)
    text = FRONT.format(day="2026-01-05") + "\nRefunds take five days, and here is why they take so long.\n"
    commit(repo, "2026-01-05", {"old-name.md": text})
    git(repo, "mv", "old-name.md", "new name.md", day="2026-03-01")
    git(repo, "commit", "-q", "-m", "rename", day="2026-03-01")
    found = history(repo)
    assert found["new name.md"].last_commit.day == date(2026, 3, 1)
    assert body_change(found["new name.md"], frontmatter_end=5).day == date(2026, 1, 5)


def test_unusual_file_names_are_read_back_exactly(tmp_path):
    repo = init(tmp_path)
    commit(repo, "2026-01-05", {'tab\tand "quote".md': "A\n", "café.md": "B\n"})
    assert set(history(repo)) == {'tab\tand "quote".md', "café.md"}


# 160 articles are enough for the engine to fork worker processes, which must not each run git.
@pytest.mark.parametrize("count", [5, 160])
def test_check_runs_git_log_once_for_the_whole_help_center(tmp_path, count):
    repo = init(tmp_path / "project")
    articles = {f"content/a{i}.md": FRONT.format(day="2026-01-05") + f"\nText {i}.\n" for i in range(count)}
    write_center(repo, articles)
    commit(repo, "2026-01-05", {})
    shim = tmp_path / "bin"
    shim.mkdir()
    log = tmp_path / "git-calls.log"
    real = shutil.which("git")
    (shim / "git").write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n')
    (shim / "git").chmod(0o755)
    result = run_hclint(repo, "check", "--no-cache", "--format", "json",
                        env={"PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"})
    assert result.exit_code in (0, 1)
    calls = [line for line in log.read_text().splitlines() if " log " in f" {line} "]
    assert len(calls) == 1, calls
