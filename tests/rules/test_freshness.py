"""stale-article, expired-article, invalid-date and unreviewed-change through the real CLI.

Today is pinned to 2026-11-23 by run_hclint (HCLINT_TODAY), so no test depends on the real date.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_hclint, write_center
from tests.gitrepo import commit, init

FRESHNESS = {"stale-article", "expired-article", "invalid-date", "unreviewed-change"}


def article(reviewed: str | None = None, extra: str = "", body: str = "Refunds take five days.\n",
            field: str = "last_reviewed") -> str:
    lines = ["---", "title: Refunds", "description: How refunds work.", "owner: billing-team"]
    if reviewed is not None:
        lines.append(f"{field}: {reviewed}")
    return "\n".join(lines) + "\n" + extra + "---\n\n" + body


def findings(root, *args):
    result = run_hclint(root, "check", "--format", "json", "--fail-on", "info", *args)
    return [(f["path"], f["rule"], f["line"], f["message"]) for f in result.json if f["rule"] in FRESHNESS]


def test_stale_and_expired_follow_the_default_interval_and_grace(tmp_path):
    write_center(tmp_path, {
        "content/fresh.md": article("2026-06-01"),  # due 2026-11-28
        "content/stale.md": article("2026-04-01"),  # due 2026-09-28, grace until 2026-12-27
        "content/expired.md": article("2025-01-10"),  # due 2025-07-09
    })
    got = findings(tmp_path)
    assert [(p, r, line) for p, r, line, _ in got] == [
        ("content/expired.md", "expired-article", 5),
        ("content/stale.md", "stale-article", 5),
    ]
    stale_message = got[1][3]
    assert "2026-04-01" in stale_message and "2026-09-28" in stale_message and "billing-team" in stale_message


def test_the_stale_article_says_who_owns_it_or_that_nobody_does(tmp_path):
    text = article("2026-04-01").replace("owner: billing-team\n", "")
    write_center(tmp_path, {"content/a.md": text})
    assert "no owner" in findings(tmp_path)[0][3]


def test_review_every_in_the_article_wins_over_the_folder_and_the_default(tmp_path):
    write_center(tmp_path, {
        "content/quarterly.md": article("2026-08-01", "review_every: 90d\n"),  # due 2026-10-30
        "content/default.md": article("2026-08-01"),  # due 2027-01-28
        "content/policies/yearly.md": article("2026-04-01"),  # due 2027-04-01 with 1y
        "content/policies/own.md": article("2026-08-01", "review_every: 2m\n"),  # due 2026-10-01
    }, {"overrides": [{"paths": ["policies/**"], "rules": {"stale-article": {"review_every": "1y"}}}]})
    assert sorted((p, r) for p, r, _, _ in findings(tmp_path)) == [
        ("content/policies/own.md", "stale-article"),
        ("content/quarterly.md", "stale-article"),
    ]


def test_a_folder_interval_holds_for_expired_article_too(tmp_path):
    # Set once on stale-article: expired-article reads the same options.
    write_center(tmp_path, {"content/news/a.md": article("2026-05-01")},
                 {"overrides": [{"paths": ["news/**"], "rules": {"stale-article": {"review_every": "30d", "grace": "30d"}}}]})
    assert [r for _, r, _, _ in findings(tmp_path)] == ["expired-article"]


def test_evergreen_articles_are_never_stale_but_still_need_an_owner(tmp_path):
    text = article("2020-01-01", "evergreen: true\n").replace("owner: billing-team\n", "")
    write_center(tmp_path, {"content/a.md": text})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    rules = result.rules()
    assert "stale-article" not in rules and "expired-article" not in rules
    assert any(f["rule"] == "frontmatter-missing-field" and "`owner`" in f["message"] for f in result.json)


@pytest.mark.parametrize(("value", "words"), [
    ("2025-02-30", "is not a real date"),
    ("23/11/2025", "is not in the form YYYY-MM-DD"),
    ("2025-1-5", "is not in the form YYYY-MM-DD"),
    ("2027-01-01", "is in the future"),
    ("[2025-01-01]", "is not a date"),
])
def test_invalid_dates_are_reported_at_the_fields_line(tmp_path, value, words):
    write_center(tmp_path, {"content/a.md": article(value)})
    got = findings(tmp_path)
    assert [(r, line) for _, r, line, _ in got] == [("invalid-date", 5)]
    assert words in got[0][3] and "`last_reviewed`" in got[0][3]


def test_an_interval_that_is_not_one_is_an_invalid_date_and_the_default_applies(tmp_path):
    write_center(tmp_path, {"content/a.md": article("2026-04-01", "review_every: soon\n")})
    got = {(r, line) for _, r, line, _ in findings(tmp_path)}
    assert got == {("invalid-date", 6), ("stale-article", 5)}


def test_microsoft_learn_ms_date_as_the_review_date(tmp_path):
    options = {"review_field": "ms.date", "date_format": "%m/%d/%Y", "owner_field": "ms.author"}
    write_center(tmp_path, {
        "content/old.md": "---\ntitle: Old\nms.author: jdoe\nms.date: 06/13/2024\n---\n\nText.\n",
        "content/new.md": "---\ntitle: New\nms.author: jdoe\nms.date: 10/03/2026\n---\n\nText.\n",
        "content/bad.md": "---\ntitle: Bad\nms.author: jdoe\nms.date: 13/06/2024\n---\n\nText.\n",
    }, {"rules": {"stale-article": options}})
    got = findings(tmp_path)
    assert [(p, r, line) for p, r, line, _ in got] == [
        ("content/bad.md", "invalid-date", 4),
        ("content/old.md", "expired-article", 4),
    ]
    assert "MM/DD/YYYY" in got[0][3] and "owner: jdoe" in got[1][3]


def test_a_nested_review_date(tmp_path):
    text = "---\ntitle: A\nowner: x\ndate:\n  created: 2020-01-01\n  updated: 2026-04-01\n---\n\nText.\n"
    write_center(tmp_path, {"content/a.md": text}, {"rules": {"stale-article": {"review_field": "date.updated"}}})
    assert [(r, line) for _, r, line, _ in findings(tmp_path)] == [("stale-article", 6)]


def test_options_belong_on_the_first_rule_of_the_family(tmp_path):
    write_center(tmp_path, {"content/a.md": article("2026-04-01")}, {"rules": {"expired-article": {"grace": "10d"}}})
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "expired-article uses the options of stale-article" in result.stderr


def test_a_bad_interval_in_the_configuration_is_a_configuration_error(tmp_path):
    write_center(tmp_path, {"content/a.md": article("2026-04-01")}, {"rules": {"stale-article": {"review_every": "often"}}})
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "review_every" in result.stderr and "90d" in result.stderr


def test_without_a_review_date_the_last_commit_counts_and_the_message_says_so(tmp_path):
    repo = init(tmp_path)
    write_center(repo, {})
    commit(repo, "2026-03-02", {"content/a.md": article(None)})
    got = findings(repo)
    assert [(r, line) for _, r, line, _ in got] == [("stale-article", 1)]
    assert "no `last_reviewed`" in got[0][3] and "last commit" in got[0][3] and "2026-03-02" in got[0][3]


def test_outside_git_an_article_without_a_review_date_is_only_missing_a_field(tmp_path):
    write_center(tmp_path, {"content/a.md": article(None)})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    assert findings(tmp_path) == []
    assert "frontmatter-missing-field" in result.rules()


def test_unreviewed_change_reports_body_edits_after_the_review(tmp_path):
    repo = init(tmp_path)
    write_center(repo, {})
    commit(repo, "2026-09-01", {
        "content/edited.md": article("2026-09-01"),
        "content/reviewed.md": article("2026-09-01"),
        "content/retagged.md": article("2026-09-01"),
    })
    commit(repo, "2026-10-15", {
        "content/edited.md": article("2026-09-01", body="Refunds take ten days.\n"),
        "content/reviewed.md": article("2026-10-15", body="Refunds take ten days.\n"),
        "content/retagged.md": article("2026-09-01", "tags: [money]\n"),
    })
    got = findings(repo)
    assert [(p, r, line) for p, r, line, _ in got] == [("content/edited.md", "unreviewed-change", 5)]
    assert "2026-10-15" in got[0][3] and "2026-09-01" in got[0][3]


def test_a_microsoft_learn_help_center_runs_to_the_end_with_ms_date(tmp_path):
    from collections import Counter

    from hclint.rules import registry
    from tests.conftest import shared_or_skip

    corpus = shared_or_skip("corpora", "ms-business-central-help")
    mine = FRESHNESS | {"frontmatter-missing-field", "frontmatter-field-type", "frontmatter-unknown-field"}
    rules = {name: "off" for name in registry() if name not in mine}
    rules["stale-article"] = {"review_field": "ms.date", "date_format": "%m/%d/%Y", "owner_field": "ms.author", "review_every": "1y"}
    rules["frontmatter-missing-field"] = {
        "required": ["title", "description", "ms.author", "ms.date"],
        "optional": ["ms.*", "ms-*", "ai.*", "ai-*", "author", "ROBOTS", "audience", "services", "documentationcenter"],
        "types": {"title": "string", "description": "string", "ms.author": "string", "ms.date": "date"},
    }
    # Include files are fragments pulled into articles, not articles: Microsoft's own build skips them too.
    write_center(tmp_path, {}, {"content": str(corpus), "exclude": ["**/includes/**", "**/TOC.md"], "rules": rules})
    result = run_hclint(tmp_path, "check", "--no-cache", "--format", "json", "--fail-on", "info")
    counts = Counter(result.rules())
    assert counts["invalid-date"] == 0 and counts["frontmatter-field-type"] == 0
    assert counts["frontmatter-missing-field"] == 0
    # Real typos in the corpus, and nothing else.
    assert sorted(f["message"] for f in result.json if f["rule"] == "frontmatter-unknown-field") == [
        "field `m.search.form` is not in the schema", "field `mw.reviewer` is not in the schema",
    ]
    assert counts["stale-article"] > 100 and counts["expired-article"] > 1000


def test_a_date_format_that_cannot_write_a_whole_date_is_a_configuration_error(tmp_path):
    write_center(tmp_path, {"content/a.md": article("2026-04-01")}, {"rules": {"stale-article": {"date_format": "%Y-%m"}}})
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "stale-article.date_format" in result.stderr and "whole date" in result.stderr
