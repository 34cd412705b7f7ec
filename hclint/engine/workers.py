"""Per-article work: read, parse once, run the article rules, extract the index entry.

Runs in the main process or in worker processes; it returns compact, picklable results only,
never the parsed Article, so nothing large crosses a process boundary or lands in the cache.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing import get_all_start_methods, get_context
from typing import Any, NamedTuple, TypeVar

from hclint.article import Article, load_article
from hclint.engine.cache import file_hash, pickled, unpickled
from hclint.filters import suppressions
from hclint.findings import Finding, Problem, Severity
from hclint.index import IndexEntry
from hclint.project.config import Config, Settings
from hclint.project.discovery import Source
from hclint.rule import Context, Rule, extractors

PARALLEL_FROM = 150  # fewer files than this are not worth starting worker processes for
BATCH = 16  # articles read, then checked rule by rule, together (see process)
T = TypeVar("T")


@dataclass(frozen=True)
class ArticleResult:
    """An article's findings from article rules, before suppressions, and its suppressions."""

    path: str
    content_path: str
    findings: tuple[Finding, ...]
    suppressions: tuple[suppressions.Suppression, ...]


@dataclass(frozen=True)
class Job:
    """What a worker needs to know, fixed for the whole run."""

    config: Config
    context: Context  # lang is replaced per article
    corpus_rules: tuple[Rule, ...]
    external: bool


@dataclass(frozen=True)
class Task:
    source: Source
    want_result: bool
    want_index: bool
    # The file's content hash, which the main process did not read: with nothing in the cache to
    # look up, the workers hash the files they read, side by side (see engine.check.look_up).
    want_hash: bool = False


Packed = tuple[bytes | None, bytes | None, str | None]  # a result and an index entry pickled; the hash


class Outcome(NamedTuple):
    result: ArticleResult | None
    entry: IndexEntry | None
    # Each as the cache stores it, when a worker pickled it: once, for the trip to the main
    # process and for the cache both. Pickling them again there cost a quarter of a second of a
    # cold check of 10,000 articles, while the corpus rules wanted the cores.
    stored: tuple[bytes | None, bytes | None] = (None, None)
    file_hash: str | None = None  # when the task wanted it


def process(job: Job, tasks: Sequence[Task]) -> list[tuple[ArticleResult | None, IndexEntry | None, str | None]]:
    """Each task's result, index entry and file hash, as it asked. The articles are read first,
    then each rule runs over all of them: the rule's code and data stay in the processor's caches
    from one article to the next, and a batch of 16 took a tenth less time than one article at a
    time (benchmarks/README.md, round six)."""
    hashes = [file_hash(task.source.absolute) if task.want_hash else None for task in tasks]
    articles = [load(job.config, task.source) for task in tasks]
    results = iter(_results(job, [article for article, task in zip(articles, tasks) if task.want_result]))
    return [
        (next(results) if task.want_result else None, IndexEntry.of(article, extractors(job.corpus_rules)) if task.want_index else None, sha)
        for article, task, sha in zip(articles, tasks, hashes)
    ]


def _packed(job: Job, tasks: Sequence[Task]) -> list[Packed]:
    return [(_pickled(result), _pickled(entry), sha) for result, entry, sha in process(job, tasks)]


def _unpacked(packed: Packed) -> Outcome:
    result, entry, sha = packed
    return Outcome(_unpickled(result), _unpickled(entry), (result, entry), sha)


def _outcome(result: ArticleResult | None, entry: IndexEntry | None, sha: str | None) -> Outcome:
    return Outcome(result, entry, file_hash=sha)


def _pickled(value: Any) -> bytes | None:
    return None if value is None else pickled(value)


def _unpickled(blob: bytes | None) -> Any:
    return None if blob is None else unpickled(blob)


def load(config: Config, source: Source) -> Article:
    limit = config.settings_for(source.content_path).rules["file-too-large"].options["max_kilobytes"]
    return load_article(source.file, source.path, source.content_path, limit * 1024)


