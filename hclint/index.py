"""The index: the compact facts of every article that corpus rules read, without the articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hclint.article import Article
from hclint.article.markdown import Heading, Link


@dataclass(frozen=True)
class IndexEntry:
    """What corpus rules know of one article without parsing it again."""

    path: str
    content_path: str
    title: str | None
    frontmatter: Mapping[str, Any]
    frontmatter_lines: Mapping[str, int]
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    facts: Mapping[str, Any]  # rule name -> what that corpus rule extracted (Rule.facts)
    unreadable: str | None = None  # why its frontmatter cannot be read with certainty (Article.unreadable)

    @classmethod
    def of(cls, article: Article, extractors: Iterable[tuple[str, Callable[[Article], Any]]] = ()) -> IndexEntry:
        """The entry of an article, with the facts each (name, extractor) pair extracts from it."""
        facts = {name: extract(article) for name, extract in extractors}
        return cls(
            article.path,
            article.content_path,
            article.title,
            article.frontmatter,
            article.frontmatter_lines,
            article.headings,
            article.links,
            facts,
            article.unreadable,
        )


@dataclass(frozen=True)
class Index:
    """The compact facts of every article in the help center, keyed by content path."""

    entries: Mapping[str, IndexEntry]
