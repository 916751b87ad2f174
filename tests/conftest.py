"""Shared fixtures: real Pelican builds into temporary folders, once per session."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT / "plugins"))


@dataclass
class Build:
    """A finished build: where it went, what it printed, how it exited."""

    output: Path
    returncode: int
    stdout: str
    stderr: str

    def page(self, relative):
        """The parsed HTML of one output file, e.g. page('2020/05/x/index.html')."""
        return BeautifulSoup((self.output / relative).read_text(encoding="utf-8"), "html.parser")

    def text(self, relative):
        return (self.output / relative).read_text(encoding="utf-8")

    def exists(self, relative):
        return (self.output / relative).exists()

    def files(self, pattern="**/*.html"):
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.glob(pattern))


def build(content, output, settings="pelicanconf.py", env=None, cwd=None, cache=None, extra=(), flags=()):
    """Run the real `pelican` command on a content folder, as `make html` / `make publish` do.

    It runs from the content folder's parent, so problems name files as an editor
    sees them there: `mini/stories/2020/x.md:3: ...` (or `content/...` for the shipped site).
    Each build keeps its content cache beside its output (or in `cache`, to share one on
    purpose), so builds never read each other's; `extra` are `pelican -e KEY=JSON` overrides
    and `flags` other command-line options (e.g. -v).
    """
    run_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    cache = cache or Path(output).resolve().parent / f"{Path(output).name}-cache"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / settings),
         "--cache-path", str(cache), *flags, *(["-e", *extra] if extra else [])],
        cwd=cwd or Path(content).resolve().parent, env=run_env, capture_output=True, text=True, timeout=600,
    )
    return Build(Path(output), result.returncode, result.stdout, result.stderr)


def copy_fixture(name, destination):
    """A writable copy of tests/fixtures/<name> (or of content/ for 'shipped')."""
    source = ROOT / "content" if name == "shipped" else FIXTURES / name
    target = Path(destination) / name
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory):
    """The shipped content/ built with development settings."""
    tmp = tmp_path_factory.mktemp("shipped")
    return build(ROOT / "content", tmp / "output")


@pytest.fixture(scope="session")
def shipped_publish(tmp_path_factory):
    """The shipped content/ built as `make publish` builds it for a GitHub Pages project site
    (hash seed fixed, so tests/test_determinism.py can build again with another)."""
    return build(ROOT / "content", tmp_path_factory.mktemp("shipped-publish") / "output", settings="publishconf.py",
                 env={"SITEURL": "https://example.github.io/reelnews", "PYTHONHASHSEED": "1"})


@pytest.fixture(scope="session")
def bad_input(tmp_path_factory):
    """name -> Outcome (publish build and `make check`) for every case of tests/bad_input/."""
    from bad_input_cases import run_every_case

    return run_every_case(tmp_path_factory.mktemp("bad-input"))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory):
    """tests/fixtures/mini: a handful of stories and a small registry."""
    tmp = tmp_path_factory.mktemp("mini")
    return build(FIXTURES / "mini", tmp / "output")


@pytest.fixture(scope="session")
def mini_publish(tmp_path_factory):
    """tests/fixtures/mini built with publish settings (strict, absolute URLs, feeds)."""
    tmp = tmp_path_factory.mktemp("mini-publish")
    return build(FIXTURES / "mini", tmp / "output", settings="publishconf.py",
                 env={"SITEURL": "https://example.github.io/reelnews"})


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless chromium, one for the whole session (Playwright allows one sync
    driver at a time); a machine without it fails with the command that installs it."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, INSTALL, launch

    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium is missing: run '{INSTALL}'", pytrace=False)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
