"""`hclint review`: record that a person has read an article, by changing its review date.

Only the bytes of the date (and of the owner, with --by) change. The edit is made on the raw text
at the position YAML reports for the value, so comments, key order, quoting, line endings and a
byte-order mark all stay as they were; the file is replaced atomically.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from hclint.article import parse_article
from hclint.atomic import write_atomic
from hclint.errors import HclintError
from hclint.project.config import Config
from hclint.project.discovery import Source, discover, select
from hclint.rules.freshness import LEADER, format_date
from hclint.rules.frontmatter import MISSING, lookup

BOM = b"\xef\xbb\xbf"
OPENING = re.compile(r"\A-{3,}[ \t]*\r?\n")  # the fences python-frontmatter accepts
CLOSING = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)
SAFE_PLAIN = re.compile(r"^[\w@.+/-][\w@.+/ -]*$")  # needs no quotes in YAML, and stays a string
NOT_PLAIN_STRINGS = re.compile(r"^(?:[-+]?[\d._]+|true|false|yes|no|on|off|null|~)$", re.IGNORECASE)


class ReviewError(HclintError):
    """An article whose frontmatter this command cannot change safely: fix it by hand."""

    exit_code = 1


@dataclass(frozen=True)
class Recorded:
    path: str
    changes: tuple[tuple[str, str | None, str], ...]  # field, old value (None: added), new value

    def describe(self) -> str:
        parts = [f"{name} {old} -> {new}" if old is not None else f"{name} {new} (added)" for name, old, new in self.changes]
        return f"{self.path}: " + ", ".join(parts) if parts else f"{self.path}: already up to date"


def review(config: Config, paths: Sequence[Path], day: date, owner: str | None) -> Iterator[Recorded | ReviewError]:
    """Record the review in each article of paths; an article that cannot be changed yields its error."""
    sources = select(config, discover(config), paths)
    if not sources:
        raise HclintError("no Markdown articles in " + ", ".join(str(p) for p in paths))
    for source in sources:
        try:
            yield _review_one(config, source, day, owner)
        except ReviewError as error:
            yield error


def _review_one(config: Config, source: Source, day: date, owner: str | None) -> Recorded:
    options = config.settings_for(source.content_path).rules[LEADER].options
    wanted = [(options["review_field"], format_date(day, options["date_format"]))]
    if owner is not None:
        wanted.append((options["owner_field"], owner))
    data = _read(source)
    new, changes = record(data, wanted, source.path)
    if new != data:
        try:
            write_atomic(source.file.resolve(), new)  # through a symbolic link, which stays a link
        except OSError as error:
            raise ReviewError(f"{source.path}: cannot write, the article is unchanged: {error.strerror or error}") from None
    return Recorded(source.path, tuple(changes))


def _read(source: Source) -> bytes:
    try:
        return source.file.read_bytes()
    except OSError as error:
        raise ReviewError(f"{source.path}: cannot read: {error.strerror or error}") from None


def record(data: bytes, wanted: Sequence[tuple[str, str]], path: str) -> tuple[bytes, list[tuple[str, str | None, str]]]:
    """The file with each (field, value) set, every other byte unchanged, and what changed."""
    bom = BOM if data.startswith(BOM) else b""
    try:
        text = data[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        raise ReviewError(f"{path}: not UTF-8 text; save it as UTF-8 first") from None
    changes = []
    anchor = "title"
    for name, value in wanted:
        old = _current(text, name, path)
        if old != value:
            text = _set(text, name, value, anchor, path)
            changes.append((name, old, value))
        anchor = name
    return bom + text.encode("utf-8"), changes


def _current(text: str, name: str, path: str) -> str | None:
    article = parse_article(text, path, path)
    if any(article.problems_for("frontmatter-invalid")):
        problem = next(article.problems_for("frontmatter-invalid"))
        raise ReviewError(f"{path}:{problem.line}: cannot record a review: {problem.message}")
    value = lookup(article.frontmatter, name)
    return None if value is MISSING or value is None else str(value)


def _set(text: str, name: str, value: str, anchor: str, path: str) -> str:
    opening = OPENING.match(text)
    closing = CLOSING.search(text, opening.end()) if opening else None
    newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    if not opening or not closing:
        return f"---{newline}{name}: {_plain_or_quoted(value)}{newline}---{newline}" + text
    start = opening.end()
    root = yaml.compose(text[start:closing.start()], Loader=yaml.SafeLoader)
    edit = _Edit(text, start, closing.start(), newline, path)
    found = _find(root, name) if isinstance(root, yaml.MappingNode) else None
    result = edit.replace(name, found[1], value) if found else edit.insert(root, name, value, anchor)
    _verify(result, name, value, path)
    return result


def _find(node: yaml.MappingNode, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key, value) nodes of a field: a literal key first, then a path through nested mappings."""
    for key, value in node.value:
        if key.value == name:
            return key, value
    head, dot, rest = name.partition(".")
    for key, value in node.value:
        if dot and key.value == head and isinstance(value, yaml.MappingNode):
            return _find(value, rest)
    return None


