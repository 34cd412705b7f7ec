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
# Every process a test starts (hclint, mkdocs with the plugin) runs this checkout's code, whatever
# hclint the environment has installed: an editable install of another checkout included.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


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


PUBLISHED_URL = "https://github.com/hclint/hclint"  # where the guide tells users to install hclint from


@pytest.fixture(scope="session")
def release_remote(tmp_path_factory) -> Path:
    """A stand-in for the published repository: a bare clone of this checkout, with the release
    tag the guide names (v + hclint's version) on its HEAD, as the release would tag it."""
    import subprocess

    from hclint import __version__

    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.fail(f"{REPO} must be a git checkout: the documented set-up installs hclint from it")
    remote = tmp_path_factory.mktemp("published") / "hclint.git"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["git", "clone", "-q", "--bare", str(REPO), str(remote)],
                    ["git", "--git-dir", str(remote), "tag", "-f", f"v{__version__}", head.stdout.strip()]):
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
    return remote


def documented_block(article: str, language: str, holding: str) -> str:
    """The first fenced block of that language in a content/ article that holds the given text."""
    import re

    text = (REPO / "content" / article).read_text(encoding="utf-8")
    for match in re.finditer(rf"^```{language}\n(.*?)^```$", text, re.MULTILINE | re.DOTALL):
        if holding in match.group(1):
            return match.group(1)
    raise AssertionError(f"content/{article} has no ```{language} block holding {holding!r}")
