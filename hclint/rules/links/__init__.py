"""Internal links, anchors, images and the nav, resolved exactly as MkDocs resolves them.

All seven rules are corpus rules: a link is only broken with respect to the whole help center.
Where each link leads is worked out once per run by hclint.rules.links.resolver; the rules here decide what
is worth reporting and say it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from hclint.article.markdown import Link
from hclint.findings import Problem, Severity
from hclint.project.site import INDEX_NAMES, NavEntry, Site
from hclint.rule import (
    Context,
    CorpusInput,
    Example,
    Related,
    Rule,
    fenced,
    suppress_text,
)
from hclint.rules.links.resolver import (
    LINKS,
    OUTSIDE,
    Kind,
    Resolver,
    Target,
    anchor_facts,
    closest,
)

PAGE_SUFFIXES = ("", ".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".html", ".htm")  # anything else is a file to download


# ---- messages --------------------------------------------------------------------------------


def _relative(path: str, source: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(source) or ".")


def _hint(suggestion: str | None, source: str) -> str | None:
    return f"did you mean `{_relative(suggestion, source)}`?" if suggestion else None


def _is_file_link(link: Link, target: Target) -> bool:
    return link.image or posixpath.splitext(target.path)[1].lower() not in PAGE_SUFFIXES


def _missing(resolve: Resolver, source: str, link: Link, target: Target, what: str) -> Problem:
    if target.kind is Kind.CASE:
        message = f"{what} `{unquote(link.target)}`: the file is named `{target.detail}`; the case differs, which breaks on Linux hosts"
        return Problem(link.line, link.column, message, hint=f"write `{_relative(target.detail, source)}`")
    reason = target.detail or f"there is no `{target.path}` in the content root"
    file = _is_file_link(link, target)
    suggestion = target.fix or (None if target.detail else (resolve.closest_file if file else resolve.closest_page)(target.path))
    verb = "is missing" if file else "leads nowhere"
    return Problem(link.line, link.column, f"{what} `{unquote(link.target)}` {verb}: {reason}", hint=_hint(suggestion, source))


def _broken(resolve: Resolver, targets: frozenset[str], files: bool, what: Callable[[Link], str]) -> Iterator[tuple[str, Problem]]:
    for source in sorted(targets):
        for link, target in resolve.links_of(source):
            if target.kind in (Kind.MISSING, Kind.CASE) and _is_file_link(link, target) == files:
                yield source, _missing(resolve, source, link, target, what(link))


# ---- the rules -------------------------------------------------------------------------------


def broken_link(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    return _broken(run.shared, run.targets, files=False, what=lambda link: "the link to")


def missing_image(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    return _broken(run.shared, run.targets, files=True, what=lambda link: "the image" if link.image else "the file")


def broken_anchor(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    for source in sorted(run.targets):
        for link, target in resolve.links_of(source):
            if target.kind is not Kind.PAGE or not target.fragment:
                continue
            ids = resolve.anchors(target.path)
            fragment = target.fragment
            if ids is None or fragment in ids or unquote(fragment) in ids or _not_an_id(fragment):
                continue
            yield source, _anchor_problem(link, target, source, ids)


def _not_an_id(fragment: str) -> bool:
    # #top scrolls to the top in every browser; #tab/name is DocFX's tab syntax, not a link.
    return fragment.lower() == "top" or fragment.startswith("tab/")


def _anchor_problem(link: Link, target: Target, source: str, ids: frozenset[str]) -> Problem:
    page = "this page" if target.path == source else f"`{_relative(target.path, source)}`"
    # Links are stored percent-encoded (as markdown-it normalizes them); writers wrote them decoded.
    message = f"the link `{unquote(link.target)}` leads nowhere on the page: {page} has no heading or element with the id `{unquote(target.fragment)}`"
    found = closest(unquote(target.fragment), sorted(ids), 60)
    page_part = unquote(link.target).split("#", 1)[0]
    hint = f"did you mean `{page_part}#{found}`?" if found else None
    return Problem(link.line, link.column, message, hint=hint)


def internal_link_from_public(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    for source in sorted(run.targets):
        if source in resolve.private:
            continue
        entry = run.index.entries[source]
        for link in (*entry.links, *entry.facts.get(INTERNAL_LINK_FROM_PUBLIC.name, ())):
            page = next((p for p in resolve.reaches(source, link.target) if p != source and resolve.withheld(p)), None)
            if page is not None:
                reason = resolve.withheld(page).reason  # type: ignore[union-attr]
                message = f"this public article links to `{unquote(link.target)}`, which is not published ({reason})"
                yield source, Problem(link.line, link.column, message, hint="link to a public article, or remove the link")
    yield from _private_nav_entries(resolve, run.context)


def _private_nav_entries(resolve: Resolver, context: Context) -> Iterator[tuple[str, Problem]]:
    site = resolve.site
    if site.nav is None or site.mkdocs_file is None:
        return
    shown = _project_path(site.mkdocs_file, context)
    for entry in site.nav:
        pages = resolve.reaches("", entry.target) if entry.is_link else (posixpath.normpath(entry.target),)
        page = next((p for p in pages if resolve.withheld(p)), None)
        if page is not None:
            reason = resolve.withheld(page).reason  # type: ignore[union-attr]
            message = f"the nav entry `{entry.target}` leads to an article that is not published ({reason})"
            yield shown, Problem(entry.line, entry.column, message, hint="remove the entry from the nav")


def private_include(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    if resolve.site.snippets is None:
        return
    for source in sorted(run.targets):
        if source in resolve.private:
            continue
        for include in run.index.entries[source].facts.get(PRIVATE_INCLUDE.name, ()):
            found = resolve.private_include(source, include.path)
            if found is not None:
                shown, reason = found
                message = f"this public article includes `{include.path}`, whose text is not published ({shown}: {reason})"
                yield source, Problem(include.line, include.column, message, hint="include a public snippet, or remove the include")
    if resolve.site.mkdocs_file is not None:
        shown = _project_path(resolve.site.mkdocs_file, run.context)
        for name in resolve.site.snippets.auto_append:
            pages = (page for page in sorted(run.index.entries) if page not in resolve.private)
            found = next((f for page in pages if (f := resolve.private_include(page, name))), None)
            if found is not None:
                message = f"`auto_append` adds `{name}` to every page, and its text is not published ({found[0]}: {found[1]})"
                yield shown, Problem(1, 1, message, hint="append a public snippet, or remove it from auto_append")


def folder_meta_invalid(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    for meta in resolve.folder_meta.files:
        if meta.applied and meta.data is None:
            shown = _project_path(run.context.content / meta.path, run.context)
            message = f"the folder metadata cannot be read ({meta.error}): every page below it is withheld from the site"
            yield shown, Problem(meta.line, 1, message, hint="fix the YAML; MkDocs's meta plugin stops the build on it too")


def _project_path(file: Path, context: Context) -> str:
    """Where a finding on a file that is not an article (mkdocs.yml, folder metadata) is reported."""
    return posixpath.relpath(file.as_posix(), context.root.as_posix())


def _published(site: Site, resolve: Resolver, content_path: str) -> bool:
    return not resolve.withheld(content_path) and not site.is_excluded(content_path)


def _is_home(content_path: str) -> bool:
    return content_path in INDEX_NAMES


def not_in_nav(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    site = resolve.site
    if site.nav is None:
        return
    in_nav = {entry.target for entry in site.nav}
    for source in sorted(run.targets):
        if source not in in_nav and _published(site, resolve, source) and not site.is_not_in_nav(source):
            message = "no entry of the nav in mkdocs.yml leads to this article"
            hint = "add it to `nav` in mkdocs.yml, or list it under `not_in_nav` if only links should lead to it"
            yield source, Problem(1, 1, message, hint=hint)


def _reached_by_nav(site: Site, content_path: str) -> bool:
    if site.mkdocs_file is None:
        return False
    if site.nav is None:  # MkDocs lists every page in the nav it builds itself
        return not site.is_not_in_nav(content_path)
    return any(entry.target == content_path for entry in site.nav)


def orphan_article(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    # Every link resolved once pays off for many pages; for the few of a pre-commit run, scanning
    # only the links that name each page is far cheaper.
    few = len(run.targets) * 20 < len(run.index.entries)
    linked = resolve.linked_from_elsewhere if few else (lambda page: bool(resolve.inbound.get(page)))
    for source in sorted(run.targets):
        if _is_home(source) or not _published(resolve.site, resolve, source) or linked(source):
            continue
        if not _reached_by_nav(resolve.site, source):
            yield source, Problem(1, 1, "no other article links to this one and no nav entry leads to it", hint="link to it from a related article, or add it to the nav")


def nav_missing_target(run: CorpusInput) -> Iterator[tuple[str, Problem]]:
    resolve: Resolver = run.shared
    site = resolve.site
    if site.nav is None or site.mkdocs_file is None:
        return
    shown = _project_path(site.mkdocs_file, run.context)
    for entry in site.nav:
        if entry.is_link:
            continue
        target = resolve.lookup(posixpath.normpath(entry.target), entry.target, "", OUTSIDE)
        if target.kind in (Kind.PAGE, Kind.FILE) and target.path == posixpath.normpath(entry.target):
            continue
        yield shown, _nav_problem(resolve, entry, target)


def _nav_problem(resolve: Resolver, entry: NavEntry, target: Target) -> Problem:
    written, line, column = entry.target, entry.line, entry.column
    if target.kind is Kind.CASE:
        return Problem(line, column, f"the nav entry `{written}`: the file is named `{target.detail}`; the case differs", hint=f"write `{target.detail}`")
    reason = target.detail or "no such file in the content root"
    if target.kind is Kind.PAGE:  # a folder: MkDocs wants the file itself
        reason, suggestion = "the nav must name the file, not its folder", target.path
    else:
        suggestion = resolve.closest_page(posixpath.normpath(written))
    return Problem(line, column, f"the nav entry `{written}` is broken: {reason}", hint=f"did you mean `{suggestion}`?" if suggestion else None)


# ---- the records -----------------------------------------------------------------------------

HEAD = "---\ntitle: Refunds\n---\n\n"
BILLING = "---\ntitle: Billing\n---\n\n# Billing\n\n## Payment methods\n\nWe take cards.\n"
INTERNAL = "---\ntitle: Refund policy for agents\naudience: internal\n---\n\nApprove refunds up to 50 euros.\n"
HOME = "---\ntitle: Help center\n---\n\nStart with [Billing](billing.md).\n"
NAV = "site_name: Help center\ndocs_dir: content\nnav:\n  - Home: index.md\n"
SNIPPETS = "docs_dir: content\nmarkdown_extensions:\n  - pymdownx.snippets\n"
META_PLUGIN = "site_name: Help center\ndocs_dir: content\nplugins:\n  - search\n  - meta\n"

BROKEN_LINK = Rule(
    name="broken-link",
    summary="A link points to an article that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=broken_link,
    shared=LINKS,
    what=(
        "The rule follows each link to another article the way MkDocs does when it builds the site.\n"
        "It starts from the folder of the linking article, and needs a `.md` file or a folder with an `index.md` or `README.md`.\n"
        "Site paths such as `/billing/refunds/` must match the address of a page.\n"
        "[Check internal links](../links.md) explains every step, and which links hclint leaves alone because they point outside the help center.\n"
        "\n"
        "When only the case of the link differs from the case of the file, the rule reports it too, and names the real file.\n"
        "Such a link works on Windows and macOS, but breaks on the Linux server that publishes the site.\n"
        "\n"
        "When a file with the same name exists in another folder, or a name is spelled almost the same, the hint suggests it."
    ),
    why=(
        "A broken link is the most visible defect of a help center.\n"
        "The reader gets a 404 page in the middle of a task.\n"
        "A case mismatch works on a laptop and breaks on the server.\n"
        "AI assistants that answer customers from the help center follow links to find the rest of an answer, and cannot."
    ),
    example=Example(
        intro="This article breaks the rule, because `billing.md` is misspelled:",
        failing=HEAD + "See [billing](billng.md) for payment methods.\n",
        fixed=HEAD + "See [billing](billing.md) for payment methods.\n",
        others={"billing.md": BILLING},
    ),
    description="The broken-link rule reports a link to an article, folder or page that does not exist, resolved the way MkDocs resolves it.",
    tags=("links",),
    reviewed=date(2026, 11, 23),
    related=(
        Related("Check internal links", "../links.md"),
        Related("broken-anchor", "broken-anchor.md"),
        Related("missing-image", "missing-image.md"),
        Related("All rules", "index.md"),
    ),
)

BROKEN_ANCHOR = Rule(
    name="broken-anchor",
    summary="A link points to a heading or id that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=broken_anchor,
    shared=LINKS,
    facts=anchor_facts,
    what=(
        "The rule checks the part after `#` in links such as `billing.md#payment-methods` and `#payment-methods`.\n"
        "The page must have an element with that id.\n"
        "\n"
        "hclint computes the ids the way MkDocs will render them:\n"
        "\n"
        "- Each heading gets an id from its text, made by the `slugify` function of the `toc` extension.\n"
        "  hclint uses the function set in `mkdocs.yml`, such as `pymdownx.slugs.slugify`.\n"
        "  Without one, it uses the default of Python-Markdown: `## Payment methods` gets the id `payment-methods`.\n"
        "- A heading that repeats an earlier one gets `_1`, then `_2`, and so on: `payment-methods_1`.\n"
        "- An id written with `attr_list`, such as `## Payment methods {#pay}`, is used as it is.\n"
        "- An `id` attribute on any raw HTML tag, and a `name` attribute on an `<a>` tag, are ids too.\n"
        "\n"
        "A link to `#top` is always fine, because browsers scroll to the top for it.\n"
        "When the page has an id that is spelled almost the same, the hint suggests it."
    ),
    why=(
        "A broken anchor still opens the page, but at the top.\n"
        "The reader must then search for the section.\n"
        "Anchors break without a sound when someone rewords a heading.\n"
        "AI assistants that answer customers from the help center cite sections by their anchor.\n"
        "A dead anchor sends the customer to the wrong place."
    ),
    example=Example(
        intro='This article breaks the rule, because the heading in `billing.md` is "Payment methods", plural:',
        failing=HEAD + "See [payment methods](billing.md#payment-method).\n",
        fixed=HEAD + "See [payment methods](billing.md#payment-methods).\n",
        others={"billing.md": BILLING},
    ),
    options_notes="It reads the `toc` settings of `mkdocs.yml`.",
    description="The broken-anchor rule reports a link to a heading or id that the page does not have.",
    tags=("links",),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Check internal links", "../links.md"),
        Related("broken-link", "broken-link.md"),
        Related("All rules", "index.md"),
    ),
)

MISSING_IMAGE = Rule(
    name="missing-image",
    summary="An image or downloadable file does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=missing_image,
    shared=LINKS,
    what=(
        "The rule checks every image, and every link to a file that is not an article, such as a PDF, a ZIP file or a spreadsheet.\n"
        "The file must exist in the content root.\n"
        "hclint finds it the same way as [broken-link](broken-link.md) finds an article.\n"
        "\n"
        "When the case of the link differs from the case of the file, the rule reports it and names the real file.\n"
        "When the folder holds a file with a name spelled almost the same, the hint suggests it."
    ),
    why=(
        "A missing screenshot leaves a gap exactly where the reader needed to see something.\n"
        "A missing download ends the task.\n"
        "AI assistants that answer customers from the help center lose the context that the image gave."
    ),
    example=Example(
        intro="This article breaks the rule, because the image is named `refund-button.png`:",
        failing=HEAD + "![The refund button](images/refund.png)\n",
        fixed=HEAD + "![The refund button](images/refund-button.png)\n",
        others={"images/refund-button.png": "PNG placeholder\n"},
    ),
    description="The missing-image rule reports an image or a downloadable file that does not exist in the content root.",
    tags=("links", "images"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("Check internal links", "../links.md"),
        Related("broken-link", "broken-link.md"),
        Related("All rules", "index.md"),
    ),
)

NAV_MISSING_TARGET = Rule(
    name="nav-missing-target",
    summary="A nav entry in `mkdocs.yml` names a file that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=nav_missing_target,
    shared=LINKS,
    what=(
        "The rule reads the `nav` of `mkdocs.yml`.\n"
        "Each entry that names a page must name a file in the content root.\n"
        "The rule reports an entry when:\n"
        "\n"
        "- no file has that name,\n"
        "- a file has that name, but with other upper and lower case,\n"
        "- the entry names a folder instead of the file in it,\n"
        "- the file is excluded from the site by `exclude_docs`.\n"
        "\n"
        "Entries that are web addresses, such as `https://status.example.com/`, are not checked.\n"
        "Neither are site paths that start with `/`: MkDocs treats them as links to other sites.\n"
        "\n"
        "The finding is on `mkdocs.yml`, at the line of the entry.\n"
        "It is reported when hclint checks the whole help center, not when it checks only some articles."
    ),
    why=(
        "MkDocs turns such an entry into a link that leads nowhere.\n"
        "Readers select a menu item and get a 404 page.\n"
        "AI assistants that answer customers from the help center read the nav to learn its structure.\n"
        "They see a section with no content."
    ),
    example=Example(
        path="mkdocs.yml",
        intro="This `mkdocs.yml` breaks the rule, because the file is `billing.md`:",
        failing=NAV + "  - Billing: billng.md\n",
        fixed=NAV + "  - Billing: billing.md\n",
        others={"index.md": HOME, "billing.md": BILLING},
    ),
    suppress=(
        "Suppression comments do not work in `mkdocs.yml`.\n"
        "To turn the rule off, set `\"nav-missing-target\" = \"off\"` under `[tool.hclint.rules]`."
    ),
    description="The nav-missing-target rule reports an entry of the nav in mkdocs.yml that names a file that does not exist.",
    tags=("links", "nav"),
    reviewed=date(2026, 11, 23),
    related=(
        Related("Check internal links", "../links.md"),
        Related("not-in-nav", "not-in-nav.md"),
        Related("All rules", "index.md"),
    ),
)

NOT_IN_NAV = Rule(
    name="not-in-nav",
    summary="A public article is missing from the nav.",
    severity=Severity.WARNING,
    kind="corpus",
    check=not_in_nav,
    shared=LINKS,
    what=(
        "When `mkdocs.yml` has a `nav`, the rule reports each public article that no entry of the nav names.\n"
        "\n"
        "These articles are not reported:\n"
        "\n"
        "- articles that are not published: internal articles, drafts, and articles whose frontmatter hclint cannot read with certainty,\n"
        "- articles excluded from the site by `exclude_docs` or `draft_docs`,\n"
        "- articles that match a pattern under `not_in_nav` in `mkdocs.yml`.\n"
        "\n"
        "Without a `nav` in `mkdocs.yml`, MkDocs builds the nav from every page, so the rule reports nothing."
    ),
    why=(
        "An article outside the nav can only be found by search or through a link.\n"
        "Most often, someone added it and then forgot `mkdocs.yml`.\n"
        "AI assistants that answer customers from the help center miss where the article belongs in the structure."
    ),
    example=Example(
        path="mkdocs.yml",
        intro="With this `mkdocs.yml`, the article `content/billing.md` breaks the rule:",
        failing=NAV,
        fixed=NAV + "  - Billing: billing.md\n",
        others={"index.md": HOME, "billing.md": BILLING},
        fixed_intro="Fixed: the nav names the article.",
        outro="When only links should lead to an article, list it under `not_in_nav` instead:\n\n"
        + fenced("not_in_nav: |\n  /billing.md\n", "yaml"),
    ),
    options_notes="It reads `nav`, `not_in_nav`, `exclude_docs` and `draft_docs` in `mkdocs.yml`.",
    suppress=(
        "For a whole article, add `hclint: {disable: [not-in-nav]}` to its frontmatter.\n"
        "For a folder or the whole help center, set `\"not-in-nav\" = \"off\"` under `[tool.hclint.rules]` or in an override.\n"
        "The better way is often `not_in_nav` in `mkdocs.yml`, because MkDocs reads it too."
    ),
    description="The not-in-nav rule reports a public article that no entry of the nav in mkdocs.yml leads to.",
    tags=("links", "nav"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Check internal links", "../links.md"),
        Related("orphan-article", "orphan-article.md"),
        Related("nav-missing-target", "nav-missing-target.md"),
        Related("All rules", "index.md"),
    ),
)

ORPHAN_ARTICLE = Rule(
    name="orphan-article",
    summary="No article links to this one and no nav entry leads to it.",
    severity=Severity.INFO,
    kind="corpus",
    check=orphan_article,
    shared=LINKS,
    what=(
        "The rule reports a public article when both are true:\n"
        "\n"
        "- no other article links to it,\n"
        "- no entry of the nav leads to it.\n"
        "\n"
        "The nav depends on `mkdocs.yml`:\n"
        "\n"
        "- With a `nav`, only the pages it names are in the nav.\n"
        "- Without a `nav`, MkDocs puts every page in the nav, except pages that match `not_in_nav`.\n"
        "- Without `mkdocs.yml`, there is no nav, and only links count.\n"
        "\n"
        "The home page, `index.md` or `README.md` at the top of the content root, is never an orphan.\n"
        "Nor are articles that are never published: internal articles, drafts, and articles whose frontmatter hclint cannot read with certainty."
    ),
    why=(
        "Readers cannot find an orphan article, except by search.\n"
        "It is often out of date, because no one sees it.\n"
        "AI assistants that answer customers from the help center may still quote it, with nothing around it to correct it."
    ),
    # The help center's home page leads to Billing, and the fix is a link from Billing to the orphan.
    example=Example(
        path="content/refunds.md",
        intro="This help center has no `mkdocs.yml`.\nNothing links to `content/refunds.md`:",
        failing=HEAD + "Refunds take five days.\n",
        fixed_path="content/billing.md",
        fixed="---\ntitle: Billing\n---\n\nWe take cards. To get your money back, see [Refunds](refunds.md).\n",
        others={"index.md": HOME, "billing.md": "---\ntitle: Billing\n---\n\nWe take cards.\n"},
        fixed_intro="Fixed: a related article links to it.",
    ),
    suppress=(
        "For a whole article, add `hclint: {disable: [orphan-article]}` to its frontmatter.\n"
        "For a folder or the whole help center, set `\"orphan-article\" = \"off\"` under `[tool.hclint.rules]` or in an override."
    ),
    description="The orphan-article rule reports a public article that no other article links to and no nav entry leads to.",
    tags=("links", "nav"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Check internal links", "../links.md"),
        Related("not-in-nav", "not-in-nav.md"),
        Related("All rules", "index.md"),
    ),
)

INTERNAL_LINK_FROM_PUBLIC = Rule(
    name="internal-link-from-public",
    summary="A public article links to an article that is not published.",
    severity=Severity.ERROR,
    kind="corpus",
    check=internal_link_from_public,
    shared=LINKS,
    facts=lambda article: article.views.html_links,
    what=(
        "An article is not published when:\n"
        "\n"
        "- it has `audience: internal` in its frontmatter;\n"
        "- it is a draft, with `draft: true`;\n"
        "- hclint cannot read its frontmatter with certainty, for example because the YAML is invalid.\n"
        "\n"
        "[Publish the help center with MkDocs](../publishing.md#keep-internal-articles-private) lists every case.\n"
        "\n"
        "The rule reports a link from a public article to an article that is not published.\n"
        "Links between private articles are fine, and so are links from private articles to public ones.\n"
        "\n"
        "Every form of link counts:\n"
        "\n"
        "- a relative link, such as `agents/tone.md`;\n"
        "- a path on the site, such as `/agents/tone/`, or the page's full address on your site;\n"
        "- a link with an anchor, such as `agents/tone.md#tone`;\n"
        "- a reference-style link, such as `[tone][ref]` with `[ref]: agents/tone.md`;\n"
        "- a raw HTML link, such as `<a href=\"agents/tone/\">`, read both as a file path and as the browser reads it from the page's address;\n"
        "- a link to a folder, such as `tone/`;\n"
        "- a Markdown link inside raw HTML, the address of a `<meta http-equiv=\"refresh\">` or of `srcset`, and an `href` set with an attribute list.\n"
        "\n"
        "A link to an article that hclint's settings leave out of the check (`exclude`) counts too: MkDocs still publishes that article, so hclint reads its frontmatter.\n"
        "A nav entry in `mkdocs.yml` that leads to a private article is reported too, on `mkdocs.yml`, whether it names the file or the page's address."
    ),
    why=(
        "Support agents and the AI assistant read internal articles. Customers never see them.\n"
        "On the published site, the link leads nowhere.\n"
        "The sentence around it promises something the reader cannot see.\n"
        "The link may also reveal that internal guidance exists.\n"
        "AI assistants that answer customers from the help center may follow it, and quote internal guidance to a customer.\n"
        "\n"
        "The MkDocs plugin stops the build on such a link, whatever the build mode."
    ),
    example=Example(
        intro="This article breaks the rule, because `policy.md` has `audience: internal`:",
        failing=HEAD + "Agents follow the [refund policy](policy.md).\n",
        fixed=HEAD + "Contact support to ask for a refund.\n",
        others={"policy.md": INTERNAL},
    ),
    suppress=suppress_text("internal-link-from-public") + (
        "\n\n"
        "A suppression hides the finding from `hclint check` only.\n"
        "The MkDocs plugin still stops the build, so that no published page links to a private one."
    ),
    description="The internal-link-from-public rule reports a public article that links to an article that is not published.",
    tags=("links", "audience"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Check internal links", "../links.md"),
        Related("Publish the help center with MkDocs", "../publishing.md#links-to-private-articles"),
        Related("private-include", "private-include.md"),
        Related("All rules", "index.md"),
    ),
)

PRIVATE_INCLUDE = Rule(
    name="private-include",
    summary="A public article includes the text of an article that is not published.",
    severity=Severity.ERROR,
    kind="corpus",
    check=private_include,
    shared=LINKS,
    facts=lambda article: article.includes,
    what=(
        "The rule runs when `mkdocs.yml` turns on the `pymdownx.snippets` extension.\n"
        "That extension copies the text of a file into a page with `--8<--`.\n"
        "\n"
        "The rule reports an include in a public article that pulls in text that is not published:\n"
        "\n"
        "- an internal article, with `audience: internal`;\n"
        "- a draft, with `draft: true`;\n"
        "- any file whose frontmatter says it is not public;\n"
        "- a file with a link that leads, from the page the text lands in, to an article that is not published.\n"
        "\n"
        "Both forms of include count: an inline `--8<-- \"file.md\"`, and a list of files between two `--8<--` lines.\n"
        "So does an include that goes through another snippet.\n"
        "An escaped line, such as `;--8<-- \"file.md\"`, is not an include.\n"
        "\n"
        "hclint finds each file as the extension does, from its `base_path`.\n"
        "The extension reads `base_path` from the folder the build runs in.\n"
        "So `hclint check` tries both the folder of `mkdocs.yml` and the folder you run it from.\n"
        "A file that `auto_append` adds to every page is reported on `mkdocs.yml`.\n"
        "Snippets nested more than 20 deep are reported too: hclint does not follow them, so it cannot tell what they include."
    ),
    why=(
        "An include copies the file's text into the page as MkDocs builds it.\n"
        "The internal article is then published inside the public one, with its frontmatter.\n"
        "Its own page is left out of the site, but its text is not.\n"
        "AI assistants that answer customers from the help center then read internal guidance as public text.\n"
        "\n"
        "The MkDocs plugin stops the build on such an include, whatever the build mode."
    ),
    example=Example(
        intro="With this `mkdocs.yml`:\n\n" + fenced(SNIPPETS, "yaml") + "\n\n"
        "This article breaks the rule, because `content/policy.md` has `audience: internal`:",
        failing=HEAD + "--8<-- \"content/policy.md\"\n",
        fixed=HEAD + "Contact support to ask for a refund.\n",
        others={"policy.md": INTERNAL},
        mkdocs=SNIPPETS,
    ),
    options_notes="It reads the settings of `pymdownx.snippets` in `mkdocs.yml`: `base_path`, `restrict_base_path` and `auto_append`.",
    suppress=suppress_text("private-include") + (
        "\n\n"
        "A suppression hides the finding from `hclint check` only.\n"
        "The MkDocs plugin still stops the build, so that the private text is never published."
    ),
    description="The private-include rule reports a public article that includes the text of an article that is not published.",
    tags=("links", "audience"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Publish the help center with MkDocs", "../publishing.md#snippets"),
        Related("internal-link-from-public", "internal-link-from-public.md"),
        Related("All rules", "index.md"),
    ),
)

FOLDER_META_INVALID = Rule(
    name="folder-meta-invalid",
    summary="A folder metadata file (`.meta.yml`) cannot be read.",
    severity=Severity.ERROR,
    kind="corpus",
    check=folder_meta_invalid,
    shared=LINKS,
    what=(
        "Material for MkDocs has a meta plugin.\n"
        "When `mkdocs.yml` turns it on, a `.meta.yml` file in a folder gives its settings to every page below it.\n"
        "hclint reads these files as the plugin reads them.\n"
        "\n"
        "The rule reports a folder metadata file that is not a YAML mapping of keys to values.\n"
        "The finding is on the file itself, at the line where YAML found the problem.\n"
        "It is reported when hclint checks the whole help center, or when a change touches the file.\n"
        "\n"
        "If the plugin names its files differently, with its `meta_file` setting, the rule checks those files.\n"
        "Without the meta plugin in `mkdocs.yml`, hclint ignores `.meta.yml` files, as MkDocs does."
    ),
    why=(
        "Folder metadata often says who may read a folder, for example `audience: internal`.\n"
        "When the file cannot be read, hclint cannot tell which pages below it may be published.\n"
        "So it leaves all of them out of the site, and the MkDocs build stops.\n"
        "AI assistants that answer customers from the help center lose every page of the folder until the file is fixed."
    ),
    example=Example(
        path="content/team/.meta.yml",
        mkdocs=META_PLUGIN,
        intro="With this `mkdocs.yml`:\n\n" + fenced(META_PLUGIN, "yaml") + "\n\n"
        "this `content/team/.meta.yml` breaks the rule, because the list is never closed:",
        failing="audience: [internal\n",
        fixed="audience: [internal]\n",
    ),
    suppress=(
        "The file is YAML, not an article, so a suppression comment cannot go in it.\n"
        "Fix the file.\n"
        "To turn the rule off, set `\"folder-meta-invalid\" = \"off\"` under `[tool.hclint.rules]`.\n"
        "The build still leaves the pages below the file out of the site."
    ),
    description="The folder-meta-invalid rule reports a folder metadata file (.meta.yml) that cannot be read.",
    tags=("publishing", "audience"),
    reviewed=date(2026, 12, 3),
    related=(
        Related("Publish the help center with MkDocs", "../publishing.md"),
        Related("internal-link-from-public", "internal-link-from-public.md"),
        Related("All rules", "index.md"),
    ),
)

RULES = (
    BROKEN_LINK, BROKEN_ANCHOR, MISSING_IMAGE, NAV_MISSING_TARGET, NOT_IN_NAV, ORPHAN_ARTICLE, INTERNAL_LINK_FROM_PUBLIC,
    PRIVATE_INCLUDE, FOLDER_META_INVALID,
)
