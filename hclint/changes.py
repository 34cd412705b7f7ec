"""Which files changed since a git ref: what a pull request touched, plus work not yet committed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hclint.errors import HclintError


def changed_since(folder: Path, ref: str) -> frozenset[Path]:
    """Absolute paths of files added or modified since the merge base of ref and HEAD.

    Like `git diff REF...`, changes made on ref's side after the branch point are not counted;
    unlike it, staged, unstaged and untracked (not ignored) files are, so a writer can check a
    branch before committing. Deleted files are left out: there is nothing left to check in them.
    """
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    base = _git(folder, "merge-base", ref, "HEAD").strip()
    if not base:
        raise HclintError(f"--changed-since: {ref} and HEAD share no commit (in CI, fetch the whole history)")
    changed = _git(top, "diff", "--name-only", "--diff-filter=d", "-z", base, "--")
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    names = {name for name in (changed + untracked).split("\0") if name}
    return frozenset(top / name for name in names)


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
        )
    except FileNotFoundError:
        raise HclintError("--changed-since needs git, and git is not installed") from None
    if done.returncode != 0:
        if args[0] == "merge-base" and not done.stderr.strip():
            return ""  # no common ancestor: said by the caller, which knows the ref
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise HclintError(f"--changed-since: git {args[0]} failed in {folder}: {reason}")
    return done.stdout


def changed_articles(content: Path, ref: str, paths: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The changed files inside the content root (and inside paths, when given), for Run.paths."""
    content = content.resolve()
    wanted = [p.resolve() for p in paths]
    return tuple(
        sorted(
            file for file in changed_since(content, ref)
            if content in file.parents and (not wanted or any(w == file or w in file.parents for w in wanted))
        )
    )
