"""Folder metadata: the `.meta.yml` files that Material for MkDocs's meta plugin merges into pages.

A `.meta.yml` holding `audience: internal` makes every page below it internal on the built site,
so hclint reads these files exactly as the plugin does: each one applies to the pages whose
source path starts with its folder (a plain string test, as the plugin makes it), shallowest
first, and the page's own frontmatter last.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class MetaFile:
    path: str  # content path of the file
    data: Mapping[str, Any] | None  # None when it cannot be read as a YAML mapping
    error: str = ""
    line: int = 1  # where the error is
    applied: bool = True  # False: named like folder metadata, but the meta plugin does not read it


@dataclass(frozen=True)
class FolderMeta:
    files: tuple[MetaFile, ...] = ()  # in the order MkDocs lists them

    def for_page(self, content_path: str) -> tuple[tuple[Mapping[str, Any], ...], str | None]:
        """The folder metadata that applies to a page, and why it cannot be trusted (or None).

        A file named like folder metadata that MkDocs does not read (the meta plugin is off, or the
        name is not its meta_file) but that holds `audience` or `draft` is not trusted either: its
        writer meant it to apply."""
        found = [meta for meta in self.files if content_path.startswith(posixpath.dirname(meta.path))]
        broken = next((meta for meta in found if meta.applied and meta.data is None), None)
        if broken is not None:
            return (), f"the folder metadata {broken.path} cannot be read: {broken.error}"
        ignored = next((meta for meta in found if not meta.applied and _publishing(meta.data)), None)
        if ignored is not None:
            return (), f"the folder metadata {ignored.path} sets `audience` or `draft`, but MkDocs does not read it (is the meta plugin on?)"
        return tuple(meta.data for meta in found if meta.applied and meta.data is not None), None


NO_FOLDER_META = FolderMeta()
META_NAMES = (".meta.yml", ".meta.yaml")  # the plugin's default name, and the one writers try next


def _publishing(data: Mapping[str, Any] | None) -> bool:
    return data is not None and any(str(key).strip().casefold() in ("audience", "draft") for key in data)


def read_folder_meta(content: Path, content_paths: Iterable[str], applied: str | None) -> FolderMeta:
    """The meta files among content_paths, read as the plugin reads them; applied is the name the
    plugin reads (None when it is off)."""
    chosen = sorted(content_paths, key=_walk_order)
    return FolderMeta(tuple(read_meta_file(content / path, path, posixpath.basename(path) == applied) for path in chosen))


def read_meta_file(file: Path, path: str, applied: bool = True) -> MetaFile:
    import yaml

    try:
        with open(file, encoding="utf-8-sig") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception as error:  # YAML, decoding and file errors all mean: not trusted
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or (str(error).strip().splitlines() or [type(error).__name__])[0]
        return MetaFile(path, None, str(reason), mark.line + 1 if mark else 1, applied)
    if data is None:
        return MetaFile(path, {}, applied=applied)
    if not isinstance(data, Mapping):
        return MetaFile(path, None, "it is not a mapping of keys to values", applied=applied)
    return MetaFile(path, data, applied=applied)


def _walk_order(path: str) -> tuple[tuple[int, str], ...]:
    """MkDocs walks folders top down: a folder's files before its subfolders'."""
    parts = path.split("/")
    return tuple((1, part) for part in parts[:-1]) + ((0, parts[-1]),)
