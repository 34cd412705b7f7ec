"""misspelling: real help centers in temporary folders, checked through the real CLI."""

from __future__ import annotations

import pytest

from hclint.rules import spelling
from tests.conftest import only_rules, run_hclint, write_center

FRONT = "---\ntitle: Reset your password\n---\n\n"

FRENCH = """---
title: Réinitialiser votre mot de passe
lang: fr
---

# Réinitialiser votre mot de passe

Vous avez oublié votre mot de passe ? Pas de problème. Vous pouvez en choisir un nouveau en quelques minutes.

1. Ouvrez la page de connexion.
2. Sélectionnez **Mot de passe oublié**.
3. Saisissez l’adresse e-mail de votre compte.
4. Ouvrez le message que nous vous envoyons et suivez le lien.
5. Choisissez un nouveau mot de passe, puis enregistrez-le.

Le lien reste valable pendant une heure. S'il a expiré, recommencez depuis la première étape.

## Si vous ne recevez pas le message

Vérifiez d'abord le dossier des courriers indésirables. Le message peut aussi mettre quelques
minutes à arriver. Si vous ne le trouvez toujours pas, écrivez à notre équipe d'assistance. Nous
vous répondrons dans la journée.

Pour votre sécurité, nous ne demandons jamais votre mot de passe par téléphone ou par courriel.
"""


def misspellings(tmp_path, files: dict[str, str], **config):
    write_center(tmp_path, files, only_rules("misspelling", **config))
    return [f for f in run_hclint(tmp_path, "check", "--format", "json").json if f["rule"] == "misspelling"]


def words(findings) -> list[str]:
    return [spelling.word_of(f["message"]) for f in findings]


def test_a_typo_is_reported_at_its_word_with_suggestions(tmp_path):
    [finding] = misspellings(tmp_path, {"content/a.md": FRONT + "We will\nrecieve your order soon.\n"})
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (6, 1, 6, 8)
    assert finding["message"].startswith('unknown word "recieve"; did you mean ')
    suggested = finding["message"].split("did you mean ")[1].rstrip("?").split(", ")
    assert "receive" in suggested and len(suggested) <= 3
    assert ".wordlist.txt" in finding["hint"]


def test_bold_ui_labels_are_checked(tmp_path):
    found = misspellings(tmp_path, {"content/a.md": FRONT + "Open **Setings** and select **Save**.\n"})
    assert words(found) == ["Setings"]
    assert found[0]["column"] == 8


def test_code_urls_addresses_paths_and_identifiers_are_not_checked(tmp_path):
    body = (
        "Run `qwzx --fix` or:\n\n```\nqwzx\n```\n\n"
        "See https://qwzx.example.com, <https://example.com/qwzx>, mail qwzx@example.com, "
        "open docs/qwzx.md, set qwzx_mode or qwzx2, use QwzxClient, and ask QWZX.\n"
    )
    assert misspellings(tmp_path, {"content/a.md": FRONT + body}) == []


def test_inflected_forms_of_known_words_are_known(tmp_path):
    body = "Our workflows keep suppressions and configured dropdowns in checkboxes.\n"
    assert misspellings(tmp_path, {"content/a.md": FRONT + body}) == []


def test_the_project_dictionary_the_configuration_and_the_frontmatter_add_words(tmp_path):
    files = {
        "content/.wordlist.txt": "# product names\nContoso\n\nfabrikam\n",
        "content/a.md": "---\ntitle: Partners\nspelling: [Northwind]\n---\n\n"
        "Contoso, Fabrikam, Northwind, Tailspin and Woodgrove are partners.\n",
        "content/b.md": "---\ntitle: Others\n---\n\nNorthwind and Tailspin too.\n",
    }
    found = misspellings(tmp_path, files, **{"rules": {**only_rules("misspelling")["rules"], "misspelling": {"words": ["tailspin"]}}})
    assert [(f["path"], spelling.word_of(f["message"])) for f in found] == [
        ("content/a.md", "Woodgrove"),
        ("content/b.md", "Northwind"),
    ]


def test_words_of_the_terminology_table_are_known(tmp_path):
    rules = {**only_rules("misspelling")["rules"], "terminology": {"severity": "off", "case_sensitive_terms": {"Zendeks": "Zendesk"}}}
    found = misspellings(tmp_path, {"content/a.md": FRONT + "Open Zendesk, not Zendeks, and Qwzx.\n"}, rules=rules)
    assert words(found) == ["Qwzx"]


def test_per_folder_words_come_from_overrides(tmp_path):
    files = {"content/api/a.md": FRONT + "Call Qwzx.\n", "content/b.md": FRONT + "Call Qwzx.\n"}
    overrides = [{"paths": ["api/**"], "rules": {"misspelling": {"words": ["Qwzx"]}}}]
    found = misspellings(tmp_path, files, overrides=overrides)
    assert [f["path"] for f in found] == ["content/b.md"]


