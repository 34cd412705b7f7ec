"""Sentences and words of the prose, each placed at its line and column in the file."""

from __future__ import annotations

import pytest

from hclint.article import parse_article
from hclint.article.prose import article_lang, prose_text, spellable_words


def _article(body: str):
    return parse_article("---\ntitle: T\n---\n\n" + body, "content/a.md", "a.md")


def _sentences(body: str):
    article = _article(body)
    return [s for block in article.blocks for s in article.sentences(block)]


def _words(body: str) -> list[str]:
    return [w.text for block in _article(body).blocks for w in spellable_words(prose_text(block))]


def test_every_word_is_placed_where_the_file_has_it():
    body = "Open **Settings**, then select [Reset password](reset.md).\n\n- Choose *Save* to keep it.\n"
    article = _article(body)
    lines = article.source.split("\n")
    placed = [w for block in article.blocks for w in spellable_words(article.prose(block))]
    assert [w.text for w in placed] == ["Open", "Settings", "then", "select", "Reset", "password", "Choose", "Save", "to", "keep", "it"]
    for word in placed:
        assert lines[word.line - 1][word.column - 1 : word.column - 1 + len(word.text)] == word.text


def test_sentences_split_at_full_stops_with_their_lines_and_word_counts():
    found = _sentences("Open the page. Select Save!\nIs it done? Yes.\n")
    assert [(s.text, s.line, s.column, s.words) for s in found] == [
        ("Open the page.", 5, 1, 3),
        ("Select Save!", 5, 16, 2),
        ("Is it done?", 6, 1, 3),
        ("Yes.", 6, 13, 1),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Pick a format, e.g. PDF or CSV, and save.\n",
        "Open the **Insert FA Bal. Account** action.\n",
        "Install it, etc. and then restart.\n",
        "Ask J. Smith for access.\n",
    ],
)
def test_abbreviations_do_not_end_a_sentence(body):
    assert len(_sentences(body)) == 1


def test_each_block_ends_a_sentence():
    found = _sentences("# Reset your password\n\n1. Open Settings\n2. Select Reset\n")
    assert [s.text for s in found] == ["Reset your password", "Open Settings", "Select Reset"]


def test_code_spans_are_not_words():
    [sentence] = _sentences("Run `hclint check --format json` in the folder.\n")
    assert sentence.words == 4


@pytest.mark.parametrize(
    "body",
    [
        "Write to help@example.com today.\n",
        "Open https://example.com/qwzx today.\n",
        "Edit docs/qwzx.md or C:\\Qwzx\\file today.\n",
        "Set qwzx_value or qwzx2 or v2.0 today.\n",
        "Use QwzxTool or iQwzx today.\n",
        "Ask QWZX today.\n",
        "Export it as .qwzx today.\n",
        "Type `qwzx` today.\n",
        "```\nqwzx\n```\n\nType it today.\n",
    ],
)
def test_code_addresses_paths_identifiers_and_acronyms_are_not_spelled(body):
    assert "qwzx" not in " ".join(_words(body)).lower()


def test_hyphenated_compounds_stay_whole():
    assert _words("Use the sign-in page.\n") == ["Use", "the", "sign-in", "page"]


def test_microsoft_learn_markers_and_include_names_are_not_prose():
    body = "> [!NOTE]\n> Keep it.\n\n[!INCLUDE[prod_short](includes/prod_short.md)] saves it.\n"
    article = _article(body)
    assert [prose_text(b).text.split() for b in article.blocks] == [["Keep", "it."], ["saves", "it."]]
    assert _words(body) == ["Keep", "it", "saves", "it"]


@pytest.mark.parametrize(
    ("frontmatter", "configured", "expected"),
    [("fr-CA", "en", "fr"), ("de_DE", None, "de"), (None, "nl", "nl"), ("  ", "es", "es"), (None, None, "en"), (3, "it", "it")],
)
def test_the_language_comes_from_the_frontmatter_then_the_folder_then_english(frontmatter, configured, expected):
    assert article_lang(frontmatter, configured) == expected


def test_a_hard_line_break_ends_a_sentence_without_a_full_stop():
    body = "[Sales overview](a.md)  \n[Purchases overview](b.md)\\\n[Reports](c.md)\nand more\n"
    found = _sentences(body)
    assert [(s.text, s.line) for s in found] == [("Sales overview", 5), ("Purchases overview", 6), ("Reports and more", 7)]
