"""Structure: the shape of an article that readers, screen readers and AI assistants navigate by."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from hclint.article import Article
from hclint.article.markdown import COMMENT, URL, Heading
from hclint.findings import Problem, Severity
from hclint.memo import bounded
from hclint.rule import Context, Example, Option, Options, Rule

AI_READER = "AI assistants that answer customers from the help center"
HEAD = "---\ntitle: Export your data\n---\n\n"
VAGUE_TEXTS = ("click here", "here", "this page", "link", "this link", "read more", "learn more", "more", "click", "this")


def _headings(article: Article) -> list[Heading]:
    """The headings readers see as headings.

    DocFX (Microsoft Learn) writes each tab of a tab group as a heading that is only a link to
    `#tab/name`: `# [Windows](#tab/windows)`. It renders as a tab, not as a heading.
    """
    tabs = {link.line for link in article.links if link.target.startswith("#tab/")}
    return [h for h in article.headings if h.line not in tabs]


def _quote(text: str, limit: int = 60) -> str:
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1]}…"'


# ---- heading-increment ------------------------------------------------------------------------


def heading_increment(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    # Level 1 before the first heading: MkDocs themes show the title as the page's H1 when the
    # text has none, so a first heading of level 3 skips level 2 either way.
    previous = 0
    for heading in _headings(article):
        if heading.level > max(previous, 1) + 1:
            yield Problem(heading.line, heading.column, _skip_message(heading, previous))
        previous = heading.level


def _skip_message(heading: Heading, previous: int) -> str:
    name = f"level-{heading.level} heading {_quote(heading.text)}"
    if previous == 0:
        return f"the first heading is the {name}: start at level 2, as the title is level 1"
    return f"{name} follows level {previous}: use level {previous + 1}"


# ---- multiple-h1 ------------------------------------------------------------------------------


def multiple_h1(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    firsts = [h for h in _headings(article) if h.level == 1]
    for extra in firsts[1:]:
        message = f"a second level-1 heading {_quote(extra.text)}: the first is on line {firsts[0].line}"
        yield Problem(extra.line, extra.column, message, hint="make it a level-2 heading, or split the article")
    title = article.frontmatter.get("title")
    if options["match_title"] and firsts and isinstance(title, str) and _plain(title) != _plain(firsts[0].text):
        message = f"the level-1 heading {_quote(firsts[0].text)} differs from the frontmatter title {_quote(title.strip())}"
        yield Problem(firsts[0].line, firsts[0].column, message, hint="make them the same, or remove the heading")


def _plain(text: str) -> str:
    """Compare titles as readers see them: case, spacing and closing punctuation do not count."""
    return " ".join(text.casefold().split()).rstrip(".:!? ")


# ---- image-alt-text ---------------------------------------------------------------------------


class _ImageTags(HTMLParser):
    """The <img> tags of an HTML fragment with no alt attribute, as (line, column) in the fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.missing: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and not any(name == "alt" for name, _ in attrs):
            self.missing.append(self.getpos())

    handle_startendtag = handle_starttag


