"""The article model: frontmatter with key lines, and views whose positions are the file's."""

from __future__ import annotations

import pytest

from hclint.article import load_article, parse_article

ARTICLE = """---
title: Refunds
owner: billing
date:
  updated: 2025-02-30
---
# Refunds {#refunds}

Ask for a refund in [the billing page](billing.md#refunds) or see ![a chart](chart.png).
Visit https://example.com/refunds for more.

```sh
echo not prose
```
"""


def test_frontmatter_keys_carry_their_lines():
    article = parse_article(ARTICLE, "content/a.md", "a.md")
    assert article.frontmatter["title"] == "Refunds"
    assert article.frontmatter_lines == {"title": 2, "owner": 3, "date": 4, "date.updated": 5}
    assert article.body_line == 7


def test_dates_stay_as_written_so_impossible_dates_reach_the_date_rules():
    article = parse_article(ARTICLE, "content/a.md", "a.md")
    assert article.frontmatter["date"]["updated"] == "2025-02-30"
    assert not article.load_problems


def test_headings_links_and_images_point_at_file_lines():
    article = parse_article(ARTICLE, "content/a.md", "a.md")
    assert [(h.level, h.text, h.line, h.explicit_id) for h in article.headings] == [(1, "Refunds", 7, "refunds")]
    link, image = article.links
    assert (link.target, link.text, link.line, link.column) == ("billing.md#refunds", "the billing page", 9, 40)
    assert (image.target, image.image, image.line) == ("chart.png", True, 9)
    assert article.title == "Refunds"


def test_prose_excludes_code_urls_and_attr_lists():
    article = parse_article(ARTICLE, "content/a.md", "a.md")
    prose = " ".join(block.text for block in article.blocks)
    assert "echo" not in prose
    assert "example.com" not in prose
    assert "{#refunds}" not in prose
    visit = next(run for block in article.blocks for run in block.runs if run.text.startswith("Visit"))
    assert (visit.line, visit.column) == (10, 1)


def test_crlf_and_bom_keep_lines_and_columns():
    text = "\ufeff---\r\ntitle: Hello\r\n---\r\n\r\nSee [x](y.md).\r\n"
    article = parse_article(text, "content/a.md", "a.md")
    assert article.frontmatter_lines["title"] == 2
    assert (article.links[0].line, article.links[0].column) == (5, 9)
    assert article.source.startswith("---")


def test_title_falls_back_to_first_h1():
    assert parse_article("intro\n\n# Real title\n", "a", "a").title == "Real title"
    assert parse_article("## Only h2\n", "a", "a").title is None


def test_invalid_yaml_is_reported_at_the_yaml_line():
    article = parse_article("---\ntitle: ok\nbad: [unclosed\nnext: 1\n---\nBody\n", "a", "a")
    ((rule, problem),) = article.load_problems
    assert rule == "frontmatter-invalid"
    assert problem.line == 4


def test_frontmatter_that_is_not_a_mapping_is_invalid():
    ((rule, problem),) = parse_article("---\n- a\n- b\n---\n", "a", "a").load_problems
    assert rule == "frontmatter-invalid" and "mapping" in problem.message


def test_unclosed_frontmatter_is_invalid():
    ((rule, _),) = parse_article("---\ntitle: x\n\nBody\n", "a", "a").load_problems
    assert rule == "frontmatter-invalid"


def test_yaml_alias_bomb_is_rejected_before_it_expands():
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    text = "---\n" + "\n".join(levels) + "\n---\n# T\n"
    article = parse_article(text, "a", "a")  # expanded, this would be 9**9 values and exhaust memory
    ((rule, problem),) = article.load_problems
    assert rule == "frontmatter-invalid" and "alias" in problem.message
    assert problem.line == 3


def test_invalid_utf8_is_decoded_with_the_byte_offset_reported(tmp_path):
    file = tmp_path / "a.md"
    file.write_bytes(b"# Title\n\nCaf\xe9 menu\n")
    article = load_article(file, "a.md", "a.md", 10_000)
    ((rule, problem),) = article.load_problems
    assert (rule, problem.line, problem.column) == ("encoding", 3, 4)
    assert "byte offset 12" in problem.message
    assert article.title == "Title"  # the rest of the article is still checked


def test_binary_file_is_not_parsed(tmp_path):
    file = tmp_path / "a.md"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    ((rule, problem),) = load_article(file, "a.md", "a.md", 10_000).load_problems
    assert rule == "encoding" and "binary" in problem.message


def test_too_large_file_is_not_read_whole(tmp_path):
    file = tmp_path / "a.md"
    file.write_bytes(b"x" * 5000)
    ((rule, problem),) = load_article(file, "a.md", "a.md", 1024).load_problems
    assert rule == "file-too-large" and "5,000 bytes" in problem.message


