"""The install and CI commands of the guide run as written, so they cannot rot.

The guide installs hclint from its published repository; here a local stand-in for it answers
(conftest.release_remote), in a new virtual environment that already has hclint's dependencies
(a .pth file onto this environment's packages), so nothing but hclint itself is installed.
The pre-commit set-up of the guide is run by tests/test_precommit.py.
"""

from __future__ import annotations

import os
import re
import site
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hclint import __version__
from tests.conftest import PUBLISHED_URL, TODAY, documented_block, write_center
from tests.gitrepo import git_env

GOOD = "---\ntitle: Refunds\n---\n\nRefunds take five days.\n"


def _github_steps() -> list[str]:
    workflow = yaml.safe_load(documented_block("continuous-integration.md", "yaml", "runs-on"))
    return [step["run"] for step in workflow["jobs"]["check"]["steps"] if "run" in step]


def _gitlab_script() -> list[str]:
    job = yaml.safe_load(documented_block("continuous-integration.md", "yaml", "script:"))
    return next(iter(job.values()))["script"]


def test_every_install_command_in_the_guide_names_the_published_repository_and_this_release():
    for article in ("continuous-integration.md", "external-links.md", "output-formats.md", "pre-commit.md"):
        text = (Path(__file__).parent.parent / "content" / article).read_text(encoding="utf-8")
        installs = re.findall(r"pip install (\S.*)", text)
        assert all(f'"hclint @ git+{PUBLISHED_URL}@v{__version__}"' in line for line in installs), (article, installs)
        assert all(rev == f"v{__version__}" for rev in re.findall(r"rev: (\S+)", text)), article


def _dependencies(folder: Path) -> Path:
    """This environment's packages without hclint itself: links to each, in one folder."""
    folder.mkdir()
    for packages in site.getsitepackages():
        for entry in Path(packages).iterdir():
            own = entry.name.lower().startswith(("hclint", "__editable__")) or entry.suffix == ".pth"
            if not own and not (folder / entry.name).exists():
                (folder / entry.name).symlink_to(entry)
    return folder


@pytest.fixture(scope="module")
def installed(tmp_path_factory, release_remote) -> Path:
    """A new virtual environment where the guide's pip command installed hclint; its bin folder."""
    venv = tmp_path_factory.mktemp("ci") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    packages = next((venv / "lib").glob("python*/site-packages"))
    (packages / "dependencies.pth").write_text(str(_dependencies(venv.parent / "dependencies")) + "\n", encoding="utf-8")
    [install] = [line for line in _github_steps() if "pip install" in line]
    command = install.replace(PUBLISHED_URL, f"file://localhost{release_remote}")  # the pip of a new venv wants a host
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    hclint = venv / "bin" / "hclint"
    version = subprocess.run([str(hclint), "--version"], capture_output=True, text=True, env=env)
    assert version.stdout.strip() == f"hclint, version {__version__}", version.stderr
    return venv / "bin"


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A help center in git with its origin; the branch `work` adds an article with a broken link."""
    root = write_center(tmp_path / "center", {"content/index.md": GOOD.replace("Refunds", "Home", 1)})
    origin = tmp_path / "origin.git"
    env = git_env(TODAY)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "start"],
                    ["git", "clone", "-q", "--bare", str(root), str(origin)], ["git", "remote", "add", "origin", str(origin)],
                    ["git", "fetch", "-q", "origin"], ["git", "checkout", "-q", "-b", "work"]):
        assert subprocess.run(command, cwd=root, env=env, capture_output=True).returncode == 0, command
    (root / "content/refunds.md").write_text(GOOD + "\nSee [billing](billing.md).\n", encoding="utf-8")
    return root


def _run(command: str, cwd: Path, bin_dir: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **git_env(TODAY), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HCLINT_TODAY": TODAY, **variables}
    env.pop("PYTHONPATH", None)
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_github_workflow_of_the_guide_runs_as_written(installed, pull_request):
    checks = [line for line in _github_steps() if line.startswith("hclint ")]
    assert checks, "the workflow runs hclint"
    for line in checks:
        command = line.replace("${{ github.base_ref }}", "main")
        done = _run(command, pull_request, installed)
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), (command, done.stderr)
        if "--changed-since" in command and "--format github" in command:
            assert done.returncode == 1
            assert "::error file=content/refunds.md,line=7," in done.stdout and "broken-link" in done.stdout
    if any("--output hclint.sarif" in line for line in checks):
        assert (pull_request / "hclint.sarif").is_file()


def test_the_gitlab_job_of_the_guide_runs_as_written(installed, pull_request):
    script = _gitlab_script()
    assert any("pip install" in line for line in script)
    for line in script:
        if "pip install" in line:
            continue  # the same command as GitHub's, run once by the fixture
        done = _run(line, pull_request, installed, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
        assert "Traceback" not in done.stderr, (line, done.stderr)
        if line.startswith("hclint check --changed-since"):
            assert done.returncode == 1 and "content/refunds.md:7" in done.stdout, done.stdout + done.stderr
        else:
            assert done.returncode == 0, (line, done.stdout + done.stderr)
    assert (pull_request / "gl-code-quality-report.json").is_file()
