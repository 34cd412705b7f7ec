"""MkDocs's view of the help center: nav, page URLs and the ids it gives headings.

Everything here mirrors what `mkdocs build` does, so a link hclint accepts works on the published
site and a link it rejects is broken there. Where MkDocs delegates (heading ids to Python-Markdown's
toc extension, exclusions to pathspec), the same library function is called, not copied.
"""

from __future__ import annotations

import html
import importlib
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hclint.memo import bounded, once
from hclint.project.i18n import I18n, i18n_of

Slugify = Callable[[str, str], str]
DEFAULT_EXCLUDE = (".*", "/templates/")  # MkDocs excludes these whatever exclude_docs says
INDEX_NAMES = ("index.md", "README.md")


@dataclass(frozen=True)
class NavEntry:
    """One leaf of the nav: a page path (or a link) with the line of mkdocs.yml it is on."""

    title: str | None
    target: str
    line: int = 1
    column: int = 1

    @property
    def is_link(self) -> bool:
        """External URLs and absolute paths: MkDocs leaves them as links, never as pages."""
        parts = urlsplit(self.target)
        return bool(parts.scheme or parts.netloc or self.target.startswith("/"))


@dataclass(frozen=True)
class Snippets:
    """pymdownx.snippets as configured: where `--8<--` finds the files it includes."""

    # Absolute, in the order the extension tries them; None stands for `!relative`, the folder of
    # the page being rendered.
    base_paths: tuple[Path | None, ...]
    restrict_base_path: bool = True
    auto_append: tuple[str, ...] = ()  # appended to every page


@dataclass(frozen=True)
class Site:
    """The settings of mkdocs.yml that decide where links go and which anchors exist."""

    mkdocs_file: Path | None = None
    use_directory_urls: bool = True
    nav: tuple[NavEntry, ...] | None = None  # None: MkDocs builds the nav from every page
    slugify: Slugify | None = None  # None: Python-Markdown's default
    separator: str = "-"
    attr_list: bool = False
    site_path: str = "/"  # path of site_url: absolute links start with it
    host: str = ""  # host of site_url: a full address of the site's own pages uses it
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    not_in_nav: tuple[str, ...] = ()
    meta_file: str | None = None  # the name of folder metadata files, when the meta plugin is on
    i18n: I18n | None = None  # mkdocs-static-i18n's languages, when it is on
    snippets: Snippets | None = None

    def nav_title(self, content_path: str) -> str | None:
        """The title the nav gives a page: MkDocs shows it when the page names none itself."""
        return next((e.title for e in self.nav or () if e.title and e.target == content_path), None)

    def slug(self, text: str) -> str:
        return (self.slugify or _default_slugify())(text, self.separator)

    def is_excluded(self, content_path: str) -> bool:
        if self.exclude == DEFAULT_EXCLUDE:  # the common case, without pathspec's cost per path
            return content_path.startswith(("templates/", ".")) or "/." in content_path
        return _spec(self.exclude).match_file(content_path)

    def is_not_in_nav(self, content_path: str) -> bool:
        return bool(self.not_in_nav) and _spec(self.not_in_nav).match_file(content_path)

    def page_url(self, content_path: str) -> str:
        """The page's URL relative to the site root, exactly as MkDocs's File.url computes it."""
        folder, name = posixpath.split(content_path)
        stem = posixpath.splitext(name)[0]
        if stem in ("index", "README"):
            url = f"{folder}/" if folder else ""
        elif self.use_directory_urls:
            url = posixpath.join(folder, stem) + "/"
        else:
            url = posixpath.join(folder, stem + ".html")
        return url if self.use_directory_urls or url.endswith(".html") else url + "index.html"


NO_SITE = Site()


@once("Python-Markdown's slugify, imported once")
def _default_slugify() -> Slugify:
    from markdown.extensions.toc import (
        slugify,  # heavy import: only runs that check anchors pay
    )

    return slugify


@bounded(64, "the exclude_docs and not_in_nav patterns of the few mkdocs.yml a process reads")
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def load_site(mkdocs_file: Path | None) -> Site:
    """The site described by mkdocs.yml; the defaults MkDocs would use when there is none."""
    if mkdocs_file is None or not mkdocs_file.is_file():
        return NO_SITE
    stat = mkdocs_file.stat()
    return _load_site(mkdocs_file, stat.st_mtime_ns, stat.st_size, Path.cwd())


