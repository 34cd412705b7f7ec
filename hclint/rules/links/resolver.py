"""Where each link of the help center leads, resolved exactly as MkDocs resolves it.

One Resolver per run serves the seven link rules: it reads the index (links, headings,
frontmatter), the anchors fact of each article, and, for images and downloads that are not
articles, the listings of the content root's folders, each read once and only when a link needs it.
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

from hclint.article.markdown import Link
from hclint.index import Index, IndexEntry
from hclint.project.discovery import SUFFIXES
from hclint.project.folder_meta import META_NAMES, FolderMeta, read_folder_meta
from hclint.project.publishing import EVERYONE, Audiences, Publication, publication
from hclint.project.site import (
    INDEX_NAMES,
    PageAnchors,
    Site,
    attr_ids,
    html_ids,
    load_site,
    page_ids,
    rendered_text,
)
from hclint.rule import Context, Shared

if TYPE_CHECKING:
    from hclint.article import Article

ANCHORS = "broken-anchor"  # the rule whose facts hold each page's anchors
MAX_INCLUDE_DEPTH = 20  # snippets nested deeper are reported, not followed (pymdownx goes on to the recursion limit)
MAX_SNIPPET_BYTES = 2 * 1024 * 1024


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
    fix: str = ""  # MISSING: the content path the writer surely meant, when there is one


SKIPPED = Target(Kind.SKIP)
OUTSIDE = Target(Kind.OUTSIDE)


# ---- the content root on disk: folders listed once, only when a link needs them ------------


@dataclass
class Tree:
    root: Path
    absent: frozenset[str] = frozenset()  # files on disk that the check treats as missing (not staged)
    _listings: dict[str, dict[str, bool] | None] = field(default_factory=dict)

    def listing(self, folder: str) -> dict[str, bool] | None:
        """name -> is a folder, for a folder relative to the root; None when it does not exist."""
        if folder not in self._listings:
            try:
                with os.scandir(self.root / folder) as entries:
                    listed = {e.name: e.is_dir() for e in entries if not e.name.startswith(".")}
                prefix = f"{folder}/" if folder not in ("", ".") else ""
                self._listings[folder] = {n: d for n, d in listed.items() if prefix + n not in self.absent} if self.absent else listed
            except OSError:
                self._listings[folder] = None
        return self._listings[folder]

    def find(self, wanted: set[str]) -> list[str]:
        """The paths of every file with one of the wanted names, in any folder: hidden ones and
        linked ones too, as MkDocs lists them (a folder reached twice is walked once)."""
        found, seen = [], set()
        for current, folders, names in os.walk(self.root, followlinks=True):
            real = os.path.realpath(current)
            if real in seen:
                folders[:] = []
                continue
            seen.add(real)
            below = os.path.relpath(current, self.root).replace(os.sep, "/")
            found += [name if below == "." else f"{below}/{name}" for name in sorted(wanted & set(names))]
        return [path for path in found if path not in self.absent]

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


# ---- resolving a link as MkDocs does ---------------------------------------------------------


@dataclass
class Resolver:
    """Every link of the help center resolved once per run, shared by the seven rules."""

    index: Index
    site: Site
    tree: Tree
    audiences: Audiences = EVERYONE
    _memo: dict[tuple[str, str], Target] = field(default_factory=dict)
    _links: dict[str, tuple[tuple[Link, Target], ...]] = field(default_factory=dict)
    _includes: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)
    _outside_index: dict[str, Publication | None] = field(default_factory=dict)

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
        names = {"", *(self.tree.listing("") or {})}
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
        if "\\" in path and not path.startswith("\\\\"):  # not a Windows share: \\server\share
            return self._backslashes(folder, path, fragment)
        if not path:
            return Target(Kind.PAGE, "", fragment) if fragment else SKIPPED
        if path.startswith("~/"):  # DocFX's root of the docset: the content root
            return self.lookup(posixpath.normpath(path[2:]), path, fragment, leaving=OUTSIDE)
        if path.startswith(("/", "\\")):
            return self._absolute(path, fragment)
        joined = posixpath.normpath(posixpath.join(folder, path))
        leaving = Target(Kind.MISSING, joined, fragment, "it points outside the content root, which MkDocs does not publish")
        return self.lookup(joined, path, fragment, leaving=leaving if self.site.mkdocs_file else OUTSIDE)

    def _backslashes(self, folder: str, path: str, fragment: str) -> Target:
        """Browsers read \\ as /, but MkDocs does not, so the page is not found and not rewritten."""
        meant = self._resolve(folder, path.replace("\\", "/"))
        fix = meant.path if meant.kind in (Kind.PAGE, Kind.FILE) else ""
        return Target(Kind.MISSING, path, fragment, "it separates folders with \\ where links need /", fix)

    def _absolute(self, path: str, fragment: str) -> Target:
        """A site path such as /billing/refunds/: a page URL, or a file, under the site's root."""
        if not path.startswith(self.site.site_path):
            return OUTSIDE
        relative = path[len(self.site.site_path) :]
        # A site that MkDocs builds at the root of its host owns every path there; without
        # mkdocs.yml, or under a path of the host, a path outside the site's folders is another
        # application on the same host (/api/, /dynamics365/...).
        owns_host = self.site.mkdocs_file is not None and self.site.site_path == "/" and bool(self.site.host)
        if not owns_host and relative.split("/", 1)[0] not in self.top_names:
            return OUTSIDE
        page = self.urls.get(relative) or self.urls.get(relative.rstrip("/"))
        if page is not None:
            return self._checked(Target(Kind.PAGE, page, fragment))
        return self.lookup(posixpath.normpath(relative), path, fragment, leaving=OUTSIDE)

    def lookup(self, joined: str, written: str, fragment: str, leaving: Target) -> Target:
        if joined == ".." or joined.startswith("../"):
            return leaving
        if joined in self.index.entries and not written.endswith("/"):
            return self._checked(Target(Kind.PAGE, joined, fragment))
        kind = self.tree.kind(joined)
        if kind == "file":
            page = joined.endswith(SUFFIXES)
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
        return self._ids(content_path, page_anchors(entry, facts)) if isinstance(facts, PageAnchors) else None

    @cached_property
    def _anchor_memo(self) -> dict[str, frozenset[str]]:
        return {}

    def _ids(self, content_path: str, facts: PageAnchors) -> frozenset[str]:
        if content_path not in self._anchor_memo:
            self._anchor_memo[content_path] = page_ids(self.site, facts)
        return self._anchor_memo[content_path]

    @cached_property
    def folder_meta(self) -> FolderMeta:
        names = {*META_NAMES, *([self.site.meta_file] if self.site.meta_file else [])}
        return read_folder_meta(self.tree.root, self.tree.find(names), self.site.meta_file)

    def publication(self, content_path: str, frontmatter: Mapping[str, Any], unreadable: str | None) -> Publication:
        """The one decision of whether a page may be published (publishing.publication), with the
        folder metadata that applies to it."""
        folders, broken = self.folder_meta.for_page(content_path)
        if broken and not unreadable:
            return Publication(False, broken, certain=False)
        return publication(frontmatter, unreadable, self.audiences, folders)

    @cached_property
    def private(self) -> dict[str, Publication]:
        """Content path -> why it is not published, for every article that is not."""
        found = {path: self.publication(path, entry.frontmatter, entry.unreadable) for path, entry in self.index.entries.items()}
        return {path: decided for path, decided in found.items() if not decided.public}

    def withheld(self, content_path: str) -> Publication | None:
        """Why the page at content_path is not published, or None when it is. A page the
        configuration leaves out of the check (`exclude`) is still published by MkDocs: it is read
        here, once, when a link leads to it."""
        if content_path in self.index.entries:
            return self.private.get(content_path)
        if content_path not in self._outside_index:
            decided = None
            if content_path.endswith(SUFFIXES) and self.tree.kind(content_path) == "file":
                article = _read_snippet(self.tree.root / content_path, content_path)
                found = self.publication(content_path, article.frontmatter, article.unreadable)
                decided = None if found.public else found
            self._outside_index[content_path] = decided
        return self._outside_index[content_path]

    def private_include(self, page: str, path: str) -> tuple[str, str] | None:
        """(where, why) when including path into page shows readers something that is not published:
        the text of a private file, a snippet it includes in turn, or a link in it that leads, from
        the page it lands in, to a private page."""
        key = (posixpath.dirname(page), path)
        if key not in self._includes:
            self._includes[key] = self._private_include(page, path, ())
        return self._includes[key]

    def _private_include(self, page: str, path: str, within: tuple[Path, ...]) -> tuple[str, str] | None:
        from hclint.rules.links.includes import snippet_file

        assert self.site.snippets is not None
        file = snippet_file(self.site.snippets, path, (self.tree.root / page).parent)
        if file is None or file in within:
            return None  # a missing snippet, or one already being included, adds nothing
        inside = _inside(file, self.tree.root)
        shown = inside if inside is not None else Path(os.path.relpath(file, self.tree.root)).as_posix()
        if len(within) >= MAX_INCLUDE_DEPTH:
            return shown, f"snippets nested more than {MAX_INCLUDE_DEPTH} deep, which hclint does not follow"
        entry = self.index.entries.get(inside) if inside is not None else None
        if entry is not None:
            decided = self.private.get(inside)
            nested, links = entry.facts.get("private-include", ()), (*entry.links, *entry.facts.get("internal-link-from-public", ()))
        else:
            article = _read_snippet(file, inside)
            found = self.publication(inside or "", article.frontmatter, article.unreadable)
            decided, nested, links = (None if found.public else found), article.includes, (*article.links, *article.views.html_links)
        if decided is not None:
            return shown, decided.reason
        for link in links:  # the included text's links are the page's links once it is built
            target = next((p for p in self.reaches(page, link.target) if self.withheld(p) and p != page), None)
            if target is not None:
                return shown, f"it links to `{unquote(link.target)}`, which is not published ({self.withheld(target).reason})"  # type: ignore[union-attr]
        for include in nested:
            found_below = self._private_include(page, include.path, (*within, file))
            if found_below is not None:
                return found_below
        return None

    def reaches(self, source: str, raw: str) -> tuple[str, ...]:
        """The articles a link may lead readers to: where MkDocs resolves it, and where a browser
        resolves it from the page's URL when MkDocs leaves it as written (raw HTML, folder links)."""
        found = []
        target = self.resolve(source, raw)
        if target.kind is Kind.PAGE:
            found.append(target.path)
        for page in (self._browsed(source, raw), self._meant(source, raw)):
            if page is not None and page not in found:
                found.append(page)
        return tuple(found)

    def _meant(self, source: str, raw: str) -> str | None:
        """The article a folder-style link (`refunds/`) names from the linking file's folder, as
        writers often mean it: MkDocs leaves such a link as written, but it still names the page."""
        target = self.resolve(source, raw.split("#", 1)[0].rstrip("/")) if raw.split("#", 1)[0].endswith("/") else None
        if target is None or target.kind is not Kind.MISSING:
            return None
        return next((p for p in (f"{target.path}.md", f"{target.path}/index.md", f"{target.path}/README.md") if p in self.index.entries), None)

    def _browsed(self, source: str, raw: str) -> str | None:
        if "{{" in raw or "{%" in raw:
            return None
        try:
            address = urlsplit(urljoin("http://site" + self.site.site_path + self.site.page_url(source), raw.strip()))
        except ValueError:
            return None
        own = address.netloc == "site" or (self.site.host and (address.hostname or "").casefold() == self.site.host)
        if not own or not address.path.startswith(self.site.site_path):
            return None
        relative = unquote(address.path[len(self.site.site_path) :])
        # Either URL style: a page of a site built without directory URLs is page.html.
        for url in (relative, relative.rstrip("/"), relative + "/", relative.removesuffix(".html") + "/", relative.removesuffix("index.html")):
            if url in self.urls:
                return self.urls[url]
        return None

    @cached_property
    def inbound(self) -> dict[str, set[str]]:
        """Content path -> the other articles that link to it."""
        linked: dict[str, set[str]] = defaultdict(set)
        for source in self.index.entries:
            for _, target in self.links_of(source):
                if target.kind is Kind.PAGE and target.path != source:
                    linked[target.path].add(source)
        return linked

    def linked_from_elsewhere(self, page: str) -> bool:
        """Whether another article links to page. For a few pages (a pre-commit run) this resolves
        only the links that could lead there, instead of every link of the help center."""
        name = _page_name(page)
        for source, entry in self.index.entries.items():
            for link in entry.links:
                if source != page and _could_lead_to(link.target, name):
                    target = self.resolve(source, link.target)
                    if target.kind is Kind.PAGE and target.path == page:
                        return True
        return False

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
            self._suggested[name] = closest(name, list(self.by_name), 75)
        match = self._suggested[name]
        return closest(wanted, self.by_name[match], 0) if match is not None else None

    @cached_property
    def _suggested(self) -> dict[str, str | None]:
        return {}

    def closest_file(self, wanted: str) -> str | None:
        folder = posixpath.dirname(wanted)
        names = [n for n, is_folder in (self.tree.listing(folder) or {}).items() if not is_folder]
        found = closest(posixpath.basename(wanted), names, 60)
        return posixpath.join(folder, found) if found else None


