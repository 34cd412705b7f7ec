"""hclint.rules.duplicates.hashing gives the numbers scikit-learn and datasketch give, on hclint's own articles."""

from __future__ import annotations


from tests.conftest import REPO

import numpy as np
import pytest

from hclint.article import parse_article
from hclint.rules.duplicates.hashing import shingle_hash, shingle_signatures, stop_words, term_counts, terms
from hclint.rules.duplicates.similarity import FEATURES, PERMUTATIONS, SHINGLE, WORD, paragraphs, text_facts

CONTENT = REPO / "content"
ODD = [
    "",
    "a I",  # only one-letter words: no terms
    "The THE the: café, Café, naïve — straße 42 x86_64 e-mail co-operate it's",
    "Ünïcödé wörds, 中文字符 and emoji 🙂 next to the stop words we would never keep",
]


def _texts() -> list[str]:
    articles = [parse_article(p.read_text(encoding="utf-8"), p.name, p.name) for p in sorted(CONTENT.rglob("*.md"))]
    return [paragraph.text for article in articles for paragraph in paragraphs(article)] + ODD


def test_term_counts_are_what_hashing_vectorizer_gives():
    from sklearn.feature_extraction.text import HashingVectorizer

    texts = _texts()
    assert len(texts) > 1000
    expected = HashingVectorizer(n_features=FEATURES, alternate_sign=False, norm=None, stop_words="english").transform(texts)
    expected.sort_indices()
    found = term_counts([terms(WORD.findall(text.lower())) for text in texts], FEATURES)
    assert np.array_equal(found.indptr, expected.indptr)
    assert np.array_equal(found.indices, expected.indices)
    assert np.array_equal(found.counts, expected.data.astype(np.uint32))


def test_an_articles_facts_hold_hashing_vectorizers_counts_of_its_paragraphs():
    # What duplicate-article stores, not only what term_counts computes: stop words and one-letter
    # words left in the stored counts would change every similarity without failing the test above.
    from sklearn.feature_extraction.text import HashingVectorizer

    path = CONTENT / "index.md"
    article = parse_article(path.read_text(encoding="utf-8"), path.name, path.name)
    facts = text_facts(article)
    expected = HashingVectorizer(n_features=FEATURES, alternate_sign=False, norm=None, stop_words="english").transform(
        [paragraph.text for paragraph in paragraphs(article)]
    )
    expected.sort_indices()
    assert np.array_equal(np.frombuffer(facts.par_terms, np.uint32), np.diff(expected.indptr))
    assert np.array_equal(np.frombuffer(facts.term_index, np.uint32), expected.indices)
    assert np.array_equal(np.frombuffer(facts.term_count, np.uint16), expected.data)


def test_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert stop_words() == ENGLISH_STOP_WORDS


def _shingles(words: list[str]) -> list[str]:
    return [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]


def test_signatures_are_what_datasketch_minhash_gives():
    from datasketch import MinHash

    texts = [WORD.findall(text.lower()) for text in _texts()]
    texts += [["one"], ["two", "words"], ["a", "b", "c"], []]  # shorter than a shingle, or exactly one
    expected = []
    for words in texts:
        minhash = MinHash(num_perm=PERMUTATIONS, scheme="affine32", hashfunc=shingle_hash)
        minhash.update_batch(_shingles(words))
        expected.append(minhash.hashvalues)
    found = shingle_signatures(texts, SHINGLE, PERMUTATIONS)
    assert found.dtype == np.uint32 and found.shape == (len(texts), PERMUTATIONS)
    assert np.array_equal(found, np.array(expected, np.uint32))


def test_a_shingle_hash_depends_on_word_order_and_every_word():
    hashes = {shingle_hash(s) for s in ("reset your password", "your reset password", "reset your passwords", "reset your")}
    assert len(hashes) == 4


@pytest.mark.parametrize("count", [0, 1, 3])
def test_signatures_of_few_texts(count):
    texts = [[f"shingle{n}", "of", "words", "shared", "by", "all"] for n in range(count)]
    found = shingle_signatures(texts, SHINGLE, PERMUTATIONS)
    assert found.shape == (count, PERMUTATIONS)
    if count > 1:
        assert 0 < np.mean(found[0] == found[1]) < 1  # three of four shingles shared: most values agree
