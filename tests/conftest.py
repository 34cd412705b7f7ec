"""Shared helpers: real help centers in temporary folders, and the real CLI run on them."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w
from click.testing import CliRunner

from hclint.cli import main

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TODAY = "2026-11-23"


def write_center(root: Path, files: Mapping[str, str | bytes], config: str | Mapping = "") -> Path:
    """Write a help center: files are paths relative to root; config is the [tool.hclint] body,
    as TOML text or as a mapping."""
    root.mkdir(parents=True, exist_ok=True)
    if isinstance(config, Mapping):
        text = tomli_w.dumps({"tool": {"hclint": dict(config)}})
    else:
        text = f"[tool.hclint]\n{config}\n"
    (root / "pyproject.toml").write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
    return root


@dataclass(frozen=True)
class Result:
    exit_code: int
    output: str
    stderr: str

    @property
    def json(self) -> list[dict]:
        return json.loads(self.output)

    def rules(self) -> list[str]:
        return [finding["rule"] for finding in self.json]


def run_hclint(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run the real CLI in cwd. Tracebacks fail the test: a user must never see one."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), env={"HCLINT_TODAY": TODAY, **(env or {})})
    finally:
        os.chdir(previous)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def only_rules(*names: str, **extra: object) -> dict:
    """Configuration that turns every rule off but these: tests of one feature stay about it."""
    from hclint.rules import registry

    return {"rules": {name: "off" for name in registry() if name not in names}, **extra}


BASIC_RULES = ("encoding", "frontmatter-invalid", "unreadable-file", "file-too-large", "empty-article",
               "missing-title", "unused-suppression")


def basic(**extra: object) -> dict:
    """Only the foundation rules: for tests of the engine, CLI and formats, not of rule families."""
    return only_rules(*BASIC_RULES, **extra)


BASIC = basic()


def shared_or_skip(*parts: str) -> Path:
    """A path in ../shared/: realism tests skip outside CI when it is absent, never in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} is absent (realism test)")
    return path
