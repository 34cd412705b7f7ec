"""Whether an article may be published: one decision, made here, for the MkDocs plugin and every rule.

A plain function of what the article says (frontmatter and folder metadata, read as MkDocs reads
them) and of the audiences the team declared public, so the plugin and `hclint check` can never
disagree about an article.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

TRUE_WORDS = frozenset({"true", "yes", "on", "y", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "n", "0", ""})
KNOWN_PRIVATE = "internal"  # private without any configuration


class Publication(NamedTuple):
    """Whether an article may be published, and if not, why."""

    public: bool
    reason: str = ""  # why it is not published: "audience: internal", "draft: true", ...
    # False when hclint cannot tell what the article says about its audience: it is withheld, and
    # the MkDocs build stops so that someone looks.
    certain: bool = True


PUBLIC = Publication(True)


@dataclass(frozen=True)
class Audiences:
    """Which values of `audience` may be published.

    Without configuration only `public` is, `internal` is not, and any other value is one hclint
    cannot judge. A team that lists its public audiences (`public_audiences`) makes every other
    value private.
    """

    public: frozenset[str] = frozenset({"public"})
    configured: bool = False

    @classmethod
    def of(cls, names: frozenset[str] | None) -> Audiences:
        """The audiences from the configuration's public_audiences (None: not configured)."""
        return cls() if names is None else cls(names, configured=True)


EVERYONE = Audiences()


def publication(
    frontmatter: Mapping[str, Any], unreadable: str | None, audiences: Audiences = EVERYONE,
    folders: Sequence[Mapping[str, Any]] = (),
) -> Publication:
    """Whether an article may be published: the one decision the MkDocs plugin, the link rules and
    every other part of hclint use. It fails closed: anything it cannot read with certainty (the
    frontmatter, a value of `draft` or `audience`) means "not public".

    folders: the folder metadata that applies to the page (Material's meta plugin), shallowest first.
    """
    if unreadable:
        return Publication(False, f"hclint cannot read it: {unreadable}", certain=False)
    try:
        meta = _merged(folders, frontmatter) if folders else frontmatter
    except Exception as error:  # what mergedeep raises for values of different types
        return Publication(False, f"its folder metadata cannot be merged with its frontmatter ({error})", certain=False)
    found = (_draft(_values(meta, "draft")), _audience(_values(meta, "audience"), audiences))
    return next((f for f in found if not f.certain), None) or next((f for f in found if not f.public), PUBLIC)


def _merged(folders: Sequence[Mapping[str, Any]], frontmatter: Mapping[str, Any]) -> Mapping[str, Any]:
    """The page's metadata as Material's meta plugin merges it: folders in order, then the page."""
    from mergedeep import Strategy, merge

    meta: dict[str, Any] = {}
    for defaults in folders:
        merge(meta, copy.deepcopy(dict(defaults)), strategy=Strategy.TYPESAFE_ADDITIVE)
    return merge(meta, copy.deepcopy(dict(frontmatter)), strategy=Strategy.TYPESAFE_ADDITIVE)


def _values(meta: Mapping[str, Any], name: str) -> list[Any]:
    """The values of a key written in any case or width (`Audience`, ` draft`, `ａudience`): a writer
    meant the same key."""
    return [value for key, value in meta.items() if isinstance(key, str) and _key(key) == name]


def _key(key: str) -> str:
    return unicodedata.normalize("NFKC", key).strip().casefold()


def _words(value: str) -> str:
    return " ".join(value.split()).casefold()


def _draft(values: list[Any]) -> Publication:
    for value in values:
        if value is None or value is False or value == 0:
            continue
        if value is True or (isinstance(value, int) and not isinstance(value, bool)):
            return Publication(False, "draft: true")
        if isinstance(value, str) and _words(value) in TRUE_WORDS:
            return Publication(False, f"draft: {value.strip()}")
        if isinstance(value, str) and _words(value) in FALSE_WORDS:
            continue
        return Publication(False, f"draft: {_shown(value)} is neither true nor false", certain=False)
    return PUBLIC


def _audience(values: list[Any], audiences: Audiences) -> Publication:
    names: list[str] = []
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item is None:
                continue
            if not isinstance(item, str):
                return Publication(False, f"audience: {_shown(value)} is not the name of an audience", certain=False)
            names += [_words(part) for part in re.split(r"[,;]", item) if part.strip()]
    private = [name for name in names if name not in audiences.public]
    if not private:
        return PUBLIC
    unknown = [name for name in private if name != KNOWN_PRIVATE and not audiences.configured]
    if unknown and KNOWN_PRIVATE not in private:  # with internal among them, it is private whatever the rest
        reason = f"audience: {unknown[0]} is an audience hclint does not know (list the public ones in public_audiences)"
        return Publication(False, reason, certain=False)
    return Publication(False, f"audience: {KNOWN_PRIVATE if KNOWN_PRIVATE in private else private[0]}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
