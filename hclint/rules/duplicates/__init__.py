"""Corpus rules about duplicate coverage: articles, titles, questions and passages said twice.

Every rule reads only the index (IndexEntry fields and its own facts), so a pre-commit run on a
few files still compares them with the whole help center, straight from the cache. The method
(TF-IDF vectors, MinHash signatures) lives in hclint/similarity.py.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.index import Index, IndexEntry
from hclint.memo import bounded
from hclint.rule import (
    Context,
    CorpusInput,
    Example,
    Option,
    Related,
    Rule,
    Shared,
    fenced,
)
from hclint.rules.duplicates import similarity

ACKNOWLEDGE = "duplicates_ok"
TOP_LEVEL = ""  # options_for("") gives the top-level settings: what the whole help center shares
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)
FILLER = re.compile(
    r"^(?:(?:a |the )?(?:quick |short )?(?:guide|introduction|intro|tutorial|overview) (?:to|of|on) |"
    r"how (?:do|can|should|would) (?:i|we|you) |how to |learn (?:how )?to |getting started with |"
    r"what (?:is|are) |can (?:i|we|you) |faq:? |about )+"
)
QUESTION_WORDS = frozenset(
    "how what why when where which who whom can could do does did is are should will would may".split()
)
# "How do I…", "What is…", "Can I…": a question; "What it checks", "How it works": a label.
ASKING = frozenset("do does did can could is are was were should will would to i we you my a an the much many".split())
TEMPLATE_ARTICLES = 5  # a question heading in this many articles is a page template, not an FAQ
MINOR_WORDS = frozenset("a an the your my our their its this these those some any".split())
SHOWN = 3  # other articles named in one message; the rest are counted


# ---- shared: languages, acknowledgements, keys ----------------------------------------------


@bounded(4096, "the few folder names and suffixes of a help center, read for every path")
def _is_language(segment: str) -> bool:
    from babel import localedata  # the locale list MkDocs Material already ships with

    return bool(LANGUAGE_CODE.match(segment)) and localedata.exists(segment.replace("-", "_").lower())


class Version(NamedTuple):
    """An article's language (None: the help center's default) and the path it shares with its
    translations (`fr/x.md` and `x.fr.md` are both `x` in French)."""

    lang: str | None
    key: str


def version(content_path: str) -> Version:
    folder, name = posixpath.split(content_path)
    stem = posixpath.splitext(name)[0]
    lang = None
    first, _, rest = folder.partition("/")
    if first and _is_language(first):
        lang, folder = first.lower(), rest
    base, dot, suffix = stem.rpartition(".")
    if dot and _is_language(suffix):
        lang, stem = suffix.lower(), base
    return Version(lang, posixpath.join(folder, stem))


def never_duplicates(first: Version, second: Version, default_lang: str) -> bool:
    """Translations of one article, or articles in two languages, are never duplicates."""
    return first.key == second.key or (first.lang or default_lang) != (second.lang or default_lang)


def acknowledged(entry: IndexEntry, index: Index) -> frozenset[str]:
    """The content paths an article lists under duplicates_ok, resolved like its links."""
    value = entry.frontmatter.get(ACKNOWLEDGE)
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return frozenset(_resolve(entry.content_path, item, index) for item in items if isinstance(item, str))


def _resolve(content_path: str, item: str, index: Index) -> str:
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(content_path), item))
    return beside if beside in index.entries else posixpath.normpath(item.lstrip("/"))


class Filter(NamedTuple):
    """Which pairs the rules must stay quiet about."""

    default_lang: str
    ok: Mapping[str, frozenset[str]]  # content path -> what its duplicates_ok acknowledges
    versions: Mapping[str, Version]  # content path -> its language and the path its translations share

    @classmethod
    def of(cls, index: Index, context: Context) -> Filter:
        """The duplicates family's shared object: the four rules read the same index one after
        another, so its frontmatter is searched, and each path read, once a run."""
        ok = {p: acknowledged(e, index) for p, e in index.entries.items() if ACKNOWLEDGE in e.frontmatter}
        return cls(context.lang, ok, {path: version(path) for path in index.entries})

    def allows(self, a: str, b: str) -> bool:
        if a == b or never_duplicates(self.versions[a], self.versions[b], self.default_lang):
            return False
        return b not in self.ok.get(a, ()) and a not in self.ok.get(b, ())


DUPLICATES = Shared("duplicates", Filter.of)


def phrase_key(text: str) -> str:
    """A title or question with case, punctuation, filler ("How to", "the") and plurals removed."""
    words = " ".join(similarity.WORD.findall(text.lower().replace("_", " ")))
    words = FILLER.sub("", words + " ").strip()
    return " ".join(_singular(w) for w in words.split() if w not in MINOR_WORDS)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def title_line(entry: IndexEntry) -> int:
    if "title" in entry.frontmatter_lines:
        return entry.frontmatter_lines["title"]
    return next((h.line for h in entry.headings if h.level == 1), 1)


def _more(names: Sequence[str]) -> str:
    extra = len(names) - SHOWN
    return ", ".join(names[:SHOWN]) + (f" and {extra} more" if extra > 0 else "")


def _facts(index: Index, name: str) -> list:
    return [entry.facts.get(name) for entry in index.entries.values()]


# ---- duplicate-article ----------------------------------------------------------------------


def article_facts(article: Article) -> similarity.TextFacts:
    return similarity.text_facts(article)


def duplicate_article(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    index, targets, options_for, allowed = run.index, run.targets, run.options_for, run.shared
    yield from _acknowledgement_problems(index, targets)
    paths = list(index.entries)
    facts = _facts(index, DUPLICATE_ARTICLE.name)
    words = [f.words if f else 0 for f in facts]
    rows = [i for i, path in enumerate(paths) if path in targets and words[i] >= options_for(path)["min_words"]]
    if not rows:
        return
    corpus = similarity.build(facts, options_for(TOP_LEVEL)["boilerplate_articles"])
    floor = min(options_for(paths[row])["threshold"] for row in rows)
    # The other row breaks ties: the search finds a pair of two searched rows from either one.
    for pair in sorted(similarity.similar(corpus.articles, rows, floor), key=lambda p: (p.first, -p.score, p.second)):
        mine, theirs = paths[pair.first], paths[pair.second]
        options = options_for(mine)
        if pair.score < options["threshold"] or words[pair.second] < options["min_words"]:
            continue
        if allowed.allows(mine, theirs) and not similarity.other_subject(corpus, pair.first, pair.second):
            yield mine, _article_problem(index, corpus, pair, paths)


def _article_problem(index: Index, corpus: similarity.Corpus, pair: similarity.Pair, paths: Sequence[str]) -> Problem:
    mine, theirs = index.entries[paths[pair.first]], index.entries[paths[pair.second]]
    matches = similarity.matching_sections(corpus, pair.first, pair.second)
    mine_sections, their_sections = _sections(mine), _sections(theirs)
    described = "; ".join(
        f"{_section(mine_sections, m.mine)} here and {_section(their_sections, m.theirs)} there ({m.score:.2f})"
        for m in matches
    )
    line = mine_sections[matches[0].mine][1] if matches and matches[0].mine < len(mine_sections) else title_line(mine)
    message = f"covers the same ground as {theirs.content_path} (similarity {pair.score:.2f})"
    if described:
        message += f"; the sections most alike: {described}"
    hint = (
        f"merge the two articles and redirect one to the other, or add `{ACKNOWLEDGE}: [{theirs.content_path}]` "
        "to the frontmatter if both must stay"
    )
    return Problem(line, 1, message, hint=hint)


def _sections(entry: IndexEntry) -> tuple[tuple[str, int], ...]:
    facts = entry.facts.get(DUPLICATE_ARTICLE.name)
    return facts.sections if facts else ()


def _section(sections: Sequence[tuple[str, int]], number: int) -> str:
    if number >= len(sections):
        return "the introduction"
    text, line = sections[number]
    return f'"{text}" (line {line})'


def _acknowledgement_problems(index: Index, targets: frozenset[str]) -> Iterator[tuple[str, Problem]]:
    for path in sorted(targets & index.entries.keys()):
        entry = index.entries[path]
        if ACKNOWLEDGE not in entry.frontmatter:
            continue
        value = entry.frontmatter[ACKNOWLEDGE]
        line = entry.frontmatter_lines.get(ACKNOWLEDGE, 1)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
        if items is None or not all(isinstance(item, str) for item in items):
            yield path, Problem(line, 1, f"`{ACKNOWLEDGE}` must be a list of article paths")
            continue
        for item, resolved in ((item, _resolve(path, item, index)) for item in items):
            if resolved not in index.entries:
                yield path, Problem(line, 1, f"`{ACKNOWLEDGE}` names {item}, which is not an article of this help center")


# ---- duplicate-title ------------------------------------------------------------------------


def title_facts(article: Article) -> str:
    return phrase_key(article.title or "")


def duplicate_title(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    index, targets, allowed = run.index, run.targets, run.shared
    groups: dict[str, list[str]] = defaultdict(list)
    for path, entry in index.entries.items():
        key = entry.facts.get(DUPLICATE_TITLE.name)
        if key:
            groups[key].append(path)
    for path in sorted(targets & index.entries.keys()):
        entry = index.entries[path]
        others = [o for o in groups.get(entry.facts.get(DUPLICATE_TITLE.name) or "", ()) if allowed.allows(path, o)]
        if others:
            named = _more([f'{o} ("{index.entries[o].title}")' for o in others])
            message = f'the title "{entry.title}" is the same, or nearly, as the title of {named}'
            hint = "give each article a title that says which question it answers, or merge them"
            yield path, Problem(title_line(entry), 1, message, hint=hint)


# ---- duplicate-question ---------------------------------------------------------------------


def is_question(text: str) -> bool:
    words = text.lower().split()
    asks = len(words) > 1 and words[0] in QUESTION_WORDS and words[1] in ASKING
    return text.rstrip().endswith("?") or asks


def question_facts(article: Article) -> tuple[tuple[str, str, int], ...]:
    found = ((phrase_key(h.text), h.text, h.line) for h in article.headings if h.level > 1 and is_question(h.text))
    return tuple((key, text, line) for key, text, line in found if len(key.split()) >= 2)


def duplicate_question(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    index, targets, allowed = run.index, run.targets, run.shared
    asked: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for path, entry in index.entries.items():
        for key, text, line in entry.facts.get(DUPLICATE_QUESTION.name) or ():
            asked[key].append((path, text, line))
    for path in sorted(targets & index.entries.keys()):
        for key, text, line in index.entries[path].facts.get(DUPLICATE_QUESTION.name) or ():
            if len({o for o, _, _ in asked[key]}) >= TEMPLATE_ARTICLES:
                continue
            others = [f'{o} (line {n}: "{t}")' for o, t, n in asked[key] if allowed.allows(path, o)]
            if others:
                message = f'the question "{text}" is also answered in {_more(others)}'
                hint = "answer each question in one article and link to it from the others"
                yield path, Problem(line, 1, message, hint=hint)


# ---- copied-passage -------------------------------------------------------------------------


def passage_facts(article: Article) -> similarity.PassageFacts:
    return similarity.passage_facts(article)


def copied_passage(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    index, targets, options_for, allowed = run.index, run.targets, run.options_for, run.shared
    paths = list(index.entries)
    rows = [i for i, path in enumerate(paths) if path in targets]
    if not rows:
        return
    boilerplate = options_for(TOP_LEVEL)["boilerplate_articles"]
    found = similarity.passages(_facts(index, COPIED_PASSAGE.name), boilerplate)
    floor = min(options_for(paths[row])["similarity"] for row in rows)
    copies: dict[int, list[similarity.Pair]] = defaultdict(list)
    for pair in similarity.copied(found, rows, floor, boilerplate):
        mine, theirs = paths[found.owner[pair.first]], paths[found.owner[pair.second]]
        options = options_for(mine)
        if pair.score >= options["similarity"] and found.words[pair.first] >= options["min_words"] and allowed.allows(mine, theirs):
            copies[pair.first].append(pair)
    for paragraph, pairs in sorted(copies.items()):
        yield paths[found.owner[paragraph]], _passage_problem(index, found, paths, paragraph, pairs)


def _passage_problem(
    index: Index, found: similarity.Passages, paths: Sequence[str], paragraph: int, pairs: Sequence[similarity.Pair]
) -> Problem:
    where = [
        f"{paths[found.owner[p.second]]} (line {_passage_line(index, paths, found, p.second)}, {p.score:.2f} alike)"
        for p in sorted(pairs, key=lambda p: -p.score)
    ]
    message = f"this {found.words[paragraph]}-word paragraph stands nearly word for word in {_more(where)}"
    hint = "keep the text in one place: a shared snippet included in both articles, or a link to one of them"
    return Problem(_passage_line(index, paths, found, paragraph), 1, message, hint=hint)


def _passage_line(index: Index, paths: Sequence[str], found: similarity.Passages, paragraph: int) -> int:
    import numpy as np

    facts = index.entries[paths[found.owner[paragraph]]].facts[COPIED_PASSAGE.name]
    return int(np.frombuffer(facts.lines, np.uint32)[found.index[paragraph]])


# ---- the rule records -----------------------------------------------------------------------

BOILERPLATE = Option(
    "boilerplate_articles",
    5,
    "a paragraph found word for word in at least this many articles is boilerplate.\n"
    "hclint reads this option from the top-level setting only.",
)
OPTIONS_NOTE = "Set options as shown in [Configuring hclint](../configuring.md#rule-options)."
SUPPRESS_PAIR = (
    "If both articles must stay, acknowledge the pair in the frontmatter of either one:\n"
    "\n"
    "```yaml\n"
    "duplicates_ok: [{pair}]\n"
    "```\n"
    "\n"
    "[Acknowledge the pair](../duplicates.md#acknowledge-the-pair) says how hclint reads these paths.\n"
    "\n"
    "To turn the rule off for a folder, use an override:\n"
    "\n"
    "```toml\n"
    "[[tool.hclint.overrides]]\n"
    "paths = [\"archive/**\"]\n"
    "rules = {{ {rule} = \"off\" }}\n"
    "```\n"
    "\n"
    "A comment such as `<!-- hclint-disable-next-line {rule} -->` on the line before the finding also works.\n"
    "See [Suppressing findings](../suppressing-findings.md)."
)

RESET = """---
title: Reset your password
---

