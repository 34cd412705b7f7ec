"""check(): the run as named phases, from the files on disk to the findings to report.

    discover   the articles and every file of the content root             -> Discovery, targets
    look up    what the cache holds for them, keyed by their bytes         -> Plan
    process    read, parse and check what is left, in worker processes     -> Processed
    index      the facts of every article, stored or fresh                 -> Gathered
    corpus     corpus rules over the index, on the targets                 -> corpus findings
    filter     suppressions, and unused ones reported                      -> findings
    store      new results, index entries and corpus findings to the cache

Phases overlap where it pays (measured in benchmarks/README.md): stored index entries are read
while the workers process articles, and article results are stored while corpus rules run.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hclint.engine.cache import UNREADABLE, Cache, FileState, pickled
from hclint.engine.corpus import corpus_findings
from hclint.engine.keys import (
    NO_KEYS,
    Inputs,
    Keys,
    file_states,
    inputs,
    make_keys,
    with_hashes,
)
from hclint.engine.workers import (
    PARALLEL_FROM,
    ArticleResult,
    Job,
    Outcome,
    Task,
    make_finding,
    process_all,
    start,
    uncollected,
)
from hclint.filters import suppressions
from hclint.findings import Finding, sort_findings
from hclint.git import LazyHistory
from hclint.index import Index, IndexEntry
from hclint.project.config import Config
from hclint.project.discovery import Discovery, Source, select, walk
from hclint.rule import Context, Rule

UNUSED = suppressions.UNUSED


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    article_count: int
    parsed: int = 0  # articles read and parsed in this run, rather than taken from the cache


@dataclass(frozen=True)
class Run:
    """One invocation's choices, beyond the configuration."""

    today: date
    paths: tuple[Path, ...] = ()  # empty: the whole content root
    external: bool = False  # rules that go on the network run only when asked
    use_cache: bool = True
    jobs: int | None = None  # worker processes; None: one per core when there is enough work
    include_private: bool = False  # network rules may ask loopback, private and link-local addresses
    progress: bool = False  # network rules may draw a progress bar on stderr (a terminal)
    # Report findings on mkdocs.yml (the nav) even when only some articles are checked: a change
    # that deleted an article or edited mkdocs.yml can break it.
    report_site: bool = False
    only_site: bool = False  # no article to report on, only mkdocs.yml (a change that deleted an article)
    absent: frozenset[str] = frozenset()  # content paths of files on disk that are not part of the commit checked


def check(config: Config, run: Run) -> Report:
    found, targets = discover(config, run)
    job = Job(config, _context(config, run), enabled_corpus_rules(config, run), run.external)
    cache = Cache(config.root) if run.use_cache else None
    try:
        with _fewer_collections() as may_freeze:
            return _phases(job, run, cache, found, targets, may_freeze)
    finally:
        if cache is not None:
            cache.close()


def _phases(job: Job, run: Run, cache: Cache | None, found: Discovery, targets: list[Source], may_freeze: bool) -> Report:
    config = job.config
    given = inputs(config, run.today, run.external, run.report_site, job.corpus_rules, found.files)
    plan = look_up(job, cache, given, found, targets)
    processed = process(job, plan, cache, run.jobs, may_freeze)
    caching = cache is not None and cache.usable()
    # On a cold run the keys are made only now, from the hashes of the bytes the workers read.
    states = with_hashes(plan.states, processed.hashes)
    keys = plan.keys or (make_keys(config, given, targets, plan.indexed, states, bool(job.corpus_rules)) if caching else NO_KEYS)
    changed = with_hashes(plan.changed, processed.hashes)
    gathered = gather(plan, processed, keys, caching)

    def store_articles() -> None:
        store(cache, changed, gathered.fresh)

    if not job.corpus_rules or plan.corpus is not None:
        corpus = plan.corpus or []
        store_articles()
    else:
        # The articles' results are stored while the corpus rules run in workers.
        reported = frozenset(s.content_path for s in targets)
        corpus = corpus_findings(job, gathered.index, reported, run.report_site, run.jobs, store_articles)
        if caching and not plan.networked:
            cache.put({}, {keys.corpus: pickled(corpus)})
    if caching and not run.paths and not run.only_site:
        cache.prune(keys.live)
    findings = filter_findings(config, [gathered.results[s.path] for s in targets], corpus)
    return Report(tuple(sort_findings(findings)), len(targets), processed.parsed)


