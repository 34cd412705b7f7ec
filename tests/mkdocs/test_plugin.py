"""The MkDocs plugin in a real `mkdocs build`: private articles never reach the site, pages show their
review, and hclint's findings fail a strict build through the same engine and configuration as the CLI."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import BASIC_RULES, only_rules
from tests.sites import build, write_site

CONFIG = only_rules(*BASIC_RULES, "stale-article", "expired-article")
INTERNAL_TEXT = "AGENT-ONLY-SNIPPET-7731"
DRAFT_TEXT = "UNFINISHED-DRAFT-4412"
SECRETS = (INTERNAL_TEXT, DRAFT_TEXT, "Agent notes", "Coming soon")  # bodies and titles


def article(title: str, body: str, **meta: str) -> str:
    lines = [f"title: {title}", *(f"{k}: {v}" for k, v in meta.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


CENTER = {
    "content/index.md": article("Home", "Start with [refunds](refunds.md).", owner="docs-team", last_reviewed="2026-11-01"),
    "content/refunds.md": article("Refunds", "Refunds take five days.", owner="billing-team", last_reviewed="2026-10-01"),
    "content/old-policy.md": article("Old policy", "Returns take ten days.", owner="billing-team", last_reviewed="2026-04-01"),
    "content/agents/internal.md": article("Agent notes", f"Say {INTERNAL_TEXT} to the customer.", audience="internal"),
    "content/draft.md": article("Coming soon", f"Text {DRAFT_TEXT} here.", draft="true"),
}


@pytest.fixture
def site(tmp_path):
    write_site(tmp_path, CENTER, CONFIG)
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, done.stderr
    return tmp_path / "site"


def test_private_articles_are_not_published_anywhere(site):
    assert (site / "refunds/index.html").is_file()
    assert not (site / "agents/internal").exists()
    assert not (site / "draft").exists()
    search = (site / "search/search_index.json").read_text(encoding="utf-8")
    locations = [doc["location"] for doc in json.loads(search)["docs"]]
    assert "refunds/" in locations and not any("internal" in loc or "draft" in loc for loc in locations)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/refunds/" in sitemap and "internal" not in sitemap and "draft" not in sitemap
    # Not a word of either article anywhere in the site, in any file.
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".js", ".txt"):
            text = file.read_text(encoding="utf-8", errors="replace")
            assert not [secret for secret in SECRETS if secret in text], file


def test_each_page_shows_its_review_and_stale_pages_say_so(site):
    refunds = (site / "refunds/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="hclint-review" lang="en">(.*?)</p>', refunds).group(1)
    assert re.sub("<[^>]+>", "", line) == "Last reviewed October 1, 2026"  # no owner unless the site shows owners
    assert '<time datetime="2026-10-01">' in line
    # The line sits under the page title, not above it.
    assert refunds.index("<h1") < refunds.index('class="hclint-review"')
    assert "Due for review" not in refunds
    old = (site / "old-policy/index.html").read_text(encoding="utf-8")
    assert "Due for review" in old
    assert re.search(r"due for review on <time[^>]*>September 28, 2026</time>", old)


def test_the_review_line_stays_out_of_the_search_index(site):
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Refunds take five days" in index  # the page's own text is indexed
    assert "reviewed" not in index.lower() and "Due for review" not in index


def test_the_review_line_speaks_the_page_language_and_names_the_owner_only_when_asked(tmp_path):
    files = {
        **CENTER,
        "content/remboursements.md": article("Remboursements", "Sous cinq jours.", owner="billing-team", last_reviewed="2026-10-01", lang="fr"),
        "content/erstattung.md": article("Erstattung", "In fünf Tagen.", owner="billing-team", last_reviewed="2026-04-01", lang="de-DE"),
    }
    write_site(tmp_path, files, CONFIG, plugin="show_owner: true")
    assert build(tmp_path, "--strict").returncode == 0
    french = (tmp_path / "site/remboursements/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="hclint-review" lang="fr">(.*?)</p>', french).group(1)
    assert re.sub("<[^>]+>", "", line) == "Dernière relecture le 1 octobre 2026 · Responsable : billing-team"
    german = (tmp_path / "site/erstattung/index.html").read_text(encoding="utf-8")
    assert "Zuletzt geprüft am" in german and "Prüfung fällig" in german and "Verantwortlich: billing-team" in german


def test_the_site_loads_nothing_from_other_hosts(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|img)[^>]+src="(?:https?:)?//[^"]+"|<link[^>]+href="(?:https?:)?//[^"]+"[^>]*>', text)
        assert [r for r in remote if "canonical" not in r and "sitemap" not in r] == [], page


def test_a_public_page_linking_to_a_private_one_fails_the_build(tmp_path):
    body = "See [the notes](agents/internal.md#tone).\n\nAnd [the draft](draft/)."
    files = {**CENTER, "content/refunds.md": article("Refunds", body)}
    write_site(tmp_path, files, CONFIG)
    done = build(tmp_path)  # not even --strict: publishing a dead link to a hidden page is never right
    assert done.returncode != 0
    assert "content/refunds.md:5: this public article links to `agents/internal.md#tone`, which is not published (audience: internal)" in done.stderr
    assert "content/refunds.md:7: this public article links to `draft/`, which is not published (draft: true)" in done.stderr
    assert "Traceback" not in done.stderr


def test_errors_fail_a_strict_build_and_warn_only_when_asked(tmp_path):
    files = {**CENTER, "content/notes.md": "Just some text without a title.\n"}
    write_site(tmp_path, files, CONFIG)
    strict = build(tmp_path, "--strict")
    assert strict.returncode == 1
    assert "content/notes.md:1:1: error missing-title" in strict.stderr
    assert "Aborted with 1 errors in strict mode" in strict.stdout + strict.stderr
    relaxed = build(tmp_path)  # without --strict the site is built and the error is still shown
    assert relaxed.returncode == 0 and "error missing-title" in relaxed.stderr
    write_site(tmp_path, files, CONFIG, plugin="only_warn: true")
    warned = build(tmp_path, "--strict")
    assert warned.returncode == 0, warned.stderr
    assert "content/notes.md:1:1: error missing-title" in warned.stderr


def test_the_build_uses_the_cli_configuration(tmp_path):
    files = {**CENTER, "content/notes.md": "Just some text without a title.\n"}
    write_site(tmp_path, files, {**CONFIG, "rules": {**CONFIG["rules"], "missing-title": "off"}})
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, done.stderr
    assert "missing-title" not in done.stderr


def test_a_bad_hclint_configuration_stops_the_build_with_one_line(tmp_path):
    write_site(tmp_path, CENTER, 'rules = {"no-such-rule" = "error"}')
    done = build(tmp_path)
    assert done.returncode != 0
    assert "unknown rule 'no-such-rule'" in done.stderr and "Traceback" not in done.stderr


def test_an_article_that_is_not_utf8_stops_the_build_with_the_finding_not_a_traceback(tmp_path):
    write_site(tmp_path, {**CENTER, "content/cafe.md": "# Café\n"}, CONFIG)
    (tmp_path / "content/cafe.md").write_bytes("# Café\n".encode("latin-1"))
    done = build(tmp_path)
    assert done.returncode != 0
    assert "content/cafe.md:1:6: error encoding not valid UTF-8" in done.stderr
    assert "content/cafe.md: hclint cannot read it: not UTF-8 text" in done.stderr
    assert "Traceback" not in done.stderr
