"""GitHub Actions workflow commands, which GitHub shows as annotations on the pull request."""

from __future__ import annotations

from hclint.findings import Finding, Severity
from hclint.reporters import Output, repository_prefix

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(output: Output) -> str:
    prefix = repository_prefix(output.root)
    return "".join(_command(finding, prefix) + "\n" for finding in output.findings)


def _command(finding: Finding, prefix: str = "") -> str:
    properties = [("file", prefix + finding.path), ("line", finding.line), ("col", finding.column)]
    if finding.end_line:
        properties.append(("endLine", finding.end_line))
    if finding.end_column:
        properties.append(("endColumn", finding.end_column))
    properties.append(("title", finding.rule))
    joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{_escape_data(finding.text)}"


def _escape_data(text: str) -> str:
    # The escapes GitHub's runner decodes (actions/toolkit, command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
