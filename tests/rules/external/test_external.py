"""The external link rules through the real CLI, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from hclint.rules.external.cache import FILE, FOLDER
from hclint.rules.external import EXTERNAL_LINK_BROKEN, EXTERNAL_LINK_REDIRECT
from tests.conftest import TODAY, run_hclint, write_center
from tests.link_server import serve

FAST = {"timeout": 0.5, "retries": 1, "backoff": 0.01, "max_wait": 2.0, "min_interval": 0.0}
CONFIG = {"rules": {"external-link-broken": FAST}}
ONLINE = ("check", "--format", "json", "--fail-on", "info", "--external", "--include-private")


def article(*links: str) -> str:
    body = "\n\n".join(f"See [this page]({link}) for details." for link in links)
    return f"---\ntitle: Links\n---\n\n{body}\n"


@pytest.fixture
def server():
    with serve() as running:
        yield running


def ours(result, *rules: str) -> list[dict]:
    rules = rules or ("external-link-broken", "external-link-redirect")
    return [f for f in result.json if f["rule"] in rules]


@pytest.mark.parametrize("rule", [EXTERNAL_LINK_BROKEN, EXTERNAL_LINK_REDIRECT], ids=lambda rule: rule.name)
def test_the_documented_examples_hold(tmp_path, server, rule):
    # The examples speak of example.com; here the same paths are served on 127.0.0.1.
    def run(text: str) -> list[dict]:
        write_center(tmp_path, {"content/example.md": text.replace("https://example.com", server.base)}, CONFIG)
        return ours(run_hclint(tmp_path, *ONLINE, "--no-cache"), rule.name)

    assert run(rule.example.failing)
    assert run(rule.example.fixed) == []


def test_without_external_no_request_is_made(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/missing")}, CONFIG)
    result = run_hclint(tmp_path, "check", "--format", "json", "--include-private")
    assert ours(result) == []
    assert server.log.requests == []


def test_findings_have_the_severity_of_what_the_link_answered(tmp_path, server):
    paths = ["/ok", "/missing", "/gone", "/slow", "/busy", "/unavailable", "/moved", "/temporary", "/loop-a"]
    write_center(tmp_path, {"content/a.md": article(*(server.base + p for p in paths))}, CONFIG)
    result = run_hclint(tmp_path, *ONLINE)
    found = {(f["line"], f["rule"], f["severity"]) for f in ours(result)}
    line = {path: 5 + 2 * i for i, path in enumerate(paths)}
    assert found == {
        (line["/missing"], "external-link-broken", "error"),
        (line["/gone"], "external-link-broken", "error"),
        (line["/loop-a"], "external-link-broken", "error"),
        (line["/slow"], "external-link-broken", "warning"),
        (line["/busy"], "external-link-broken", "warning"),
        (line["/unavailable"], "external-link-broken", "warning"),
        (line["/moved"], "external-link-redirect", "info"),
    }
    assert result.exit_code == 1
    messages = {f["line"]: f for f in ours(result)}
    assert messages[line["/busy"]]["message"].startswith(f"{server.base}/busy: not checked")
    assert messages[line["/missing"]]["message"] == f"{server.base}/missing: 404 Not Found"
    assert messages[line["/missing"]]["column"] == len("See [this page](") + 1
    redirect = messages[line["/moved"]]
    assert redirect["message"] == f"{server.base}/moved redirects permanently (301) to {server.base}/ok"
    assert redirect["hint"] == f"link to {server.base}/ok"


def test_a_configured_severity_stays_the_ceiling(tmp_path, server):
    config = {"rules": {"external-link-broken": {**FAST, "severity": "info"}}}
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/missing", f"{server.base}/slow")}, config)
    assert {f["severity"] for f in ours(run_hclint(tmp_path, *ONLINE))} == {"info"}


def test_a_redirect_keeps_the_fragment_of_the_link(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/moved#pricing")}, CONFIG)
    [finding] = ours(run_hclint(tmp_path, *ONLINE))
    assert finding["hint"] == f"link to {server.base}/ok#pricing"


def test_private_addresses_are_not_asked_without_include_private(tmp_path, server):
    port = server.server_address[1]
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/missing", f"http://localhost:{port}/gone")}, CONFIG)
    result = run_hclint(tmp_path, "check", "--format", "json", "--external")
    assert ours(result) == []
    assert server.log.requests == []


def test_each_url_is_asked_once_whatever_the_fragments_and_articles(tmp_path, server):
    files = {
        "content/a.md": article(f"{server.base}/ok#one", f"{server.base}/ok#two"),
        "content/b.md": article(f"{server.base}/ok", f"{server.base}/moved"),
    }
    write_center(tmp_path, files, CONFIG)
    run_hclint(tmp_path, *ONLINE, "--no-cache")
    assert server.log.count() == {"/ok": 2, "/moved": 1}  # /moved leads to /ok: one more request


def test_the_cache_spares_the_hosts_on_the_next_run(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/ok", f"{server.base}/missing")}, CONFIG)
    first = run_hclint(tmp_path, *ONLINE)
    asked = len(server.log.requests)
    second = run_hclint(tmp_path, *ONLINE)
    assert len(server.log.requests) == asked
    assert second.json == first.json
    assert (tmp_path / FOLDER / FILE).is_file()
    run_hclint(tmp_path, *ONLINE, "--no-cache")
    assert len(server.log.requests) == 2 * asked


def test_a_time_to_live_of_zero_asks_again(tmp_path, server):
    config = {"rules": {"external-link-broken": {**FAST, "ttl_good_hours": 0.0}}}
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/ok")}, config)
    run_hclint(tmp_path, *ONLINE)
    run_hclint(tmp_path, *ONLINE)
    assert server.log.methods("/ok") == ["HEAD", "HEAD"]


def test_excluded_urls_are_never_asked(tmp_path, server):
    excluded = [f"{server.base}/missing*", r"re:/gone$"]
    config = {"rules": {"external-link-broken": {**FAST, "exclude": excluded}}}
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/missing/x", f"{server.base}/gone", f"{server.base}/error")}, config)
    result = run_hclint(tmp_path, *ONLINE)
    assert [f["message"].split(":")[-1].strip() for f in ours(result)] == ["the server answered 500 Internal Server Error"]
    assert set(server.log.count()) == {"/error"}


def test_exclusions_can_differ_by_folder(tmp_path, server):
    config = {
        "rules": {"external-link-broken": FAST},
        "overrides": [{"paths": ["archive/**"], "rules": {"external-link-broken": {"exclude": ["*"]}}}],
    }
    link = article(f"{server.base}/missing")
    write_center(tmp_path, {"content/current.md": link, "content/archive/old.md": link}, config)
    assert [f["path"] for f in ours(run_hclint(tmp_path, *ONLINE))] == ["content/current.md"]


def test_an_invalid_exclusion_pattern_is_a_configuration_error(tmp_path, server):
    config = {"rules": {"external-link-broken": {**FAST, "exclude": ["re:(unclosed"]}}}
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/ok")}, config)
    result = run_hclint(tmp_path, *ONLINE)
    assert result.exit_code == 2
    assert "exclude" in result.stderr and "re:(unclosed" in result.stderr


def test_a_suppressed_link_is_not_reported(tmp_path, server):
    text = article(f"{server.base}/ok") + f"\n<!-- hclint-disable-next-line external-link-broken -->\nSee [old]({server.base}/gone).\n"
    write_center(tmp_path, {"content/a.md": text}, CONFIG)
    assert ours(run_hclint(tmp_path, *ONLINE)) == []


def test_only_the_named_articles_are_checked(tmp_path, server):
    files = {"content/a.md": article(f"{server.base}/missing"), "content/b.md": article(f"{server.base}/gone")}
    write_center(tmp_path, files, CONFIG)
    result = run_hclint(tmp_path, *ONLINE, "content/a.md")
    assert [f["path"] for f in ours(result)] == ["content/a.md"]
    assert set(server.log.count()) == {"/missing"}


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/ok")}, CONFIG)
    assert "Checking external links" not in run_hclint(tmp_path, *ONLINE).stderr


def _stderr_on_a_terminal(cwd, env_extra: dict[str, str]) -> str:
    reader, writer = pty.openpty()
    inherited = {k: v for k, v in os.environ.items() if k != "HCLINT_NO_PROGRESS"}
    env = {**inherited, "HCLINT_TODAY": TODAY, **env_extra}
    command = [sys.executable, "-c", "from hclint.cli import main; main()", *ONLINE, "--no-cache"]
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=writer, env=env)
    os.close(writer)
    process.communicate(timeout=120)
    chunks = []
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # the terminal closed: everything has been read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_unless_turned_off(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/ok", f"{server.base}/moved")}, CONFIG)
    assert "Checking external links" in _stderr_on_a_terminal(tmp_path, {})
    assert "Checking external links" not in _stderr_on_a_terminal(tmp_path, {"HCLINT_NO_PROGRESS": "1"})


def test_what_a_run_with_include_private_learnt_stays_out_of_runs_without_it(tmp_path, server):
    write_center(tmp_path, {"content/a.md": article(f"{server.base}/missing")}, CONFIG)
    assert ours(run_hclint(tmp_path, *ONLINE))
    assert ours(run_hclint(tmp_path, "check", "--format", "json", "--external")) == []
    assert len(server.log.requests) == 1
