"""The one place that knows articles, rules, configuration, cache and suppressions together.

The CLI and the MkDocs plugin both call check(); neither runs a rule itself.
"""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from hclint import __version__
from hclint.filters import suppressions
from hclint.engine.cache import UNREADABLE, Cache, FileState, file_hash, pickled
from hclint.project.config import Config
from hclint.index import Index
from hclint.project.discovery import Discovery, Source, select, walk
from hclint.findings import Finding, Problem, sort_findings
from hclint.git import LazyHistory
from hclint.engine.workers import (
    PARALLEL_FROM, ArticleResult, Job, Task, make_finding, map_forked, process_all, start, uncollected, workers_for,
)
from hclint.rule import Context, CorpusInput, Rule
from hclint.project.folder_meta import META_NAMES
from hclint.project.site import load_site
from hclint.rules.links.includes import snippet_sources

UNUSED = suppressions.UNUSED
RACY_NS = 2_000_000_000  # a file changed this recently may change again within the same mtime tick


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
    found = walk(config)
    if run.absent:
        found = Discovery([s for s in found.sources if s.content_path not in run.absent], [f for f in found.files if f not in run.absent])
    everything = found.sources
    targets = [] if run.only_site else select(config, everything, run.paths) if run.paths else everything
    context = Context(
        run.today, config.root, config.content, git=LazyHistory(),
        include_private=run.include_private, use_cache=run.use_cache, progress=run.progress,
        mkdocs_file=config.mkdocs_file, public_audiences=config.audiences.public if config.audiences.configured else None, absent=run.absent,
    )
    job = Job(config, context, _corpus_rules(config, run), run.external)
    cache = Cache(config.root) if run.use_cache else None
    try:
        with _fewer_collections() as may_freeze:
            return _check(config, run, job, cache, found, targets, may_freeze)
    finally:
        if cache is not None:
            cache.close()


