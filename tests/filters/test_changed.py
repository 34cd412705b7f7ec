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


NAV = "site_name: Help\ndocs_dir: content\nnav:\n  - A: a.md\n  - B: b.md\n  - C: c.md\n"
NAV_RULES = only_rules("broken-link", "nav-missing-target", "orphan-article", "missing-title")


@pytest.fixture
def site(tmp_path):
    """A site with a nav; c.md has an old broken link, old.md an old missing title."""
    write_center(tmp_path, {"content/a.md": "# A\n\nSee [B](b.md).\n", "content/b.md": "# B\n\nSee [D](d.md).\n",
                            "content/c.md": "# C\n\nSee [gone](gone.md).\n", "content/d.md": "# D\n\nOnly B links here.\n",
                            "content/old.md": "No title.\n"}, NAV_RULES)
    (tmp_path / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    git(tmp_path, "checkout", "-q", "-b", "work")
    return tmp_path


def _found(root, *args):
    result = run_hclint(root, "check", "--format", "json", "--fail-on", "info", *args)
    return sorted((f["path"], f["line"], f["rule"]) for f in result.json)


def test_a_deleted_article_reports_the_links_the_nav_entry_and_the_orphan_it_leaves(site):
    git(site, "rm", "-q", "content/b.md")
    assert _found(site, "--changed-since", "main") == [
        ("content/a.md", 3, "broken-link"),  # its link now leads nowhere
        ("content/d.md", 1, "orphan-article"),  # b.md was the only article that linked here
        ("mkdocs.yml", 5, "nav-missing-target"),  # the nav entry of b.md
    ]


def test_a_change_to_mkdocs_yml_or_the_configuration_reports_every_article(site):
    (site / "mkdocs.yml").write_text(NAV.replace("  - C: c.md\n", "  - C: see.md\n"), encoding="utf-8")
    found = _found(site, "--changed-since", "main")
    assert ("mkdocs.yml", 6, "nav-missing-target") in found
    assert ("content/c.md", 3, "broken-link") in found and ("content/old.md", 1, "missing-title") in found
    git(site, "checkout", "-q", "--", "mkdocs.yml")
    assert _found(site, "--changed-since", "main") == []
    pyproject = (site / "pyproject.toml").read_text(encoding="utf-8")
    (site / "pyproject.toml").write_text(pyproject + '\n[project]\nname = "help"\n', encoding="utf-8")
    assert _found(site, "--changed-since", "main") == []  # outside [tool.hclint]: nothing hclint reads changed
    assert 'broken-anchor = "off"' in pyproject
    (site / "pyproject.toml").write_text(pyproject.replace('broken-anchor = "off"', 'broken-anchor = "warning"'), encoding="utf-8")
    assert ("content/c.md", 3, "broken-link") in _found(site, "--changed-since", "main")


def test_staged_reports_what_the_next_commit_breaks_and_nothing_unstaged(site):
    git(site, "rm", "-q", "--cached", "content/b.md")  # staged deletion; the file stays on disk, untracked
    (site / "content/b.md").unlink()
    (site / "content/c.md").write_text("# C\n\nSee [new](new.md).\n")  # unstaged: not part of the commit
    assert _found(site, "--staged") == [("content/a.md", 3, "broken-link"), ("content/d.md", 1, "orphan-article"),
                                        ("mkdocs.yml", 5, "nav-missing-target")]
    # A path pre-commit names (all of them with --all-files) is reported too.
    assert _found(site, "--staged", "content/c.md") == [("content/a.md", 3, "broken-link"), ("content/c.md", 3, "broken-link"),
                                                        ("content/d.md", 1, "orphan-article"), ("mkdocs.yml", 5, "nav-missing-target")]


def test_staged_works_before_the_first_commit(tmp_path):
    write_center(tmp_path, {"content/a.md": "No title.\n"}, NAV_RULES)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    assert _found(tmp_path, "--staged") == [("content/a.md", 1, "missing-title"), ("content/a.md", 1, "orphan-article")]


def test_staged_and_changed_since_together_is_a_usage_error(site):
    result = run_hclint(site, "check", "--staged", "--changed-since", "main")
    assert result.exit_code == 2 and "cannot be used together" in result.stderr


LINK_RULES = only_rules("broken-link", "internal-link-from-public", "nav-missing-target")


@pytest.fixture
def staged(tmp_path):
    """A committed help center: index.md links to billing/invoices.md by path and by site path."""
    write_center(tmp_path, {
        "content/index.md": "# Home\n\nSee [invoices](billing/invoices.md) and [by site path](/billing/invoices/).\n",
        "content/billing/invoices.md": "# Invoices\n\nText.\n",
        "content/billing/refunds.md": "# Refunds\n\nText.\n",
    }, LINK_RULES)
    (tmp_path / "mkdocs.yml").write_text("site_name: Help\nsite_url: https://help.example.com/\ndocs_dir: content\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def test_a_commit_that_makes_a_linked_article_internal_reports_the_links(staged):
    (staged / "content/billing/invoices.md").write_text("---\naudience: internal\n---\n# Invoices\n\nText.\n")
    git(staged, "add", "-A")
    assert [(p, r) for p, _, r in _found(staged, "--staged")] == [
        ("content/index.md", "internal-link-from-public"), ("content/index.md", "internal-link-from-public")]


def test_files_not_staged_do_not_exist_for_the_commit(staged):
    (staged / "content/billing/fees.md").write_text("# Fees\n\nText.\n")  # never added
    (staged / "content/billing/refunds.md").write_text("# Refunds\n\nSee [fees](fees.md).\n")
    git(staged, "add", "content/billing/refunds.md")
    assert _found(staged, "--staged") == [("content/billing/refunds.md", 3, "broken-link")]
    git(staged, "rm", "-q", "--cached", "content/billing/invoices.md")  # gone from the commit, still on disk
    assert ("content/index.md", 3, "broken-link") in _found(staged, "--staged")


def test_renaming_a_folder_reports_site_path_links_into_it(staged):
    git(staged, "mv", "content/billing", "content/pay")
    (staged / "content/index.md").write_text("# Home\n\nSee [invoices](pay/invoices.md) and [by site path](/billing/invoices/).\n")
    git(staged, "add", "-A")
    assert _found(staged, "--staged") == [("content/index.md", 3, "broken-link")]  # a site at the root of its host owns /billing/


def test_deleting_the_configuration_file_reports_every_article(staged):
    (staged / "hclint.toml").write_text('public_audiences = ["public"]\n')
    git(staged, "add", "-A")
    git(staged, "commit", "-q", "-m", "config")
    (staged / "content/billing/refunds.md").write_text("# Refunds\n\nSee [gone](gone.md).\n")
    git(staged, "commit", "-q", "-am", "old problem")
    git(staged, "rm", "-q", "hclint.toml")
    assert ("content/billing/refunds.md", 3, "broken-link") in _found(staged, "--staged")


def test_an_unchanged_article_with_a_site_path_link_into_a_renamed_folder_is_reported(staged):
    (staged / "content/index.md").write_text("# Home\n\nSee [by site path](/billing/invoices/).\n")
    git(staged, "commit", "-q", "-am", "only the site path")
    git(staged, "mv", "content/billing", "content/pay")
    assert _found(staged, "--staged") == [("content/index.md", 3, "broken-link")]
