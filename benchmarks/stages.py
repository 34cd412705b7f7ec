"""Where a cold check's CPU goes: each stage of reading an article and each rule, on one core.

    taskset -c 0 python benchmarks/stages.py benchmarks/out/ms-business-central-help [--articles N]

PROJECT is a folder with an hclint.toml (speed.py makes them under benchmarks/out/). Each article
is read, parsed and checked in this process as a worker does it, with a timer around each step;
the table gives each step's seconds and share, largest first. Run it under `taskset -c 0` so the
numbers are one core's, as the floor in speed.py is.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from hclint import markdown, metadata, suppressions
from hclint.article import Article
from hclint.config import load_config
from hclint.corpus import IndexEntry, walk
from hclint.engine import Run, _corpus_rules
from hclint.processing import Job, Task, process
from hclint.rule import Context
from hclint.rules import registry


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()
    os.chdir(args.project)
    config = load_config(Path("."), registry())
    run = Run(date(2026, 11, 23), use_cache=False)
    job = Job(config, Context(run.today, config.root, config.content, mkdocs_file=config.mkdocs_file), _corpus_rules(config, run), False)
    sources = walk(config).sources[: args.articles]
    process(job, [Task(sources[0], True, True)])  # dictionaries and parsers loaded before timing
    gc.set_threshold(100_000, 50, 100)  # as in a worker
    spent: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    for source in sources:
        _article(job, Path(source.file), source.path, source.content_path, spent)
    total = time.perf_counter() - started
    print(f"{len(sources)} articles, {total:.2f} s, {total / len(sources) * 1000:.2f} ms an article")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        if seconds >= total / 1000:
            print(f"  {name:32} {seconds:7.3f} s  {seconds / total:6.1%}")


def _article(job: Job, file: Path, path: str, content_path: str, spent: dict[str, float]) -> None:
    clock = time.perf_counter
    begin = clock()
    text = file.read_text(encoding="utf-8", errors="replace")
    spent["read"] += clock() - begin
    begin = clock()
    normalized = text.replace("\r\n", "\n")
    meta, key_lines, body_line, problems = metadata.read_frontmatter(normalized)
    lines = normalized.split("\n")
    body = "\n" * (body_line - 1) + "\n".join(lines[body_line - 1 :])
    spent["frontmatter"] += clock() - begin
    begin = clock()
    tokens = tuple(markdown.parser(markdown.plugins_used(body)).parse(body))
    spent["markdown-it"] += clock() - begin
    begin = clock()
    views = markdown._Walker(lines).walk(tokens)
    spent["walk"] += clock() - begin
    article = Article(path, content_path, text, meta, key_lines, body_line, views, tokens, problems)
    settings = job.config.settings_for(content_path)
    context = replace(job.context, lang=settings.lang, rule_options={n: s.options for n, s in settings.rules.items()})
    for name, setting in settings.rules.items():
        rule = job.config.registry[name]
        if rule.kind == "article" and rule.check is not None and not rule.needs_network and setting.severity:
            begin = clock()
            list(rule.check(article, settings.rules[rule.options_from or name].options, context))
            spent[f"rule {name}"] += clock() - begin
    begin = clock()
    suppressions.suppressions(article)
    spent["suppressions"] += clock() - begin
    for rule in job.corpus_rules:
        if rule.facts is not None:
            begin = clock()
            rule.facts(article)
            spent[f"facts {rule.name}"] += clock() - begin
    begin = clock()
    IndexEntry.of(article, ())
    spent["index entry"] += clock() - begin


if __name__ == "__main__":
    main()