@contextmanager
def _fewer_collections() -> Iterator[bool]:
    """Let the cyclic garbage collector run less often while articles are parsed.

    Parsing makes millions of short-lived objects while the findings and index entries kept so
    far pile up; at Python's default thresholds the collector walks that pile again and again,
    which cost 30% of a cold check of 2,640 articles (benchmarks/README.md). Cycles are still
    collected, only in larger batches. Worker processes set their own (processing._adopt).
    Yields whether the run may freeze objects (see processing.uncollected).
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


def _check(
    config: Config, run: Run, job: Job, cache: Cache | None, found: Discovery, targets: list[Source], may_freeze: bool
) -> Report:
    indexed = found.sources if job.corpus_rules else targets
    # Content hashes key the cache. With nothing stored, nothing can be looked up: the workers hash
    # the files they read, side by side, rather than this process reading every file first (a
    # tenth of a second on 10,000 articles), and the keys are made from their hashes. Without a
    # cache, or with one that could not be opened, nothing hashes the files.
    hashed_later = cache is not None and cache.empty()
    look_up = cache is not None and cache.usable() and not hashed_later
    states, changed_states = _file_states(cache, indexed, read=look_up)
    environment = _environment(config, run, found.files)
    extractors = _digest(_code(), sorted(rule.name for rule in job.corpus_rules))
    files_digest = _digest(sorted(found.files)) if job.corpus_rules else ""
    result_keys: dict[str, str] = {}
    index_keys: dict[str, str] = {}
    corpus_key = ""  # no entry has an empty key: nothing is found until the keys are made
    if look_up:
        result_keys, index_keys, corpus_key = _keys(config, job, targets, indexed, states, environment, extractors, files_digest, run.report_site)
    cached = cache.get_many(result_keys.values()) if cache else {}
    results = {path: cached[key] for path, key in result_keys.items() if key in cached}
    # What the network answered ages by the hour, not by the day: network rules keep their own cache.
    networked = any(rule.needs_network for rule in job.corpus_rules)
    corpus_cached = cache.get_many([corpus_key]) if cache and job.corpus_rules and not networked else {}
    need_index = bool(job.corpus_rules) and corpus_key not in corpus_cached
    stored = cache.present(index_keys.values()) if cache and need_index else set()

    wanted = {s.path for s in targets}
    tasks = [
        Task(s, s.path in wanted and s.path not in results, need_index and index_keys.get(s.path) not in stored, hashed_later)
        for s in indexed
        if (s.path in wanted and s.path not in results) or (need_index and index_keys.get(s.path) not in stored)
    ]
    with start(job, tasks, run.jobs, alongside=len(stored) >= PARALLEL_FROM, freeze=may_freeze) as outcomes:
        if need_index:
            for rule in job.corpus_rules:
                if rule.prepare is not None:
                    rule.prepare(job.context)  # while the workers process the articles
        with uncollected(may_freeze):
            entries = cache.get_many(stored) if cache and stored else {}
        received = outcomes()
    index = {path: entries[key] for path, key in index_keys.items() if key in entries}
    # An entry stored but unreadable (a damaged row) is computed again, here.
    damaged = [Task(s, False, True) for s in indexed if index_keys.get(s.path) in stored and s.path not in index]
    done = list(zip([*tasks, *damaged], [*received, *process_all(job, damaged, run.jobs)]))
    if hashed_later:
        hashes = {task.source.path: outcome.file_hash or "" for task, outcome in done}
        states, changed_states = _hashed(states, hashes), _hashed(changed_states, hashes)
        result_keys, index_keys, corpus_key = _keys(config, job, targets, indexed, states, environment, extractors, files_digest, run.report_site)
    fresh: dict[str, bytes] = {}
    for task, outcome in done:
        result, entry, (result_blob, entry_blob), _ = outcome
        if result is not None:
            results[task.source.path] = result
            if cache is not None:
                fresh[result_keys[task.source.path]] = result_blob or pickled(result)
        if entry is not None:
            index[task.source.path] = entry
            if cache is not None:
                fresh[index_keys[task.source.path]] = entry_blob or pickled(entry)

    def store_articles() -> None:
        if cache is not None:
            # Not the state of a file that could not be read: a change of permissions changes
            # neither its time nor its size, and the next run must try to read it again.
            cache.put({path: state for path, state in changed_states.items() if state.sha != UNREADABLE}, fresh)

    if not job.corpus_rules:
        corpus: list[Finding] = []
        store_articles()
    elif corpus_key in corpus_cached:
        corpus = corpus_cached[corpus_key]
        store_articles()
    else:
        # In the order of the files, however each entry was obtained: the order reaches messages
        # ("also the title of a.md, c.md and 2 more"), and a warm run must word them as a cold one.
        by_content = {index[s.path].content_path: index[s.path] for s in indexed if s.path in index}
        # The articles' results are stored while the corpus rules run in workers.
        reported = {s.content_path for s in targets}
        corpus = _corpus_findings(config, job, Index(by_content), reported, run, store_articles)
        if cache is not None and not networked:
            cache.put({}, {corpus_key: pickled(corpus)})
    if cache is not None and not run.paths and not run.only_site:
        cache.prune({*result_keys.values(), *index_keys.values(), corpus_key})
    findings = _suppress(config, [results[s.path] for s in targets], corpus)
    return Report(tuple(sort_findings(findings)), len(targets), len(tasks) + len(damaged))


def _corpus_rules(config: Config, run: Run) -> tuple[Rule, ...]:
    # A corpus rule runs when any folder enables it; options_for gives each article its own settings.
    enabled = {name for s in config.every_settings() for name, r in s.rules.items() if r.severity}
    return tuple(
        rule for rule in config.registry.values()
        if rule.kind == "corpus" and rule.check is not None and rule.name in enabled
        and (run.external or not rule.needs_network)
    )


def _corpus_findings(
    config: Config, job: Job, index: Index, targets: set[str], run: Run, meanwhile: Callable[[], None]
) -> list[Finding]:
    frozen_targets = frozenset(targets)
    site = run.report_site or frozen_targets == index.entries.keys()

    def problems(group: Sequence[Rule]) -> list[list[tuple[str, Problem]]]:
        shared = group[0].shared.make(index, job.context) if group and group[0].shared else None  # once for the family
        inputs = [CorpusInput(index, frozen_targets, _options_for(config, rule), job.context, shared) for rule in group]
        return [list(rule.check(given)) for rule, given in zip(group, inputs)]

    # The rules of a family share what they compute in a run (Rule.shared: the resolved links), so
    # they run together, in one process; the duplicate rules and the link rules then run side by
    # side. Network rules stay in this process: they draw progress and share their answers. Link
    # rules resolve the targets' links only: for a few targets, a second process would cost more to
    # start than it saves.
    offline = _families([rule for rule in job.corpus_rules if not rule.needs_network])
    online = [rule for rule in job.corpus_rules if rule.needs_network]  # one family: shares Answers
    workers = workers_for(run.jobs, 1 + len(targets) // PARALLEL_FROM)
    found = [*map_forked(problems, offline, workers, meanwhile), problems(online)]
    findings = []
    for group, group_problems in zip([*offline, online], found):
        for rule, rule_problems in zip(group, group_problems):
            findings += [f for c, p in rule_problems if (f := _finding(config, index, frozen_targets, site, rule, c, p))]
    return findings


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


def _families(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules grouped by what they share (a rule that shares nothing is a group of its own),
    largest first."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.shared.name if rule.shared else f"rule:{rule.name}", []).append(rule)
    return sorted(groups.values(), key=len, reverse=True)


def _suppress(config: Config, results: Sequence[ArticleResult], corpus: Iterable[Finding]) -> list[Finding]:
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
    kept += [f for path, found in by_path.items() if path not in articles for f in found]  # mkdocs.yml
    return kept


# ---- cache keys: everything a result depends on, and nothing more ---------------------------


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _keys(
    config: Config, job: Job, targets: Sequence[Source], indexed: Sequence[Source], states: dict[str, FileState],
    environment: str, extractors: str, files_digest: str, run_site: bool,
) -> tuple[dict[str, str], dict[str, str], str]:
    """The cache keys of the targets' results, of the index entries and of the corpus findings."""
    result_keys = {s.path: _result_key(config, s, states[s.path], environment) for s in targets}
    index_keys = {s.path: _index_key(extractors, s, states[s.path]) for s in indexed} if job.corpus_rules else {}
    # Every file's name counts: whether a linked image or download exists changes corpus findings
    # without changing any article.
    return result_keys, index_keys, _corpus_key(environment, targets, index_keys, files_digest, run_site)


