"""External links: asked over the network, politely, only with `hclint check --external`.

Both rules read one pass over the network: the first of them to run checks every external link
of the articles being reported on, and the other reads its answers from the family's shared
object (Answers), which the engine makes once a run.
"""

from __future__ import annotations

import fnmatch
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import astuple
from typing import NamedTuple

from hclint.article import Article
from hclint.errors import HclintError
from hclint.findings import Problem, Severity
from hclint.index import Index
from hclint.rule import Context, CorpusInput, Example, Option, Options, Rule, Shared
from hclint.rules.external.result import LinkResult, Settings, Verdict

BROKEN_NAME = "external-link-broken"
REDIRECT_NAME = "external-link-redirect"
AI_READER = "AI assistants that answer customers from the help center"
HOUR = 3600.0


class ExternalLink(NamedTuple):
    url: str  # as written in the article
    line: int
    column: int


def external_links(article: Article) -> tuple[ExternalLink, ...]:
    """The article's http(s) links and images: the facts both rules keep in the index."""
    return tuple(
        ExternalLink(link.target, link.line, link.column)
        for link in article.links
        if link.target.lower().startswith(("http://", "https://"))
    )


def _request_url(url: str) -> str:
    return url.split("#", 1)[0]  # fragments never reach the server


def _excluded(url: str, patterns: tuple[str, ...]) -> bool:
    """A pattern is a glob over the whole URL, or a regular expression after `re:`."""
    for pattern in patterns:
        if pattern.startswith("re:"):
            if _regex(pattern[3:]).search(url):
                return True
        elif fnmatch.fnmatchcase(url, pattern):
            return True
    return False


def _regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise HclintError(f"{BROKEN_NAME}: exclude: `re:{pattern}` is not a regular expression: {error}") from None


def _settings(options: Options, context: Context) -> Settings:
    return Settings(
        timeout=float(options["timeout"]),
        max_concurrency=max(1, int(options["max_concurrency"])),
        max_per_host=max(1, int(options["max_per_host"])),
        min_interval=max(0.0, float(options["min_interval"])),
        max_redirects=max(0, int(options["max_redirects"])),
        retries=max(0, int(options["retries"])),
        backoff=max(0.0, float(options["backoff"])),
        max_wait=max(0.0, float(options["max_wait"])),
        include_private=context.include_private,
    )


def _wanted(
    name: str, index: Index, targets: frozenset[str], options_for: Callable[[str], Options]
) -> dict[str, list[ExternalLink]]:
    """Each target article's links that are not excluded, by content path (facts kept under name)."""
    wanted = {}
    for content_path in sorted(targets):
        entry = index.entries.get(content_path)
        if entry is None:
            continue
        patterns = tuple(options_for(content_path)["exclude"])
        wanted[content_path] = [link for link in entry.facts.get(name, ()) if not _excluded(link.url, patterns)]
    return wanted


