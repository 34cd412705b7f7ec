"""Which files make up the help center: its articles, and every file beside them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from hclint.errors import HclintError
from hclint.project.config import Config
from hclint.project.globs import matches

# What MkDocs renders as a page (mkdocs.utils.markdown_extensions): anything else it copies as is.
SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


class Source(NamedTuple):
    """A file of the help center, known by its three names."""

    absolute: str  # for reading: a string, since a Path per file costs 20 ms on 10,000 files
    path: str  # POSIX, relative to the project root
    content_path: str  # POSIX, relative to the content root

    @property
    def file(self) -> Path:
        return Path(self.absolute)


class Discovery(NamedTuple):
    sources: list[Source]  # the articles, by content path
    files: list[str]  # every file under the content root, articles or not, by content path


def discover(config: Config) -> list[Source]:
    return walk(config).sources


def walk(config: Config) -> Discovery:
    """The articles and, for corpus rules that ask whether a linked file exists, every file."""
    if not config.content.is_dir():
        raise HclintError(f"content root {config.content} is not a folder (set `content` in the configuration)")
    prefix = _posix_relative(config.content, config.root)
    prefix = "" if prefix == "." else prefix + "/"
    files, sources = [], []
    for content_path, absolute in _files(config.content):
        files.append(content_path)
        if content_path.endswith(SUFFIXES) and not matches(content_path, config.exclude):
            sources.append(Source(absolute, prefix + content_path, content_path))
    return Discovery(sorted(sources, key=lambda source: source.content_path), files)


def _files(folder: Path) -> Iterator[tuple[str, str]]:
    """(content path, absolute path) of every file below folder, hidden folders left out.

    Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
    Names are joined as strings: on 10,000 articles, a Path and a relpath per file cost 0.6 s.
    """
    for current, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        below = current[len(str(folder)) + 1 :].replace(os.sep, "/")
        below = below + "/" if below else ""
        for name in names:
            yield below + name, os.path.join(current, name)


def _posix_relative(file: Path, base: Path) -> str:
    return Path(os.path.relpath(file, base)).as_posix()


def select(config: Config, everything: list[Source], paths: Iterable[Path]) -> list[Source]:
    """The articles named on the command line: files or folders inside the content root."""
    # Content paths are plain strings: comparing them is cheaper than hashing 10,000 Paths. normcase
    # makes the comparison ignore case where the platform's paths do (Windows).
    by_content = {os.path.normcase(source.content_path): source for source in everything}
    chosen: dict[str, Source] = {}
    for path in paths:
        absolute = Path(os.path.abspath(path))
        if not absolute.exists() and not absolute.is_symlink():
            raise HclintError(f"{path}: no such file or folder")
        if absolute != config.content and config.content not in absolute.parents:
            raise HclintError(f"{path}: outside the content root {_shown(config.content)}")
        inside = os.path.normcase(absolute.relative_to(config.content).as_posix())
        if absolute.is_dir():
            prefix = "" if inside == "." else inside + os.path.normcase("/")
            chosen.update((key, s) for key, s in by_content.items() if key.startswith(prefix))
        elif inside in by_content:
            chosen[inside] = by_content[inside]
        # A file that is excluded or not Markdown is skipped silently, as pre-commit passes such files.
    return sorted(chosen.values(), key=lambda source: source.content_path)


def _shown(path: Path) -> str:
    return os.path.relpath(path)