@dataclass(frozen=True)
class _Edit:
    text: str
    start: int  # where the frontmatter's YAML starts in text
    end: int  # where the closing fence starts
    newline: str
    path: str

    def fail(self, name: str, reason: str) -> ReviewError:
        return ReviewError(f"{self.path}: cannot set `{name}`: {reason}; change it by hand")

    def replace(self, name: str, node: yaml.Node, value: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(name, "its value is a list or a mapping, not a single value")
        begin, finish = self.start + node.start_mark.index, self.start + node.end_mark.index
        if node.style in ("|", ">"):
            raise self.fail(name, "its value is a block of text")
        if node.style == "'":
            return self.text[: begin + 1] + value.replace("'", "''") + self.text[finish - 1 :]
        if node.style == '"':
            return self.text[: begin + 1] + json.dumps(value, ensure_ascii=False)[1:-1] + self.text[finish - 1 :]
        if begin == finish:  # `field:` with nothing after it
            return self.text[:begin] + " " + _plain_or_quoted(value) + self.text[finish:]
        return self.text[:begin] + _plain_or_quoted(value) + self.text[finish:]

    def insert(self, root: yaml.Node | None, name: str, value: str, anchor: str) -> str:
        head, dot, rest = name.partition(".")
        parent = _find(root, head) if dot and isinstance(root, yaml.MappingNode) else None
        if parent is not None and isinstance(parent[1], yaml.MappingNode) and not parent[1].flow_style:
            first = parent[1].value[0][0] if parent[1].value else None
            if first is not None:
                return self._insert_line(self.start + first.start_mark.index - first.start_mark.column, first.start_mark.column, rest, value)
        if root is not None and not isinstance(root, yaml.MappingNode):
            raise self.fail(name, "the frontmatter is not a mapping")
        position = self._after(_find(root, anchor) if root is not None else None)
        return self._insert_line(position, 0, name, value)

    def _after(self, found: tuple[yaml.Node, yaml.Node] | None) -> int:
        """The start of the line after the anchor field, or the closing fence without one."""
        if found is None:
            return self.end
        end = self.start + found[1].end_mark.index
        if found[1].end_mark.column == 0 and end > self.start + found[1].start_mark.index:
            return end  # a block value ends at the start of the next line already
        newline = self.text.find("\n", end)
        return self.end if newline == -1 or newline >= self.end else newline + 1

    def _insert_line(self, position: int, indent: int, key: str, value: str) -> str:
        line = f"{' ' * indent}{_plain_or_quoted(key)}: {_plain_or_quoted(value)}{self.newline}"
        return self.text[:position] + line + self.text[position:]


def _plain_or_quoted(value: str) -> str:
    if SAFE_PLAIN.match(value) and not NOT_PLAIN_STRINGS.match(value) and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _verify(text: str, name: str, value: str, path: str) -> None:
    """Read the edited text back as hclint will; refuse to write what would not say value."""
    article = parse_article(text, path, path)
    if any(article.problems_for("frontmatter-invalid")) or lookup(article.frontmatter, name) != value:
        raise ReviewError(f"{path}: setting `{name}` here would not read back as {value!r}; change it by hand")


def review_day(value: str | None, today: date) -> date:
    """The date to record: --date, else today. A review cannot happen in the future."""
    if value is None:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise HclintError(f"--date: {value!r} is not a date in the form YYYY-MM-DD") from None
    if day > today:
        raise HclintError(f"--date: {day} is in the future (today is {today})")
    return day


def run(config: Config, paths: Sequence[Path], day: date, owner: str | None) -> int:
    """The command: one line per article; exit 1 when an article could not be changed."""
    import click

    failed = False
    for outcome in review(config, paths, day, owner):
        if isinstance(outcome, ReviewError):
            click.echo(outcome.message, err=True)
            failed = True
        else:
            click.echo(outcome.describe())
    return 1 if failed else 0
