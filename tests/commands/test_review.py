"""`hclint review` on real files: only the date (and owner) bytes change, and writes are atomic."""

from __future__ import annotations

import os

import pytest

from tests.conftest import run_hclint, write_center

# Today is 2026-11-23 (HCLINT_TODAY in run_hclint).
CRLF_QUOTED = (
    b"\xef\xbb\xbf---\r\n"
    b"# Reviewed every quarter by the billing team\r\n"
    b'title:   "Refunds: how they work"   # shown in search\r\n'
    b"last_reviewed: '2025-01-10'  # Ann, after the price change\r\n"
    b"owner: billing-team\r\n"
    b"tags: [money, refunds]\r\n"
    b"---\r\n\r\n"
    b"Refunds take five days.\r\n"
)


def center(tmp_path, files, config=""):
    write_center(tmp_path, {f"content/{name}": text for name, text in files.items()}, config)
    return tmp_path / "content"


def test_only_the_date_changes_with_crlf_bom_comments_and_quotes(tmp_path):
    content = center(tmp_path, {"a.md": CRLF_QUOTED})
    result = run_hclint(tmp_path, "review", "content/a.md")
    assert result.exit_code == 0, result.stderr
    assert (content / "a.md").read_bytes() == CRLF_QUOTED.replace(b"2025-01-10", b"2026-11-23")
    assert result.output == "content/a.md: last_reviewed 2025-01-10 -> 2026-11-23\n"


@pytest.mark.parametrize("written", [
    "last_reviewed: 2025-01-10\n",
    'last_reviewed: "2025-01-10"\n',
    "last_reviewed:    2025-01-10   # odd spacing\n",
    "last_reviewed: {day: x}\n".replace("{day: x}", "2025-01-10") + "# trailing comment\n",
])
def test_every_quoting_style_is_kept(tmp_path, written):
    original = f"---\ntitle: A\n{written}---\nBody\n"
    content = center(tmp_path, {"a.md": original})
    assert run_hclint(tmp_path, "review", "content/a.md", "--date", "2026-11-01").exit_code == 0
    assert (content / "a.md").read_text(encoding="utf-8") == original.replace("2025-01-10", "2026-11-01")


def test_a_missing_review_date_is_added_after_the_title_line(tmp_path):
    original = "---\ntitle: >-\n  A long title\n  on two lines\nowner: x   # the team\n---\n\nBody\n"
    content = center(tmp_path, {"a.md": original})
    result = run_hclint(tmp_path, "review", "content/a.md")
    assert result.exit_code == 0
    expected = original.replace("  on two lines\n", "  on two lines\nlast_reviewed: 2026-11-23\n")
    assert (content / "a.md").read_text(encoding="utf-8") == expected
    assert "(added)" in result.output


def test_an_article_without_frontmatter_gets_one(tmp_path):
    content = center(tmp_path, {"a.md": "# Refunds\r\n\r\nBody\r\n"})
    assert run_hclint(tmp_path, "review", "content/a.md").exit_code == 0
    assert (content / "a.md").read_bytes() == b"---\r\nlast_reviewed: 2026-11-23\r\n---\r\n# Refunds\r\n\r\nBody\r\n"


def test_by_sets_the_owner_in_the_same_careful_way(tmp_path):
    content = center(tmp_path, {
        "quoted.md": "---\ntitle: A\nlast_reviewed: 2025-01-10\nowner: 'billing'  # team\n---\nBody\n",
        "absent.md": "---\ntitle: B\n---\nBody\n",
    })
    result = run_hclint(tmp_path, "review", "content", "--by", "Ann O'Neil")
    assert result.exit_code == 0, result.stderr
    assert (content / "quoted.md").read_text() == "---\ntitle: A\nlast_reviewed: 2026-11-23\nowner: 'Ann O''Neil'  # team\n---\nBody\n"
    assert (content / "absent.md").read_text() == "---\ntitle: B\nlast_reviewed: 2026-11-23\nowner: \"Ann O'Neil\"\n---\nBody\n"


def test_the_configured_field_and_date_form_are_used(tmp_path):
    config = '[tool.hclint.rules.stale-article]\nreview_field = "ms.date"\ndate_format = "%m/%d/%Y"\nowner_field = "ms.author"\n'
    original = "---\ntitle: A\nms.author: jdoe\nms.date: 06/13/2024\nms.topic: how-to\n---\nBody\n"
    content = center(tmp_path, {"a.md": original}, config)
    assert run_hclint(tmp_path, "review", "content/a.md", "--by", "asmith").exit_code == 0
    assert (content / "a.md").read_text() == original.replace("06/13/2024", "11/23/2026").replace("jdoe", "asmith")


