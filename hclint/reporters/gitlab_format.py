"""GitLab Code Quality: a JSON array of issues that GitLab shows in the merge request widget.

GitLab compares the fingerprints of the source and target branches to tell new issues from
fixed ones, so each fingerprint must survive unrelated edits: it is the baseline's fingerprint
(rule, path, text of the line), made unique per occurrence of the same text.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from hclint.filters.baseline import fingerprints
from hclint.findings import Finding, Severity
from hclint.reporters import Output, repository_prefix

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(output: Output) -> str:
    prefix = repository_prefix(output.root)  # GitLab places issues by paths in the repository
    seen: Counter[str] = Counter()
    issues = []
    for finding, base in zip(output.findings, fingerprints(output.findings, output.root)):
        seen[base] += 1
        unique = hashlib.sha256(f"{base}:{seen[base]}".encode()).hexdigest()[:32]
        issues.append(_issue(finding, unique, prefix))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(finding: Finding, fingerprint: str, prefix: str) -> dict[str, Any]:
    return {
        "description": finding.text,
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": prefix + finding.path, "lines": {"begin": finding.line}},
    }
