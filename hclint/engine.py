"""The one place that knows articles, rules, configuration and suppressions together.

The CLI and the MkDocs plugin both call check(); neither runs a rule itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hclint import suppressions
from hclint.article import Article, load_article
from hclint.config import Config, RuleSetting, Settings
from hclint.corpus import Index, IndexEntry, Source, discover, select
from hclint.findings import Finding, Problem, Severity, sort_findings
from hclint.rule import Context, Rule

UNUSED = suppressions.UNUSED


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    article_count: int


@dataclass(frozen=True)
class Run:
    """One invocation's choices, beyond the configuration."""

    today: date
    paths: tuple[Path, ...] = ()  # empty: the whole content root
    external: bool = False  # rules that go on the network run only when asked


def check(config: Config, run: Run) -> Report:
    everything = discover(config)
    targets = select(config, everything, run.paths) if run.paths else everything
    articles = {source.content_path: _load(config, source) for source in targets}
    findings = [f for article in articles.values() for f in _article_findings(config, run, article)]
    findings += _corpus_findings(config, run, everything, articles)
    kept = []
    for article in articles.values():
        mine = [f for f in findings if f.path == article.path]
        kept += _apply_suppressions(config, article, mine)
    return Report(tuple(sort_findings(kept)), len(articles))


def _load(config: Config, source: Source) -> Article:
    limit = config.settings_for(source.content_path).rules["file-too-large"].options["max_kilobytes"]
    return load_article(source.file, source.path, source.content_path, limit * 1024)


def _enabled(config: Config, run: Run, settings: Settings, kind: str) -> Iterable[tuple[Rule, RuleSetting]]:
    for name, setting in settings.rules.items():
        rule = config.registry[name]
        if rule.kind == kind and rule.check is not None and setting.severity and (run.external or not rule.needs_network):
            yield rule, setting


def _context(config: Config, run: Run, settings: Settings) -> Context:
    return Context(run.today, config.root, config.content, settings.lang)


def _article_findings(config: Config, run: Run, article: Article) -> list[Finding]:
    settings = config.settings_for(article.content_path)
    context = _context(config, run, settings)
    return [
        _finding(article.path, rule.name, setting.severity, problem)
        for rule, setting in _enabled(config, run, settings, "article")
        for problem in rule.check(article, setting.options, context)
    ]


def _corpus_findings(config: Config, run: Run, everything: Sequence[Source], articles: dict[str, Article]) -> list[Finding]:
    base = config.settings_for("")
    rules = [rule for rule, _ in _enabled(config, run, base, "corpus")]
    if not rules:
        return []
    index = Index(
        {s.content_path: IndexEntry.of(articles.get(s.content_path) or _load(config, s), rules) for s in everything}
    )
    targets = frozenset(articles)
    findings = []
    for rule in rules:
        def options_for(content_path: str, name: str = rule.name) -> dict:
            return config.settings_for(content_path).rules[name].options

        for content_path, problem in rule.check(index, targets, options_for, _context(config, run, base)):
            setting = config.settings_for(content_path).rules[rule.name]
            if setting.severity and content_path in articles:
                findings.append(_finding(index.entries[content_path].path, rule.name, setting.severity, problem))
    return findings


def _apply_suppressions(config: Config, article: Article, findings: list[Finding]) -> list[Finding]:
    kept, unused = suppressions.apply(article, findings, config.registry)
    setting = config.settings_for(article.content_path).rules[UNUSED]
    if setting.severity:
        kept += [_finding(article.path, UNUSED, setting.severity, problem) for problem in unused]
    return kept


def _finding(path: str, rule: str, severity: Severity, problem: Problem) -> Finding:
    return Finding(path, problem.line, problem.column, problem.end_line, problem.end_column, rule, severity, problem.message, problem.hint)
