"""Internal links, anchors, images and the nav, resolved exactly as MkDocs resolves them.

All seven rules are corpus rules: a link is only broken with respect to the whole help center.
Where each link leads is worked out once per run by hclint.rules.links.resolver; the rules here decide what
is worth reporting and say it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from hclint.article.markdown import Link
from hclint.findings import Problem, Severity
from hclint.project.site import INDEX_NAMES, NavEntry, Site
from hclint.rule import Context, CorpusInput, Example, Rule
from hclint.rules.links.resolver import (
    LINKS,
    OUTSIDE,
    Kind,
    Resolver,
    Target,
    anchor_facts,
    closest,
)

AI_READER = "AI assistants that answer customers from the help center"
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

BROKEN_LINK = Rule(
    name="broken-link",
    summary="A link points to an article that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=broken_link,
    shared=LINKS,
    what="Reports a link to an article, folder or page that does not exist, resolved exactly as MkDocs "
    "resolves it: relative to the linking article, `.md` targets, a folder to its `index.md` or "
    "`README.md`, percent-encoding decoded and query strings ignored. Site paths such as "
    "`/billing/refunds/` are resolved against the content root and `use_directory_urls`. "
    "A link whose case differs from the file's is reported with the real name. "
    "The message suggests the article you most likely meant.",
    why="A broken link is the most visible defect of a help center: the reader hits a 404 page in the "
    "middle of a task. A case mismatch works on a laptop and breaks on the Linux server that publishes "
    f"the site. {AI_READER} follow links to find the rest of an answer, and cannot.",
    example=Example(
        failing=HEAD + "See [billing](billng.md) for payment methods.\n",
        fixed=HEAD + "See [billing](billing.md) for payment methods.\n",
        others={"billing.md": BILLING},
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
    what="Reports `page.md#section` and `#section` when the page has no such id. Ids are computed the way "
    "MkDocs renders them: the slugify of the toc extension as configured in mkdocs.yml (Python-Markdown's "
    "by default, or `pymdownx.slugs`), `_1`, `_2` for repeated headings, `{#custom-id}` from attr_list, "
    "and `id` and `name` attributes in raw HTML.",
    why="A broken anchor still opens the page, but at the top: the reader must search for the section. "
    "Anchors break silently when a heading is reworded. "
    f"{AI_READER} cite sections by their anchor; a dead one sends the customer to the wrong place.",
    example=Example(
        failing=HEAD + "See [payment methods](billing.md#payment-method).\n",
        fixed=HEAD + "See [payment methods](billing.md#payment-methods).\n",
        others={"billing.md": BILLING},
    ),
)

MISSING_IMAGE = Rule(
    name="missing-image",
    summary="An image or downloadable file does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=missing_image,
    shared=LINKS,
    what="Reports an image, and a link to a file that is not an article (a PDF, a ZIP, a spreadsheet), "
    "when the file does not exist in the content root, or exists only with a different case.",
    why="A missing screenshot leaves a gap exactly where the reader needed to see something. "
    f"A missing download ends the task. {AI_READER} lose the alt text's context too.",
    example=Example(
        failing=HEAD + "![The refund button](images/refund.png)\n",
        fixed=HEAD + "![The refund button](images/refund-button.png)\n",
        others={"images/refund-button.png": "PNG placeholder\n"},
    ),
)

NAV_MISSING_TARGET = Rule(
    name="nav-missing-target",
    summary="A nav entry in mkdocs.yml names a file that does not exist.",
    severity=Severity.ERROR,
    kind="corpus",
    check=nav_missing_target,
    shared=LINKS,
    example=None,
    what="Reports each entry of `nav` in mkdocs.yml that names a file missing from the content root, "
    "named with a different case, excluded by `exclude_docs`, or a folder instead of a file. "
    "It is reported on mkdocs.yml, at the entry's line, when the whole help center is checked.",
    why="MkDocs turns such an entry into a link to nowhere: readers click a menu item and get a 404. "
    f"{AI_READER} that read the nav to understand the structure see a section with no content.",
)

NOT_IN_NAV = Rule(
    name="not-in-nav",
    summary="A public article is missing from the nav.",
    severity=Severity.WARNING,
    kind="corpus",
    check=not_in_nav,
    shared=LINKS,
    example=None,
    what="When mkdocs.yml has an explicit `nav`, reports each public article that no nav entry leads to. "
    "Articles that are not published (internal, drafts, or frontmatter hclint cannot read), articles "
    "excluded by `exclude_docs` and articles listed under `not_in_nav` are not reported.",
    why="An article outside the nav can only be found by search or by a link. Most often it was "
    f"added and then forgotten in mkdocs.yml. {AI_READER} miss where it belongs in the structure.",
)

ORPHAN_ARTICLE = Rule(
    name="orphan-article",
    summary="No article links to this one and no nav entry leads to it.",
    severity=Severity.INFO,
    kind="corpus",
    check=orphan_article,
    shared=LINKS,
    example=None,
    what="Reports a public article that no other article links to and that no nav entry reaches. When "
    "mkdocs.yml has no `nav`, MkDocs lists every page in the nav, so only pages under `not_in_nav` "
    "can be orphans; without mkdocs.yml only links count. The home page is never an orphan.",
    why="Readers cannot find an orphan article except by search. It is often outdated, because no one "
    f"sees it. {AI_READER} may still quote it, with nothing around it to correct it.",
)

INTERNAL_LINK_FROM_PUBLIC = Rule(
    name="internal-link-from-public",
    summary="A public article links to an article that is not published.",
    severity=Severity.ERROR,
    kind="corpus",
    check=internal_link_from_public,
    shared=LINKS,
    facts=lambda article: article.views.html_links,
    what="Reports a link from a public article to an article that is not published: one with "
    "`audience: internal`, a draft, or one whose frontmatter hclint cannot read with certainty. "
    "Every form of link counts: relative (`agents/tone.md`), a site path (`/agents/tone/`), with an "
    "anchor (`#tone`), reference-style, and raw HTML (`<a href>`), which the browser resolves from the "
    "page's address. A nav entry in mkdocs.yml that leads to such an article is reported on mkdocs.yml.",
    why="Internal articles are written for support agents and the AI assistant, and are never published. "
    "On the published site the link is broken, and the text around it promises something the reader "
    f"cannot see. It may also reveal that internal guidance exists. {AI_READER} may follow it and quote "
    "internal guidance to a customer. The MkDocs plugin stops the build on such a link, whatever the "
    "build mode.",
    example=Example(
        failing=HEAD + "Agents follow the [refund policy](policy.md).\n",
        fixed=HEAD + "Contact support to ask for a refund.\n",
        others={"policy.md": INTERNAL},
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
    what="When mkdocs.yml turns on `pymdownx.snippets`, reports a `--8<--` include, inline or in a block, "
    "that pulls an internal or draft article (or a file whose frontmatter says so) into a public one, "
    "directly or through another snippet, or text whose links lead, from the page it lands in, to an "
    "article that is not published. Paths are resolved as the extension resolves them, against its "
    "`base_path` (from the folder of mkdocs.yml and from the current folder). A file that `auto_append` "
    "adds to every page is reported on mkdocs.yml; snippets nested more than 20 deep are reported, "
    "not followed.",
    why="An include copies the file's text into the page as it is built: the internal article is published "
    "inside the public one, frontmatter and all, even though its own page is withheld. "
    f"{AI_READER} then read internal guidance as public text. The MkDocs plugin stops the build on such "
    "an include, whatever the build mode.",
    example=Example(
        failing=HEAD + "--8<-- \"content/policy.md\"\n",
        fixed=HEAD + "Contact support to ask for a refund.\n",
        others={"policy.md": INTERNAL},
        mkdocs="docs_dir: content\nmarkdown_extensions:\n  - pymdownx.snippets\n",
    ),
)

FOLDER_META_INVALID = Rule(
    name="folder-meta-invalid",
    summary="A folder metadata file (.meta.yml) cannot be read.",
    severity=Severity.ERROR,
    kind="corpus",
    check=folder_meta_invalid,
    shared=LINKS,
    example=None,
    what="When mkdocs.yml turns on Material for MkDocs's meta plugin, reports each folder metadata file "
    "(`.meta.yml`, or the plugin's `meta_file`) that is not a YAML mapping of keys to values, at the line "
    "where YAML found the problem. It is reported on the file itself, when the whole help center is "
    "checked or a change touches the file.",
    why="Folder metadata applies to every page below it, `audience: internal` included. When it cannot be "
    "read, hclint cannot tell which of those pages may be published, so it withholds all of them and "
    "the MkDocs build stops. "
    f"{AI_READER} lose every page of the folder until it is fixed.",
    suppress="The file is YAML, not an article, so it holds no suppression. Fix the file, or set "
    "`\"folder-meta-invalid\" = \"off\"` under `[tool.hclint.rules]` (the build still withholds the pages).",
)

RULES = (
    BROKEN_LINK, BROKEN_ANCHOR, MISSING_IMAGE, NAV_MISSING_TARGET, NOT_IN_NAV, ORPHAN_ARTICLE, INTERNAL_LINK_FROM_PUBLIC,
    PRIVATE_INCLUDE, FOLDER_META_INVALID,
)