def _hashed(states: dict[str, FileState], hashes: dict[str, str]) -> dict[str, FileState]:
    return {path: state._replace(sha=hashes.get(path, state.sha)) for path, state in states.items()}


def _file_states(
    cache: Cache | None, sources: Sequence[Source], read: bool = True
) -> tuple[dict[str, FileState], dict[str, FileState]]:
    """The content hash of each file, read only when its stat changed since the last run (and
    left empty without `read`); and the states to store, those of files whose stat changed."""
    known = cache.file_states() if cache else {}
    now = time.time_ns()
    states = {}
    for source in sources:
        try:
            info = os.stat(source.absolute)
            stat = f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}"
            recent = now - info.st_mtime_ns < RACY_NS
        except OSError:
            states[source.path] = FileState("", UNREADABLE)
            continue
        previous = known.get(source.path)
        if previous and previous.stat == stat:
            states[source.path] = previous
            continue
        states[source.path] = FileState("" if recent else stat, file_hash(source.absolute) if read else "")
    changed = {path: state for path, state in states.items() if state.stat and state is not known.get(path)}
    return states, changed


def _environment(config: Config, run: Run, content_files: Sequence[str]) -> str:
    """What every result depends on beyond its own file: version, configuration, day, history, and
    the site's files that decide what is published (folder metadata, snippets outside the content)."""
    inputs = [config.source, config.mkdocs_file]
    inputs += [config.content / name for rule in config.registry.values() for name in rule.reads]
    site = load_site(config.mkdocs_file)
    names = {*META_NAMES, site.meta_file}
    inputs += [config.content / p for p in content_files if p.rsplit("/", 1)[-1] in names]
    files = [(str(path), file_hash(path)) for path in inputs if path is not None]
    snippets = snippet_sources(site.snippets, config.content) if site.snippets else ()
    return _digest(_code(), files, snippets, run.today.isoformat(), run.external, _git_head(config.root))


@cache
def _code() -> str:
    """hclint's own code: a result computed by other rules' code is not this code's result, even
    when the version number did not change (an upgrade from source, an editable install)."""
    package = Path(__file__).resolve().parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]  # data too
    return _digest(__version__, sorted((str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


def _git_head(root: Path) -> str:
    try:
        process = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return process.stdout.strip()


def _result_key(config: Config, source: Source, state: FileState, environment: str) -> str:
    settings = config.settings_for(source.content_path)
    return "result:" + _digest(source.path, state.sha, settings.fingerprint, environment)


def _index_key(extractors: str, source: Source, state: FileState) -> str:
    """extractors: the digest of hclint's code and of the corpus rules that extract facts."""
    return "index:" + _digest(extractors, source.path, state.sha)


def _corpus_key(
    environment: str, targets: Sequence[Source], index_keys: dict[str, str], files: str = "", site: bool = False
) -> str:
    return "corpus:" + _digest(environment, sorted(s.path for s in targets), sorted(index_keys.values()), files, site)
