"""The rule record: everything hclint knows about a rule, and the page that explains it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from hclint.findings import Problem, Severity
from hclint.git import FileHistory, no_history

if TYPE_CHECKING:
    from hclint.article import Article
    from hclint.index import Index

RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

Options = Mapping[str, Any]


@dataclass(frozen=True)
class Context:
    """What a run knows beyond one article: passed in, never read from globals."""

    today: date
    root: Path
    content: Path
    lang: str = "en"  # the language configured for the article being checked
    # The engine's one-per-run git reader: rules call history(), and git runs only if one does.
    git: Callable[[Path], Mapping[str, FileHistory]] = no_history
    # Read by the network rules (hclint check --external): may they ask private addresses, read
    # and write the link cache, draw a progress bar on stderr.
    include_private: bool = False
    use_cache: bool = True
    progress: bool = False
    # mkdocs.yml, when MkDocs builds the site: it decides where links lead and which ids headings get.
    mkdocs_file: Path | None = None
    # The audiences the configuration lists as public (public_audiences); None when it lists none.
    public_audiences: frozenset[str] | None = None
    # Files on disk (content paths) that the check treats as missing: not part of the commit checked.
    absent: frozenset[str] = frozenset()
    # Every rule's options for the article being checked, for a rule that builds on another's
    # settings: spelling accepts the words of the terminology table.
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def history(self) -> Mapping[str, FileHistory]:
        """Each content file's git history, keyed by content path (empty outside a git repository)."""
        return self.git(self.content)


@dataclass(frozen=True)
class Shared:
    """What the corpus rules of one family share during a run (the link resolver, the duplicate
    filter, the external checker's answers): the engine makes it once per run, with make(index,
    context), and hands it to each rule of the family. Rules that share one run in one process."""

    name: str
    make: Callable[["Index", Context], Any]


class CorpusInput(NamedTuple):
    """What a corpus rule is given: the whole index, the articles to report on (content paths), each
    article's options, the run, and its family's shared object (None for a rule without one)."""

    index: "Index"
    targets: frozenset[str]
    options_for: Callable[[str], Options]
    context: Context
    shared: Any = None


ArticleCheck = Callable[["Article", Options, Context], Iterable[Problem]]
# A corpus rule reports only on the targets, and names the article of each problem.
CorpusCheck = Callable[[CorpusInput], Iterable[tuple[str, Problem]]]


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    help: str

    @property
    def type_name(self) -> str:
        return _type_name(self.default)

    def validate(self, value: Any) -> Any:
        """Return the value in the option's type, or raise ValueError naming the expected type."""
        expected = self.default
        if isinstance(expected, bool) or isinstance(value, bool):
            ok = isinstance(value, bool) and isinstance(expected, bool)
        elif isinstance(expected, float):
            ok = isinstance(value, (int, float))
            value = float(value) if ok else value
        elif isinstance(expected, tuple):
            ok = isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
            value = tuple(value) if ok else value
        elif isinstance(expected, dict):
            ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        else:
            ok = isinstance(value, type(expected))
        if not ok:
            raise ValueError(f"expected {self.type_name}, got {_type_name(value)}")
        return value


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (list, tuple)):
        return "list of strings"
    return {int: "integer", float: "number", str: "string", dict: "table"}.get(type(value), type(value).__name__)


EXAMPLE_DAY = date(2026, 11, 23)  # the day examples are checked on, unless one says otherwise


