"""Memos, held to hclint/memo.py: no module-level state outside the few memos that are named,
bounded and say why (issue: no hidden channels between rules, nothing that grows with a help
center in a long `mkdocs serve` process)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hclint
from hclint.memo import bounded

PACKAGE = Path(hclint.__file__).resolve().parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
# The state of a worker process, set once when it starts (engine/workers.py explains both).
PROCESS_STATE = {("engine/workers.py", "_WORKER_JOB"), ("engine/workers.py", "_FORKED")}
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}


def _tree(module: Path) -> ast.Module:
    return ast.parse(module.read_text(encoding="utf-8"))


def _name(module: Path) -> str:
    return module.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_caches_are_made_only_by_hclint_memo(module):
    if _name(module) == "memo.py":
        return
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.ImportFrom) and node.module == "functools":
            assert not {alias.name for alias in node.names} & {"cache", "lru_cache"}, "use hclint.memo.bounded or once"
        if isinstance(node, ast.Attribute) and node.attr in ("cache", "lru_cache") and getattr(node.value, "id", "") == "functools":
            pytest.fail("use hclint.memo.bounded or once")


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_every_memo_says_why(module):
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("bounded", "once") and _name(module) != "memo.py":
            reason = node.args[-1] if node.args else None
            assert isinstance(reason, ast.Constant) and isinstance(reason.value, str) and len(reason.value) > 15, ast.unparse(node)


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_no_module_level_mutable_state(module):
    tree = _tree(module)
    globals_set = {name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names}
    assert {(_name(module), name) for name in globals_set} <= PROCESS_STATE
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and getattr(value.func, "id", "") in MUTABLE_CALLS
        )
        for target in targets:
            name = getattr(target, "id", "")
            # An UPPER_CASE name is a constant the module reads; anything else would be state.
            constant = name.isupper() or (name.startswith("__") and name.endswith("__"))
            assert not (mutable and not constant), f"{_name(module)}: module-level {name} is mutable state"


def test_a_memo_without_a_size_or_a_reason_is_refused():
    with pytest.raises(ValueError):
        bounded(0, "no size")
    with pytest.raises(ValueError):
        bounded(8, " ")
