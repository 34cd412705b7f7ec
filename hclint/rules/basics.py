"""Rules about whether a file can be read as an article at all, and suppressions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from hclint.article import Article
from hclint.findings import Problem, Severity
from hclint.rule import Context, Example, Option, Options, Related, Rule, fenced
from hclint.rules.example_setups import SymlinkLoop

GOOD = "---\ntitle: Reset your password\n---\n\nOpen **Settings** and select **Reset password**.\n"


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
    what=(
        "The rule reports a file whose bytes are not valid UTF-8 text.\n"
        "The finding points at the first bad byte, and the message gives its offset from the start of the file.\n"
        "\n"
        "It also reports a binary file with a `.md` name, such as an image or a zip file saved under the wrong name.\n"
        "A file counts as binary when its first 8 KB hold a NUL byte.\n"
        "\n"
        "A UTF-8 file that starts with a byte order mark is fine."
    ),
    why=(
        "MkDocs reads every page as UTF-8.\n"
        "A page saved in another encoding shows broken characters to readers, or it stops the build.\n"
        "AI assistants that answer customers from the help center read the same broken characters, and may quote them."
    ),
    example=Example(
        failing=b"# Caf\xe9 opening hours\n",
        fixed="# Café opening hours\n",
        intro="This article was saved in Latin-1, not UTF-8.\n"
        "In Latin-1 the `é` is one byte, `0xE9`. In UTF-8 it takes two bytes.",
        fixed_intro="Fixed: the same text, saved as UTF-8.\n"
        "Most editors let you choose the encoding when you save.\n"
        "On the command line, `iconv -f latin1 -t utf-8 old.md > new.md` converts a Latin-1 file.",
    ),
    suppress=(
        "For a bad byte in the text, put `<!-- hclint-disable-next-line encoding -->` on the line before it.\n"
        "You can also add `hclint: {disable: [encoding]}` to the frontmatter.\n"
        "\n"
        "A binary file has no room for comments.\n"
        "Remove it from the content folder, or add it to `exclude` in the settings.\n"
        "See [Configuring hclint](../configuring.md#exclude-files)."
    ),
    description="The encoding rule reports a file that is not UTF-8 text, or a binary file with a Markdown name.",
    tags=("files",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

FRONTMATTER_INVALID = Rule(
    name="frontmatter-invalid",
    summary="The YAML frontmatter cannot be read.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("frontmatter-invalid"),
    what=(
        "Frontmatter is the block of YAML between two `---` lines at the top of an article.\n"
        "The rule reports frontmatter that:\n"
        "\n"
        "- is not valid YAML;\n"
        "- is not a set of keys and values, for example a list;\n"
        "- starts with `---` but has no closing `---` or `...`;\n"
        "- MkDocs would show as page text: a fence of four dashes, `--- # a comment`, a fence after a blank line, TOML between `+++` lines, or a line such as `Audience : internal` at the top;\n"
        "- has a key that looks like `audience` or `draft` but is spelled with letters from another alphabet;\n"
        "- uses a YAML tag, such as `!ENV`;\n"
        "- writes the same key twice;\n"
        "- uses YAML aliases, such as `&name` and `*name`, that expand it to more than 10,000 values.\n"
        "\n"
        "The finding points at the line and column where YAML found the problem."
    ),
    why=(
        "When hclint cannot read the frontmatter, every check that needs it sees nothing.\n"
        "That includes the title, the owner, the review date and the audience.\n"
        "When a key is written twice, YAML keeps only the last value, and a writer who reads the first is misled.\n"
        "\n"
        "The MkDocs plugin never publishes an article whose frontmatter it cannot read, because it cannot know the audience.\n"
        "It stops the build instead, so that someone fixes the frontmatter.\n"
        "See [Keep internal articles private](../publishing.md#when-hclint-cannot-tell).\n"
        "\n"
        "Readers may see the raw YAML at the top of the page.\n"
        "AI assistants that answer customers from the help center lose the title and the other facts about the article.\n"
        "\n"
        "MkDocs accepts aliases, so hclint does too.\n"
        "But a few of them can expand into billions of values and use up all the memory, so hclint stops at 10,000."
    ),
    example=Example(
        failing="---\ntitle: Refunds: how they work\n---\n\nRefunds take five days.\n",
        fixed="---\ntitle: \"Refunds: how they work\"\n---\n\nRefunds take five days.\n",
        intro="In YAML, a colon followed by a space starts a new key.\nSo the colon in this title breaks the frontmatter:",
        fixed_intro="Fixed: put the title in double quotes.",
    ),
    suppress=(
        "The frontmatter is what is broken, so hclint cannot read an `hclint` key in it.\n"
        "A comment cannot go before the frontmatter either.\n"
        "Fix the YAML if you can. To skip the rule, change the settings:\n"
        "\n"
        "```toml\n"
        "[[tool.hclint.overrides]]\n"
        "paths = [\"imported/**\"]\n"
        "rules = { frontmatter-invalid = \"off\" }\n"
        "```\n"
        "\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The frontmatter-invalid rule reports YAML frontmatter that hclint cannot read, at the line where YAML found the problem.",
    tags=("frontmatter",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

UNREADABLE_FILE = Rule(
    name="unreadable-file",
    summary="The file cannot be read.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("unreadable-file"),
    what=(
        "The rule reports a Markdown file in the content folder that hclint cannot read. This happens when:\n"
        "\n"
        "- the file was deleted or moved while hclint was running;\n"
        "- its permissions do not allow you to read it;\n"
        "- it is a symbolic link that points to a file that does not exist;\n"
        "- it is a symbolic link that points to itself, or to a loop of links."
    ),
    why=(
        "A page that cannot be read cannot be published or checked.\n"
        "Readers and AI assistants that answer customers from the help center never see it.\n"
        "A link that points nowhere, or loops, usually comes from a move or a rename that went wrong."
    ),
    # The file is a link to itself: failing is what was saved before the link replaced it.
    example=Example(
        path="content/loop.md",
        failing="",
        fixed=GOOD,
        setup=SymlinkLoop("content/loop.md"),
        intro="This rule is about the file on disk, not its text, so it has no text example.\n"
        "Here is a symbolic link that points to itself:\n\n"
        + fenced("ln -s loop.md content/loop.md\nhclint check", "sh"),
        fixed_intro="To fix it, remove the link, or point it at the real article.",
    ),
    suppress=(
        "An unreadable file has no text, so it has no room for comments or frontmatter.\n"
        "Fix the file, or add it to `exclude` in the settings:\n"
        "\n"
        "```toml\n"
        "[tool.hclint]\n"
        "exclude = [\"loop.md\"]\n"
        "```\n"
        "\n"
        "See [Configuring hclint](../configuring.md#exclude-files)."
    ),
    description="The unreadable-file rule reports an article that hclint cannot read from disk, such as a broken symbolic link.",
    tags=("files",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

FILE_TOO_LARGE = Rule(
    name="file-too-large",
    summary="The file is too large to be an article.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("file-too-large"),
    what=(
        "The rule reports a file larger than `max_kilobytes`. The default is 2,048 KB, which is 2 MB.\n"
        "hclint does not read the rest of the file, and runs no other check on it."
    ),
    why=(
        "An article of several megabytes is almost always a mistake.\n"
        "It is usually a log, an export or a data file saved with a `.md` name.\n"
        "Readers cannot use it.\n"
        "It also crowds out better sources for AI assistants that answer customers from the help center."
    ),
    example=Example(
        failing="---\ntitle: Error log\n---\n\n" + "2024-01-01 12:00:00 ERROR request failed\n" * 30,
        fixed="---\ntitle: Error log\n---\n\nSee the logs in the admin console.\n",
        options={"max_kilobytes": 1},
        intro="The default limit would need a very long example, so this one sets a limit of 1 KB:\n\n"
        + fenced("[tool.hclint.rules]\nfile-too-large = { max_kilobytes = 1 }", "toml")
        + "\n\nThis article is a log pasted into a page:",
        fixed_intro="Fixed: the article points to where the logs live instead.",
    ),
    options=(Option("max_kilobytes", 2048, "files larger than this, in kilobytes, are reported and not checked further."),),
    options_notes="Set options as shown in [Configuring hclint](../configuring.md#rule-options).",
    suppress=(
        "hclint does not read a file that is too large, so comments and frontmatter in it have no effect.\n"
        "If a folder really needs larger files, raise the limit for that folder:\n"
        "\n"
        "```toml\n"
        "[[tool.hclint.overrides]]\n"
        "paths = [\"reference/**\"]\n"
        "rules = { file-too-large = { max_kilobytes = 8192 } }\n"
        "```\n"
        "\n"
        "To skip one file, add it to `exclude`.\n"
        "See [Configuring hclint](../configuring.md)."
    ),
    description="The file-too-large rule reports a file too large to be an article, such as a log saved with a Markdown name.",
    tags=("files",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

EMPTY_ARTICLE = Rule(
    name="empty-article",
    summary="The file is empty.",
    severity=Severity.ERROR,
    kind="article",
    check=_loaded("empty-article"),
    what=(
        "The rule reports a file with no text at all.\n"
        "A file that holds only spaces, tabs or blank lines counts as empty too."
    ),
    why=(
        "An empty page is a dead end for readers, and a broken promise in the navigation.\n"
        "AI assistants that answer customers from the help center find nothing in it to answer with.\n"
        "An empty file usually comes from an unfinished draft or a merge that went wrong."
    ),
    example=Example(
        failing="\n",
        fixed=GOOD,
        intro="This file holds one blank line and nothing else:",
        fixed_intro="Fixed: write the article, or delete the file.",
    ),
    suppress=(
        "An empty file has no room for a comment or frontmatter.\n"
        "If you must keep it, add it to `exclude` in the settings:\n"
        "\n"
        "```toml\n"
        "[tool.hclint]\n"
        "exclude = [\"drafts/new-article.md\"]\n"
        "```\n"
        "\n"
        "See [Configuring hclint](../configuring.md#exclude-files)."
    ),
    description="The empty-article rule reports a Markdown file with no text, or only white space.",
    tags=("files",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

MISSING_TITLE = Rule(
    name="missing-title",
    summary="The article has no title.",
    severity=Severity.ERROR,
    kind="article",
    check=missing_title,
    what=(
        "The rule reports an article that has neither of these:\n"
        "\n"
        "- a `title` key in its frontmatter, with some text in it;\n"
        "- a level 1 heading, such as `# Reset your password`;\n"
        "- a title for the page in the `nav` of `mkdocs.yml`, such as `- 'Reset your password': account/reset.md`.\n"
        "\n"
        "One of the three is enough, because MkDocs shows the nav title when a page names none itself.\n"
        "The rule says nothing about an empty file or broken frontmatter.\n"
        "The [`empty-article`](empty-article.md) and [`frontmatter-invalid`](frontmatter-invalid.md) rules report those."
    ),
    why=(
        "The title is what readers see in search results, in the navigation and in the browser tab.\n"
        "AI assistants that answer customers from the help center use it to decide which article answers a question.\n"
        "They also cite it to the customer."
    ),
    example=Example(
        failing="Open **Settings** and select **Reset password**.\n",
        fixed="# Reset your password\n\nOpen **Settings** and select **Reset password**.\n",
        intro="This article starts straight with its text:",
        fixed_intro="Fixed: the article starts with a level 1 heading.\nA `title:` key in the frontmatter would fix it too.",
    ),
    suppress=(
        "The finding is on the first line, so a `hclint-disable-next-line` comment cannot reach it.\n"
        "Add this to the frontmatter instead:\n"
        "\n"
        "```markdown\n"
        "---\n"
        "hclint: {disable: [missing-title]}\n"
        "---\n"
        "```\n"
        "\n"
        "Or put `<!-- hclint-disable missing-title -->` on the first line of an article with no frontmatter.\n"
        "To turn the rule off for a folder, use an override in the settings.\n"
        "See [Configuring hclint](../configuring.md#settings-for-one-folder)."
    ),
    description="The missing-title rule reports an article with no title in its frontmatter and no level 1 heading.",
    tags=("structure",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

UNUSED_SUPPRESSION = Rule(
    name="unused-suppression",
    summary="A suppression comment suppresses nothing.",
    severity=Severity.WARNING,
    kind="article",
    check=None,  # the engine reports it, once every other rule has run
    what=(
        "The rule reports a suppression that hides nothing. That can be:\n"
        "\n"
        "- an `hclint-disable-next-line` comment;\n"
        "- an `hclint-disable` comment;\n"
        "- a rule in the frontmatter `hclint: {disable: [...]}` list.\n"
        "\n"
        "It also reports a suppression that names a rule that does not exist, for example because of a typo.\n"
        "A suppression for a rule that is turned off in the settings hides nothing, so it is reported too."
    ),
    why=(
        "A suppression that outlives its problem can hide the next real problem in the same place.\n"
        "Removing old suppressions keeps every one that is left meaningful.\n"
        "Readers and AI assistants that answer customers from the help center then get text that was really checked."
    ),
    example=Example(
        failing=GOOD + "\n<!-- hclint-disable-next-line missing-title -->\nAll done.\n",
        fixed=GOOD + "\nAll done.\n",
        intro="The article has a title, so the comment has nothing to hide:",
        fixed_intro="Fixed: the comment is gone.",
    ),
    suppress=(
        "Comments cannot hide this rule, because hclint reports it after it applies the comments.\n"
        "To keep the suppressions of one article as they are, add this to its frontmatter:\n"
        "\n"
        "```markdown\n"
        "---\n"
        "hclint: {disable: [unused-suppression]}\n"
        "---\n"
        "```\n"
        "\n"
        "To turn the rule off for a folder or the whole help center, change the settings.\n"
        "See [Configuring hclint](../configuring.md#rule-severity)."
    ),
    description="The unused-suppression rule reports a suppression comment or frontmatter entry that hides no finding.",
    tags=("suppressions",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Suppressing findings", "../suppressing-findings.md#remove-suppressions-you-no-longer-need"),
        Related("All rules", "index.md"),
        Related("Suppressing findings", "../suppressing-findings.md"),
        Related("Configuring hclint", "../configuring.md"),
    ),
)

RULES = (ENCODING, FRONTMATTER_INVALID, UNREADABLE_FILE, FILE_TOO_LARGE, EMPTY_ARTICLE, MISSING_TITLE, UNUSED_SUPPRESSION)
