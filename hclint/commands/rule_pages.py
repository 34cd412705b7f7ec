"""Each rule's page in the help center (content/rules/NAME.md), made from its Rule record.

The prose comes from the record; the "hclint reports:" block is what `hclint check` prints when the
record's failing example is saved in a fresh help center, so a page never shows a message the code
no longer writes. tests/commands/test_rule_pages.py fails when a page differs from what this makes.

    python -m hclint.commands.rule_pages --write    # rewrite content/rules/*.md
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w
import yaml

from hclint import engine
from hclint.project.config import load_config
from hclint.reporters import Output, renderer
from hclint.rule import Example, Rule
from hclint.rules import registry

PAGES = Path(__file__).resolve().parents[2] / "content" / "rules"
OWNER = "docs-team"

INDEX_REVIEWED = date(2026, 12, 3)
INDEX_INTRO = """\
# Rules

Each rule checks one kind of problem. Each has its own page.
The page says what the rule checks and why it matters.
It shows an article that breaks the rule, and the same article fixed.
It also lists the options and says how to suppress a finding.

You can read the same pages in a terminal with `hclint rules NAME`.
To change a rule's severity or options, see [Configuring hclint](../configuring.md).

The severity in the table is the default.
An **error** fails the check. A **warning** or **info** finding does not, unless you use `--fail-on`.

## All rules

| Rule | Default | What it reports |
| --- | --- | --- |
"""


def page(rule: Rule) -> str:
    """The whole page of the rule, frontmatter included, with what hclint reports on its example."""
    if not rule.description or rule.reviewed is None:
        raise ValueError(f"rule {rule.name} needs a description and a review date for its page")
    front = _frontmatter(rule.name, rule.description, rule.reviewed, ("rules", *rule.tags))
    return front + "\n" + rule.explain(reports(rule)) + "\n"


def index(rules: Sequence[Rule]) -> str:
    """content/rules/index.md: a table of every rule, with its default severity and summary."""
    front = _frontmatter("Rules", "Every rule hclint checks, with its default severity and a link to its page.",
                         INDEX_REVIEWED, ("rules", "reference"))
    rows = [f"| [`{r.name}`]({r.name}.md) | {r.severity.value} | {_reports_what(r)} |" for r in sorted(rules, key=lambda r: r.name)]
    return front + "\n" + INDEX_INTRO + "\n".join(rows) + "\n"


def pages() -> dict[str, str]:
    """Every page this module makes, by file name in content/rules/."""
    rules = list(registry().values())
    return {"index.md": index(rules), **{f"{rule.name}.md": page(rule) for rule in rules}}


def _reports_what(rule: Rule) -> str:
    return rule.summary.removesuffix(".") + " (with `--external`)." if rule.needs_network else rule.summary


def _frontmatter(title: str, description: str, reviewed: date, tags: Sequence[str]) -> str:
    lines = [f"title: {_scalar(title)}", f"description: {_scalar(description)}", f"owner: {OWNER}",
             f"last_reviewed: {reviewed.isoformat()}", f"tags: [{', '.join(tags)}]"]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _scalar(text: str) -> str:
    # Plain when YAML reads it back as the same string, which is nearly always: pages stay readable.
    return text if yaml.safe_load(text) == text else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- running an example ------------------------------------------------------------------------


def reports(rule: Rule) -> tuple[str, ...]:
    """What `hclint check` prints for the rule's failing example: the rule's own findings only."""
    found = run_example(rule, failing=True)
    if not found:
        raise ValueError(f"the failing example of {rule.name} is not reported: a page would show nothing")
    return found


def run_example(rule: Rule, failing: bool) -> tuple[str, ...]:
    """The rule's findings, as `hclint check` prints them from the project root, when its failing
    (or fixed) example is checked in a fresh help center on the example's day."""
    example = rule.example
    with tempfile.TemporaryDirectory(prefix="hclint-example-") as folder, _web(example.answers) as origins:
        root = Path(folder).resolve()
        _save(root, rule, example, failing, origins)
        lines = _check(root, rule, example.today)
    return tuple(_restore(line, origins) for line in lines)


