"""hclint.rules.readability.flesch gives the numbers textstat gives: its scores, its sentence count, each word's
syllables, to the last bit."""

from __future__ import annotations


from tests.conftest import REPO

import pytest

ODD_TEXTS = (
    "",
    "   ",
    "...",
    "Hello",
    "It's the users' guide: isn't it? We'd rather 'quote' it.",
    "e.g. version 1.5 costs $3.50 per GB... or not!",
    "Ünïcödé wörds in İstanbul: çà et là, Straße.",
    "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑΣ. Ὀδυσσεύς.",
    "Co-operate, re-enter and sign-in — then log-out.",
    "A. B. C. D.",
    "Don't stop. Won't stop! 2024 - 2025?",
)


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr", "it", "nl", "ru"])
def test_scores_are_textstats_own_to_the_last_bit(lang):
    # score() counts each word's syllables once a process and applies textstat's formulas to
    # the counts; textstat's own functions must give the very same numbers.
    from hclint.rules.readability.flesch import score
    from hclint.rules.readability.syllables import textstat_metrics

    metrics = textstat_metrics()
    content = REPO / "content"
    texts = [*ODD_TEXTS, *(p.strip() for f in sorted(content.rglob("*.md")) for p in f.read_text(encoding="utf-8").split("\n\n"))]
    texts += [" ".join(texts[i : i + 7]) for i in range(0, len(texts), 7)]  # longer texts, words repeating
    for text in texts:
        scores = score(text, lang)
        assert scores.reading_ease == metrics.flesch_reading_ease(text, lang), text
        assert scores.grade == (metrics.flesch_kincaid_grade(text, lang) if lang == "en" else None), text


def test_sentences_are_counted_as_textstat_counts_them():
    import random

    from hclint.rules.readability.flesch import count_sentences
    from hclint.rules.readability.syllables import textstat_metrics

    textstat_metrics()
    from textstat.backend.counts import count_sentences as textstats

    # Pieces of two words or fewer are not sentences to textstat: what makes a word decides it.
    alphabet = ["a", "Z", "é", "7", "_", "'", "’", "s", "t", "ve", "-", "—", ".", "!", "?", "…", ",", "(", ")", "\u0307",
                " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "🙂", "中"]
    generator = random.Random(7)
    texts = ["".join(generator.choices(alphabet, k=generator.randint(0, 40))) for _ in range(5000)]
    texts.append("A table rule " + "-" * 5000 + " and a word.")  # one long run without a word character
    # Pieces of one or two words, one of them long: a search that gave back the long run a
    # character at a time, rescanning the rest each time, took seconds on each of these.
    texts += ["a " + "b-" * 5000, "ab " + "x" * 10000, "Key: Q" + "x" * 10000, "a " + "- " * 5000 + "b" + " -" * 5000]
    assert [count_sentences(t) for t in texts] == [textstats(t) for t in texts]


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_each_word_has_the_syllables_textstat_counts(lang):
    from hclint.rules.readability.flesch import _Syllables
    from hclint.rules.readability.syllables import CMUDICT, textstat_metrics

    textstat_metrics()
    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words

    listed = [line.split(" ", 1)[0] for line in CMUDICT.read_text(encoding="utf-8").splitlines()[::25]]
    odd = ["Dorlimzir", "Contoso", "don't", "it's", "users'", "2024", "x86", "İstanbul", "Straße", "ΟΔΟΣ", "Ὀδυσσεύς",
           "naïve", "œuvre", "中文", "hmm", "sh", "Qu'il", "aujourd'hui", "Ärger"]
    # As the scores count them: each word as textstat's list_words gives it.
    words = list_words(" ".join([*listed, *(w.capitalize() for w in listed[:500]), *odd]))
    counted = _Syllables(lang)
    assert [counted[w] for w in words] == [count_syllables(w, lang) for w in words]
