"""The finding: what every rule reports and every reporter prints."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Fix(NamedTuple):
    """An exact edit on one line that `hclint check --fix` may apply: never part of the JSON output.

    original is the text the rule saw there; the edit is skipped when the file no longer has it,
    so a fix can never land on the wrong characters.
    """

    line: int
    column: int  # 1-based, in characters, on the line as read (BOM removed)
    original: str
    replacement: str


class Problem(NamedTuple):
    """What a rule saw, before the engine knows which rule, file and severity it belongs to."""

    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    hint: str | None = None
    fix: Fix | None = None
    # A rule may report one problem below its configured severity (a timeout is less certain than
    # a 404); the configured severity stays the ceiling.
    severity: Severity | None = None


class Finding(NamedTuple):
    path: str
    line: int
    column: int
    end_line: int | None
    end_column: int | None
    rule: str
    severity: Severity
    message: str
    hint: str | None = None
    fix: Fix | None = None  # kept out of every output format: only --fix reads it

    @property
    def text(self) -> str:
        """The message with its hint, as every human-readable format shows it."""
        return self.message + (f" (hint: {self.hint})" if self.hint else "")

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = self._asdict()
        data["severity"] = self.severity.value
        del data["fix"]
        if self.hint is None:
            del data["hint"]
        return data


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: finding.sort_key)