@bounded(8, "mkdocs.yml read once per version of the file: `mkdocs serve` keeps the last few")
def _load_site(mkdocs_file: Path, mtime_ns: int, size: int, cwd: Path) -> Site:
    # mtime and size are part of the key so an edited mkdocs.yml is read again in a long process;
    # the working folder, since snippets' base paths are relative to it.
    from hclint.project.config import read_mkdocs

    data = read_mkdocs(mkdocs_file)
    extensions = dict(_extensions(data.get("markdown_extensions") or []))
    toc = extensions.get("toc") or {}
    return Site(
        mkdocs_file=mkdocs_file,
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        nav=_nav(data.get("nav"), _nav_lines(mkdocs_file)),
        slugify=_callable(toc.get("slugify")),
        separator=str(toc.get("separator", "-")),
        attr_list="attr_list" in extensions or "pymdownx.extra" in extensions or "extra" in extensions,
        site_path=urlsplit(str(data.get("site_url") or "")).path.rstrip("/") + "/",
        host=(urlsplit(str(data.get("site_url") or "")).hostname or "").casefold(),
        exclude=DEFAULT_EXCLUDE + _patterns(data.get("exclude_docs")) + _patterns(data.get("draft_docs")),
        not_in_nav=_patterns(data.get("not_in_nav")),
        meta_file=meta_file_of(data.get("plugins")),
        i18n=i18n_of(data.get("plugins")),
        snippets=snippets_of(extensions, (mkdocs_file.parent.resolve(), cwd)),
    )


