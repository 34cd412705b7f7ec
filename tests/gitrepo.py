"""Real git repositories for tests, with commit dates set by the test rather than the clock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git_env(day: str) -> dict[str, str]:
    stamp = f"{day}T12:00:00+00:00"
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.com",
        "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.com",
        "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
        # The machine's own git configuration must not change what the tests see.
        "GIT_CONFIG_GLOBAL": str(Path(__file__).with_name("no-such-gitconfig")), "GIT_CONFIG_NOSYSTEM": "1",
    }


def git(repo: Path, *args: str, day: str = "2026-01-01") -> str:
    result = subprocess.run(["git", *args], cwd=repo, env=git_env(day), capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, day: str, files: dict[str, str], message: str = "edit") -> str:
    """Write the files (relative to repo) and commit them all on day (YYYY-MM-DD)."""
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    git(repo, "add", "-A", day=day)
    git(repo, "commit", "-q", "-m", message, day=day)
    return git(repo, "rev-parse", "HEAD", day=day).strip()
