"""textstat's Flesch scores, with each text counted once and each word's syllables once a process.

textstat's formulas count a text again for each score, list the words of every sentence through
three caches and two substitutions, and count each word's syllables at each occurrence: on a
help center that was half of hard-to-read's time. This module takes textstat's counts of a text
once, in the ways textstat takes them, and applies its formulas with its constants for the
language. tests/test_flesch.py checks that the scores, the sentence count and each word's
syllables equal textstat's own to the last bit, as tests/test_hashing.py does for
hclint/hashing.py and scikit-learn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from hclint.memo import once
from hclint.rules.readability.syllables import (
    SyllablesUnavailable,
    check_cmudict,
    textstat_metrics,
)

# textstat's count_sentences: the pieces its expression finds, less those of two words or fewer.
SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
# A piece with more than two words as count_words counts them: runs of non-space characters
# that hold a word character (it strips punctuation, then splits on white space; an apostrophe it
# keeps comes before letters). Each word is matched from its run's start, so the search finds
# three exactly when count_words would, and stops there rather than listing every word. Within a
# word the quantifiers are possessive: a search that fails would otherwise give back a long run a
# character at a time and scan the rest of the piece again each time.
MORE_THAN_TWO_WORDS = re.compile(r"(?:(?<!\S)[^\s\w]*+\w\S*+[\s\S]*?){3}")


@dataclass(frozen=True)
class Scores:
    reading_ease: float
    grade: float | None  # Flesch-Kincaid is an English formula: None for other languages


class ReadabilityUnavailable(Exception):
    """The article's language or the machine lacks what textstat needs; the message says which."""


def score(text: str, lang: str) -> Scores:
    """textstat's Flesch scores in the language's own variant (Kandel-Moles for French, Amstad for
    German, Fernandez-Huerta for Spanish, ...)."""
    _check_supported(lang)
    found = counts(text, lang)
    return Scores(reading_ease(found, lang), _grade(found) if lang == "en" else None)


class Counts(NamedTuple):
    words: int
    sentences: int
    syllables: int


def counts(text: str, lang: str) -> Counts:
    """textstat's count_words, count_sentences and count_syllables of text, each distinct word's
    syllables counted once a process (see _Syllables)."""
    # The words as count_words lists them, not lower-cased: count_syllables lower-cases after it
    # strips punctuation, and a lower-cased "İ" gains a combining dot it would strip.
    words = _list_words()(text)
    return Counts(len(words), count_sentences(text), sum(map(_syllables(lang).__getitem__, words)))


def count_sentences(text: str) -> int:
    """textstat's count_sentences, without listing the words of every piece through three caches
    and two substitutions."""
    if not text:
        return 0
    pieces = SENTENCE_PIECE.findall(text)
    short = sum(1 for piece in pieces if MORE_THAN_TWO_WORDS.search(piece) is None)
    return max(1, len(pieces) - short)


def reading_ease(found: Counts, lang: str) -> float:
    """textstat's flesch_reading_ease from the counts."""
    base, per_sentence_weight, per_word_weight = _ease_constants(lang)
    per_sentence, per_word = _ratios(found)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return base - per_sentence_weight * per_sentence - per_word_weight * per_word


def _grade(found: Counts) -> float:
    """textstat's flesch_kincaid_grade from the counts."""
    per_sentence, per_word = _ratios(found)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59


def _ratios(found: Counts) -> tuple[float, float]:
    # textstat's words_per_sentence and syllables_per_word: 0.0 where they would divide by zero.
    per_sentence = found.words / found.sentences if found.sentences else 0.0
    per_word = found.syllables / found.words if found.words else 0.0
    return per_sentence, per_word


@once("textstat's word splitter, imported once")
def _list_words() -> Callable[[str], list[str]]:
    """textstat's list_words, imported once hclint's CMUdict loader is in place."""
    textstat_metrics()
    from textstat.backend.selections import list_words

    return list_words


@once("textstat's constants for each language")
def _ease_constants(lang: str) -> tuple[float, float, float]:
    textstat_metrics()
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    return tuple(get_lang_cfg(lang, key) for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word"))  # type: ignore[return-value]


class _Syllables(dict[str, int]):
    """Each word's syllables, counted on its first lookup as textstat's count_syllables counts the
    word: the vowels of its first CMUdict pronunciation, else pyphen's hyphenation points plus one.

    The word comes from list_words, so count_syllables would only lower-case it; calling it went
    through its caches and substitutions again, 14 microseconds for each new word, a second of a
    cold check on a help center of many product names. tests/test_flesch.py compares the two
    on CMUdict's words and on words it lacks.
    """

    def __init__(self, lang: str) -> None:
        super().__init__()
        textstat_metrics()
        from textstat.backend.utils._get_cmudict import (
            get_cmudict,  # hclint's loader, or NLTK's
        )
        from textstat.backend.utils._get_pyphen import get_pyphen

        self.pronunciations = get_cmudict(lang)
        self.hyphenator = get_pyphen(lang)

    def __missing__(self, word: str) -> int:
        lowered = word.lower()
        found = _vowels(self.pronunciations, lowered)
        self[word] = found = len(self.hyphenator.positions(lowered)) + 1 if found is None else found
        return found


def _vowels(pronunciations: Mapping[str, list[list[str]]] | None, word: str) -> int | None:
    """The vowels of the word's first pronunciation; None where textstat falls back to pyphen: no
    dictionary (another language), a word it lacks, or phones not as it expects them."""
    if pronunciations is None or word not in pronunciations:
        return None
    try:
        return sum(1 for phone in pronunciations[word][0] if phone[-1].isdigit())
    except IndexError:
        return None


@once("one syllable counter for each language, with its own memo of words")
def _syllables(lang: str) -> _Syllables:
    return _Syllables(lang)


@once("whether textstat and pyphen know a language")
def _check_supported(lang: str) -> None:
    import pyphen

    textstat_metrics()
    from textstat.backend.utils.constants import LANG_CONFIGS

    formulas = sorted(code for code, config in LANG_CONFIGS.items() if "fre_base" in config)
    if lang not in formulas or pyphen.language_fallback(lang) is None:
        raise ReadabilityUnavailable(f"textstat has no Flesch formula for language {lang!r} (it has {', '.join(formulas)})")
    if lang == "en":
        try:
            check_cmudict()
        except SyllablesUnavailable as error:
            raise ReadabilityUnavailable(str(error)) from None
