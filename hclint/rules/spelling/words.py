"""Everyday words of software help that pyspellchecker's dictionaries lack.

pyspellchecker's word lists come from film subtitles, so "checkbox", "workflow" or "etc" are
unknown to them while every help center uses them. Only general vocabulary belongs here: product
names and a product's own abbreviations go in the help center's .wordlist.txt. Inflected forms
("workflows", "timestamps") need no entry: the spelling rule finds the listed base form.
"""

from __future__ import annotations

ENGLISH = """
addon admin allowlist alt analytics app async autofill backend barcode blocklist captcha changelog
chatbot checkbox config ctrl datetime dataset denylist deselect dropdown ecommerce emoji esc etc
filename frontend geolocation hashtag hoc hotfix inbox lifecycle logout lookup metadata multi
multitenant namespace non noneditable offboarding onboarding passcode popup pre preconfigured prefilled
preinstalled prepopulated reupload roadmap runtime screenshot signin signup sitemap smartphone
subfolder submenu subpage subtab timeframe timestamp tooltip unassign unselect untracked versa
walkthrough wifi wildcard workflow
"""

WORDS: dict[str, frozenset[str]] = {"en": frozenset(ENGLISH.split())}


def builtin_words(lang: str) -> frozenset[str]:
    return WORDS.get(lang, frozenset())
