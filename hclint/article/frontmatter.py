"""An article's metadata, read exactly as MkDocs reads it: the values, the line of each key, and what is wrong.

MkDocs takes YAML frontmatter between `---` and `---` or `...` (its own YAML_RE), and otherwise
MultiMarkdown-style `Key: value` lines at the top of the page. hclint uses the same expression and
MkDocs's own MultiMarkdown reader, so an article whose metadata MkDocs reads is read the same way
here, and one MkDocs cannot read is reported rather than silently treated as having none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any, NamedTuple

import yaml
from mkdocs.utils.meta import META_RE, YAML_RE, get_data

from hclint.findings import Problem

# libyaml when PyYAML was built with it: frontmatter is a tenth of the cost of a check otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENING_FENCE = re.compile(r"-{3}[ \t]*(?:\n|$)")
EMPTY_FENCES = re.compile(r"-{3}[ \t]*\n-{3}[ \t]*(?:\n|$)")  # MkDocs reads no metadata there: two rules
# Other tools accept these as frontmatter (a longer fence, TOML's +++, a comment on the fence line,
# indentation); MkDocs shows what follows as page text.
ODD_FENCE = re.compile(r"\s*(?:-{3,}|\+{3,})")
KEY_LINE = re.compile(r"\s*[\w.-]+\s*[:=]")
COMMENT_LINE = re.compile(r"\s*<!--.*-->\s*$")
PUBLISHING_LINE = re.compile(r"\W*(?:audience|draft)\s*[:=]", re.IGNORECASE)
PREAMBLE_LINES = 40
MAX_VALUES = 10_000  # what aliases may expand to: far above any real frontmatter, far below a "billion laughs"
# Keys whose value decides whether an article is published: written twice, YAML keeps the last
# silently, and a writer who reads the first would be misled.
PUBLISHING_KEYS = ("audience", "draft")


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML that keeps dates as written.

    Dates stay strings so an impossible date is reported by the date rules at its line instead of
    failing the whole frontmatter.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class Metadata(NamedTuple):
    values: dict[str, Any]
    key_lines: dict[str, int]  # dotted key -> line
    body_line: int  # the first line MkDocs renders
    problems: tuple[tuple[str, Problem], ...]
    # Why the metadata cannot be read with certainty (None when it can): such an article is never
    # published, since what it says about its audience is unknown.
    unreadable: str | None = None


def read_frontmatter(text: str) -> Metadata:
    """The metadata of text (newlines already normalised to \\n), as MkDocs reads it."""
    fenced = YAML_RE.match(text)
    if fenced:
        metadata = _yaml(fenced.group(1), text.count("\n", 0, fenced.end()) + 1)
    else:
        metadata = _shown_as_text(text) or _multimarkdown(text)
    lookalike = next((key for key in metadata.values if _looks_like_a_publishing_key(key)), None)
    if lookalike is not None and metadata.unreadable is None:
        return metadata._replace(unreadable=f"the key `{lookalike}` looks like `audience` or `draft` but is spelled with other letters")
    return metadata


def _shown_as_text(text: str) -> Metadata | None:
    """Metadata a writer meant that MkDocs does not read, and shows as page text instead."""
    if OPENING_FENCE.match(text) and not EMPTY_FENCES.match(text):
        message = "the frontmatter opened on line 1 is never closed by a line holding only --- or ..."
        return _invalid(1, message, "MkDocs shows unclosed frontmatter as page text")
    lines = text.split("\n")
    first = next((n for n, line in enumerate(lines[:PREAMBLE_LINES]) if line.strip() and not COMMENT_LINE.match(line)), None)
    if first is None:
        return None
    if ODD_FENCE.match(lines[first]) and any(KEY_LINE.match(line) for line in lines[first + 1 : first + 3]):
        message = "MkDocs reads frontmatter only between lines of exactly three dashes at the very top: this is page text"
        return _invalid(first + 1, message, "start the file with a line holding only ---, and close with ---")
    for number in range(first, min(len(lines), first + PREAMBLE_LINES)):
        if not lines[number].strip():
            break
        if PUBLISHING_LINE.match(unicodedata.normalize("NFKC", lines[number])) and not META_RE.match(lines[number]):
            message = f"`{lines[number].strip()}` is page text to MkDocs, not metadata"
            return _invalid(number + 1, message, "put it in frontmatter between two lines of ---")
    return None


def _invalid(line: int, message: str, hint: str) -> Metadata:
    return Metadata({}, {}, 1, (("frontmatter-invalid", Problem(line, 1, message, hint=hint)),), message)


def _looks_like_a_publishing_key(key: object) -> bool:
    """`audіence` with a Cyrillic і: a key a reader takes for a publishing key, which no program does."""
    if not isinstance(key, str):
        return False
    written = unicodedata.normalize("NFKC", key).strip().casefold()
    return written.isascii() is False and any(
        len(written) == len(name) and all(a == b or not a.isascii() for a, b in zip(written, name)) for name in PUBLISHING_KEYS
    )


def _yaml(source: str, body_line: int) -> Metadata:
    first_line = 2  # the YAML starts on the line after the opening fence
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is not None and "*" in source:  # an alias is written *name
            _refuse_expansion(node)
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        reason = f"invalid YAML: {getattr(error, 'problem', None) or error}"
        return Metadata({}, {}, body_line, (("frontmatter-invalid", Problem(line, column, reason)),), reason)
    except Exception as error:  # a tag such as !!int on a word raises what its constructor raises
        reason = f"invalid YAML: {_first_line(error)}"
        return Metadata({}, {}, body_line, (("frontmatter-invalid", Problem(first_line, 1, reason)),), reason)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        reason = f"frontmatter must be a mapping of keys to values, not a {type(data).__name__}"
        return Metadata({}, {}, body_line, (("frontmatter-invalid", Problem(first_line, 1, reason)),), reason)
    lines: dict[str, int] = {}
    problems = []
    for key, line in _key_lines(node, first_line, ""):
        if key in lines:
            message = f"the key `{key}` is written twice (lines {lines[key]} and {line}): YAML keeps only the last"
            problems.append(("frontmatter-invalid", Problem(line, 1, message)))
        lines.setdefault(key, line)
    return Metadata(data, lines, body_line, tuple(problems), _ambiguous(lines, problems))


def _ambiguous(lines: dict[str, int], problems: list[tuple[str, Problem]]) -> str | None:
    """Why the publishing keys cannot be trusted: one written twice, in any case."""
    spelled: dict[str, list[str]] = {}
    for key in lines:
        if "." not in key:
            spelled.setdefault(key.strip().casefold(), []).append(key)
    twice = [name for name in PUBLISHING_KEYS if len(spelled.get(name, ())) > 1]
    twice += [name for name in PUBLISHING_KEYS for _, problem in problems if f"`{name}` is written twice" in problem.message]
    return f"the key `{twice[0]}` is written more than once" if twice else None


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _multimarkdown(text: str) -> Metadata:
    """MultiMarkdown metadata (`Key: value` lines up to the first blank line), which MkDocs reads
    as the page's metadata and leaves out of the page."""
    if not META_RE.match(text):
        return Metadata({}, {}, 1, ())
    rest, data = get_data(text)
    consumed = text[: len(text) - len(rest)] if rest else text
    key_lines = {}
    for number, line in enumerate(consumed.split("\n"), start=1):
        found = META_RE.match(line)
        if found:
            key_lines.setdefault(found.group("key").lower().strip(), number)
    return Metadata(dict(data), key_lines, consumed.count("\n") + 1, ())


