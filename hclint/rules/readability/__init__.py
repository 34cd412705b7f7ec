"""Readability: hard-to-read (textstat's Flesch scores), long-sentence and long-paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from hclint.article import Article
from hclint.article.markdown import Block
from hclint.article.prose import (
    HARD_BREAK,
    WORD,
    Sentence,
    article_lang,
    most_sentences,
)
from hclint.findings import Problem, Severity
from hclint.rule import Context, Example, Option, Options, Rule
from hclint.rules.readability.flesch import (
    ReadabilityUnavailable,
    Scores,
    counts,
    reading_ease,
    score,
)

# Headings, table cells and definition terms are fragments, not running text: scoring them would
# reward choppy writing, so the scores read paragraphs and list items only.
SCORED = frozenset({"paragraph"})
SENTENCE_KINDS = frozenset({"paragraph", "td"})
TERMINAL = ".!?…"
TERMINAL_SET = frozenset(TERMINAL)
CLOSING = "\"'”’»)]"
HARDEST = 3
HARDEST_MIN_WORDS = 5  # a one-word list item "Configuration." scores as the hardest sentence of all
EXCERPT_WORDS = 8
TARGET_KEYS = ("min_reading_ease", "max_grade")


@dataclass(frozen=True)
class Targets:
    min_reading_ease: float
    max_grade: float


@dataclass(frozen=True)
class AudiencesOption(Option):
    """Per-audience targets: `{internal = {min_reading_ease = 30, max_grade = 14}}`."""

    def validate(self, value: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError("expected a table of audiences, such as {internal = {max_grade = 14}}")
        return {str(audience): _targets_table(audience, targets) for audience, targets in value.items()}


def _targets_table(audience: str, targets: Any) -> dict[str, float]:
    valid = (
        isinstance(targets, dict)
        and targets
        and all(key in TARGET_KEYS for key in targets)
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in targets.values())
    )
    if not valid:
        raise ValueError(f"{audience}: expected a table with min_reading_ease and/or max_grade numbers")
    return {key: float(number) for key, number in targets.items()}


def _full_stop_at_end(text: str) -> bool:
    return text.rstrip().rstrip(CLOSING)[-1:] in TERMINAL_SET


def scored_block(text: str) -> str:
    """A block's prose (or one sentence) as textstat reads it: each line that a hard break ends,
    and the block, ends with a full stop, so textstat counts list items and lines ending with a
    colon as the sentences they are. The block is not split into sentences: the scores read only
    words, syllables and full stops, and every other sentence ends with one already."""
    if HARD_BREAK in text:
        return HARD_BREAK.join(map(scored_block, text.split(HARD_BREAK)))
    return text if _full_stop_at_end(text) or not WORD.search(text) else text.rstrip() + "."


# ---- hard-to-read -------------------------------------------------------------------------------


def hard_to_read(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    scored = [block for block in article.blocks if block.kind in SCORED]
    words = sum(map(article.word_count, scored))
    if not words or words < options["min_words"]:
        return
    lang = article_lang(article.frontmatter.get("lang"), context.lang)
    try:
        scores = score(" ".join(scored_block(article.prose(block).text) for block in scored), lang)
    except ReadabilityUnavailable as error:
        yield Problem(_sentences(article, scored)[0].line, 1, f"readability not checked: {error}", severity=Severity.INFO)
        return
    failures = _failures(scores, targets_for(article.frontmatter.get("audience"), options))
    if failures:
        chosen = _sentences(article, scored)
        message = "; ".join(failures) + ". Start with " + _hardest(chosen, lang)
        yield Problem(chosen[0].line, 1, message, hint="split long sentences and prefer short, common words")


def _sentences(article: Article, blocks: list[Block]) -> list[Sentence]:
    return [sentence for block in blocks for sentence in article.sentences(block)]


def targets_for(audience: Any, options: Options) -> Targets:
    """The global or folder targets, made stricter or looser by the article's audience."""
    audiences = [audience] if isinstance(audience, str) else audience if isinstance(audience, list) else []
    tables = [options["audiences"][a] for a in audiences if isinstance(a, str) and a in options["audiences"]]
    if not tables:
        return Targets(options["min_reading_ease"], options["max_grade"])
    eases = [t["min_reading_ease"] for t in tables if "min_reading_ease" in t]
    grades = [t["max_grade"] for t in tables if "max_grade" in t]
    # An article for several audiences must suit the most demanding of them.
    return Targets(max(eases, default=options["min_reading_ease"]), min(grades, default=options["max_grade"]))


