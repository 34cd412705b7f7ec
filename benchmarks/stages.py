"""Where a cold check's CPU goes: each stage of reading an article and each rule, on one core.

    taskset -c 0 python benchmarks/stages.py benchmarks/out/ms-business-central-help [--articles N]

PROJECT is a folder with an hclint.toml (speed.py makes them under benchmarks/out/). The articles
are read, parsed and checked in this process as a worker does it (a batch of articles read, then
each rule over the batch; see engine.workers.process), with a timer around each step;
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

from hclint.article import frontmatter as metadata
from hclint.article import markdown
from hclint.filters import suppressions
from hclint.article import Article
from hclint.project.config import Settings, load_config
from hclint.index import IndexEntry
from hclint.project.discovery import walk
from hclint.engine.check import Run, enabled_corpus_rules
from hclint.engine.workers import BATCH, Job, Task, process
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
    job = Job(config, Context(run.today, config.root, config.content, mkdocs_file=config.mkdocs_file), enabled_corpus_rules(config, run), False)
    sources = walk(config).sources[: args.articles]
    process(job, [Task(sources[0], True, True)])  # dictionaries and parsers loaded before timing
    gc.set_threshold(100_000, 50, 100)  # as in a worker
    spent: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    for first in range(0, len(sources), BATCH):
        batch = sources[first : first + BATCH]
        _batch(job, [_article(Path(s.file), s.path, s.content_path, spent) for s in batch], spent)
    total = time.perf_counter() - started
    print(f"{len(sources)} articles, {total:.2f} s, {total / len(sources) * 1000:.2f} ms an article")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        if seconds >= total / 1000:
            print(f"  {name:32} {seconds:7.3f} s  {seconds / total:6.1%}")


def _article(file: Path, path: str, content_path: str, spent: dict[str, float]) -> Article:
    clock = time.perf_counter
    begin = clock()
    text = file.read_text(encoding="utf-8", errors="replace")
    spent["read"] += clock() - begin
    begin = clock()
    normalized = text.replace("\r\n", "\n")
    meta = metadata.read_frontmatter(normalized)
    lines = normalized.split("\n")
    body = "\n" * (meta.body_line - 1) + "\n".join(lines[meta.body_line - 1 :])
    spent["frontmatter"] += clock() - begin
    begin = clock()
    tokens = tuple(markdown.parser(markdown.plugins_used(body)).parse(body))
    spent["markdown-it"] += clock() - begin
    begin = clock()
    views = markdown._Walker(lines).walk(tokens)
    spent["walk"] += clock() - begin
    return Article(path, content_path, text, meta.values, meta.key_lines, meta.body_line, views, tokens, meta.problems, meta.unreadable)


def _batch(job: Job, articles: list[Article], spent: dict[str, float]) -> None:
    """The rules over a batch of articles, each rule over all of them in turn, as a worker runs them
    (articles with other settings, in folders with overrides, in groups of their own)."""
    clock = time.perf_counter
    groups: dict[int, tuple[Settings, list[Article]]] = {}
    for article in articles:
        settings = job.config.settings_for(article.content_path)
        groups.setdefault(id(settings), (settings, []))[1].append(article)
    for settings, members in groups.values():
        context = replace(job.context, lang=settings.lang, rule_options={n: s.options for n, s in settings.rules.items()})
        for name, setting in settings.rules.items():
            rule = job.config.registry[name]
            if rule.kind == "article" and rule.check is not None and not rule.needs_network and setting.severity:
                options = settings.rules[rule.options_from or name].options
                begin = clock()
                for article in members:
                    list(rule.check(article, options, context))
                spent[f"rule {name}"] += clock() - begin
    begin = clock()
    for article in articles:
        suppressions.suppressions(article)
    spent["suppressions"] += clock() - begin
    for article in articles:  # article by article, as IndexEntry.of takes them
        for rule in job.corpus_rules:
            if rule.facts is not None:
                begin = clock()
                rule.facts(article)
                spent[f"facts {rule.name}"] += clock() - begin
    begin = clock()
    for article in articles:
        IndexEntry.of(article, ())
    spent["index entry"] += clock() - begin


if __name__ == "__main__":
    main()