def _plugins(items: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(name, settings) of each plugin listed in mkdocs.yml."""
    entries = items.items() if isinstance(items, Mapping) else items if isinstance(items, list) else ()
    for item in entries:
        if isinstance(item, str):
            yield item, {}
        elif isinstance(item, tuple):
            yield str(item[0]), item[1] if isinstance(item[1], Mapping) else {}
        elif isinstance(item, Mapping):
            for name, settings in item.items():
                yield str(name), settings if isinstance(settings, Mapping) else {}


def plugin_settings(plugins: Any, names: tuple[str, ...]) -> Mapping[str, Any] | None:
    """The settings of the first of mkdocs.yml's plugins named one of names, or None."""
    return next((settings for name, settings in _plugins(plugins) if name in names), None)


def meta_file_of(plugins: Any) -> str | None:
    """Material for MkDocs's meta plugin (`meta` or `material/meta`): folder metadata files."""
    for name, settings in _plugins(plugins):
        if name in ("meta", "material/meta") and settings.get("enabled", True) is not False:
            return str(settings.get("meta_file", ".meta.yml"))
    return None


def snippets_of(extensions: Mapping[str, Mapping[str, Any]], folders: Sequence[Path]) -> Snippets | None:
    """pymdownx.snippets's settings. Its base paths are relative to the folder `mkdocs build` runs
    in: each is tried from every folder given (the folder of mkdocs.yml, where builds usually run,
    and the current one), so no include the build could find is missed."""
    if "pymdownx.snippets" not in extensions:
        return None
    settings = extensions["pymdownx.snippets"]
    base = settings.get("base_path", ["."])
    bases = list(base) if isinstance(base, (list, tuple)) else [base]
    found: list[Path | None] = []
    for entry in bases:
        if type(entry).__name__ == "RelativeDirPlaceholder":
            found.append(None)
            continue
        for folder in folders:
            path = (folder / os.fspath(entry)).resolve() if isinstance(entry, (str, os.PathLike)) else None
            if path is not None and path not in found:
                found.append(path)
    return Snippets(tuple(found), bool(settings.get("restrict_base_path", True)), tuple(str(n) for n in settings.get("auto_append") or ()))


def _extensions(items: Iterable[Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(short name, settings) of each configured Markdown extension."""
    entries = items.items() if isinstance(items, Mapping) else items
    for item in entries:
        if isinstance(item, str):
            yield extension_name(item), {}
        elif isinstance(item, tuple):
            yield extension_name(str(item[0])), item[1] if isinstance(item[1], Mapping) else {}
        elif isinstance(item, Mapping):
            for name, settings in item.items():
                yield extension_name(str(name)), settings if isinstance(settings, Mapping) else {}


def extension_name(name: str) -> str:
    """`toc` for `markdown.extensions.toc`, and `pymdownx.snippets` for `pymdownx.snippets:SnippetExtension`."""
    return name.split(":", 1)[0].removeprefix("markdown.extensions.")


def _callable(value: Any) -> Slugify | None:
    """The configured slugify: a callable from `!!python/name:`, or a dotted name as text."""
    if value is None or callable(value):
        return value
    module, _, attribute = str(value).rpartition(".")
    try:
        found = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError):
        from hclint.errors import HclintError

        raise HclintError(f"toc slugify {value!r} cannot be imported") from None
    return found if callable(found) else None


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(line for line in value.splitlines() if line.strip())
    if isinstance(value, list):
        return tuple(str(line) for line in value)
    return ()


def _nav(data: Any, places: Mapping[str, tuple[int, int]]) -> tuple[NavEntry, ...] | None:
    if data is None:
        return None
    return tuple(NavEntry(title, target, *places.get(target, (1, 1))) for title, target in _flatten(data, None))


def _flatten(data: Any, title: str | None) -> Iterator[tuple[str | None, str]]:
    """Leaves of the nav in order, as MkDocs's _data_to_navigation walks it."""
    if isinstance(data, str):
        yield title, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _flatten(value, str(key))
    elif isinstance(data, list):
        for item in data:
            yield from _flatten(item, None)


def _nav_lines(mkdocs_file: Path) -> dict[str, tuple[int, int]]:
    """(line, column) of each nav target in this file (a nav inherited from another file: none)."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    try:
        root = yaml.compose(mkdocs_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return {}
    nav = next((v for k, v in getattr(root, "value", ()) if isinstance(root, yaml.MappingNode) and k.value == "nav"), None)
    places: dict[str, tuple[int, int]] = {}
    for node in _scalars(nav):
        places.setdefault(node.value, (node.start_mark.line + 1, node.start_mark.column + 1))
    return places


def _scalars(node: Any) -> Iterator[Any]:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _scalars(value)


# ---- anchors --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageAnchors:
    """What an article contributes to its page's ids, independent of mkdocs.yml (so it can be cached)."""

    headings: tuple[tuple[str, str | None], ...]  # (text as rendered, explicit {#id}) in order
    attr_ids: tuple[str, ...] = ()  # {#id} on other elements (paragraphs, images, links)
    html_ids: tuple[str, ...] = ()  # id= on any raw HTML tag, name= on <a>


def heading_ids(site: Site, anchors: PageAnchors) -> tuple[str, ...]:
    """The id of each heading, exactly as Python-Markdown's toc extension assigns them.

    Ids already in the document (attr_list) are reserved first, then headings without one get
    slugify(text), made unique with _1, _2 by toc's own `unique`. Raw HTML is stashed away while
    toc runs, so its ids do not take part, just as in the real build.
    """
    from markdown.extensions.toc import unique

    explicit = [(text, given if site.attr_list else None) for text, given in anchors.headings]
    used = {given for _, given in explicit if given}
    if site.attr_list:
        used.update(anchors.attr_ids)
    counters: dict[str, int] = {}
    return tuple(given or unique(site.slug(text), used, counters) for text, given in explicit)


def page_ids(site: Site, anchors: PageAnchors) -> frozenset[str]:
    """Every id a link may point at on the built page."""
    ids = set(heading_ids(site, anchors)) | set(anchors.html_ids)
    if site.attr_list:
        ids.update(anchors.attr_ids)
    return frozenset(ids)


def rendered_text(text: str) -> str:
    """Heading text the way toc sees it: entities decoded, white space collapsed."""
    return " ".join(html.unescape(text).split()) if "&" in text else " ".join(text.split())


class _IdCollector(HTMLParser):
    """The ids MkDocs's own raw HTML scan records: id on any tag, name on <a>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.ids.append(value)


def html_ids(fragments: Sequence[str]) -> tuple[str, ...]:
    if not fragments:
        return ()
    collector = _IdCollector()
    for fragment in fragments:
        collector.feed(fragment)
    collector.close()
    return tuple(collector.ids)


ATTR_ID = re.compile(r"\{:?[^{}\n]*?#([^\s{}#.]+)[^{}\n]*\}")


def attr_ids(text: str) -> tuple[str, ...]:
    return tuple(ATTR_ID.findall(text)) if "{" in text else ()
