"""An article: one Markdown file, read once and parsed once into the views every rule needs."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from markdown_it.token import Token

from hclint.findings import Problem
from hclint.markdown import Block, Comment, Heading, Link, Views, parse

BINARY_SNIFF_BYTES = 8192
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
        return Article(path, content_path, "", load_problems=(("unreadable-file", Problem(1, 1, f"cannot read: {reason}")),))
    if raw is None:
        message = f"{file.stat().st_size:,} bytes is more than the limit of {max_bytes:,}; not checked"
        return Article(path, content_path, "", load_problems=(("file-too-large", Problem(1, 1, message)),))
    if b"\0" in raw[:BINARY_SNIFF_BYTES]:
        offset = raw.index(b"\0")
        problem = Problem(1, 1, f"binary data (a NUL byte at byte offset {offset}), not a Markdown article")
        return Article(path, content_path, "", load_problems=(("encoding", problem),))
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
    meta, key_lines, body_line, fm_problems = _frontmatter(normalized)
    lines = normalized.split("\n")
    # Blank out the frontmatter so the Markdown parser's lines are the file's lines.
    body = "\n" * (body_line - 1) + "\n".join(lines[body_line - 1 :])
    views, tokens = parse(body, lines)
    return Article(path, content_path, text, meta, key_lines, body_line, views, tokens, problems + fm_problems)


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


# libyaml when PyYAML was built with it: frontmatter is a tenth of the cost of a check otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML that keeps dates as written.

    Dates stay strings so an impossible date is reported by the date rules at its line instead of
    failing the whole frontmatter.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _refuse_aliases(node: yaml.Node) -> None:
    """Raise at the first alias: the composed graph shares a node wherever one was used.

    A handful of aliases can expand into billions of values (the "billion laughs" attack) for
    anything that walks the data, and frontmatter has no need of them.
    """
    seen: set[int] = set()
    pending = deque([node])  # breadth first: the first alias in the file is the one reported
    while pending:
        current = pending.popleft()
        if isinstance(current, yaml.MappingNode):
            pairs = [(child, key.start_mark) for key, value in current.value for child in (key, value)]
        elif isinstance(current, yaml.SequenceNode):
            pairs = [(item, current.start_mark) for item in current.value]
        else:
            continue
        for child, mark in pairs:
            if id(child) in seen:
                raise yaml.MarkedYAMLError(None, None, "YAML aliases are not allowed in frontmatter", mark)
            seen.add(id(child))
            pending.append(child)


def _frontmatter(text: str) -> tuple[dict[str, Any], dict[str, int], int, tuple[tuple[str, Problem], ...]]:
    """Return (metadata, line of each key, first body line, problems)."""
    fences = list(islice(frontmatter.YAMLHandler.FM_BOUNDARY.finditer(text), 2))
    if not fences or fences[0].start() != 0:
        return {}, {}, 1, ()
    if len(fences) < 2:
        return {}, {}, 1, (("frontmatter-invalid", Problem(1, 1, "frontmatter opened on line 1 is never closed with ---")),)
    source = text[fences[0].end() : fences[1].start()]
    first_line = 1  # the opening fence match ends before its newline, so YAML line 0 is line 1
    body_line = text.count("\n", 0, fences[1].end()) + 2
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_aliases(node)
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return {}, {}, body_line, (("frontmatter-invalid", Problem(line, column, f"invalid YAML: {reason}")),)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problem = Problem(first_line, 1, f"frontmatter must be a mapping of keys to values, not a {type(data).__name__}")
        return {}, {}, body_line, (("frontmatter-invalid", problem),)
    return data, dict(_key_lines(node, first_line, "")), body_line, ()


def _key_lines(node: yaml.Node, first_line: int, prefix: str) -> Iterator[tuple[str, int]]:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        key = f"{prefix}{key_node.value}"
        yield key, first_line + key_node.start_mark.line
        yield from _key_lines(value_node, first_line, key + ".")
