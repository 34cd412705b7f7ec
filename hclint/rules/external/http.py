"""The external link checker: asynchronous, bounded, polite to every host, headers only.

Each URL gets HEAD first and GET only when HEAD is refused; a response is closed as soon as its
status and headers are in, so no body is ever downloaded. Redirects are followed by hand, so a
loop is seen and a permanent redirect is told apart from a temporary one. The rules import this
module (and so asyncio) only when they run, and aiohttp inside the functions that use it: a
`hclint check` without --external pays for neither.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, AsyncIterator
from urllib.parse import urljoin, urlsplit

from hclint import __version__
from hclint.rules.external.result import LinkResult, Settings, Verdict

if TYPE_CHECKING:
    import aiohttp

HEAD_REFUSED = frozenset({403, 405, 501})  # servers that answer HEAD with these often serve GET
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
GONE = frozenset({404, 410})
RESTRICTED = frozenset({401, 403, 407})  # the page exists; readers sign in to see it
SLOW_DOWN = frozenset({429, 503})


class PrivateAddress(OSError):
    """The host resolves only to loopback, private or link-local addresses."""


@dataclass(frozen=True)
class _Answer:
    status: int
    reason: str
    location: str | None
    retry_after: str | None


def is_private(address: str) -> bool:
    """Loopback, private, link-local and other non-public addresses, including IPv4 inside IPv6."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    return not ip.is_global or ip.is_multicast


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After in seconds: either delta-seconds or an HTTP date (RFC 9110, 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def retry_wait(retry_after: str | None, attempt: int, settings: Settings, now: datetime) -> float | None:
    """Seconds to wait before retry number attempt+1, or None when the server asks for more than
    max_wait: then the polite answer is to give up on the link, not to ask again sooner."""
    asked = retry_after_seconds(retry_after, now)
    if asked is not None:
        return asked if asked <= settings.max_wait else None
    return min(settings.backoff * 2**attempt, settings.max_wait)


def check_urls(
    urls: Iterable[str], settings: Settings, on_done: Callable[[], None] | None = None
) -> dict[str, LinkResult]:
    """Check every URL (without fragment) and return a result for each."""
    unique = sorted(set(urls))
    if not unique:
        return {}
    return asyncio.run(_check_all(unique, settings, on_done or (lambda: None)))


async def _check_all(urls: list[str], settings: Settings, on_done: Callable[[], None]) -> dict[str, LinkResult]:
    import aiohttp

    connector = aiohttp.TCPConnector(
        limit=0,  # the checker's own limits apply; the pool only keeps connections alive
        resolver=_guarded_resolver(settings.include_private),
        ttl_dns_cache=300,
    )
    headers = {"User-Agent": f"hclint/{__version__} (link checker)", "Accept": "*/*"}
    timeout = aiohttp.ClientTimeout(total=settings.timeout)  # for each request, not the whole run
    async with aiohttp.ClientSession(
        connector=connector, headers=headers, timeout=timeout, auto_decompress=False, cookie_jar=aiohttp.DummyCookieJar()
    ) as session:
        checker = _Checker(session, settings, asyncio.Semaphore(settings.max_concurrency), {})

        async def one(url: str) -> tuple[str, LinkResult]:
            result = await checker.check(url)
            on_done()
            return url, result

        return dict(await asyncio.gather(*(one(url) for url in urls)))


def _guarded_resolver(include_private: bool) -> Any:
    from aiohttp.resolver import ThreadedResolver

    class GuardedResolver(ThreadedResolver):
        """Resolves names, then drops private addresses, so no connection (redirects included) reaches one."""

        async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list:
            found = await super().resolve(host, port, family)
            if include_private:
                return found
            public = [entry for entry in found if not is_private(entry["host"])]
            if not public:
                raise PrivateAddress(f"{host} resolves to a private address")
            return public

    return GuardedResolver()


class _Host:
    """One host's share of the run: a few requests at a time, their starts spaced by an interval."""

    def __init__(self, settings: Settings) -> None:
        self.slots = asyncio.Semaphore(settings.max_per_host)
        self.interval = settings.min_interval
        self.booked = 0.0  # the next free start time to book
        self.last_start = float("-inf")
        self.paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Hold back every request to this host: it asked us to (Retry-After) or it is failing."""
        self.paused_until = max(self.paused_until, asyncio.get_running_loop().time() + seconds)

    @asynccontextmanager
    async def turn(self, everyone: asyncio.Semaphore) -> AsyncIterator[None]:
        """A slot of this host, then a slot of all hosts, then the start.

        A request books its start time and waits for it before it takes a slot of all hosts, so
        a host that must be asked slowly never holds up the others. The second wait keeps the
        spacing exact when a crowded run let two requests of this host catch up with each other.
        """
        loop = asyncio.get_running_loop()
        async with self.slots:
            now = loop.time()
            start = max(now, self.booked, self.paused_until)
            self.booked = start + self.interval
            if start > now:
                await asyncio.sleep(start - now)
            async with everyone:
                while (wait := max(self.last_start + self.interval, self.paused_until) - loop.time()) > 0:
                    await asyncio.sleep(wait)
                self.last_start = loop.time()
                yield


@dataclass
class _Checker:
    session: aiohttp.ClientSession
    settings: Settings
    slots: asyncio.Semaphore  # all hosts together
    hosts: dict[str, _Host]

    async def check(self, url: str) -> LinkResult:
        try:
            return await self._follow(url)
        except Exception as error:  # every network failure has to become a finding, never a traceback
            return _failure(error, self.settings)

    async def _follow(self, url: str) -> LinkResult:
        seen = {url}
        current = url
        # Only redirects that are all permanent from the link itself say "update the link".
        permanent: tuple[str, int] | None = None  # (where they lead, the first status)
        all_permanent = True
        for _ in range(self.settings.max_redirects + 1):
            try:
                answer = await self._attempts(current)
            except Exception as error:
                if current != url and _private(error):
                    return LinkResult(Verdict.NOT_CHECKED, f"redirects to a private address, not followed: {current}")
                raise
            if answer.status not in REDIRECTS or not answer.location:
                return _verdict(answer, permanent)
            target = urljoin(current, answer.location).split("#", 1)[0]
            all_permanent = all_permanent and answer.status in PERMANENT
            if all_permanent:
                permanent = (target, permanent[1] if permanent else answer.status)
            if urlsplit(target).scheme not in ("http", "https"):
                return _verdict(_Answer(200, "OK", None, None), permanent)
            if target in seen:
                return LinkResult(Verdict.BROKEN, f"redirect loop: {current} redirects back to {target}", answer.status)
            seen.add(target)
            current = target
        return LinkResult(Verdict.BROKEN, f"more than {self.settings.max_redirects} redirects")

    async def _attempts(self, url: str) -> _Answer:
        """One hop, retried on refusals, resets, timeouts, 429 and 5xx, with capped backoff."""
        host = self._host(url)
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                answer = await self._exchange(url, host)
            except Exception as error:
                if last or not _transient(error):
                    raise
                host.pause(retry_wait(None, attempt, self.settings, _now()) or 0.0)
                continue
            wait = retry_wait(answer.retry_after, attempt, self.settings, _now())
            if (answer.status not in SLOW_DOWN and answer.status < 500) or last or wait is None:
                return answer
            host.pause(wait)  # every request to the host waits: it asked us to, or it is failing
        raise AssertionError("unreachable: the last attempt always returns or raises")

    async def _exchange(self, url: str, host: _Host) -> _Answer:
        answer = await self._request("HEAD", url, host)
        if answer.status in HEAD_REFUSED:
            answer = await self._request("GET", url, host)
        return answer

    async def _request(self, method: str, url: str, host: _Host) -> _Answer:
        name = urlsplit(url).hostname or ""
        if not self.settings.include_private and is_ip_literal(name) and is_private(name):
            raise PrivateAddress(f"{name} is a private address")
        async with host.turn(self.slots):
            # Leaving the block releases the connection without reading the body.
            async with self.session.request(method, url, allow_redirects=False) as response:
                return _Answer(
                    response.status,
                    response.reason or "",
                    response.headers.get("Location"),
                    response.headers.get("Retry-After"),
                )

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        if key not in self.hosts:
            self.hosts[key] = _Host(self.settings)
        return self.hosts[key]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _verdict(answer: _Answer, permanent: tuple[str, int] | None) -> LinkResult:
    label = f"{answer.status} {answer.reason}".strip()
    if answer.status in GONE:
        return LinkResult(Verdict.BROKEN, label, answer.status)
    if answer.status == 429:
        return LinkResult(Verdict.NOT_CHECKED, f"the server keeps asking us to slow down ({label})", answer.status)
    if answer.status >= 500 or (answer.status >= 400 and answer.status not in RESTRICTED):
        return LinkResult(Verdict.UNREACHABLE, f"the server answered {label}", answer.status)
    if permanent is not None:
        return LinkResult(Verdict.REDIRECT, f"permanent redirect ({permanent[1]})", permanent[1], permanent[0])
    return LinkResult(Verdict.OK, label, answer.status)


def _private(error: BaseException) -> bool:
    import aiohttp

    wrapped = isinstance(error, aiohttp.ClientConnectorDNSError) and isinstance(error.os_error, PrivateAddress)
    return wrapped or isinstance(error, PrivateAddress)


def _transient(error: BaseException) -> bool:
    """Failures worth another try: refused or reset connections and timeouts, not bad names."""
    import aiohttp

    if isinstance(error, aiohttp.ClientConnectorDNSError) or isinstance(error, aiohttp.ClientSSLError):
        return False
    return isinstance(error, (aiohttp.ClientConnectionError, asyncio.TimeoutError, ConnectionError))


def _failure(error: BaseException, settings: Settings) -> LinkResult:
    import aiohttp

    if _private(error):
        return LinkResult(Verdict.SKIPPED, "private address")
    if isinstance(error, aiohttp.ClientConnectorDNSError):
        return LinkResult(Verdict.BROKEN, "the host name does not resolve")
    if isinstance(error, aiohttp.ClientSSLError):
        return LinkResult(Verdict.UNREACHABLE, f"TLS failure: {_reason(error)}")
    if isinstance(error, aiohttp.ClientConnectorError) and isinstance(error.os_error, ConnectionRefusedError):
        return LinkResult(Verdict.BROKEN, "connection refused")
    if isinstance(error, asyncio.TimeoutError):
        return LinkResult(Verdict.UNREACHABLE, f"no answer within {settings.timeout:g} s")
    if isinstance(error, (aiohttp.InvalidURL, ValueError)):
        return LinkResult(Verdict.BROKEN, "not a valid URL")
    if isinstance(error, (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, ConnectionError)):
        return LinkResult(Verdict.UNREACHABLE, "the connection was reset")
    return LinkResult(Verdict.UNREACHABLE, _reason(error))


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__