# ---- discover -------------------------------------------------------------------------------


def discover(config: Config, run: Run) -> tuple[Discovery, list[Source]]:
    """The articles and every file of the content root (less those absent from the commit
    checked), and the articles to report on."""
    found = walk(config)
    if run.absent:
        found = Discovery([s for s in found.sources if s.content_path not in run.absent], [f for f in found.files if f not in run.absent])
    targets = [] if run.only_site else select(config, found.sources, run.paths) if run.paths else found.sources
    return found, targets


def _context(config: Config, run: Run) -> Context:
    return Context(
        run.today, config.root, config.content, git=LazyHistory(),
        include_private=run.include_private, use_cache=run.use_cache, progress=run.progress,
        mkdocs_file=config.mkdocs_file, public_audiences=config.audiences.public if config.audiences.configured else None,
        absent=run.absent,
    )


def enabled_corpus_rules(config: Config, run: Run) -> tuple[Rule, ...]:
    # A corpus rule runs when any folder enables it; options_for gives each article its own settings.
    enabled = {name for s in config.every_settings() for name, r in s.rules.items() if r.severity}
    return tuple(
        rule for rule in config.registry.values()
        if rule.kind == "corpus" and rule.check is not None and rule.name in enabled
        and (run.external or not rule.needs_network)
    )


# ---- look up --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What the cache holds for this run, and what is left to compute."""

    indexed: list[Source]  # the articles whose index entries corpus rules read (the targets without them)
    states: dict[str, FileState]  # the hash of each file's bytes ("": the workers hash it)
    changed: dict[str, FileState]  # the states to store: files whose stat changed since the last run
    keys: Keys | None  # None on a cold run: made once the workers hashed the files
    results: dict[str, ArticleResult]  # article results the cache holds, by path
    corpus: list[Finding] | None  # corpus findings the cache holds
    stored: set[str]  # keys of the index entries the cache holds
    tasks: list[Task]
    networked: bool  # network rules run: their answers age by the hour, their findings are not stored


def look_up(job: Job, cache: Cache | None, given: Inputs, found: Discovery, targets: list[Source]) -> Plan:
    """What can be taken from the cache, and the tasks for the rest.

    Content hashes key the cache. With nothing stored, nothing can be looked up: the workers hash
    the files they read, side by side, rather than this process reading every file first (a tenth
    of a second on 10,000 articles). Without a cache, or with one that cannot be opened, nothing
    hashes the files."""
    indexed = found.sources if job.corpus_rules else targets
    hashed_later = cache is not None and cache.empty()
    warm = cache is not None and cache.usable() and not hashed_later
    states, changed = file_states(cache, indexed, read=warm)
    keys = make_keys(job.config, given, targets, indexed, states, bool(job.corpus_rules)) if warm else None
    looked = keys or NO_KEYS
    cached = cache.get_many(looked.results.values()) if cache else {}
    results = {path: cached[key] for path, key in looked.results.items() if key in cached}
    networked = any(rule.needs_network for rule in job.corpus_rules)
    corpus_cached = cache.get_many([looked.corpus]) if cache and job.corpus_rules and not networked else {}
    corpus = corpus_cached.get(looked.corpus) if looked.corpus in corpus_cached else None
    need_index = bool(job.corpus_rules) and corpus is None
    stored = cache.present(looked.index.values()) if cache and need_index else set()
    wanted = {s.path for s in targets}
    tasks = [
        Task(s, s.path in wanted and s.path not in results, need_index and looked.index.get(s.path) not in stored, hashed_later)
        for s in indexed
        if (s.path in wanted and s.path not in results) or (need_index and looked.index.get(s.path) not in stored)
    ]
    return Plan(indexed, states, changed, keys, results, corpus, stored, tasks, networked)


# ---- process --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Processed:
    done: list[tuple[Task, Outcome]]  # each task with what it produced
    entries: dict[str, IndexEntry]  # the index entries read from the cache, by path
    hashes: dict[str, str]  # path -> hash of the bytes a worker read (cold runs)
    parsed: int  # articles read and parsed in this run


