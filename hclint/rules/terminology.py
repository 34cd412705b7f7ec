"""terminology: the help center's preferred words, checked in prose and fixable with --fix."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from hclint.article import Article
from hclint.findings import Fix, Problem, Severity
from hclint.memo import bounded
from hclint.rule import Context, Example, Option, Options, Related, Rule

# Conservative on purpose: only spellings that style guides agree are wrong in every context.
DEFAULT_TERMS = {"e-mail": "email", "web site": "website", "on-line": "online"}
DEFAULT_CASE_SENSITIVE_TERMS = {
    "Github": "GitHub",
    "Gitlab": "GitLab",
    "Javascript": "JavaScript",
    "Powershell": "PowerShell",
    "Wordpress": "WordPress",
    "Youtube": "YouTube",
}
# A term inside a longer word, a hyphenated compound, a file name, a domain or an e-mail address
# is not the term: "e-mail" in "e-mail-templates.md" or "Github" in "Github.io" stay as they are.
BEFORE = r"(?<![\w@/\\.-])"
AFTER = r"(?![\w-]|[./@\\]\w)"


@dataclass(frozen=True)
class TermsOption(Option):
    """A table of terms: both sides must hold a word, or the pattern would match everywhere."""

    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        for avoid, prefer in value.items():
            if not re.search(r"\w", avoid) or not prefer.strip():
                raise ValueError(f"{avoid!r} = {prefer!r}: both the term and its replacement need a word")
            if _normalize(avoid, True) != _normalize(prefer, True) and _matcher(((avoid, prefer),), True).pattern.search(prefer):
                # "sign-on" = "single sign-on" would grow by a word on every --fix.
                raise ValueError(f"{avoid!r} = {prefer!r}: the replacement contains the term itself")
        return value


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str] | None
    table: Mapping[str, str]  # normalized term -> preferred term
    ignore_case: bool

    def may_match(self, text: str) -> bool:
        """Whether the pattern finds a term in text, with a substring test first: every match
        holds the first word of a term. str.lower() folds case as the expression does only on
        ASCII text ("ſ" matches "s" in the expression), so other text goes to the expression."""
        if self.pattern is None:
            return False
        if not (self.ignore_case and not text.isascii()):
            haystack = text.lower() if self.ignore_case else text
            if not any(word in haystack for word in self._first_words):
                return False
        return self.pattern.search(text) is not None

    @cached_property
    def _first_words(self) -> tuple[str, ...]:
        return tuple({term.split()[0] for term in self.table})

    def replacement(self, found: str) -> str | None:
        # None only where the regular expression's case folding and str.lower() disagree.
        preferred = self.table.get(_normalize(found, self.ignore_case))
        if preferred is None or not self.ignore_case:
            return preferred
        return _match_case(found, preferred)


def _normalize(term: str, ignore_case: bool) -> str:
    term = " ".join(term.split())
    return term.lower() if ignore_case else term


@bounded(64, "one matcher for each table of terms, shared by the folders that configure it")
def _matcher(terms: tuple[tuple[str, str], ...], ignore_case: bool) -> Matcher:
    table = {_normalize(avoid, ignore_case): prefer for avoid, prefer in terms}
    if not table:
        return Matcher(None, table, ignore_case)
    # Longest first, so "e-mail address" wins over "e-mail"; words of a phrase may be spread
    # over several spaces.
    alternatives = sorted(table, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, term.split())) for term in alternatives)
    flags = re.IGNORECASE if ignore_case else 0
    return Matcher(re.compile(f"{BEFORE}(?:{body}){AFTER}", flags), table, ignore_case)


def _match_case(found: str, preferred: str) -> str:
    """Keep the writer's capitals where the preferred term has none of its own."""
    if any(c.isupper() for c in preferred):
        return preferred  # a product name's capitals are the point of the entry
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return preferred.upper()
    if found[:1].isupper():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def _matchers(options: Options) -> tuple[Matcher, Matcher]:
    return (
        _matcher(tuple(sorted(options["terms"].items())), True),
        _matcher(tuple(sorted(options["case_sensitive_terms"].items())), False),
    )