def _save(root: Path, rule: Rule, example: Example, failing: bool, origins: Mapping[str, str]) -> None:
    options = {"rules": {rule.options_from or rule.name: dict(example.options)}} if example.options else {}
    files: dict[str, str | bytes] = {
        "pyproject.toml": tomli_w.dumps({"tool": {"hclint": options}}),
        **{f"content/{name}": text for name, text in example.others.items()},
    }
    if example.mkdocs:
        files["mkdocs.yml"] = example.mkdocs
    files[example.path] = example.failing
    if not failing:
        files[example.fixed_path or example.path] = example.fixed
    for name, text in files.items():
        _write(root / name, _served(text, origins))
    (root / "content").mkdir(exist_ok=True)
    if example.setup:
        example.setup(root, failing)


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")


def _check(root: Path, rule: Rule, today: date) -> list[str]:
    """What `hclint check` run in root prints about the rule: the engine's findings in the text format."""
    config = load_config(root, registry())
    # The network rules' examples are served on 127.0.0.1, which is asked only when private addresses are.
    run = engine.Run(today=today, use_cache=False, external=rule.needs_network, include_private=rule.needs_network)
    report = engine.check(config, run)
    findings = [finding for finding in report.findings if finding.rule == rule.name]
    text = renderer("text")(Output(findings, config.registry, report.article_count, config.root, root))
    return text.splitlines()[:-1]  # the last line sums up the findings of every rule


# ---- the web, for the network rules' examples ----------------------------------------------------


@contextmanager
def _web(answers: Mapping[str, tuple[int, str]]) -> Iterator[dict[str, str]]:
    """Serve the answers on 127.0.0.1; yields {example origin: local origin} ({} without answers)."""
    if not answers:
        yield {}
        return
    origins = {_origin(url) for url in answers}
    if len(origins) != 1:
        raise ValueError(f"an example's web addresses must share one origin, not {sorted(origins)}")
    origin = origins.pop()
    by_path = {urlsplit(url).path: answer for url, answer in answers.items()}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(by_path, origin))
    # A short poll: shutdown() waits for it, once per example.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield {origin: f"http://127.0.0.1:{server.server_address[1]}"}
    finally:
        server.shutdown()
        server.server_close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _handler(by_path: Mapping[str, tuple[int, str]], origin: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # the page generator prints nothing of its own
            pass

        def do_HEAD(self) -> None:
            self._answer()

        def do_GET(self) -> None:
            self._answer()

        def _answer(self) -> None:
            status, location = by_path.get(self.path.split("?", 1)[0], (404, ""))
            self.send_response(status)
            if location:
                # A redirect leads to the example's own origin, which is served here too.
                local = f"http://{self.headers['Host']}"
                self.send_header("Location", location.replace(origin, local, 1))
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


def _served(text: str | bytes, origins: Mapping[str, str]) -> str | bytes:
    for origin, local in origins.items():
        text = text.replace(origin, local) if isinstance(text, str) else text
    return text


def _restore(line: str, origins: Mapping[str, str]) -> str:
    for origin, local in origins.items():
        line = line.replace(local, origin)
    return line


# ---- the command ---------------------------------------------------------------------------------


def stale_pages(folder: Path = PAGES, made: Mapping[str, str] | None = None) -> list[str]:
    """The pages in folder that differ from what the records make (made, when already made), or
    are missing."""
    made = pages() if made is None else made
    return sorted(name for name, text in made.items() if _read(folder / name) != text)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def write(folder: Path = PAGES) -> list[str]:
    """Write every page that differs; returns the names of those written."""
    written = []
    for name, text in pages().items():
        if _read(folder / name) != text:
            (folder / name).write_text(text, encoding="utf-8", newline="")
            written.append(name)
    return written


def cli(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hclint.commands.rule_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the pages that differ (default: list them, exit 1 if any)")
    arguments = parser.parse_args(argv)
    if arguments.write:
        for name in write():
            print(f"wrote content/rules/{name}")
        return 0
    differ = stale_pages()
    for name in differ:
        print(f"content/rules/{name} differs from its Rule record: run with --write")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(cli())
