"""What an external link answered, and the settings of the checker that asked it.

Kept apart from the checker so the rules can name these records without importing asyncio,
which would slow down every run, including those that never go on the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Verdict(str, Enum):
    OK = "ok"
    REDIRECT = "redirect"  # answered, but only after a permanent redirect
    BROKEN = "broken"
    UNREACHABLE = "unreachable"  # timeouts, resets and server errors that persisted
    NOT_CHECKED = "not-checked"  # the host kept asking us to slow down
    SKIPPED = "skipped"  # a private address: never requested, never cached


@dataclass(frozen=True)
class LinkResult:
    verdict: Verdict
    detail: str  # why, in a few words: "404 Not Found", "connection refused"
    status: int | None = None
    final_url: str | None = None  # where the permanent redirects lead


@dataclass(frozen=True)
class Settings:
    timeout: float = 10.0  # seconds, for one request
    max_concurrency: int = 64
    max_per_host: int = 4
    min_interval: float = 0.05  # seconds between the starts of two requests to one host
    max_redirects: int = 10
    retries: int = 2
    backoff: float = 1.0  # the first wait before a retry; doubled at each retry
    max_wait: float = 30.0  # the longest single wait; a longer Retry-After means "not checked"
    include_private: bool = False
