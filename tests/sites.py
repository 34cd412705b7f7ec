"""Real MkDocs sites in temporary folders, built by the real `mkdocs build` with the hclint plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.conftest import TODAY, write_center

MKDOCS_YML = """\
site_name: Example help center
site_url: https://help.example.com/
docs_dir: content
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
  - hclint{options}
markdown_extensions:
  - admonition
"""


def write_site(root: Path, files: Mapping[str, str], config: Mapping | str = "", plugin: str = "") -> Path:
    """A help center with mkdocs.yml; plugin holds the hclint plugin's options as YAML lines."""
    write_center(root, files, config)
    options = ":\n" + "\n".join(f"      {line}" for line in plugin.splitlines()) if plugin else ""
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(options=options), encoding="utf-8")
    return root


def build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` into root/site, with today pinned so review notices never depend on the date."""
    env = {**os.environ, "HCLINT_TODAY": TODAY, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(root / "site"), *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