def _failures(scores: Scores, targets: Targets) -> list[str]:
    failures = []
    if scores.reading_ease < targets.min_reading_ease:
        failures.append(f"Flesch reading ease is {scores.reading_ease:.0f}, below the target of {targets.min_reading_ease:g}")
    if scores.grade is not None and scores.grade > targets.max_grade:
        failures.append(f"Flesch-Kincaid grade is {scores.grade:.1f}, above the target of {targets.max_grade:g}")
    return failures


def _hardest(chosen: list[Sentence], lang: str) -> str:
    candidates = [s for s in chosen if s.words >= HARDEST_MIN_WORDS] or chosen
    ranked = sorted(candidates, key=lambda s: reading_ease(counts(scored_block(s.text), lang), lang))[:HARDEST]
    return "the hardest sentences: " + "; ".join(f"line {s.line} ({_excerpt(s)})" for s in ranked)


def _excerpt(sentence: Sentence) -> str:
    words = sentence.text.split()
    return '"' + " ".join(words[:EXCERPT_WORDS]) + (" ..." if len(words) > EXCERPT_WORDS else "") + '"'


# ---- long-sentence and long-paragraph ---------------------------------------------------------


def long_sentence(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    limit = options["max_words"]
    for block in article.blocks:
        if block.kind in SENTENCE_KINDS and article.word_count(block) > limit:  # no sentence of a shorter block is over
            for sentence in article.sentences(block):
                if sentence.words > limit:
                    message = f"sentence of {sentence.words} words (limit {limit}): {_excerpt(sentence)}"
                    yield Problem(sentence.line, sentence.column, message, hint="split it: one idea a sentence")


def long_paragraph(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    limit = options["max_sentences"]
    for block in article.blocks:
        if block.kind == "paragraph" and most_sentences(article.prose(block)) > limit:
            # Lines without a full stop, split by hard breaks, are a list of links or labels set as
            # lines, not sentences that make a paragraph long.
            found = [s for s in article.sentences(block) if _full_stop_at_end(s.text)]
            if len(found) > limit:
                first = found[0]
                message = f"paragraph of {len(found)} sentences (limit {limit})"
                yield Problem(first.line, first.column, message, hint="split it where the topic turns, or make a list")


# ---- the rules ----------------------------------------------------------------------------------

_DENSE = (
    "---\ntitle: Refunds\n---\n\n"
    "Notwithstanding the aforementioned considerations, reimbursement eligibility determinations "
    "necessitate comprehensive verification of transactional documentation, including "
    "authorization identifiers and corresponding institutional acknowledgements, prior to "
    "initiation of compensatory disbursement procedures by organizational representatives.\n"
)
_PLAIN = (
    "---\ntitle: Refunds\n---\n\n"
    "We check your order before we pay you back. Send us the order number and the receipt. "
    "We pay the money back to your card within five days. If you do not have the receipt, "
    "ask your bank for a copy. Then write to us and we will help you.\n"
)

def _prepare(context: Context) -> None:
    try:
        score("A short text loads the syllable dictionary once.", context.lang)
    except ReadabilityUnavailable:
        pass  # hard_to_read reports it, article by article


HARD_TO_READ = Rule(
    name="hard-to-read",
    summary="The article's prose scores as hard to read.",
    severity=Severity.WARNING,
    kind="article",
    check=hard_to_read,
    what=(
        "The rule scores the running text of an article with two formulas from the textstat library.\n"
        "\n"
        "- **Flesch reading ease** goes from 0 to 100. Higher is easier. The default target is at least 50.\n"
        "- **Flesch-Kincaid grade** is the school grade a reader needs. The default target is at most 10.\n"
        "\n"
        "Only paragraphs and list items count.\n"
        "Code, tables, headings, links to web addresses and the frontmatter are left out.\n"
        "An article with fewer than 100 words of running text is not scored, because a score of a few lines means little.\n"
        "\n"
        "When a score misses its target, the finding gives the score and the target.\n"
        "It also names the three hardest sentences with their lines, so you know where to start.\n"
        "\n"
        "## Languages\n"
        "\n"
        "The rule reads the language from the `lang` field of the frontmatter.\n"
        "When there is none, it uses the `lang` of the folder in your configuration, and then English.\n"
        "\n"
        "Each language gets its own version of the reading ease formula.\n"
        "French, German, Spanish, Italian, Dutch, Russian and Hungarian have one.\n"
        "The grade formula was made for English, so other languages are held to the reading ease only.\n"
        "\n"
        "For a language with no formula, the rule reports an info finding that says so.\n"
        "It never skips an article without telling you.\n"
        "To stop these findings, turn the rule off for that folder."
    ),
    why=(
        "Readers come to a help center in the middle of a task.\n"
        "They are often under stress, and often read in their second language.\n"
        "Long sentences and long words make them give up and open a ticket.\n"
        "\n"
        "AI assistants that answer customers from the help center also work better with plain text.\n"
        "A short sentence holds one fact.\n"
        "An assistant can quote that fact without the conditions that belong to another case."
    ),
    example=Example(
        failing=_DENSE,
        fixed=_PLAIN,
        options={"min_words": 20},
        intro="With `min_words = 20`, this article breaks the rule:",
    ),
    options=(
        Option("min_reading_ease", 50.0, "the lowest reading ease you accept."),
        Option("max_grade", 10.0, "the highest grade you accept. English only."),
        AudiencesOption("audiences", {}, "targets for each value of the frontmatter `audience` field."),
        Option("min_words", 100, "articles with fewer words of running text are not scored."),
    ),
    options_notes=(
        "Set the targets for the whole help center, and change them for one folder:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.hard-to-read]\n"
        "min_reading_ease = 60\n"
        "max_grade = 8\n"
        "\n"
        "[[tool.hclint.overrides]]\n"
        "paths = [\"developers/**\"]\n"
        "rules = { hard-to-read = { max_grade = 12 } }\n"
        "```\n"
        "\n"
        "Give each audience its own targets:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.hard-to-read]\n"
        "audiences = { internal = { min_reading_ease = 30, max_grade = 14 }, public = { max_grade = 8 } }\n"
        "```\n"
        "\n"
        "An article for `audience: internal` then gets the looser targets.\n"
        "An article for several audiences must meet the strictest target of them.\n"
        "\n"
        "## Works offline\n"
        "\n"
        "For English, textstat counts syllables with the CMU Pronouncing Dictionary.\n"
        "The dictionary ships inside hclint, and hclint hands it to textstat itself.\n"
        "Nothing is downloaded or written at run time, so the rule works on a machine without network access.\n"
        "If the dictionary is missing from the installed package, the rule says so in a finding."
    ),
    prepare=_prepare,
    suppress=(
        "For one article, add `hclint: {disable: [hard-to-read]}` to its frontmatter.\n"
        "For a folder or the whole help center, set `\"hard-to-read\" = \"off\"` under `[tool.hclint.rules]` or in an override.\n"
        "See [Suppressing findings](../suppressing-findings.md)."
    ),
    description="The hard-to-read rule scores the prose of an article with the Flesch formulas and names the sentences to fix first.",
    tags=("readability",),
    reviewed=date(2026, 12, 3),
)

_LONG = (
    "---\ntitle: Export invoices\n---\n\n"
    "To export the invoices of a customer you open the customer's page, select the invoices you want "
    "in the list, choose the format that your accounting software can read and then select Export, "
    "after which the file is saved in your downloads folder.\n"
)
_SHORT = (
    "---\ntitle: Export invoices\n---\n\n"
    "To export the invoices of a customer, open the customer's page. Select the invoices you want. "
    "Choose a format that your accounting software can read, and select Export. The file is saved "
    "in your downloads folder.\n"
)

LONG_SENTENCE = Rule(
    name="long-sentence",
    summary="A sentence has too many words.",
    severity=Severity.WARNING,
    kind="article",
    check=long_sentence,
    what=(
        "The rule counts the words of each sentence in paragraphs, list items and table cells.\n"
        "It reports each sentence with more than `max_words` words, at the line and column where it starts.\n"
        "The message shows the first words of the sentence.\n"
        "\n"
        "Code spans do not count as words.\n"
        "A sentence ends at a full stop, a question mark or an exclamation mark.\n"
        "Common abbreviations such as \"e.g.\" and \"etc.\" do not end a sentence.\n"
        "Each list item and table cell ends a sentence too."
    ),
    why=(
        "A long sentence makes the reader hold every part in mind until the end.\n"
        "Steps hidden in a long sentence get skipped.\n"
        "\n"
        "AI assistants that answer customers from the help center split text into passages.\n"
        "A sentence with several facts is more often quoted with only half of them."
    ),
    example=Example(failing=_LONG, fixed=_SHORT),
    options=(Option("max_words", 30, "the most words a sentence may have."),),
    options_notes="```toml\n[tool.hclint.rules.long-sentence]\nmax_words = 25\n```",
    suppress=(
        "For one sentence, put `<!-- hclint-disable-next-line long-sentence -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [long-sentence]}` to its frontmatter.\n"
        "For a folder or the whole help center, set `\"long-sentence\" = \"off\"` under `[tool.hclint.rules]` or in an override."
    ),
    description="The long-sentence rule reports sentences with more words than your limit, at the line where they start.",
    tags=("readability",),
    reviewed=date(2026, 12, 3),
)

_WALL = (
    "---\ntitle: Invite your team\n---\n\n"
    "Open Settings. Select Team. Select Invite. Type the e-mail address of each person. "
    "Choose a role for each person. Select Send. Each person gets an invitation. "
    "The invitation expires after seven days.\n"
)
_SPLIT = (
    "---\ntitle: Invite your team\n---\n\n"
    "1. Open Settings and select Team.\n"
    "2. Select Invite and type the e-mail address of each person.\n"
    "3. Choose a role for each person, and select Send.\n\n"
    "Each person gets an invitation. The invitation expires after seven days.\n"
)

LONG_PARAGRAPH = Rule(
    name="long-paragraph",
    summary="A paragraph has too many sentences.",
    severity=Severity.WARNING,
    kind="article",
    check=long_paragraph,
    what=(
        "The rule counts the sentences of each paragraph and list item.\n"
        "It reports each one with more than `max_sentences` sentences, at its first line.\n"
        "Sentences are counted the same way as for [long-sentence](long-sentence.md)."
    ),
    why=(
        "A wall of text hides the step the reader is looking for.\n"
        "On a phone, one long paragraph fills the screen.\n"
        "Steps read best as a numbered list.\n"
        "\n"
        "AI assistants that answer customers from the help center work from passages of a few sentences.\n"
        "A paragraph that mixes topics is found for the wrong question."
    ),
    example=Example(failing=_WALL, fixed=_SPLIT, fixed_intro="Fixed, with the steps as a list:"),
    options=(Option("max_sentences", 6, "the most sentences a paragraph may have."),),
    options_notes="```toml\n[tool.hclint.rules.long-paragraph]\nmax_sentences = 5\n```",
    suppress=(
        "For one paragraph, put `<!-- hclint-disable-next-line long-paragraph -->` on the line before it.\n"
        "For a whole article, add `hclint: {disable: [long-paragraph]}` to its frontmatter.\n"
        "For a folder or the whole help center, set `\"long-paragraph\" = \"off\"` under `[tool.hclint.rules]` or in an override."
    ),
    description="The long-paragraph rule reports paragraphs and list items with more sentences than your limit.",
    tags=("readability",),
    reviewed=date(2026, 12, 3),
)

RULES = (HARD_TO_READ, LONG_SENTENCE, LONG_PARAGRAPH)