@dataclass(frozen=True)
class Example:
    """A file that breaks the rule, and the same file fixed, with the help center around them.

    The rule's page shows both, between its prose, and what hclint reports on the failing one:
    hclint.commands.rule_pages saves each in a fresh help center and runs `hclint check` on it, and
    tests/rules/test_examples.py checks that the failing one is reported and the fixed one is not.
    failing may be bytes for rules about how a file is saved (the page shows them as Latin-1 reads them).
    """

    failing: str | bytes
    fixed: str
    # The rule options the example assumes, when the defaults would not show the problem in a few lines.
    options: Mapping[str, Any] = field(default_factory=dict)
    # The other files of the help center the example needs (content path -> text).
    others: Mapping[str, str] = field(default_factory=dict)
    # The mkdocs.yml the example needs, when the rule depends on the site's settings.
    mkdocs: str = ""
    # Where failing and fixed are saved, from the project root: an article, mkdocs.yml, a .meta.yml.
    path: str = "content/example.md"
    # Where the fix is saved, when it is another file: the article that links to an orphan.
    fixed_path: str = ""
    # The day the example is checked on: what a page shows never depends on the clock.
    today: date = EXAMPLE_DAY
    # Network rules: what each web address answers, as (status, where a redirect leads). The
    # addresses must share one origin: it is served on 127.0.0.1, and put back in what is reported.
    answers: Mapping[str, tuple[int, str]] = field(default_factory=dict)
    # Makes what text cannot, once the files are saved: git history, a link that loops. Called with
    # the project folder and whether the run is the failing one. Such an example is told by its
    # intro rather than shown as files, since the files alone do not show the problem.
    setup: Callable[[Path, bool], None] | None = None
    # The page's words around the files, in Markdown: before the failing file, before the fixed
    # one, and after it.
    intro: str = "This article breaks the rule:"
    fixed_intro: str = "Fixed:"
    outro: str = ""

    @property
    def told(self) -> bool:
        return self.setup is not None


@dataclass(frozen=True)
class Related:
    """A link in the "Related articles" list of a rule's page, relative to content/rules/."""

    title: str
    target: str


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    severity: Severity
    kind: Literal["article", "corpus"]
    # None for the one rule the engine reports itself (unused-suppression).
    check: ArticleCheck | CorpusCheck | None
    # The page's "What it checks" and "Why it matters" sections: Markdown, one sentence a line.
    what: str
    why: str
    example: Example
    options: tuple[Option, ...] = ()
    needs_network: bool = False
    # Corpus rules only: the compact, picklable facts this rule needs about each article, kept in
    # the index (and its cache) under the rule's name, so the rule never needs the Article again.
    facts: Callable[["Article"], Any] | None = None
    # Files (relative to the content root) besides the article whose contents change the rule's
    # results, such as a project dictionary: the cache is keyed on them too.
    reads: tuple[str, ...] = ()
    # Loads, once, what the rule's checks need (a dictionary, a library). An article rule's is
    # called before worker processes fork, so they share it instead of each loading it again; a
    # corpus rule's in the main process while the workers extract the facts.
    prepare: Callable[[Context], None] | None = None
    # A rule of a family reads the options of the family's first rule, so settings such as the
    # review interval are written once (and per folder) for every rule that depends on them.
    options_from: str | None = None
    # Corpus rules: what the rules of the family share during a run.
    shared: Shared | None = None
    # Reads the help center's git history (Context.history); the engine reads it once per run.
    needs_git: bool = False
    # The page's "How to suppress" section, when the usual comments would mislead: a finding in
    # the frontmatter or on the first line, a file hclint cannot read, a file that is not an article.
    suppress: str | None = None
    # The rest of the rule's page in the help center (content/rules/NAME.md): its frontmatter
    # description, its tags besides "rules", the date its text was last reviewed, what the Options
    # section says after the options (examples of settings, what the rule reads from mkdocs.yml),
    # and its "Related articles".
    description: str = ""
    tags: tuple[str, ...] = ()
    reviewed: date | None = None
    options_notes: str = ""
    related: tuple[Related, ...] = ()

    def __post_init__(self) -> None:
        if not RULE_NAME.match(self.name):
            raise ValueError(f"rule name {self.name!r} is not kebab-case")
        if self.kind not in ("article", "corpus"):
            raise ValueError(f"rule {self.name}: kind must be article or corpus")

    @property
    def defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}

    def explain(self, reports: Sequence[str] = ()) -> str:
        """The rule's page as `hclint rules NAME` prints it: every section of content/rules/NAME.md,
        without the frontmatter, and without the "hclint reports:" block unless reports (the lines
        hclint prints for the failing example) are given, since they need a run of the example.
        hclint.commands.rule_pages runs it and adds both."""
        sections = [
            f"# {self.name}",
            f"{self.summary} Default severity: **{self.severity.value}**.",
            *([NETWORK_NOTE] if self.needs_network else []),
            "## What it checks", self.what,
            "## Why it matters", self.why,
            "## Example", _example_text(self.example, reports),
            "## Options", _options_text(self),
            "## How to suppress", self.suppress or suppress_text(self.name),
        ]
        if self.related:
            sections += ["## Related articles", "\n".join(f"- [{r.title}]({r.target})" for r in self.related)]
        return "\n\n".join(section.strip("\n") for section in sections)