def _results(job: Job, articles: Sequence[Article]) -> list[ArticleResult]:
    """The articles' findings from article rules, rule by rule over all of them; each article's
    findings in the order one article at a time would give them."""
    findings: list[list[Finding]] = [[] for _ in articles]
    by_settings: dict[int, tuple[Settings, list[int]]] = {}
    for number, article in enumerate(articles):
        settings = job.config.settings_for(article.content_path)  # one object per folder's settings
        by_settings.setdefault(id(settings), (settings, []))[1].append(number)
    for settings, numbers in by_settings.values():
        context = replace(job.context, lang=settings.lang, rule_options={n: s.options for n, s in settings.rules.items()})
        for name, setting in settings.rules.items():
            rule = job.config.registry[name]
            runnable = rule.kind == "article" and rule.check is not None and (job.external or not rule.needs_network)
            if not (runnable and setting.severity):
                continue
            options = settings.rules[rule.options_from or name].options
            for number in numbers:
                article = articles[number]
                findings[number] += [make_finding(article.path, name, setting.severity, p) for p in rule.check(article, options, context)]
    return [
        ArticleResult(article.path, article.content_path, tuple(found), tuple(suppressions.suppressions(article)))
        for article, found in zip(articles, findings)
    ]


def make_finding(path: str, rule: str, severity: Severity, problem: Problem) -> Finding:
    return Finding(
        path, problem.line, problem.column, problem.end_line, problem.end_column,
        rule, _lower(severity, problem.severity), problem.message, problem.hint, problem.fix,
    )


def _lower(configured: Severity, reported: Severity | None) -> Severity:
    return configured if reported is None or reported.rank >= configured.rank else reported


