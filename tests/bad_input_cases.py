"""The bad-input corpus, tests/bad_input/: each case laid over tests/fixtures/mini, published and checked.

A case is a folder holding the files it adds to mini (a registry file replaces mini's whole
file) and a case.yaml:
  about          the input, in a few words
  build, check   the lines `make publish` (its stderr) and `make check` must print for it:
                 `path:line: severity: message`, with how to fix it
  page           for input that must be tolerated (it has no build or check lines): the
                 page it builds
  pad_to_bytes   each story's body is repeated up to this size at test time (5 MB is not committed)
  known_gap      what the build does not do right yet ("build" lines, "publish" refusal) and why
"""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT, Build, build

CORPUS = Path(__file__).resolve().parent / "bad_input"
SITEURL = "https://example.github.io/reelnews"
# SEARCH_INDEX, plugins/search_index's own setting: the index only serves the search page, so the corpus skips it.
WITHOUT_SEARCH_INDEX = ("SEARCH_INDEX=false",)


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    build: tuple = ()
    check: tuple = ()
    page: str | None = None
    pad_to_bytes: int = 0
    known_gap: dict = field(default_factory=dict)  # aspect ("build", "publish") -> why it fails yet

    @property
    def tolerated(self):
        return self.page is not None

    @property
    def folder(self):
        return CORPUS / self.name


@dataclass
class Outcome:
    """A case as the editor meets it: the site built with publish settings, and `make check`."""

    case: Case
    content: Path
    publish: Build
    check: subprocess.CompletedProcess


def cases():
    """Every case of the corpus by name, in name order."""
    found = {}
    for path in sorted(CORPUS.glob("*/case.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.parent.name] = Case(
            path.parent.name, data["about"], tuple(data.get("build", ())), tuple(data.get("check", ())),
            data.get("page"), data.get("pad_to_bytes", 0), data.get("known_gap") or {})
    return found


def lay_over(case, content):
    """Add the case's files to the site at `content` (mini or a copy of it)."""
    shutil.copytree(case.folder, content, dirs_exist_ok=True, ignore=shutil.ignore_patterns("case.yaml"))
    for source in case.folder.rglob("*.md") if case.pad_to_bytes else ():
        head, _, body = source.read_bytes().partition(b"\n---\n")
        story = content / source.relative_to(case.folder)
        story.write_bytes(head + b"\n---\n" + body * (case.pad_to_bytes // len(body) + 1))
    return content


def make_check(content):
    """`make check` on the content folder, from its parent (so it names files as the build does)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "editor_tools.check", "--content", content.name],
                          cwd=content.parent, env=env, capture_output=True, text=True, timeout=300)


def _run(case, tmp):
    content = lay_over(case, Path(shutil.copytree(FIXTURES / "mini", tmp / case.name / "mini")))
    published = build(content, tmp / case.name / "output", settings="publishconf.py", env={"SITEURL": SITEURL},
                      extra=WITHOUT_SEARCH_INDEX)
    return Outcome(case, content, published, make_check(content))


def run_every_case(tmp):
    """name -> Outcome for the whole corpus, two cases at a time (each is a subprocess)."""
    every = cases()
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(every, pool.map(lambda case: _run(case, tmp), every.values())))
