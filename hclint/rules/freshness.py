"""Freshness: when each article was last reviewed, when the next review is due, and whether its
body changed after the review.

stale-article holds the options of the whole family (which field holds the review date, in what
form, the owner field, the interval and the grace period); the other rules read the same options,
so a folder's interval is set once and holds for every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.git import Change, body_change
from hclint.memo import bounded
from hclint.rule import Context, Example, Option, Options, Rule
from hclint.rules.frontmatter import MISSING, is_empty, lookup

LEADER = "stale-article"
AI_READER = "AI assistants that answer customers from the help center"
ISO = "%Y-%m-%d"
ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTERVAL = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$")
UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
FORM_WORDS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%y": "YY", "%b": "Mon", "%B": "Month"}


@dataclass(frozen=True)
class Interval:
    """A review interval as written (90d, 6w, 6m, 1y): months and years follow the calendar."""

    text: str
    delta: relativedelta

    @classmethod
    @bounded(256, "the same few intervals, read by several rules for every article")
    def parse(cls, text: str) -> Interval:
        match = INTERVAL.match(text)
        if not match or int(match.group(1)) == 0:
            raise ValueError(f"{text!r} is not an interval such as 90d, 6w, 6m or 1y")
        count, unit = int(match.group(1)), match.group(2)
        return cls(f"{count}{unit}", relativedelta(**{UNITS[unit]: count}))


@dataclass(frozen=True)
class IntervalOption(Option):
    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        Interval.parse(value)  # raises ValueError with the reason, which the configuration reports
        return value


@dataclass(frozen=True)
class DateFormatOption(Option):
    def validate(self, value: Any) -> Any:
        value = super().validate(value)
        sample = date(2024, 1, 31)
        try:
            ok = datetime.strptime(sample.strftime(value), value).date() == sample
        except ValueError:
            ok = False
        if not ok:
            raise ValueError(f"{value!r} does not write a whole date: use strftime codes such as %Y-%m-%d or %m/%d/%Y")
        return value


@dataclass(frozen=True)
class Reviewed:
    """The date an article counts as reviewed, where it came from, and the line to report at."""

    day: date
    line: int
    source: str  # words for the message: "last reviewed" or "no `x`; last changed in git"


def date_form(date_format: str) -> str:
    """The format as a writer reads it: %Y-%m-%d is YYYY-MM-DD."""
    for code, words in FORM_WORDS.items():
        date_format = date_format.replace(code, words)
    return date_format


def parse_date(value: Any, date_format: str) -> tuple[date | None, str | None]:
    """(the date, None) or (None, what is wrong with the value)."""
    if not isinstance(value, str):
        return None, f"is not a date in the form {date_form(date_format)}"
    return _parse_text(value, date_format)


@bounded(4096, "four rules read each article's date, and a help center repeats its dates")
def _parse_text(value: str, date_format: str) -> tuple[date | None, str | None]:
    form = date_form(date_format)
    text = value.strip()
    if date_format == ISO and not ISO_SHAPE.match(text):
        return None, f"{text!r} is not in the form {form}"
    try:
        return datetime.strptime(text, date_format).date(), None
    except ValueError as error:
        if "does not match format" in str(error) or "unconverted data" in str(error):
            return None, f"{text!r} is not in the form {form}"
        return None, f"{text!r} is not a real date"


def format_date(day: date, date_format: str) -> str:
    return day.strftime(date_format)


def _trouble(article: Article) -> bool:
    return not article.source or article.source.isspace() or any(article.problems_for("frontmatter-invalid"))


def _written_date(article: Article, options: Options, context: Context) -> date | None:
    """The review date written in the article, when it is a real date in the past or today."""
    day, error = parse_date(lookup(article.frontmatter, options["review_field"]), options["date_format"])
    return day if error is None and day is not None and day <= context.today else None


def reviewed(article: Article, options: Options, context: Context) -> Reviewed | None:
    field = options["review_field"]
    value = lookup(article.frontmatter, field)
    if not is_empty(value):
        day = _written_date(article, options, context)
        return Reviewed(day, article.line_of(field), "last reviewed") if day else None
    history = context.history().get(article.content_path)
    if history is None:
        return None
    change = history.last_commit
    return Reviewed(change.day, 1, f"no `{field}`, so the date of its last commit ({change.commit[:7]}) counts: last changed")


def interval(article: Article, options: Options) -> Interval:
    written = article.frontmatter.get("review_every")
    if isinstance(written, str):
        try:
            return Interval.parse(written)
        except ValueError:
            pass  # invalid-date reports it; the folder's interval applies meanwhile
    return Interval.parse(options["review_every"])


def _owner(article: Article, options: Options) -> str:
    owner = lookup(article.frontmatter, options["owner_field"])
    return f"owner: {owner}" if isinstance(owner, str) and owner.strip() else "no owner"


@dataclass(frozen=True)
class Overdue:
    reviewed: Reviewed
    due: date
    expires: date
    every: str
    owner: str

    def message(self, what: str) -> str:
        return f"{what}: {self.reviewed.source} on {self.reviewed.day} (review every {self.every}); {self.owner}"


def overdue(article: Article, options: Options, context: Context) -> Overdue | None:
    if _trouble(article) or article.frontmatter.get("evergreen") is True:
        return None
    review = reviewed(article, options, context)
    if review is None:
        return None
    every = interval(article, options)
    due = _after(review.day, every.text)
    if context.today <= due:
        return None
    return Overdue(review, due, _after(due, Interval.parse(options["grace"]).text), every.text, _owner(article, options))


@bounded(4096, "two rules ask for each article, and a help center repeats its dates")
def _after(day: date, every: str) -> date:
    return day + Interval.parse(every).delta


HINT = "once the owner has read it and it is right, run `hclint review {path}`"


def stale(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    late = overdue(article, options, context)
    if late and context.today <= late.expires:
        yield Problem(late.reviewed.line, 1, late.message(f"due for review since {late.due}"), hint=HINT.format(path=article.path))


def expired(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    late = overdue(article, options, context)
    if late and context.today > late.expires:
        message = late.message(f"review overdue since {late.due}, past the grace period that ended on {late.expires}")
        yield Problem(late.reviewed.line, 1, message, hint=HINT.format(path=article.path))


def invalid_dates(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    if _trouble(article):
        return
    field = options["review_field"]
    value = lookup(article.frontmatter, field)
    if not is_empty(value):
        day, error = parse_date(value, options["date_format"])
        if error is None and day is not None and day > context.today:
            error = f"{day} is in the future (today is {context.today})"
        if error:
            yield Problem(article.line_of(field), 1, f"`{field}` {error}",
                          hint=f"write the date of the last review as {date_form(options['date_format'])}")
    written = article.frontmatter.get("review_every", MISSING)
    if written is not MISSING and _bad_interval(written):
        yield Problem(article.line_of("review_every"), 1,
                      f"`review_every` is {written!r}: expected a number of days, weeks, months or years such as 90d, 6m or 1y")


def _bad_interval(value: Any) -> bool:
    try:
        Interval.parse(value if isinstance(value, str) else "")
    except ValueError:
        return True
    return False


def unreviewed_changes(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    if _trouble(article):
        return
    review_day = _written_date(article, options, context)
    history = context.history().get(article.content_path)
    if review_day is None or history is None:
        return
    field = options["review_field"]
    frontmatter_end = article.body_line - 1  # the closing fence; 0 when there is no frontmatter
    change: Change | None = body_change(history, frontmatter_end, article.line_of(field))
    if change is not None and change.day > review_day:
        yield Problem(
            article.line_of(field), 1,
            f"the body changed on {change.day} (commit {change.commit[:7]}), after the last review on "
            f"{review_day}; {_owner(article, options)}",
            hint=f"have the owner read the change, then run `hclint review {article.path}`",
        )


FRESHNESS_OPTIONS = (
    Option("review_field", "last_reviewed",
           "the frontmatter field with the date of the last review: `ms.date`, `last_updated`, or a nested `date.updated`"),
    Option("owner_field", "owner", "the frontmatter field that names who keeps the article right"),
    DateFormatOption("date_format", ISO,
           "how review dates are written, in strftime codes: `%m/%d/%Y` for Microsoft Learn's ms.date"),
    IntervalOption("review_every", "180d",
                   "how often articles need a review, unless one sets `review_every` itself: 90d, 6w, 6m, 1y"),
    IntervalOption("grace", "90d", "how long past its due date an article is stale before it counts as expired"),
)

REVIEWED = ("---\ntitle: Export your invoices\ndescription: Download invoices as PDF or CSV.\n"
            "owner: billing-team\nlast_reviewed: {day}\n---\n\nOpen **Billing** and select **Export**.\n")
TODAY_NOTE = "The example assumes today is 2026-11-23 and the default interval of 180 days. "

STALE_ARTICLE = Rule(
    name="stale-article",
    summary="The article is due for review.",
    severity=Severity.WARNING,
    kind="article",
    check=stale,
    what="Reports an article whose review date plus its review interval has passed. The interval is "
    "`review_every` in the article (90d, 6w, 6m, 1y), else the folder's `review_every` option, "
    "else 180 days. The message gives the last review date, the due date and the owner. "
    "An article with `evergreen: true` is never stale. An article with no review date counts from "
    "its last git commit, and the message says so. " + TODAY_NOTE + "The options of this rule "
    "also hold for expired-article, invalid-date and unreviewed-change.",
    why="Products change and articles drift. A stale article tells readers to click buttons that "
    f"moved, and they lose trust in every other page. {AI_READER} repeat outdated steps with full "
    "confidence, so a regular review by the owner is the only guard.",
    example=Example(failing=REVIEWED.format(day="2026-04-01"), fixed=REVIEWED.format(day="2026-11-02")),
    options=FRESHNESS_OPTIONS,
    needs_git=True,
)

EXPIRED_ARTICLE = Rule(
    name="expired-article",
    summary="The article's review is overdue past the grace period.",
    severity=Severity.ERROR,
    kind="article",
    check=expired,
    what="Reports an article whose review is overdue by more than the grace period (90 days by "
    "default), as an error rather than a warning. Otherwise it works like stale-article. " + TODAY_NOTE,
    why="An article that nobody has confirmed for months past its due date is more likely wrong "
    f"than right. Failing the build makes the team decide: review it, or retire it. {AI_READER} "
    "cannot tell an abandoned article from a maintained one unless the help center can.",
    example=Example(failing=REVIEWED.format(day="2025-01-10"), fixed=REVIEWED.format(day="2026-11-02")),
    options_from=LEADER,
    needs_git=True,
)

INVALID_DATE = Rule(
    name="invalid-date",
    summary="The review date is not a real date, not in the expected form, or in the future.",
    severity=Severity.ERROR,
    kind="article",
    check=invalid_dates,
    what="Reports a review date that does not exist (2025-02-30), is not written in the configured "
    "form (YYYY-MM-DD by default), or lies in the future, at the field's line. It also reports a "
    "`review_every` that is not an interval such as 90d, 6m or 1y.",
    why="A review date that cannot be read turns off every freshness check for the article, so it "
    "can go stale silently. A date in the future hides the article from review until then. "
    f"{AI_READER} show these dates to customers as a sign of how current an answer is.",
    example=Example(failing=REVIEWED.format(day="2025-02-30"), fixed=REVIEWED.format(day="2025-02-28")),
    options_from=LEADER,
)

UNREVIEWED_CHANGE = Rule(
    name="unreviewed-change",
    summary="The article's body changed after its last review.",
    severity=Severity.WARNING,
    kind="article",
    check=unreviewed_changes,
    what="Reads the help center's git history (one `git log` for all articles) and reports an "
    "article whose body, not only its frontmatter, changed in a commit written after its review "
    "date. A commit that changes the body and the review date together counts as reviewed. "
    "Outside a git repository this rule finds nothing.",
    why="A review date vouches for the text that was reviewed. An edit made later, perhaps a quick "
    "fix by someone outside the team, has not been checked by the owner, yet the date still says "
    f"the article is fresh. {AI_READER} trust that date.",
    example=None,
    options_from=LEADER,
    needs_git=True,
)

RULES = (STALE_ARTICLE, EXPIRED_ARTICLE, INVALID_DATE, UNREVIEWED_CHANGE)
