"""textstat with CMUdict, offline and without importing NLTK.

textstat 0.7 counts English syllables with NLTK's copy of CMUdict: it imports NLTK (which
imports SciPy and scikit-learn, 0.9 s), parses the whole dictionary into lists (0.7 s), and calls
nltk.download() when NLTK cannot find it, which fails or hangs on a machine without network
access. That was most of a one-file pre-commit run.

hclint ships CMUdict inside the package, in NLTK's corpus format (tools/build_cmudict.py makes
it), and hands textstat its dictionary through textstat's own loader module,
`textstat.backend.utils._get_cmudict`, before textstat is first imported. The dictionary is read
in one pass and a word's phones are split only when textstat asks for that word. When textstat
was imported before hclint could do that (another MkDocs plugin, say), textstat's loader stays
and NLTK finds the shipped folder first on its search path, so nothing is downloaded either way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from types import ModuleType

from hclint.memo import once

RESOURCE = "corpora/cmudict"
DATA = Path(str(files("hclint").joinpath("data", "nltk_data")))  # shipped in the package: nothing is downloaded
CMUDICT = DATA / RESOURCE / "cmudict"
LOADER = "textstat.backend.utils._get_cmudict"  # textstat's module that imports NLTK


class SyllablesUnavailable(Exception):
    """CMUdict could not be found; the message says why and where."""


@once("textstat, imported once with hclint's CMUdict loader in place")
def textstat_metrics() -> ModuleType:
    """textstat's readability formulas, counting English syllables with hclint's CMUdict."""
    if "textstat" not in sys.modules:
        sys.modules.setdefault(LOADER, _loader())
    from textstat.backend import metrics

    return metrics


def check_cmudict() -> None:
    """Raise SyllablesUnavailable unless textstat will find CMUdict without a download."""
    textstat_metrics()
    counter = sys.modules.get("textstat.backend.counts._count_syllables")
    if getattr(counter, "get_cmudict", None) is get_cmudict:
        if not CMUDICT.is_file():
            raise SyllablesUnavailable(f"CMUdict is missing from {DATA}: reinstall hclint")
    else:
        prepare_nltk()  # textstat kept its own loader (imported before hclint, or laid out anew)


def _loader() -> ModuleType:
    module = ModuleType(LOADER, "hclint's stand-in for textstat's CMUdict loader (see hclint.rules.readability.syllables)")
    module.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    return module


@once("CMUdict, read from the package once")
def get_cmudict(lang: str) -> Pronunciations | None:
    """textstat's contract: the pronunciations of English words, None for any other language."""
    return Pronunciations(_read(CMUDICT)) if lang.split("_")[0] == "en" else None


def _read(file: Path) -> dict[str, str]:
    # NLTK's format: `ABANDON 1 AH0 B AE1 N D AH0 N`, one line per pronunciation, first one first.
    firsts: dict[str, str] = {}
    with file.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.partition(" ")
            firsts.setdefault(word.lower(), rest)
    return firsts


class Pronunciations(dict[str, list[list[str]]]):
    """CMUdict as NLTK's `cmudict.dict()` gives it, limited to each word's first pronunciation,
    which is the only one textstat reads. A word's phones are split on its first lookup; later
    lookups of it are plain dictionary lookups, as a help center repeats most of its words.
    Lookups and `in` are all textstat uses; iterating gives every word, items() only those looked up."""

    def __init__(self, firsts: dict[str, str]) -> None:
        super().__init__()
        self._firsts = firsts

    def __missing__(self, word: str) -> list[list[str]]:
        phones = [self._firsts[word].split()[1:]]  # drop NLTK's pronunciation number
        self[word] = phones
        return phones

    def __contains__(self, word: object) -> bool:
        return word in self._firsts

    def __iter__(self) -> Iterator[str]:
        return iter(self._firsts)

    def __len__(self) -> int:
        return len(self._firsts)


@once("NLTK pointed at the CMUdict hclint ships, once")
def prepare_nltk() -> Path:
    """Make `nltk.data.find("corpora/cmudict")` succeed without a download; return the data folder."""
    import nltk

    if str(DATA) not in nltk.data.path:
        nltk.data.path.insert(0, str(DATA))
    try:
        nltk.data.find(RESOURCE)
    except LookupError:
        raise SyllablesUnavailable(f"CMUdict is missing from {DATA}: reinstall hclint") from None
    return DATA
