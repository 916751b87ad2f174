"""Kept pages: a rebuild renders only the pages an edit touches, and writes what a build from scratch writes.

One generated site is built, then edited step by step as an editor would (a sentence, a
summary, a headline, a film, a date, a new story, a registry name, a deleted story, a
template), and rebuilt in place after each step with the warm cache. Beside each rebuild,
the same content is built from scratch; the two outputs must be byte-identical, stale
pages and search index included.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, build
from test_build_identical import bench_corpus, differences

RENDERED = re.compile(r"(\w+Generator): (\d+) pages rendered, (\d+) kept")


def _edit(pattern, replacement):
    def edit(content, story):
        path = story(content)
        path.write_text(re.sub(pattern, replacement, path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    return edit


def _stories(content):
    return sorted((content / "stories").rglob("*.md"))


def _nth(n):
    return lambda content: _stories(content)[n]


def _change_film(content, story):
    film = re.search(r"- title: (.*)", (content / "data" / "films.yaml").read_text(encoding="utf-8")).group(1)
    _edit(r"\nfilm: .*", f"\nfilm: {film}")(content, story)


def _new_story(content, _):
    source = _stories(content)[3]
    text = source.read_text(encoding="utf-8").replace("title: ", "title: Breaking: ", 1)
    (source.parent / "breaking-news.md").write_text(text, encoding="utf-8")


def _rename_franchise(content, _):
    registry = content / "data" / "franchises.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("- name: ", "- name: Renamed ", 1),
                        encoding="utf-8")


def _delete(content, story):
    story(content).unlink()


def _edit_template(content, _):
    base = content.parent / "theme" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</footer>", "<p>Edited footer</p></footer>"),
                    encoding="utf-8")


# Each edit: (what it does, which story it picks); applied in this order, each on top of the last.
EDITS = {
    "nothing": (lambda content, story: None, None),
    "a sentence added to a story": (_edit(r"\Z", "\nA closing sentence.\n"), _nth(10)),
    "a summary": (_edit(r"\nsummary: ", "\nsummary: Fresh news. "), _nth(20)),
    "a headline": (_edit(r"\ntitle: ", "\ntitle: Retitled "), _nth(30)),
    "a story's film": (_change_film, _nth(40)),
    "a story's date": (_edit(r"\ndate: (\d{4})", lambda m: f"\ndate: {int(m.group(1)) - 1}"), _nth(50)),
    "a new story": (_new_story, None),
    "a franchise renamed in the registry": (_rename_franchise, None),
    "a deleted story": (_delete, _nth(5)),
    "a template": (_edit_template, None),
}


def _mtimes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in Path(folder).rglob("*") if p.is_file()}


def _problems(result):
    return sorted(line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line)


def _rendered(result):
    return {generator: (int(rendered), int(kept)) for generator, rendered, kept in
            RENDERED.findall(" ".join((result.stdout + result.stderr).split()))}


@dataclass
class Rebuild:
    """What one rebuild in place did, taken before the next edit."""

    returncode: int
    differences: list  # files that differ from a build from scratch, or that only one of them has
    rewritten: dict  # file -> its text, for each file the rebuild wrote
    rendered: dict  # generator -> (pages rendered, pages kept)
    problems: tuple  # (what the rebuild reported, what the build from scratch reported)


@pytest.fixture(scope="session")
def rebuilds(tmp_path_factory):
    """edit -> the Rebuild after it."""
    tmp = tmp_path_factory.mktemp("kept-pages")
    bench_corpus.write_corpus(bench_corpus.make_corpus(60, seed=7), tmp / "corpus")
    content = tmp / "corpus" / "ours"
    shutil.copytree(ROOT / "theme", tmp / "corpus" / "theme")
    theme = [f'THEME="{tmp / "corpus" / "theme"}"']
    first = build(content, tmp / "output", cache=tmp / "cache", extra=theme)
    assert first.returncode == 0, first.stderr
    results = {}
    for step, (name, (edit, story)) in enumerate(EDITS.items()):
        edit(content, story)
        before = _mtimes(tmp / "output")
        rebuilt = build(content, tmp / "output", cache=tmp / "cache", extra=theme, flags=["-v"])
        after = _mtimes(tmp / "output")
        rewritten = {f: (tmp / "output" / f).read_text(encoding="utf-8", errors="replace")
                     for f in after if before.get(f) != after[f]}
        fresh = build(content, tmp / f"fresh-{step}", cache=tmp / f"fresh-{step}-cache", extra=theme)
        assert fresh.returncode == 0, fresh.stderr
        results[name] = Rebuild(rebuilt.returncode, differences(rebuilt.output, fresh.output), rewritten,
                                _rendered(rebuilt), (_problems(rebuilt), _problems(fresh)))
    return results


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_after_an_edit_writes_what_a_build_from_scratch_writes(rebuilds, edit):
    assert rebuilds[edit].returncode == 0
    assert rebuilds[edit].differences == []


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_after_an_edit_reports_what_a_build_from_scratch_reports(rebuilds, edit):
    rebuilt, fresh = rebuilds[edit].problems
    assert rebuilt == fresh


def test_registry_problems_are_reported_again_by_rebuilds_that_reuse_the_registry(rebuilds):
    rebuilt, _ = rebuilds["a deleted story"].problems
    assert any("franchises.yaml" in line or "unknown franchise" in line for line in rebuilt)


def test_a_rebuild_with_nothing_changed_renders_and_rewrites_no_page(rebuilds):
    rebuild = rebuilds["nothing"]
    assert rebuild.rendered and all(count == 0 for count, _ in rebuild.rendered.values())
    assert not [f for f in rebuild.rewritten if f.endswith(".html")]


def test_a_sentence_added_to_a_story_renders_a_small_part_of_the_site(rebuilds):
    rendered = rebuilds["a sentence added to a story"].rendered
    done = sum(count for count, _ in rendered.values())
    kept = sum(count for _, count in rendered.values())
    assert 0 < done < (done + kept) / 4


def test_a_sentence_added_to_a_story_rewrites_only_that_storys_page(rebuilds):
    pages = {f: text for f, text in rebuilds["a sentence added to a story"].rewritten.items() if f.endswith(".html")}
    assert len(pages) == 1 and "A closing&nbsp;sentence." in next(iter(pages.values()))  # typogrify's widont


def test_a_sentence_added_to_a_story_indexes_only_that_storys_year_again(rebuilds):
    rewritten = rebuilds["a sentence added to a story"].rewritten
    [story] = [f for f in rewritten if f.endswith(".html")]
    assert {f.split("/")[1] for f in rewritten if f.startswith("pagefind/")} == {story.split("/")[0]}


def test_a_rebuild_with_nothing_changed_leaves_the_search_index_untouched(rebuilds):
    assert not [f for f in rebuilds["nothing"].rewritten if f.startswith("pagefind/")]


def test_a_template_edit_renders_every_page_again(rebuilds):
    rebuild = rebuilds["a template"]
    assert all(kept == 0 for _, kept in rebuild.rendered.values())
    assert "Edited footer" in rebuild.rewritten["index.html"]


def test_a_deleted_storys_page_is_removed_with_its_folder(rebuilds):
    rebuild = rebuilds["a deleted story"]
    assert [f for f in rebuild.differences] == []
    assert rebuild.rendered["ArticlesGenerator"][0] > 0
