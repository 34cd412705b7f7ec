"""markdown-it-py set-up and the walk that turns tokens into the views rules read.

The body is parsed with the frontmatter blanked out, so every token's line is already a line of
the file: no offsets to add, and no rule can forget to add them.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple

from hclint.memo import bounded

if TYPE_CHECKING:
    # Imported where the parser is built: a process that only reads the index from the cache
    # (the main process of a pre-commit run) never loads markdown-it.
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

URL = re.compile(r"\b(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
PROSE_PARENTS = frozenset({"paragraph_open", "heading_open", "th_open", "td_open", "dt_open"})


# Headings and links are NamedTuples: they travel in the index, and a NamedTuple unpickles twice
# as fast as a frozen dataclass, which is most of the pre-commit path's cost on a large help center.
# Prose runs and blocks are NamedTuples too: an article makes hundreds, and the readability and
# spelling rules cache per block, so building and hashing them must be cheap.
class Heading(NamedTuple):
    level: int
    text: str
    line: int
    column: int
    explicit_id: str | None = None


class Link(NamedTuple):
    target: str
    text: str
    line: int
    column: int
    image: bool = False


class ProseRun(NamedTuple):
    """A piece of prose that sits on one source line, starting at a known column."""

    text: str
    line: int
    column: int
    strong: bool = False  # inside **bold**, where help centers quote the product's UI labels
    # The line before ended with a hard break: readers see a new line, so a sentence ends there
    # even without a full stop (the lines of a "Related information" list of links).
    after_hard_break: bool = False


class Block(NamedTuple):
    """One paragraph, heading, table cell or list paragraph: the unit sentences live in."""

    kind: str
    line: int
    runs: tuple[ProseRun, ...]

    @property
    def text(self) -> str:
        return self.runs[0].text if len(self.runs) == 1 else " ".join([run.text for run in self.runs])


@dataclass(frozen=True)
class Comment:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Views:
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    outline: tuple[tuple[str, int], ...]  # (top-level block kind, line): the article's shape
    # href, src and data of raw HTML tags: MkDocs leaves them as written, for the browser to resolve.
    html_links: tuple[Link, ...] = ()


# The syntax of each plugin cannot occur in a text without its marker, so a text without the
# marker is parsed without the plugin, to the same tokens (tests/test_markdown.py compares them):
# most articles use none of the five, and running their rules on every line was a tenth of the
# parse. Plain substring tests where a marker is a literal: three times faster than expressions.
DEFINITION_LINE = re.compile(r"\n[ \t>]*[:~]")
DEFINITION_FIRST_LINE = re.compile(r"[ \t>]*[:~]")
TASK = re.compile(r"\[[ xX]\]")
PLUGIN_MARKERS: dict[str, Callable[[str], bool]] = {
    "admonition": lambda text: "!!!" in text or "???" in text,
    "definition": lambda text: bool(DEFINITION_LINE.search(text) or DEFINITION_FIRST_LINE.match(text)),
    "footnote": lambda text: "[^" in text or "^[" in text,
    "task": lambda text: "[" in text and bool(TASK.search(text)),
    "tab": lambda text: "===" in text,
}
EVERY_PLUGIN = frozenset(PLUGIN_MARKERS)


def plugins_used(text: str) -> frozenset[str]:
    return frozenset(name for name, used in PLUGIN_MARKERS.items() if used(text))


@bounded(32, "one parser for each combination of the five plugins an article's markers call for")
def parser(plugins: frozenset[str] = EVERY_PLUGIN) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    order = (("admonition", admon_plugin), ("definition", deflist_plugin), ("footnote", footnote_plugin), ("task", tasklists_plugin))
    for name, plugin in order:
        if name in plugins:
            md.use(plugin)
    if "tab" in plugins:
        before = "admonition" if "admonition" in plugins else "fence"  # where it sits with every plugin
        md.block.ruler.before(before, "tabbed", _tabbed_rule(), {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _tabbed_rule() -> Callable[..., bool]:
    """pymdownx.tabbed's `=== "Title"` blocks, which mkdocs-material help centers use for tabs.

    The syntax is an admonition's with another marker (a title line, then an indented body), so
    this is mdit-py-plugins' own admonition rule run with `===` as its only marker. Without it the
    indented body would be read as a code block, and its prose, headings and links would be lost.
    """
    from mdit_py_plugins.admon import index as admon

    markers = {"MARKERS": ("===", "===+"), "MARKER_CHARS": {"="}, "MAX_MARKER_LEN": 4}
    code = admon.admonition.__code__
    return types.FunctionType(code, {**admon.__dict__, **markers}, "tabbed", admon.admonition.__defaults__)


def parse(text: str, lines: Sequence[str]) -> tuple[Views, tuple[Token, ...]]:
    tokens = tuple(parser(plugins_used(text)).parse(text))
    return _Walker(lines).walk(tokens), tokens


@dataclass
class _Walker:
    lines: Sequence[str]
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    outline: list[tuple[str, int]] = field(default_factory=list)
    html_links: list[Link] = field(default_factory=list)

    def walk(self, tokens: Sequence[Token]) -> Views:
        parent: Token | None = None
        for token in tokens:
            if token.level == 0 and token.nesting >= 0 and token.map:
                self.outline.append((token.type.removesuffix("_open"), token.map[0] + 1))
            if token.type == "inline" and token.map:
                self._inline(token, parent)
            elif token.type == "html_block" and token.map:
                self._comments(token.content, token.map[0] + 1, 1)
                self._html_links(token.content, token.map[0] + 1, 1)
            if token.nesting == 1:
                parent = token
        return Views(
            tuple(self.headings), tuple(self.links), tuple(self.blocks), tuple(self.comments), tuple(self.outline),
            tuple(self.html_links),
        )

    def _inline(self, token: Token, parent: Token | None) -> None:
        first_line = token.map[0] + 1
        if "href" in token.content and "{" in token.content:  # attr_list's {: href=...} on a link
            for match in ATTR_HREF.finditer(token.content):
                at = first_line + token.content.count("\n", 0, match.start())
                self.html_links.append(Link(match.group(1), "", at, _column(self.lines, at, match.group(1), 1)))
        runs = tuple(self._runs(token, first_line))
        kind = parent.type.removesuffix("_open") if parent else "paragraph"
        if parent is not None and parent.type == "heading_open":
            self._heading(token, parent, first_line, runs)
            runs = _without_attr_list(runs)
        if parent is None or parent.type in PROSE_PARENTS:
            self.blocks.append(Block(kind, first_line, runs))

    def _heading(self, token: Token, parent: Token, line: int, runs: tuple[ProseRun, ...]) -> None:
        text = "".join(child.content for child in token.children or () if child.type in ("text", "code_inline"))
        explicit_id = None
        attrs = ATTR_LIST.search(text)
        if attrs:
            text = text[: attrs.start()]
            explicit_id = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
        column = _column(self.lines, line, token.content.strip()[:1] or "#", 1)
        self.headings.append(Heading(int(parent.tag[1]), text.strip(), line, column, explicit_id))

    def _runs(self, token: Token, line: int) -> Iterator[ProseRun]:
        cursor = 1
        skip_depth = 0  # inside an autolink, whose text is a URL, not prose
        strong_depth = 0
        hard_break = False
        link: list[Link] = []
        for child in token.children or ():
            kind = child.type
            if kind == "text":  # most children
                if child.content:
                    column = _column(self.lines, line, child.content, cursor)
                    cursor = column + len(child.content)
                    if link:
                        link[-1] = _with_text(link[-1], child.content)
                    if not skip_depth:
                        yield ProseRun(_blank_urls(child.content), line, column, strong_depth > 0, hard_break)
                        hard_break = False
            elif kind in ("softbreak", "hardbreak"):
                line, cursor = line + 1, 1
                hard_break = kind == "hardbreak"
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                column = _column(self.lines, line, href, cursor) if href else cursor
                link.append(Link(href, "", line, column))
                skip_depth += child.markup in ("autolink", "linkify")
            elif kind == "link_close" and link:
                self.links.append(link.pop())
                skip_depth = max(0, skip_depth - (child.markup in ("autolink", "linkify")))
            elif kind == "image":
                src = str(child.attrs.get("src", ""))
                column = _column(self.lines, line, "![", cursor)
                self.links.append(Link(src, child.content, line, column, image=True))
            elif kind == "html_inline":
                self._comments(child.content, line, cursor)
                self._html_links(child.content, line, cursor)
            elif kind in ("strong_open", "strong_close"):
                strong_depth = max(0, strong_depth + child.nesting)
            elif kind == "code_inline" and link:
                link[-1] = _with_text(link[-1], child.content)

    def _comments(self, content: str, line: int, column: int) -> None:
        for match in COMMENT.finditer(content):
            before = content[: match.start()]
            self.comments.append(Comment(match.group(1).strip(), line + before.count("\n"), column))


    def _html_links(self, content: str, line: int, column: int) -> None:
        if not HTML_LINK_HINT.search(content):
            return  # most raw HTML: nothing that could lead anywhere
        for value, row, offset in html_link_values(content):
            at = line + row - 1
            self.html_links.append(Link(value, "", at, _column(self.lines, at, value, offset + (column if row == 1 else 1))))


# Attributes that lead somewhere, a refresh's url=, Markdown links inside raw HTML (md_in_html
# blocks the parser leaves as HTML) and attr_list's {: href=...}: each may lead a reader to a page.
HTML_LINK_HINT = re.compile(r"=|\]\(|\]:", re.IGNORECASE)
LINK_ATTRIBUTES = frozenset({"href", "src", "data", "action", "formaction", "poster", "cite", "background", "xlink:href"})
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";\s]+)", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|\{:?[^{}]*?\bhref\s*=\s*[\"']?([^\"'\s}]+)", re.MULTILINE)


ATTR_HREF = re.compile(r"\{:?[^{}]*?\bhref\s*=\s*[\"']?([^\"'\s}]+)")


class _LinkCollector(HTMLParser):
    """Every value of an attribute that leads somewhere, with (line, column) in the fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        row, offset = self.getpos()
        for key, value in attrs:
            if not value or not value.strip():
                continue
            if key in LINK_ATTRIBUTES:
                self.found.append((value.strip(), row, offset))
            elif key in ("srcset", "imagesrcset"):
                self.found += [(part.split()[0], row, offset) for part in value.split(",") if part.strip()]
            elif key == "content" and tag == "meta" and (refresh := REFRESH_URL.search(value)):
                self.found.append((refresh.group(1), row, offset))


