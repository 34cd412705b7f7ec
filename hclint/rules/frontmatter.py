"""The frontmatter schema: required fields, their types, and fields nobody declared.

The schema is three options of frontmatter-missing-field (required, optional, types); the two
other rules of the family read the same options, so a help center declares its schema once.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.memo import bounded
from hclint.rule import (
    Context,
    Example,
    Option,
    Options,
    Related,
    Rule,
    frontmatter_suppress_text,
)

LEADER = "frontmatter-missing-field"
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
           "the fields every article must have.\n"
           "The default is `[\"title\", \"description\", \"owner\", \"last_reviewed\"]`."),
    Option("optional", DEFAULT_OPTIONAL,
           "fields an article may have, besides the required ones and those in `types`.\n"
           "A pattern such as `ms.*` covers every field that starts with `ms.`.\n"
           "The default lists the fields that MkDocs, Material for MkDocs and hclint read, such as `hide`, `search` and `hclint`."),
    TypesOption("types", DEFAULT_TYPES,
                "the type of each field.\n"
                "A type is `string`, `date`, `list`, `boolean` or `number`.\n"
                "To allow only some values, write them with a bar between them, such as `public|internal`.\n"
                "The default gives types to `title`, `description`, `owner`, `last_reviewed`, `tags`, `audience`, `lang`, "
                "`review_every`, `evergreen`, `draft` and `spelling`."),
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
    what=(
        "The rule reports each field in `required` that an article lacks or leaves empty.\n"
        "The message names the field and the type it should have.\n"
        "An empty field is reported at its own line.\n"
        "A missing field is reported at the first line of the file.\n"
        "\n"
        "The options of this rule are the schema of your help center.\n"
        "The rules [`frontmatter-field-type`](frontmatter-field-type.md) and [`frontmatter-unknown-field`](frontmatter-unknown-field.md) read the same options.\n"
        "So you write your schema once, on this rule.\n"
        "\n"
        "The rule says nothing when the frontmatter is broken.\n"
        "The [`frontmatter-invalid`](frontmatter-invalid.md) rule reports that."
    ),
    why=(
        "The owner tells colleagues who keeps the article right.\n"
        "The review date tells everyone how fresh it is.\n"
        "The description is what search results show.\n"
        "Without these fields, nobody notices when an article goes wrong.\n"
        "\n"
        "AI assistants that answer customers from the help center use the description and the dates to choose between articles.\n"
        "When the dates are missing, they may quote an outdated article."
    ),
    example=Example(
        failing="---\ntitle: Reset your password\ndescription: Get back into your account.\n"
        "last_reviewed: 2026-11-02\n---\n\nOpen **Settings** and select **Reset password**.\n",
        fixed=GOOD,
        intro="This article has no owner:",
    ),
    options=SCHEMA_OPTIONS,
    options_notes=(
        "Setting an option replaces its default. Run `hclint config` to see the schema in effect.\n"
        "\n"
        "### Field names with dots\n"
        "\n"
        "A name with a dot, such as `date.updated`, is found in two ways:\n"
        "\n"
        "- as a key with a dot in it, as Microsoft Learn writes `ms.date: 06/13/2024`;\n"
        "- as a nested field, as in `date:` with `updated:` below it.\n"
        "\n"
        "### A schema for Microsoft Learn articles\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.frontmatter-missing-field]\n"
        "required = [\"title\", \"description\", \"ms.author\", \"ms.date\"]\n"
        "optional = [\"ms.*\", \"author\", \"manager\", \"ai.*\"]\n"
        "types = {title = \"string\", description = \"string\", \"ms.author\" = \"string\", \"ms.date\" = \"date\"}\n"
        "```\n"
        "\n"
        "Set the review date field on [`stale-article`](stale-article.md) too, so the freshness rules read it."
    ),
    suppress=frontmatter_suppress_text("frontmatter-missing-field"),
    description="The frontmatter-missing-field rule reports a required frontmatter field that is missing or empty. Its options are the schema of your help center.",
    tags=("frontmatter",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("Review articles and record reviews", "../reviewing-articles.md"),
        Related("All rules", "index.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

FRONTMATTER_FIELD_TYPE = Rule(
    name="frontmatter-field-type",
    summary="A frontmatter field has the wrong type, or a value that is not allowed.",
    severity=Severity.ERROR,
    kind="article",
    check=field_types,
    what=(
        "The rule compares each field with its type in the schema.\n"
        "It reports, for example:\n"
        "\n"
        "- a list where a string belongs, such as `title: [Refunds, Returns]`;\n"
        "- a string where a list belongs, such as `tags: money`;\n"
        "- a value that is not one of the allowed values, such as `audience: everyone` when only `public` and `internal` are allowed;\n"
        "- a quoted `'yes'` where `true` or `false` belongs.\n"
        "\n"
        "The message names the field and the expected type.\n"
        "The finding is at the line of the field.\n"
        "\n"
        "For a `date` field, this rule checks only that the value is a single value.\n"
        "The [`invalid-date`](invalid-date.md) rule checks that the review date is a real date in the right form."
    ),
    why=(
        "Tools read these fields: the search of the site, the navigation, and the publishing step that keeps internal articles private.\n"
        "Many tools ignore a value of the wrong type without a word.\n"
        "The hclint plugin for MkDocs does not publish an article whose `audience` or `draft` it cannot understand, and stops the build.\n"
        "Other publishing tools may publish an internal article by mistake.\n"
        "AI assistants that answer customers from the help center rely on the same fields to know who may see an answer."
    ),
    example=Example(
        failing=GOOD.replace("owner: support-team\n", "owner: support-team\naudience: everyone\n"),
        fixed=GOOD.replace("owner: support-team\n", "owner: support-team\naudience: public\n"),
        intro="The audience is not one of the allowed values:",
    ),
    options_from=LEADER,
    options_notes="It reads `types`.\nSet your schema there.",
    suppress=frontmatter_suppress_text("frontmatter-field-type"),
    description="The frontmatter-field-type rule reports a frontmatter field whose value does not have the type your schema declares.",
    tags=("frontmatter",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("frontmatter-missing-field", "frontmatter-missing-field.md"),
        Related("All rules", "index.md"),
    ),
)

FRONTMATTER_UNKNOWN_FIELD = Rule(
    name="frontmatter-unknown-field",
    summary="A frontmatter field is not in the schema.",
    severity=Severity.INFO,
    kind="article",
    check=unknown_fields,
    what=(
        "The rule reports a top-level field that the schema does not know.\n"
        "A field is known when it is in `required`, in `optional` or in `types`.\n"
        "A field such as `date` is known when `date.updated` is.\n"
        "A pattern in `optional`, such as `ms.*`, covers every field that matches it."
    ),
    why=(
        "A field with a typo is a missing field.\n"
        "When a writer types `ower` for `owner`, the article has no owner, though the writer meant to give it one.\n"
        "AI assistants that answer customers from the help center, and search tools, ignore fields they do not know."
    ),
    example=Example(
        failing=GOOD.replace("owner: support-team", "ower: support-team\nowner: support-team"),
        fixed=GOOD,
        intro="The owner field has a typo:",
        outro="When a field is real, add it to `optional` instead.",
    ),
    options_from=LEADER,
    options_notes="It reads `required`, `optional` and `types`.\nSet your schema there.",
    suppress=frontmatter_suppress_text("frontmatter-unknown-field"),
    description="The frontmatter-unknown-field rule reports a frontmatter field that your schema does not list, which is often a typo.",
    tags=("frontmatter",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("frontmatter-missing-field", "frontmatter-missing-field.md"),
        Related("All rules", "index.md"),
    ),
)

RULES = (FRONTMATTER_MISSING_FIELD, FRONTMATTER_FIELD_TYPE, FRONTMATTER_UNKNOWN_FIELD)