class Answers:
    """The external family's shared object: what the network answered during this run, so both
    rules read one pass over it (the link cache first, then the network for the rest)."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self._passes: dict[tuple, Mapping[str, LinkResult]] = {}

    @classmethod
    def of(cls, index: Index, context: Context) -> Answers:
        return cls(context)

    def results(self, urls: set[str], options: Options) -> Mapping[str, LinkResult]:
        settings = _settings(options, self.context)
        key = (astuple(settings), self.context.use_cache, frozenset(urls))
        if key not in self._passes:
            self._passes[key] = _check(urls, settings, options, self.context)
        return self._passes[key]


ANSWERS = Shared("external", Answers.of)


def _check(urls: set[str], settings: Settings, options: Options, context: Context) -> dict[str, LinkResult]:
    from hclint.rules.external.cache import LinkCache
    from hclint.rules.external.http import check_urls

    cache = LinkCache(context.root) if context.use_cache else None
    # What a run with --include-private learnt about private addresses must not reach a run
    # without it, which never asks them: the two keep apart in the cache.
    prefix = "private-allowed " if settings.include_private else ""
    try:
        now = time.time()
        stored = cache.get_many([prefix + url for url in urls], now) if cache else {}
        known = {key.removeprefix(prefix): result for key, result in stored.items()}
        missing = sorted(urls - known.keys())
        with _progress(len(missing), context.progress) as advance:
            fresh = check_urls(missing, settings, advance)
        if cache:
            ttl_good, ttl_failure = options["ttl_good_hours"] * HOUR, options["ttl_failure_hours"] * HOUR
            cache.put_many({prefix + url: result for url, result in fresh.items()}, time.time(), ttl_good, ttl_failure)
        return {**known, **fresh}
    finally:
        if cache:
            cache.close()


@contextmanager
def _progress(total: int, shown: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when the run says someone is watching; otherwise nothing."""
    if not (shown and total):
        yield lambda: None
        return
    import click

    with click.progressbar(length=total, label="Checking external links", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _problems(name: str, run: CorpusInput) -> Iterator[tuple[str, ExternalLink, LinkResult]]:
    wanted = _wanted(name, run.index, run.targets, run.options_for)
    urls = {_request_url(link.url) for links in wanted.values() for link in links}
    if not urls:
        return
    results = run.shared.results(urls, run.options_for(""))
    for content_path, links in wanted.items():
        for link in links:
            result = results.get(_request_url(link.url))
            if result is not None:
                yield content_path, link, result


LEVELS = {Verdict.UNREACHABLE: Severity.WARNING, Verdict.NOT_CHECKED: Severity.WARNING}


def check_broken(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    for content_path, link, result in _problems(BROKEN_NAME, run):
        if result.verdict in (Verdict.BROKEN, Verdict.UNREACHABLE):
            message = f"{link.url}: {result.detail}"
        elif result.verdict is Verdict.NOT_CHECKED:
            message = f"{link.url}: not checked: {result.detail}"
        else:
            continue
        end = link.column + len(link.url)
        yield content_path, Problem(link.line, link.column, message, link.line, end, severity=LEVELS.get(result.verdict))


def check_redirect(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    for content_path, link, result in _problems(REDIRECT_NAME, run):
        if result.verdict is Verdict.REDIRECT and result.final_url:
            final = _with_fragment(result.final_url, link.url)
            message = f"{link.url} redirects permanently ({result.status}) to {final}"
            end = link.column + len(link.url)
            yield content_path, Problem(link.line, link.column, message, link.line, end, hint=f"link to {final}")


def _with_fragment(final: str, original: str) -> str:
    fragment = original.partition("#")[2]
    return f"{final}#{fragment}" if fragment and "#" not in final else final


OPTIONS = (
    Option("exclude", (), "URLs never to check: globs over the whole URL (`https://intranet.example.com/*`), "
           "or regular expressions after `re:` (`re:^https?://[^/]*\\.local/`)"),
    Option("timeout", 10.0, "seconds to wait for one answer"),
    Option("max_concurrency", 64, "requests in flight at once, all hosts together"),
    Option("max_per_host", 4, "requests in flight at once to one host"),
    Option("min_interval", 0.05, "seconds between the starts of two requests to the same host"),
    Option("max_redirects", 10, "redirects to follow before the link counts as broken"),
    Option("retries", 2, "further tries after a refused or reset connection, a timeout, a 429 or a 5xx answer"),
    Option("backoff", 1.0, "seconds to wait before the first retry when the server does not say (`Retry-After`); doubled at each retry"),
    Option("max_wait", 30.0, "the longest wait before a retry; a server that asks for longer is not asked again in this run"),
    Option("ttl_good_hours", 24.0, "hours to trust a link that answered well"),
    Option("ttl_failure_hours", 1.0, "hours to trust a failure before asking again"),
)

HEADER = "---\ntitle: Ask for a refund\n---\n\n"

EXTERNAL_LINK_BROKEN = Rule(
    name=BROKEN_NAME,
    summary="An external link leads nowhere.",
    severity=Severity.ERROR,
    kind="corpus",
    check=check_broken,
    shared=ANSWERS,
    what="With `hclint check --external`, asks every `http` and `https` link and image for its headers "
    "(HEAD, then GET when HEAD is refused). An error for 404 and 410 answers, a host name that does not "
    "resolve, a refused connection and a redirect loop. A warning for timeouts, reset connections and "
    "server errors (5xx) that persist after retries, and for a link not checked because the server "
    "kept answering 429 (too many requests). Links to loopback, private-network and link-local "
    "addresses are not asked, unless `--include-private` is given.",
    why="A dead link breaks the promise of the sentence around it: the reader who clicks it is stuck. "
    f"{AI_READER} pass such links on to customers, who then meet the same dead end with less context.",
    example=Example(
        failing=HEADER + "Read the [refund policy](https://example.com/old-refund-policy) first.\n",
        fixed=HEADER + "Read the [refund policy](https://example.com/refund-policy) first.\n",
    ),
    options=OPTIONS,
    needs_network=True,
    facts=external_links,
)

EXTERNAL_LINK_REDIRECT = Rule(
    name=REDIRECT_NAME,
    summary="An external link redirects permanently to another address.",
    severity=Severity.INFO,
    kind="corpus",
    check=check_redirect,
    shared=ANSWERS,
    what="With `hclint check --external`, reports a link whose first answers are permanent redirects "
    "(301 or 308), and names the address they lead to. Temporary redirects (302, 303, 307) are not "
    "reported: the old address is still the right one.",
    why="A permanent redirect says the page has moved for good. Old addresses stop redirecting when "
    "sites are rebuilt, and each redirect slows readers down. Linking to the new address keeps the "
    f"link working. {AI_READER} also quote the address as written.",
    example=Example(
        failing=HEADER + "Compare the [plans](https://example.com/pricing-2024) first.\n",
        fixed=HEADER + "Compare the [plans](https://example.com/pricing) first.\n",
    ),
    needs_network=True,
    facts=external_links,
    options_from=BROKEN_NAME,
)

RULES = (EXTERNAL_LINK_BROKEN, EXTERNAL_LINK_REDIRECT)
