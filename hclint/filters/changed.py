"""What a change to the help center can break: the articles to report on for a branch or a commit.

A change is read from git: a branch since its base (`--changed-since`, committed or not) or what is
staged for the next commit (`--staged`, the pre-commit hook). From it:

- a changed or added article is reported on;
- a deleted or renamed article is reported through the articles whose links now lead nowhere, the
  articles it linked to (one may now be an orphan), and the nav in mkdocs.yml;
- a change to what applies to every article (hclint's configuration, mkdocs.yml, the wordlist,
  folder metadata) has every article reported on.
"""

from __future__ import annotations

import posixpath
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from hclint.errors import HclintError
from hclint.project.config import Config

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's empty tree: the base of a first commit
CONFIGURATION_NAMES = ("hclint.toml", "pyproject.toml", "mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class Changes:
    top: Path  # the top folder of the git work tree
    base: str  # the commit (or tree) the change is compared with
    changed: frozenset[Path]  # absolute paths of files added or modified
    deleted: frozenset[Path]  # absolute paths of files removed (a rename removes the old name)
    flag: str  # the option that asked for it, for messages
    # Files on disk that are not part of what is checked: for a commit, those not staged (new
    # files never added, files removed from the index but left on disk).
    absent: frozenset[Path] = frozenset()


@dataclass(frozen=True)
class Selection:
    """What to report on: these articles, or every article; and whether mkdocs.yml too."""

    paths: tuple[Path, ...] = ()
    everything: bool = False
    site: bool = False  # findings on mkdocs.yml (nav entries) are reported
    absent: tuple[Path, ...] = ()  # files on disk the check must treat as missing (Changes.absent)

    @property
    def empty(self) -> bool:
        return not self.paths and not self.everything


def changes_since(folder: Path, ref: str) -> Changes:
    """The files changed since the merge base of ref and HEAD.

    Like `git diff REF...`, changes made on ref's side after the branch point are not counted;
    unlike it, staged, unstaged and untracked (not ignored) files are, so a writer can check a
    branch before committing.
    """
    flag = "--changed-since"
    top = Path(_git(folder, flag, "rev-parse", "--show-toplevel").strip())
    base = _git(folder, flag, "merge-base", ref, "HEAD").strip()
    if not base:
        raise HclintError(f"--changed-since: {ref} and HEAD share no commit (in CI, fetch the whole history)")
    diff = ("diff", "--name-only", "--no-renames", "-z")
    changed = _git(top, flag, *diff, "--diff-filter=d", base, "--") + _git(top, flag, "ls-files", "--others", "--exclude-standard", "-z")
    deleted = _git(top, flag, *diff, "--diff-filter=D", base, "--")
    return Changes(top, base, _paths(top, changed), _paths(top, deleted), flag)


def staged_changes(folder: Path) -> Changes:
    """What the next commit changes: the index against HEAD (the empty tree before a first commit)."""
    flag = "--staged"
    top = Path(_git(folder, flag, "rev-parse", "--show-toplevel").strip())
    head = subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=top, capture_output=True, text=True)
    base = head.stdout.strip() if head.returncode == 0 else EMPTY_TREE
    diff = ("diff", "--cached", "--name-only", "--no-renames", "-z")
    changed = _git(top, flag, *diff, "--diff-filter=d", base, "--")
    deleted = _paths(top, _git(top, flag, *diff, "--diff-filter=D", base, "--"))
    untracked = _paths(top, _git(top, flag, "ls-files", "--others", "--exclude-standard", "-z"))
    absent = untracked | {file for file in deleted if file.exists()}
    return Changes(top, base, _paths(top, changed), deleted, flag, absent)


def _paths(top: Path, names: str) -> frozenset[Path]:
    return frozenset(top / name for name in names.split("\0") if name)


def selection(config: Config, changes: Changes, paths: tuple[Path, ...] = ()) -> Selection:
    """The articles a change can break, limited to paths when given."""
    content = config.content.resolve()
    absent = tuple(sorted(file for file in changes.absent if content in file.parents))
    if any(_applies_everywhere(config, changes, file) for file in changes.changed | changes.deleted):
        return Selection(everything=True, site=True, absent=absent)
    chosen = {file for file in changes.changed if content in file.parents}
    gone = {f.relative_to(content).as_posix() for f in (*changes.deleted, *absent) if content in f.parents and _is_article(f)}
    around, private = _around(config, changes, frozenset(gone), {f for f in chosen if _is_article(f)})
    chosen |= around
    wanted = [p.resolve() for p in paths]
    kept = tuple(sorted(f for f in chosen if not wanted or any(w == f or w in f.parents for w in wanted)))
    return Selection(kept, site=bool(gone or private), absent=absent)


def _is_article(file: Path) -> bool:
    from hclint.project.discovery import SUFFIXES

    return file.name.endswith(SUFFIXES)