def _refuse_expansion(node: yaml.Node) -> None:
    """Raise when aliases make the document larger than MAX_VALUES values, or make it contain itself.

    Aliases are legal YAML and MkDocs reads them, but a handful can expand into billions of values
    (the "billion laughs" attack) for anything that walks the data. Each node's expanded size is
    counted once, so the count itself stays linear in the size of the file.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(current: yaml.Node) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise yaml.MarkedYAMLError(None, None, "a YAML alias refers to the value that contains it", current.start_mark)
        open_nodes.add(key)
        children = [c for pair in current.value for c in pair] if isinstance(current, yaml.MappingNode) else (
            current.value if isinstance(current, yaml.SequenceNode) else [])
        total = 1
        for child in children:
            total += size(child)
            if total > MAX_VALUES:
                message = f"YAML aliases expand the frontmatter to more than {MAX_VALUES:,} values"
                raise yaml.MarkedYAMLError(None, None, message, _first_alias(node) or child.start_mark)
        open_nodes.discard(key)
        sizes[key] = total
        return total

    size(node)


def _first_alias(node: yaml.Node) -> Any:
    """Where the first value used twice appears (breadth first, as a reader meets it)."""
    seen: set[int] = set()
    pending = [node]
    while pending:
        current = pending.pop(0)
        if isinstance(current, yaml.MappingNode):
            pairs = [(child, key.start_mark) for key, value in current.value for child in (key, value)]
        elif isinstance(current, yaml.SequenceNode):
            pairs = [(item, current.start_mark) for item in current.value]
        else:
            continue
        for child, mark in pairs:
            if id(child) in seen:
                return mark
            seen.add(id(child))
            pending.append(child)
    return None


def _key_lines(node: yaml.Node, first_line: int, prefix: str) -> Iterator[tuple[str, int]]:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        key = f"{prefix}{key_node.value}"
        yield key, first_line + key_node.start_mark.line
        yield from _key_lines(value_node, first_line, key + ".")
