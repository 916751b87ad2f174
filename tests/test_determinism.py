"""Determinism: two clean builds of the same content are byte-identical, search index included.

The session's publish build of content/ (conftest's `shipped_publish`: run from the project
folder, hash seed 1) is compared file by file with a second clean build of a copy of content/
in another folder, run from a third folder with another hash seed. Nothing may depend on
where the files are, where the build runs from, or Python's set and dict hashing.
(tests/test_build_identical.py compares the fast and the slow build paths the same way.)
"""

import hashlib
import shutil

import pytest

from conftest import ROOT, build


def fingerprints(output):
    """Every file of a built site by relative path, with the SHA-256 of its bytes."""
    return {path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory):
    """content/ copied to another folder and published from yet another, with another hash seed."""
    tmp = tmp_path_factory.mktemp("determinism")
    content = shutil.copytree(ROOT / "content", tmp / "copy" / "content")
    (tmp / "somewhere-else").mkdir()
    return build(content, tmp / "second" / "output", settings="publishconf.py", cwd=tmp / "somewhere-else",
                 env={"SITEURL": "https://example.github.io/reelnews", "PYTHONHASHSEED": "2"})


def test_both_builds_succeed(shipped_publish, elsewhere):
    assert shipped_publish.returncode == 0, shipped_publish.stderr
    assert elsewhere.returncode == 0, elsewhere.stderr


def test_two_clean_builds_write_the_same_files_byte_for_byte(shipped_publish, elsewhere):
    first, second = fingerprints(shipped_publish.output), fingerprints(elsewhere.output)
    assert sorted(set(first) ^ set(second)) == []
    assert [name for name in first if first[name] != second[name]] == []


def test_the_search_index_is_part_of_the_comparison(shipped_publish):
    files = fingerprints(shipped_publish.output)
    assert any(name.startswith("pagefind/") and name.endswith(".pf_filter") for name in files)
