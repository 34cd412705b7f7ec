"""The frontmatter schema: required fields, their types, and fields nobody declared.

The schema is three options of frontmatter-missing-field (required, optional, types); the two
other rules of the family read the same options, so a help center declares its schema once.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.memo import bounded
from hclint.rule import Context, Example, Option, Options, Rule

LEADER = "frontmatter-missing-field"
AI_READER = "AI assistants that answer customers from the help center"
MISSING = object()

SIMPLE_TYPES = ("string", "date", "list", "boolean", "number")
DEFAULT_TYPES = {
    "title": "string",
    "description": "string",
    "owner": "string",
    "last_reviewed": "date",
    "tags": "list",
    "audience": "public|internal",
    "lang": "string",
    "review_every": "string",
    "evergreen": "boolean",
    "draft": "boolean",
    "spelling": "list",
    "duplicates_ok": "list",
}
# Keys that MkDocs, Material for MkDocs and hclint itself read, known without declaring them.
DEFAULT_OPTIONAL = ("hclint", "hide", "search", "template", "status", "icon", "subtitle", "authors", "date")


def lookup(frontmatter: Mapping[str, Any], name: str) -> Any:
    """The value of a field, or MISSING. A dotted name is first a literal key (Microsoft Learn's
    `ms.date`), then a path through nested mappings (`date.updated`)."""
    if name in frontmatter:
        return frontmatter[name]
    head, dot, rest = name.partition(".")
    if dot and isinstance(frontmatter.get(head), Mapping):
        return lookup(frontmatter[head], rest)
    return MISSING


def is_empty(value: Any) -> bool:
    return value is MISSING or value is None or (isinstance(value, str) and not value.strip())


def describe(field_type: str) -> str:
    """How a message names a type: `one of: public, internal` for an enumeration."""
    if "|" in field_type:
        return "one of: " + ", ".join(_choices(field_type))
    return {"list": "a list of strings", "date": "a date", "boolean": "true or false"}.get(field_type, f"a {field_type}")


def _choices(field_type: str) -> list[str]:
    return [choice.strip() for choice in field_type.split("|") if choice.strip()]


def _has_frontmatter_trouble(article: Article) -> bool:
    # An unreadable file or broken YAML is already reported; the schema would only repeat it.
    return not article.source.strip() or any(article.problems_for("frontmatter-invalid"))


def missing_fields(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    if _has_frontmatter_trouble(article):
        return
    types = options["types"]
    for name in options["required"]:
        if is_empty(lookup(article.frontmatter, name)):
            expected = describe(types.get(name, "string"))
            yield Problem(article.line_of(name), 1, f"required field `{name}` is missing ({expected})",
                          hint=f"add `{name}:` to the frontmatter")


def field_types(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    if _has_frontmatter_trouble(article):
        return
    for name, field_type in options["types"].items():
        value = lookup(article.frontmatter, name)
        if is_empty(value):
            continue
        if name == "audience" and field_type == DEFAULT_TYPES["audience"] and context.public_audiences is not None:
            field_type = "|".join([*sorted(context.public_audiences), "internal"])  # the audiences the team declared
        wrong = type_error(value, field_type)
        if wrong:
            yield Problem(article.line_of(name), 1, f"field `{name}` should be {describe(field_type)}, {wrong}")


def type_error(value: Any, field_type: str) -> str | None:
    """What is wrong with the value for its declared type, or None when it fits."""
    if "|" in field_type:
        return None if isinstance(value, str) and value in _choices(field_type) else f"not {_shown(value)}"
    if field_type == "list":
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        return None if ok else f"not {_shown(value)}"
    if field_type == "boolean":
        return None if isinstance(value, bool) else f"not {_shown(value)}"
    if field_type == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"not {_shown(value)}"
    # string, and date: whether a date is a real one in the right form is invalid-date's question.
    return None if isinstance(value, str) else f"not {_shown(value)}"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{str(value)!r}"


def unknown_fields(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    if _has_frontmatter_trouble(article):
        return
    known = _schema((*options["required"], *options["optional"], *options["types"]))
    for key in article.frontmatter:
        if not known.match(str(key)):
            yield Problem(article.line_of(str(key)), 1, f"field `{key}` is not in the schema",
                          hint=f"add it to `optional` of {LEADER}, or fix its spelling")


@bounded(64, "one expression for each frontmatter schema, read for every key")
def _schema(names: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for the known keys (once per schema, not per key and name): "date" is
    known when "date.updated" is, and a pattern such as "ms.*" covers every ms. key."""
    parents = {".".join(parts[:end]) for parts in (name.split(".") for name in names) for end in range(1, len(parts))}
    literals = sorted(parents | set(names))  # a name is known as written too, brackets and all
    alternatives = [re.escape(literal) + r"\Z" for literal in literals] + [fnmatch.translate(name) for name in names]
    return re.compile("|".join(alternatives) or "(?!)")


