"""The MkDocs plugin `hclint`: a thin adapter from MkDocs events to hclint's engine and publishing rules.

- on_files, after every other plugin: pages that may not be published (publishing.publication:
  internal, draft, or unreadable) leave the site before MkDocs builds pages, the search index or
  the sitemap. A page whose publication hclint cannot decide, a published page that links to or
  includes a private one, and a nav entry to one stop the build in every mode, strict or not.
- on_files also runs the offline checks with the CLI's configuration; findings at or above
  `fail_on` are logged as errors, which `mkdocs build --strict` turns into a failed build.
- on_page_markdown, last: a page MkDocs is about to render whose metadata, as MkDocs and its
  other plugins read it, says it is not public stops the build.
- on_page_content, last: a page that shows the text of a private article stops the build.
- on_page_content / on_post_page: the review line, in the page's language, placed after the
  search index has read the page.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsOptions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hclint.article import Article, parse_article
from hclint.errors import HclintError
from hclint.findings import Finding, Severity
from hclint.git import LazyHistory
from hclint.index import Index, IndexEntry
from hclint.mkdocs import review_line
from hclint.mkdocs.private_text import PrivateText
from hclint.project.config import Config, load_config
from hclint.project.publishing import publication
from hclint.project.site import (
    Site,
    extension_name,
    load_site,
    meta_file_of,
    snippets_of,
)
from hclint.rule import Context, CorpusInput, extractors
from hclint.rules import links, registry
from hclint.rules.links.resolver import Resolver, Tree

log = get_plugin_logger(__name__)
EXPOSING_RULES = (links.INTERNAL_LINK_FROM_PUBLIC, links.PRIVATE_INCLUDE)


class HclintPluginConfig(MkDocsOptions):
    check = c.Type(bool, default=True)  # run the offline checks during the build
    fail_on = c.Choice(("error", "warning", "info"), default="error")
    only_warn = c.Type(bool, default=False)  # show findings, never fail the build because of them
    review_line = c.Type(bool, default=True)
    show_owner = c.Type(bool, default=False)  # team names are internal information
    config_file = c.Optional(c.File(exists=True))  # an hclint.toml; default: found from mkdocs.yml
    today = c.Optional(c.Type(str))  # pin the date for reproducible builds (also HCLINT_TODAY)


class HclintPlugin(BasePlugin[HclintPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._articles: dict[str, Article] = {}  # published articles by source path
        self._withheld: set[str] = set()  # source paths of the pages left out
        self._private_text = PrivateText()
        self._hclint: Config | None = None
        self._history = LazyHistory()  # git runs at most once a build, and only for an undated page
        self._jobs: int | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` builds in a thread beside its web server: forking worker processes from a
        # threaded process can deadlock, so the checks stay in one process there.
        self._jobs = 1 if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        folder = Path(config.config_file_path or ".").resolve().parent
        explicit = Path(self.config.config_file) if self.config.config_file else None
        try:
            self._hclint = load_config(folder, registry(), explicit)
        except HclintError as error:
            raise PluginError(f"hclint: {error.message}") from None
        return config

    @event_priority(-100)  # after every plugin that adds or copies pages (translations, blogs)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self._hclint is not None
        self._history = LazyHistory()
        pages = [file for file in files if _may_show_text(file) and file.inclusion is not InclusionLevel.EXCLUDED]
        articles = {file.src_uri: self._read(file) for file in pages}
        resolve = self._resolver(config, articles)
        private = resolve.private
        refused = [f"{articles[p].path}: {decided.reason}" for p, decided in private.items() if not decided.certain]
        refused += self._exposed(resolve, articles, private)
        for file in pages:
            if file.src_uri in private:
                files.remove(file)
        self._withheld = set(private)
        self._articles = {path: article for path, article in articles.items() if path not in private}
        self._private_text = PrivateText.of((articles[p] for p in private), self._articles.values())
        if private:
            log.info(f"left {len(private)} private article(s) out of the site: {', '.join(sorted(private))}")
        if self.config.check:
            self._check()
        if refused:
            raise PluginError("hclint: the build stops, so that nothing private is published:\n  " + "\n  ".join(refused))
        return files

    def _read(self, file: File) -> Article:
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError) as error:
            # MkDocs would stop on this with a traceback; the page is withheld and the reason said.
            reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else f"cannot read: {error.strerror or error}"
            return Article(_project_path(self._hclint, file), file.src_uri, "", unreadable=reason)
        return parse_article(text, _project_path(self._hclint, file), file.src_uri)

    def _resolver(self, config: MkDocsConfig, articles: dict[str, Article]) -> Resolver:
        assert self._hclint is not None
        index = Index({path: IndexEntry.of(article, extractors(EXPOSING_RULES)) for path, article in articles.items()})
        return Resolver(index, _site(config), Tree(Path(config.docs_dir)), self._hclint.audiences)

    def _exposed(self, resolve: Resolver, articles: dict[str, Article], private: dict) -> list[str]:
        """Links, includes and nav entries that would lead readers of the site to a private page."""
        assert self._hclint is not None
        context = Context(self._today(), self._hclint.root, resolve.tree.root, mkdocs_file=resolve.site.mkdocs_file)
        public = frozenset(path for path in articles if path not in private)
        found = []
        for rule in EXPOSING_RULES:
            for path, problem in rule.check(CorpusInput(resolve.index, public, lambda _: {}, context, resolve)):
                shown = articles[path].path if path in articles else path
                found.append(f"{shown}:{problem.line}: {problem.message}")
        return found

    def _check(self) -> None:
        from hclint import engine  # the parser and rules load only when a build checks

        assert self._hclint is not None
        try:
            report = engine.check(self._hclint, engine.Run(today=self._today(), jobs=self._jobs))
        except HclintError as error:
            raise PluginError(f"hclint: {error.message}") from None
        threshold = Severity(self.config.fail_on).rank
        exposing = {rule.name for rule in EXPOSING_RULES}  # said once, by on_files, which stops the build
        for finding in report.findings:
            if finding.rule in exposing:
                continue
            failing = finding.severity.rank >= threshold and not self.config.only_warn
            (log.error if failing else log.info)(_describe(finding))

    def _today(self) -> date:
        value = self.config.today or os.environ.get("HCLINT_TODAY")
        try:
            return date.fromisoformat(value) if value else date.today()
        except ValueError:
            raise PluginError(f"hclint: today {value!r} is not a date in the form YYYY-MM-DD") from None

    @event_priority(-100)  # after plugins that merge metadata into the page (Material's meta plugin)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """The last gate: the page's metadata as MkDocs and its plugins read it must say it is public."""
        assert self._hclint is not None
        decided = publication(page.meta, None, self._hclint.audiences)
        if page.file.src_uri in self._withheld or not decided.public:
            reason = decided.reason or "hclint withheld it"
            raise PluginError(f"hclint: {page.file.src_uri} must not be published ({reason}), and MkDocs was about to render it")
        return markdown

    @event_priority(-100)  # after plugins that add text to the page
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        shown = self._private_text.in_page(html)
        if shown:
            said, source = shown[0]
            raise PluginError(
                f"hclint: {page.file.src_uri} shows the text of {source}, which is not published: "
                f"\"{' '.join(said[:12])}...\""
            )
        if not self.config.review_line or page.file.src_uri not in self._articles:
            return html
        return review_line.with_place(html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        article = self._articles.get(page.file.src_uri)
        if not self.config.review_line or article is None or self._hclint is None:
            return output
        settings = self._hclint.settings_for(_content_path(self._hclint, page.file))
        context = Context(self._today(), self._hclint.root, self._hclint.content, settings.lang, git=self._history)
        return review_line.filled(output, review_line.review_of(article, settings, context, self.config.show_owner))


MARKDOWN_NAME = re.compile(r"\.(?:md|markdown|mdown|mkdn|mkd)(?:\W|$)", re.IGNORECASE)


def _may_show_text(file: File) -> bool:
    """A page, or a file MkDocs copies as it is whose name says it is an article (`tone.MD`,
    `tone.md~`, `tone.md.orig`): an internal one would be published as raw text."""
    return file.is_documentation_page() or bool(MARKDOWN_NAME.search(posixpath.basename(file.src_uri)))


def _site(config: MkDocsConfig) -> Site:
    """The site as this build runs it: mkdocs.yml as read from disk, with what MkDocs and the command
    line decided (directory URLs, the site's address, the extensions' settings with their base paths
    from the folder the build runs in, the plugins that are on)."""
    site = load_site(Path(config.config_file_path)) if config.config_file_path else load_site(None)
    extensions = {extension_name(str(name)): config.mdx_configs.get(name, {}) for name in config.markdown_extensions}
    address = urlsplit(str(config.site_url or ""))
    return replace(
        site,
        use_directory_urls=bool(config.use_directory_urls),
        site_path=address.path.rstrip("/") + "/",
        host=(address.hostname or "").casefold(),
        snippets=snippets_of(extensions, (Path.cwd(),)),
        meta_file=meta_file_of([(name, dict(plugin.config)) for name, plugin in config.plugins.items()]),
    )


def _project_path(config: Config | None, file: File) -> str:
    """The path findings use (relative to hclint's project root), so messages match `hclint check`."""
    try:
        return Path(file.abs_src_path or "").resolve().relative_to(config.root).as_posix() if config else file.src_uri
    except ValueError:
        return file.src_uri


def _content_path(config: Config, file: File) -> str:
    # The hclint content root is normally MkDocs's docs_dir; if not, fall back to the site path.
    try:
        return Path(file.abs_src_path or "").resolve().relative_to(config.content).as_posix()
    except ValueError:
        return file.src_uri


def _describe(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule} {finding.text}"
