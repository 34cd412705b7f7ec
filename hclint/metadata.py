"""An article's YAML frontmatter: its values, the line of each key, and what is wrong with it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import Any

import frontmatter
import yaml

from hclint.findings import Problem

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


def read_frontmatter(text: str) -> tuple[dict[str, Any], dict[str, int], int, tuple[tuple[str, Problem], ...]]:
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
        if node is not None and "*" in source:  # an alias is written *name
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
