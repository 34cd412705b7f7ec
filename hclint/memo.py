"""Process-wide memos: the few hclint keeps, each named, bounded, and saying why it exists.

A memo outlives the run that filled it (`mkdocs serve` checks the help center again and again in
one process), so it may hold only what is loaded once and never changes (a dictionary, a parser,
hclint's own code), or a bounded number of values that depend on nothing but their arguments.
What a run computes about the help center lives on the run's objects instead: a rule family's
Shared object, or an Article's views. tests/test_memo.py holds the code to this.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])


def once(why: str) -> Callable[[F], F]:
    """A loader without arguments (or with a handful of possible ones, such as a language) whose
    value is made once a process: a dictionary, a parser, a list of words shipped with hclint."""
    return bounded(64, why)


def bounded(size: int, why: str) -> Callable[[F], F]:
    """The last `size` values of a pure function, kept because the same arguments come back
    (the same dates, settings, patterns) and computing them again would cost measurable time."""
    if size <= 0 or not why.strip():
        raise ValueError("a memo needs a size and a reason")

    def wrap(function: F) -> F:
        memoised = lru_cache(maxsize=size)(function)
        memoised.memo_why = why  # type: ignore[attr-defined]
        return memoised  # type: ignore[return-value]

    return wrap
