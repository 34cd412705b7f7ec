"""hclint's view of an MkDocs site equals what the real `mkdocs build` makes of it.

The heading-id proof: sites are built with the real MkDocs (content/, Pi-hole's documentation, and
small sites with tricky headings under each slugify setting), and page by page the ids hclint
computes for headings must equal the ids of the headings in the built HTML.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from html.parser import HTMLParser
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from hclint.article import parse_article
from hclint.rules.links.resolver import anchor_facts, page_anchors
from hclint.project.site import NO_SITE, Site, heading_ids, load_site, page_ids
from tests.conftest import REPO, shared_or_skip

# ---- building a real site -------------------------------------------------------------------


def _name(item: object) -> str:
    return item if isinstance(item, str) else next(iter(item))  # type: ignore[arg-type]


def _importable(extension: str) -> bool:
    try:
        importlib.import_module(extension if "." in extension else f"markdown.extensions.{extension}")
    except ImportError:
        return False
    return True


def buildable(mkdocs_file: Path, out: Path) -> Path:
    """A copy of mkdocs_file in out that builds here: the docs folder made absolute, and what is not
    installed (plugins, Markdown extensions, a theme's custom_dir) left out. hclint's own plugin is
    left out too: these builds are about rendering, not linting."""
    data = yaml_load(mkdocs_file.read_text(encoding="utf-8"))
    home = mkdocs_file.parent
    data["docs_dir"] = str((home / data.get("docs_dir", "docs")).resolve())
    theme = data.get("theme")
    if isinstance(theme, dict) and not (home / str(theme.get("custom_dir", "."))).is_dir():
        theme.pop("custom_dir", None)
    installed = {e.name for e in entry_points(group="mkdocs.plugins")} - {"hclint"}
    data["plugins"] = [p for p in data.get("plugins") or [] if _name(p) in installed]
    extensions = []
    for item in data.get("markdown_extensions") or []:
        if not _importable(_name(item)):
            continue
        if _name(item) == "pymdownx.snippets":  # its paths are relative to where mkdocs runs
            item = {"pymdownx.snippets": {**(item["pymdownx.snippets"] or {}), "base_path": [str(home)]}}
        extensions.append(item)
    data["markdown_extensions"] = extensions
    data["strict"] = False
    out.mkdir(parents=True, exist_ok=True)
    (out / "mkdocs.yml").write_text(yaml.dump(data), encoding="utf-8")
    return out / "mkdocs.yml"


def build(mkdocs_file: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(mkdocs_file), "-d", str(site_dir)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


class _BuiltHeadings(HTMLParser):
    """Ids of the headings in the page's article (not the theme's navigation), in order."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.ids: list[str] = []
        self.all_ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article" and "md-content__inner" in (found.get("class") or ""):
            self.inside = True
        if self.inside and found.get("id"):
            self.all_ids.add(found["id"])
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.ids.append(found["id"])
        if self.inside and tag == "a" and found.get("name"):
            self.all_ids.add(found["name"])


def built_page(site: Site, site_dir: Path, content_path: str) -> _BuiltHeadings:
    url = site.page_url(content_path)
    html = site_dir / (url + "index.html" if url.endswith("/") or not url else url)
    parser = _BuiltHeadings()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser


def _anchors(article):
    return page_anchors(article, anchor_facts(article))


def compare_site(mkdocs_file: Path, tmp_path: Path) -> int:
    """Build the site and compare every page's heading ids; return how many headings matched."""
    config = buildable(mkdocs_file, tmp_path / "build")
    build(config, tmp_path / "site")
    site = load_site(config)
    docs = Path(yaml_load(config.read_text(encoding="utf-8"))["docs_dir"])
    differences, count = {}, 0
    for file in sorted(docs.rglob("*.md")):
        content_path = file.relative_to(docs).as_posix()
        anchors = _anchors(parse_article(file.read_text(encoding="utf-8"), content_path, content_path))
        mine = list(heading_ids(site, anchors))
        built = built_page(site, tmp_path / "site", content_path)
        if mine != built.ids:
            differences[content_path] = (mine, built.ids)
        count += len(mine)
    assert differences == {}
    return count


# ---- the proof on real help centers ---------------------------------------------------------


def test_heading_ids_equal_mkdocs_build_of_content(tmp_path):
    assert compare_site(REPO / "mkdocs.yml", tmp_path) > 50


def test_heading_ids_equal_mkdocs_build_of_pihole_docs(tmp_path):
    corpus = shared_or_skip("corpora", "pihole-docs")
    assert compare_site(corpus / "mkdocs.yml", tmp_path) > 500


# ---- small sites with the headings that are hard to get right -------------------------------

TRICKY = """\
# Café & Crème brûlée

## Setup

## Setup

## Setup {#setup_1}

## `config.toml` and **bold** [a link](other.md)

## <span class="x">HTML</span> inline

## Ünïcödé heading 日本語

## 100% sure?!

## !!!

## Entities &amp; &lt;tags&gt;

## Tabs\tand   spaces

Setext heading
--------------

## Footnote[^1]

!!! note
    ### Inside an admonition

## Explicit {: #custom .cls }

## Setup

A paragraph with its own id.
{: #para }

<a name="legacy"></a>
<div id="box">raw</div>

[^1]: A footnote.
"""

