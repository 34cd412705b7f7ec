"""`hclint check`: choose what to report on, run the engine, filter, render, and say how it went."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

import click

from hclint import engine
from hclint.atomic import write_atomic
from hclint.errors import HclintError
from hclint.filters import baseline
from hclint.filters import changed as changes
from hclint.findings import Finding, Severity
from hclint.project.config import Config
from hclint.reporters import Output, renderer


class CheckOptions(NamedTuple):
    """The options of one `hclint check`, as the command line gave them."""

    paths: tuple[Path, ...]
    output_format: str
    output: Path | None
    fail_on: str
    today: date
    changed_since: str | None
    staged: bool
    baseline_file: Path | None
    write_baseline: Path | None
    fix: bool
    skip_outside_content: bool
    use_cache: bool
    external: bool
    include_private: bool
    list_unknown_words: bool


def run(config: Config, options: CheckOptions) -> int:
    """The exit code: 0 when nothing is at or above the fail level, 1 when something is."""
    for file, option in ((options.output, "--output"), (options.write_baseline, "--write-baseline")):
        if file is not None:
            _writable(file, option)  # before the run: a typo must not cost a whole check, or a --fix
    known = baseline.read(options.baseline_file) if options.baseline_file else None
    report = _report(config, options)
    if options.write_baseline:
        baseline.write(options.write_baseline, report.findings, config.root)
        count = len(report.findings)
        click.echo(f"Recorded {count} finding{'' if count == 1 else 's'} in {options.write_baseline}", err=True)
        return 0
    if known is not None:
        report = replace(report, findings=baseline.new_findings(report.findings, known, config.root))
    if options.list_unknown_words:
        _echo_unknown_words(report.findings)
        return 0
    _render(config, options, report)
    threshold = Severity(options.fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0


def _report(config: Config, options: CheckOptions) -> engine.Report:
    chosen = _selection(config, options)
    if chosen.empty and not chosen.site:
        return engine.Report((), 0)  # nothing selected, which is not "everything"
    run = engine.Run(
        today=options.today, paths=chosen.paths, use_cache=options.use_cache, external=options.external,
        include_private=options.include_private, progress=_progress_wanted(), report_site=chosen.site,
        only_site=chosen.empty, absent=_content_paths(config, chosen.absent),
    )
    report = engine.check(config, run)
    return _fixed(config, report, run) if options.fix else report


def _render(config: Config, options: CheckOptions, report: engine.Report) -> None:
    color = options.output is None and options.output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = renderer(options.output_format)(
        Output(report.findings, config.registry, report.article_count, config.root, Path.cwd(), color)
    )
    if options.output:
        write_atomic(options.output, rendered.encode("utf-8"))
    else:
        click.echo(rendered, nl=False, color=color)


def _echo_unknown_words(findings: Sequence[Finding]) -> None:
    from hclint.rules.spelling import (
        unknown_words,  # the misspelling rule's own findings, counted
    )

    for word, count in unknown_words(findings):
        click.echo(f"{count:>7}  {word}")


def _fixed(config: Config, report: engine.Report, run: engine.Run) -> engine.Report:
    """Apply the fixes the findings carry; when files changed, check again to report what remains."""
    from hclint.commands.fix import apply_fixes

    fixed = apply_fixes(config.root, report.findings)
    for path, reason in fixed.failed:
        click.echo(f"Could not fix {path}: {reason}", err=True)
    if not fixed.edits:
        return report
    click.echo(f"Fixed {fixed.edits} problem{'' if fixed.edits == 1 else 's'} in {len(fixed.files)} "
               f"file{'' if len(fixed.files) == 1 else 's'}", err=True)
    return engine.check(config, run)


def _selection(config: Config, options: CheckOptions) -> changes.Selection:
    """What to report on: the named paths (none: the whole content root), or what a change can break."""
    paths = options.paths
    if options.changed_since and options.staged:
        raise HclintError("--changed-since and --staged cannot be used together")
    if options.skip_outside_content and paths:
        paths = tuple(p for p in paths if config.content in Path(os.path.abspath(p)).parents)
        if not paths and not options.staged:
            return changes.Selection()
    if options.changed_since:
        chosen = changes.selection(config, changes.changes_since(config.content.resolve(), options.changed_since), paths)
        return chosen if chosen.everything or chosen.paths or chosen.site else changes.Selection()
    if options.staged:
        chosen = changes.selection(config, changes.staged_changes(config.content.resolve()))
        named = tuple(sorted({*chosen.paths, *(Path(os.path.abspath(p)) for p in paths)}))
        return changes.Selection(() if chosen.everything else named, chosen.everything, chosen.site, chosen.absent)
    return changes.Selection(paths, everything=not paths)


def _content_paths(config: Config, files: tuple[Path, ...]) -> frozenset[str]:
    content = config.content.resolve()
    return frozenset(file.relative_to(content).as_posix() for file in files if content in file.parents)


def _writable(path: Path, option: str) -> None:
    """A report goes into an existing folder: a typo in the path is one line, not a traceback."""
    folder = Path(os.path.abspath(path)).parent
    if not folder.is_dir():
        raise HclintError(f"{option} {path}: the folder {folder} does not exist")


def _progress_wanted() -> bool:
    """A progress bar only for a person watching a terminal, never in a log or a pipe."""
    return sys.stderr.isatty() and not os.environ.get("HCLINT_NO_PROGRESS")
