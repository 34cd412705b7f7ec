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
from datetime import date
from typing import NamedTuple

from hclint.article import Article
from hclint.errors import HclintError
from hclint.findings import Problem, Severity
from hclint.index import Index
from hclint.rule import (
    Context,
    CorpusInput,
    Example,
    Option,
    Options,
    Related,
    Rule,
    Shared,
)
from hclint.rules.external.result import LinkResult, Settings, Verdict

BROKEN_NAME = "external-link-broken"
REDIRECT_NAME = "external-link-redirect"
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
    Option("exclude", (), "web addresses never to check.\n"
           "Each entry is a pattern over the whole address, such as `\"https://intranet.example.com/*\"`.\n"
           "An entry that starts with `re:` is a regular expression, such as `\"re:^https?://[^/]*\\\\.local/\"`."),
    Option("timeout", 10.0, "seconds to wait for one answer."),
    Option("max_concurrency", 64, "requests in flight at once, for all sites together."),
    Option("max_per_host", 4, "requests in flight at once to one site."),
    Option("min_interval", 0.05, "seconds between the starts of two requests to the same site."),
    Option("max_redirects", 10, "redirects to follow before the link counts as broken."),
    Option("retries", 2, "further tries after a refused or reset connection, a timeout, a `429` or a `5xx` answer."),
    Option("backoff", 1.0, "seconds to wait before the first retry, when the server does not say how long in `Retry-After`. "
           "The wait doubles at each retry."),
    Option("max_wait", 30.0, "the longest wait before a retry. "
           "When a server asks for a longer wait, hclint does not ask it again in this run."),
    Option("ttl_good_hours", 24.0, "hours to trust a link that worked."),
    Option("ttl_failure_hours", 1.0, "hours to trust a failure before asking again."),
)

HEADER = "---\ntitle: Ask for a refund\n---\n\n"

EXTERNAL_LINK_BROKEN = Rule(
    name=BROKEN_NAME,
    summary="An external link leads nowhere.",
    severity=Severity.ERROR,
    kind="corpus",
    check=check_broken,
    shared=ANSWERS,
    what=(
        "The rule asks each `http` and `https` link and image for its headers.\n"
        "It never downloads the page itself.\n"
        "\n"
        "It reports an **error** when:\n"
        "\n"
        "- the server answers `404 Not Found` or `410 Gone`,\n"
        "- the host name does not exist,\n"
        "- the server refuses the connection, even after retries,\n"
        "- the redirects go round in a loop, or there are more than `max_redirects` of them.\n"
        "\n"
        "It reports a **warning** when:\n"
        "\n"
        "- the server does not answer within `timeout` seconds,\n"
        "- the connection is reset, or the server keeps answering with an error such as `500` or `503`,\n"
        "- the server keeps answering `429 Too Many Requests`. The link is then \"not checked\". It is never called broken.\n"
        "\n"
        "A server that answers `401` or `403` is fine: the page exists, and readers sign in to see it.\n"
        "\n"
        "Links to your own machine or a private network, such as `http://localhost:8000` or `http://10.0.0.5`, are not checked.\n"
        "Use `--include-private` to check them, for example on a staging site."
    ),
    why=(
        "A dead link breaks the promise of the sentence around it.\n"
        "The reader who selects it is stuck.\n"
        "AI assistants that answer customers from the help center pass such links on to customers.\n"
        "The customers then meet the same dead end, with less context."
    ),
    example=Example(
        failing=HEADER + "Read the [refund policy](https://example.com/old-refund-policy) first.\n",
        fixed=HEADER + "Read the [refund policy](https://example.com/refund-policy) first.\n",
        answers={"https://example.com/old-refund-policy": (404, ""), "https://example.com/refund-policy": (200, "")},
        intro="This article breaks the rule, because the old page is gone:",
    ),
    options=OPTIONS,
    options_notes=(
        "These options also apply to [external-link-redirect](external-link-redirect.md).\n"
        "\n"
        "In an override for a folder, only `exclude` and the severity take effect.\n"
        "The other options are read from the top-level settings, because one run makes one pass over the network.\n"
        "\n"
        "```toml\n"
        "[tool.hclint.rules.\"external-link-broken\"]\n"
        "exclude = [\"https://intranet.example.com/*\"]\n"
        "timeout = 20.0\n"
        "```"
    ),
    needs_network=True,
    facts=external_links,
    suppress=(
        "For one line, put `<!-- hclint-disable-next-line external-link-broken -->` on the line before it.\n"
        "For a passage, wrap it in `<!-- hclint-disable external-link-broken -->` and `<!-- hclint-enable -->`.\n"
        "For a whole article, add `hclint: {disable: [external-link-broken]}` to its frontmatter.\n"
        "For a site that you never want checked, add it to `exclude`."
    ),
    description="The external-link-broken rule reports a link to another site that leads nowhere, when hclint checks external links.",
    tags=("links", "external"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Checking external links", "../external-links.md"),
        Related("external-link-redirect", "external-link-redirect.md"),
        Related("All rules", "index.md"),
    ),
)

EXTERNAL_LINK_REDIRECT = Rule(
    name=REDIRECT_NAME,
    summary="An external link redirects permanently to another address.",
    severity=Severity.INFO,
    kind="corpus",
    check=check_redirect,
    shared=ANSWERS,
    what=(
        "The rule reports a link when the server answers with a permanent redirect: `301 Moved Permanently` or `308 Permanent Redirect`.\n"
        "The message names the address that the redirects lead to.\n"
        "\n"
        "Temporary redirects (`302`, `303` and `307`) are not reported, because the old address is still the right one.\n"
        "When a temporary redirect comes first, the link is not reported either.\n"
        "\n"
        "If the link has a fragment, such as `#pricing`, the new address keeps it."
    ),
    why=(
        "A permanent redirect says that the page has moved for good.\n"
        "Old addresses often stop working when a site is rebuilt.\n"
        "Each redirect also slows readers down a little.\n"
        "Linking to the new address keeps the link working.\n"
        "AI assistants that answer customers from the help center quote the address as it is written."
    ),
    example=Example(
        failing=HEADER + "Compare the [plans](https://example.com/pricing-2024) first.\n",
        fixed=HEADER + "Compare the [plans](https://example.com/pricing) first.\n",
        answers={"https://example.com/pricing-2024": (301, "https://example.com/pricing"), "https://example.com/pricing": (200, "")},
        intro="This article breaks the rule, because the page moved for good:",
    ),
    options_notes="Set them there.\nFor example, `exclude` stops both rules from checking an address.",
    needs_network=True,
    facts=external_links,
    options_from=BROKEN_NAME,
    suppress=(
        "For one line, put `<!-- hclint-disable-next-line external-link-redirect -->` on the line before it.\n"
        "For a passage, wrap it in `<!-- hclint-disable external-link-redirect -->` and `<!-- hclint-enable -->`.\n"
        "For a whole article, add `hclint: {disable: [external-link-redirect]}` to its frontmatter.\n"
        "To turn the rule off, set `\"external-link-redirect\" = \"off\"` under `[tool.hclint.rules]`."
    ),
    description="The external-link-redirect rule reports a link to another site that has moved for good, and names the new address.",
    tags=("links", "external"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Checking external links", "../external-links.md"),
        Related("external-link-broken", "external-link-broken.md"),
        Related("All rules", "index.md"),
    ),
)

RULES = (EXTERNAL_LINK_BROKEN, EXTERNAL_LINK_REDIRECT)
