"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from typing import Any

from hclint import __version__
from hclint.findings import Finding, Severity
from hclint.reporters import Output, repository_prefix
from hclint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(output: Output) -> str:
    rules = sorted(output.rules.values(), key=lambda rule: rule.name)
    index = {rule.name: i for i, rule in enumerate(rules)}
    prefix = repository_prefix(output.root)
    run = {
        "tool": {
            "driver": {
                "name": "hclint",
                "version": __version__,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "results": [_result(finding, index, prefix) for finding in output.findings],
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.name,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule.why, "markdown": rule.explain()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _result(finding: Finding, index: dict[str, int], prefix: str) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line:
        region["endLine"] = finding.end_line
    if finding.end_column:
        region["endColumn"] = finding.end_column
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.text},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": prefix + finding.path}, "region": region}}
        ],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result
