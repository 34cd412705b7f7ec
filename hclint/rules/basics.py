"""Rules about whether a file can be read as an article at all, and suppressions."""

from __future__ import annotations

from collections.abc import Iterator

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.rule import Context, Example, Option, Options, Rule

GOOD = "---\ntitle: Reset your password\n---\n\nOpen **Settings** and select **Reset password**.\n"
AI_READER = "AI assistants that answer customers from the help center"


def _loaded(rule_name: str):
    def check(article: Article, options: Options, context: Context) -> Iterator[Problem]:
        return article.problems_for(rule_name)

    return check


def missing_title(article: Article, options: Options, context: Context) -> Iterator[Problem]:
    # Nothing to say when the file could not be read or its frontmatter is broken: other rules said it.
    unreadable = not article.source.strip() or any(article.problems_for("frontmatter-invalid"))
    if article.title is None and not unreadable and not _nav_title(article, context):
        yield Problem(1, 1, "the article has no title: add `title:` to the frontmatter or start with a `# Heading`")


def _nav_title(article: Article, context: Context) -> str | None:
    from hclint.project.site import (
        load_site,  # reads mkdocs.yml once per process, only for untitled pages
    )

    return load_site(context.mkdocs_file).nav_title(article.content_path)


ENCODING = Rule(
    name="encoding",
    summary="The file is not UTF-8 text.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("encoding"),
    what="Reports a file whose bytes are not valid UTF-8, with the byte offset of the first bad byte, "
    "and a binary file (one holding NUL bytes) that carries a Markdown name.",
    why="MkDocs reads every page as UTF-8. A page saved in another encoding shows broken characters "
    f"to readers, or stops the build. {AI_READER} read the same broken characters and may quote them.",
    example=Example(failing=b"# Caf\xe9 opening hours\n", fixed="# Café opening hours\n"),
    suppress=(
        "For a bad byte in the text, put `<!-- hclint-disable-next-line encoding -->` on the line before "
        "it, or add `hclint: {disable: [encoding]}` to the frontmatter. A binary file has no room for "
        "either: remove it from the content folder, or add it to `exclude` in the settings."
    ),
)

FRONTMATTER_INVALID = Rule(
    name="frontmatter-invalid",
    summary="The YAML frontmatter cannot be read.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("frontmatter-invalid"),
    what="Reports frontmatter that MkDocs and hclint cannot read: YAML that is not valid (a YAML tag "
    "such as `!ENV` included), that is not a mapping of keys to values, that is never closed by a line "
    "holding only `---` or `...`, or whose aliases expand it to more than 10,000 values; frontmatter "
    "MkDocs would show as page text (a fence of four dashes or with a comment, a fence after a blank "
    "line, TOML between `+++` lines, `Audience : internal` at the top); a key that looks like "
    "`audience` or `draft` in another alphabet; and a key written twice, since YAML keeps only the "
    "last. Frontmatter is read exactly as MkDocs reads it.",
    why="When the frontmatter cannot be read, every check that depends on it (title, owner, review "
    "date, audience) silently sees nothing, and MkDocs shows the broken frontmatter as page text. "
    "hclint never publishes such an article: its `audience: internal` may be in the part that could "
    "not be read, so the MkDocs plugin withholds it and stops the build. A few aliases can expand "
    "into billions of values and exhaust memory.",
    example=Example(
        failing="---\ntitle: Refunds: how they work\n---\n\nRefunds take five days.\n",
        fixed="---\ntitle: \"Refunds: how they work\"\n---\n\nRefunds take five days.\n",
    ),
    suppress=(
        "The frontmatter is what is broken, so hclint cannot read an `hclint` key in it, and a comment "
        "cannot go before it. Fix the YAML, or set `\"frontmatter-invalid\" = \"off\"` for its folder in an "
        "override."
    ),
)

UNREADABLE_FILE = Rule(
    name="unreadable-file",
    summary="The file cannot be read.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("unreadable-file"),
    what="Reports a file that exists in the listing of the help center but cannot be read: it vanished "
    "during the run, its permissions forbid reading, or it is a symbolic link that points to itself "
    "or to nothing.",
    why="A page that cannot be read cannot be published or checked. A link that loops usually comes "
    "from a move that went wrong.",
    example=None,
    suppress=(
        "A file that cannot be read has no room for a comment or frontmatter. Fix the file, or add it "
        "to `exclude` in the settings."
    ),
)

FILE_TOO_LARGE = Rule(
    name="file-too-large",
    summary="The file is too large to be an article.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("file-too-large"),
    what="Reports a file larger than `max_kilobytes` and skips its other checks.",
    why="An article of several megabytes is almost always a mistake: a log, an export or a data file "
    "saved with a `.md` name. Readers cannot use it, and it crowds out better sources for "
    f"{AI_READER}.",
    example=Example(
        failing="---\ntitle: Error log\n---\n\n" + "2024-01-01 12:00:00 ERROR request failed\n" * 30,
        fixed="---\ntitle: Error log\n---\n\nSee the logs in the admin console.\n",
        options={"max_kilobytes": 1},
    ),
    options=(Option("max_kilobytes", 2048, "files larger than this are reported and not checked further"),),
    suppress=(
        "hclint does not read a file that is too large, so a comment or frontmatter in it has no "
        "effect. Raise `max_kilobytes` for its folder in an override, or add the file to `exclude`."
    ),
)

EMPTY_ARTICLE = Rule(
    name="empty-article",
    summary="The file is empty.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("empty-article"),
    what="Reports a file with no text at all, or only white space.",
    why="An empty page is a dead end for readers and a broken promise in the navigation. "
    "It usually comes from an unfinished draft or a failed merge.",
    example=Example(failing="\n", fixed=GOOD),
    suppress=(
        "An empty file has no room for a comment or frontmatter. Add it to `exclude` in the settings "
        "if you must keep it."
    ),
)

MISSING_TITLE = Rule(
    name="missing-title",
    summary="The article has no title.",
    severity=Severity.ERROR,
    kind="article",
    check=missing_title,
    what="Reports an article with neither a `title` in its frontmatter, nor a level-one heading, nor a "
    "title given to it by the `nav` of mkdocs.yml.",
    why="The title is what readers see in search results, the navigation and the browser tab. "
    f"{AI_READER} use it to decide which article answers a question, and cite it to the customer.",
    example=Example(
        failing="Open **Settings** and select **Reset password**.\n",
        fixed="# Reset your password\n\nOpen **Settings** and select **Reset password**.\n",
    ),
)

UNUSED_SUPPRESSION = Rule(
    name="unused-suppression",
    summary="A suppression comment suppresses nothing.",
    severity=Severity.WARNING,
    kind="article",
    check=None,  # the engine reports it, once every other rule has run
    what="Reports an `hclint-disable`, `hclint-disable-next-line` comment or a frontmatter "
    "`hclint: {disable: [...]}` entry that hides no finding, including one that names a rule that "
    "does not exist.",
    why="A suppression that outlives its problem hides the next real problem in the same place. "
    "Removing stale suppressions keeps every remaining one meaningful.",
    example=Example(
        failing=GOOD + "\n<!-- hclint-disable-next-line missing-title -->\nAll done.\n",
        fixed=GOOD + "\nAll done.\n",
    ),
)

RULES = (ENCODING, FRONTMATTER_INVALID, UNREADABLE_FILE, FILE_TOO_LARGE, EMPTY_ARTICLE, MISSING_TITLE, UNUSED_SUPPRESSION)
