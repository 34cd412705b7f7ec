"""CMUdict for textstat, offline.

textstat 0.7.13 counts English syllables with NLTK's copy of CMUdict and calls nltk.download()
when NLTK cannot find it, which fails (or hangs) on a machine without network access. hclint
ships the dictionary in NLTK's corpus format inside the package (tools/build_cmudict.py makes
it) and puts that folder first on NLTK's search path, so NLTK never looks elsewhere for it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCE = "corpora/cmudict"
DATA = Path(__file__).resolve().parent / "data" / "nltk_data"


class SyllablesUnavailable(Exception):
    """CMUdict could not be found; the message says why and where."""


@cache
def prepare_cmudict() -> Path:
    """Make `nltk.data.find("corpora/cmudict")` succeed without a download; return the data folder."""
    import nltk

    if str(DATA) not in nltk.data.path:
        nltk.data.path.insert(0, str(DATA))
    try:
        nltk.data.find(RESOURCE)
    except LookupError:
        raise SyllablesUnavailable(f"CMUdict is missing from {DATA}: reinstall hclint") from None
    return DATA
