"""Nothing private is published: every route we know of, tried against real MkDocs builds in every mode.

Each private article carries a secret word. A route is either withheld quietly (the build goes on
and the page is not in the site) or refused (the build stops, whatever the mode). Either way the
whole output (pages, search index, sitemap, 404 page, gh-pages branch, what `mkdocs serve` serves)
must not hold the secret.
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BASIC_RULES, TODAY, only_rules, write_center
from tests.gitrepo import git_env

CONFIG = only_rules(*BASIC_RULES)
MKDOCS_YML = """\
site_name: Leak test
site_url: https://help.example.com/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - meta
  - hclint{options}
markdown_extensions:
  - attr_list
  - pymdownx.snippets:
      base_path: ["."]{snippets}
{extra}"""
MODES = {  # how the site is built: the mkdocs arguments and the plugin's options
    "build": ((), ""),
    "strict": (("--strict",), ""),
    "only_warn": ((), "only_warn: true"),
}


def page(title: str, body: str, **meta: str) -> str:
    lines = [f"title: {title}", *(f"{key}: {value}" for key, value in meta.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


PUBLIC = {
    "content/index.md": page("Home", "Start with [refunds](billing/refunds.md)."),
    "content/billing/refunds.md": page("Refunds", "Refunds take five days to reach your account."),
}

# Withheld quietly: hclint reads, with certainty, that each is not public.
WITHHELD = {
    "content/agents/alias.md": "---\ntitle: Alias SECRET-ALIAS\naudience: internal\nx: &a 1\ny: *a\n---\n\nSay SECRET-ALIAS.\n",
    "content/agents/dots.md": "---\ntitle: Dots SECRET-DOTS\naudience: internal\n...\n\nSay SECRET-DOTS.\n",
    "content/agents/list.md": page("List SECRET-LIST", "Say SECRET-LIST.", audience='"internal, partners"'),
    "content/agents/caps.md": page("Caps SECRET-CAPS", "Say SECRET-CAPS.", audience=" Internal "),
    "content/agents/key-case.md": page("Key SECRET-KEYCASE", "Say SECRET-KEYCASE.", Audience="internal"),
    "content/agents/both.md": page("Both SECRET-BOTH", "Say SECRET-BOTH.", audience="[public, internal]"),
    "content/agents/tab.md": "---\ntitle: Tab SECRET-TAB\naudience:\tinternal\n---\n\nSay SECRET-TAB.\n",  # libyaml reads it, as MkDocs does
    "content/agents/multimarkdown.md": "Title: MMD SECRET-MMD\nAudience: internal\n\nSay SECRET-MMD.\n",
    "content/drafts/yes.md": page("Yes SECRET-DRAFTYES", "Say SECRET-DRAFTYES.", draft='"yes"'),
    "content/drafts/true-text.md": page("True SECRET-DRAFTTRUE", "Say SECRET-DRAFTTRUE.", draft='"true"'),
    "content/drafts/one.md": page("One SECRET-DRAFTONE", "Say SECRET-DRAFTONE.", draft="1"),
    "content/drafts/bool.md": page("Bool SECRET-DRAFTBOOL", "Say SECRET-DRAFTBOOL.", draft="true"),
    "content/team/.meta.yml": "audience: internal\n",
    "content/team/handbook.md": page("Handbook SECRET-FOLDER", "Say SECRET-FOLDER."),
    "content/soon/.meta.yml": "draft: true\n",
    "content/soon/launch.md": page("Launch SECRET-FOLDERDRAFT", "Say SECRET-FOLDERDRAFT."),
    "content/agents/wide.md": "---\ntitle: Wide SECRET-WIDE\n\uff41udience: internal\n---\n\nSay SECRET-WIDE.\n",  # full-width a
    # Files MkDocs copies as they are, frontmatter and all: an editor's backup, a merge's leftover, a capital suffix.
    "content/agents/copy.MD": page("Copy SECRET-STATIC", "Say SECRET-STATIC.", audience="internal"),
    "content/agents/tone.md~": page("Backup SECRET-BACKUP", "Say SECRET-BACKUP.", audience="internal"),
    "content/agents/tone.md.orig": page("Orig SECRET-ORIG", "Say SECRET-ORIG.", audience="internal"),
}
WITHHELD_SECRETS = sorted({word for text in WITHHELD.values() for word in re.findall(r"SECRET-[A-Z]+", text)})
INTERNAL = page("Escalation SECRET-REFUSED", "Say SECRET-REFUSED to the customer.", audience="internal")

# Refused: the build stops in every mode. Each case: files, extra mkdocs.yml settings, what stderr says.
REFUSED = {
    "env-tag": ({"content/agents/env.md": "---\ntitle: Env SECRET-REFUSED\naudience: internal\nhome: !ENV HOME\n---\n\nSay SECRET-REFUSED.\n"},
                "", "content/agents/env.md: hclint cannot read it: invalid YAML"),
    "colon-in-title": ({"content/agents/colon.md": "---\ntitle: Agent escalation: tier 2 SECRET-REFUSED\naudience: internal\n---\n\nSay SECRET-REFUSED.\n"},
                       "", "content/agents/colon.md: hclint cannot read it: invalid YAML"),
    "audience-twice": ({"content/agents/twice.md": "---\ntitle: Twice SECRET-REFUSED\naudience: internal\naudience: public\n---\n\nSay SECRET-REFUSED.\n"},
                       "", "content/agents/twice.md: hclint cannot read it: the key `audience` is written more than once"),
    "unclosed-at-end-of-file": ({"content/agents/open.md": "---\ntitle: Open SECRET-REFUSED\naudience: internal\n---"},
                                "", "content/agents/open.md: hclint cannot read it: the frontmatter opened on line 1 is never closed"),
    "unknown-audience": ({"content/agents/partners.md": page("Partners SECRET-REFUSED", "Say SECRET-REFUSED.", audience="partners")},
                         "", "content/agents/partners.md: audience: partners is an audience hclint does not know"),
    "draft-maybe": ({"content/drafts/maybe.md": page("Maybe SECRET-REFUSED", "Say SECRET-REFUSED.", draft="maybe")},
                    "", "content/drafts/maybe.md: draft: 'maybe' is neither true nor false"),
    "fence-with-a-comment": ({"content/agents/c.md": "--- # internal\ntitle: C SECRET-REFUSED\naudience: internal\n---\n\nSay SECRET-REFUSED.\n"},
                             "", "content/agents/c.md: hclint cannot read it: MkDocs reads frontmatter only between lines of exactly three dashes"),
    "blank-line-before-the-fence": ({"content/agents/b.md": "\n---\ntitle: B SECRET-REFUSED\naudience: internal\n---\n\nSay SECRET-REFUSED.\n"},
                                    "", "content/agents/b.md: hclint cannot read it: MkDocs reads frontmatter only between lines"),
    "toml-frontmatter": ({"content/agents/t.md": "+++\ntitle = \"T SECRET-REFUSED\"\naudience = \"internal\"\n+++\n\nSay SECRET-REFUSED.\n"},
                         "", "content/agents/t.md: hclint cannot read it: MkDocs reads frontmatter only between lines"),
    "metadata-with-a-space": ({"content/agents/m.md": "Title: M SECRET-REFUSED\nAudience : internal\n\nSay SECRET-REFUSED.\n"},
                              "", "content/agents/m.md: hclint cannot read it: `Audience : internal` is page text to MkDocs"),
    "look-alike-key": ({"content/agents/l.md": "---\ntitle: L SECRET-REFUSED\naud\u0456ence: internal\n---\n\nSay SECRET-REFUSED.\n"},
                       "", "content/agents/l.md: hclint cannot read it: the key `aud\u0456ence` looks like `audience`"),
    "folder-metadata-nothing-reads": ({"content/team/.meta.yaml": "audience: internal\n", "content/team/notes.md": page("Notes SECRET-REFUSED", "Say SECRET-REFUSED.")},
                                      "", "content/team/notes.md: the folder metadata team/.meta.yaml sets `audience` or `draft`, but MkDocs does not read it"),
    "deep-snippets": ({**{f"snippets/s{i}.md": f'--8<-- "snippets/s{i + 1}.md"\n' for i in range(25)},
                       "snippets/s25.md": "Say SECRET-REFUSED to the customer, the code word.\n",
                       "content/billing/escalate.md": page("Escalate", '--8<-- "snippets/s0.md"')},
                      "", "content/billing/escalate.md:5: this public article includes `snippets/s0.md`"),
    "broken-folder-meta": ({"content/team/.meta.yml": "audience: [internal\n", "content/team/notes.md": page("Notes SECRET-REFUSED", "Say SECRET-REFUSED.")},
                           "", "meta file"),
    "snippet-include": ({"content/agents/escalation.md": INTERNAL,
                         "content/billing/escalate.md": page("Escalate", '--8<-- "content/agents/escalation.md"')},
                        "", "content/billing/escalate.md:5: this public article includes `content/agents/escalation.md`"),
    "nested-snippet": ({"content/agents/escalation.md": INTERNAL,
                        "snippets/shared.md": 'Shared text.\n\n--8<-- "content/agents/escalation.md"\n',
                        "content/billing/escalate.md": page("Escalate", '--8<--\nsnippets/shared.md\n--8<--')},
                       "", "content/billing/escalate.md:6: this public article includes `snippets/shared.md`"),
    "auto-append": ({"content/agents/escalation.md": INTERNAL}, "auto_append: [content/agents/escalation.md]",
                    "mkdocs.yml:1: `auto_append` adds `content/agents/escalation.md` to every page"),
    "nav-entry": ({"content/agents/escalation.md": INTERNAL},
                  "nav:\n  - Home: index.md\n  - Refunds: billing/refunds.md\n  - Escalation: agents/escalation.md\n",
                  "the nav entry `agents/escalation.md` leads to an article that is not published"),
    "snippet-that-links": ({"content/agents/escalation.md": INTERNAL,
                            "snippets/see.md": "See [escalation](../agents/escalation.md).\n",  # resolved from the page it lands in
                            "content/billing/escalate.md": page("Escalate", '--8<-- "snippets/see.md"')},
                           "", "content/billing/escalate.md:5: this public article includes `snippets/see.md`"),
    "nav-site-path": ({"content/agents/escalation.md": INTERNAL},
                      "nav:\n  - Home: index.md\n  - Escalation: https://help.example.com/agents/escalation/\n",
                      "the nav entry `https://help.example.com/agents/escalation/` leads to an article that is not published"),
    "more-link-forms": ({"content/agents/escalation.md": INTERNAL,
                         "content/more.md": page("More", "[own site](https://help.example.com/agents/escalation/)\n\n"
                                                 "<div markdown>[md_in_html](agents/escalation.md)</div>\n\n"
                                                 '<meta http-equiv="refresh" content="0; url=agents/escalation/">\n\n'
                                                 '[attr_list](index.md){: href="agents/escalation/"}')},
                        "", "content/more.md:11: this public article links to `agents/escalation/`"),
    "links": ({"content/agents/escalation.md": INTERNAL + "\n## Tier 2\n",
               "content/billing/escalate.md": page("Escalate", "[a](../agents/escalation.md)\n\n[b](/agents/escalation/)\n\n"
                                                   "[c](../agents/escalation.md#tier-2)\n\n[d][ref]\n\n<a href=\"../../agents/escalation/\">e</a>\n\n"
                                                   "[ref]: ../agents/escalation.md")},
              "", "content/billing/escalate.md:5: this public article links to `../agents/escalation.md`"),
}
LINE_OF_EACH_LINK_FORM = (5, 7, 9, 11, 13)


def write_leak_site(root: Path, files: dict[str, str], extra: str = "", plugin: str = "") -> Path:
    write_center(root, {**PUBLIC, **files}, CONFIG)
    snippets, rest = ("\n      " + extra, "") if extra.startswith("auto_append") else ("", extra)
    options = ":\n      " + plugin if plugin else ""
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(options=options, snippets=snippets, extra=rest), encoding="utf-8")
    return root


def mkdocs(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HCLINT_TODAY": TODAY, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def output_text(folder: Path) -> dict[str, str]:
    """Every file of a built site as text (gzipped sitemaps unpacked)."""
    texts = {}
    for file in folder.rglob("*"):
        if file.is_file() and ".git" not in file.parts:
            data = file.read_bytes()
            if file.suffix == ".gz":
                data = gzip.decompress(data)
            texts[file.relative_to(folder).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


def secrets_in(texts: dict[str, str], secrets: list[str]) -> list[tuple[str, str]]:
    return [(name, secret) for name, text in texts.items() for secret in secrets if secret in text]


# ---- withheld quietly --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_private_articles_are_withheld_in_every_build_mode(tmp_path, mode):
    args, plugin = MODES[mode]
    root = write_leak_site(tmp_path, WITHHELD, plugin=plugin)
    done = mkdocs(root, "build", "--site-dir", str(root / "site"), *args)
    assert done.returncode == 0, done.stderr
    texts = output_text(root / "site")
    assert "billing/refunds/index.html" in texts and "404.html" in texts and "sitemap.xml" in texts
    assert "Refunds take five days" in texts["search/search_index.json"]
    assert secrets_in(texts, WITHHELD_SECRETS) == []
    assert not any(name.startswith(("agents/", "drafts/", "team/", "soon/")) for name in texts)


def test_private_articles_are_withheld_by_gh_deploy(tmp_path):
    root = write_leak_site(tmp_path / "center", WITHHELD)
    remote = tmp_path / "remote.git"
    env = git_env("2026-11-23")
    for command in (["git", "init", "-q", "--bare", str(remote)], ["git", "init", "-q", "-b", "main"],
                    ["git", "remote", "add", "origin", str(remote)], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "site"]):
        assert subprocess.run(command, cwd=root, env=env, capture_output=True).returncode == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--site-dir", str(tmp_path / "built")],
                          cwd=root, env={**env, "HCLINT_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    published = tmp_path / "published"
    assert subprocess.run(["git", "clone", "-q", "-b", "gh-pages", str(remote), str(published)], env=env, capture_output=True).returncode == 0
    texts = output_text(published)
    assert "billing/refunds/index.html" in texts
    assert secrets_in(texts, WITHHELD_SECRETS) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def test_private_articles_are_withheld_by_mkdocs_serve(tmp_path):
    root = write_leak_site(tmp_path, WITHHELD)
    port = _free_port()
    env = {**os.environ, "HCLINT_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.3)
        else:
            pytest.fail("mkdocs serve did not answer")
        served = {path: _get(f"http://127.0.0.1:{port}/{path}") for path in (
            "", "billing/refunds/", "search/search_index.json", "sitemap.xml", "404.html",
            "agents/alias/", "agents/multimarkdown/", "drafts/yes/", "team/handbook/", "soon/launch/")}
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert served["billing/refunds/"][0] == 200
    assert all(served[path][0] == 404 for path in ("agents/alias/", "agents/multimarkdown/", "drafts/yes/", "team/handbook/", "soon/launch/"))
    assert secrets_in({path: body for path, (_, body) in served.items()}, WITHHELD_SECRETS) == []


# ---- refused: the build stops ------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", REFUSED)
def test_what_hclint_cannot_publish_safely_stops_the_build_in_every_mode(tmp_path, case, mode):
    files, extra, said = REFUSED[case]
    args, plugin = MODES[mode]
    root = write_leak_site(tmp_path, files, extra, plugin)
    done = mkdocs(root, "build", "--site-dir", str(root / "site"), *args)
    assert done.returncode != 0, done.stderr
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert secrets_in(output_text(root / "site") if (root / "site").exists() else {}, ["SECRET-REFUSED"]) == []


def test_each_form_of_link_to_a_private_page_is_named(tmp_path):
    files, extra, _ = REFUSED["links"]
    done = mkdocs(write_leak_site(tmp_path, files, extra), "build", "--site-dir", str(tmp_path / "site"))
    reported = sorted(int(line) for line in re.findall(r"content/billing/escalate\.md:(\d+): this public article links to", done.stderr))
    assert reported == list(LINE_OF_EACH_LINK_FORM)


def test_snippets_are_found_from_the_folder_the_build_runs_in(tmp_path):
    files = {"content/agents/escalation.md": INTERNAL, "content/billing/escalate.md": page("Escalate", '--8<-- "help/content/agents/escalation.md"')}
    root = write_leak_site(tmp_path / "help", files, "").parent
    done = mkdocs(root, "build", "-f", "help/mkdocs.yml", "--site-dir", str(tmp_path / "site"))
    assert done.returncode != 0 and "this public article includes `help/content/agents/escalation.md`" in done.stderr
    assert secrets_in(output_text(tmp_path / "site") if (tmp_path / "site").exists() else {}, ["SECRET-REFUSED"]) == []


def test_a_snippet_extension_named_by_its_class_is_the_same_extension(tmp_path):
    files = {"content/agents/escalation.md": INTERNAL, "content/billing/escalate.md": page("Escalate", '--8<-- "content/agents/escalation.md"')}
    root = write_leak_site(tmp_path, files)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  - pymdownx.snippets:\n", "  - pymdownx.snippets:SnippetExtension:\n")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    done = mkdocs(root, "build", "--site-dir", str(root / "site"))
    assert done.returncode != 0 and "this public article includes `content/agents/escalation.md`" in done.stderr


def test_a_snippet_path_too_long_for_the_system_is_no_traceback(tmp_path):
    root = write_leak_site(tmp_path, {"content/billing/long.md": page("Long", '--8<-- "' + "a" * 300 + '.md"')})
    done = mkdocs(root, "build", "--site-dir", str(root / "site"))
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_mkdocs_serve_refuses_to_start_on_a_page_it_cannot_judge(tmp_path):
    files, extra, said = REFUSED["colon-in-title"]
    root = write_leak_site(tmp_path, files, extra)
    done = mkdocs(root, "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{_free_port()}", timeout=120)
    assert done.returncode != 0 and said in done.stderr
