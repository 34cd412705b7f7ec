"""An article: one Markdown file, read once and parsed once into the views every rule needs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hclint.article.markdown import Block, Comment, Heading, Link, Views, parse
from hclint.article.prose import (
    ProseText,
    Sentence,
    count_words,
    prose_text,
    split_sentences,
)
from hclint.article.snippets import MARKER, Include, includes
from hclint.findings import Problem

if TYPE_CHECKING:
    from markdown_it.token import Token

T = TypeVar("T")
BINARY_SNIFF_BYTES = 8192
LINE_BREAK = re.compile(r"(\r\n|\r|\n)")  # the line endings a file may use, kept when splitting
NO_VIEWS = Views((), (), (), (), ())


@dataclass(frozen=True)
class Article:
    path: str  # POSIX, relative to the project root: what findings carry
    content_path: str  # POSIX, relative to the content root: what links and globs speak of
    source: str  # decoded text, BOM removed, newlines as they were
    frontmatter: Mapping[str, Any] = field(default_factory=dict)
    frontmatter_lines: Mapping[str, int] = field(default_factory=dict)  # dotted key -> line
    body_line: int = 1
    views: Views = NO_VIEWS
    tokens: tuple[Token, ...] = ()
    # Defects found while reading (encoding, YAML, size): each reported by the rule it names.
    load_problems: tuple[tuple[str, Problem], ...] = ()
    # Why the frontmatter cannot be read with certainty, or None: such an article is never published.
    unreadable: str | None = None

    @property
    def headings(self) -> tuple[Heading, ...]:
        return self.views.headings

    @property
    def links(self) -> tuple[Link, ...]:
        return self.views.links

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.views.blocks

    @property
    def comments(self) -> tuple[Comment, ...]:
        return self.views.comments

    @property
    def title(self) -> str | None:
        title = self.frontmatter.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        return next((h.text for h in self.headings if h.level == 1 and h.text), None)

    @property
    def lines(self) -> list[str]:
        return self.source.splitlines()

    @cached_property
    def physical_lines(self) -> list[str]:
        """The source's lines as the file holds them (split at \\r\\n, \\r or \\n): what --fix edits."""
        return LINE_BREAK.split(self.source)[::2]

    @cached_property
    def includes(self) -> tuple[Include, ...]:
        """The files the body pulls in with pymdownx.snippets (`--8<--`)."""
        if MARKER not in self.source:
            return ()
        body = self.source.replace("\r\n", "\n").replace("\r", "\n").split("\n")[self.body_line - 1 :]
        return tuple(includes(body, self.body_line))

    # ---- views of a block's prose, which several rules read: computed once, kept on the article ----

    def prose(self, block: Block) -> ProseText:
        """The block's prose as one string, with the place of each character (prose.prose_text)."""
        return self._block_view(block, prose_text)

    def sentences(self, block: Block) -> tuple[Sentence, ...]:
        return self._block_view(block, lambda b: split_sentences(self.prose(b)), "sentences")

    def word_count(self, block: Block) -> int:
        return self._block_view(block, lambda b: count_words(self.prose(b)), "words")

    def _block_view(self, block: Block, compute: Callable[[Block], T], kind: str = "prose") -> T:
        # Keyed by the block object, which the article holds for its whole life: cheaper than
        # hashing a block's runs, as a process-wide memo had to.
        views = self.__dict__.setdefault("_block_views", {})
        key = (kind, id(block))
        found = views.get(key)
        if found is None:
            found = views[key] = compute(block)
        return found

    def view(self, compute: Callable[[Article], T]) -> T:
        """compute(self), computed once and kept on the article: a view that several rules of a
        family read (the duplicate rules' paragraphs), freed with the article."""
        views = self.__dict__.setdefault("_views", {})
        if compute not in views:
            views[compute] = compute(self)
        return views[compute]

    def problems_for(self, rule: str) -> Iterator[Problem]:
        return (problem for name, problem in self.load_problems if name == rule)

    def line_of(self, key: str) -> int:
        """Line of a frontmatter key, or of the frontmatter's first line when the key is absent."""
        return self.frontmatter_lines.get(key, 1)


def load_article(file: Path, path: str, content_path: str, max_bytes: int) -> Article:
    """Read and parse one file. Never raises for bad input: defects become load problems."""
    try:
        raw = _read(file, max_bytes)
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem(1, 1, f"cannot read: {reason}")
        return Article(path, content_path, "", load_problems=(("unreadable-file", problem),), unreadable=problem.message)
    if raw is None:
        message = f"{file.stat().st_size:,} bytes is more than the limit of {max_bytes:,}; not checked"
        return Article(path, content_path, "", load_problems=(("file-too-large", Problem(1, 1, message)),), unreadable=message)
    if b"\0" in raw[:BINARY_SNIFF_BYTES]:
        offset = raw.index(b"\0")
        problem = Problem(1, 1, f"binary data (a NUL byte at byte offset {offset}), not a Markdown article")
        return Article(path, content_path, "", load_problems=(("encoding", problem),), unreadable=problem.message)
    text, problems = _decode(raw)
    return parse_article(text, path, content_path, problems)


def parse_article(
    text: str, path: str, content_path: str, problems: tuple[tuple[str, Problem], ...] = ()
) -> Article:
    """Build an article from decoded text; tests and the MkDocs plugin start here."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems += (("empty-article", Problem(1, 1, "the article is empty")),)
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    from hclint.article.frontmatter import (
        read_frontmatter,  # PyYAML: only where articles are parsed
    )

    meta = read_frontmatter(normalized)
    lines = normalized.split("\n")
    # Blank out the frontmatter so the Markdown parser's lines are the file's lines.
    body = "\n" * (meta.body_line - 1) + "\n".join(lines[meta.body_line - 1 :])
    views, tokens = parse(body, lines)
    return Article(
        path, content_path, text, meta.values, meta.key_lines, meta.body_line, views, tokens,
        problems + meta.problems, meta.unreadable,
    )


def _read(file: Path, max_bytes: int) -> bytes | None:
    with file.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    return None if len(raw) > max_bytes else raw


def _decode(raw: bytes) -> tuple[str, tuple[tuple[str, Problem], ...]]:
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not valid UTF-8: byte 0x{raw[error.start]:02x} at byte offset {error.start}"
        hint = "save the file as UTF-8"
        return raw.decode("utf-8", errors="replace"), (("encoding", Problem(line, column, message, hint=hint)),)
