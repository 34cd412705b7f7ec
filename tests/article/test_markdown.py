"""The parser skips the plugins whose marker a text lacks: the tokens must be the same."""

from pathlib import Path

import pytest

from hclint.article.markdown import EVERY_PLUGIN, PLUGIN_MARKERS, parser, plugins_used
from tests.conftest import REPO, shared_or_skip

USES = {
    "admonition": "# A\n\n!!! note\n    Read this first.\n",
    "definition": "# A\n\nTerm\n: What the term means.\n",
    "footnote": "# A\n\nA claim.[^1]\n\n[^1]: Where it comes from.\n",
    "task": "# A\n\n- [ ] Open Settings\n- [x] Select Save\n",
    "tab": '# A\n\n=== "Windows"\n\n    Open the Start menu.\n',
}


def _same_tokens(text: str) -> bool:
    return parser(EVERY_PLUGIN).parse(text) == parser(plugins_used(text)).parse(text)


def test_every_plugin_has_a_marker_and_an_example():
    assert set(USES) == set(PLUGIN_MARKERS) == EVERY_PLUGIN


@pytest.mark.parametrize("plugin", sorted(USES))
def test_a_text_using_a_plugin_is_parsed_with_it(plugin):
    text = USES[plugin]
    assert plugin in plugins_used(text)
    assert _same_tokens(text)
    # The example does use the plugin: without it the tokens differ.
    assert parser(EVERY_PLUGIN - {plugin}).parse(text) != parser(EVERY_PLUGIN).parse(text)


def test_a_text_without_any_marker_is_parsed_with_no_plugin():
    text = "# A\n\nOpen **Settings**: select *Save*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert plugins_used(text) == frozenset()
    assert _same_tokens(text)


def test_a_definition_inside_a_quote_or_a_list_is_seen():
    for text in ("> Term\n> : Meaning.\n", "- Term\n\n    : Meaning.\n", "Term\n\n~ Meaning.\n", "  : On the first line.\n"):
        assert "definition" in plugins_used(text)
        assert _same_tokens(text)


def _markdown_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.md"))


def test_every_article_of_the_bundled_help_center_gets_the_same_tokens():
    files = _markdown_files(REPO / "content")
    assert files
    assert [f for f in files if not _same_tokens(f.read_text(encoding="utf-8"))] == []


@pytest.mark.parametrize("corpus, every", [("pihole-docs", 1), ("ms-business-central-help", 4)])
def test_realism_the_articles_of_a_real_help_center_get_the_same_tokens(corpus, every):
    # A quarter of the 2,640 Microsoft articles keeps the test to 2 s; all of them matched too.
    files = _markdown_files(shared_or_skip("corpora", corpus))[::every]
    assert files
    texts = (f.read_text(encoding="utf-8", errors="replace") for f in files)
    assert sum(1 for text in texts if not _same_tokens(text)) == 0
