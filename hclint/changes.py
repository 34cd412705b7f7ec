"""Which articles a branch touched since a git ref, plus work not yet committed, and their relations."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from hclint.config import Config
from hclint.errors import HclintError


@dataclass(frozen=True)
class Changes:
    changed: frozenset[Path]  # absolute paths of files added or modified
    deleted: frozenset[Path]  # absolute paths of files removed (a rename removes the old name)


def changes_since(folder: Path, ref: str) -> Changes:
    """The files changed since the merge base of ref and HEAD.

    Like `git diff REF...`, changes made on ref's side after the branch point are not counted;
    unlike it, staged, unstaged and untracked (not ignored) files are, so a writer can check a
    branch before committing.
    """
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    base = _git(folder, "merge-base", ref, "HEAD").strip()
    if not base:
        raise HclintError(f"--changed-since: {ref} and HEAD share no commit (in CI, fetch the whole history)")
    diff = ("diff", "--name-only", "--no-renames", "-z")
    changed = _git(top, *diff, "--diff-filter=d", base, "--") + _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    deleted = _git(top, *diff, "--diff-filter=D", base, "--")
    return Changes(_paths(top, changed), _paths(top, deleted))


def _paths(top: Path, names: str) -> frozenset[Path]:
    return frozenset(top / name for name in names.split("\0") if name)


def changed_articles(config: Config, ref: str, paths: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The articles to report on: changed ones, and unchanged ones that link to a deleted one
    (their links broke in this branch), limited to paths when given."""
    content = config.content.resolve()
    found = changes_since(content, ref)
    chosen = {file for file in found.changed if content in file.parents}
    gone = {file.relative_to(content).as_posix() for file in found.deleted if content in file.parents}
    if gone:
        chosen |= _linking_to(config, frozenset(gone))
    wanted = [p.resolve() for p in paths]
    return tuple(sorted(f for f in chosen if not wanted or any(w == f or w in f.parents for w in wanted)))


def _linking_to(config: Config, gone: frozenset[str]) -> set[Path]:
    from hclint.article import load_article  # the parser loads only when a branch deletes an article
    from hclint.corpus import discover
    from hclint.publishing import links_into

    stems = {name.rsplit("/", 1)[-1].rsplit(".", 1)[0] for name in gone}
    found = set()
    for source in discover(config):
        text = source.file.read_text(encoding="utf-8", errors="replace") if source.file.is_file() else ""
        if any(stem in text for stem in stems):  # cheap test first: most articles never name the file
            article = load_article(source.file, source.path, source.content_path, len(text.encode()) + 1)
            if any(links_into(article, gone)):
                found.add(source.file.resolve())
    return found


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
