"""hard-to-read, long-sentence and long-paragraph: real help centers through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, only_rules, run_hclint, write_center
from tests.rules.spelling.test_spelling import FRENCH

READABILITY = ("hard-to-read", "long-sentence", "long-paragraph")
FRONT = "---\ntitle: Refunds\n---\n\n"
# Six sentences: three plain ones, then the three densest, hardest first, on lines 7, 8 and 9.
MIXED = FRONT + (
    "We pay you back. Send the receipt.\n"
    "Ask your bank.\n"
    "Notwithstanding aforementioned considerations, reimbursement determinations necessitate verification.\n"
    "Compensatory disbursements require organizational authorization.\n"
    "Institutional acknowledgements accompany transactional documentation.\n"
)


def findings(tmp_path, files, *rules: str, options: dict | None = None, **config):
    settings = only_rules(*(rules or READABILITY), **config)
    settings["rules"].update(options or {})
    write_center(tmp_path, files, settings)
    result = run_hclint(tmp_path, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.output + result.stderr
    return [f for f in result.json if f["rule"] in (rules or READABILITY)]


def hard(tmp_path, files, **options):
    return findings(tmp_path, files, "hard-to-read", options={"hard-to-read": {"min_words": 5, **options.pop("rule", {})}}, **options)


def test_the_message_gives_scores_targets_and_the_three_hardest_sentences(tmp_path):
    [finding] = hard(tmp_path, {"content/a.md": MIXED})
    message = finding["message"]
    assert message.startswith("Flesch reading ease is ")
    assert "below the target of 50" in message and "above the target of 10" in message
    hardest = message.split("the hardest sentences: ")[1]
    assert [part.split(" (")[0] for part in hardest.split("; ")] == ["line 7", "line 8", "line 9"]
    assert '"Notwithstanding aforementioned considerations' in hardest
    assert (finding["line"], finding["severity"]) == (5, "warning")


def test_targets_are_configurable_globally(tmp_path):
    assert hard(tmp_path, {"content/a.md": MIXED}, rule={"min_reading_ease": -500, "max_grade": 99}) == []


def test_targets_are_configurable_per_folder(tmp_path):
    files = {"content/legal/a.md": MIXED, "content/guides/a.md": MIXED}
    overrides = [{"paths": ["legal/**"], "rules": {"hard-to-read": {"min_reading_ease": -500, "max_grade": 99}}}]
    assert [f["path"] for f in hard(tmp_path, files, overrides=overrides)] == ["content/guides/a.md"]


def test_targets_are_configurable_per_audience(tmp_path):
    internal = MIXED.replace("title: Refunds\n", "title: Refunds\naudience: internal\n")
    public = MIXED.replace("title: Refunds\n", "title: Refunds\naudience: public\n")
    audiences = {"internal": {"min_reading_ease": -500, "max_grade": 99}, "public": {"max_grade": 5}}
    found = hard(tmp_path, {"content/internal.md": internal, "content/public.md": public}, rule={"audiences": audiences})
    assert [f["path"] for f in found] == ["content/public.md"]
    assert "above the target of 5" in found[0]["message"]


def test_a_wrong_audience_table_is_a_configuration_error(tmp_path):
    settings = only_rules(*READABILITY)
    settings["rules"]["hard-to-read"] = {"audiences": {"internal": {"max_grad": 12}}}
    write_center(tmp_path, {"content/a.md": MIXED}, settings)
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "rules.hard-to-read.audiences" in result.stderr and "internal" in result.stderr


def test_short_articles_are_not_scored(tmp_path):
    assert findings(tmp_path, {"content/a.md": MIXED}, "hard-to-read") == []  # 23 words, below min_words=100


def test_code_and_tables_are_not_scored(tmp_path):
    noise = "\n```\nNotwithstanding aforementioned considerations necessitate verification.\n```\n\n"
    table = "| Term | Meaning |\n| --- | --- |\n| Institutional acknowledgements | Organizational authorization |\n"
    plain = FRONT + "We pay you back. Send the receipt. Ask your bank. We help you.\n" + noise + table
    assert hard(tmp_path, {"content/a.md": plain}) == []


def test_a_french_article_is_scored_with_the_french_formula_and_has_no_false_misspellings(tmp_path):
    rules = (*READABILITY, "misspelling")
    assert findings(tmp_path, {"content/fr.md": FRENCH}, *rules, options={"hard-to-read": {"min_words": 20}}) == []
    strict = {"hard-to-read": {"min_words": 20, "min_reading_ease": 100.0}}
    [finding] = findings(tmp_path, {"content/fr.md": FRENCH}, *rules, options=strict)
    assert finding["rule"] == "hard-to-read" and "Flesch reading ease is " in finding["message"]
    assert "Flesch-Kincaid" not in finding["message"]  # an English formula, not applied to French


def test_a_language_textstat_cannot_score_is_reported_not_skipped(tmp_path):
    article = "---\ntitle: T\nlang: sv\n---\n\n" + "Vi betalar tillbaka pengarna inom fem dagar. " * 5 + "\n"
    [finding] = hard(tmp_path, {"content/a.md": article})
    assert finding["severity"] == "info"
    assert finding["message"].startswith("readability not checked: textstat has no Flesch formula for language 'sv'")


def test_a_long_sentence_is_reported_where_it_starts(tmp_path):
    long = " ".join(["Word"] + ["word"] * 30) + "."
    text = FRONT + "# A heading that is not a sentence to count at all even if it goes on and on and on and on and on and on and on and on and on\n\n" + f"Short one. {long}\n"
    [finding] = findings(tmp_path, {"content/a.md": text}, "long-sentence")
    assert (finding["line"], finding["column"]) == (7, 12)
    assert finding["message"].startswith('sentence of 31 words (limit 30): "Word word')


def test_the_sentence_limit_is_an_option(tmp_path):
    text = FRONT + "Open the page and select the button.\n"
    assert findings(tmp_path, {"content/a.md": text}, "long-sentence") == []
    found = findings(tmp_path, {"content/a.md": text}, "long-sentence", options={"long-sentence": {"max_words": 5}})
    assert [f["message"].split(" (")[0] for f in found] == ["sentence of 7 words"]


def test_a_long_paragraph_is_reported_at_its_first_line(tmp_path):
    paragraph = "One. Two. Three. Four. Five. Six.\nSeven.\n"
    text = FRONT + "Intro.\n\n" + paragraph + "\n- One. Two. Three. Four. Five. Six. Seven.\n"
    found = findings(tmp_path, {"content/a.md": text}, "long-paragraph")
    assert [(f["line"], f["message"]) for f in found] == [
        (7, "paragraph of 7 sentences (limit 6)"),
        (10, "paragraph of 7 sentences (limit 6)"),
    ]
    assert findings(tmp_path, {"content/a.md": text}, "long-paragraph", options={"long-paragraph": {"max_sentences": 7}}) == []


# ---- offline: a fresh machine without network ---------------------------------------------------

BLOCK_NETWORK = '''
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["HCLINT_TEST_ATTEMPTS"], "a", encoding="utf-8") as log:
        log.write(repr(args) + "\\n")
    raise OSError("network access blocked by the test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def _unshare_works() -> bool:
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _fresh_run(tmp_path: Path, extra_env: dict[str, str] | None = None) -> tuple[list[dict], Path]:
    """hclint in a new process: empty HOME and NLTK_DATA, sockets refused, no network namespace."""
    settings = only_rules("hard-to-read")
    settings["rules"]["hard-to-read"] = {"min_words": 5}
    center = write_center(tmp_path / "center", {"content/a.md": MIXED}, settings)
    for name in ("home", "nltk_data", "blocker"):
        (tmp_path / name).mkdir(exist_ok=True)
    (tmp_path / "blocker" / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "NLTK_DATA": str(tmp_path / "nltk_data"),
        "PYTHONPATH": str(tmp_path / "blocker"),
        "HCLINT_TEST_ATTEMPTS": str(tmp_path / "attempts.log"),
        "HCLINT_TODAY": TODAY,
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "hclint", "check", "--no-cache", "--format", "json"]
    if _unshare_works():
        command = ["unshare", "-n", *command]
    process = subprocess.run(command, cwd=center, env=env, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in process.stderr, process.stderr
    return json.loads(process.stdout), tmp_path / "attempts.log"


def test_readability_works_offline_on_a_fresh_machine(tmp_path):
    found, attempts = _fresh_run(tmp_path)
    assert [f["rule"] for f in found] == ["hard-to-read"]
    assert "Flesch-Kincaid grade is" in found[0]["message"]
    assert not attempts.exists(), attempts.read_text(encoding="utf-8")
    assert list((tmp_path / "home").iterdir()) == []  # nothing downloaded or written at run time
    assert list((tmp_path / "nltk_data").iterdir()) == []


def test_nltk_reads_the_dictionary_shipped_in_the_package():
    """The fallback when textstat was imported before hclint could hand it the dictionary."""
    import nltk

    from hclint.rules.readability.syllables import DATA, prepare_nltk

    assert prepare_nltk() == DATA
    found = nltk.data.find("corpora/cmudict")
    assert str(DATA) in str(found)
    from nltk.corpus import cmudict

    assert cmudict.dict()["abandon"] == [["AH0", "B", "AE1", "N", "D", "AH0", "N"]]


@pytest.mark.parametrize("rule", READABILITY)
def test_each_rule_explains_itself(rule):
    from hclint.rules import registry

    page = registry()[rule].explain()
    assert "## Why it matters" in page and "AI assistants" in page


def test_lines_of_links_set_with_hard_breaks_are_not_a_long_paragraph(tmp_path):
    links = "".join(f"[Overview {n}](o{n}.md)  \n" for n in range(8))
    assert findings(tmp_path, {"content/a.md": FRONT + "## Related information\n\n" + links}, "long-paragraph") == []


def test_textstat_gets_the_same_pronunciations_nltk_would_give_it():
    from nltk.corpus import cmudict

    from hclint.rules.readability.syllables import get_cmudict, prepare_nltk

    prepare_nltk()
    ours, theirs = get_cmudict("en_US"), cmudict.dict()
    assert len(ours) == len(theirs) > 120_000
    assert all(ours[word][0] == pronunciations[0] for word, pronunciations in theirs.items())
    assert get_cmudict("fr") is None


def test_scoring_english_imports_neither_nltk_nor_scipy():
    # textstat imports NLTK, and NLTK imports SciPy and scikit-learn: 0.9 s of a pre-commit run.
    script = (
        "import sys\n"
        "from hclint.rules.readability.flesch import score\n"
        "scores = score('We check your order before we pay you back. Send us the receipt.', 'en')\n"
        "print(round(scores.reading_ease, 2), sorted(m for m in ('nltk', 'scipy', 'sklearn') if m in sys.modules))\n"
    )
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    ease, imported = process.stdout.split(" ", 1)
    assert float(ease) > 60
    assert imported.strip() == "[]"


def test_textstat_imported_before_hclint_reads_the_shipped_dictionary_through_nltk():
    # Another MkDocs plugin may have imported textstat first: its own loader stays, and NLTK is
    # pointed at the dictionary in the package instead.
    script = (
        "import sys, textstat\n"
        "from hclint.rules.readability.flesch import score\n"
        "from hclint.rules.readability.syllables import DATA\n"
        "import nltk\n"
        "scores = score('We check your order before we pay you back. Send us the receipt.', 'en')\n"
        "print(round(scores.reading_ease, 2), str(DATA) in nltk.data.path)\n"
    )
    env = {**os.environ, "NLTK_DATA": "/nonexistent"}
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert process.returncode == 0, process.stderr
    ease, on_path = process.stdout.split()
    assert float(ease) > 60 and on_path == "True"
