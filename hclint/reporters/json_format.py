"""An array of findings with exactly the keys of the contract, in path, line, column, rule order."""

from __future__ import annotations

import json

from hclint.reporters import Output


def render(output: Output) -> str:
    return json.dumps([finding.as_json() for finding in output.findings], indent=2, ensure_ascii=False) + "\n"