def html_link_values(fragment: str) -> list[tuple[str, int, int]]:
    """(value, line in fragment from 1, 0-based column) of each link in a piece of raw HTML."""
    collector = _LinkCollector()
    collector.feed(fragment)
    collector.close()
    found = collector.found
    for match in MARKDOWN_LINK.finditer(fragment):
        value = next(group for group in match.groups() if group)
        before = fragment[: match.start()]
        found.append((value, before.count("\n") + 1, match.start() - (before.rfind("\n") + 1)))
    return found


def _without_attr_list(runs: tuple[ProseRun, ...]) -> tuple[ProseRun, ...]:
    if runs and ATTR_LIST.search(runs[-1].text):
        last = runs[-1]
        return runs[:-1] + (ProseRun(ATTR_LIST.sub("", last.text), last.line, last.column, last.strong, last.after_hard_break),)
    return runs


def _with_text(link: Link, text: str) -> Link:
    return Link(link.target, link.text + text, link.line, link.column, link.image)


def _column(lines: Sequence[str], line: int, needle: str, start: int) -> int:
    """1-based column of needle on a source line, searching from start; start when not found."""
    if 0 < line <= len(lines):
        found = lines[line - 1].find(needle, start - 1)
        if found >= 0:
            return found + 1
    return start


def _blank_urls(text: str) -> str:
    if not _may_hold_url(text):
        return text  # most runs: no regular expression to run
    # Same length, so columns of the words around a URL stay right.
    return URL.sub(lambda match: " " * len(match.group()), text)


def _may_hold_url(text: str) -> bool:
    """Whether text has what every URL the URL pattern finds has: "://", "mailto:" or "www."."""
    if "://" in text:
        return True
    lowered = text.lower() if ":" in text or "." in text else ""
    return "mailto:" in lowered or "www." in lowered
