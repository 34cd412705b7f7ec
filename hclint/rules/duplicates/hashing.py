"""Hashed term counts and MinHash signatures: scikit-learn's and datasketch's numbers, cheaply.

The duplicate rules once called scikit-learn's HashingVectorizer and datasketch's MinHash for
every article. Importing those two costs a second (they pull in SciPy's stats and integrate
modules), more than the whole budget of a pre-commit run on one article, and calling them
paragraph by paragraph was a quarter of a cold check's rule time. This module computes the same
values with mmh3 (MurmurHash3, the hash HashingVectorizer uses) and numpy, a whole article at a
time; tests/test_hashing.py compares them value for value with both libraries.

- Term counts are HashingVectorizer's exactly, so the duplicate-article benchmark still holds
  (re-run: the same precision and recall).
- MinHash signatures are datasketch's "affine32" scheme with one change: each member (a shingle
  of words) is hashed by `shingle_hash`, MurmurHash3 of each word combined, rather than by
  datasketch's default SHA-1 of the shingle's text: many times faster, hashing each word once for
  the three shingles it is in, and as good for MinHash. The test builds datasketch's MinHash with
  `hashfunc=shingle_hash`.

The English stop words in data/stop_words_en.txt are scikit-learn's list (BSD-3-Clause, from the
Glasgow Information Retrieval Group), the one HashingVectorizer(stop_words="english") drops.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from hclint.memo import once

if TYPE_CHECKING:
    import numpy as np

SEED = 1  # datasketch's default
SHINGLE_MIX = 0x01000193  # FNV's 32-bit prime: odd, so every word's hash reaches the high bits


class TermCounts(NamedTuple):
    """Counts of hashed terms, one row per text, as a CSR matrix's three arrays."""

    indptr: np.ndarray  # int64, len(texts) + 1
    indices: np.ndarray  # uint32 feature of each count, ascending within a row
    counts: np.ndarray  # uint32


@once("the stop words shipped with hclint")
def stop_words() -> frozenset[str]:
    return frozenset(files("hclint").joinpath("data/stop_words_en.txt").read_text(encoding="utf-8").split())


def terms(words: Sequence[str]) -> list[str]:
    r"""The terms HashingVectorizer(stop_words="english") hashes, from a text's lower-cased `\w+`
    words: its token pattern `\b\w\w+\b` keeps the words of two or more characters."""
    stopped = stop_words()
    return [word for word in words if len(word) > 1 and word not in stopped]


def term_counts(texts: Sequence[Sequence[str]], features: int) -> TermCounts:
    """What HashingVectorizer(n_features=features, alternate_sign=False, norm=None,
    stop_words="english").transform(texts) holds, given each text's terms: each term hashed with
    signed 32-bit MurmurHash3 to abs(hash) % features, and counted."""
    import mmh3
    import numpy as np

    lengths = [len(found) for found in texts]
    hashed = np.fromiter(map(mmh3.hash, chain.from_iterable(texts)), np.int64, sum(lengths))
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    # One sort for the whole article: (row, feature) pairs, counted.
    keys, counts = np.unique(rows * features + np.abs(hashed) % features, return_counts=True)
    per_row = np.bincount(keys // features, minlength=len(texts))
    indptr = np.concatenate([[0], np.cumsum(per_row)]).astype(np.int64)
    return TermCounts(indptr, (keys % features).astype(np.uint32), counts.astype(np.uint32))


@once("the MinHash permutations, fixed by their seed")
def _affine(permutations: int) -> tuple[np.ndarray, np.ndarray]:
    # datasketch's "affine32" permutations: h -> a * h + b mod 2**32 with a odd, from its seed.
    import numpy as np

    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, permutations, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, permutations, dtype=np.uint32)
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, which datasketch applies to each input hash before permuting."""
    import numpy as np

    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def shingle_hash(shingle: str) -> int:
    """A shingle's member hash: each of its words (joined by one space) hashed with unsigned 32-bit
    MurmurHash3, five times faster than the SHA-1 datasketch hashes with by default, and the word
    hashes combined as a polynomial mod 2**32. Hashing words rather than shingle texts hashes each
    word once for the shingles it is in; MinHash's permutations mix the result again."""
    import mmh3

    value = 0
    for word in shingle.split(" "):
        value = (value * SHINGLE_MIX + mmh3.hash(word, 0, False)) & 0xFFFFFFFF
    return value


def shingle_signatures(texts: Sequence[Sequence[str]], size: int, permutations: int) -> np.ndarray:
    """One MinHash signature per text (a list of words) over its shingles, the runs of `size`
    consecutive words (a shorter text is one shingle), as datasketch.MinHash(num_perm=permutations,
    scheme="affine32", hashfunc=shingle_hash) with update_batch(shingles) gives.
    Shape: (texts, permutations), uint32."""
    import mmh3
    import numpy as np

    if not texts:
        return np.zeros((0, permutations), np.uint32)
    lengths = np.array([len(words) for words in texts], np.int64)
    # Signed hashes cast to uint32 keep their bits: mmh3.hash(word, 0, False) without a call each.
    words = np.fromiter(map(mmh3.hash, chain.from_iterable(texts)), np.int64, int(lengths.sum())).astype(np.uint32)
    counts = np.maximum(1, lengths - size + 1)  # shingles per text
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]])  # each text's first word
    starts = np.repeat(first - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(counts.sum())
    padded = np.concatenate([words, np.zeros(size, np.uint32)])  # shingles near the end read past it
    with np.errstate(over="ignore"):  # uint32 wrap-around is the mod 2**32 of the polynomial
        hashed = padded[starts]
        for offset in range(1, size):
            hashed = hashed * np.uint32(SHINGLE_MIX) + padded[starts + offset]
    for text in np.flatnonzero(lengths < size):  # the few texts shorter than one shingle
        hashed[int(counts[:text].sum())] = shingle_hash(" ".join(texts[text]))
    return _minhash(hashed, counts, permutations)


def _minhash(hashed: np.ndarray, counts: np.ndarray, permutations: int) -> np.ndarray:
    import numpy as np

    a, b = _affine(permutations)
    with np.errstate(over="ignore"):  # uint32 wrap-around is the mod 2**32 of the permutation
        permuted = _fmix32(hashed)[:, None] * a + b
    return np.minimum.reduceat(permuted, np.concatenate([[0], np.cumsum(counts)[:-1]]), axis=0)
