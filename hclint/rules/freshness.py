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
from hclint.rule import (
    Context,
    Example,
    Option,
    Options,
    Related,
    Rule,
    frontmatter_suppress_text,
)
from hclint.rules.example_setups import GitHistory
from hclint.rules.frontmatter import MISSING, is_empty, lookup

LEADER = "stale-article"
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
           "the field that holds the date of the last review.\n"
           "Use `ms.date` for Microsoft Learn, or a nested field such as `date.updated`."),
    Option("owner_field", "owner", "the field that names who keeps the article right."),
    DateFormatOption("date_format", ISO,
                     "how review dates are written, in the codes of Python's `strftime`.\n"
                     "Use `\"%m/%d/%Y\"` for the `ms.date` of Microsoft Learn."),
    IntervalOption("review_every", "180d",
                   "how often articles need a review, unless an article sets `review_every` itself.\n"
                   "Write a number and a unit: `d` for days, `w` for weeks, `m` for months or `y` for years."),
    IntervalOption("grace", "90d", "how long an article stays stale before it counts as expired."),
)

REVIEWED = ("---\ntitle: Export your invoices\ndescription: Download invoices as PDF or CSV.\n"
            "owner: billing-team\nlast_reviewed: {day}\n---\n\nOpen **Billing** and select **Export**.\n")
# The freshness examples are checked on this day, which their pages name.
TODAY = date(2026, 11, 23)
TODAY_NOTE = f"The example assumes that today is {TODAY}"
REFUND = ("---\ntitle: Ask for a refund\ndescription: How to get your money back.\nowner: billing-team\n"
          "last_reviewed: {day}\n---\n\nRefunds reach your card within {days} days.\n")
REVIEWED_ON, CHANGED_ON = date(2026, 9, 1), date(2026, 10, 15)

STALE_ARTICLE = Rule(
    name="stale-article",
    summary="The article is due for review.",
    severity=Severity.WARNING,
    kind="article",
    check=stale,
    what=(
        "Each article has a review date in its frontmatter, `last_reviewed` by default.\n"
        "The rule adds the review interval to it. That gives the due date.\n"
        "When the due date has passed, the rule reports the article.\n"
        "The message gives the date of the last review, the due date and the owner.\n"
        "\n"
        "The interval comes from the first of these that is set:\n"
        "\n"
        "1. `review_every` in the article's frontmatter, such as `review_every: 90d`;\n"
        "2. the `review_every` option for the article's folder;\n"
        "3. the default of 180 days.\n"
        "\n"
        "An article with `evergreen: true` is never stale.\n"
        "It still needs an owner.\n"
        "\n"
        "When an article has no review date, the rule uses the date of the last git commit that changed the file.\n"
        "The message says so.\n"
        "Outside a git repository, such an article is not checked for freshness.\n"
        "[`frontmatter-missing-field`](frontmatter-missing-field.md) reports the missing date.\n"
        "\n"
        "After the grace period, [`expired-article`](expired-article.md) reports the article instead, as an error."
    ),
    why=(
        "Products change and articles drift.\n"
        "A stale article tells readers to click buttons that have moved.\n"
        "Readers then lose trust in every other page.\n"
        "AI assistants that answer customers from the help center repeat outdated steps with full confidence.\n"
        "A regular review by the owner is the only guard."
    ),
    example=Example(
        failing=REVIEWED.format(day="2026-04-01"),
        fixed=REVIEWED.format(day="2026-11-02"),
        today=TODAY,
        intro=f"{TODAY_NOTE}, with the default interval of 180 days.\nThis article was last reviewed on 2026-04-01:",
        fixed_intro="Fixed: the owner read it, and recorded the review with `hclint review`.",
    ),
    options=FRESHNESS_OPTIONS,
    options_notes=(
        "The options of this rule hold for all four freshness rules:\n"
        "`stale-article`, [`expired-article`](expired-article.md), [`invalid-date`](invalid-date.md) and [`unreviewed-change`](unreviewed-change.md).\n"
        "Set them here, once.\n"
        "\n"
        "For example, release notes need a review every month, and Microsoft Learn articles use `ms.date`:\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.stale-article]\n"
        "review_field = \"ms.date\"\n"
        "date_format = \"%m/%d/%Y\"\n"
        "owner_field = \"ms.author\"\n"
        "\n"
        "[[tool.hclint.overrides]]\n"
        "paths = [\"release-notes/**\"]\n"
        "rules = { stale-article = { review_every = \"1m\" } }\n"
        "```"
    ),
    needs_git=True,
    suppress=frontmatter_suppress_text("stale-article"),
    description="The stale-article rule reports an article whose review is due. Its options set the review date field, the interval and the grace period for all freshness rules.",
    tags=("freshness",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Review articles and record reviews", "../reviewing-articles.md"),
        Related("expired-article", "expired-article.md"),
        Related("All rules", "index.md"),
    ),
)

