"""One help center holding every kind of bad input: each gets its finding, the run goes on."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import BASIC, REPO, write_center

ALIAS_BOMB = "---\n" + "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
) + "\n---\n# Bomb\n"


def test_every_bad_input_is_a_finding_and_never_a_traceback(tmp_path):
    files = {
        "content/good.md": "---\ntitle: Good\n---\n\nFine.\n",
        "content/invalid-yaml.md": "---\ntitle: Good\nowner: [docs\n---\nText\n",
        "content/latin1.md": b"# Menu\n\nCaf\xe9 au lait\n",
        "content/binary.md": bytes(range(256)) * 4,
        "content/empty.md": "",
        "content/bomb.md": ALIAS_BOMB,
        "content/huge.md": "# Huge\n\n" + ("All work and no play makes a dull article. " * 24 + "\n") * 20_000,
    }
    write_center(tmp_path, files, BASIC)
    (tmp_path / "content" / "loop.md").symlink_to(tmp_path / "content" / "loop.md")
    (tmp_path / "content" / "vanished.md").symlink_to(tmp_path / "content" / "gone.md")
    assert (tmp_path / "content/huge.md").stat().st_size > 20_000_000

    process = subprocess.run(
        [sys.executable, "-m", "hclint", "check", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(REPO), "HCLINT_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"},
    )
    assert "Traceback" not in process.stderr, process.stderr
    assert process.returncode == 1
    found = {(f["path"].removeprefix("content/"), f["rule"], f["line"]) for f in json.loads(process.stdout)}
    assert found == {
        ("invalid-yaml.md", "frontmatter-invalid", 4),
        ("latin1.md", "encoding", 3),
        ("binary.md", "encoding", 1),
        ("empty.md", "empty-article", 1),
        ("bomb.md", "frontmatter-invalid", 3),
        ("huge.md", "file-too-large", 1),
        ("loop.md", "unreadable-file", 1),
        ("vanished.md", "unreadable-file", 1),
    }
