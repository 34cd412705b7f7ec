"""Structure: the shape of an article that readers, screen readers and AI assistants navigate by."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from hclint.article import Article
from hclint.article.markdown import COMMENT, URL, Heading
from hclint.findings import Problem, Severity
from hclint.memo import bounded
from hclint.rule import Context, Example, Option, Options, Related, Rule

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
    what=(
        "The rule reports a heading more than one level deeper than the heading before it.\n"
        "For example, a level-4 heading right after a level-2 heading skips level 3.\n"
        "\n"
        "The title counts as level 1.\n"
        "MkDocs themes show the title as the main heading when the article has no level-1 heading.\n"
        "So the first heading of an article should be level 2, or level 1.\n"
        "\n"
        "Going back up is always fine: a level-2 heading may follow a level-4 heading.\n"
        "Headings in code blocks are not headings and are not checked."
    ),
    why=(
        "Headings are the outline of the page.\n"
        "Readers scan them to find their task.\n"
        "Screen reader users jump from heading to heading.\n"
        "A skipped level suggests a missing section and breaks that navigation.\n"
        "This is part of WCAG success criterion 1.3.1, Info and Relationships.\n"
        "\n"
        "AI assistants that answer customers from the help center split articles at headings.\n"
        "They use the outline to know which steps belong to which task.\n"
        "A broken outline mixes them up."
    ),
    example=Example(
        intro="This article jumps from level 2 to level 4:",
        failing=HEAD + "## Before you start\n\nSign in as an admin.\n\n#### Export the file\n\nSelect **Export**.\n",
        fixed=HEAD + "## Before you start\n\nSign in as an admin.\n\n### Export the file\n\nSelect **Export**.\n",
    ),
    suppress=(
        "For one heading, put `<!-- hclint-disable-next-line heading-increment -->` on the line before it.\n"
        "For a passage, wrap it in `<!-- hclint-disable heading-increment -->` and `<!-- hclint-enable -->`.\n"
        "For a whole article, add `hclint: {disable: [heading-increment]}` to its frontmatter.\n"
        "For a folder, set the rule to `\"off\"` in an override.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder).\n"
        "\n"
        "A file that is included into other articles, such as a snippet, often starts at a deeper level on purpose.\n"
        "Exclude such files with `exclude` in the settings."
    ),
    description="The heading-increment rule reports a heading that skips a level, such as a level-4 heading right after a level-2 heading.",
    tags=("structure", "accessibility"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("multiple-h1", "multiple-h1.md"),
        Related("empty-section", "empty-section.md"),
        Related("All rules", "index.md"),
    ),
)

MULTIPLE_H1 = Rule(
    name="multiple-h1",
    summary="More than one level-1 heading, or a level-1 heading that is not the title.",
    severity=Severity.WARNING,
    kind="article",
    check=multiple_h1,
    what=(
        "The rule reports two things:\n"
        "\n"
        "- Every level-1 heading after the first one.\n"
        "- A level-1 heading whose text differs from the `title` in the frontmatter.\n"
        "  Case, spacing and closing punctuation do not count as differences.\n"
        "  Set `match_title = false` to skip this check.\n"
        "\n"
        "A heading that is only a link to a DocFX tab, such as `# [Windows](#tab/windows)`, is a tab and is not counted."
    ),
    why=(
        "A page has one subject, and one main heading that names it.\n"
        "Two level-1 headings make readers and screen readers unsure what the page is about.\n"
        "\n"
        "A heading that differs from the title shows one name in search results and the navigation, and another on the page.\n"
        "Readers wonder whether they landed on the right article.\n"
        "\n"
        "AI assistants that answer customers from the help center cite the title.\n"
        "When the title disagrees with the heading, the citation does not match what the customer sees."
    ),
    example=Example(
        intro="This article has two level-1 headings, and the first one is not the title:",
        failing=HEAD + "# Export data\n\nSelect **Export**.\n\n# Troubleshooting\n\nTry again later.\n",
        fixed=HEAD + "# Export your data\n\nSelect **Export**.\n\n## Troubleshooting\n\nTry again later.\n",
    ),
    options=(Option("match_title", True, "also report a level-1 heading that differs from the frontmatter title."),),
    options_notes=(
        "Some help centers use the frontmatter title for search engines, and the heading for the page.\n"
        "Microsoft Learn does this, for example.\n"
        "For such a help center, turn the check off:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.multiple-h1]\n"
        "match_title = false\n"
        "```"
    ),
    suppress=(
        "For one heading, put `<!-- hclint-disable-next-line multiple-h1 -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [multiple-h1]}` to its frontmatter.\n"
        "For a folder, set the rule to `\"off\"` in an override.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The multiple-h1 rule reports more than one level-1 heading, and a level-1 heading that differs from the frontmatter title.",
    tags=("structure", "accessibility"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("heading-increment", "heading-increment.md"),
        Related("missing-title", "missing-title.md"),
        Related("All rules", "index.md"),
    ),
)

IMAGE_ALT_TEXT = Rule(
    name="image-alt-text",
    summary="An image has no alt text.",
    severity=Severity.WARNING,
    kind="article",
    check=image_alt_text,
    what=(
        "The rule reports:\n"
        "\n"
        "- A Markdown image with empty alt text, such as `![](screenshot.png)`.\n"
        "- An HTML `<img>` tag with no `alt` attribute.\n"
        "\n"
        "An HTML image with `alt=\"\"` is not reported.\n"
        "Empty alt text in HTML marks an image as decorative, so screen readers skip it.\n"
        "Markdown has no way to say that, so a Markdown image always needs alt text."
    ),
    why=(
        "Screen readers read the alt text in place of the image.\n"
        "Without it, blind readers hear a file name, or nothing at all.\n"
        "This is WCAG success criterion 1.1.1, Non-text Content.\n"
        "Alt text also shows when an image fails to load.\n"
        "\n"
        "AI assistants that answer customers from the help center cannot see images.\n"
        "The alt text is all they know of a screenshot.\n"
        "A step shown only in a picture is lost to them."
    ),
    example=Example(
        failing=HEAD + "Select **Export**.\n\n![](export-button.png)\n",
        fixed=HEAD + "Select **Export**.\n\n![The Export button in the top bar](export-button.png)\n",
        intro="This article has an image with no alt text:",
        outro="Good alt text says what the reader needs from the image, in a short phrase.\n"
        "For a screenshot, name the screen and the part that matters.",
    ),
    suppress=(
        "For one image, put `<!-- hclint-disable-next-line image-alt-text -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [image-alt-text]}` to its frontmatter.\n"
        "For a folder, set the rule to `\"off\"` in an override.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The image-alt-text rule reports an image with no alt text, in Markdown or in HTML.",
    tags=("structure", "accessibility"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("link-text", "link-text.md"),
        Related("All rules", "index.md"),
    ),
)

LINK_TEXT = Rule(
    name="link-text",
    summary="A link's text does not say where it goes.",
    severity=Severity.WARNING,
    kind="article",
    check=link_text,
    what=(
        "The rule reports a link whose whole text is one of the `vague_texts`.\n"
        "By default these are `click here`, `here`, `this page`, `link`, `this link`, `read more`, `learn more`, `more`, `click` and `this`.\n"
        "Case and punctuation do not matter, so `Here.` and `**Read more...**` count too.\n"
        "\n"
        "It also reports a link whose text is a web address, such as `https://example.com/billing`.\n"
        "Addresses that readers type into a browser, such as `about:preferences`, are not reported.\n"
        "\n"
        "Links with longer text are fine, even when the text starts with one of these words."
    ),
    why=(
        "Many readers scan the links of a page before they read it.\n"
        "Screen reader users often list all the links of a page, out of context.\n"
        "Ten links called \"here\" tell them nothing.\n"
        "This is WCAG success criterion 2.4.4, Link Purpose.\n"
        "A screen reader also reads a bare web address out one character at a time.\n"
        "\n"
        "AI assistants that answer customers from the help center use link text to learn what the target is about.\n"
        "A link that names its target tells them which article to follow and to cite."
    ),
    example=Example(
        intro='This link says "click here":',
        failing=HEAD + "To see your plan's limits, [click here](limits.md).\n",
        fixed=HEAD + "See [the limits of your plan](limits.md).\n",
        others={"limits.md": "---\ntitle: Plan limits\n---\n\nEach plan has limits.\n"},
    ),
    options=(
        Option("vague_texts", VAGUE_TEXTS, "link texts that say nothing about the target.\nThey are compared without case or punctuation."),
        Option("allow_bare_urls", False, "accept a web address as the text of a link."),
    ),
    options_notes=(
        "For example, to report \"details\" too:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.link-text]\n"
        "vague_texts = [\"click here\", \"here\", \"read more\", \"details\"]\n"
        "```"
    ),
    suppress=(
        "For one link, put `<!-- hclint-disable-next-line link-text -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [link-text]}` to its frontmatter.\n"
        "For a folder, set the rule to `\"off\"` in an override.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The link-text rule reports a link whose text, such as \"click here\" or a bare URL, does not say where it goes.",
    tags=("structure", "accessibility"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("image-alt-text", "image-alt-text.md"),
        Related("All rules", "index.md"),
    ),
)

EMPTY_SECTION = Rule(
    name="empty-section",
    summary="A heading has no content before the next heading.",
    severity=Severity.WARNING,
    kind="article",
    check=empty_section,
    what=(
        "The rule reports a heading followed directly by a heading of the same or a higher level.\n"
        "It also reports a heading at the end of the article with nothing after it.\n"
        "\n"
        "A heading followed by a deeper heading is not reported.\n"
        "It is a parent section, and its subsections are its content.\n"
        "Any block counts as content: a paragraph, a list, a table, a code block, an admonition or an HTML block.\n"
        "An HTML comment does not count, because readers do not see it."
    ),
    why=(
        "An empty section promises content that is not there.\n"
        "Readers who jump to it from the table of contents find nothing.\n"
        "Screen reader users hear two headings in a row.\n"
        "An empty section is usually a placeholder that someone forgot to fill in.\n"
        "\n"
        "AI assistants that answer customers from the help center may cite the empty section's heading as if it answered the question."
    ),
    example=Example(
        intro="The first section of this article is empty:",
        failing=HEAD + "## Export to CSV\n\n## Export to Excel\n\nSelect **Excel**.\n",
        fixed=HEAD + "## Export to CSV\n\nSelect **CSV**.\n\n## Export to Excel\n\nSelect **Excel**.\n",
    ),
    suppress=(
        "For one heading, put `<!-- hclint-disable-next-line empty-section -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [empty-section]}` to its frontmatter.\n"
        "For a folder, set the rule to `\"off\"` in an override.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder).\n"
        "\n"
        "A table of contents written as Markdown headings, such as the `TOC.md` of DocFX, is not an article.\n"
        "Exclude it with `exclude` in the settings."
    ),
    description="The empty-section rule reports a heading with no content before the next heading of the same or a higher level.",
    tags=("structure",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("heading-increment", "heading-increment.md"),
        Related("All rules", "index.md"),
    ),
)

RULES = (HEADING_INCREMENT, MULTIPLE_H1, IMAGE_ALT_TEXT, LINK_TEXT, EMPTY_SECTION)