EXPIRED_ARTICLE = Rule(
    name="expired-article",
    summary="The article's review is overdue past the grace period.",
    severity=Severity.ERROR,
    kind="article",
    check=expired,
    what=(
        "The rule works like [`stale-article`](stale-article.md), with one difference.\n"
        "It reports an article only when the review is overdue by more than the grace period.\n"
        "The grace period is 90 days by default.\n"
        "Until then, `stale-article` reports the article as a warning.\n"
        "\n"
        "An article with `evergreen: true` never expires."
    ),
    why=(
        "Nobody has confirmed this article for months past its due date.\n"
        "It is more likely wrong than right.\n"
        "An error fails the check, so the team must decide: review the article, or retire it.\n"
        "AI assistants that answer customers from the help center cannot tell an abandoned article from a kept one.\n"
        "The help center has to tell them."
    ),
    example=Example(
        failing=REVIEWED.format(day="2025-01-10"),
        fixed=REVIEWED.format(day="2026-11-02"),
        today=TODAY,
        intro=f"{TODAY_NOTE}, with the default interval and grace period.\nThis article was last reviewed on 2025-01-10:",
        fixed_intro="Fixed: the owner read it, and recorded the review with `hclint review`.",
    ),
    options_from=LEADER,
    options_notes="Set them there, so all freshness rules agree.",
    needs_git=True,
    suppress=frontmatter_suppress_text("expired-article"),
    description="The expired-article rule reports an article whose review is overdue past the grace period, as an error.",
    tags=("freshness",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Review articles and record reviews", "../reviewing-articles.md"),
        Related("stale-article", "stale-article.md"),
        Related("All rules", "index.md"),
    ),
)

INVALID_DATE = Rule(
    name="invalid-date",
    summary="The review date is not a real date, not in the expected form, or in the future.",
    severity=Severity.ERROR,
    kind="article",
    check=invalid_dates,
    what=(
        "The rule reads the review date field, `last_reviewed` by default.\n"
        "It reports the date at its line when:\n"
        "\n"
        "- the date does not exist, such as `2025-02-30`;\n"
        "- it is not in the form set by `date_format`, such as `23/11/2025` when the form is `YYYY-MM-DD`;\n"
        "- it is in the future;\n"
        "- it is a list or another value that is not a date.\n"
        "\n"
        "It also reports a `review_every` field that is not an interval such as `90d`, `6m` or `1y`."
    ),
    why=(
        "When hclint cannot read a review date, it cannot tell whether the article is fresh.\n"
        "So the article can go stale without a word.\n"
        "A date in the future hides the article from review until that date.\n"
        "AI assistants that answer customers from the help center show these dates as a sign of how current an answer is."
    ),
    example=Example(
        failing=REVIEWED.format(day="2025-02-30"),
        fixed=REVIEWED.format(day="2025-02-28"),
        intro="February has no 30th day:",
    ),
    options_from=LEADER,
    options_notes="It reads `review_field` and `date_format`.\nSet them there.",
    suppress=frontmatter_suppress_text("invalid-date"),
    description="The invalid-date rule reports a review date that is not a real date, not in the expected form, or in the future.",
    tags=("freshness",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Review articles and record reviews", "../reviewing-articles.md"),
        Related("All rules", "index.md"),
    ),
)

UNREVIEWED_CHANGE = Rule(
    name="unreviewed-change",
    summary="The article's body changed after its last review.",
    severity=Severity.WARNING,
    kind="article",
    check=unreviewed_changes,
    what=(
        "The rule reads the git history of the help center.\n"
        "It reports an article whose body changed in a commit written after its review date.\n"
        "The message gives the date and the commit of the change, the review date and the owner.\n"
        "\n"
        "- Only the body counts. A commit that changes only the frontmatter, such as new tags, is not a change to review.\n"
        "- A commit that changes the body and the review date together counts as reviewed.\n"
        "- A renamed article keeps its history.\n"
        "- The date of a commit is its author date: the day the change was written.\n"
        "\n"
        "hclint runs `git log` once for the whole help center, not once for each article.\n"
        "Outside a git repository, the rule finds nothing.\n"
        "Changes that are not committed yet do not count."
    ),
    why=(
        "A review date vouches for the text that the owner read.\n"
        "A later edit, perhaps a quick fix by someone outside the team, has not been checked by the owner.\n"
        "Yet the date still says that the article is fresh.\n"
        "AI assistants that answer customers from the help center trust that date."
    ),
    example=Example(
        path="content/refunds.md",
        failing=REFUND.format(day=REVIEWED_ON, days="ten"),
        fixed=REFUND.format(day=TODAY, days="ten"),
        setup=GitHistory("content/refunds.md", (
            (REVIEWED_ON, REFUND.format(day=REVIEWED_ON, days="five")),
            (CHANGED_ON, REFUND.format(day=REVIEWED_ON, days="ten")),
        )),
        intro="This rule reads history, not text, so the example is a story.\n\n"
        f"1. On {REVIEWED_ON}, the owner reviews the article and sets `last_reviewed: {REVIEWED_ON}`.\n"
        f'2. On {CHANGED_ON}, a colleague changes "five days" to "ten days" in the body and commits it.',
        fixed_intro="To fix it, the owner reads the change.\n"
        "Then they run `hclint review content/refunds.md` and commit the new date.",
    ),
    options_from=LEADER,
    options_notes="It reads `review_field` and `date_format`.\nSet them there.",
    needs_git=True,
    suppress=frontmatter_suppress_text("unreviewed-change"),
    description="The unreviewed-change rule uses git history to report an article whose body changed after its last review.",
    tags=("freshness", "git"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Review articles and record reviews", "../reviewing-articles.md"),
        Related("stale-article", "stale-article.md"),
        Related("All rules", "index.md"),
    ),
)

RULES = (STALE_ARTICLE, EXPIRED_ARTICLE, INVALID_DATE, UNREVIEWED_CHANGE)
