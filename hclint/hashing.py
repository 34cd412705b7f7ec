"""Hashed term counts and MinHash signatures: scikit-learn's and datasketch's numbers, cheaply.

The duplicate rules once called scikit-learn's HashingVectorizer and datasketch's MinHash for
every article. Importing those two costs a second (they pull in SciPy's stats and integrate
modules), more than the whole budget of a pre-commit run on one article, and calling them
paragraph by paragraph was a quarter of a cold check's rule time. This module computes the same
values with mmh3 (MurmurHash3, the hash HashingVectorizer uses) and numpy, a whole article at a
time; tests/test_hashing.py compares them value for value with both libraries.

- Term counts are HashingVectorizer's exactly, so the duplicate-article benchmark still holds
  (re-run: the same precision and recall).
- MinHash signatures are datasketch's "affine32" scheme with one change: each member is hashed
  with MurmurHash3 (`member_hash`) rather than datasketch's default SHA-1, five times faster and
  as good for MinHash. The test builds datasketch's MinHash with `hashfunc=member_hash`.

The English stop words in data/stop_words_en.txt are scikit-learn's list (BSD-3-Clause, from the
Glasgow Information Retrieval Group), the one HashingVectorizer(stop_words="english") drops.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

SEED = 1  # datasketch's default


class TermCounts(NamedTuple):
    """Counts of hashed terms, one row per text, as a CSR matrix's three arrays."""

    indptr: np.ndarray  # int64, len(texts) + 1
    indices: np.ndarray  # uint32 feature of each count, ascending within a row
    counts: np.ndarray  # uint32


@cache
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


@cache
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


def member_hash(member: bytes) -> int:
    """Unsigned 32-bit MurmurHash3: five times faster than the SHA-1 datasketch hashes with by
    default, and as good for MinHash, whose permutations mix the hash again."""
    import mmh3

    return mmh3.hash(member, 0, False)


def signatures(sets: Sequence[Sequence[bytes]], permutations: int) -> np.ndarray:
    """One MinHash signature per non-empty set of byte strings, as datasketch.MinHash(num_perm=
    permutations, scheme="affine32", hashfunc=member_hash) with update_batch(set) gives.
    Shape: (sets, permutations), uint32."""
    import mmh3
    import numpy as np

    if not sets:
        return np.zeros((0, permutations), np.uint32)
    members = [member for members in sets for member in members]
    # member_hash, inlined: a function call per shingle is a tenth of the cost.
    hashed = np.fromiter((mmh3.hash(member, 0, False) for member in members), np.uint32, len(members))
    a, b = _affine(permutations)
    with np.errstate(over="ignore"):  # uint32 wrap-around is the mod 2**32 of the permutation
        permuted = _fmix32(hashed)[:, None] * a + b
    starts = np.concatenate([[0], np.cumsum([len(members) for members in sets])[:-1]])
    return np.minimum.reduceat(permuted, starts, axis=0)
