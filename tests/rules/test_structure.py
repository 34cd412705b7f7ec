"""Structure rules: heading-increment, multiple-h1, image-alt-text, link-text, empty-section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hclint.article import parse_article
from hclint.rule import Context
from hclint.rules import structure
from tests.conftest import run_hclint, write_center

CONTEXT = Context(date(2026, 11, 23), Path("."), Path("content"))
HEAD = "---\ntitle: Export your data\n---\n\n"
STRUCTURE = {rule.name for rule in structure.RULES}


def found(rule, text: str, **options) -> list[tuple[int, int]]:
    article = parse_article(text, "content/a.md", "a.md")
    return [(p.line, p.column) for p in rule.check(article, {**rule.defaults, **options}, CONTEXT)]


def messages(rule, text: str, **options) -> list[str]:
    article = parse_article(text, "content/a.md", "a.md")
    return [p.message for p in rule.check(article, {**rule.defaults, **options}, CONTEXT)]


# ---- heading-increment


def test_heading_increment_reports_each_skip_once():
    text = HEAD + "## A\n\ntext\n\n#### B\n\ntext\n\n##### C\n\ntext\n\n## D\n\ntext\n\n#### E\n"
    assert found(structure.HEADING_INCREMENT, text) == [(9, 6), (21, 6)]
    assert messages(structure.HEADING_INCREMENT, text)[0] == 'level-4 heading "B" follows level 2: use level 3'


def test_heading_increment_counts_the_title_as_level_one():
    assert found(structure.HEADING_INCREMENT, HEAD + "### Too deep\n\ntext\n") == [(5, 5)]
    assert messages(structure.HEADING_INCREMENT, HEAD + "### Too deep\n") == [
        'the first heading is the level-3 heading "Too deep": start at level 2, as the title is level 1'
    ]
    assert found(structure.HEADING_INCREMENT, HEAD + "## Right\n\n### Deeper\n\n## Back up\n\n# Top\n") == []


def test_heading_increment_sees_setext_and_nested_headings_but_not_code():
    text = HEAD + "Section\n-------\n\n> #### Quoted\n\n```\n#### not a heading\n```\n"
    assert found(structure.HEADING_INCREMENT, text) == [(8, 8)]


# ---- multiple-h1


def test_multiple_h1_reports_every_extra_h1():
    text = HEAD + "# Export your data\n\ntext\n\n# Again\n\ntext\n\nThird\n=====\n"
    assert found(structure.MULTIPLE_H1, text) == [(9, 3), (13, 1)]


def test_multiple_h1_compares_the_h1_with_the_title():
    assert messages(structure.MULTIPLE_H1, HEAD + "# Export data\n") == [
        'the level-1 heading "Export data" differs from the frontmatter title "Export your data"'
    ]
    assert found(structure.MULTIPLE_H1, HEAD + "# export  your DATA.\n") == []
    assert found(structure.MULTIPLE_H1, HEAD + "# Export data\n", match_title=False) == []
    assert found(structure.MULTIPLE_H1, "# Any heading\n\nNo frontmatter.\n") == []


def test_multiple_h1_reads_code_in_headings_and_ignores_the_id():
    text = "---\ntitle: The export command\n---\n\n# The `export` command {#export}\n"
    assert found(structure.MULTIPLE_H1, text) == []


# ---- image-alt-text


def test_image_alt_text_reports_markdown_images_without_alt():
    text = HEAD + "![](a.png) and ![  ](b.png) but ![A chart](c.png)\n"
    assert found(structure.IMAGE_ALT_TEXT, text) == [(5, 1), (5, 16)]
    assert messages(structure.IMAGE_ALT_TEXT, text)[0] == 'the image "a.png" has no alt text'


def test_image_alt_text_reports_html_images_without_an_alt_attribute():
    text = HEAD + '<p align="center">\n  <img src="logo.png" width="40">\n  <img src="x.png" alt="">\n</p>\n\nInline <img src="i.png"> here.\n'
    assert found(structure.IMAGE_ALT_TEXT, text) == [(6, 3), (10, 8)]


def test_image_alt_text_counts_a_linked_image_as_an_image():
    text = HEAD + "[![](badge.svg)](https://example.com)\n"
    assert found(structure.IMAGE_ALT_TEXT, text) == [(5, 2)]


# ---- link-text


@pytest.mark.parametrize("text", ["click here", "Here", "here.", "this page", "Link", "Read more...", "**here**"])
def test_link_text_reports_vague_text(text):
    assert found(structure.LINK_TEXT, HEAD + f"For details, [{text}](limits.md).\n") == [(5, 14)]


@pytest.mark.parametrize(
    "text", ["the limits of your plan", "where to click", "`export`", "Here is how refunds work"]
)
def test_link_text_accepts_descriptive_text(text):
    assert found(structure.LINK_TEXT, HEAD + f"See [{text}](limits.md).\n") == []


def test_link_text_reports_bare_urls_unless_allowed():
    text = HEAD + "Go to [https://example.com/a](https://example.com/a) or <https://example.com/b>.\n"
    assert found(structure.LINK_TEXT, text) == [(5, 7), (5, 57)]
    assert found(structure.LINK_TEXT, text, allow_bare_urls=True) == []
    assert messages(structure.LINK_TEXT, text)[0] == 'the link text is a bare URL "https://example.com/a"'


def test_link_text_leaves_addresses_to_type_alone():
    text = HEAD + "Open [about:preferences](about:preferences) or [chrome://settings](chrome://settings).\n"
    assert found(structure.LINK_TEXT, text) == []


def test_link_text_list_is_configurable(tmp_path):
    text = HEAD + "See [details](a.md) or [here](a.md).\n"
    write_center(tmp_path, {"content/a.md": text}, '[tool.hclint.rules.link-text]\nvague_texts = ["details"]\n')
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    assert [(f["line"], f["column"]) for f in result.json if f["rule"] == "link-text"] == [(5, 5)]


# ---- empty-section


def test_empty_section_reports_a_heading_followed_by_a_sibling_or_parent():
    text = HEAD + "## A\n\n### A.1\n\ntext\n\n### A.2\n## B\n\ntext\n"
    assert found(structure.EMPTY_SECTION, text) == [(11, 5)]
    assert messages(structure.EMPTY_SECTION, text) == [
        'the section "A.2" is empty: the next heading "B" (line 12) is at the same or a higher level'
    ]


def test_empty_section_reports_a_last_heading_and_ignores_comments():
    text = HEAD + "## A\n\ntext\n\n## To do\n\n<!-- write this -->\n"
    assert messages(structure.EMPTY_SECTION, text) == ['the section "To do" is empty: nothing follows it']


@pytest.mark.parametrize(
    "content",
    [
        '!!! note\n    An admonition.\n',
        "| a |\n|---|\n| b |\n",
        "- a list\n",
        "```\ncode\n```\n",
        '<div markdown>\nHTML\n</div>\n',
        '=== "Tab"\n\n    Tabbed content.\n',
    ],
)
def test_empty_section_counts_any_block_as_content(content):
    assert found(structure.EMPTY_SECTION, HEAD + f"## A\n\n{content}\n## B\n\ntext\n") == []


# ---- end to end


def test_structure_rules_report_through_the_cli(tmp_path):
    text = HEAD + "# Export\n\n#### Steps\n\n![](x.png) [here](b.md)\n\n## Empty\n"
    write_center(tmp_path, {"content/a.md": text, "content/b.md": HEAD + "Text.\n"})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1
    got = sorted((f["rule"], f["line"], f["severity"]) for f in result.json if f["rule"] in STRUCTURE)
    assert got == [
        ("empty-section", 11, "warning"),
        ("heading-increment", 7, "warning"),
        ("image-alt-text", 9, "warning"),
        ("link-text", 9, "warning"),
        ("multiple-h1", 5, "warning"),
    ]


def test_structure_rules_can_be_suppressed_and_turned_off(tmp_path):
    text = HEAD + "<!-- hclint-disable-next-line image-alt-text -->\n![](x.png)\n\n[here](b.md)\n"
    config = '[tool.hclint.rules]\n"link-text" = "off"\n'
    write_center(tmp_path, {"content/a.md": text, "content/b.md": HEAD + "Text.\n"}, config)
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    assert [f for f in result.json if f["rule"] in STRUCTURE | {"unused-suppression"}] == []


def test_docfx_tab_headings_are_tabs_not_headings():
    text = (
        HEAD + "# Export your data\n\n## Steps\n\n"
        "# [Windows](#tab/windows)\n\n### On Windows\n\nSelect **Export**.\n\n"
        "# [Mac](#tab/mac)\n\nSelect **Export**.\n\n---\n"
    )
    for rule in (structure.HEADING_INCREMENT, structure.MULTIPLE_H1, structure.EMPTY_SECTION):
        assert found(rule, text) == [], rule.name
