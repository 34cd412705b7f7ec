"""The engine: the one place that knows articles, rules, configuration, cache and filters together.

The CLI and the MkDocs plugin both call check(); neither runs a rule itself.
"""

from hclint.engine.check import Report, Run, check

__all__ = ["Report", "Run", "check"]