@contextmanager
def start(
    job: Job, tasks: Sequence[Task], jobs: int | None, alongside: bool, freeze: bool = False
) -> Iterator[Callable[[], list[Outcome]]]:
    """Begin the tasks, across processes when there are enough of them to pay for it. Inside the
    block the caller works meanwhile, and calls the function it gets to wait for the outcomes.
    Leaving the block shuts the workers down; leaving it with an error cancels what they have not
    started, so an error is reported at once and no worker outlives the run.

    With `alongside`, a few tasks (a pre-commit run's changed articles) go to one forked process,
    so that the caller reads the rest of the index from the cache on the other core meanwhile.
    With `freeze`, outcomes received from workers are frozen out of the collector (uncollected).
    """
    if alongside and 0 < len(tasks) < PARALLEL_FROM and workers_for(jobs, 2) > 1:
        # Forked at once: the worker loads its dictionaries while the caller reads the index.
        batch = ProcessPoolExecutor(1, mp_context=get_context("fork"), initializer=_adopt, initargs=(job,))
        with _shut_down(batch):
            pending_batch = batch.submit(_process_batch, list(tasks))
            yield lambda: [_unpacked(packed) for packed in pending_batch.result()]
        return
    workers = workers_for(jobs, 1 + len(tasks) // PARALLEL_FROM)
    if workers <= 1:
        outcomes = [_outcome(*done) for batch in batches(tasks, BATCH) for done in process(job, batch)]
        yield lambda: outcomes
        return
    if _needs_git(job):
        job.context.history()  # read before forking, so git runs once rather than once per worker
    for rule in _article_rules(job):
        if rule.prepare is not None:
            rule.prepare(job.context)
    # fork: the workers inherit the job (rules hold functions that cannot all be pickled).
    pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_adopt, initargs=(job,))
    with _shut_down(pool):
        # Small batches, so that the workers finish together: with 64 articles a batch, one core
        # sat idle for the last 0.2 to 0.35 s of a cold check of ms-business-central-help (a few
        # of its articles are long); with 16, for 0.02 to 0.03 s.
        size = max(1, min(BATCH, len(tasks) // (workers * 8)))
        pending = pool.map(_process_in_worker, batches(tasks, size))  # the workers start here

        def received() -> list[Outcome]:
            # Received with the collector off: collecting while 10,000 results arrive walked
            # them again and again (0.3 s of a cold run's main process). They hold no cycles.
            with uncollected(freeze):
                return [_unpacked(packed) for batch in pending for packed in batch]

        yield received


def batches(tasks: Sequence[Task], size: int) -> list[list[Task]]:
    return [list(tasks[start : start + size]) for start in range(0, len(tasks), size)]


def process_all(job: Job, tasks: Sequence[Task], jobs: int | None, freeze: bool = False) -> list[Outcome]:
    """Run the tasks, across processes when there are enough of them to pay for it."""
    with start(job, tasks, jobs, alongside=False, freeze=freeze) as outcomes:
        return outcomes()


@contextmanager
def _shut_down(pool: ProcessPoolExecutor) -> Iterator[None]:
    try:
        yield
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


@contextmanager
def uncollected(freeze: bool) -> Iterator[None]:
    """No collection inside; with freeze, none later in the run walks what exists when it ends.

    For unpickled results and index entries (from workers, or the index from the cache): up to a
    million objects with no cycles among them, which every later collection would otherwise walk
    again (40 ms of a one-file run on 10,000 articles). gc.freeze() moves every object tracked at
    that moment to the permanent generation; the engine unfreezes them when the run ends, and
    does not freeze in a process that froze objects itself, which hclint cannot undo apart.
    Articles are never processed inside: a worker forked here would run with the collector off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def workers_for(jobs: int | None, wanted: int) -> int:
    """How many worker processes to start: no more than asked for, than cores, or than wanted.
    One (no worker) where the platform cannot fork (Windows): workers inherit the run by forking."""
    if "fork" not in get_all_start_methods():
        return 1
    return max(1, min(jobs or os.cpu_count() or 1, wanted))


def _article_rules(job: Job) -> list[Rule]:
    # Corpus rules prepare for their checks in the caller, while the workers run (engine.check.process):
    # the workers only extract their facts.
    settings = job.config.settings_for("").rules
    return [rule for name, rule in job.config.registry.items() if rule.kind == "article" and settings[name].severity]


def _needs_git(job: Job) -> bool:
    rules = job.config.settings_for("").rules
    return any(rule.needs_git and rules[name].severity for name, rule in job.config.registry.items())


_WORKER_JOB: Job | None = None  # set once in each worker process by _adopt


def _adopt(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    # Processing articles makes no reference cycles (a collection after 1,500 finds nothing), so
    # the collector only costs time here: what the worker inherited is frozen out of it, and it
    # runs a tenth as often. On 1,300 ms-business-central-help articles: 39 passes taking 0.2 s of
    # 6.6 s before, one pass of 0.02 s after.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _process_in_worker(tasks: list[Task]) -> list[Packed]:
    assert _WORKER_JOB is not None
    return _packed(_WORKER_JOB, tasks)


def _process_batch(tasks: list[Task]) -> list[Packed]:
    return [packed for batch in batches(tasks, BATCH) for packed in _process_in_worker(batch)]


_FORKED: Callable[[Any], Any] | None = None  # the function map_forked runs, inherited by its workers


def map_forked(function: Callable[[T], Any], items: Sequence[T], workers: int, meanwhile: Callable[[], None]) -> list[Any]:
    """[function(item) for item in items], across forked processes that share the caller's memory,
    calling meanwhile() in this process while they work.

    The function may be a closure over large data (the whole index): the workers inherit it when
    they fork, so only the items' positions and the results cross a process boundary.
    """
    global _FORKED
    if workers_for(workers, len(items)) <= 1:
        results = [function(item) for item in items]
        meanwhile()
        return results
    _FORKED = lambda position: function(items[position])  # noqa: E731
    try:
        with ProcessPoolExecutor(min(workers, len(items)), mp_context=get_context("fork")) as pool:
            pending = pool.map(_call_forked, range(len(items)))
            meanwhile()
            return list(pending)
    finally:
        _FORKED = None


def _call_forked(position: int) -> Any:
    assert _FORKED is not None
    return _FORKED(position)
