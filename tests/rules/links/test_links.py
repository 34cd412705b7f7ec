"""Internal links, anchors, images and the nav, through the real CLI on real help centers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hclint.rules.links import RULES
from tests.conftest import REPO, only_rules, run_hclint, shared_or_skip, write_center

LINK_RULES = tuple(rule.name for rule in RULES)
HEAD = "---\ntitle: {}\n---\n\n"
REFUNDS = HEAD.format("Refunds") + "# Refunds\n\n## Ask for a refund\n\n## Ask for a refund\n\nText.\n"


def page(title: str, body: str = "Text.\n") -> str:
    return HEAD.format(title) + body


def check(root: Path, *args: str) -> list[dict]:
    result = run_hclint(root, "check", "--no-cache", "--format", "json", "--fail-on", "info", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [f for f in result.json if f["rule"] in LINK_RULES]


def center(tmp_path: Path, files: dict[str, str], mkdocs: str | None = None) -> Path:
    files = {"content/index.md": page("Home"), **files}
    root = write_center(tmp_path, files, only_rules(*LINK_RULES))
    if mkdocs is not None:
        (root / "mkdocs.yml").write_text("site_name: Help\ndocs_dir: content\n" + mkdocs, encoding="utf-8")
    return root


def found(findings: list[dict], rule: str) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["message"]) for f in findings if f["rule"] == rule]


# ---- broken-link: resolved as MkDocs resolves it -----------------------------------------------

GOOD_LINKS = [
    "billing/refunds.md",
    "./billing/refunds.md",
    "billing/refunds.md#ask-for-a-refund",
    "billing/refunds.md?tabs=web",
    "billing/",
    "billing",
    "guides/",
    "my%20page.md",
    "/billing/refunds/",
    "/billing/refunds",
    "/billing/",
    "/billing/refunds.md",
    "~/billing/refunds.md",
    "/images/logo.png",
    "#top",
    "https://example.com/missing.md",
    "mailto:help@example.com",
    "/api/v2/status",
]


@pytest.mark.parametrize("target", GOOD_LINKS)
def test_links_that_work_on_the_built_site_are_clean(tmp_path, target):
    root = center(
        tmp_path,
        {
            "content/start.md": page("Start", f"See [it]({target}).\n"),
            "content/billing/index.md": page("Billing"),
            "content/billing/refunds.md": REFUNDS,
            "content/guides/README.md": page("Guides"),
            "content/my page.md": page("My page"),
            "content/images/logo.png": "PNG",
        },
        mkdocs="",
    )
    assert [f for f in check(root) if f["path"] == "content/start.md" and f["rule"] != "orphan-article"] == []


def test_relative_links_start_from_the_linking_article(tmp_path):
    root = center(
        tmp_path,
        {
            "content/billing/refunds.md": page("Refunds", "[Up](../index.md) [Card](cards.md) [Wrong](billing/cards.md)\n"),
            "content/billing/cards.md": page("Cards"),
        },
    )
    messages = found(check(root), "broken-link")
    assert messages == [
        ("content/billing/refunds.md", 5, "the link to `billing/cards.md` leads nowhere: there is no `billing/billing/cards.md` in the content root")
    ]


def test_a_misspelt_link_suggests_the_closest_article(tmp_path):
    root = center(tmp_path, {"content/a/start.md": page("Start", "[Refunds](../billing/refund.md)\n"), "content/billing/refunds.md": REFUNDS})
    (finding,) = [f for f in check(root) if f["rule"] == "broken-link"]
    assert finding["hint"] == "did you mean `../billing/refunds.md`?"
    assert (finding["line"], finding["column"]) == (5, 11)


def test_a_moved_article_is_suggested_in_its_new_folder(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "[Refunds](refunds.md)\n"), "content/billing/refunds.md": REFUNDS})
    (finding,) = [f for f in check(root) if f["rule"] == "broken-link"]
    assert finding["hint"] == "did you mean `billing/refunds.md`?"


def test_a_case_mismatch_names_the_real_file(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "[Refunds](Billing/Refunds.md)\n"), "content/billing/refunds.md": REFUNDS})
    (finding,) = [f for f in check(root) if f["rule"] == "broken-link"]
    assert "the file is named `billing/refunds.md`" in finding["message"]
    assert "breaks on Linux hosts" in finding["message"]
    assert finding["hint"] == "write `billing/refunds.md`"


def test_backslashes_are_broken_with_the_forward_slash_link_as_hint(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "[Refunds](billing\\refunds.md)\n"), "content/billing/refunds.md": REFUNDS})
    (finding,) = [f for f in check(root) if f["rule"] == "broken-link"]
    assert finding["message"] == "the link to `billing\\refunds.md` leads nowhere: it separates folders with \\ where links need /"
    assert finding["hint"] == "did you mean `billing/refunds.md`?"


def test_a_folder_without_index_is_broken(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "[Billing](billing/)\n"), "content/billing/cards.md": page("Cards")})
    assert found(check(root), "broken-link") == [
        ("content/start.md", 5, "the link to `billing/` leads nowhere: it is a folder with no index.md or README.md")
    ]


def test_site_paths_follow_use_directory_urls(tmp_path):
    files = {"content/start.md": page("Start", "[A](/billing/refunds/) [B](/billing/refunds.html)\n"), "content/billing/refunds.md": REFUNDS}
    with_directories = found(check(center(tmp_path / "a", files, mkdocs="use_directory_urls: true\n")), "broken-link")
    without = found(check(center(tmp_path / "b", files, mkdocs="use_directory_urls: false\n")), "broken-link")
    assert [m for _, _, m in with_directories] == ["the link to `/billing/refunds.html` leads nowhere: there is no `billing/refunds.html` in the content root"]
    assert [m for _, _, m in without] == ["the link to `/billing/refunds/` leads nowhere: there is no `billing/refunds` in the content root"]


def test_site_paths_start_with_the_path_of_site_url(tmp_path):
    files = {"content/start.md": page("Start", "[A](/help/billing/refunds/) [B](/help/billing/refund/) [C](/other/x/)\n"), "content/billing/refunds.md": REFUNDS}
    root = center(tmp_path, files, mkdocs="site_url: https://example.com/help/\n")
    assert [m.split(":")[0] for _, _, m in found(check(root), "broken-link")] == ["the link to `/help/billing/refund/` leads nowhere"]


def test_links_out_of_the_content_root_are_broken_only_for_mkdocs(tmp_path):
    files = {"content/start.md": page("Start", "[Shared](../shared/intro.md) [Docset](~/../other/intro.md)\n")}
    with_mkdocs = found(check(center(tmp_path / "a", files, mkdocs="")), "broken-link")
    assert with_mkdocs == [("content/start.md", 5, "the link to `../shared/intro.md` leads nowhere: it points outside the content root, which MkDocs does not publish")]
    assert found(check(center(tmp_path / "b", files)), "broken-link") == []


def test_a_link_to_an_excluded_article_is_broken(tmp_path):
    files = {"content/start.md": page("Start", "[Draft](drafts/new.md)\n"), "content/drafts/new.md": page("New")}
    root = center(tmp_path, files, mkdocs="exclude_docs: |\n  drafts/\n")
    assert [m for _, _, m in found(check(root), "broken-link")] == [
        "the link to `drafts/new.md` leads nowhere: it is excluded from the built site by exclude_docs"
    ]


def test_links_in_code_are_not_links(tmp_path):
    body = "```markdown\n[Not a link](missing.md)\n```\n\nAnd `[inline](missing.md)` too.\n"
    assert [f["rule"] for f in check(center(tmp_path, {"content/start.md": page("Start", body)}))] == ["orphan-article"]


def test_one_file_checked_alone_still_sees_every_article(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "[R](billing/refunds.md) [X](nowhere.md)\n"), "content/billing/refunds.md": REFUNDS})
    findings = check(root, "content/start.md")
    assert [(f["path"], f["rule"]) for f in findings] == [("content/start.md", "orphan-article"), ("content/start.md", "broken-link")]


# ---- broken-anchor -----------------------------------------------------------------------------


def test_anchors_are_the_ids_mkdocs_renders(tmp_path):
    body = (
        "[a](billing/refunds.md#ask-for-a-refund_1) [b](billing/refunds.md#ask-for-a-refund_2) "
        "[c](#own-heading) [d](#pay) [e](#legacy) [f](#box) [g](#own-heading-typo)\n\n"
        "## Own heading\n\n## Card {#pay}\n\n<a name=\"legacy\"></a><div id=\"box\"></div>\n"
    )
    root = center(tmp_path, {"content/start.md": page("Start", body), "content/billing/refunds.md": REFUNDS}, mkdocs="markdown_extensions:\n  - attr_list\n")
    findings = [f for f in check(root) if f["rule"] == "broken-anchor"]
    assert [(f["message"], f["hint"]) for f in findings] == [
        (
            "the link `billing/refunds.md#ask-for-a-refund_2` leads nowhere on the page: `billing/refunds.md` has no heading or element with the id `ask-for-a-refund_2`",
            "did you mean `billing/refunds.md#ask-for-a-refund_1`?",
        ),
        (
            "the link `#own-heading-typo` leads nowhere on the page: this page has no heading or element with the id `own-heading-typo`",
            "did you mean `#own-heading`?",
        ),
    ]


def test_attr_list_ids_count_only_when_attr_list_is_on(tmp_path):
    body = "[d](#pay)\n\n## Card {#pay}\n"
    on = center(tmp_path / "on", {"content/start.md": page("Start", body)}, mkdocs="markdown_extensions:\n  - attr_list\n")
    off = center(tmp_path / "off", {"content/start.md": page("Start", body)}, mkdocs="markdown_extensions:\n  - toc\n")
    assert found(check(on), "broken-anchor") == []
    assert len(found(check(off), "broken-anchor")) == 1


def test_anchors_follow_the_configured_slugify(tmp_path):
    body = "[x](#ünïcode-café)\n\n## Ünïcode café\n"
    unicode = "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
    assert found(check(center(tmp_path / "a", {"content/start.md": page("Start", body)}, mkdocs=unicode)), "broken-anchor") == []
    (problem,) = found(check(center(tmp_path / "b", {"content/start.md": page("Start", body)}, mkdocs="")), "broken-anchor")
    assert "`ünïcode-café`" in problem[2]


def test_an_anchor_on_an_image_or_a_missing_page_is_not_an_anchor_problem(tmp_path):
    body = "[pdf](guide.pdf#page=2) [gone](gone.md#intro)\n"
    findings = check(center(tmp_path, {"content/start.md": page("Start", body), "content/guide.pdf": "PDF"}))
    assert [f["rule"] for f in findings if f["rule"] != "orphan-article"] == ["broken-link"]


# ---- missing-image -----------------------------------------------------------------------------


def test_missing_images_and_downloads(tmp_path):
    body = "![Logo](images/logo.png)\n\n![Icon](images/icon.png)\n\n[Guide](files/Guide.PDF)\n\n![Shot](Images/shot.png)\n"
    files = {"content/start.md": page("Start", body), "content/images/logo.png": "PNG", "content/images/icons.png": "PNG",
             "content/images/shot.png": "PNG", "content/files/guide.pdf": "PDF"}
    findings = [f for f in check(center(tmp_path, files)) if f["rule"] == "missing-image"]
    assert [(f["line"], f["message"], f.get("hint")) for f in findings] == [
        (7, "the image `images/icon.png` is missing: there is no `images/icon.png` in the content root", "did you mean `images/icons.png`?"),
        (9, "the file `files/Guide.PDF`: the file is named `files/guide.pdf`; the case differs, which breaks on Linux hosts", "write `files/guide.pdf`"),
        (11, "the image `Images/shot.png`: the file is named `images/shot.png`; the case differs, which breaks on Linux hosts", "write `images/shot.png`"),
    ]


def test_an_added_image_clears_the_finding_through_the_cache(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start", "![Logo](logo.png)\n")})
    cached = ["check", "--format", "json", "--fail-on", "info"]
    assert [f["rule"] for f in run_hclint(root, *cached).json if f["rule"] == "missing-image"] == ["missing-image"]
    (root / "content" / "logo.png").write_bytes(b"PNG")
    assert [f["rule"] for f in run_hclint(root, *cached).json if f["rule"] == "missing-image"] == []


# ---- the nav -----------------------------------------------------------------------------------

NAV = "nav:\n  - Home: index.md\n  - Billing: billng.md\n  - Refunds: Billing/refunds.md\n  - Guides: guides/\n  - Status: https://status.example.com/\n"


def test_nav_entries_without_a_file_are_reported_on_mkdocs_yml(tmp_path):
    files = {"content/billing.md": page("Billing"), "content/billing/refunds.md": REFUNDS, "content/guides/index.md": page("Guides")}
    findings = [f for f in check(center(tmp_path, files, mkdocs=NAV)) if f["rule"] == "nav-missing-target"]
    assert [(f["path"], f["line"], f["column"], f["message"], f.get("hint")) for f in findings] == [
        ("mkdocs.yml", 5, 14, "the nav entry `billng.md` is broken: no such file in the content root", "did you mean `billing.md`?"),
        ("mkdocs.yml", 6, 14, "the nav entry `Billing/refunds.md`: the file is named `billing/refunds.md`; the case differs", "write `billing/refunds.md`"),
        ("mkdocs.yml", 7, 13, "the nav entry `guides/` is broken: the nav must name the file, not its folder", "did you mean `guides/index.md`?"),
    ]


def test_nav_findings_wait_for_a_check_of_the_whole_help_center(tmp_path):
    root = center(tmp_path, {"content/billing.md": page("Billing")}, mkdocs=NAV)
    assert [f for f in check(root, "content/billing.md") if f["rule"] == "nav-missing-target"] == []


def test_not_in_nav_skips_internal_excluded_and_not_in_nav_articles(tmp_path):
    files = {
        "content/billing.md": page("Billing"),
        "content/forgotten.md": page("Forgotten"),
        "content/agents.md": "---\ntitle: Agents\naudience: internal\n---\n\nText.\n",
        "content/snippets/abbr.md": page("Abbreviations"),
        "content/drafts/new.md": page("New"),
    }
    mkdocs = "nav:\n  - index.md\n  - billing.md\nnot_in_nav: |\n  /snippets/\nexclude_docs: |\n  drafts/\n"
    assert found(check(center(tmp_path, files, mkdocs=mkdocs)), "not-in-nav") == [
        ("content/forgotten.md", 1, "no entry of the nav in mkdocs.yml leads to this article")
    ]


def test_without_an_explicit_nav_no_article_is_missing_from_it(tmp_path):
    assert found(check(center(tmp_path, {"content/billing.md": page("Billing")}, mkdocs="")), "not-in-nav") == []


# ---- orphan-article and internal-link-from-public ---------------------------------------------


def test_orphans_are_articles_nothing_leads_to(tmp_path):
    files = {
        "content/billing.md": page("Billing", "[Refunds](refunds.md) [Self](#top)\n"),
        "content/refunds.md": page("Refunds"),
        "content/lonely.md": page("Lonely", "[Me](lonely.md)\n"),
        "content/agents.md": "---\ntitle: Agents\naudience: internal\n---\n\nText.\n",
    }
    orphans = [path for path, _, _ in found(check(center(tmp_path, files)), "orphan-article")]
    assert orphans == ["content/billing.md", "content/lonely.md"]


def test_with_mkdocs_every_page_is_in_the_nav_it_builds_except_not_in_nav(tmp_path):
    files = {"content/billing.md": page("Billing"), "content/hidden.md": page("Hidden")}
    orphans = found(check(center(tmp_path, files, mkdocs="not_in_nav: |\n  hidden.md\n")), "orphan-article")
    assert [path for path, _, _ in orphans] == ["content/hidden.md"]


def test_public_articles_must_not_link_to_internal_ones(tmp_path):
    internal = "---\ntitle: Agents\naudience: internal\n---\n\n[Other](other-agents.md) [Public](index.md)\n"
    files = {
        "content/start.md": page("Start", "[Policy](agents.md#approve)\n"),
        "content/agents.md": internal + "\n## Approve\n",
        "content/other-agents.md": "---\ntitle: More\naudience: [internal, agents]\n---\n\nText.\n",
    }
    assert found(check(center(tmp_path, files)), "internal-link-from-public") == [
        ("content/start.md", 5, "this public article links to `agents.md#approve`, which is not published (audience: internal)")
    ]


PRIVATE_LINK_FORMS = {
    5: "[relative](../agents/tone.md)",
    7: "[with an anchor](../agents/tone.md#greeting)",
    9: "[site path](/agents/tone/)",
    11: "[site path with an anchor](/agents/tone/#greeting)",
    13: "[reference][tone]",
    15: '<a href="../agents/tone.md">raw HTML naming the file</a>',
    17: '<p>Inline <a href="../../agents/tone/">from the page URL</a> too.</p>',
    19: "[folder link as the browser reads it](../../agents/tone/)",
    21: "[the draft](../drafts/soon.md)",
    23: "[unreadable frontmatter](../agents/broken.md)",
}


def test_every_form_of_link_to_a_page_that_is_not_published_is_reported(tmp_path):
    body = "\n\n".join(PRIVATE_LINK_FORMS.values()) + "\n\n[tone]: ../agents/tone.md\n"
    files = {
        "content/billing/refunds.md": page("Refunds", body),
        "content/agents/tone.md": "---\ntitle: Tone\naudience: Internal \n---\n\n## Greeting\n",
        "content/drafts/soon.md": "---\ntitle: Soon\ndraft: \"yes\"\n---\n\nText.\n",
        "content/agents/broken.md": "---\ntitle: Escalation: tier 2\naudience: internal\n---\n\nText.\n",
    }
    reported = found(check(center(tmp_path, files, mkdocs="site_url: https://help.example.com/\n")), "internal-link-from-public")
    assert [line for _, line, _ in reported] == sorted(PRIVATE_LINK_FORMS)
    reasons = {line: message.split("which is not published ")[1] for _, line, message in reported}
    assert reasons[5] == "(audience: internal)" and reasons[21] == "(draft: yes)"
    assert reasons[23].startswith("(hclint cannot read it: invalid YAML")


def test_folder_metadata_makes_a_folder_internal_when_the_meta_plugin_is_on(tmp_path):
    files = {
        "content/start.md": page("Start", "[Notes](agents/notes.md)\n"),
        "content/agents/.meta.yml": "audience: internal\n",
        "content/agents/notes.md": page("Notes"),
    }
    [(_, _, unread)] = found(check(center(tmp_path, files, mkdocs="")), "internal-link-from-public")
    assert unread.endswith("(the folder metadata agents/.meta.yml sets `audience` or `draft`, but MkDocs does not read it (is the meta plugin on?))")
    reported = found(check(center(tmp_path, files, mkdocs="plugins:\n  - meta\n")), "internal-link-from-public")
    assert reported == [("content/start.md", 5, "this public article links to `agents/notes.md`, which is not published (audience: internal)")]


def test_folder_metadata_that_cannot_be_read_is_reported_and_withholds_its_pages(tmp_path):
    files = {
        "content/start.md": page("Start", "[Notes](team/notes.md)\n"),
        "content/team/.meta.yml": "title: Team\naudience: [internal\n",
        "content/team/notes.md": page("Notes"),
    }
    findings = check(center(tmp_path, files, mkdocs="plugins:\n  - material/meta\n"))
    [(path, line, message)] = found(findings, "folder-meta-invalid")
    assert (path, line) == ("content/team/.meta.yml", 3)
    assert message.endswith("every page below it is withheld from the site")
    [(_, _, linked)] = found(findings, "internal-link-from-public")
    assert "(the folder metadata team/.meta.yml cannot be read: " in linked


def test_an_audience_hclint_does_not_know_is_not_public_until_the_team_lists_its_public_audiences(tmp_path):
    files = {"content/start.md": page("Start", "[Partners](partners.md)\n"), "content/partners.md": "---\ntitle: P\naudience: partners\n---\n\nText.\n"}
    root = center(tmp_path, files)
    [(_, _, message)] = found(check(root), "internal-link-from-public")
    assert "partners is an audience hclint does not know" in message
    write_center(root, files, only_rules(*LINK_RULES, public_audiences=["Public", "partners"]))
    assert found(check(root), "internal-link-from-public") == []


def test_a_nav_entry_to_an_internal_article_is_reported_on_mkdocs_yml(tmp_path):
    files = {"content/agents.md": "---\ntitle: Agents\naudience: internal\n---\n\nText.\n"}
    nav = "nav:\n  - Home: index.md\n  - Agents: agents.md\n"
    assert found(check(center(tmp_path, files, mkdocs=nav)), "internal-link-from-public") == [
        ("mkdocs.yml", 5, "the nav entry `agents.md` leads to an article that is not published (audience: internal)")
    ]


def test_a_snippet_include_of_an_internal_article_is_reported(tmp_path):
    body = '--8<-- "content/agents/tone.md"\n\n;--8<-- "content/agents/tone.md"\n\n--8<--\ncontent/shared/note.md\n--8<--\n'
    files = {
        "content/start.md": page("Start", body),
        "content/agents/tone.md": "---\ntitle: Tone\naudience: internal\n---\n\nSecret.\n",
        "content/shared/note.md": 'A note that includes another:\n\n--8<-- "snippets/agent-only.md:2:3"\n',
        "snippets/agent-only.md": "---\naudience: internal\n---\nSay the code word.\n",
    }
    reported = found(check(center(tmp_path, files, mkdocs="markdown_extensions:\n  - pymdownx.snippets\n")), "private-include")
    assert reported == [
        ("content/shared/note.md", 3, "this public article includes `snippets/agent-only.md`, whose text is not published (../snippets/agent-only.md: audience: internal)"),
        ("content/start.md", 5, "this public article includes `content/agents/tone.md`, whose text is not published (agents/tone.md: audience: internal)"),
        ("content/start.md", 10, "this public article includes `content/shared/note.md`, whose text is not published (../snippets/agent-only.md: audience: internal)"),
    ]
    assert found(check(center(tmp_path, files, mkdocs="")), "private-include") == []  # no snippets extension: no include


# ---- bad input gets a finding, never a traceback -----------------------------------------------


def test_odd_links_never_crash(tmp_path):
    body = "[a](<>) [b](http://[::1) [c](%) [d](?q=1) [e]({{ url }}) [f](..) [g](/) [h](\\\\server\\share) [i](#)\n"
    findings = check(center(tmp_path, {"content/start.md": page("Start", body)}, mkdocs=""))
    assert {f["rule"] for f in findings} <= {"broken-link", "orphan-article"}


def test_a_broken_mkdocs_yml_is_a_clear_error(tmp_path):
    root = center(tmp_path, {"content/start.md": page("Start")}, mkdocs="nav: [\n")
    result = run_hclint(root, "check", "--no-cache")
    assert result.exit_code == 2
    assert "cannot read MkDocs configuration" in result.stderr


# ---- realism: no false broken links or anchors on real help centers ---------------------------


def test_content_has_no_broken_internal_links():
    result = run_hclint(REPO, "check", "--no-cache", "--format", "json", "--fail-on", "info")
    assert [f for f in result.json if f["rule"] in LINK_RULES and f["severity"] != "info"] == []


def test_pihole_docs_link_findings_are_exactly_the_real_ones(tmp_path):
    corpus = shared_or_skip("corpora", "pihole-docs")
    (tmp_path / "mkdocs.yml").write_text((corpus / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    config = {"content": os.fspath(corpus / "docs"), **only_rules(*LINK_RULES)}
    write_center(tmp_path, {}, config)
    findings = check(tmp_path)
    # abbreviations.md is appended to every page by pymdownx.snippets, yet MkDocs also publishes it
    # as a page of its own that nothing links to: a real orphan, reported at info level.
    assert [(f["path"].rsplit("docs/", 1)[-1], f["rule"]) for f in findings] == [("abbreviations.md", "orphan-article")]


def test_orphans_are_the_same_whether_one_page_or_all_are_checked(tmp_path):
    """A pre-commit run scans only the links that could reach the page; a full run resolves all."""
    from tests.conftest import only_rules

    pages = {f"content/guides/p{i}.md": f"# P{i}\n\nSee [next](p{i + 1}.md).\n" for i in range(30)}
    pages["content/guides/index.md"] = "# Guides\n\n[First](p0.md)\n"
    pages["content/index.md"] = "# Home\n\n[Guides](guides/)\n"
    pages["content/lonely.md"] = "# Lonely\n\nNobody links here.\n"
    pages["content/sub/deep.md"] = "# Deep\n\n[Up](../)\n"  # a folder link, naming no page
    pages["content/sub/index.md"] = "# Sub\n"
    write_center(tmp_path, pages, only_rules("orphan-article"))
    full = {f["path"] for f in run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info").json}
    one_by_one = set()
    for path in pages:
        result = run_hclint(tmp_path, "check", path, "--format", "json", "--fail-on", "info")
        one_by_one |= {f["path"] for f in result.json}
    assert full == one_by_one == {"content/lonely.md", "content/sub/deep.md", "content/sub/index.md"}
