"""The line under each published page's title: when it was last reviewed, and a notice when it is overdue.

Written in the page's language. The owner is shown only when the team asks for it: team names are
internal information. The MkDocs plugin puts the line in after the search index has read the page,
so searching for "reviewed" never finds every page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hclint.article import Article
    from hclint.project.config import Settings
    from hclint.rule import Context

H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
PLACE = "<!-- hclint-review -->"  # where the line goes, until the page is written


class Words(NamedTuple):
    reviewed: str  # {date}
    owner: str  # {owner}
    due_title: str
    due_text: str  # {date}


WORDS = {
    "en": Words("Last reviewed {date}", "Owner: {owner}", "Due for review",
                "This article was due for review on {date}. Some details may be out of date."),
    "fr": Words("Dernière relecture le {date}", "Responsable : {owner}", "Relecture en retard",
                "La relecture de cet article était prévue le {date}. Certaines informations peuvent être obsolètes."),
    "de": Words("Zuletzt geprüft am {date}", "Verantwortlich: {owner}", "Prüfung fällig",
                "Dieser Artikel hätte am {date} geprüft werden sollen. Einige Angaben sind möglicherweise veraltet."),
    "es": Words("Última revisión: {date}", "Responsable: {owner}", "Revisión pendiente",
                "Este artículo debía revisarse el {date}. Es posible que algunos datos estén desactualizados."),
    "it": Words("Ultima revisione: {date}", "Responsabile: {owner}", "Revisione scaduta",
                "Questo articolo doveva essere rivisto il {date}. Alcune informazioni potrebbero non essere aggiornate."),
    "pt": Words("Última revisão: {date}", "Responsável: {owner}", "Revisão pendente",
                "Este artigo deveria ter sido revisto em {date}. Algumas informações podem estar desatualizadas."),
    "nl": Words("Laatst gecontroleerd op {date}", "Eigenaar: {owner}", "Controle nodig",
                "Dit artikel had op {date} gecontroleerd moeten worden. Sommige gegevens zijn mogelijk verouderd."),
}


@dataclass(frozen=True)
class Review:
    """What a page says about its last review."""

    reviewed: date | None
    owner: str | None  # None unless the site shows owners
    due: date | None  # set only when the review is overdue
    lang: str = "en"  # the language root, which picks the words
    locale: str = "en"  # the language as written (en-GB), which spells the dates

    def as_html(self) -> str:
        words = WORDS.get(self.lang, WORDS["en"])
        parts = []
        if self.reviewed:
            parts.append(_e(words.reviewed).format(date=self._time(self.reviewed)))
        if self.owner:
            parts.append(_e(words.owner.format(owner=self.owner)))
        line = f'<p class="hclint-review" lang="{_e(self.lang)}">{" · ".join(parts)}</p>\n' if parts else ""
        if self.due:
            line += (
                f'<div class="admonition warning hclint-due-for-review" lang="{_e(self.lang)}">\n'
                f'<p class="admonition-title">{_e(words.due_title)}</p>\n'
                f"<p>{_e(words.due_text).format(date=self._time(self.due))}</p>\n"
                "</div>\n"
            )
        return line

    def _time(self, day: date) -> str:
        return f'<time datetime="{day.isoformat()}">{_e(_spelled(day, self.locale if self.lang in WORDS else "en"))}</time>'


def _spelled(day: date, locale: str) -> str:
    """The date as readers of the language write it (December 3, 2026 in en-US, 3 December 2026 in
    en-GB, 3. Dezember 2026), by Babel."""
    from babel.dates import format_date

    try:
        return format_date(day, format="long", locale=locale.replace("-", "_"))
    except Exception:  # a locale Babel does not know: the language alone
        try:
            return format_date(day, format="long", locale=locale.replace("-", "_").split("_")[0])
        except Exception:
            return day.isoformat()


def review_of(article: Article, settings: Settings, context: Context, show_owner: bool) -> Review:
    """The review line from the article's frontmatter, with the stale-article rule's own due date.

    The due date comes from the freshness rules themselves, so the site and `hclint check` never
    disagree; the notice shows only where stale-article is on for the article.
    """
    from hclint.article.prose import article_lang
    from hclint.rules import (
        freshness,  # dateutil and git load only when a page is rendered
    )
    from hclint.rules.frontmatter import is_empty, lookup

    setting = settings.rules[freshness.LEADER]
    options = setting.options
    written = not is_empty(lookup(article.frontmatter, options["review_field"]))
    reviewed = freshness.reviewed(article, options, context) if written else None
    owner = lookup(article.frontmatter, options["owner_field"]) if show_owner else None
    late = freshness.overdue(article, options, context) if setting.severity else None
    written_lang = article.frontmatter.get("lang")
    locale = written_lang.strip() if isinstance(written_lang, str) and written_lang.strip() else settings.lang
    return Review(
        reviewed.day if reviewed else None,
        owner.strip() if isinstance(owner, str) and owner.strip() else None,
        late.due if late else None,
        article_lang(written_lang, settings.lang),
        locale,
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def with_place(page_html: str) -> str:
    """The page's content with the line's place marked under its title (or at the top without one).

    A comment: the search index, which reads the content before the page is written, skips it."""
    end = H1_END.search(page_html)
    if end is None:
        return PLACE + "\n" + page_html
    return page_html[: end.end()] + "\n" + PLACE + page_html[end.end() :]


def filled(output: str, review: Review) -> str:
    """The written page with the line in its place."""
    return output.replace(PLACE, review.as_html().rstrip("\n"), 1)