NETWORK_NOTE = (
    "This rule runs only when you ask for it with `hclint check --external`.\n"
    "See [Checking external links](../external-links.md) for how the check works."
)
# Longer defaults are for the option's help to describe (`hclint config` prints them whole).
LONGEST_DEFAULT_SHOWN = 40


def extractors(rules: Iterable[Rule]) -> tuple[tuple[str, Callable[[Article], Any]], ...]:
    """(name, facts) of each corpus rule that keeps facts in the index: what IndexEntry.of extracts."""
    return tuple((rule.name, rule.facts) for rule in rules if rule.facts is not None)


def _options_text(rule: Rule) -> str:
    if rule.options:
        listed = "\n".join(_option_text(option) for option in rule.options)
        return listed + (f"\n\n{rule.options_notes}" if rule.options_notes else "")
    if rule.options_from:
        first = f"This rule uses the options of [`{rule.options_from}`]({rule.options_from}.md)."
    else:
        first = "This rule has no options."
    return first + (f"\n{rule.options_notes}" if rule.options_notes else "")


def _option_text(option: Option) -> str:
    shown = _toml(option.default)
    if not option.default and not isinstance(option.default, (bool, int, float)):
        default = ", default empty"
    elif len(shown) <= LONGEST_DEFAULT_SHOWN:
        default = f", default `{shown}`"
    else:
        default = ""
    return f"- `{option.name}` ({option.type_name}{default}): " + option.help.replace("\n", "\n  ")


def _example_text(example: Example, reports: Sequence[str]) -> str:
    parts = [example.intro]
    if not example.told:
        parts.append(fenced(_shown(example.failing), _language(example.path)))
    if reports:
        parts += ["hclint reports:", fenced("\n".join(reports), "text")]
    parts.append(example.fixed_intro)
    if not example.told:
        parts.append(fenced(example.fixed, _language(example.fixed_path or example.path)))
    if example.outro:
        parts.append(example.outro)
    return "\n\n".join(part.strip("\n") for part in parts)


def _shown(text: str | bytes) -> str:
    # Bytes are a file saved in another encoding: Latin-1 shows each byte as one character.
    return text.decode("latin-1") if isinstance(text, bytes) else text


def _language(path: str) -> str:
    return "yaml" if path.endswith((".yml", ".yaml")) else "markdown"


def fenced(text: str, language: str = "markdown") -> str:
    """A fenced code block holding text, with a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text.rstrip("\n")
    return f"{fence}{language}\n{body}\n{fence}"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_toml(v)}' for k, v in value.items()) + "}"
    return str(value)


def suppress_text(name: str) -> str:
    """How to suppress a finding of most rules: with comments, in the frontmatter, in the settings."""
    return (
        f"For one line, put `<!-- hclint-disable-next-line {name} -->` on the line before it.\n"
        f"For a passage, wrap it in `<!-- hclint-disable {name} -->` and `<!-- hclint-enable -->`.\n"
        f"For a whole article, add `hclint: {{disable: [{name}]}}` to its frontmatter.\n"
        f'For a folder or the whole help center, set `"{name}" = "off"` under `[tool.hclint.rules]` '
        "or in an override."
    )


def frontmatter_suppress_text(name: str) -> str:
    """How to suppress a finding that sits in the frontmatter, where no comment can go."""
    return (
        "The finding is in the frontmatter, where a comment line cannot go.\n"
        "To hide it for one article, add this to the article's frontmatter:\n\n"
        + fenced(f"hclint: {{disable: [{name}]}}", "yaml")
        + f'\n\nTo turn the rule off for a folder, set `"{name}" = "off"` in an override.\n'
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    )