def check(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    matchers = [m for m in _matchers(options) if m.pattern is not None]
    everything = "\n".join(run.text for block in article.blocks for run in block.runs)
    # Most articles use no term to avoid: one test of the whole text settles them.
    if not any(matcher.may_match(everything) for matcher in matchers):
        return
    source_lines: list[str] | None = None
    for block in article.blocks:
        for run in block.runs:
            if run.strong and not options["check_bold"]:
                continue
            for start, found, preferred in _hits(run.text, matchers):
                if found == preferred:
                    continue
                if source_lines is None:
                    source_lines = article.physical_lines
                yield _problem(source_lines, run.line, run.column + start, found, preferred)


def _hits(text: str, matchers: list[Matcher]) -> list[tuple[int, str, str]]:
    """Matches of every table, left to right; where two overlap, the earlier (then longer) wins."""
    hits = sorted(
        ((m.start(), m.group(), matcher.replacement(m.group())) for matcher in matchers for m in matcher.pattern.finditer(text)),
        key=lambda hit: (hit[0], -len(hit[1])),
    )
    kept: list[tuple[int, str, str]] = []
    end = 0
    for hit in hits:
        if hit[2] is not None and hit[0] >= end:
            kept.append(hit)
            end = hit[0] + len(hit[1])
    return kept


def _problem(source_lines: list[str], line: int, column: int, found: str, preferred: str) -> Problem:
    message = f'use "{preferred}" instead of "{found}"'
    text = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if text[column - 1 : column - 1 + len(found)] != found:
        # The parser changed the text (an escape or an entity), so the column is not exact: report
        # it, but leave the edit to a person rather than risk changing the wrong characters.
        return Problem(line, column, message, hint="replace it by hand: the source text differs from what was read")
    fix = Fix(line, column, found, preferred)
    end = column + len(found)
    return Problem(line, column, message, line, end, "`hclint check --fix` replaces it", fix)


TERMINOLOGY = Rule(
    name="terminology",
    summary="A word or phrase that the help center spells another way.",
    severity=Severity.WARNING,
    kind="article",
    check=check,
    what=(
        "The rule looks for the terms in your terminology table.\n"
        "It reports each one at its line and column, with the term to use instead.\n"
        "\n"
        "- Entries in `terms` match in any case.\n"
        "  The writer's capitals are kept: at the start of a sentence, `E-mail` becomes `Email`.\n"
        "  When the preferred term has capitals of its own, it is used as written.\n"
        "- Entries in `case_sensitive_terms` match only as written.\n"
        "  Use them for product names: `Github` is wrong, but `github` in a file name is not.\n"
        "- Only whole words in prose count.\n"
        "  Code, URLs, file names, email addresses and parts of longer words are never reported.\n"
        "  A hyphen counts as part of a word, so a term inside a hyphenated compound is left alone.\n"
        "- Text in **bold** is skipped, because help centers put the product's UI labels in bold.\n"
        "  A label must match the screen, even when the product spells it the old way.\n"
        "  Set `check_bold = true` to check bold text too.\n"
        "\n"
        "To write your own table, see [Build a terminology table](../terminology.md)."
    ),
    why=(
        "Readers who meet two spellings of one thing wonder whether they are two things.\n"
        "A search for one spelling misses the articles that use the other.\n"
        "A product name spelled wrong looks careless.\n"
        "\n"
        "AI assistants that answer customers from the help center repeat the words they find.\n"
        "Consistent terms give consistent answers.\n"
        "An assistant asked about email then finds every article about it."
    ),
    example=Example(
        failing="# Change your e-mail address\n\nE-mail changes take effect at once.\n",
        fixed="# Change your email address\n\nEmail changes take effect at once.\n",
        intro="This article uses an old spelling:",
        fixed_intro="Fixed, by hand or with `hclint check --fix`:",
        outro=(
            "## Fix it automatically\n"
            "\n"
            "`hclint check --fix` makes the replacements in place, and then reports what remains.\n"
            "\n"
            "```sh\n"
            "hclint check --fix\n"
            "```\n"
            "\n"
            "It changes only the reported words.\n"
            "Every other byte of the file stays as it was, including line endings and a byte order mark.\n"
            "It writes each file to a temporary file first and then renames it, so a file is never left half written.\n"
            "A finding that you suppressed is not fixed.\n"
            "Running it twice changes nothing the second time.\n"
            "\n"
            "A term may be written with an escape or an HTML entity, such as `e&#45;mail`.\n"
            "Then the finding says to replace it by hand.\n"
            "`--fix` leaves it alone rather than risk changing the wrong characters."
        ),
    ),
    options=(
        TermsOption(
            "terms",
            DEFAULT_TERMS,
            "terms to avoid, and the term to use instead of each. They match in any case.\n"
            "Setting it replaces the default table.\n"
            "The default is `{\"e-mail\" = \"email\", \"on-line\" = \"online\", \"web site\" = \"website\"}`.",
        ),
        TermsOption(
            "case_sensitive_terms",
            DEFAULT_CASE_SENSITIVE_TERMS,
            "terms that match only exactly as written, for product names.\n"
            "Setting it replaces the default table.\n"
            "The default holds `Github`, `Gitlab`, `Javascript`, `Powershell`, `Wordpress` and `Youtube`, each with its right spelling.",
        ),
        Option("check_bold", False, "also check text in bold."),
    ),
    options_notes=(
        "For example:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.terminology]\n"
        "terms = { \"e-mail\" = \"email\", \"log-in\" = \"sign in\", \"web site\" = \"website\" }\n"
        "case_sensitive_terms = { \"Github\" = \"GitHub\", \"Acme cloud\" = \"Acme Cloud\" }\n"
        "```\n"
        "\n"
        "Run `hclint config` to see the tables in effect."
    ),
    suppress=(
        "For one line, put `<!-- hclint-disable-next-line terminology -->` on the line before it.\n"
        "This is useful for a quotation, which must keep its words.\n"
        "\n"
        "For a passage, wrap it in `<!-- hclint-disable terminology -->` and `<!-- hclint-enable -->`.\n"
        "For a whole article, add `hclint: {disable: [terminology]}` to its frontmatter.\n"
        "For a folder, set `terms = {}` and `case_sensitive_terms = {}` in an override, or set the rule to `\"off\"`.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The terminology rule reports words and phrases that your help center spells another way, and hclint check --fix replaces them.",
    tags=("terminology", "fix"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("Build a terminology table", "../terminology.md"),
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
    ),
)

RULES = (TERMINOLOGY,)
