"""Internal links, anchors, images and the nav, resolved exactly as MkDocs resolves them.

All seven rules are corpus rules: a link is only broken with respect to the whole help center.
They read the index (links, headings, frontmatter) and one fact per article (its anchors), and,
for images and downloads that are not articles, the folder listings of the content root.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hclint.article import Article
from hclint.corpus import Index, IndexEntry
from hclint.findings import Problem, Severity
from hclint.markdown import Link
from hclint.rule import Context, Example, Options, Rule
from hclint.site import INDEX_NAMES, NavEntry, PageAnchors, Site, attr_ids, html_ids, load_site, page_ids, rendered_text

AI_READER = "AI assistants that answer customers from the help center"
PAGE_SUFFIXES = ("", ".md", ".markdown", ".html", ".htm")  # anything else is a file to download
ANCHORS = "broken-anchor"  # the rule whose facts hold each page's anchors


class Kind(Enum):
    PAGE = "page"  # an article of the help center
    FILE = "file"  # an image or any other file in the content root
    MISSING = "missing"
    CASE = "case"  # exists, but only with different upper and lower case
    OUTSIDE = "outside"  # outside the help center: another site, or another app on this host
    SKIP = "skip"  # not a link to resolve (query only, template syntax)


@dataclass(frozen=True)
class Target:
    kind: Kind
    path: str = ""  # content path of what the link reaches (or would reach)
    fragment: str = ""
    detail: str = ""  # MISSING: why; CASE: the real name


SKIPPED = Target(Kind.SKIP)
OUTSIDE = Target(Kind.OUTSIDE)


# ---- the content root on disk: folders listed once, only when a link needs them ------------


@dataclass
class Tree:
    root: Path
    _listings: dict[str, dict[str, bool] | None] = field(default_factory=dict)

    def listing(self, folder: str) -> dict[str, bool] | None:
        """name -> is a folder, for a folder relative to the root; None when it does not exist."""
        if folder not in self._listings:
            try:
                with os_scandir(self.root / folder) as entries:
                    self._listings[folder] = {e.name: e.is_dir() for e in entries if not e.name.startswith(".")}
            except OSError:
                self._listings[folder] = None
        return self._listings[folder]

    def kind(self, path: str) -> str | None:
        """'file', 'folder' or None, with the case exactly as written."""
        if path in ("", "."):
            return "folder"
        folder, name = posixpath.split(path)
        found = self.listing(folder)
        if found is None or name not in found:
            return None
        return "folder" if found[name] else "file"

    def real_case(self, path: str) -> str | None:
        """The path as it is named on disk when it differs from path only in case."""
        real = ""
        for part in path.split("/"):
            found = self.listing(real) or {}
            match = part if part in found else next((n for n in found if n.casefold() == part.casefold()), None)
            if match is None:
                return None
            real = posixpath.join(real, match)
        return real if real != path else None


def os_scandir(path: Path):
    import os

    return os.scandir(path)


# ---- resolving a link as MkDocs does ---------------------------------------------------------


@dataclass
class Resolver:
    """Every link of the help center resolved once per run, shared by the seven rules."""

    index: Index
    site: Site
    tree: Tree
    _memo: dict[tuple[str, str], Target] = field(default_factory=dict)
    _links: dict[str, tuple[tuple[Link, Target], ...]] = field(default_factory=dict)

    @cached_property
    def lower_pages(self) -> dict[str, str]:
        return {path.casefold(): path for path in self.index.entries}

    @cached_property
    def urls(self) -> dict[str, str]:
        """Site URL (relative to the site root, no leading slash) -> content path."""
        urls = {}
        for path in self.index.entries:
            url = self.site.page_url(path)
            urls[url] = path
            urls.setdefault(url.rstrip("/"), path)
            if self.site.use_directory_urls:
                urls.setdefault(url + "index.html", path)
        return urls

    @cached_property
    def top_names(self) -> frozenset[str]:
        """First segments of every path or URL in the site: what an absolute link inside it starts with."""
        names = set((self.tree.listing("") or {}).keys())
        names.update(url.split("/", 1)[0] for url in self.urls)
        return frozenset(names)

    def links_of(self, content_path: str) -> tuple[tuple[Link, Target], ...]:
        if content_path not in self._links:
            entry = self.index.entries[content_path]
            self._links[content_path] = tuple((link, self.resolve(content_path, link.target)) for link in entry.links)
        return self._links[content_path]

    def resolve(self, source: str, raw: str) -> Target:
        folder = posixpath.dirname(source)
        key = (folder, raw)
        if key not in self._memo:
            self._memo[key] = self._resolve(folder, raw)
        target = self._memo[key]
        if target.kind is Kind.PAGE and not target.path:  # "#id": the linking page itself
            return Target(Kind.PAGE, source, target.fragment)
        return target

    def _resolve(self, folder: str, raw: str) -> Target:
        if "{{" in raw or "{%" in raw:
            return SKIPPED
        try:
            parts = urlsplit(raw.strip())
        except ValueError:
            return Target(Kind.MISSING, raw, "", "it is not a valid URL")
        if parts.scheme or parts.netloc:
            return OUTSIDE
        path, fragment = unquote(parts.path), parts.fragment
        if not path:
            return Target(Kind.PAGE, "", fragment) if fragment else SKIPPED
        if path.startswith("~/"):  # DocFX's root of the docset: the content root
            return self._inside(posixpath.normpath(path[2:]), path, fragment, leaving=OUTSIDE)
        if path.startswith(("/", "\\")):
            return self._absolute(path, fragment)
        joined = posixpath.normpath(posixpath.join(folder, path))
        leaving = Target(Kind.MISSING, joined, fragment, "it points outside the content root, which MkDocs does not publish")
        return self._inside(joined, path, fragment, leaving=leaving if self.site.mkdocs_file else OUTSIDE)

    def _absolute(self, path: str, fragment: str) -> Target:
        """A site path such as /billing/refunds/: a page URL, or a file, under the site's root."""
        if not path.startswith(self.site.site_path):
            return OUTSIDE
        relative = path[len(self.site.site_path) :]
        if relative.split("/", 1)[0] not in self.top_names | {""}:
            return OUTSIDE  # another application on the same host (/api/, /dynamics365/...)
        page = self.urls.get(relative) or self.urls.get(relative.rstrip("/"))
        if page is not None:
            return self._checked(Target(Kind.PAGE, page, fragment))
        return self._inside(posixpath.normpath(relative), path, fragment, leaving=OUTSIDE)

    def _inside(self, joined: str, written: str, fragment: str, leaving: Target) -> Target:
        if joined == ".." or joined.startswith("../"):
            return leaving
        if joined in self.index.entries and not written.endswith("/"):
            return self._checked(Target(Kind.PAGE, joined, fragment))
        kind = self.tree.kind(joined)
        if kind == "file":
            page = joined.endswith((".md", ".markdown"))
            return self._checked(Target(Kind.PAGE if page else Kind.FILE, joined, fragment))
        if kind == "folder":
            return self._folder(joined, fragment)
        real = self.lower_pages.get(joined.casefold()) or self.tree.real_case(joined)
        if real is not None:
            return Target(Kind.CASE, joined, fragment, real)
        return Target(Kind.MISSING, joined, fragment)

    def _folder(self, folder: str, fragment: str) -> Target:
        for name in INDEX_NAMES:
            page = posixpath.join(folder, name) if folder != "." else name
            if self.tree.kind(page) == "file":
                return self._checked(Target(Kind.PAGE, page, fragment))
        return Target(Kind.MISSING, folder, fragment, "it is a folder with no index.md or README.md")

    def _checked(self, target: Target) -> Target:
        if self.site.is_excluded(target.path):
            return Target(Kind.MISSING, target.path, target.fragment, "it is excluded from the built site by exclude_docs")
        return target

    # ---- what the rules need ------------------------------------------------------------------

    def anchors(self, content_path: str) -> frozenset[str] | None:
        entry = self.index.entries.get(content_path)
        facts = entry.facts.get(ANCHORS) if entry else None
        return self._ids(content_path, facts) if isinstance(facts, PageAnchors) else None

    @cached_property
    def _anchor_memo(self) -> dict[str, frozenset[str]]:
        return {}

    def _ids(self, content_path: str, facts: PageAnchors) -> frozenset[str]:
        if content_path not in self._anchor_memo:
            self._anchor_memo[content_path] = page_ids(self.site, facts)
        return self._anchor_memo[content_path]

    @cached_property
    def inbound(self) -> dict[str, set[str]]:
        """Content path -> the other articles that link to it."""
        linked: dict[str, set[str]] = defaultdict(set)
        for source in self.index.entries:
            for _, target in self.links_of(source):
                if target.kind is Kind.PAGE and target.path != source:
                    linked[target.path].add(source)
        return linked

    @cached_property
    def by_name(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = defaultdict(list)
        for path in self.index.entries:
            names[posixpath.basename(path).casefold()].append(path)
        return names

    def closest_page(self, wanted: str) -> str | None:
        """The article most likely meant: the same file name elsewhere (a move), else the nearest
        spelling of the name. Names are compared, not whole paths: far cheaper, and a misspelt
        folder still leaves the name to match on."""
        name = posixpath.basename(wanted).casefold()
        if name not in self._suggested:
            found = difflib.get_close_matches(name, list(self.by_name), n=1, cutoff=0.75)
            self._suggested[name] = found[0] if found else None
        match = self._suggested[name]
        if match is None:
            return None
        return max(self.by_name[match], key=lambda path: difflib.SequenceMatcher(None, wanted, path).ratio())

    @cached_property
    def _suggested(self) -> dict[str, str | None]:
        return {}

    def closest_file(self, wanted: str) -> str | None:
        folder = posixpath.dirname(wanted)
        names = [n for n, is_folder in (self.tree.listing(folder) or {}).items() if not is_folder]
        found = difflib.get_close_matches(posixpath.basename(wanted), names, n=1, cutoff=0.6)
        return posixpath.join(folder, found[0]) if found else None


def resolver(index: Index, context: Context) -> Resolver:
    """The run's resolver: the seven rules run one after another on the same index, so each link is
    resolved once rather than seven times (kept in the run's scratch space, Context.shared)."""
    site = load_site(context.mkdocs_file)
    last = context.shared.get("links")
    if last is not None and last[0] is index and last[1].site == site:
        return last[1]
    made = Resolver(index, site, Tree(context.content))
    context.shared["links"] = (index, made)
    return made


# ---- facts: what an article contributes to its page's ids ------------------------------------


def anchor_facts(article: Article) -> PageAnchors:
    headings = tuple((rendered_text(h.text), h.explicit_id) for h in article.headings)
    fragments: list[str] = []
    attrs: list[str] = []
    previous = ""
    for token in article.tokens:
        if token.type == "html_block":
            fragments.append(token.content)
        elif token.type == "inline":
            fragments += [c.content for c in token.children or () if c.type == "html_inline"]
            if previous != "heading_open":
                attrs += attr_ids(token.content)
        previous = token.type
    return PageAnchors(headings, tuple(attrs), html_ids(fragments))


# ---- messages --------------------------------------------------------------------------------


def _relative(path: str, source: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(source) or ".")


def _hint(suggestion: str | None, source: str) -> str | None:
    return f"did you mean `{_relative(suggestion, source)}`?" if suggestion else None


def _is_file_link(link: Link, target: Target) -> bool:
    return link.image or posixpath.splitext(target.path)[1].lower() not in PAGE_SUFFIXES


def _missing(resolve: Resolver, source: str, link: Link, target: Target, what: str) -> Problem:
    if target.kind is Kind.CASE:
        message = f"{what} `{unquote(link.target)}`: the file is named `{target.detail}`; the case differs, which breaks on Linux hosts"
        return Problem(link.line, link.column, message, hint=f"write `{_relative(target.detail, source)}`")
    reason = target.detail or f"there is no `{target.path}` in the content root"
    file = _is_file_link(link, target)
    suggestion = None if target.detail else (resolve.closest_file if file else resolve.closest_page)(target.path)
    verb = "is missing" if file else "leads nowhere"
    return Problem(link.line, link.column, f"{what} `{unquote(link.target)}` {verb}: {reason}", hint=_hint(suggestion, source))


def _broken(index: Index, targets: frozenset[str], context: Context, files: bool, what: Callable[[Link], str]) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    for source in sorted(targets):
        for link, target in resolve.links_of(source):
            if target.kind in (Kind.MISSING, Kind.CASE) and _is_file_link(link, target) == files:
                yield source, _missing(resolve, source, link, target, what(link))


# ---- the rules -------------------------------------------------------------------------------


def broken_link(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    return _broken(index, targets, context, files=False, what=lambda link: "the link to")


def missing_image(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    return _broken(index, targets, context, files=True, what=lambda link: "the image" if link.image else "the file")


def broken_anchor(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    for source in sorted(targets):
        for link, target in resolve.links_of(source):
            if target.kind is not Kind.PAGE or not target.fragment:
                continue
            ids = resolve.anchors(target.path)
            fragment = target.fragment
            if ids is None or fragment in ids or unquote(fragment) in ids or _not_an_id(fragment):
                continue
            yield source, _anchor_problem(link, target, source, ids)


def _not_an_id(fragment: str) -> bool:
    # #top scrolls to the top in every browser; #tab/name is DocFX's tab syntax, not a link.
    return fragment.lower() == "top" or fragment.startswith("tab/")


def _anchor_problem(link: Link, target: Target, source: str, ids: frozenset[str]) -> Problem:
    page = "this page" if target.path == source else f"`{_relative(target.path, source)}`"
    # Links are stored percent-encoded (as markdown-it normalizes them); writers wrote them decoded.
    message = f"the link `{unquote(link.target)}` leads nowhere on the page: {page} has no heading or element with the id `{unquote(target.fragment)}`"
    found = difflib.get_close_matches(unquote(target.fragment), sorted(ids), n=1, cutoff=0.6)
    page_part = unquote(link.target).split("#", 1)[0]
    hint = f"did you mean `{page_part}#{found[0]}`?" if found else None
    return Problem(link.line, link.column, message, hint=hint)


def _audience(entry: IndexEntry) -> str:
    value = entry.frontmatter.get("audience")
    values = value if isinstance(value, list) else [value]
    return "internal" if "internal" in [str(v).strip().lower() for v in values] else "public"


def internal_link_from_public(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    for source in sorted(targets):
        if _audience(index.entries[source]) == "internal":
            continue
        for link, target in resolve.links_of(source):
            entry = index.entries.get(target.path) if target.kind is Kind.PAGE else None
            if entry is not None and _audience(entry) == "internal":
                message = f"this public article links to `{unquote(link.target)}`, which is internal (`audience: internal`)"
                yield source, Problem(link.line, link.column, message, hint="link to a public article, or remove the link")


def _published(site: Site, entry: IndexEntry) -> bool:
    return _audience(entry) == "public" and not site.is_excluded(entry.content_path)


def _is_home(content_path: str) -> bool:
    return content_path in INDEX_NAMES


def not_in_nav(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    site = resolve.site
    if site.nav is None:
        return
    in_nav = {entry.target for entry in site.nav}
    for source in sorted(targets):
        entry = index.entries[source]
        if source not in in_nav and _published(site, entry) and not site.is_not_in_nav(source):
            message = "no entry of the nav in mkdocs.yml leads to this article"
            hint = "add it to `nav` in mkdocs.yml, or list it under `not_in_nav` if only links should lead to it"
            yield source, Problem(1, 1, message, hint=hint)


def _reached_by_nav(site: Site, content_path: str) -> bool:
    if site.mkdocs_file is None:
        return False
    if site.nav is None:  # MkDocs lists every page in the nav it builds itself
        return not site.is_not_in_nav(content_path)
    return any(entry.target == content_path for entry in site.nav)


def orphan_article(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    for source in sorted(targets):
        entry = index.entries[source]
        if _is_home(source) or not _published(resolve.site, entry) or resolve.inbound.get(source):
            continue
        if not _reached_by_nav(resolve.site, source):
            yield source, Problem(1, 1, "no other article links to this one and no nav entry leads to it", hint="link to it from a related article, or add it to the nav")


def nav_missing_target(index: Index, targets: frozenset[str], options_for: Callable[[str], Options], context: Context) -> Iterator[tuple[str, Problem]]:
    resolve = resolver(index, context)
    site = resolve.site
    if site.nav is None or site.mkdocs_file is None:
        return
    shown = posixpath.relpath(site.mkdocs_file.as_posix(), context.root.as_posix())
    for entry in site.nav:
        if entry.is_link:
            continue
        target = resolve._inside(posixpath.normpath(entry.target), entry.target, "", OUTSIDE)
        if target.kind in (Kind.PAGE, Kind.FILE) and target.path == posixpath.normpath(entry.target):
            continue
        yield shown, _nav_problem(resolve, entry, target)


def _nav_problem(resolve: Resolver, entry: NavEntry, target: Target) -> Problem:
    written, line, column = entry.target, entry.line, entry.column
    if target.kind is Kind.CASE:
        return Problem(line, column, f"the nav entry `{written}`: the file is named `{target.detail}`; the case differs", hint=f"write `{target.detail}`")
    reason = target.detail or "no such file in the content root"
    if target.kind is Kind.PAGE:  # a folder: MkDocs wants the file itself
        reason, suggestion = "the nav must name the file, not its folder", target.path
    else:
        suggestion = resolve.closest_page(posixpath.normpath(written))
    return Problem(line, column, f"the nav entry `{written}` is broken: {reason}", hint=f"did you mean `{suggestion}`?" if suggestion else None)


# ---- the records -----------------------------------------------------------------------------

HEAD = "---\ntitle: Refunds\n---\n\n"
BILLING = "---\ntitle: Billing\n---\n\n# Billing\n\n## Payment methods\n\nWe take cards.\n"
INTERNAL = "---\ntitle: Refund policy for agents\naudience: internal\n---\n\nApprove refunds up to 50 euros.\n"

BROKEN_LINK = Rule(
    name="broken-link",
    summary="A link points to an article that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=broken_link,
    what="Reports a link to an article, folder or page that does not exist, resolved exactly as MkDocs "
    "resolves it: relative to the linking article, `.md` targets, a folder to its `index.md` or "
    "`README.md`, percent-encoding decoded and query strings ignored. Site paths such as "
    "`/billing/refunds/` are resolved against the content root and `use_directory_urls`. "
    "A link whose case differs from the file's is reported with the real name. "
    "The message suggests the article you most likely meant.",
    why="A broken link is the most visible defect of a help center: the reader hits a 404 page in the "
    "middle of a task. A case mismatch works on a laptop and breaks on the Linux server that publishes "
    f"the site. {AI_READER} follow links to find the rest of an answer, and cannot.",
    example=Example(
        failing=HEAD + "See [billing](billng.md) for payment methods.\n",
        fixed=HEAD + "See [billing](billing.md) for payment methods.\n",
        others={"billing.md": BILLING},
    ),
)

BROKEN_ANCHOR = Rule(
    name="broken-anchor",
    summary="A link points to a heading or id that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=broken_anchor,
    facts=anchor_facts,
    what="Reports `page.md#section` and `#section` when the page has no such id. Ids are computed the way "
    "MkDocs renders them: the slugify of the toc extension as configured in mkdocs.yml (Python-Markdown's "
    "by default, or `pymdownx.slugs`), `_1`, `_2` for repeated headings, `{#custom-id}` from attr_list, "
    "and `id` and `name` attributes in raw HTML.",
    why="A broken anchor still opens the page, but at the top: the reader must search for the section. "
    "Anchors break silently when a heading is reworded. "
    f"{AI_READER} cite sections by their anchor; a dead one sends the customer to the wrong place.",
    example=Example(
        failing=HEAD + "See [payment methods](billing.md#payment-method).\n",
        fixed=HEAD + "See [payment methods](billing.md#payment-methods).\n",
        others={"billing.md": BILLING},
    ),
)

MISSING_IMAGE = Rule(
    name="missing-image",
    summary="An image or downloadable file does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=missing_image,
    what="Reports an image, and a link to a file that is not an article (a PDF, a ZIP, a spreadsheet), "
    "when the file does not exist in the content root, or exists only with a different case.",
    why="A missing screenshot leaves a gap exactly where the reader needed to see something. "
    f"A missing download ends the task. {AI_READER} lose the alt text's context too.",
    example=Example(
        failing=HEAD + "![The refund button](images/refund.png)\n",
        fixed=HEAD + "![The refund button](images/refund-button.png)\n",
        others={"images/refund-button.png": "PNG placeholder\n"},
    ),
)

NAV_MISSING_TARGET = Rule(
    name="nav-missing-target",
    summary="A nav entry in mkdocs.yml names a file that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=nav_missing_target,
    example=None,
    what="Reports each entry of `nav` in mkdocs.yml that names a file missing from the content root, "
    "named with a different case, excluded by `exclude_docs`, or a folder instead of a file. "
    "It is reported on mkdocs.yml, at the entry's line, when the whole help center is checked.",
    why="MkDocs turns such an entry into a link to nowhere: readers click a menu item and get a 404. "
    f"{AI_READER} that read the nav to understand the structure see a section with no content.",
)

NOT_IN_NAV = Rule(
    name="not-in-nav",
    summary="A public article is missing from the nav.",
    severity=Severity.WARNING,
    kind="corpus",
    check=not_in_nav,
    example=None,
    what="When mkdocs.yml has an explicit `nav`, reports each public article that no nav entry leads to. "
    "Articles with `audience: internal`, articles excluded by `exclude_docs` and articles listed under "
    "`not_in_nav` are not reported.",
    why="An article outside the nav can only be found by search or by a link. Most often it was "
    f"added and then forgotten in mkdocs.yml. {AI_READER} miss where it belongs in the structure.",
)

ORPHAN_ARTICLE = Rule(
    name="orphan-article",
    summary="No article links to this one and no nav entry leads to it.",
    severity=Severity.INFO,
    kind="corpus",
    check=orphan_article,
    example=None,
    what="Reports a public article that no other article links to and that no nav entry reaches. When "
    "mkdocs.yml has no `nav`, MkDocs lists every page in the nav, so only pages under `not_in_nav` "
    "can be orphans; without mkdocs.yml only links count. The home page is never an orphan.",
    why="Readers cannot find an orphan article except by search. It is often outdated, because no one "
    f"sees it. {AI_READER} may still quote it, with nothing around it to correct it.",
)

INTERNAL_LINK_FROM_PUBLIC = Rule(
    name="internal-link-from-public",
    summary="A public article links to an internal one.",
    severity=Severity.ERROR,
    kind="corpus",
    check=internal_link_from_public,
    what="Reports a link from a public article to an article with `audience: internal` in its frontmatter. "
    "Internal articles are written for support agents and the AI assistant, and are never published.",
    why="On the published site the link is broken, and the text around it promises something the reader "
    f"cannot see. It may also reveal that internal guidance exists. {AI_READER} may follow it and quote "
    "internal guidance to a customer.",
    example=Example(
        failing=HEAD + "Agents follow the [refund policy](policy.md).\n",
        fixed=HEAD + "Contact support to ask for a refund.\n",
        others={"policy.md": INTERNAL},
    ),
)

RULES = (BROKEN_LINK, BROKEN_ANCHOR, MISSING_IMAGE, NAV_MISSING_TARGET, NOT_IN_NAV, ORPHAN_ARTICLE, INTERNAL_LINK_FROM_PUBLIC)
