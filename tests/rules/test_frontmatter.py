"""The frontmatter schema rules through the real CLI, with the default and a configured schema."""

from __future__ import annotations

from tests.conftest import run_hclint, write_center

SCHEMA = {"frontmatter-missing-field", "frontmatter-field-type", "frontmatter-unknown-field"}
COMPLETE = "title: Refunds\ndescription: How refunds work.\nowner: billing-team\nlast_reviewed: 2026-11-02\n"


def findings(root):
    result = run_hclint(root, "check", "--format", "json", "--fail-on", "info")
    return [(f["rule"], f["line"], f["message"]) for f in result.json if f["rule"] in SCHEMA]


def test_a_complete_article_passes_the_default_schema(tmp_path):
    write_center(tmp_path, {"content/a.md": f"---\n{COMPLETE}tags: [money]\naudience: public\n---\n\nText.\n"})
    assert findings(tmp_path) == []


def test_each_missing_required_field_is_named_with_its_type(tmp_path):
    write_center(tmp_path, {"content/a.md": "---\ntitle: Refunds\ndescription: ''\n---\n\nText.\n"})
    got = findings(tmp_path)
    assert [rule for rule, _, _ in got] == ["frontmatter-missing-field"] * 3
    messages = " | ".join(message for _, _, message in got)
    assert "`description` is missing (a string)" in messages
    assert "`owner` is missing (a string)" in messages
    assert "`last_reviewed` is missing (a date)" in messages
    # An empty field is reported at its own line; an absent one at the frontmatter's first line.
    assert {line for _, line, message in got if "`description`" in message} == {3}
    assert {line for _, line, message in got if "`owner`" in message} == {1}


def test_an_article_without_frontmatter_misses_every_required_field(tmp_path):
    write_center(tmp_path, {"content/a.md": "# Refunds\n\nText.\n"})
    assert len(findings(tmp_path)) == 4


def test_wrong_types_name_the_field_line_and_expected_type(tmp_path):
    text = f"---\n{COMPLETE}tags: money\naudience: everyone\nevergreen: 'yes'\n---\n\nText.\n"
    write_center(tmp_path, {"content/a.md": text.replace("title: Refunds", "title: [Refunds, Returns]")})
    got = sorted(findings(tmp_path), key=lambda f: f[1])
    assert got == [
        ("frontmatter-field-type", 2, "field `title` should be a string, not a list"),
        ("frontmatter-field-type", 6, "field `tags` should be a list of strings, not 'money'"),
        ("frontmatter-field-type", 7, "field `audience` should be one of: public, internal, not 'everyone'"),
        ("frontmatter-field-type", 8, "field `evergreen` should be true or false, not 'yes'"),
    ]


def test_unknown_fields_are_info_and_name_their_line(tmp_path):
    write_center(tmp_path, {"content/a.md": f"---\n{COMPLETE}ower: billing-team\n---\n\nText.\n"})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    got = [f for f in result.json if f["rule"] == "frontmatter-unknown-field"]
    assert [(f["line"], f["severity"]) for f in got] == [(6, "info")]
    assert "`ower`" in got[0]["message"]


def test_a_configured_schema_with_dotted_names_patterns_and_enumerations(tmp_path):
    schema = {
        "required": ["title", "ms.date", "date.updated"],
        "optional": ["ms.*", "author"],
        "types": {"title": "string", "ms.date": "date", "date.updated": "date", "ms.topic": "how-to|concept"},
    }
    text = ("---\ntitle: A\nauthor: j\nms.date: 06/13/2024\nms.topic: tutorial\nms.custom: x\n"
            "date:\n  updated: 2024-01-01\ncolour: red\n---\n\nText.\n")
    write_center(tmp_path, {"content/a.md": text}, {"rules": {"frontmatter-missing-field": schema}})
    assert sorted(findings(tmp_path), key=lambda f: f[1]) == [
        ("frontmatter-field-type", 5, "field `ms.topic` should be one of: how-to, concept, not 'tutorial'"),
        ("frontmatter-unknown-field", 9, "field `colour` is not in the schema"),
    ]


def test_a_schema_name_with_pattern_characters_also_matches_itself(tmp_path):
    schema = {"optional": ["x[1]", "step?"]}
    text = f"---\n{COMPLETE}x[1]: a\nstep?: b\nstep2: c\nx2: d\n---\n\nText.\n"  # "x[1]" also covers x1
    write_center(tmp_path, {"content/a.md": text}, {"rules": {"frontmatter-missing-field": schema}})
    assert findings(tmp_path) == [("frontmatter-unknown-field", 9, "field `x2` is not in the schema")]


def test_a_nested_required_field_must_be_nested_or_a_literal_dotted_key(tmp_path):
    schema = {"required": ["date.updated"]}
    write_center(tmp_path, {
        "content/nested.md": "---\ndate:\n  updated: 2024-01-01\n---\nx\n",
        "content/literal.md": "---\ndate.updated: 2024-01-01\n---\nx\n",
        "content/absent.md": "---\ndate:\n  created: 2024-01-01\n---\nx\n",
    }, {"rules": {"frontmatter-missing-field": schema}})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    missing = [f["path"] for f in result.json if f["rule"] == "frontmatter-missing-field"]
    assert missing == ["content/absent.md"]


def test_an_unknown_type_in_the_configuration_is_a_configuration_error(tmp_path):
    write_center(tmp_path, {"content/a.md": "# A\n"}, {"rules": {"frontmatter-missing-field": {"types": {"tags": "array"}}}})
    result = run_hclint(tmp_path, "check")
    assert result.exit_code == 2
    assert "frontmatter-missing-field.types" in result.stderr and "'array'" in result.stderr


def test_broken_yaml_is_reported_once_not_as_missing_fields(tmp_path):
    write_center(tmp_path, {"content/a.md": "---\ntitle: Refunds: how\n---\n\nText.\n"})
    result = run_hclint(tmp_path, "check", "--format", "json", "--fail-on", "info")
    assert "frontmatter-invalid" in result.rules()
    assert findings(tmp_path) == []
