"""Configuration: where it is found, how it is validated, how folders override it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hclint.project.config import load_config
from hclint.errors import HclintError
from hclint.findings import Severity
from hclint.rules import registry
from tests.conftest import basic, run_hclint, write_center


def _load(cwd: Path):
    return load_config(cwd, registry())


def test_pyproject_is_found_walking_up(tmp_path):
    write_center(tmp_path, {}, 'content = "docs"\n')
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    config = _load(tmp_path / "docs" / "deep")
    assert config.root == tmp_path.resolve()
    assert config.content == (tmp_path / "docs").resolve()


def test_hclint_toml_wins_over_pyproject(tmp_path):
    write_center(tmp_path, {}, 'content = "from-pyproject"\n')
    (tmp_path / "hclint.toml").write_text('content = "from-hclint-toml"\n')
    assert _load(tmp_path).content.name == "from-hclint-toml"


def test_content_root_falls_back_to_mkdocs_docs_dir_then_content(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: help\n")
    assert _load(tmp_path).content == (tmp_path / "help").resolve()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    assert _load(tmp_path).content == (tmp_path / "docs").resolve()  # MkDocs's own default
    (tmp_path / "mkdocs.yml").unlink()
    assert _load(tmp_path).content == (tmp_path / "content").resolve()


def test_mkdocs_env_tags_are_understood(tmp_path, monkeypatch):
    monkeypatch.setenv("HELP_DIR", "from-env")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: !ENV [HELP_DIR, fallback]\n")
    assert _load(tmp_path).content.name == "from-env"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('colour = "red"\n', "colour: unknown key"),
        ("exclude = 3\n", "exclude: expected a list of strings"),
        ('[rules]\nno-such-rule = "error"\n', "rules.no-such-rule: unknown rule"),
        ('[rules]\nmissing-title = "loud"\n', "rules.missing-title: expected one of error, warning, info, off"),
        ("[rules.file-too-large]\nmax_kilobytes = \"big\"\n", "rules.file-too-large.max_kilobytes: expected integer"),
        ("[rules.file-too-large]\nmax_bytes = 3\n", "rules.file-too-large.max_bytes: unknown option"),
        ('[[overrides]]\npaths = []\n', "overrides[0].paths: an override needs at least one path glob"),
        ('[[overrides]]\npaths = ["a"]\nflavour = 1\n', "overrides[0].flavour: unknown key"),
    ],
)
def test_mistakes_name_the_key_and_the_file(tmp_path, body, expected):
    (tmp_path / "hclint.toml").write_text(body)
    with pytest.raises(HclintError) as raised:
        _load(tmp_path)
    assert str(tmp_path / "hclint.toml") in raised.value.message
    assert expected in raised.value.message


def test_invalid_toml_and_bad_mkdocs_exit_2_in_one_line(tmp_path):
    (tmp_path / "hclint.toml").write_text("content = \n")
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "invalid TOML" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (tmp_path / "hclint.toml").unlink()
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n")
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2 and "cannot read MkDocs configuration" in result.stderr


def test_missing_content_root_is_a_configuration_error(tmp_path):
    (tmp_path / "hclint.toml").write_text('content = "nowhere"\n')
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_overrides_apply_per_folder_in_order(tmp_path):
    (tmp_path / "hclint.toml").write_text(
        '[rules]\nmissing-title = "warning"\n'
        '[rules.file-too-large]\nmax_kilobytes = 100\n'
        '[[overrides]]\npaths = ["internal/**"]\nlang = "fr"\n'
        '[overrides.rules]\nmissing-title = "off"\nfile-too-large = { max_kilobytes = 5 }\n'
        '[[overrides]]\npaths = ["internal/strict/*.md"]\n'
        '[overrides.rules]\nmissing-title = "error"\n'
    )
    config = _load(tmp_path)
    public = config.settings_for("billing/refunds.md")
    assert public.rules["missing-title"].severity is Severity.WARNING
    assert public.rules["file-too-large"].options == {"max_kilobytes": 100}
    assert public.lang == "en"
    internal = config.settings_for("internal/notes/a.md")
    assert internal.rules["missing-title"].severity is None
    assert internal.rules["file-too-large"].options == {"max_kilobytes": 5}
    assert internal.lang == "fr"
    assert config.settings_for("internal/strict/a.md").rules["missing-title"].severity is Severity.ERROR


def test_override_changes_what_check_reports(tmp_path):
    config = basic(overrides=[{"paths": ["drafts"], "rules": {"missing-title": "off"}}])
    write_center(tmp_path, {"content/drafts/a.md": "text\n", "content/b.md": "text\n"}, config)
    assert run_hclint(tmp_path, "check", "--format", "json").rules() == ["missing-title"]


def test_exclude_globs_skip_files(tmp_path):
    config = basic(exclude=["snippets/**", "*.draft.md"])
    files = {
        "content/snippets/x/a.md": "t\n",
        "content/b.draft.md": "t\n",
        "content/sub/c.draft.md": "t\n",
        "content/sub/snippets/kept.md": "t\n",
        "content/sub/d.md": "t\n",
    }
    write_center(tmp_path, files, config)
    result = run_hclint(tmp_path, "check", "--format", "json")
    assert [f["path"] for f in result.json] == ["content/sub/d.md", "content/sub/snippets/kept.md"]
