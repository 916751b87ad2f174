"""The search index: a Pagefind bundle per year of stories, and a year indexed again only when
its story pages change. Real Pagefind over small hand-written sites."""

import json
import shutil

import pytest

from search_index.indexer import SHARDS, Indexing, index_site, shard_globs

SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>
<body><nav>Menu</nav><article data-pagefind-body><h1>{title}</h1><p>{text}</p></article></body></html>
"""


def write_story(site, path, title, text="A film story."):
    page = site / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(title=title, text=text), encoding="utf-8")


def bundle_files(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    write_story(site, "2023/05/heist-wraps/index.html", "Heist wraps")
    write_story(site, "2024/01/sequel-dated/index.html", "Sequel dated")
    write_story(site, "2024/02/trailer-lands/index.html", "Trailer lands")
    write_story(site, "franchise/heist/index.html", "A hub page")
    return site


def test_stories_saved_under_their_year_get_a_shard_per_year_newest_first():
    paths = ["2023/05/a/index.html", "2025/01/b/index.html", "2024/02/c/index.html"]
    assert shard_globs(SAVE_AS, paths) == {"2025": "2025/*/*/index.html", "2024": "2024/*/*/index.html",
                                           "2023": "2023/*/*/index.html"}


def test_stories_not_saved_under_their_year_share_one_shard():
    assert shard_globs("news/{slug}.html", ["news/a.html", "news/b.html"]) == {"all": "news/*.html"}


def test_a_site_without_stories_has_no_shard():
    assert shard_globs(SAVE_AS, []) == {}
    assert shard_globs("news/{slug}.html", []) == {}


def test_each_year_gets_its_own_bundle_of_only_its_stories(site):
    assert index_site(site, SAVE_AS) == ""
    assert json.loads((site / "pagefind" / SHARDS).read_text()) == ["2024", "2023"]
    for year, stories in (("2024", 2), ("2023", 1)):
        entry = json.loads((site / "pagefind" / year / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == stories


def test_a_year_whose_stories_did_not_change_keeps_its_bundle_untouched(site, tmp_path):
    state = tmp_path / "cache" / "search_index.json"
    assert index_site(site, SAVE_AS, state) == ""
    before = bundle_files(site)
    write_story(site, "2024/02/trailer-lands/index.html", "Trailer lands", "A longer film story.")
    assert index_site(site, SAVE_AS, state) == ""
    after = bundle_files(site)
    changed = {f for f in after if after[f] != before.get(f)}
    assert changed and {f.split("/")[1] for f in changed} == {"2024"}


def test_without_a_state_file_every_year_is_indexed_again(site):
    assert index_site(site, SAVE_AS) == ""
    before = bundle_files(site)
    assert index_site(site, SAVE_AS) == ""
    after = bundle_files(site)
    assert any(after[f] != before[f] for f in after if f.startswith("pagefind/2023/"))


def test_a_deleted_bundle_is_indexed_again_though_its_stories_did_not_change(site, tmp_path):
    state = tmp_path / "cache" / "search_index.json"
    assert index_site(site, SAVE_AS, state) == ""
    shutil.rmtree(site / "pagefind" / "2023")
    assert index_site(site, SAVE_AS, state) == ""
    assert (site / "pagefind" / "2023" / "pagefind-entry.json").exists()


def test_a_year_with_no_stories_left_loses_its_bundle(site, tmp_path):
    state = tmp_path / "cache" / "search_index.json"
    assert index_site(site, SAVE_AS, state) == ""
    (site / "2023" / "05" / "heist-wraps" / "index.html").unlink()
    assert index_site(site, SAVE_AS, state) == ""
    assert not (site / "pagefind" / "2023").exists()
    assert json.loads((site / "pagefind" / SHARDS).read_text()) == ["2024"]


def test_an_older_single_bundle_is_cleared_away(site):
    (site / "pagefind").mkdir()
    (site / "pagefind" / "pagefind.js").write_text("// an older build's bundle")
    (site / "pagefind" / "fragment").mkdir()
    assert index_site(site, SAVE_AS) == ""
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["2023", "2024", SHARDS]


def test_indexing_in_the_background_ends_with_the_same_index(site, tmp_path):
    assert Indexing(site, SAVE_AS).finish() == ""
    built = bundle_files(site)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    assert index_site(copy, SAVE_AS) == ""
    assert {f: (site / f).read_bytes() for f in built} == {f: (copy / f).read_bytes() for f in bundle_files(copy)}


def test_an_index_that_cannot_be_written_is_reported_with_its_reason(site):
    (site / "pagefind").write_text("a file where the index folder goes")
    complaints = Indexing(site, SAVE_AS).finish()
    assert "could not write the index" in complaints and "pagefind" in complaints