def test_unreadable_file_becomes_a_problem(tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    ((rule, _),) = load_article(loop, "loop.md", "loop.md", 1024).load_problems
    assert rule == "unreadable-file"
    ((rule, _),) = load_article(tmp_path / "gone.md", "gone.md", "gone.md", 1024).load_problems
    assert rule == "unreadable-file"


def test_tabs_and_collapsible_admonitions_hold_prose_not_code():
    text = (
        '# Install\n\n=== "Linux"\n\n    Run the **installer**; see [notes](notes.md).\n\n    ## After installing\n\n'
        '???+ note "Tip"\n\n    Restart once.\n\n    ```sh\n    reboot\n    ```\n'
    )
    article = parse_article(text, "a.md", "a.md")
    prose = {block.line: block.text for block in article.blocks}
    assert "installer" in prose[5] and prose[11] == "Restart once."
    assert "reboot" not in " ".join(prose.values())
    assert [(h.text, h.line) for h in article.headings] == [("Install", 1), ("After installing", 7)]
    assert [(link.target, link.line) for link in article.links] == [("notes.md", 5)]


@pytest.mark.parametrize(
    "url", ["https://example.com/a", "HTTP://EXAMPLE.COM", "ftp://files.example.com", "MailTo:help@example.com", "WWW.example.com"]
)
def test_bare_urls_in_prose_are_blanked_whatever_their_case(url):
    article = parse_article(f"---\ntitle: T\n---\n\nSee {url} today.\n", "a.md", "a.md")
    [run] = article.blocks[0].runs
    assert run.text == "See " + " " * len(url) + " today."


# ---- metadata read exactly as MkDocs reads it -------------------------------------------------

AS_MKDOCS_READS = [
    "---\ntitle: Dots\naudience: internal\n...\n\nBody\n",
    "---\n\ntitle: Blank line first\n---\nBody\n",
    "---  \ntitle: Spaces after the fence\n---\t\nBody\n",
    "Title: MultiMarkdown\nAudience: internal\n    continued\n\nBody\n",
    "---\nx: &a 1\ny: *a\naudience: internal\n---\nBody\n",
    "---\naudience:\tinternal\n---\nBody\n",
    "# Just a heading\n\nBody\n",
    "---\n---\nBody\n",
]


@pytest.mark.parametrize("text", AS_MKDOCS_READS)
def test_metadata_is_what_mkdocs_reads(text):
    from mkdocs.utils.meta import get_data

    body, expected = get_data(text)
    article = parse_article(text, "a.md", "a.md")
    assert article.frontmatter == expected
    assert article.unreadable is None
    # The first line the parser sees is the first line MkDocs renders.
    rendered = [line for line in text.split("\n")[article.body_line - 1 :]]
    assert "\n".join(rendered).lstrip("\n") == body


@pytest.mark.parametrize("text", [
    "---\ntitle: Escalation: tier 2\naudience: internal\n---\nBody\n",  # invalid YAML
    "---\naudience: internal\nhome: !ENV HOME\n---\nBody\n",  # a tag MkDocs's loader does not know either
    "---\ntitle: never closed\naudience: internal\n---",  # no line break after the closing fence
    "---\nx: !!int a\n---\nBody\n",  # the constructor's own ValueError
    "---\n- a list\n---\nBody\n",
    "----\ntitle: four dashes are a rule to MkDocs, not a fence\n----\nBody\n",
])
def test_metadata_mkdocs_cannot_read_is_unreadable_here_too(text):
    from mkdocs.utils.meta import get_data

    body, data = get_data(text)
    assert data == {} and body.startswith("---")  # MkDocs would show it as page text
    article = parse_article(text, "a.md", "a.md")
    assert article.unreadable and article.frontmatter == {}
    assert [rule for rule, _ in article.load_problems] == ["frontmatter-invalid"]


def test_publishing_keys_written_twice_are_not_trusted():
    article = parse_article("---\naudience: internal\nAudience: public\n---\nBody\n", "a.md", "a.md")
    assert article.unreadable == "the key `audience` is written more than once"
    twice = parse_article("---\ntitle: A\ntitle: B\n---\nBody\n", "a.md", "a.md")
    assert twice.unreadable is None and twice.frontmatter["title"] == "B"
    assert [p.message for _, p in twice.load_problems] == ["the key `title` is written twice (lines 2 and 3): YAML keeps only the last"]


def test_hclint_checks_the_files_mkdocs_renders_as_pages():
    from mkdocs.utils import markdown_extensions

    from hclint.project.discovery import SUFFIXES

    assert sorted(SUFFIXES) == sorted(markdown_extensions)
