"""What the published site shows: which articles stay private, and the review line on each page.

Kept apart from the MkDocs plugin so the decisions are plain functions of articles; the plugin
only moves MkDocs objects in and out.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from hclint.article import Article
from hclint.config import Settings
from hclint.markdown import Link
from hclint.rule import Context
from hclint.rules.frontmatter import is_empty, lookup

H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


def hidden_reason(frontmatter: Mapping[str, Any]) -> str | None:
    """Why an article must not be published, or None when it is public."""
    audience = frontmatter.get("audience")
    # A list of audiences is internal as soon as it names internal, as the links rules read it.
    if "internal" in [str(a).strip().lower() for a in (audience if isinstance(audience, list) else [audience])]:
        return "audience: internal"
    if frontmatter.get("draft") is True:
        return "draft: true"
    return None


@dataclass(frozen=True)
class PrivateLink:
    """A link from a published page to an article that is not published."""

    line: int
    target: str
    private_path: str  # content path of the private article
    reason: str

    def describe(self, page_path: str) -> str:
        return f"{page_path}:{self.line}: links to {self.target}, which is not published ({self.reason})"


def private_links(article: Article, private: Mapping[str, str]) -> Iterator[PrivateLink]:
    """Links in article that resolve, as MkDocs resolves relative links, to a private article."""
    for link, path in links_into(article, private):
        yield PrivateLink(link.line, link.target, path, private[path])


def links_into(article: Article, paths: Container[str]) -> Iterator[tuple[Link, str]]:
    """Each link of article that points at one of paths (content paths), with the path."""
    for link in article.links:
        path = resolve(article.content_path, link.target)
        hit = next((c for c in _candidates(path) if c in paths), None) if path is not None else None
        if hit is not None:
            yield link, hit


def resolve(page: str, target: str) -> str | None:
    """The content path a relative link points at, or None for URLs, anchors and absolute paths."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return None if joined.startswith("../") or joined == ".." else joined


def _candidates(path: str) -> tuple[str, ...]:
    # A link may name the file (page.md) or, with directory URLs, the page's folder (page/).
    if path.endswith((".md", ".markdown")):
        return (path,)
    stem = path.rstrip("/")
    return (f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md")


@dataclass(frozen=True)
class Review:
    """What a page says about its last review."""

    reviewed: str | None  # the date as written in the frontmatter
    owner: str | None
    due: str | None  # set only when the review is overdue

    def as_html(self) -> str:
        parts = []
        if self.reviewed:
            parts.append(f'Last reviewed <time datetime="{_e(self.reviewed)}">{_e(self.reviewed)}</time>')
        if self.owner:
            parts.append(f"Owner {_e(self.owner)}")
        line = f'<p class="hclint-review">{" · ".join(parts)}</p>\n' if parts else ""
        if self.due:
            line += (
                '<div class="admonition warning hclint-due-for-review">\n'
                '<p class="admonition-title">Due for review</p>\n'
                f"<p>This article was due for review on {_e(self.due)}. Some details may be out of date.</p>\n"
                "</div>\n"
            )
        return line


def review_of(article: Article, settings: Settings, context: Context) -> Review:
    """The review line from the article's frontmatter, with the stale-article rule's own due date.

    The due date comes from the freshness rules themselves, so the site and `hclint check` never
    disagree; the notice shows only where stale-article is on for the article.
    """
    from hclint.rules import freshness  # dateutil and git load only when a page is rendered

    setting = settings.rules[freshness.LEADER]
    options = setting.options
    written = not is_empty(lookup(article.frontmatter, options["review_field"]))
    reviewed = freshness.reviewed(article, options, context) if written else None
    owner = lookup(article.frontmatter, options["owner_field"])
    late = freshness.overdue(article, options, context) if setting.severity else None
    return Review(
        reviewed.day.isoformat() if reviewed else None,
        owner.strip() if isinstance(owner, str) and owner.strip() else None,
        late.due.isoformat() if late else None,
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def with_review(page_html: str, review: Review) -> str:
    """The page with the review line under its title, or at the top when the title is outside it."""
    block = review.as_html()
    end = H1_END.search(page_html)
    if not block:
        return page_html
    if end is None:
        return block + page_html
    return page_html[: end.end()] + "\n" + block + page_html[end.end() :]