def process(job: Job, plan: Plan, cache: Cache | None, jobs: int | None, may_freeze: bool) -> Processed:
    """Run the tasks across worker processes; meanwhile read the stored index entries and let the
    corpus rules prepare. An entry stored but unreadable (a damaged row) is computed again."""
    need_index = bool(job.corpus_rules) and plan.corpus is None
    with start(job, plan.tasks, jobs, alongside=len(plan.stored) >= PARALLEL_FROM, freeze=may_freeze) as outcomes:
        if need_index:
            for rule in job.corpus_rules:
                if rule.prepare is not None:
                    rule.prepare(job.context)
        with uncollected(may_freeze):
            stored = cache.get_many(plan.stored) if cache and plan.stored else {}
        received = outcomes()
    keys = plan.keys or NO_KEYS
    entries = {path: stored[key] for path, key in keys.index.items() if key in stored}
    damaged = [Task(s, False, True) for s in plan.indexed if keys.index.get(s.path) in plan.stored and s.path not in entries]
    done = list(zip([*plan.tasks, *damaged], [*received, *process_all(job, damaged, jobs)]))
    hashes = {task.source.path: outcome.file_hash or "" for task, outcome in done if task.want_hash}
    return Processed(done, entries, hashes, len(plan.tasks) + len(damaged))


# ---- index ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gathered:
    results: dict[str, ArticleResult]  # every target's article result, by path
    index: Index  # every indexed article's entry, in the order of the files
    fresh: dict[str, bytes]  # what this run computed, pickled, by key: for the cache


def gather(plan: Plan, processed: Processed, keys: Keys, caching: bool) -> Gathered:
    """The targets' results and the index, each from the cache or from the workers."""
    results = dict(plan.results)
    entries = dict(processed.entries)
    fresh: dict[str, bytes] = {}
    for task, outcome in processed.done:
        result, entry, (result_blob, entry_blob), _ = outcome
        if result is not None:
            results[task.source.path] = result
            if caching:
                fresh[keys.results[task.source.path]] = result_blob or pickled(result)
        if entry is not None:
            entries[task.source.path] = entry
            if caching:
                fresh[keys.index[task.source.path]] = entry_blob or pickled(entry)
    # In the order of the files, however each entry was obtained: the order reaches messages
    # ("also the title of a.md, c.md and 2 more"), and a warm run must word them as a cold one.
    index = Index({entries[s.path].content_path: entries[s.path] for s in plan.indexed if s.path in entries})
    return Gathered(results, index, fresh)


# ---- filter and store -----------------------------------------------------------------------


def filter_findings(config: Config, results: Sequence[ArticleResult], corpus: Sequence[Finding]) -> list[Finding]:
    """Each article's findings with its suppressions applied, unused suppressions reported; and
    the findings on files that are not articles (mkdocs.yml), which hold no suppression."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in corpus:
        by_path[finding.path].append(finding)
    kept: list[Finding] = []
    for result in results:
        mine, unused = suppressions.apply(result.suppressions, [*result.findings, *by_path[result.path]], config.registry)
        setting = config.settings_for(result.content_path).rules[UNUSED]
        kept += mine
        if setting.severity:
            kept += [make_finding(result.path, UNUSED, setting.severity, problem) for problem in unused]
    articles = {result.path for result in results}
    kept += [f for path, found in by_path.items() if path not in articles for f in found]
    return kept


def store(cache: Cache | None, changed: dict[str, FileState], fresh: dict[str, Any]) -> None:
    """The new file states and entries, to the cache. Not the state of a file that could not be
    read: a change of permissions changes neither its time nor its size, and the next run must try
    to read it again."""
    if cache is not None:
        cache.put({path: state for path, state in changed.items() if state.sha != UNREADABLE}, fresh)


@contextmanager
def _fewer_collections() -> Iterator[bool]:
    """Let the cyclic garbage collector run less often while articles are parsed.

    Parsing makes millions of short-lived objects while the findings and index entries kept so
    far pile up; at Python's default thresholds the collector walks that pile again and again,
    which cost 30% of a cold check of 2,640 articles (benchmarks/README.md). Cycles are still
    collected, only in larger batches. Worker processes set their own (workers._adopt).
    Yields whether the run may freeze objects (see workers.uncollected).
    """
    previous = gc.get_threshold()
    freezes = gc.get_freeze_count() == 0  # a host process that froze objects itself keeps them frozen
    gc.set_threshold(10_000, 50, 100)
    try:
        yield freezes
    finally:
        gc.set_threshold(*previous)
        if freezes:
            gc.unfreeze()  # what the run froze (the index read from the cache) is collectable again
