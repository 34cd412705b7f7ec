from hclint.project.globs import matches


def test_gitignore_style_globs():
    assert matches("internal/a.md", ("internal",))
    assert matches("deep/internal/a.md", ("internal",))  # no slash: any depth
    assert not matches("deep/internal/a.md", ("/internal",))
    assert matches("api/v1/x.md", ("api/**",))
    assert matches("api/x.md", ("api/*.md",))
    assert not matches("api/v1/x.md", ("api/*.md",))
    assert matches("a/b/c/x.fr.md", ("**/*.fr.md",))
    assert not matches("billing.md", ("bill",))