def _applies_everywhere(config: Config, changes: Changes, file: Path) -> bool:
    """hclint's configuration, mkdocs.yml, a file a rule reads (the wordlist), folder metadata, or a
    file a snippet may include from outside the content root."""
    from hclint.project.folder_meta import META_NAMES
    from hclint.project.site import load_site

    if file.parent == config.root.resolve() and file.name in CONFIGURATION_NAMES:
        return file.name != "pyproject.toml" or _hclint_table(changes, file) != _hclint_table(None, file)
    if config.source is not None and file == config.source.resolve():
        return True
    content = config.content.resolve()
    read = {(config.content / name).resolve() for rule in config.registry.values() for name in rule.reads}
    site = load_site(config.mkdocs_file) if config.mkdocs_file and config.mkdocs_file.is_file() else None
    if file in read or (content in file.parents and file.name in {*META_NAMES, site.meta_file if site else None}):
        return True
    bases = [b for b in (site.snippets.base_paths if site and site.snippets else ()) if b is not None]
    return content not in file.parents and any(base == file or base in file.parents for base in bases)


def _hclint_table(changes: Changes | None, file: Path) -> object:
    """[tool.hclint] of pyproject.toml, as it is now (changes None) or at the base: a change elsewhere
    in the file (a dependency) changes nothing hclint reads."""
    try:
        text = file.read_text(encoding="utf-8") if changes is None else _old_text(changes, file)
        return tomllib.loads(text or "").get("tool", {}).get("hclint")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return object()  # unreadable on one side: it changed


def _around(
    config: Config, changes: Changes, gone: frozenset[str], changed: set[Path]
) -> tuple[set[Path], set[str]]:
    """The articles around what changed: those with a link that led to a gone article or leads to a
    changed one that is no longer published, and those a gone article linked to (as the base commit
    had it: one may now be an orphan); and the changed articles that are not published. Links are
    resolved as the link rules resolve them."""
    from hclint.article import load_article, parse_article  # the parser loads only here
    from hclint.index import Index, IndexEntry
    from hclint.project.discovery import discover
    from hclint.project.site import load_site
    from hclint.rules.links.resolver import Kind, Resolver, Tree

    content = config.content.resolve()
    absent = {f.relative_to(content).as_posix() for f in changes.absent if content in f.parents}
    site = load_site(config.mkdocs_file)
    tree = Tree(config.content, frozenset(absent))
    private = set()
    for file in changed:
        path = file.relative_to(content).as_posix()
        article = load_article(file, path, path, file.stat().st_size + 1)
        if not Resolver(Index({}), site, tree, config.audiences).publication(path, article.frontmatter, article.unreadable).public:
            private.add(path)
    if not gone and not private:
        return set(), private
    forms = {form for path in gone for form in _forms(path)}
    names = {posixpath.basename(form) for form in forms | {posixpath.splitext(p)[0] for p in private}} - {""}
    candidates = {}
    for source in discover(config):
        if source.content_path in absent:
            continue
        text = source.file.read_text(encoding="utf-8", errors="replace") if source.file.is_file() else ""
        if any(name in text for name in names):  # cheap test first: most articles never name the file
            candidates[source] = load_article(source.file, source.path, source.content_path, len(text.encode()) + 1)
    index = Index({s.content_path: IndexEntry.of(article, ()) for s, article in candidates.items()})
    resolve = Resolver(index, site, tree, config.audiences)
    found = set()
    for source, article in candidates.items():
        for link in (*article.links, *article.views.html_links):
            target = resolve.resolve(source.content_path, link.target)
            written = _site_path(site, link.target)
            if (target.kind in (Kind.MISSING, Kind.CASE) and target.path in forms) or written in forms or (
                source.content_path not in private and any(p in private for p in resolve.reaches(source.content_path, link.target))
            ):
                found.add(source.file.resolve())
    for path in gone:
        old = parse_article(_old_text(changes, content / path) or "", path, path)
        for link in old.links:
            target = resolve.resolve(path, link.target)
            if target.kind is Kind.PAGE and target.path not in gone and (content / target.path).is_file():
                found.add((content / target.path).resolve())
    return found, private


def _site_path(site: object, raw: str) -> str | None:
    """The content path a site path (`/billing/refunds/`) names, whatever folders exist now: a link
    into a folder the change renamed is otherwise taken for another application on the host."""
    path = raw.split("#", 1)[0].split("?", 1)[0]
    root = getattr(site, "site_path", "/")
    if not path.startswith(root) or "://" in path:
        return None
    return posixpath.normpath(path[len(root):]) if path[len(root):] else None


def _forms(path: str) -> set[str]:
    """The paths a link to the article may resolve to once it is gone: the file, its name without
    the suffix (a site path), and its folder for an index page."""
    stem = posixpath.splitext(path)[0]
    forms = {path, stem}
    if posixpath.basename(stem) in ("index", "README"):
        forms.add(posixpath.dirname(stem) or ".")
    return forms


def _old_text(changes: Changes, file: Path) -> str | None:
    name = file.relative_to(changes.top).as_posix()
    done = subprocess.run(["git", "show", f"{changes.base}:{name}"], cwd=changes.top, capture_output=True)
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def _git(folder: Path, flag: str, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
        )
    except FileNotFoundError:
        raise HclintError(f"{flag} needs git, and git is not installed") from None
    if done.returncode != 0:
        if args[0] == "merge-base" and not done.stderr.strip():
            return ""  # no common ancestor: said by the caller, which knows the ref
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise HclintError(f"{flag}: git {args[0]} failed in {folder}: {reason}")
    return done.stdout
