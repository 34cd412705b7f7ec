"""The published site in a real headless Chromium: review line, search, and no private pages."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.mkdocs.test_plugin import CENTER, CONFIG
from tests.sites import build, write_site

CHROMIUM = Path("/usr/bin/chromium")
# Nothing a test does should reach beyond 127.0.0.1: no updates, sync or prefetching.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> Path:
    found = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or CHROMIUM)
    if not found.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return found


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep the test output readable
        pass


@pytest.fixture
def served(tmp_path) -> Iterator[str]:
    write_site(tmp_path, CENTER, CONFIG)
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, done.stderr
    handler = functools.partial(_Quiet, directory=str(tmp_path / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(tmp_path):
    from playwright.sync_api import sync_playwright  # a test dependency: its absence is an error

    executable = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True, args=ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_site_in_chromium(served, page, tmp_path):
    home = page.goto(served + "/")
    assert home.status == 200
    assert page.locator(".hclint-review").first.inner_text() == "Last reviewed November 1, 2026"

    page.get_by_role("link", name="refunds").first.click()
    page.wait_for_url(served + "/refunds/")
    review = page.locator(".hclint-review")
    assert review.is_visible()
    assert review.inner_text() == "Last reviewed October 1, 2026"

    page.goto(served + "/old-policy/")
    assert page.locator(".hclint-due-for-review").is_visible()

    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("ten days", delay=20)  # Material searches on key presses, not on fill()
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=15000)
    assert "Old policy" in result.inner_text()

    search.fill("")  # the review line is kept out of the search index: no page matches its words
    search.press_sequentially("reviewed", delay=20)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('No matching')")

    search.fill("")
    search.press_sequentially("AGENT-ONLY-SNIPPET-7731", delay=10)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('No matching')")

    for private in ("/agents/internal/", "/draft/"):
        assert page.goto(served + private).status == 404
    page.goto(served + "/refunds/")
    shot = tmp_path / "refunds.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
