"""What a rule's example needs besides the text of its files: git history, a link that loops.

Each is an Example.setup: called with the example's project folder, once its files are saved, and
whether the run is the failing one (see hclint.rule.Example).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class GitHistory:
    """Commits the example's file as it stood on each day, oldest first, then puts back the text
    the run saved, uncommitted, as a writer's working copy. The commits' author, dates and
    configuration are fixed, so their ids, which findings quote, are the same on every machine."""

    path: str
    commits: tuple[tuple[date, str], ...]

    def __call__(self, root: Path, failing: bool) -> None:
        file = root / self.path
        saved = file.read_bytes()
        _git(root, "init", "-q", "-b", "main")
        for day, text in self.commits:
            file.write_text(text, encoding="utf-8", newline="")
            _git(root, "add", self.path)
            _git(root, "commit", "-q", "-m", "Edit the article", day=day)
        file.write_bytes(saved)


@dataclass(frozen=True)
class SymlinkLoop:
    """In the failing run, the example's file is a symbolic link to itself, which nobody can read."""

    path: str

    def __call__(self, root: Path, failing: bool) -> None:
        if failing:
            file = root / self.path
            file.unlink()
            file.symlink_to(file.name)


def _git(root: Path, *args: str, day: date | None = None) -> None:
    stamp = f"{day.isoformat()}T12:00:00+00:00" if day else ""
    # Nothing of the git that runs us (GIT_DIR in a hook) may point these commands at another repository.
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.com",
        "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.com",
        "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
        # The machine's own settings (signing, hooks, templates) must not change the commits.
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
