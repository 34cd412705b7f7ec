"""The MkDocs plugin `hclint`: a thin adapter from MkDocs events to hclint's engine and publishing rules.

- on_files: private articles (audience: internal, draft: true) leave the site before MkDocs builds
  pages, the search index or the sitemap; a published page that links to one stops the build.
- on_files also runs the offline checks with the CLI's configuration; findings at or above
  `fail_on` are logged as errors, which `mkdocs build --strict` turns into a failed build.
- on_page_content: the "Last reviewed DATE · Owner TEAM" line, and a notice on overdue pages.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsOptions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hclint import publishing
from hclint.article import Article, parse_article
from hclint.config import Config, load_config
from hclint.errors import HclintError
from hclint.findings import Finding, Severity
from hclint.git import LazyHistory
from hclint.rule import Context
from hclint.rules import registry

log = get_plugin_logger(__name__)


class HclintPluginConfig(MkDocsOptions):
    check = c.Type(bool, default=True)  # run the offline checks during the build
    fail_on = c.Choice(("error", "warning", "info"), default="error")
    only_warn = c.Type(bool, default=False)  # show findings, never fail the build
    review_line = c.Type(bool, default=True)
    config_file = c.Optional(c.File(exists=True))  # an hclint.toml; default: found from mkdocs.yml
    today = c.Optional(c.Type(str))  # pin the date for reproducible builds (also HCLINT_TODAY)


class HclintPlugin(BasePlugin[HclintPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._articles: dict[str, Article] = {}  # published articles by content path
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

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        self._articles, self._history = {}, LazyHistory()
        private: dict[str, str] = {}
        unreadable = []
        for file in list(files.documentation_pages()):
            article = self._read(file)
            if article is None:
                unreadable.append(_project_path(self._hclint, file))
            reason = publishing.hidden_reason(article.frontmatter) if article else None
            if reason:
                private[file.src_uri] = reason
                files.remove(file)
            elif article:
                self._articles[file.src_uri] = article
        _refuse_private_links(self._articles, private)
        if private:
            log.info(f"left {len(private)} private article(s) out of the site: {', '.join(sorted(private))}")
        if self.config.check:
            self._check()
        if unreadable:
            # MkDocs would stop on these with a traceback; say why in one line instead.
            raise PluginError(f"hclint: cannot build pages that are not UTF-8 text: {', '.join(unreadable)}")
        return files

    def _read(self, file: File) -> Article | None:
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError):
            return None  # the encoding rule says where; on_files stops the build
        return parse_article(text, _project_path(self._hclint, file), file.src_uri)

    def _check(self) -> None:
        from hclint import engine  # the parser and rules load only when a build checks

        assert self._hclint is not None
        try:
            report = engine.check(self._hclint, engine.Run(today=self._today(), jobs=self._jobs))
        except HclintError as error:
            raise PluginError(f"hclint: {error.message}") from None
        threshold = Severity(self.config.fail_on).rank
        for finding in report.findings:
            failing = finding.severity.rank >= threshold and not self.config.only_warn
            (log.error if failing else log.info)(_describe(finding))

    def _today(self) -> date:
        value = self.config.today or os.environ.get("HCLINT_TODAY")
        try:
            return date.fromisoformat(value) if value else date.today()
        except ValueError:
            raise PluginError(f"hclint: today {value!r} is not a date in the form YYYY-MM-DD") from None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        article = self._articles.get(page.file.src_uri)
        if not self.config.review_line or article is None or self._hclint is None:
            return html
        content_path = _content_path(self._hclint, page.file)
        settings = self._hclint.settings_for(content_path)
        context = Context(self._today(), self._hclint.root, self._hclint.content, settings.lang, git=self._history)
        return publishing.with_review(html, publishing.review_of(article, settings, context))


def _refuse_private_links(articles: dict[str, Article], private: dict[str, str]) -> None:
    found = [link.describe(a.path) for a in articles.values() for link in publishing.private_links(a, private)]
    if found:
        raise PluginError("hclint: published pages link to articles that are not published:\n  " + "\n  ".join(found))


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
