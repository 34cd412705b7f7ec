import numpy as np
import pytest
from scipy import sparse

from hclint.rules.duplicates import similarity


def _vectors(seed: int) -> sparse.csr_matrix:
    # 40 unit vectors of at most a dozen terms (fewer than the strongest kept, so the candidates'
    # product is the full product), in clusters, so that many pairs pass the threshold.
    generator = np.random.default_rng(seed)
    centres = generator.random((5, 30)) * (generator.random((5, 30)) < 0.4)
    dense = centres[generator.integers(0, 5, 40)] + generator.random((40, 30)) * 0.3 * (generator.random((40, 30)) < 0.1)
    dense[:, 12:] = 0
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    return sparse.csr_matrix(dense)


def _expected(vectors: sparse.csr_matrix, rows: list[int], threshold: float) -> set[tuple[int, int]]:
    scores = (vectors @ vectors.T).toarray()
    return {(a, b) for a in rows for b in range(vectors.shape[0]) if a != b and scores[a, b] >= threshold - 1e-9}


@pytest.mark.parametrize("seed", range(5))
def test_similar_finds_every_pair_above_the_threshold_both_ways(seed):
    vectors = _vectors(seed)
    found = list(similarity.similar(vectors, range(40), 0.8, chunk=7))
    assert {(p.first, p.second) for p in found} == _expected(vectors, list(range(40)), 0.8)
    assert len(found) == len({(p.first, p.second) for p in found})  # each pair once each way
    scores = {(p.first, p.second): p.score for p in found}
    assert all(scores[b, a] == score for (a, b), score in scores.items())


@pytest.mark.parametrize("seed", range(5))
def test_similar_from_some_rows_gives_their_pairs_of_the_full_search(seed):
    vectors = _vectors(seed)
    rows = [3, 4, 17, 30]
    full = {p for p in similarity.similar(vectors, range(40), 0.8) if p.first in rows}
    assert set(similarity.similar(vectors, rows, 0.8, chunk=3)) == full
    assert {(p.first, p.second) for p in full} == _expected(vectors, rows, 0.8)
