"""The last line of defence of the MkDocs build: no public page may show the text of a private one.

hclint withholds internal and draft pages and refuses links and snippet includes that would expose
them. Text can still travel by routes no rule knows (a macro, another plugin's include, a copy made
by a translation plugin). So every sentence that is written only in private articles is looked for
in each rendered public page; finding one stops the build. Sentences that a public article also
contains are left out: a public page may say what an internal one repeats.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from hclint.article import Article

MIN_WORDS = 8  # shorter sentences ("Open the Settings page.") are common to many pages
KEY_WORDS = 4  # sentences are found by their first words, then compared whole
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")
SKIPPED_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.casefold()))


def _passages(article: Article) -> list[tuple[str, ...]]:
    """The article's sentences, and the lines of its code blocks and raw HTML, as words."""
    found = [words(sentence.text) for block in article.blocks for sentence in article.sentences(block)]
    for token in article.tokens:
        if token.type in ("fence", "code_block"):
            found += [words(line) for line in token.content.split("\n")]
        elif token.type == "html_block":
            found += [words(html.unescape(TAG.sub(" ", line))) for line in token.content.split("\n")]
    return found


@dataclass
class PrivateText:
    """The sentences of private articles, keyed by their first words, with the article each is from."""

    by_start: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, private: Iterable[Article], public: Iterable[Article]) -> PrivateText:
        found = cls()
        for article in private:
            for said in _passages(article):
                if len(said) >= MIN_WORDS:
                    found.by_start.setdefault(said[:KEY_WORDS], []).append((said, article.path))
        if found.by_start:
            for article in public:
                for said, _ in found.matches(words(article.source)):
                    found.forget(said)
        return found

    def forget(self, said: tuple[str, ...]) -> None:
        kept = [entry for entry in self.by_start.get(said[:KEY_WORDS], []) if entry[0] != said]
        if kept:
            self.by_start[said[:KEY_WORDS]] = kept
        else:
            self.by_start.pop(said[:KEY_WORDS], None)

    def matches(self, text: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
        """The private sentences that occur, word for word, in text."""
        found = []
        for start in range(len(text) - KEY_WORDS + 1):
            for said, path in self.by_start.get(text[start : start + KEY_WORDS], ()):
                if text[start : start + len(said)] == said:
                    found.append((said, path))
        return found

    def in_page(self, page_html: str) -> list[tuple[tuple[str, ...], str]]:
        if not self.by_start:
            return []
        return self.matches(words(html.unescape(TAG.sub(" ", SKIPPED_ELEMENTS.sub(" ", page_html)))))
