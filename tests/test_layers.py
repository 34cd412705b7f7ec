"""The layers of pyproject.toml's import-linter contract hold, and would catch a cycle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = Path(sys.executable).with_name("lint-imports")  # import-linter's command, beside this Python
    return subprocess.run([str(command), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_every_import_points_down_the_layers():
    done = _lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_the_cycle_hclint_once_had_breaks_the_contract(tmp_path):
    # Before the layers, config imported the rule record, the rule record the corpus module, and
    # the corpus module config: the index reaching up to the configuration is what broke it.
    shutil.copytree(REPO / "hclint", tmp_path / "hclint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    index = tmp_path / "hclint" / "index.py"
    index.write_text(index.read_text(encoding="utf-8") + "\nfrom hclint.project.config import Config  # noqa\n", encoding="utf-8")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0
    assert "hclint.index -> hclint.project.config" in done.stdout
