"""The rule record: everything hclint knows about a rule, and the page that explains it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
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


@dataclass(frozen=True)
class Example:
    """A whole article that breaks the rule, and the same article fixed. Tests run both.

    failing may be bytes for rules about how a file is saved; options are the rule options the
    example assumes, when the defaults would not show the problem in a few lines.
    """

    failing: str | bytes
    fixed: str
    options: Mapping[str, Any] = field(default_factory=dict)
    # Corpus rules: the other articles of the help center the example needs (content path -> text).
    others: Mapping[str, str] = field(default_factory=dict)
    # The mkdocs.yml the example needs, when the rule depends on the site's settings.
    mkdocs: str = ""


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    severity: Severity
    kind: Literal["article", "corpus"]
    # None for the one rule the engine reports itself (unused-suppression).
    check: ArticleCheck | CorpusCheck | None
    what: str
    why: str
    # None only for rules about the file system rather than text (a file that cannot be read).
    example: Example | None
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
    # How to suppress it, for rules about a file that could not be read: a comment or frontmatter
    # in that file has no effect, so the usual text would mislead.
    suppress: str | None = None

    def __post_init__(self) -> None:
        if not RULE_NAME.match(self.name):
            raise ValueError(f"rule name {self.name!r} is not kebab-case")
        if self.kind not in ("article", "corpus"):
            raise ValueError(f"rule {self.name}: kind must be article or corpus")

    @property
    def defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}

    def explain(self) -> str:
        """The rule's page, in the shape of ruff's rule pages."""
        options = "\n".join(
            f"- `{o.name}` ({o.type_name}, default `{_toml(o.default)}`): {o.help}" for o in self.options
        )
        return "\n".join(
            [
                f"# {self.name}",
                "",
                f"{self.summary} Default severity: {self.severity.value}. Kind: {self.kind} rule.",
                "",
                "## What it checks",
                "",
                self.what,
                "",
                "## Why it matters",
                "",
                self.why,
                "",
                "## Example",
                "",
                _example_text(self.example),
                "",
                "## Options",
                "",
                options or _no_options_text(self.options_from),
                "",
                "## How to suppress",
                "",
                self.suppress or _suppress_text(self.name),
            ]
        )


def extractors(rules: Iterable[Rule]) -> tuple[tuple[str, Callable[[Article], Any]], ...]:
    """(name, facts) of each corpus rule that keeps facts in the index: what IndexEntry.of extracts."""
    return tuple((rule.name, rule.facts) for rule in rules if rule.facts is not None)


def _no_options_text(options_from: str | None) -> str:
    if options_from:
        return f"This rule uses the options of `{options_from}`: set them there (`hclint rules {options_from}`)."
    return "This rule has no options."


def _example_text(example: Example | None) -> str:
    if example is None:
        return (
            "What this rule reports depends on more than one article's text (the file on disk, its git "
            "history, or mkdocs.yml), so it has no text example here; its page in the help center tells one."
        )
    failing = example.failing
    if isinstance(failing, bytes):
        failing = failing.decode("latin-1") + "\n(saved in Latin-1, not UTF-8)"
    settings = ""
    if example.options:
        settings = "With " + ", ".join(f"`{k} = {_toml(v)}`" for k, v in example.options.items()) + ", "
    site = ["With this mkdocs.yml:", "", "````yaml\n" + example.mkdocs.rstrip("\n") + "\n````", ""] if example.mkdocs else []
    return "\n".join([*site, f"{settings}this article breaks the rule:", "", _fence(failing), "", "Fixed:", "", _fence(example.fixed)])


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _fence(text: str) -> str:
    return "````markdown\n" + text.rstrip("\n") + "\n````"


def _suppress_text(name: str) -> str:
    return (
        f"For one line, put `<!-- hclint-disable-next-line {name} -->` on the line before it. "
        f"For a passage, wrap it in `<!-- hclint-disable {name} -->` and `<!-- hclint-enable -->`. "
        f"For a whole article, add `hclint: {{disable: [{name}]}}` to its frontmatter. "
        f'For a folder or the whole help center, set `"{name}" = "off"` under `[tool.hclint.rules]` '
        "or in an override."
    )
