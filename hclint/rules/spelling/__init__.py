"""misspelling: words of the prose that neither the language's dictionary nor the project knows."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from hclint.article import Article
from hclint.article.prose import Located, article_lang, spellable, word_spans
from hclint.findings import Finding, Problem, Severity
from hclint.memo import bounded, once
from hclint.rule import Context, Example, Option, Options, Rule
from hclint.rules.spelling.words import builtin_words

NAME = "misspelling"
WORDLIST = ".wordlist.txt"  # at the content root: the project dictionary, one word a line
# One string for every finding: pickled once per article for the cache, not once per finding.
HINT = f"if it is right, add it to {WORDLIST} at the content root, or to `spelling` in the frontmatter"
SUGGESTIONS = 3
# Suggestions are the dictionary words one edit away (a letter added, dropped, changed or two
# swapped): most typos. Two edits away costs 0.2 to 2 seconds a word in pyspellchecker, which on
# a large help center's thousands of product terms would cost minutes.
MESSAGE = 'unknown word "{word}"'
MESSAGE_WORD = re.compile(r'^unknown word "([^"]+)"')
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
ELISION = 2  # French and Italian "l'", "d'", "qu'": parts this short count as known
MIN_STEM = 3
PLURAL_ONLY = (("s", ""),)
INFLECTIONS = {
    "en": (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")),
    "fr": (("s", ""), ("x", ""), ("e", ""), ("es", "")),
}


class WordlistError(Exception):
    pass


# ---- dictionaries, each loaded once per process -----------------------------------------------


@once("the languages pyspellchecker ships")
def languages() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker.languages())


@once("one dictionary for each language, loaded once (the largest is 40 MB)")
def _checker(lang: str):  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker

    return SpellChecker(language=lang, distance=1)


@once("the word frequencies of each language's dictionary")
def _dictionary(lang: str) -> Mapping[str, int]:
    """Lower-case word -> frequency: a plain dict, so a check is one hash lookup."""
    return _checker(lang).word_frequency.dictionary


@bounded(16, "the project's wordlist, read once per version of the file")
def _project_words(wordlist: Path, stamp: tuple[int, int] | None, configured: tuple[str, ...]) -> frozenset[str]:
    # stamp (modification time, size) makes a long-lived process (mkdocs serve) see an edited list.
    words = set(_lower(word) for word in configured)
    if stamp is not None:
        try:
            text = wordlist.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise WordlistError(f"cannot read {wordlist.name}: {error}") from None
        words.update(_lower(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(words)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _lower(word: str) -> str:
    return word.translate(APOSTROPHES).lower()


@bounded(65536, "a help center misspells the same words again and again")
def suggestions(lang: str, word: str) -> tuple[str, ...]:
    """Up to three dictionary words close to word, most frequent first."""
    frequency = _dictionary(lang)
    # A plain membership test: pyspellchecker's known() re-encodes every candidate, five times slower.
    candidates = [c for c in _checker(lang).edit_distance_1(word) if c in frequency]
    return tuple(sorted(candidates, key=lambda c: (-frequency.get(c, 0), c))[:SUGGESTIONS])


# ---- what the project knows --------------------------------------------------------------------


def terminology_words(rule_options: Mapping[str, Options]) -> frozenset[str]:
    """Words of the terminology table (both the terms to avoid and those to use): the
    terminology rule reports the first, and the second are right by definition."""
    terminology = rule_options.get("terminology", {})
    # Worked out once per table, not per article, as the terminology rule builds its expressions.
    tables = (terminology.get("terms", {}), terminology.get("case_sensitive_terms", {}))
    return _table_words(tuple(pair for table in tables for pair in sorted(dict(table).items())))


@bounded(16, "the words of each terminology table")
def _table_words(pairs: tuple[tuple[str, str], ...]) -> frozenset[str]:
    words: set[str] = set()
    for avoid, prefer in pairs:
        words.update(_lower(w) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", f"{avoid} {prefer}"))
    return frozenset(words)


def _frontmatter_words(article: Article) -> tuple[frozenset[str], Problem | None]:
    value = article.frontmatter.get("spelling", [])
    if isinstance(value, list) and all(isinstance(word, str) for word in value):
        return frozenset(_lower(word) for word in value), None
    problem = Problem(article.line_of("spelling"), 1, "`spelling` must be a list of words, such as [Contoso, Fabrikam]")
    return frozenset(), problem


Sources = tuple[Mapping[str, Any] | frozenset[str], ...]


def known(word: str, lang: str, sources: Sources) -> bool:
    lower = _lower(word)
    if _listed(lower, sources) or any(_listed(stem, sources) for stem in _stems(lower, lang)):
        return True
    if "'" in lower:  # "customer's", "l'article", "qu'il": each part on its own
        parts = [p for p in lower.split("'") if len(p) > ELISION and p != "s"]
        return all(known(part, lang, sources) for part in parts)
    return False


def _listed(word: str, sources: Sources) -> bool:
    return any(word in source for source in sources)


def _stems(word: str, lang: str) -> Iterator[str]:
    """The dictionaries list few inflected forms ("suppressions", "configured"): the word with a
    regular ending taken off may be listed instead."""
    for ending, replacement in INFLECTIONS.get(lang, PLURAL_ONLY):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            yield word[: -len(ending)] + replacement


# ---- the rule ----------------------------------------------------------------------------------


def check(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    lang = article_lang(article.frontmatter.get("lang"), context.lang)
    if lang not in languages():
        line = article.blocks[0].line if article.blocks else 1
        supported = ", ".join(sorted(languages()))
        yield Problem(line, 1, f"spelling not checked: no dictionary for language {lang!r} (there are: {supported})", severity=Severity.INFO)
        return
    extra, problem = _frontmatter_words(article)
    if problem:
        yield problem
    try:
        project = _project_words(context.content / WORDLIST, _stamp(context.content / WORDLIST), tuple(options["words"]))
    except WordlistError as error:
        yield Problem(1, 1, str(error), severity=Severity.INFO)
        project = frozenset(options["words"])
    terms = terminology_words(context.rule_options)
    unknown = _unknown_words(lang, project, terms)
    sources = (*unknown.sources, extra)
    for block in article.blocks:
        prose = article.prose(block)
        chunks = prose.text.split()
        if not any(map(unknown.__getitem__, chunks)):
            continue  # the words of most blocks: each chunk looked up once a process
        offset = 0
        for chunk in [chunk for chunk in chunks if unknown[chunk]]:
            offset = _whole_chunk(prose.text, chunk, offset)
            # The article's own words may know some of the chunk's unknown words.
            found = tuple(misspelled(chunk, lang, sources)) if extra else unknown[chunk]
            for word, start in found:
                start += offset
                yield _problem(prose.located(start, start + len(word)), lang)
            offset += len(chunk)


def _whole_chunk(text: str, chunk: str, start: int) -> int:
    """Where chunk, one of text.split(), next stands whole in text from start (not inside a
    longer chunk): the chunks are taken in order, so this is where the one being read is."""
    found = text.find(chunk, start)
    while found >= 0 and not _between_spaces(text, found, found + len(chunk)):
        found = text.find(chunk, found + 1)
    return found


def _between_spaces(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


def misspelled(text: str, lang: str, sources: Sources) -> Iterator[tuple[str, int]]:
    """(word, offset) of each word of text that no source knows; of a compound ("sign-in"), each
    spellable part no source knows, at its own offset."""
    dictionary = sources[0]
    for word, start in word_spans(text):
        if word.lower() in dictionary or known(word, lang, sources):  # the first test decides most words
            continue
        offset = start
        for part in word.split("-"):
            if spellable(part) and not known(part, lang, sources):
                yield part, offset
            offset += len(part) + 1


class _UnknownWords(dict[str, tuple[tuple[str, int], ...]]):
    """The words of a chunk of text (a run without white space) that no source knows, with their
    offsets, worked out on the chunk's first lookup. Words are found within chunks, so a block
    whose chunks have none has nothing to report, and a help center repeats most of its chunks."""

    def __init__(self, lang: str, sources: Sources) -> None:
        super().__init__()
        self.lang = lang
        self.sources = sources

    def __missing__(self, chunk: str) -> tuple[tuple[str, int], ...]:
        found = self[chunk] = tuple(misspelled(chunk, self.lang, self.sources))
        return found


@bounded(8, "one memo of unknown words for each language and set of project words")
def _unknown_words(lang: str, project: frozenset[str], terms: frozenset[str]) -> _UnknownWords:
    """One memo per language and set of project and terminology words. An article's own
    `spelling` words only add known words: a chunk known without them is known with them, and
    the chunks the memo does not clear are checked again with them."""
    return _UnknownWords(lang, (_dictionary(lang), builtin_words(lang), project, terms))


def _problem(word: Located, lang: str) -> Problem:
    close = suggestions(lang, _lower(word.text))
    message = MESSAGE.format(word=word.text) + (f"; did you mean {', '.join(close)}?" if close else "")
    return Problem(word.line, word.column, message, word.line, word.column + len(word.text), HINT)


def word_of(message: str) -> str | None:
    """The word a misspelling message is about: `hclint check --list-unknown-words` counts them."""
    match = MESSAGE_WORD.match(message)
    return match.group(1) if match else None


def _prepare(context: Context) -> None:
    if context.lang in languages():
        _dictionary(context.lang)


MISSPELLING = Rule(
    name=NAME,
    summary="A word that the dictionary and the project do not know.",
    severity=Severity.WARNING,
    kind="article",
    check=check,
    what=(
        "The rule checks the spelling of the prose with the pyspellchecker library.\n"
        "It uses the dictionary of the article's language.\n"
        "The language comes from the `lang` field of the frontmatter, then from the folder's `lang`, and then English.\n"
        "Dictionaries exist for English, French, German, Spanish, Italian, Dutch, Portuguese, Russian, Arabic, Basque, Latvian and Persian.\n"
        "\n"
        "It checks headings, paragraphs, lists and tables.\n"
        "UI labels in **bold** are prose, so they are checked too.\n"
        "It never checks:\n"
        "\n"
        "- code spans and code blocks,\n"
        "- web addresses and email addresses,\n"
        "- file names and paths, such as `docs/setup.md` or `.png`,\n"
        "- words with digits or underscores, such as `utf8` or `max_words`,\n"
        "- names in CamelCase, such as `GitHub` or `iPhone`,\n"
        "- acronyms in capitals, such as `PDF`.\n"
        "\n"
        "Each unknown word is reported at its line and column.\n"
        "The message offers up to three dictionary words that are one letter away.\n"
        "\n"
        "A word counts as known when one of these lists has it:\n"
        "\n"
        "- the dictionary of the language,\n"
        "- a short list of everyday software words that the dictionaries lack, such as \"checkbox\" and \"workflow\",\n"
        "- your project dictionary, `.wordlist.txt` at the content root,\n"
        "- the `words` option of the rule,\n"
        "- the `spelling` field of the article's frontmatter,\n"
        "- your [terminology table](terminology.md), both the terms to avoid and the terms to use.\n"
        "\n"
        "Plurals and other regular forms of a known word are known too.\n"
        "If \"workflow\" is known, so are \"workflows\" and \"workflowed\".\n"
        "\n"
        "To build your project dictionary, see [Build a project dictionary](../spelling-dictionary.md)."
    ),
    why=(
        "A typo makes a careful article look careless.\n"
        "Readers who search for the right spelling do not find the page.\n"
        "\n"
        "AI assistants that answer customers from the help center may repeat the typo.\n"
        "They may also fail to match the misspelled passage to the question it answers."
    ),
    example=Example(
        failing="# Reset your password\n\nOpen **Setings** and select **Reset password**.\n",
        fixed="# Reset your password\n\nOpen **Settings** and select **Reset password**.\n",
    ),
    options=(Option("words", (), "more words to accept, in any case."),),
    options_notes=(
        "Set it for the whole help center, or for one folder in an override:\n"
        "\n"
        "```toml\n"
        "[[tool.hclint.overrides]]\n"
        "paths = [\"developers/**\"]\n"
        "rules = { misspelling = { words = [\"webhook\", \"Kubernetes\"] } }\n"
        "```\n"
        "\n"
        "For one article, list the words in its frontmatter:\n"
        "\n"
        "```yaml\n"
        "spelling: [Contoso, Fabrikam]\n"
        "```"
    ),
    reads=(WORDLIST,),
    prepare=_prepare,
    suppress=(
        "For one line, put `<!-- hclint-disable-next-line misspelling -->` on the line before it.\n"
        "For a passage, wrap it in `<!-- hclint-disable misspelling -->` and `<!-- hclint-enable -->`.\n"
        "For a folder or the whole help center, set `\"misspelling\" = \"off\"` under `[tool.hclint.rules]` or in an override.\n"
        "Adding the word to your project dictionary is usually better than a suppression."
    ),
    description="The misspelling rule reports words that neither the dictionary of the article's language nor your project dictionary knows.",
    tags=("spelling",),
    reviewed=date(2026, 12, 3),
)

RULES = (MISSPELLING,)


def unknown_words(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """The misspelling findings' words with their counts, most frequent first. Spellings that
    differ only in case count as one word, shown as most often written."""
    forms: dict[str, Counter[str]] = {}
    for finding in findings:
        word = word_of(finding.message) if finding.rule == NAME else None
        if word:
            forms.setdefault(_lower(word), Counter())[word] += 1
    totals = [(counter.most_common(1)[0][0], sum(counter.values())) for counter in forms.values()]
    return sorted(totals, key=lambda item: (-item[1], item[0].lower()))
