"""Sentences and words of an article's prose, each mapped back to its line and column.

Built on Article.blocks, where code, HTML comments and URLs are already gone, so readability,
spelling and terminology count and place words the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from hclint.article.markdown import Block, ProseRun

# Microsoft Learn's markers ("> [!NOTE]", "[!INCLUDE[name](file.md)]", ":::image ...:::") are
# syntax, not prose: blanked to spaces so the columns of the words around them stay right.
MARKER = re.compile(r"\[!\w+\]?|:::[^:]*(?::::|$)|\]")
INCLUDE_OPEN = re.compile(r"\[!INCLUDE\s*$", re.IGNORECASE)
# A sentence ends at . ! ? or … (with closing quotes or brackets) before white space and a
# character that is not a lowercase letter ("e.g. the" goes on), and at a hard line break.
HARD_BREAK = "\n"  # joins runs across a hard line break; run texts never hold a newline
BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=\S)|\n\s*(?=\S)")
ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|no|nr|fig|ex|p|pp|mr|mrs|ms|dr|st|bal|env|ca|z\.b|d\.h|usw|bzw)"
    r"|\b\w)\.$",
    re.IGNORECASE,
)
LONGEST_ABBREVIATION = len("approx.")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
SPELLABLE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
CHUNK = re.compile(r"\S+")
LEADING = "([{\"'“‘«*_<"
TRAILING = ")]}\"'”’»*_.,;:!?…>"
# A chunk holding any of these is code, a path, an address, a file extension (.png) or a
# formula, never a word to spell.
NOT_WORDS = re.compile(r"[@/\\=<>#$%&+|~^`{}\d_]|\w\.\w|://|^\.\w")


class Located(NamedTuple):
    """A piece of prose and where it starts in the file."""

    text: str
    line: int
    column: int


class Sentence(NamedTuple):
    text: str
    line: int
    column: int
    words: int


class ProseText(NamedTuple):  # made for every block: a NamedTuple is built three times faster
    """A block's prose as one string, with the source position of every character."""

    text: str
    starts: tuple[int, ...]  # offset in text where each run begins
    runs: tuple[ProseRun, ...]

    def position(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.starts, offset) - 1)
        run = self.runs[index]
        return run.line, run.column + min(offset - self.starts[index], len(run.text))

    def located(self, start: int, end: int) -> Located:
        line, column = self.position(start)
        return Located(self.text[start:end], line, column)


def prose_text(block: Block) -> ProseText:
    """The block's runs joined: runs that touch in the source touch in the text, others get a space."""
    if len(block.runs) == 1:  # most blocks
        return ProseText(_blank_markers(block.runs[0].text), (0,), block.runs)
    parts: list[str] = []
    starts: list[int] = []
    kept: list[ProseRun] = []
    offset = 0
    for run in _without_include_names(block.runs):
        separator = "" if not kept or _touches(kept[-1], run) else HARD_BREAK if run.after_hard_break else " "
        offset += len(separator)
        parts.append(separator + _blank_markers(run.text))
        starts.append(offset)
        kept.append(run)
        offset += len(run.text)
    return ProseText("".join(parts), tuple(starts), tuple(kept))


def _without_include_names(runs: Iterable[ProseRun]) -> Iterator[ProseRun]:
    # In "[!INCLUDE[prod_short](includes/prod_short.md)]" the parser sees a link whose text is
    # the include's name: the run after "[!INCLUDE" is a file name, not prose.
    skip = False
    for run in runs:
        if not skip:
            yield run
        skip = "[!" in run.text and bool(INCLUDE_OPEN.search(run.text))


def _touches(before: ProseRun, after: ProseRun) -> bool:
    return before.line == after.line and before.column + len(before.text) == after.column


def _blank_markers(text: str) -> str:
    if "]" not in text and "[!" not in text and ":::" not in text:
        return text  # most runs: nothing to blank, and no regular expression to run
    return MARKER.sub(lambda match: " " * len(match.group()), text)


def count_words(prose: ProseText) -> int:
    """The words of a block's sentences, without splitting it: a word never spans two."""
    return len(WORD.findall(prose.text))


def most_sentences(prose: ProseText) -> int:
    """At least as many as a block's sentences: each but the last ends at a full stop, a
    question or exclamation mark, an ellipsis or a hard break."""
    text = prose.text
    return sum(map(text.count, ".!?…" + HARD_BREAK)) + 1


def split_sentences(prose: ProseText) -> tuple[Sentence, ...]:
    """A block's sentences; a block (paragraph, list item, cell) always ends a sentence."""
    text = prose.text
    found = []
    start = 0
    for match in BOUNDARY.finditer(text):
        end = match.end()
        if HARD_BREAK not in match.group() and (text[end].islower() or _abbreviation(text, start, match.start() + 1)):
            continue  # a hard break is a new line to readers: always the end of a sentence
        if sentence := _sentence(prose, start, end):
            found.append(sentence)
        start = end
    if sentence := _sentence(prose, start, len(text)):
        found.append(sentence)
    return tuple(found)


def _abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with an abbreviation; only its last characters are searched."""
    return text[end - 1] == "." and bool(ABBREVIATION.search(text, max(start, end - LONGEST_ABBREVIATION - 1), end))


def _sentence(prose: ProseText, start: int, end: int) -> Sentence | None:
    text = prose.text[start:end]
    stripped = text.strip()
    count = len(WORD.findall(stripped))
    if not count:
        return None
    line, column = prose.position(start + len(text) - len(text.lstrip()))
    return Sentence(" ".join(stripped.split()), line, column, count)


def spellable_words(prose: ProseText) -> Iterator[Located]:
    """Words a spelling checker should see, hyphenated compounds whole ("sign-in"): never
    code-like chunks, paths, addresses or words with digits. A compound is yielded when one of its
    parts is spellable (see spellable)."""
    for word, start in word_spans(prose.text):
        if any(spellable(piece) for piece in word.split("-")):
            yield prose.located(start, start + len(word))


def word_spans(text: str) -> Iterator[tuple[str, int]]:
    """(word, offset) for each candidate word of text, before the spellable test: a spelling check
    looks most words up first and places only the few it does not know."""
    for chunk in CHUNK.finditer(text):
        word = chunk.group()
        if word.isalpha():  # most words: nothing to strip or split
            yield word, chunk.start()
            continue
        start = chunk.start() + len(word) - len(word.lstrip(LEADING))
        word = word.strip(LEADING).rstrip(TRAILING)
        if word and not NOT_WORDS.search(word):
            for part in SPELLABLE.finditer(word):
                yield part.group(), start + part.start()


def spellable(word: str) -> bool:
    """False for single letters, acronyms in capitals and CamelCase or iPhone-style names."""
    if len(word) < 2 or word.isupper():
        return False
    return not any(c.isupper() for c in word[1:])  # CamelCase and iPhone-style names are identifiers


def article_lang(frontmatter_lang: object, configured: str | None) -> str:
    """The language root ("fr" for "fr-CA"): frontmatter `lang`, else the folder's, else English."""
    lang = frontmatter_lang if isinstance(frontmatter_lang, str) and frontmatter_lang.strip() else configured
    return re.split(r"[-_]", (lang or "en").strip().lower())[0] or "en"
