"""Speed-ups never change the site.

Each site is built once the slow way (no content cache, no build_speed plugin, stories
read in turn, typogrify left to Pelican) and twice the fast way (cold cache, then warm),
and the outputs are compared file by file, byte for byte. Edits after a warm build
show up as if the site were built from scratch, and libyaml (the fast YAML parser)
reads every front-matter and registry file as the Python parser does.
"""

import filecmp
import json
import runpy
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build, copy_fixture
from registry import yamltext

sys.path.insert(0, str(ROOT / "bench"))

import corpus as bench_corpus  # noqa: E402

PLUGINS = [name for name in runpy.run_path(str(ROOT / "pelicanconf.py"))["PLUGINS"] if name != "build_speed"]
SLOW = ["PARALLEL_PROCESSES=1", "TYPOGRIFY_IN_READER=false", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false",
        f"PLUGINS={json.dumps(PLUGINS)}"]
FAST = ["PARALLEL_PROCESSES=2"]  # two processes even on a one-core machine
PUBLISH_ENV = {"SITEURL": "https://example.github.io/reelnews"}


def differences(one, two):
    """Files only one side has, and files whose bytes differ."""
    files = {p.relative_to(one).as_posix() for p in Path(one).rglob("*") if p.is_file()}
    others = {p.relative_to(two).as_posix() for p in Path(two).rglob("*") if p.is_file()}
    changed = sorted(f for f in files & others if not filecmp.cmp(Path(one, f), Path(two, f), shallow=False))
    return sorted(files ^ others) + changed


def three_builds(content, tmp, settings="pelicanconf.py", env=None):
    """(slow, fast with a cold cache, fast with the cache the cold build left)."""
    cache = tmp / "cache"
    slow = build(content, tmp / "slow", settings, env=env, cache=tmp / "no-cache", extra=SLOW)
    cold = build(content, tmp / "cold", settings, env=env, cache=cache, extra=FAST)
    warm = build(content, tmp / "warm", settings, env=env, cache=cache, extra=FAST)
    return slow, cold, warm


@pytest.fixture(scope="session")
def shipped_three(tmp_path_factory):
    """The shipped content with development settings (relative URLs)."""
    return three_builds(ROOT / "content", tmp_path_factory.mktemp("identical-shipped"))


@pytest.fixture(scope="session")
def corpus_three(tmp_path_factory):
    """A generated site of 120 stories (many hubs, many pages) with publish settings (feeds)."""
    tmp = tmp_path_factory.mktemp("identical-corpus")
    bench_corpus.write_corpus(bench_corpus.make_corpus(120, seed=11), tmp / "corpus")
    return three_builds(tmp / "corpus" / "ours", tmp, "publishconf.py", PUBLISH_ENV)


@pytest.mark.parametrize("site", ["shipped_three", "corpus_three"])
def test_every_build_succeeds(site, request):
    for built in request.getfixturevalue(site):
        assert built.returncode == 0, built.stderr


@pytest.mark.parametrize("site", ["shipped_three", "corpus_three"])
def test_a_cold_cache_and_parallel_work_give_the_slow_builds_bytes(site, request):
    slow, cold, _ = request.getfixturevalue(site)
    assert slow.files() and differences(slow.output, cold.output) == []


@pytest.mark.parametrize("site", ["shipped_three", "corpus_three"])
def test_a_warm_cache_gives_the_slow_builds_bytes(site, request):
    slow, _, warm = request.getfixturevalue(site)
    assert differences(slow.output, warm.output) == []


@pytest.fixture(scope="session")
def edited_after_warm_build(tmp_path_factory):
    """mini built once, then its registry and a story edited and the site rebuilt in place
    with the warm cache; beside it, the edited site built from scratch."""
    tmp = tmp_path_factory.mktemp("identical-edits")
    content = copy_fixture("mini", tmp)
    first = build(content, tmp / "output", cache=tmp / "cache", extra=FAST)
    assert first.returncode == 0, first.stderr
    franchises = content / "data" / "franchises.yaml"
    franchises.write_text(franchises.read_text().replace(
        "- name: Extraction\n  aliases: []", "- name: Extraction Saga\n  aliases: [Extraction]"))
    story = content / "stories" / "2020" / "extraction-2-joe-russo-writes.md"
    story.write_text(story.read_text() + "\nThe studio confirmed it on Friday.\n")
    rebuilt = build(content, tmp / "output", cache=tmp / "cache", extra=FAST)
    fresh = build(content, tmp / "fresh", cache=tmp / "fresh-cache", extra=SLOW)
    return rebuilt, fresh


EXTRACTION_2 = "2020/05/extraction-2-joe-russo-writes/index.html"


def test_a_registry_edit_reaches_a_cached_story(edited_after_warm_build):
    rebuilt, _ = edited_after_warm_build
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.page(EXTRACTION_2).select_one(".kicker").get_text(strip=True) == "Extraction Saga"


def test_a_story_edit_reaches_its_page(edited_after_warm_build):
    rebuilt, _ = edited_after_warm_build
    assert "The studio confirmed it" in rebuilt.page(EXTRACTION_2).select_one("article").get_text()


def test_a_warm_rebuild_in_place_writes_what_a_build_from_scratch_writes(edited_after_warm_build):
    rebuilt, fresh = edited_after_warm_build
    assert differences(rebuilt.output, fresh.output) == []


def test_a_warm_rebuild_removes_the_pages_of_the_old_franchise_name(edited_after_warm_build):
    rebuilt, _ = edited_after_warm_build
    assert not (rebuilt.output / "franchise" / "extraction").exists()
    assert (rebuilt.output / "franchise" / "extraction-saga" / "index.html").is_file()


def _tree(node):
    """A node tree as plain data: tags, values and where each node starts."""
    if isinstance(node, yaml.ScalarNode):
        return node.tag, node.value, node.start_mark.line, node.start_mark.column
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_tree(item) for item in node.value], node.start_mark.line
    return node.tag, [(_tree(k), _tree(v)) for k, v in node.value], node.start_mark.line


def yaml_texts(folder):
    """Every registry file and front-matter block of a content folder."""
    texts = [path.read_text(encoding="utf-8") for path in (folder / "data").glob("*.yaml")]
    for path in (folder / "stories").glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            texts.append(text.split("---\n")[1])
    return texts


def test_libyaml_reads_every_front_matter_and_registry_file_as_the_python_parser_does(tmp_path):
    bench_corpus.write_corpus(bench_corpus.make_corpus(200, seed=5), tmp_path)
    for text in yaml_texts(ROOT / "content") + yaml_texts(tmp_path / "ours"):
        try:
            expected = _tree(yaml.compose(text, Loader=yamltext.Loader))
        except yaml.YAMLError:
            continue  # texts the Python parser rejects are always read by it (see yamltext.compose)
        assert _tree(yamltext.compose(text)) == expected