def image_alt_text(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    for image in article.links:
        if image.image and not image.text.strip():
            message = f"the image {_quote(image.target)} has no alt text"
            yield Problem(image.line, image.column, message, hint="describe what the image shows: ![Alt text](image.png)")
    for line, column in _html_images_without_alt(article):
        message = "the HTML image has no alt attribute"
        yield Problem(line, column, message, hint='add alt="what the image shows" (alt="" for a decorative image)')


def _html_images_without_alt(article: Article) -> Iterator[tuple[int, int]]:
    for line, column, html in _html_image_fragments(article):
        parser = _ImageTags()
        parser.feed(html)
        parser.close()
        for row, offset in parser.missing:
            yield line + row - 1, (column + offset) if row == 1 else offset + 1


def _html_image_fragments(article: Article) -> Iterator[tuple[int, int, str]]:
    """Raw HTML blocks and inline tags that hold an image, with the line and column where each starts."""
    if not _has_image(article.source):
        return  # most articles: no token to walk
    for token in article.tokens:
        if token.type == "html_block" and token.map and _has_image(token.content):
            yield token.map[0] + 1, 1, token.content
        elif token.type == "inline" and token.map and _has_image(token.content):
            line = token.map[0] + 1
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "html_inline" and _has_image(child.content):
                    yield line, _find_column(article, line, child.content), child.content


def _has_image(html: str) -> bool:
    return "<img" in html.lower()


def _find_column(article: Article, line: int, needle: str) -> int:
    lines = article.physical_lines
    found = lines[line - 1].find(needle) if 0 < line <= len(lines) else -1
    return found + 1 if found >= 0 else 1


# ---- link-text --------------------------------------------------------------------------------


def link_text(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    vague = _vague_words(tuple(options["vague_texts"]))
    lines: list[str] | None = None
    for link in article.links:
        text = link.text.strip()
        if link.image or not text:
            continue
        if _words(text) in vague:
            message = f"the link text {_quote(text)} does not say where the link goes"
            hint = "name the destination: [Export your data](export.md)"
        elif not options["allow_bare_urls"] and URL.fullmatch(text):
            # Only web addresses: "about:config" or "chrome://settings" are places to type, not links.
            message = f"the link text is a bare URL {_quote(text)}"
            hint = "name the destination: [Billing portal](https://...)"
        else:
            continue
        lines = lines or article.physical_lines  # split only for an article with a finding
        yield Problem(link.line, _bracket_column(lines, link.line, link.column), message, hint=hint)


@bounded(16, "the configured vague link texts, read for every link")
def _vague_words(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_words(text) for text in texts)


def _bracket_column(lines: list[str], line: int, target_column: int) -> int:
    """The link's opening bracket: links are known by their target's column, text comes before it."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[: target_column - 1]
    if before.endswith("<") and not before.endswith("(<"):
        return target_column - 1  # an autolink, <https://...>: no brackets
    found = text.rfind("[", 0, target_column - 1)
    return found + 1 if found >= 0 else target_column


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


# ---- empty-section ----------------------------------------------------------------------------


def empty_section(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    top_headings = {h.line: h for h in _headings(article)}
    silent = _comment_only_blocks(article)
    shape = [(kind, line) for kind, line in article.views.outline if line not in silent]
    for index, (kind, line) in enumerate(shape):
        heading = top_headings.get(line) if kind == "heading" else None
        if heading is None:
            continue
        following = shape[index + 1] if index + 1 < len(shape) else None
        if following is None:
            yield Problem(heading.line, heading.column, f"the section {_quote(heading.text)} is empty: nothing follows it")
            continue
        after = top_headings.get(following[1]) if following[0] == "heading" else None
        if after is not None and after.level <= heading.level:
            yield _empty(heading, after)


def _empty(heading: Heading, after: Heading) -> Problem:
    message = (
        f"the section {_quote(heading.text)} is empty: the next heading {_quote(after.text)} "
        f"(line {after.line}) is at the same or a higher level"
    )
    return Problem(heading.line, heading.column, message, hint="write the section, or remove its heading")


def _comment_only_blocks(article: Article) -> set[int]:
    """Lines of top-level HTML blocks that hold only comments: readers see nothing there."""
    if "<!--" not in article.source:
        return set()
    return {
        token.map[0] + 1
        for token in article.tokens
        if token.type == "html_block" and token.level == 0 and token.map and not COMMENT.sub("", token.content).strip()
    }


# ---- the rules --------------------------------------------------------------------------------

HEADING_INCREMENT = Rule(
    name="heading-increment",
    summary="A heading skips a level.",
    severity=Severity.WARNING,
    kind="article",
    check=heading_increment,
    what="Reports a heading more than one level deeper than the heading before it, such as a "
    "level-3 heading right after a level-1 heading. The title counts as level 1, so the first "
    "heading of an article should be level 2 (or level 1).",
    why="Headings are the outline of the page. Readers scan them, and screen-reader users jump "
    "from heading to heading: a skipped level suggests a missing section and breaks that "
    f"navigation (WCAG 1.3.1). {AI_READER} split articles at headings and use the outline to "
    "know which steps belong to which task; a broken outline mixes them up.",
    example=Example(
        failing=HEAD + "## Before you start\n\nSign in as an admin.\n\n#### Export the file\n\nSelect **Export**.\n",
        fixed=HEAD + "## Before you start\n\nSign in as an admin.\n\n### Export the file\n\nSelect **Export**.\n",
    ),
)

MULTIPLE_H1 = Rule(
    name="multiple-h1",
    summary="More than one level-1 heading, or a level-1 heading that is not the title.",
    severity=Severity.WARNING,
    kind="article",
    check=multiple_h1,
    what="Reports every level-1 heading after the first. With `match_title`, also reports a "
    "level-1 heading whose text differs from the frontmatter `title` (case, spacing and closing "
    "punctuation aside).",
    why="A page has one subject and one main heading. Two level-1 headings make readers and "
    "screen readers unsure what the page is about. A heading that differs from the title shows "
    "one name in search and navigation and another on the page. "
    f"{AI_READER} cite the title: when it disagrees with the heading, the citation does not match "
    "what the customer sees.",
    example=Example(
        failing=HEAD + "# Export data\n\nSelect **Export**.\n\n# Troubleshooting\n\nTry again later.\n",
        fixed=HEAD + "# Export your data\n\nSelect **Export**.\n\n## Troubleshooting\n\nTry again later.\n",
    ),
    options=(Option("match_title", True, "also report a level-1 heading that differs from the frontmatter title"),),
)

IMAGE_ALT_TEXT = Rule(
    name="image-alt-text",
    summary="An image has no alt text.",
    severity=Severity.WARNING,
    kind="article",
    check=image_alt_text,
    what="Reports a Markdown image with empty alt text (`![](screenshot.png)`) and an HTML `<img>` "
    "tag with no `alt` attribute. An HTML image with `alt=\"\"` is taken as decorative and not reported.",
    why="Screen readers read the alt text in place of the image; without it, blind readers hear a "
    "file name or nothing (WCAG 1.1.1). Alt text also shows when an image fails to load. "
    f"{AI_READER} cannot see images: the alt text is all they know of a screenshot, so a step "
    "shown only in a picture is lost to them.",
    example=Example(
        failing=HEAD + "Select **Export**.\n\n![](export-button.png)\n",
        fixed=HEAD + "Select **Export**.\n\n![The Export button in the top bar](export-button.png)\n",
    ),
)

LINK_TEXT = Rule(
    name="link-text",
    summary="A link's text does not say where it goes.",
    severity=Severity.WARNING,
    kind="article",
    check=link_text,
    what="Reports a link whose whole text is one of `vague_texts` (\"click here\", \"here\", "
    "\"read more\" and the like, in any case and punctuation), and a link whose text is a bare URL.",
    why="Many readers scan the links of a page, and screen-reader users often list them out of "
    "context: ten links called \"here\" tell them nothing (WCAG 2.4.4). A bare URL is read out "
    f"character by character. {AI_READER} use link text to learn what the target is about; a "
    "descriptive link tells them which article to follow and to cite.",
    example=Example(
        failing=HEAD + "To see your plan's limits, [click here](limits.md).\n",
        fixed=HEAD + "See [the limits of your plan](limits.md).\n",
        others={"limits.md": "---\ntitle: Plan limits\n---\n\nEach plan has limits.\n"},
    ),
    options=(
        Option("vague_texts", VAGUE_TEXTS, "link texts that say nothing about the target (compared without case or punctuation)"),
        Option("allow_bare_urls", False, "accept a URL as the text of a link"),
    ),
)

EMPTY_SECTION = Rule(
    name="empty-section",
    summary="A heading has no content before the next heading.",
    severity=Severity.WARNING,
    kind="article",
    check=empty_section,
    what="Reports a heading followed directly by a heading of the same or a higher level, and a "
    "heading at the end of the article with nothing after it. A heading followed by a deeper "
    "heading is a parent section and is not reported. HTML comments do not count as content.",
    why="An empty section promises content that is not there: readers who jump to it from the "
    "table of contents find nothing, and screen-reader users hear two headings in a row. It is "
    f"usually a forgotten placeholder. {AI_READER} may cite the empty section's heading as if it "
    "answered the question.",
    example=Example(
        failing=HEAD + "## Export to CSV\n\n## Export to Excel\n\nSelect **Excel**.\n",
        fixed=HEAD + "## Export to CSV\n\nSelect **CSV**.\n\n## Export to Excel\n\nSelect **Excel**.\n",
    ),
)

RULES = (HEADING_INCREMENT, MULTIPLE_H1, IMAGE_ALT_TEXT, LINK_TEXT, EMPTY_SECTION)
