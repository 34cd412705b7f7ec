"""Cache keys, made here and nowhere else: everything a stored result depends on, and nothing more.

A key is a digest of what its result was computed from. An article's result: its path, the hash
of its bytes, its folder's settings and the run's environment. An index entry: its path, its
bytes and which corpus rules extract facts (with hclint's code). The corpus findings: the
environment, the articles reported on, every index entry's key and the name of every file.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import hclint
from hclint.engine.cache import UNREADABLE, Cache, FileState, file_hash
from hclint.memo import once
from hclint.project.config import Config
from hclint.project.discovery import Source
from hclint.project.folder_meta import META_NAMES
from hclint.project.site import load_site
from hclint.rule import Rule
from hclint.rules.links.includes import snippet_sources

RACY_NS = 2_000_000_000  # a file changed this recently may change again within the same mtime tick


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Inputs:
    """What the keys of one run share: made once, before the files' hashes are known."""

    environment: str  # what every result depends on beyond its own file
    extractors: str  # hclint's code and the corpus rules that extract facts
    files: str  # the name of every file of the content root (for the corpus rules)
    report_site: bool  # whether findings on mkdocs.yml are reported


@dataclass(frozen=True)
class Keys:
    results: dict[str, str]  # path -> key of the article's result
    index: dict[str, str]  # path -> key of its index entry (corpus rules on)
    corpus: str  # key of the corpus findings

    @property
    def live(self) -> set[str]:
        """Every key this run reads or writes: what the cache keeps when it prunes."""
        return {*self.results.values(), *self.index.values(), self.corpus}


NO_KEYS = Keys({}, {}, "")  # no entry has an empty key: nothing is found until the keys are made


def inputs(config: Config, today: date, external: bool, report_site: bool, corpus_rules: Sequence[Rule],
           content_files: Sequence[str]) -> Inputs:
    return Inputs(
        _environment(config, today, external, content_files),
        digest(code(), sorted(rule.name for rule in corpus_rules)),
        digest(sorted(content_files)) if corpus_rules else "",
        report_site,
    )


def make_keys(config: Config, given: Inputs, targets: Sequence[Source], indexed: Sequence[Source],
              states: dict[str, FileState], corpus_rules: bool) -> Keys:
    """The keys of the targets' results, of the index entries and of the corpus findings, from the
    hash of each file's bytes (states)."""
    results = {s.path: _result_key(config, s, states[s.path], given.environment) for s in targets}
    index = {s.path: "index:" + digest(given.extractors, s.path, states[s.path].sha) for s in indexed} if corpus_rules else {}
    # Every file's name counts: whether a linked image or download exists changes corpus findings
    # without changing any article.
    corpus = "corpus:" + digest(given.environment, sorted(s.path for s in targets), sorted(index.values()), given.files, given.report_site)
    return Keys(results, index, corpus)


def _result_key(config: Config, source: Source, state: FileState, environment: str) -> str:
    settings = config.settings_for(source.content_path)
    return "result:" + digest(source.path, state.sha, settings.fingerprint, environment)


def file_states(cache: Cache | None, sources: Sequence[Source], read: bool) -> tuple[dict[str, FileState], dict[str, FileState]]:
    """The content hash of each file, read only when its stat changed since the last run (and left
    empty without `read`: the workers hash what they read); and the states to store, those of the
    files whose stat changed."""
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


def with_hashes(states: dict[str, FileState], hashes: dict[str, str]) -> dict[str, FileState]:
    """The states with the hashes the workers computed of the bytes they read."""
    return {path: state._replace(sha=hashes.get(path, state.sha)) for path, state in states.items()}


def _environment(config: Config, today: date, external: bool, content_files: Sequence[str]) -> str:
    """What every result depends on beyond its own file: version and code, configuration, day,
    history, and the site's files that decide what is published (folder metadata, snippets
    outside the content)."""
    inputs = [config.source, config.mkdocs_file]
    inputs += [config.content / name for rule in config.registry.values() for name in rule.reads]
    site = load_site(config.mkdocs_file)
    names = {*META_NAMES, site.meta_file}
    inputs += [config.content / p for p in content_files if p.rsplit("/", 1)[-1] in names]
    files = [(str(path), file_hash(path)) for path in inputs if path is not None]
    snippets = snippet_sources(site.snippets, config.content) if site.snippets else ()
    return digest(code(), files, snippets, today.isoformat(), external, _git_head(config.root))


def code_files() -> list[Path]:
    """Every file of the hclint package, data included: its code is what a stored result depends on."""
    package = Path(hclint.__file__).resolve().parent
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@once("hclint's own code does not change while a process runs")
def code() -> str:
    """hclint's own code (one value a process): a result computed by other rules' code is not this
    code's result, even when the version number did not change (an upgrade from source, an
    editable install)."""
    package = Path(hclint.__file__).resolve().parent
    stamps: Iterable[tuple[str, int, int]] = (
        (str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in code_files()
    )
    return digest(hclint.__version__, sorted(stamps))


def _git_head(root: Path) -> str:
    try:
        process = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return process.stdout.strip()