def test_spelling_in_the_frontmatter_must_be_a_list_of_words(tmp_path):
    found = misspellings(tmp_path, {"content/a.md": "---\ntitle: T\nspelling: Contoso\n---\n\nHello.\n"})
    assert [(f["line"], f["message"]) for f in found] == [(3, "`spelling` must be a list of words, such as [Contoso, Fabrikam]")]


def test_a_french_article_has_no_false_misspellings_and_its_typos_are_found(tmp_path):
    assert misspellings(tmp_path, {"content/fr.md": FRENCH}) == []
    typo = FRENCH.replace("Ouvrez la page", "Ouvrrez la page")
    found = misspellings(tmp_path, {"content/fr.md": typo})
    assert words(found) == ["Ouvrrez"]
    assert "ouvrez" in found[0]["message"]


def test_the_folder_language_applies_when_the_frontmatter_has_none(tmp_path):
    french = FRENCH.replace("lang: fr\n", "")
    assert misspellings(tmp_path, {"content/fr/a.md": french}, overrides=[{"paths": ["fr/**"], "lang": "fr"}]) == []
    assert len(misspellings(tmp_path, {"content/fr/a.md": french})) > 5  # as English, it is all unknown


def test_a_language_without_a_dictionary_is_reported_not_skipped(tmp_path):
    found = misspellings(tmp_path, {"content/a.md": "---\ntitle: T\nlang: ja\n---\n\nこんにちは。\n"})
    assert [f["severity"] for f in found] == ["info"]
    assert "spelling not checked: no dictionary for language 'ja'" in found[0]["message"]


def test_an_edited_wordlist_is_seen_by_the_next_run(tmp_path):
    files = {"content/a.md": FRONT + "Call Qwzx.\n", "content/.wordlist.txt": "Contoso\n"}
    assert words(misspellings(tmp_path, files)) == ["Qwzx"]
    (tmp_path / "content/.wordlist.txt").write_text("Contoso\nQwzx\n", encoding="utf-8")
    assert [f for f in run_hclint(tmp_path, "check", "--format", "json").json if f["rule"] == "misspelling"] == []


def test_list_unknown_words_counts_them_most_frequent_first(tmp_path):
    files = {
        "content/a.md": FRONT + "Qwzx and qwzx and Blorp.\n",
        "content/b.md": FRONT + "Qwzx again, with Zint and Blorp and Zint.\n",
        "content/.wordlist.txt": "Zint\n",
    }
    write_center(tmp_path, files, only_rules("misspelling"))
    result = run_hclint(tmp_path, "check", "--list-unknown-words")
    assert result.exit_code == 0
    assert [line.split() for line in result.output.splitlines()] == [["3", "Qwzx"], ["2", "Blorp"]]


def test_the_dictionary_loads_once_per_process(tmp_path):
    spelling._checker.cache_clear()
    files = {f"content/{n}.md": FRONT + f"Article {n} has a tpyo.\n" for n in range(3)}
    assert len(misspellings(tmp_path, files)) == 3
    assert spelling._checker.cache_info().misses == 1


def test_a_letter_that_lower_cases_to_two_is_still_checked(tmp_path):
    # "İ".lower() is "i" and a combining dot: lower-casing the whole block would split "İt" into
    # letters the dictionary knows, and the block would be skipped.
    found = misspellings(tmp_path, {"content/a.md": "---\ntitle: Words\n---\n\nThe İt word.\n\nThe Itx word.\n"})
    assert {"İt", "Itx"} <= set(words(found))


@pytest.mark.parametrize("knowing, other", [("a.md", "b.md"), ("b.md", "a.md")])
def test_a_word_known_to_one_article_is_still_checked_in_the_other(tmp_path, knowing, other):
    # The unknown words of each chunk are remembered without the words an article adds in its
    # frontmatter, whichever article comes first.
    text = "Northwind ships. Ask Northwind, or a Northwind-based partner.\n"
    found = misspellings(tmp_path, {
        f"content/{knowing}": "---\ntitle: Partners\nspelling: [Northwind]\n---\n\n" + text,
        f"content/{other}": "---\ntitle: Shipping\n---\n\n" + text,
    })
    assert {f["path"] for f in found} == {f"content/{other}"}
    assert [(f["line"], f["column"]) for f in found] == [(5, 1), (5, 22), (5, 38)]


def test_an_unknown_word_is_placed_at_its_own_chunk_not_inside_an_earlier_one(tmp_path):
    # docs/Zorblax.md is a path, never spelled; the word after it is, twice, and so is a compound.
    text = "Open docs/Zorblax.md,\u00a0then Zorblax and re-Zorblax, not Zorblaxes: Zorblax.\n"
    found = misspellings(tmp_path, {"content/a.md": FRONT + text})
    assert [(w, f["column"]) for w, f in zip(words(found), found)] == [
        ("Zorblax", 28), ("Zorblax", 43), ("Zorblaxes", 56), ("Zorblax", 67),
    ]