def make_resolver(index: Index, context: Context) -> Resolver:
    """The links family's shared object: the rules run one after another on the same index, so each
    link is resolved once rather than once a rule."""
    site = load_site(context.mkdocs_file)
    return Resolver(index, site, Tree(context.content, context.absent), Audiences.of(context.public_audiences))


LINKS = Shared("links", make_resolver)


def _inside(file: Path, root: Path) -> str | None:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def _read_snippet(file: Path, content_path: str | None) -> Article:
    from hclint.article import load_article

    return load_article(file, file.as_posix(), content_path or file.as_posix(), MAX_SNIPPET_BYTES)


# ---- facts: what an article contributes to its page's ids ------------------------------------


def closest(wanted: str, choices: list[str], cutoff: float) -> str | None:
    """The choice spelled most like wanted (similarity 0-100, at least cutoff), by rapidfuzz:
    fast enough to suggest a target for hundreds of broken links among thousands of articles."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(wanted, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


def anchor_facts(article: Article) -> PageAnchors:
    """The ids an article has besides its headings' (those are in the index already)."""
    if "<" not in article.source and "{" not in article.source:
        return PageAnchors((), (), ())  # no HTML and no attribute list: no token to walk
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
    return PageAnchors((), tuple(attrs), html_ids(fragments))


def page_anchors(entry: IndexEntry | Article, facts: PageAnchors) -> PageAnchors:
    """Everything that gives the page an id: its headings, and the ids in the facts."""
    return replace(facts, headings=tuple((rendered_text(h.text), h.explicit_id) for h in entry.headings))


def _page_name(page: str) -> str:
    """What a link to page must mention: its file name, or its folder's for an index page."""
    folder, name = posixpath.split(page)
    stem = posixpath.splitext(name)[0]
    return (posixpath.basename(folder) if stem.casefold() in ("index", "readme") else stem).casefold()


def _could_lead_to(raw: str, name: str) -> bool:
    path = raw.split("#", 1)[0].split("?", 1)[0]
    # A folder link ("../", "./") names no page, so it could lead to any index page.
    return name in unquote(path).casefold() or not path.rstrip("/").strip(".") or path.endswith("/")
