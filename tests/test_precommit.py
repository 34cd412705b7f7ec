"""The real pre-commit guards commits to a small help center, set up exactly as content/pre-commit.md
says (the repository's address replaced by a local stand-in for it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PUBLISHED_URL, REPO, TODAY, documented_block

GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def article(title: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndescription: {title} in a few steps.\nowner: docs-team\n"
            f"last_reviewed: 2026-11-02\ntags: [billing]\n---\n\n# {title}\n\n{body}\n")


def run(cwd: Path, *command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """Shared by the tests: pre-commit installs hclint's environment once for the documented rev."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def center(tmp_path_factory, release_remote, pre_commit_home) -> tuple[Path, dict[str, str]]:
    """A help center in git with an old problem (old.md has no title), committed before the hook."""
    root = tmp_path_factory.mktemp("center")
    home = pre_commit_home
    bin_dir = str(Path(sys.executable).parent)  # pre-commit itself, from the test environment
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "HCLINT_TODAY": TODAY,
           "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    files = {
        "pyproject.toml": "[tool.hclint]\ncontent = \"content\"\n",
        "README.md": "# Help center\n",
        "content/index.md": article("Billing", "Read about [invoices](invoices.md)."),
        "content/invoices.md": article("Invoices", "Open **Billing** to see your invoices."),
        "content/old.md": "An old article that nobody gave a title.\n",
        ".pre-commit-config.yaml": documented_block("pre-commit.md", "yaml", "repos:").replace(PUBLISHED_URL, str(release_remote)),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "start"]):
        assert run(root, *command, env=env).returncode == 0
    installed = run(root, sys.executable, "-m", "pre_commit", "install", env=env)
    assert installed.returncode == 0, installed.stderr
    return root, env


def test_commit_with_a_broken_article_is_refused_and_a_good_one_passes(center):
    root, env = center
    # A changed article now links to a page that does not exist: a corpus rule must see the others.
    (root / "content/invoices.md").write_text(article("Invoices", "See [refunds](refunds.md)."), encoding="utf-8")
    (root / "README.md").write_text("# Help center\n\nOutside the content folder.\n", encoding="utf-8")
    run(root, "git", "add", "-A", env=env)
    refused = run(root, "git", "commit", "-m", "link to refunds", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(r"content/invoices.md:11:\d+: error broken-link .*refunds.md", output), output
    assert "old.md" not in output  # old problems in untouched articles stay quiet
    assert "README.md" not in output

    (root / "content/refunds.md").write_text(article("Refunds", "Refunds take five days."), encoding="utf-8")
    run(root, "git", "add", "-A", env=env)
    passed = run(root, "git", "commit", "-m", "add refunds", env=env)
    shown = passed.stdout + passed.stderr
    assert passed.returncode == 0, shown
    assert re.search(r"^hclint\.+Passed$", shown, re.MULTILINE), shown


def test_the_hook_manifest_and_this_repository_config_are_valid_for_pre_commit():
    for command, file in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml")):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, str(REPO / file)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_a_commit_that_deletes_a_linked_article_is_refused(center):
    root, env = center
    run(root, "git", "rm", "-q", "content/invoices.md", env=env)
    refused = run(root, "git", "commit", "-m", "remove invoices", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "Skipped" not in output
    assert re.search(r"content/index.md:11:\d+: error broken-link .*invoices.md", output), output
    assert "old.md" not in output


def test_a_commit_that_only_edits_mkdocs_yml_is_checked(center):
    root, env = center
    (root / "mkdocs.yml").write_text("site_name: Help\ndocs_dir: content\nnav:\n  - Home: index.md\n  - Invoices: invoice.md\n",
                                     encoding="utf-8")
    (root / "content/old.md").write_text(article("Old", "Now with a title."), encoding="utf-8")
    run(root, "git", "add", "content/old.md", env=env)
    run(root, "git", "commit", "-q", "-m", "fix old", env=env)
    run(root, "git", "add", "mkdocs.yml", env=env)
    refused = run(root, "git", "commit", "-m", "nav", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(r"mkdocs.yml:5:\d+: error nav-missing-target the nav entry `invoice.md` is broken", output), output