SLUGIFY = {
    "default": "",
    "unicode": "      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
    "slugs-fold-percent": "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds: {case: fold, percent_encode: true}\n",
    "slugs-lower": "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n",
    "separator": "      separator: _\n",
}


def _tricky_site(tmp_path: Path, toc: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(TRICKY, encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Setup\n\n## Setup\n", encoding="utf-8")
    config = (
        "site_name: Tricky\ntheme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - footnotes\n  - toc:\n      permalink: true\n" + toc
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("toc", SLUGIFY.values(), ids=SLUGIFY.keys())
def test_tricky_heading_ids_equal_mkdocs_build(tmp_path, toc):
    assert compare_site(_tricky_site(tmp_path / "src", toc), tmp_path) == 19


def test_raw_html_and_attr_list_ids_are_anchors_as_in_the_build(tmp_path):
    mkdocs_file = _tricky_site(tmp_path / "src", "")
    config = buildable(mkdocs_file, tmp_path / "build")
    build(config, tmp_path / "site")
    built = built_page(load_site(config), tmp_path / "site", "index.md")
    ids = page_ids(load_site(mkdocs_file), _anchors(parse_article(TRICKY, "index.md", "index.md")))
    assert {"legacy", "box", "para", "custom"} <= ids
    assert {"legacy", "box", "para", "custom"} <= built.all_ids


def test_pymdownx_slugs_settings_are_read(tmp_path):
    site = load_site(_tricky_site(tmp_path, SLUGIFY["slugs-lower"]))
    assert site.slug("Ünïcödé Heading") == "ünïcödé-heading"
    assert load_site(_tricky_site(tmp_path / "b", "")).slug("Ünïcödé Heading") == "unicode-heading"


def test_repeated_headings_skip_ids_that_attr_list_reserved():
    site = Site(attr_list=True)
    anchors = _anchors(parse_article("## A\n\n## A\n\n## B {#a_1}\n\n## A\n", "x.md", "x.md"))
    assert heading_ids(site, anchors) == ("a", "a_2", "a_1", "a_3")
    # Without attr_list, `{#a_1}` is text: nothing is reserved.
    assert heading_ids(Site(attr_list=False), anchors)[:2] == ("a", "a_1")


# ---- mkdocs.yml as MkDocs reads it ------------------------------------------------------------


def test_nav_is_flattened_with_the_line_and_column_of_each_entry(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nnav:\n  - Home: index.md\n  - Billing:\n    - billing/index.md\n"
        "    - Refunds: billing/refunds.md\n  - Status: https://status.example.com/\n",
        encoding="utf-8",
    )
    nav = load_site(tmp_path / "mkdocs.yml").nav
    assert [(e.title, e.target, e.line, e.column) for e in nav] == [
        ("Home", "index.md", 3, 11),
        (None, "billing/index.md", 5, 7),
        ("Refunds", "billing/refunds.md", 6, 16),
        ("Status", "https://status.example.com/", 7, 13),
    ]
    assert [e.is_link for e in nav] == [False, False, False, True]


def test_page_urls_follow_use_directory_urls():
    assert [Site(use_directory_urls=True).page_url(p) for p in ("index.md", "a/README.md", "a/b.md")] == ["", "a/", "a/b/"]
    assert [Site(use_directory_urls=False).page_url(p) for p in ("index.md", "a/index.md", "a/b.md")] == [
        "index.html",
        "a/index.html",
        "a/b.html",
    ]


def test_site_settings_are_read_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: https://example.com/help/\nuse_directory_urls: false\n"
        "exclude_docs: |\n  drafts/\nnot_in_nav: |\n  /snippets/*.md\n"
        "markdown_extensions:\n  - pymdownx.extra\n",
        encoding="utf-8",
    )
    site = load_site(tmp_path / "mkdocs.yml")
    assert (site.site_path, site.use_directory_urls, site.attr_list, site.nav) == ("/help/", False, True, None)
    assert site.is_excluded("drafts/a.md") and site.is_excluded(".hidden/a.md") and not site.is_excluded("a.md")
    assert site.is_not_in_nav("snippets/x.md") and not site.is_not_in_nav("x.md")


def test_without_mkdocs_yml_the_defaults_of_mkdocs_apply(tmp_path):
    assert load_site(None) == NO_SITE == load_site(tmp_path / "missing.yml")
    assert NO_SITE.slug("Payment methods") == "payment-methods"
    assert NO_SITE.use_directory_urls and NO_SITE.nav is None


def test_an_edited_mkdocs_yml_is_read_again(tmp_path):
    file = tmp_path / "mkdocs.yml"
    file.write_text("site_name: X\nuse_directory_urls: true\n", encoding="utf-8")
    assert load_site(file).use_directory_urls
    file.write_text("site_name: X\nuse_directory_urls: false\n", encoding="utf-8")
    assert not load_site(file).use_directory_urls
