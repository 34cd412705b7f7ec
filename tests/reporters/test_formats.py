"""Every output format on the same findings: JSON keys, GitHub commands, SARIF against its schema."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest

from tests.conftest import BASIC, SHARED, run_hclint, write_center

KEYS = ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message"]
FILES = {
    "content/a.md": "No title, and 100% odd: text,\n",
    "content/b.md": "---\ntitle: [unclosed\n---\n",
    "content/c.md": "---\ntitle: T\n---\n<!-- hclint-disable-next-line encoding -->\nText.\n",
}


@pytest.fixture
def center(tmp_path):
    return write_center(tmp_path, FILES, BASIC)


def test_json_has_exactly_the_contract_keys_in_stable_order(center):
    findings = run_hclint(center, "check", "--format", "json").json
    assert [list(f) for f in findings] == [KEYS] * 3
    assert [(f["path"], f["rule"], f["severity"]) for f in findings] == [
        ("content/a.md", "missing-title", "error"),
        ("content/b.md", "frontmatter-invalid", "error"),
        ("content/c.md", "unused-suppression", "warning"),
    ]
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in findings)


def test_json_includes_hint_only_when_present(tmp_path):
    write_center(tmp_path, {"content/a.md": b"# Caf\xe9\n"}, BASIC)
    (finding,) = run_hclint(tmp_path, "check", "--format", "json").json
    assert finding["hint"] == "save the file as UTF-8"


def test_github_workflow_commands(center):
    lines = run_hclint(center, "check", "--format", "github").output.splitlines()
    assert lines[0].startswith("::error file=content/a.md,line=1,col=1,title=missing-title::")
    assert lines[1].startswith("::error file=content/b.md,line=3,")
    assert lines[2].startswith("::warning file=content/c.md,line=4,col=1,title=unused-suppression::")
    assert len(lines) == 3


def test_github_escapes_data_and_properties():
    from hclint.findings import Finding, Severity
    from hclint.reporters.github_format import _command

    finding = Finding("a,b:c.md", 1, 1, None, None, "r", Severity.INFO, "100%\nnext")
    assert _command(finding) == "::notice file=a%2Cb%3Ac.md,line=1,col=1,title=r::100%25%0Anext"


def _sarif_schema():
    path = SHARED / "schemas" / "sarif-2.1.0.json"
    return json.loads(path.read_text()) if path.exists() else None


def test_sarif_validates_against_the_schema(center):
    schema = _sarif_schema()
    if schema is None:
        pytest.skip("../shared/schemas is absent")
    log = json.loads(run_hclint(center, "check", "--format", "sarif").output)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"missing-title", "frontmatter-invalid", "unused-suppression"}
    for descriptor in rules:
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert descriptor["help"]["markdown"].startswith("# " + descriptor["id"])
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [("missing-title", "error"), ("frontmatter-invalid", "error"), ("unused-suppression", "warning")]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_uris_are_relative_to_the_repository_root(tmp_path):
    project = write_center(tmp_path / "docs-site", {"content/a.md": "text\n"}, BASIC)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    log = json.loads(run_hclint(project, "check", "--format", "sarif").output)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs-site/content/a.md"


def test_text_summary_counts_each_severity(center):
    assert run_hclint(center, "check").output.splitlines()[-1] == "2 errors, 1 warning in 3 articles"


def test_github_paths_are_relative_to_the_repository_root(tmp_path):
    project = write_center(tmp_path / "docs-site", {"content/a.md": "text\n"}, BASIC)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    line = run_hclint(project, "check", "--format", "github").output.splitlines()[0]
    assert line.startswith("::error file=docs-site/content/a.md,line=1,")


@pytest.mark.parametrize("cwd, shown", [
    (".", ["content/a.md", "content/guides/b.md", "content/guides/deep/c.md"]),
    ("content/guides", ["../a.md", "b.md", "deep/c.md"]),
    ("content/guides/deep", ["../../a.md", "../b.md", "c.md"]),
])
def test_text_paths_are_relative_to_the_working_folder(tmp_path, cwd, shown):
    files = {"content/a.md": "text\n", "content/guides/b.md": "text\n", "content/guides/deep/c.md": "text\n"}
    project = write_center(tmp_path, files, BASIC)
    result = run_hclint(project / cwd, "check")  # the configuration is found upwards
    assert sorted({line.split(":")[0] for line in result.output.splitlines()[:-1]}) == shown