def test_a_nested_review_date_is_changed_in_place(tmp_path):
    config = '[tool.hclint.rules.stale-article]\nreview_field = "date.updated"\n'
    original = "---\ntitle: A\ndate:\n  created: 2020-01-01\n  updated: \"2024-01-01\"\n---\nBody\n"
    content = center(tmp_path, {"a.md": original}, config)
    assert run_hclint(tmp_path, "review", "content/a.md").exit_code == 0
    assert (content / "a.md").read_text() == original.replace("2024-01-01", "2026-11-23")


def test_a_reviewed_article_is_fresh_again(tmp_path):
    center(tmp_path, {"a.md": "---\ntitle: A\ndescription: d\nowner: o\nlast_reviewed: 2025-01-10\n---\nBody\n"})
    assert "expired-article" in run_hclint(tmp_path, "check", "--format", "json").rules()
    run_hclint(tmp_path, "review", "content/a.md")
    after = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info").rules()
    assert not {"stale-article", "expired-article", "invalid-date"} & set(after)


def test_an_interrupted_write_leaves_the_original_intact(tmp_path, monkeypatch):
    content = center(tmp_path, {"a.md": CRLF_QUOTED})

    def killed(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", killed)
    result = run_hclint(tmp_path, "review", "content/a.md")
    assert result.exit_code == 1
    assert "unchanged" in result.stderr and "No space left" in result.stderr
    assert (content / "a.md").read_bytes() == CRLF_QUOTED
    assert sorted(p.name for p in content.iterdir()) == ["a.md"]  # no temporary file left behind


def test_an_article_it_cannot_change_safely_is_left_alone_and_the_others_are_done(tmp_path):
    broken = "---\ntitle: Refunds: how\n---\nBody\n"
    block = "---\ntitle: A\nlast_reviewed: |\n  2025-01-10\n---\nBody\n"
    content = center(tmp_path, {"broken.md": broken, "block.md": block, "fine.md": "---\ntitle: C\n---\nBody\n"})
    result = run_hclint(tmp_path, "review", "content")
    assert result.exit_code == 1
    assert (content / "broken.md").read_text() == broken and (content / "block.md").read_text() == block
    assert "content/broken.md:2" in result.stderr and "block of text" in result.stderr
    assert "last_reviewed: 2026-11-23" in (content / "fine.md").read_text()


def test_reviewing_twice_the_same_day_changes_nothing(tmp_path):
    content = center(tmp_path, {"a.md": "---\ntitle: A\nlast_reviewed: 2026-11-23\n---\nBody\n"})
    before = (content / "a.md").stat().st_mtime_ns
    result = run_hclint(tmp_path, "review", "content/a.md")
    assert result.output == "content/a.md: already up to date\n"
    assert (content / "a.md").stat().st_mtime_ns == before


@pytest.mark.parametrize(("args", "words"), [
    (("--date", "2027-01-01"), "in the future"),
    (("--date", "01/02/2026"), "YYYY-MM-DD"),
])
def test_a_bad_date_is_a_usage_error(tmp_path, args, words):
    center(tmp_path, {"a.md": "# A\n"})
    result = run_hclint(tmp_path, "review", "content/a.md", *args)
    assert result.exit_code == 2 and words in result.stderr


def test_paths_outside_the_content_root_are_refused(tmp_path):
    center(tmp_path, {"a.md": "# A\n"})
    (tmp_path / "notes.md").write_text("# Notes\n")
    result = run_hclint(tmp_path, "review", "notes.md")
    assert result.exit_code == 2 and "outside the content root" in result.stderr


def test_a_symbolic_link_stays_a_link_and_its_target_is_reviewed(tmp_path):
    content = center(tmp_path, {"shared/a.md": "---\ntitle: A\nlast_reviewed: 2025-01-10\n---\nBody\n"})
    (content / "link.md").symlink_to(content / "shared" / "a.md")
    assert run_hclint(tmp_path, "review", "content/link.md").exit_code == 0
    assert (content / "link.md").is_symlink()
    assert "last_reviewed: 2026-11-23" in (content / "shared" / "a.md").read_text()


def test_a_longer_fence_is_not_frontmatter_for_mkdocs_so_review_leaves_it_alone(tmp_path):
    original = "-----\ntitle: A\nlast_reviewed: 2025-01-10\n-----\nBody\n"
    content = center(tmp_path, {"a.md": original})
    result = run_hclint(tmp_path, "review", "content/a.md")
    assert result.exit_code == 1 and "cannot record a review: MkDocs reads frontmatter only between lines of exactly three dashes" in result.stderr
    assert (content / "a.md").read_text() == original
