"""The command line: each command parses its options and hands them to hclint.commands, which
returns the exit code. Errors are HclintError, printed by click as one line with exit code 2."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from hclint import __version__
from hclint.errors import HclintError
from hclint.project.config import Config, load_config
from hclint.reporters import FORMATS
from hclint.rules import registry

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
    from hclint.commands import (
        check as checking,  # the engine pulls in the parser; `hclint rules` has no need of it
    )

    options = checking.CheckOptions(
        paths, output_format, output, fail_on, _today(today), changed_since, staged, baseline_file, write_baseline,
        fix, skip_outside_content, not no_cache, external, include_private, list_unknown_words,
    )
    sys.exit(checking.run(_config(config_file), options))


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
