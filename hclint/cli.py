"""The command line: each command parses options, calls the engine, renders, returns an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hclint import __version__
from hclint.atomic import write_atomic
from hclint.errors import HclintError
from hclint.filters import baseline
from hclint.filters import changed as changes
from hclint.findings import Finding, Severity
from hclint.project.config import Config, load_config
from hclint.reporters import FORMATS, Output, renderer
from hclint.rules import registry

if TYPE_CHECKING:
    from hclint import engine

FAIL_LEVELS = ("error", "warning", "info")


def _today(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HclintError(f"--today / HCLINT_TODAY: {value!r} is not a date in the form YYYY-MM-DD") from None


def _config(config_file: Path | None) -> Config:
    return load_config(Path.cwd(), registry(), config_file)


config_option = click.option(
    "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
    help="Use this hclint.toml or pyproject.toml instead of searching upwards from here.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hclint")
def main() -> None:
    """Keep a Markdown help center accurate, fresh, readable and complete."""


def run() -> None:
    """The `hclint` command: main(), then the process ends without tearing the interpreter down.

    Freeing a large help center's index and findings one object at a time took 60 ms of a 0.9 s
    pre-commit run, and nothing is left to clean up by then: the cache is closed and the report
    written. Output is flushed first; if that fails (a closed pipe), Python exits as usual.
    """
    try:
        main(prog_name="hclint")
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: the stream was closed before Python started
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--today", envvar="HCLINT_TODAY", help="Check as if today were this date (YYYY-MM-DD).")
@click.option("--changed-since", metavar="REF",
              help="Report only on what the changes since the git REF (committed or not) can break; corpus rules still see every article.")
@click.option("--staged", is_flag=True,
              help="Report on the named articles and on what the changes staged for the next commit can break (deleted articles, mkdocs.yml, configuration): the pre-commit hook.")
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings that are not recorded in this baseline FILE.")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Record today's findings in FILE, for --baseline, and exit 0.")
@click.option("--skip-outside-content", is_flag=True,
              help="Ignore named files outside the content root instead of failing (pre-commit passes every Markdown file).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache in .hclint-cache/.")
@click.option("--external", is_flag=True,
              help="Also check external links over the network (for scheduled jobs and the publish step).")
@click.option("--include-private", is_flag=True,
              help="With --external, also check links to loopback, private-network and link-local addresses.")
@click.option("--fix", is_flag=True,
              help="Apply the safe fixes (terminology replacements) in place, then report what remains.")
@click.option("--list-unknown-words", is_flag=True,
              help="Print the words the misspelling rule does not know, with their counts, most frequent first.")
@config_option
def check(paths: tuple[Path, ...], output_format: str, output: Path | None, fail_on: str,
          today: str | None, changed_since: str | None, baseline_file: Path | None,
          write_baseline: Path | None, config_file: Path | None, fix: bool, skip_outside_content: bool,
          no_cache: bool, external: bool, include_private: bool, list_unknown_words: bool, staged: bool) -> None:
    """Check the articles in PATHS (default: the whole content root)."""
    from hclint import (
        engine,  # the engine pulls in the parser; `hclint rules` has no need of it
    )

    config = _config(config_file)
    for file, option in ((output, "--output"), (write_baseline, "--write-baseline")):
        if file is not None:
            _writable(file, option)  # before the run: a typo must not cost a whole check, or a --fix
    known = baseline.read(baseline_file) if baseline_file else None
    chosen = _selection(config, paths, changed_since, staged, skip_outside_content)
    if chosen.empty and not chosen.site:
        report = engine.Report((), 0)  # nothing selected, which is not "everything"
    else:
        run = engine.Run(
            today=_today(today), paths=chosen.paths, use_cache=not no_cache, external=external,
            include_private=include_private, progress=_progress_wanted(), report_site=chosen.site,
            only_site=chosen.empty, absent=_content_paths(config, chosen.absent),
        )
        report = engine.check(config, run)
        if fix:
            report = _fixed(config, report, run)
    if write_baseline:
        baseline.write(write_baseline, report.findings, config.root)
        count = len(report.findings)
        click.echo(f"Recorded {count} finding{'' if count == 1 else 's'} in {write_baseline}", err=True)
        sys.exit(0)
    if known is not None:
        report = replace(report, findings=baseline.new_findings(report.findings, known, config.root))
    if list_unknown_words:
        _echo_unknown_words(report.findings)
        sys.exit(0)
    color = output is None and output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = renderer(output_format)(
        Output(report.findings, config.registry, report.article_count, config.root, Path.cwd(), color)
    )
    if output:
        write_atomic(output, rendered.encode("utf-8"))
    else:
        click.echo(rendered, nl=False, color=color)
    threshold = Severity(fail_on).rank
    sys.exit(1 if any(f.severity.rank >= threshold for f in report.findings) else 0)


def _echo_unknown_words(findings: Sequence[Finding]) -> None:
    from hclint.rules.spelling import (
        unknown_words,  # the misspelling rule's own findings, counted
    )

    for word, count in unknown_words(findings):
        click.echo(f"{count:>7}  {word}")


def _fixed(config: Config, report: engine.Report, run: engine.Run) -> engine.Report:
    """Apply the fixes the findings carry; when files changed, check again to report what remains."""
    from hclint import engine
    from hclint.commands.fix import apply_fixes

    fixed = apply_fixes(config.root, report.findings)
    for path, reason in fixed.failed:
        click.echo(f"Could not fix {path}: {reason}", err=True)
    if not fixed.edits:
        return report
    click.echo(f"Fixed {fixed.edits} problem{'' if fixed.edits == 1 else 's'} in {len(fixed.files)} "
               f"file{'' if len(fixed.files) == 1 else 's'}", err=True)
    return engine.check(config, run)


def _selection(config: Config, paths: tuple[Path, ...], changed_since: str | None, staged: bool,
               skip_outside: bool) -> changes.Selection:
    """What to report on: the named paths (none: the whole content root), or what a change can break."""
    if changed_since and staged:
        raise HclintError("--changed-since and --staged cannot be used together")
    if skip_outside and paths:
        paths = tuple(p for p in paths if config.content in Path(os.path.abspath(p)).parents)
        if not paths and not staged:
            return changes.Selection()
    if changed_since:
        chosen = changes.selection(config, changes.changes_since(config.content.resolve(), changed_since), paths)
        return chosen if chosen.everything or chosen.paths or chosen.site else changes.Selection()
    if staged:
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


@main.command()
@click.argument("name", required=False)
def rules(name: str | None) -> None:
    """List every rule, or explain the rule NAME."""
    known = registry()
    if name is None:
        width = max(len(rule) for rule in known)
        for rule in sorted(known.values(), key=lambda r: r.name):
            click.echo(f"{rule.name:<{width}}  {rule.severity.value:<7}  {rule.kind:<7}  {rule.summary}")
        return
    if name not in known:
        raise HclintError(f"unknown rule {name!r}: `hclint rules` lists them")
    click.echo(known[name].explain())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", "day", help="The date of the review (YYYY-MM-DD); default: today.")
@click.option("--by", "owner", help="Also set the article's owner to OWNER.")
@click.option("--today", envvar="HCLINT_TODAY", help="Take today to be this date (YYYY-MM-DD).")
@config_option
def review(paths: tuple[Path, ...], day: str | None, owner: str | None, today: str | None, config_file: Path | None) -> None:
    """Record that a person has read the articles in PATHS: set their review date, change nothing else."""
    from hclint.commands import review as reviewing

    config = _config(config_file)
    sys.exit(reviewing.run(config, paths, reviewing.review_day(day, _today(today)), owner))


@main.command("config")
@config_option
def show_config(config_file: Path | None) -> None:
    """Print the effective configuration, in the form of hclint.toml."""
    import tomli_w

    config = _config(config_file)
    source = config.source or "defaults (no hclint.toml or [tool.hclint] found)"
    click.echo(f"# from {source}\n" + tomli_w.dumps(config.effective()), nl=False)
