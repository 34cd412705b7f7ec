"""How alike two articles, headings or paragraphs are, for the duplicate rules.

Two stages, so that a pre-commit run never pays for the first one twice:

- *Facts* (per article, cached with the index): paragraphs hashed into term counts as
  scikit-learn's HashingVectorizer counts them, a fingerprint of each paragraph's normalised text,
  and datasketch's MinHash signatures of the longer paragraphs (both computed by hclint.rules.duplicates.hashing,
  without importing either library).
- *Search* (per run, over the whole index): the counts are stacked into one sparse matrix,
  boilerplate paragraphs (the same text in many articles) are dropped, the rest is weighted by
  TF-IDF and compared with sparse products; paragraphs are matched by banding their signatures.

The search uses numpy and scipy only: importing scikit-learn alone takes half a second, which a
pre-commit run on a few files cannot afford. Heavy modules are imported inside functions so that
`hclint` starts fast when no duplicate rule runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

    from hclint.article import Article
    from hclint.article.markdown import Block

FEATURES = 2**20
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: a pair whose shingles overlap by 0.7 is found 99% of the time
SIGNED_MIN_WORDS = 20  # shorter paragraphs get no signature, so copied-passage cannot go lower
SHINGLE = 3
# Titles and headings say what an article is about more than any paragraph does; a paragraph
# made of links ("Related information") says where to go next, not what the article says.
KIND_WEIGHTS = (1.0, 2.0, 4.0, 0.25)  # body, heading, title, links
BODY, HEADING, TITLE, LINKS = 0, 1, 2, 3
TEXT_KINDS = (True, True, False, False)  # by kind: what an article says (body and headings)
TITLE_KIND = (False, False, True, False)
# A subject word: in the title, said at least twice more, used by under half of the articles; the
# other article lacks it when it says it less than a third as often.
SUBJECT_MENTIONS, SUBJECT_SHARE, SUBJECT_MIN_ARTICLES, SUBJECT_RATIO = 2, 0.45, 2, 3
KEEP_TERMS = 24  # the strongest terms of each article, used only to find candidate pairs
WORD = re.compile(r"\w+")


class TextFacts(NamedTuple):
    """What duplicate-article keeps of one article: term counts per paragraph, by section.

    Arrays are stored as bytes: they pickle fast and join into one array per corpus cheaply.
    """

    sections: tuple[tuple[str, int], ...]  # (heading, line); section 0 is the title and intro
    words: int  # in body paragraphs: too few, and there is nothing to compare
    par_section: bytes  # uint16 per paragraph
    par_kind: bytes  # uint8 per paragraph: BODY, HEADING or TITLE
    par_hash: bytes  # uint64 per paragraph: fingerprint of its normalised text
    par_terms: bytes  # uint32 per paragraph: how many distinct terms it has
    term_index: bytes  # uint32 per term: hashed feature
    term_count: bytes  # uint16 per term


class PassageFacts(NamedTuple):
    """What copied-passage keeps of one article: its longer paragraphs as MinHash signatures."""

    lines: bytes  # uint32 per signed paragraph
    words: bytes  # uint16 per signed paragraph
    hashes: bytes  # uint64 per signed paragraph
    signatures: bytes  # uint32, PERMUTATIONS per signed paragraph


class Paragraph(NamedTuple):
    text: str
    line: int
    section: int
    kind: int
    words: list[str]  # lower-cased: what the fingerprint, the term counts and the shingles read
    fingerprint: int  # of the words: both duplicate facts read it


# ---- facts ----------------------------------------------------------------------------------


def paragraphs(article: Article) -> list[Paragraph]:
    """The title, then every heading and prose block, each tagged with its section: a view both
    duplicate facts read, so it is computed once and kept on the article."""
    return article.view(_paragraphs)


def _paragraphs(article: Article) -> list[Paragraph]:
    title = article.title or ""
    title_line = article.frontmatter_lines.get("title") or next(
        (h.line for h in article.headings if h.level == 1), 1
    )
    found = [_paragraph(title, title_line, 0, TITLE)] if title else []
    section = 0
    links: dict[int, list[str]] = {}
    for link in article.links:
        links.setdefault(link.line, []).append(link.text)
    for block in article.blocks:
        text = block.text.strip()
        if not text or (block.kind == "heading" and text == title and section == 0):
            continue  # the level-one heading that is the title is counted once, as the title
        if block.kind == "heading":
            section += 1
        kind = HEADING if block.kind == "heading" else LINKS if _only_links(block, text, links) else BODY
        found.append(_paragraph(text, block.line, section, kind))
    return found


def _paragraph(text: str, line: int, section: int, kind: int) -> Paragraph:
    words = WORD.findall(text.lower())
    return Paragraph(text, line, section, kind, words, fingerprint(words))


def _only_links(block: Block, text: str, links: Mapping[int, list[str]]) -> bool:
    """A block that is nothing but links (and a word or two around them)."""
    if len(block.runs) == 1 and block.runs[0].line not in links:
        return False  # most blocks: one line, without a link
    rest = text
    for line in {run.line for run in block.runs}:
        for link_text in links.get(line, ()):
            rest = rest.replace(link_text, " ", 1) if link_text else rest
    return rest != text and len(WORD.findall(rest)) < 3


def sections(article: Article, found: Sequence[Paragraph]) -> tuple[tuple[str, int], ...]:
    intro = next((p.line for p in found if p.kind == TITLE), 1)
    return ((article.title or "(untitled)", intro), *((p.text, p.line) for p in found if p.kind == HEADING))


def fingerprint(words: Sequence[str]) -> int:
    """The same for texts that differ only in case, spacing and punctuation, given their
    lower-cased words: 64 bits of MurmurHash3, as a collision among a help center's paragraphs is
    as unlikely as with a cryptographic hash, at a third of the cost."""
    import mmh3

    return mmh3.hash64(" ".join(words), signed=False)[0]


def prepare() -> None:
    """Import what the search needs (SciPy's sparse matrices: a tenth of a second)."""
    import scipy.sparse  # noqa: F401


def text_facts(article: Article) -> TextFacts:
    import numpy as np

    from hclint.rules.duplicates.hashing import term_counts, terms

    found = paragraphs(article)
    counts = term_counts([terms(p.words) for p in found], FEATURES)
    return TextFacts(
        sections=sections(article, found),
        words=sum(len(p.words) for p in found if p.kind == BODY),
        par_section=np.array([p.section for p in found], np.uint16).tobytes(),
        par_kind=np.array([p.kind for p in found], np.uint8).tobytes(),
        par_hash=np.array([p.fingerprint for p in found], np.uint64).tobytes(),
        par_terms=np.diff(counts.indptr).astype(np.uint32).tobytes(),
        term_index=counts.indices.tobytes(),
        term_count=np.minimum(counts.counts, 65535).astype(np.uint16).tobytes(),
    )


def passage_facts(article: Article) -> PassageFacts:
    import numpy as np

    from hclint.rules.duplicates.hashing import shingle_signatures

    long = [p for p in paragraphs(article) if p.kind == BODY and len(p.words) >= SIGNED_MIN_WORDS]
    return PassageFacts(
        lines=np.array([p.line for p in long], np.uint32).tobytes(),
        words=np.array([min(len(p.words), 65535) for p in long], np.uint16).tobytes(),
        hashes=np.array([p.fingerprint for p in long], np.uint64).tobytes(),
        signatures=shingle_signatures([p.words for p in long], SHINGLE, PERMUTATIONS).tobytes(),
    )


# ---- boilerplate ----------------------------------------------------------------------------


def common(hashes: np.ndarray, owners: np.ndarray, min_articles: int) -> np.ndarray:
    """A mask of the paragraphs whose text appears in at least min_articles articles.

    owners (the article of each paragraph) must be ascending, as paragraphs come article by
    article: a stable sort by text then keeps each text's articles in order.
    """
    import numpy as np

    order = np.argsort(hashes, kind="stable")
    starts, articles = _groups(hashes[order], owners[order])
    mask = np.empty(len(order), bool)
    mask[order] = np.repeat(articles >= min_articles, np.diff(np.append(starts, len(order))))
    return mask


def _groups(keys: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal keys starts, and how many articles it spans (an article repeating
    a key counts once), for all runs at once; keys sorted, owners ascending within a key."""
    import numpy as np

    new_key = np.ones(len(keys), bool)
    new_key[1:] = keys[1:] != keys[:-1]
    new_article = new_key.copy()
    new_article[1:] |= owners[1:] != owners[:-1]
    starts = np.flatnonzero(new_key)
    articles = np.add.reduceat(new_article.astype(np.int64), starts) if len(keys) else np.zeros(0, np.int64)
    return starts, articles


# ---- article vectors ------------------------------------------------------------------------


class Corpus(NamedTuple):
    """TF-IDF vectors of every article, and what the checks of one pair need, boilerplate removed.

    Only the article vectors are built for the whole help center; paragraph vectors and term
    totals are worked out for the few articles a finding names (`matching_sections`,
    `other_subject`), which keeps a pre-commit run's search to the one matrix it compares.
    """

    articles: sparse.csr_matrix  # one L2-normalised row per article
    counts: sparse.csr_matrix  # one row per paragraph: its term counts, unweighted
    par_weight: np.ndarray  # float32 per paragraph: KIND_WEIGHTS of its kind, 0 for boilerplate
    par_kind: np.ndarray
    par_section: np.ndarray
    par_start: np.ndarray  # first paragraph row of each article
    idf: np.ndarray
    frequency: np.ndarray  # how many articles use each term


def _join(parts: Sequence[bytes], dtype: Any) -> np.ndarray:
    import numpy as np

    return np.frombuffer(b"".join(parts), dtype)


def build(facts: Sequence[TextFacts | None], boilerplate_articles: int) -> Corpus:
    import numpy as np
    from scipy import sparse

    facts = [f or TextFacts((), 0, b"", b"", b"", b"", b"", b"") for f in facts]
    kinds = _join([f.par_kind for f in facts], np.uint8)
    per_article = np.array([len(f.par_kind) for f in facts], np.int64)
    owner = np.repeat(np.arange(len(facts)), per_article)
    keep = ~common(_join([f.par_hash for f in facts], np.uint64), owner, boilerplate_articles)
    keep |= kinds == TITLE  # a shared title is a finding of its own, never boilerplate
    terms = _join([f.par_terms for f in facts], np.uint32).astype(np.int64)
    shape = (len(kinds), FEATURES)
    indptr = np.concatenate([[0], np.cumsum(terms)])
    index = _join([f.term_index for f in facts], np.uint32)
    raw = _join([f.term_count for f in facts], np.uint16).astype(np.float32)
    weights = np.array(KIND_WEIGHTS, np.float32)[kinds] * keep
    weighted = sparse.csr_matrix((raw * np.repeat(weights, terms), index, indptr), shape)
    weighted.eliminate_zeros()
    owned = sparse.csr_matrix((np.ones(len(kinds), np.float32), (owner, np.arange(len(kinds)))), (len(facts), len(kinds)))
    articles = owned @ weighted  # a product has no repeated column in a row, only unsorted ones
    articles.sort_indices()  # so that ties among an article's strongest terms break the same way
    frequency = np.bincount(articles.indices, minlength=FEATURES)
    idf = _idf(frequency, len(facts))
    _tfidf(articles, idf)
    return Corpus(
        articles=_normalise(articles),
        counts=sparse.csr_matrix((raw, index, indptr), shape),
        par_weight=weights,
        par_kind=kinds,
        par_section=_join([f.par_section for f in facts], np.uint16),
        par_start=np.concatenate([[0], np.cumsum(per_article)]),
        idf=idf,
        frequency=frequency,
    )


def other_subject(corpus: Corpus, first: int, second: int) -> bool:
    """Whether either article is about something the other barely mentions.

    An article's subject is a word of its title that its text repeats and that few articles use.
    "Set up customer prepayments" and "Set up vendor prepayments" share almost every word, but
    one says "customer" a dozen times where the other says it once or never: two questions,
    not one. A rewrite of an article keeps its subject however much else it changes.
    """
    return _lacks_subject(corpus, first, second) or _lacks_subject(corpus, second, first)


def _lacks_subject(corpus: Corpus, article: int, other: int) -> bool:
    import numpy as np

    terms = _totals(corpus, article, TITLE_KIND, counted=False)[0]
    rare = corpus.frequency[terms] <= max(SUBJECT_MIN_ARTICLES, SUBJECT_SHARE * corpus.articles.shape[0])
    mine = _values(_totals(corpus, article, TEXT_KINDS), terms)
    theirs = _values(_totals(corpus, other, TEXT_KINDS), terms)
    theirs += _values(_totals(corpus, other, TITLE_KIND, counted=False), terms) * SUBJECT_MENTIONS
    return bool(np.any(rare & (mine >= SUBJECT_MENTIONS) & (theirs * SUBJECT_RATIO < mine)))


def _totals(corpus: Corpus, article: int, kinds: tuple[bool, ...], counted: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The terms of an article's paragraphs of the kinds marked True (ascending), with how often
    they occur in all, or (counted=False) in how many of those paragraphs."""
    import numpy as np

    found = _entries(corpus, article)
    chosen = np.repeat(np.array(kinds)[corpus.par_kind[found.paragraphs]], found.lengths)
    terms, position = np.unique(found.terms[chosen], return_inverse=True)
    values = found.counts[chosen] if counted else np.ones(len(position), np.float32)
    return terms, np.bincount(position, values, minlength=len(terms)).astype(np.float32)


class _Entries(NamedTuple):
    paragraphs: slice  # the article's paragraph rows
    lengths: np.ndarray  # how many terms each paragraph has
    terms: np.ndarray
    counts: np.ndarray


def _entries(corpus: Corpus, article: int) -> _Entries:
    """An article's rows of corpus.counts, from the arrays: this runs for every pair found, and
    scipy's row slicing costs 50 µs."""
    import numpy as np

    start, end = corpus.par_start[article], corpus.par_start[article + 1]
    indptr = corpus.counts.indptr[start : end + 1]
    within = slice(indptr[0], indptr[-1])
    return _Entries(slice(start, end), np.diff(indptr), corpus.counts.indices[within], corpus.counts.data[within])


def _values(totals: tuple[np.ndarray, np.ndarray], columns: np.ndarray) -> np.ndarray:
    """The totals of these columns, 0 where a column has none."""
    import numpy as np

    terms, values = totals
    if not len(terms):
        return np.zeros(len(columns), np.float32)
    found = np.minimum(np.searchsorted(terms, columns), len(terms) - 1)
    return np.where(terms[found] == columns, values[found], np.float32(0))


def _idf(frequency: np.ndarray, documents: int) -> np.ndarray:
    import numpy as np

    # scikit-learn's smoothed IDF, so a term in every article still counts a little.
    return (np.log((1 + documents) / (1 + frequency)) + 1).astype(np.float32)


def _tfidf(matrix: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Weights of a matrix without repeated columns in a row, in place: sublinear term frequency
    times IDF."""
    import numpy as np

    matrix.data = (1 + np.log(matrix.data)) * idf[matrix.indices]
    return matrix


def _normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row scaled to unit length, in place."""
    import numpy as np

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    matrix.data *= np.repeat((1 / norms).astype(np.float32), np.diff(matrix.indptr))
    return matrix


# ---- neighbours -----------------------------------------------------------------------------


class Pair(NamedTuple):
    first: int
    second: int
    score: float


def _strongest(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Each row cut to its `keep` largest entries."""
    import numpy as np
    from scipy import sparse

    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    # One sort key: the row, then the weight from largest to smallest (weights are in (0, 1]).
    order = np.argsort(rows - matrix.data / 2, kind="stable")
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    chosen = order[rank < keep]  # still grouped by row
    indptr = np.concatenate([[0], np.cumsum(np.minimum(lengths, keep))])
    strongest = sparse.csr_matrix((matrix.data[chosen], matrix.indices[chosen], indptr), matrix.shape)
    strongest.sort_indices()
    return strongest


def similar(vectors: sparse.csr_matrix, rows: Sequence[int], threshold: float, chunk: int = 2000) -> Iterator[Pair]:
    """Pairs (row, other) whose cosine similarity is at least threshold.

    Candidates come from the product of each article's strongest terms only, which keeps the
    product sparse on a large help center; every candidate is then scored on its full vector.
    The same search serves a full run and a pre-commit run, so both report the same pairs.
    """
    import numpy as np

    strong = _strongest(vectors, KEEP_TERMS)
    strong_t = strong.T.tocsr()
    rows = np.asarray(rows, np.int64)
    searched = np.zeros(vectors.shape[0], bool)
    searched[rows] = True
    for start in range(0, len(rows), chunk):
        block = rows[start : start + chunk]
        product = (strong[block] @ strong_t).tocoo()
        mine, theirs = block[product.row], product.col
        # Near duplicates share most of their strongest terms; a quarter of the threshold is a
        # generous floor that still keeps the candidates few. A pair of two searched rows is
        # scored once, from its lower row, and reported both ways: the score is symmetric.
        wanted = (product.data >= threshold / 4) & ((mine < theirs) | ~searched[theirs])
        for pair in _verified(vectors, mine[wanted], theirs[wanted], threshold):
            yield pair
            if searched[pair.second]:
                yield Pair(pair.second, pair.first, pair.score)


def _verified(vectors: sparse.csr_matrix, first: np.ndarray, second: np.ndarray, threshold: float) -> Iterator[Pair]:
    import numpy as np

    for start in range(0, len(first), 50_000):
        a, b = first[start : start + 50_000], second[start : start + 50_000]
        scores = np.asarray(vectors[a].multiply(vectors[b]).sum(axis=1)).ravel()
        for i in np.flatnonzero(scores >= threshold):
            yield Pair(int(a[i]), int(b[i]), float(min(scores[i], 1.0)))


class SectionMatch(NamedTuple):
    mine: int  # section index in the first article
    theirs: int
    score: float


def matching_sections(corpus: Corpus, first: int, second: int, count: int = 2) -> list[SectionMatch]:
    """The sections of two articles that are most alike, best first, each section at most once."""
    import numpy as np

    mine, theirs = _section_terms(corpus, first), _section_terms(corpus, second)
    # Dense over the terms the two articles use: a sparse product a million columns wide
    # cost 2 ms a pair, mostly to allocate its column pointers.
    terms = np.union1d(mine.terms, theirs.terms)
    scores = _section_vectors(mine, terms) @ _section_vectors(theirs, terms).T
    # Ranked on five decimals: sections that tie (two copies of one section both score 1.00) come
    # in the article's order, whatever the last bits of the sums, which depend on the order the
    # terms were added in.
    ranked = np.round(scores, 5)
    found: list[SectionMatch] = []
    while len(found) < count and ranked.size and ranked.max() > 0:
        i, j = np.unravel_index(np.argmax(ranked), ranked.shape)
        found.append(SectionMatch(int(mine.names[i]), int(theirs.names[j]), float(scores[i, j])))
        ranked[i, :] = 0
        ranked[:, j] = 0
    return found


class _SectionTerms(NamedTuple):
    names: np.ndarray  # the section numbers that have paragraphs, ascending
    rows: np.ndarray  # position in names of each (paragraph, term) entry
    terms: np.ndarray
    weights: np.ndarray  # TF-IDF of the term in its paragraph


def _section_terms(corpus: Corpus, article: int) -> _SectionTerms:
    import numpy as np

    found = _entries(corpus, article)
    raw = found.counts * np.repeat(corpus.par_weight[found.paragraphs], found.lengths)
    kept = raw > 0  # boilerplate paragraphs weigh nothing
    terms = found.terms[kept]
    names, grouped = np.unique(corpus.par_section[found.paragraphs], return_inverse=True)
    weights = (1 + np.log(raw[kept])) * corpus.idf[terms]  # as _tfidf weighs them
    return _SectionTerms(names, np.repeat(grouped, found.lengths)[kept], terms, weights)


def _section_vectors(found: _SectionTerms, terms: np.ndarray) -> np.ndarray:
    """One L2-normalised row per section, one column per term, dense."""
    import numpy as np

    vectors = np.zeros((len(found.names), len(terms)), np.float32)
    np.add.at(vectors, (found.rows, np.searchsorted(terms, found.terms)), found.weights)
    norms = np.sqrt((vectors * vectors).sum(axis=1))
    norms[norms == 0] = 1
    return vectors / norms[:, None]


# ---- passages -------------------------------------------------------------------------------


class Passages(NamedTuple):
    owner: np.ndarray  # article row of each signed paragraph
    index: np.ndarray  # position of the paragraph within its article's PassageFacts
    words: np.ndarray
    signatures: np.ndarray  # (paragraphs, PERMUTATIONS) uint32
    boilerplate: np.ndarray  # bool per paragraph


def passages(facts: Sequence[PassageFacts | None], boilerplate_articles: int) -> Passages:
    import numpy as np

    facts = [f or PassageFacts(b"", b"", b"", b"") for f in facts]
    per_article = np.array([len(f.words) // 2 for f in facts], np.int64)
    owner = np.repeat(np.arange(len(facts)), per_article)
    starts = np.concatenate([[0], np.cumsum(per_article)])
    return Passages(
        owner=owner,
        index=np.arange(len(owner)) - starts[owner],
        words=_join([f.words for f in facts], np.uint16),
        signatures=_join([f.signatures for f in facts], np.uint32).reshape(-1, PERMUTATIONS),
        boilerplate=common(_join([f.hashes for f in facts], np.uint64), owner, boilerplate_articles),
    )


def copied(found: Passages, rows: Sequence[int], threshold: float, boilerplate_articles: int) -> Iterator[Pair]:
    """Pairs of signed paragraphs (of different articles), one of them owned by a row in rows,
    whose estimated shingle overlap (Jaccard) is at least threshold. Pairs index found.

    A bucket that spans boilerplate_articles articles or more holds near-boilerplate (a footer
    with a changing date, say) and is skipped like exact boilerplate.
    """
    import numpy as np

    live = np.flatnonzero(~found.boilerplate)
    wanted = np.isin(found.owner[live], np.asarray(rows, np.int64))
    owners = found.owner[live]
    seen: set[tuple[int, int]] = set()
    for band in range(BANDS):
        keys = _band_keys(found.signatures[live], band)
        for group in _buckets(keys, wanted, owners, boilerplate_articles):
            for a in group[wanted[group]]:
                for b in group:
                    pair = (int(live[a]), int(live[b]))
                    if found.owner[pair[0]] != found.owner[pair[1]] and pair not in seen:
                        seen.add(pair)
    for a, b in sorted(seen):
        score = float(np.mean(found.signatures[a] == found.signatures[b]))
        if score >= threshold:
            yield Pair(a, b, score)


def _band_keys(signatures: np.ndarray, band: int) -> np.ndarray:
    import numpy as np

    rows = PERMUTATIONS // BANDS
    part = signatures[:, band * rows : (band + 1) * rows].astype(np.uint64)
    key = np.zeros(len(signatures), np.uint64)
    for column in range(rows):
        key = key * np.uint64(0x100000001B3) + part[:, column]  # wraps: collisions are re-checked
    return key


def _buckets(keys: np.ndarray, wanted: np.ndarray, owners: np.ndarray, too_many: int) -> Iterator[np.ndarray]:
    """Groups of positions sharing a key, among groups holding at least one wanted position,
    whose positions belong to at least two articles but fewer than too_many. owners (the article
    of each position) must be ascending."""
    import numpy as np

    # Only the keys of wanted positions: on a pre-commit run, a handful of buckets, not thousands.
    chosen = np.arange(len(keys)) if wanted.all() else np.flatnonzero(np.isin(keys, keys[wanted]))
    if not len(chosen):
        return
    order = chosen[np.argsort(keys[chosen], kind="stable")]  # owners stay ascending within a key
    # How many articles each group spans, counted for all groups at once: most groups are one
    # article repeating itself, and a call per group to count them cost 0.1 s on ms.
    starts, articles = _groups(keys[order], owners[order])
    ends = np.append(starts[1:], len(order))
    kept = (articles >= 2) & (articles < too_many)
    for start, end in zip(starts[kept], ends[kept]):
        yield order[start:end]
