"""Cache keys: a stored result is found again only when everything it was computed from is the same."""

from __future__ import annotations

from pathlib import Path

import hclint
from hclint.engine.keys import code_files


def test_the_code_in_every_key_covers_the_whole_package():
    # A key that hashed only the engine's own folder would keep serving results computed by the
    # rules' old code after an edit to a rule: a silent wrong answer.
    package = Path(hclint.__file__).resolve().parent
    covered = {path.relative_to(package).as_posix() for path in code_files()}
    modules = {path.relative_to(package).as_posix() for path in package.rglob("*.py") if "__pycache__" not in path.parts}
    assert modules <= covered
    assert {"rules/links/__init__.py", "rules/spelling/__init__.py", "article/markdown.py", "engine/keys.py"} <= covered
    assert any(name.startswith("data/") for name in covered)  # data shapes results too (CMUdict, stop words)


def test_an_edit_to_a_rule_is_never_answered_from_the_cache(tmp_path):
    import json
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import BASIC, TODAY, write_center

    code = tmp_path / "code"
    shutil.copytree(Path(hclint.__file__).resolve().parent, code / "hclint", ignore=shutil.ignore_patterns("__pycache__"))
    center = write_center(tmp_path / "center", {"content/a.md": "No title.\n"}, BASIC)
    env = {**os.environ, "PYTHONPATH": str(code), "HCLINT_TODAY": TODAY}

    def messages() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "hclint", "check", "--format", "json"], cwd=center, env=env,
                              capture_output=True, text=True, timeout=120)
        return [finding["message"] for finding in json.loads(done.stdout)]

    assert messages() == messages()  # the second run answers from the cache
    basics = code / "hclint" / "rules" / "basics.py"
    basics.write_text(basics.read_text(encoding="utf-8").replace("the article has no title", "no title here"), encoding="utf-8")
    assert [m.split(":")[0] for m in messages()] == ["no title here"]