@dataclass(frozen=True)
class TypesOption(Option):
    """A table of field -> type: every type must be one hclint knows, or an enumeration a|b."""

    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        for name, field_type in value.items():
            if field_type not in SIMPLE_TYPES and not ("|" in field_type and _choices(field_type)):
                raise ValueError(f"{name} = {field_type!r}: expected one of {', '.join(SIMPLE_TYPES)}, or values like \"a|b\"")
        return value


SCHEMA_OPTIONS = (
    Option("required", ("title", "description", "owner", "last_reviewed"),
           "fields every article must have; a dotted name such as `date.updated` is a nested field"),
    Option("optional", DEFAULT_OPTIONAL,
           "fields an article may have besides the required ones and those in `types`; patterns such as `ms.*` allowed"),
    TypesOption("types", DEFAULT_TYPES,
                "the type of each field: string, date, list, boolean, number, or the allowed values as `public|internal`"),
)

GOOD = (
    "---\ntitle: Reset your password\ndescription: Get back into your account.\nowner: support-team\n"
    "last_reviewed: 2026-11-02\n---\n\nOpen **Settings** and select **Reset password**.\n"
)

FRONTMATTER_MISSING_FIELD = Rule(
    name="frontmatter-missing-field",
    summary="A required frontmatter field is missing or empty.",
    severity=Severity.ERROR,
    kind="article",
    check=missing_fields,
    what="Reports each field of `required` that the frontmatter lacks or leaves empty, with the type "
    "the field should have. The options of this rule are the help center's frontmatter schema: "
    "frontmatter-field-type and frontmatter-unknown-field read them too.",
    why="The owner tells readers and colleagues who keeps an article right. The review date tells "
    "everyone how fresh it is. The description is what search results show. Without them, nobody "
    f"notices when an article goes wrong. {AI_READER} use the description and dates to choose "
    "between articles, and may quote an outdated one when the dates are missing.",
    example=Example(
        failing="---\ntitle: Reset your password\ndescription: Get back into your account.\n"
        "last_reviewed: 2026-11-02\n---\n\nOpen **Settings** and select **Reset password**.\n",
        fixed=GOOD,
    ),
    options=SCHEMA_OPTIONS,
)

FRONTMATTER_FIELD_TYPE = Rule(
    name="frontmatter-field-type",
    summary="A frontmatter field has the wrong type or a value that is not allowed.",
    severity=Severity.ERROR,
    kind="article",
    check=field_types,
    what="Reports a field whose value does not fit the type that `types` declares: a list where a "
    "string belongs, a string where a list belongs, or a value outside an enumeration such as "
    "`audience: public|internal` (with `public_audiences` configured, the audiences listed there and "
    "`internal`). The message names the field, its line and the expected type.",
    why="Tools read these fields: the site's search, the navigation, and the publishing step that "
    "keeps internal articles private. A value of the wrong type is silently ignored by most of them; "
    "the publishing step withholds an article whose `draft` or `audience` it cannot understand, and "
    f"stops the build. {AI_READER} rely on the same fields to pick who may see an answer.",
    example=Example(
        failing=GOOD.replace("owner: support-team\n", "owner: support-team\naudience: everyone\n"),
        fixed=GOOD.replace("owner: support-team\n", "owner: support-team\naudience: public\n"),
    ),
    options_from=LEADER,
)

FRONTMATTER_UNKNOWN_FIELD = Rule(
    name="frontmatter-unknown-field",
    summary="A frontmatter field is not in the schema.",
    severity=Severity.INFO,
    kind="article",
    check=unknown_fields,
    what="Reports a top-level frontmatter field that is neither required, optional nor typed in the "
    "schema. It is often a typo, such as `ower` for `owner`.",
    why="A misspelt field is a field that is missing: the article has no owner even though a writer "
    f"meant to give it one. {AI_READER} and search tools ignore fields they do not know.",
    example=Example(
        failing=GOOD.replace("owner: support-team", "ower: support-team\nowner: support-team"),
        fixed=GOOD,
    ),
    options_from=LEADER,
)

RULES = (FRONTMATTER_MISSING_FIELD, FRONTMATTER_FIELD_TYPE, FRONTMATTER_UNKNOWN_FIELD)