# Reset your password

If you forgot your password, you can reset it from the sign-in page. You need access to the
email address of your account.

## Request a reset link

1. On the sign-in page, select **Forgot password**.
2. Enter the email address of your account and select **Send link**.
3. Open the email from Contoso and select the reset link within 30 minutes.

## Choose a new password

Enter a new password twice and select **Save**. The password must have at least 12 characters
and must not match any of your last five passwords. Other devices are signed out.
"""

RESET_AGAIN = """---
title: Forgot your password?
---

# Forgot your password?

You can reset a forgotten password from the sign-in page, as long as you can open the email
address of your account.

## Get a reset link

1. Select **Forgot password** on the sign-in page.
2. Type the email address of your account, then select **Send link**.
3. Open the email from Contoso. The reset link works for 30 minutes.

## Set the new password

Type a new password twice and select **Save**. It needs at least 12 characters and must not
match one of your last five passwords. You are signed out on other devices.
"""

TITLED = "---\ntitle: Reset a password\n---\n\nUse the reset link we send by email.\n"
FAQ = "---\ntitle: Billing FAQ\n---\n\n## Can I cancel orders?\n\nYes. Select **Cancel** on the order page.\n"
ALREADY = "The help center already has this article, `{name}`:\n\n{text}\n\n"


def _prepare(context: Context) -> None:
    similarity.prepare()


DUPLICATE_ARTICLE = Rule(
    name="duplicate-article",
    summary="Two articles cover the same ground.",
    severity=Severity.WARNING,
    kind="corpus",
    check=duplicate_article,
    shared=DUPLICATES,
    what=(
        "The rule compares every article with every other article of the help center.\n"
        "It reports a pair whose text overlaps strongly, on both articles.\n"
        "Each finding names the other article and gives the similarity, from 0 to 1.\n"
        "It also names the two sections of the articles that are most alike, with their lines.\n"
        "The finding sits on the line of the section that overlaps most.\n"
        "\n"
        "Some parts of the text count more than others:\n"
        "\n"
        "- The title and the headings count more than the body text.\n"
        "- A paragraph made only of links, such as a \"Related articles\" list, counts little.\n"
        "- A paragraph that appears word for word in many articles is boilerplate, and does not count.\n"
        "  A common footer or a standard prerequisites block is boilerplate.\n"
        "  hclint learns it from your help center. You do not list it.\n"
        "\n"
        "Some pairs are never reported:\n"
        "\n"
        "- Two articles on neighboring topics, such as the customer and vendor versions of one task.\n"
        "  hclint checks each article's subject: a word of its title that the article repeats.\n"
        "  When the other article uses that word less than a third as often, the two answer different questions.\n"
        "- Translations of one article, such as `fr/reset.md` or `reset.fr.md` beside `reset.md`.\n"
        "- Articles in two languages.\n"
        "- Articles with less prose than `min_words`. The [duplicate-title](duplicate-title.md) rule still compares their titles.\n"
        "- Pairs acknowledged with `duplicates_ok`.\n"
        "\n"
        "When you check a few files, for example in pre-commit, hclint still compares them with the whole help center."
    ),
    why=(
        "Two articles that answer the same question drift apart.\n"
        "One gets the new steps, and the other keeps the old ones.\n"
        "Readers find either one, and cannot tell which is right.\n"
        "AI assistants that answer customers from the help center find both.\n"
        "They may quote the outdated one, or mix the two into an answer that neither article gives."
    ),
    example=Example(
        failing=RESET_AGAIN,
        fixed=RESET_AGAIN.replace("title: Forgot your password?\n", f"title: Forgot your password?\n{ACKNOWLEDGE}: [reset-password.md]\n"),
        others={"reset-password.md": RESET},
        intro=ALREADY.format(name="reset-password.md", text=fenced(RESET))
        + "A writer adds this article. It says the same things in other words:",
        fixed_intro="The best fix is to merge the two articles and redirect one to the other.\n"
        "If both must stay, for example because they serve two products, acknowledge the pair:",
    ),
    options=(
        Option("threshold", 0.75, "report a pair whose similarity is at least this.\nRaise it to see fewer, closer pairs."),
        Option("min_words", 50, "compare only articles with at least this many words of prose.\nHeadings and link lists do not count."),
        BOILERPLATE,
    ),
    options_notes=OPTIONS_NOTE,
    facts=article_facts,
    prepare=_prepare,
    suppress=SUPPRESS_PAIR.format(rule="duplicate-article", pair="reset-password.md"),
    description="The duplicate-article rule reports two articles that cover the same ground, on both of them.",
    tags=("duplicates",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Resolving duplicate findings", "../duplicates.md"),
        Related("All rules", "index.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

DUPLICATE_TITLE = Rule(
    name="duplicate-title",
    summary="Two articles have the same title, or nearly.",
    severity=Severity.WARNING,
    kind="corpus",
    check=duplicate_title,
    shared=DUPLICATES,
    what=(
        "The rule reports an article whose title matches the title of another article.\n"
        "Before it compares titles, hclint sets aside:\n"
        "\n"
        "- case and punctuation;\n"
        "- plurals, so \"orders\" matches \"order\";\n"
        "- small words such as \"the\", \"a\" and \"your\";\n"
        "- filler such as \"How to\", \"How do I\" and \"A guide to\".\n"
        "\n"
        "So \"How to reset your password\" and \"Reset a password\" match.\n"
        "Translations of one article, articles in two languages and pairs acknowledged with `duplicates_ok` are not reported."
    ),
    why=(
        "Readers pick an article from search results and from the navigation by its title.\n"
        "Two equal titles make them guess.\n"
        "They also often hide two articles that answer the same question.\n"
        "AI assistants that answer customers from the help center cite articles by title.\n"
        "The customer then cannot tell the two sources apart."
    ),
    example=Example(
        failing="---\ntitle: How to reset your password\n---\n\nSelect **Forgot password** on the sign-in page.\n",
        fixed="---\ntitle: Reset a password for another user\n---\n\nAdmins open **Users** and select **Reset password**.\n",
        others={"reset-password.md": TITLED},
        intro=ALREADY.format(name="reset-password.md", text=fenced(TITLED)) + "A writer adds this article:",
        fixed_intro="Fixed: the title says which question this article answers.",
    ),
    facts=title_facts,
    suppress=SUPPRESS_PAIR.format(rule="duplicate-title", pair="reset-password.md"),
    description="The duplicate-title rule reports two articles with the same title, or nearly the same.",
    tags=("duplicates",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Resolving duplicate findings", "../duplicates.md"),
        Related("All rules", "index.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

DUPLICATE_QUESTION = Rule(
    name="duplicate-question",
    summary="The same question heading is answered in two articles.",
    severity=Severity.WARNING,
    kind="corpus",
    check=duplicate_question,
    shared=DUPLICATES,
    what=(
        "The rule looks at question headings, as in an FAQ.\n"
        "A question heading ends with a question mark, or starts like a question: \"How do I\", \"What is\", \"Can I\".\n"
        "A heading such as \"What it checks\" is a label, not a question.\n"
        "The rule reports a question that another article asks too.\n"
        "It compares questions the way [duplicate-title](duplicate-title.md) compares titles.\n"
        "So \"How do I cancel an order?\" and \"Can I cancel orders?\" match.\n"
        "\n"
        "The finding sits on the heading. It names the other article and the line of its heading.\n"
        "A question heading found in five articles or more is part of a page template, and is not reported.\n"
        "Translations, articles in two languages and pairs acknowledged with `duplicates_ok` are not reported either."
    ),
    why=(
        "FAQ sections copy questions from each other, and then the answers drift apart.\n"
        "A reader who finds two answers to one question trusts neither.\n"
        "AI assistants that answer customers from the help center pick one answer, or blend both."
    ),
    example=Example(
        failing="---\ntitle: Orders FAQ\n---\n\n## How do I cancel an order?\n\nOpen the order and select **Cancel**.\n",
        fixed="---\ntitle: Orders FAQ\n---\n\n## How do I change an order?\n\nOpen the order and select **Edit**.\n",
        others={"billing-faq.md": FAQ},
        intro=ALREADY.format(name="billing-faq.md", text=fenced(FAQ)) + "A writer adds this article:",
        fixed_intro="Fixed: the question is answered in one place. "
        "This article answers another question, and can link to the billing FAQ.",
    ),
    facts=question_facts,
    suppress=SUPPRESS_PAIR.format(rule="duplicate-question", pair="billing-faq.md"),
    description="The duplicate-question rule reports a question heading that another article answers too.",
    tags=("duplicates",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Resolving duplicate findings", "../duplicates.md"),
        Related("All rules", "index.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

COPIED_PASSAGE = Rule(
    name="copied-passage",
    summary="A long paragraph is copied, nearly word for word, from another article.",
    severity=Severity.INFO,
    kind="corpus",
    check=copied_passage,
    shared=DUPLICATES,
    what=(
        "The rule reports a paragraph of at least `min_words` words that stands nearly word for word in another article.\n"
        "The finding gives the line of the copy, and how alike the two paragraphs are, from 0 to 1.\n"
        "\n"
        "hclint compares paragraphs by their runs of three words.\n"
        "So a copy with a few words changed is still found.\n"
        "A paragraph that appears in `boilerplate_articles` articles or more is boilerplate, and is not reported.\n"
        "Paragraphs shorter than 20 words are never compared."
    ),
    why=(
        "A copied paragraph is a candidate for a shared snippet.\n"
        "When the product changes, one copy gets updated and the other does not.\n"
        "AI assistants that answer customers from the help center then find two versions of the same statement.\n"
        "They cannot tell which one is current."
    ),
    example=Example(
        failing=RESET_AGAIN.replace(
            "Type a new password twice and select **Save**. It needs at least 12 characters and must not\n"
            "match one of your last five passwords. You are signed out on other devices.",
            "Enter a new password twice and select **Save**. The password must have at least 12 characters\n"
            "and must not match any of your last five passwords. Other devices are signed out.",
        ),
        fixed=RESET_AGAIN,
        options={"min_words": 25},
        others={"reset-password.md": RESET},
        intro="With `min_words = 25`, and with `reset-password.md` in the help center:\n\n" + fenced(RESET) + "\n\n"
        "this article breaks the rule, because its last paragraph is copied from `reset-password.md`:",
        fixed_intro="Fixed: the paragraph is written for this article.\n"
        "A shared snippet, included in both articles, is another good fix.",
    ),
    options=(
        Option("min_words", 40, "report paragraphs of at least this many words.\nValues below 20 act as 20."),
        Option("similarity", 0.7, "report a paragraph whose runs of three words overlap another's by at least this much."),
        BOILERPLATE,
    ),
    options_notes=OPTIONS_NOTE,
    facts=passage_facts,
    suppress=SUPPRESS_PAIR.format(rule="copied-passage", pair="reset-password.md"),
    description="The copied-passage rule reports a long paragraph that stands nearly word for word in another article.",
    tags=("duplicates",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Resolving duplicate findings", "../duplicates.md"),
        Related("All rules", "index.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

RULES = (DUPLICATE_ARTICLE, DUPLICATE_TITLE, DUPLICATE_QUESTION, COPIED_PASSAGE)
