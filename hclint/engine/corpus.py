"""The corpus phase: corpus rules over the whole index, reporting on the articles checked.

The rules of a family run together, in one process, and share what the family's Shared object
makes once a run; families run side by side in forked processes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hclint.engine.workers import (
    PARALLEL_FROM,
    Job,
    make_finding,
    map_forked,
    workers_for,
)
from hclint.findings import Finding, Problem
from hclint.index import Index
from hclint.project.config import Config
from hclint.rule import CorpusInput, Rule


def corpus_findings(
    job: Job, index: Index, targets: frozenset[str], report_site: bool, jobs: int | None, meanwhile: Callable[[], None]
) -> list[Finding]:
    """The findings of the corpus rules on the targets (content paths), and on mkdocs.yml when the
    whole help center is checked or report_site asks; meanwhile() runs in this process while the
    rules run in others."""
    config = job.config
    site = report_site or targets == index.entries.keys()

    def problems(group: Sequence[Rule]) -> list[list[tuple[str, Problem]]]:
        shared = group[0].shared.make(index, job.context) if group and group[0].shared else None  # once a family
        given = [CorpusInput(index, targets, _options_for(config, rule), job.context, shared) for rule in group]
        return [list(rule.check(each)) for rule, each in zip(group, given)]

    # Network rules stay in this process: they draw progress and share their answers. Link rules
    # resolve the targets' links only: for a few targets, a second process would cost more to
    # start than it saves.
    offline = families([rule for rule in job.corpus_rules if not rule.needs_network])
    online = [rule for rule in job.corpus_rules if rule.needs_network]  # one family: they share Answers
    workers = workers_for(jobs, 1 + len(targets) // PARALLEL_FROM)
    found = [*map_forked(problems, offline, workers, meanwhile), problems(online)]
    findings = []
    for group, group_problems in zip([*offline, online], found):
        for rule, rule_problems in zip(group, group_problems):
            findings += [f for c, p in rule_problems if (f := _finding(config, index, targets, site, rule, c, p))]
    return findings


def families(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules grouped by what they share (a rule that shares nothing is a group of its own),
    largest first."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.shared.name if rule.shared else f"rule:{rule.name}", []).append(rule)
    return sorted(groups.values(), key=len, reverse=True)


def _finding(
    config: Config, index: Index, targets: frozenset[str], site: bool, rule: Rule, content_path: str, problem: Problem
) -> Finding | None:
    if content_path not in index.entries:
        # A project file that is not an article (mkdocs.yml): reported when the whole help center
        # is checked or a change can break it, under the project-wide settings.
        severity = config.settings_for("").rules[rule.name].severity
        return make_finding(content_path, rule.name, severity, problem) if severity and site else None
    severity = config.settings_for(content_path).rules[rule.name].severity
    if not severity or content_path not in targets:
        return None
    return make_finding(index.entries[content_path].path, rule.name, severity, problem)


def _options_for(config: Config, rule: Rule) -> Callable[[str], dict]:
    name = rule.options_from or rule.name
    return lambda content_path: dict(config.settings_for(content_path).rules[name].options)
