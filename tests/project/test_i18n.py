"""mkdocs-static-i18n's two structures: each article's language and its source in the default language."""

from __future__ import annotations

from pathlib import Path

from hclint.project.config import load_config
from hclint.project.i18n import I18n
from hclint.project.site import load_site
from hclint.rules import registry
from tests.conftest import shared_or_skip, write_center

SUFFIX = I18n("suffix", "en", ("en", "fr", "de"))
FOLDER = I18n("folder", "en", ("en", "fr", "de"))


def test_the_suffix_structure():
    assert [SUFFIX.marked(p) for p in ("page.md", "a/page.fr.md", "page.de.md", "v1.2.md", "page.es.md")] == [None, "fr", "de", None, None]
    assert SUFFIX.source_of("a/page.fr.md") == "a/page.md" and SUFFIX.source_of("a/page.md") == "a/page.md"
    assert SUFFIX.translation_of("a/page.md", "fr") == "a/page.fr.md" and SUFFIX.translation_of("a/page.md", "en") == "a/page.md"


def test_the_folder_structure():
    assert [FOLDER.marked(p) for p in ("en/page.md", "fr/a/page.md", "fr.md", "index.md")] == ["en", "fr", None, None]
    assert FOLDER.source_of("fr/a/page.md") == "en/a/page.md" and FOLDER.translation_of("en/a/page.md", "de") == "de/a/page.md"


def test_an_article_speaks_the_language_its_path_names(tmp_path):
    root = write_center(tmp_path, {"content/index.md": "# Home\n"}, {"overrides": [{"paths": ["legal/**"], "lang": "de"}]})
    (root / "mkdocs.yml").write_text(
        "site_name: Help\ndocs_dir: content\nplugins:\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - locale: en\n          default: true\n        - locale: fr\n", encoding="utf-8")
    config = load_config(root, registry())
    assert [config.settings_for(p).lang for p in ("page.md", "page.fr.md", "legal/terms.md", "legal/terms.fr.md")] == ["en", "fr", "de", "fr"]


def test_the_shared_static_i18n_corpus_is_read_as_its_build_reads_it():
    site = load_site(shared_or_skip("corpora", "mkdocs-static-i18n-docs") / "mkdocs.yml")
    assert site.i18n == I18n("suffix", "en", ("en", "fr"), fallback=True)
    assert Path("index.fr.md").name and site.i18n.source_of("setup/index.fr.md") == "setup/index.md"
