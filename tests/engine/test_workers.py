"""Processing articles in batches gives what processing them one at a time gives."""

from __future__ import annotations

from datetime import date

from hclint.project.config import load_config
from hclint.project.discovery import walk
from hclint.engine.check import Run, enabled_corpus_rules
from hclint.engine.workers import Job, Task, process
from hclint.rule import Context
from hclint.rules import registry
from tests.conftest import write_center

TODAY = date(2026, 11, 23)
# Every other article is in another folder's settings (another language, another limit, a rule
# off), so a batch holds articles of both, interleaved.
OVERRIDE = {
    "overrides": [{"paths": ["*-b.md"], "lang": "fr", "rules": {"missing-title": "off", "long-sentence": {"max_words": 4}}}]
}
TEXT = "Open the settings page and choose a new password for your account today. Save it.\n"


def test_a_batch_gives_what_one_article_at_a_time_gives(tmp_path):
    files = {
        f"content/f{i:02}-{side}.md": ("" if i % 3 else "# Title\n\n") + TEXT * (1 + i % 4) for i in range(20) for side in "ab"
    }
    root = write_center(tmp_path, files, OVERRIDE)
    config = load_config(root, registry())
    run = Run(TODAY, use_cache=False)
    job = Job(config, Context(TODAY, config.root, config.content, mkdocs_file=config.mkdocs_file), enabled_corpus_rules(config, run), False)
    tasks = [Task(source, True, True, want_hash=True) for source in walk(config).sources]
    assert [task.source.path[-4] for task in tasks[:4]] == ["a", "b", "a", "b"]
    batched = process(job, tasks)
    alone = [process(job, [task])[0] for task in tasks]
    assert batched == alone
    rules_by_side = {
        side: {f.rule for result, _, _ in batched for f in result.findings if result.path.endswith(f"-{side}.md")}
        for side in "ab"
    }
    assert "missing-title" in rules_by_side["a"] - rules_by_side["b"]
    assert "long-sentence" in rules_by_side["b"] - rules_by_side["a"]
    assert all(sha and len(sha) == 40 for _, _, sha in batched)
