"""The languages of a help center built with mkdocs-static-i18n, as that plugin reads its files.

Two structures: suffix (`page.md` in the default language beside `page.fr.md`) and folder
(`en/page.md` beside `fr/page.md`). Each article has a language, and a source: the path of the
same article in the default language, which its translations share.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

STRUCTURES = ("suffix", "folder")


@dataclass(frozen=True)
class I18n:
    structure: str  # "suffix" or "folder"
    default: str  # the default language's locale
    languages: tuple[str, ...]  # every locale, the default first
    fallback: bool = True  # a missing translation shows the default language's page (fallback_to_default)

    def marked(self, content_path: str) -> str | None:
        """The language a path names (`page.fr.md`, `fr/page.md`), or None for a path that names none."""
        if self.structure == "folder":
            first = content_path.split("/", 1)[0]
            return first if first in self.languages and "/" in content_path else None
        stem = posixpath.splitext(posixpath.basename(content_path))[0]
        suffix = stem.rpartition(".")[2] if "." in stem else ""
        return suffix if suffix in self.languages else None

    def language_of(self, content_path: str) -> str:
        return self.marked(content_path) or self.default

    def source_of(self, content_path: str) -> str:
        """The path of the article in the default language (itself, for one in the default language)."""
        lang = self.marked(content_path)
        if lang is None or lang == self.default and self.structure == "suffix":
            return content_path
        if self.structure == "folder":
            return f"{self.default}/{content_path.split('/', 1)[1]}"
        folder, name = posixpath.split(content_path)
        stem, extension = posixpath.splitext(name)
        return posixpath.join(folder, stem.rpartition(".")[0] + extension)

    def translation_of(self, source: str, lang: str) -> str:
        """The path of source's translation into lang."""
        if self.structure == "folder":
            return f"{lang}/{source.split('/', 1)[1]}" if "/" in source else source
        if lang == self.default:
            return source
        folder, name = posixpath.split(source)
        stem, extension = posixpath.splitext(name)
        return posixpath.join(folder, f"{stem}.{lang}{extension}")


def i18n_of(plugins: Any) -> I18n | None:
    """The mkdocs-static-i18n settings among mkdocs.yml's plugins, or None when it is not on."""
    from hclint.project.site import plugin_settings

    settings = plugin_settings(plugins, ("i18n",))
    if settings is None or settings.get("enabled", True) is False:
        return None
    entries = [entry for entry in settings.get("languages") or () if isinstance(entry, Mapping) and entry.get("locale")]
    if not entries:
        return None
    default = next((str(e["locale"]) for e in entries if e.get("default")), str(entries[0]["locale"]))
    locales = [default, *(str(e["locale"]) for e in entries if str(e["locale"]) != default)]
    structure = str(settings.get("docs_structure", "suffix"))
    return I18n(structure if structure in STRUCTURES else "suffix", default, tuple(locales), bool(settings.get("fallback_to_default", True)))
