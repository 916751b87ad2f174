"""The benchmark's corpus: the same stories for a seed, valid for our build and plain Pelican alike.

No timings here: `make bench` measures, the tests only make sure it measures real sites.
"""

import filecmp
import sys
from collections import Counter

import pytest

from conftest import ROOT, build

sys.path.insert(0, str(ROOT / "bench"))

import corpus as bench_corpus  # noqa: E402

SIZE = 40


def tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def same_files(one, two):
    files = tree(one)
    return files == tree(two) and all(filecmp.cmp(one / f, two / f, shallow=False) for f in files)


@pytest.fixture(scope="session")
def written(tmp_path_factory):
    """A small corpus, written once, with its in-memory form."""
    folder = tmp_path_factory.mktemp("bench-corpus")
    stories = bench_corpus.make_corpus(SIZE, seed=7)
    bench_corpus.write_corpus(stories, folder)
    return folder, stories


@pytest.fixture(scope="session")
def ours_built(written, tmp_path_factory):
    folder, _ = written
    return build(folder / "ours", tmp_path_factory.mktemp("bench-ours") / "output")


@pytest.fixture(scope="session")
def plain_built(written, tmp_path_factory):
    folder, _ = written
    return build(folder / "plain", tmp_path_factory.mktemp("bench-plain") / "output", settings="bench/plainconf.py")


def test_one_seed_always_writes_the_same_files(written, tmp_path):
    folder, _ = written
    bench_corpus.write_corpus(bench_corpus.make_corpus(SIZE, seed=7), tmp_path)
    assert same_files(folder, tmp_path)


def test_another_seed_writes_other_stories(written):
    _, stories = written
    other = bench_corpus.make_corpus(SIZE, seed=8)
    assert [s.title for s in other.stories] != [s.title for s in stories.stories]


def test_registry_has_hundreds_of_franchises_and_thousands_of_people():
    big = bench_corpus.make_corpus(2000)
    assert len(big.franchises) >= 200 and len(big.people) >= 2000 and len(big.films) >= 1000


def test_popularity_is_skewed_like_real_film_news():
    big = bench_corpus.make_corpus(2000)
    people = Counter(name for story in big.stories for name, _ in story.people)
    franchises = Counter(name for story in big.stories for name in big.franchises_of(story))
    counts = sorted(people.values(), reverse=True)
    assert counts[0] >= 100 and counts[len(counts) // 2] <= 2  # a star in many stories, most people in one or two
    assert franchises.most_common(1)[0][1] >= 100


def test_both_copies_hold_the_same_stories_with_the_same_bodies(written):
    folder, stories = written
    for story in stories.stories:
        ours = bench_corpus.story_path(folder / "ours", story)
        plain = bench_corpus.story_path(folder / "plain", story)
        assert ours.read_text().split("\n---\n\n", 1)[1] == plain.read_text().split("\n\n", 1)[1]


def test_our_build_reads_every_story_without_a_problem(ours_built, written):
    _, stories = written
    assert ours_built.returncode == 0, ours_built.stderr
    assert "Reelnews: 0 error(s), 0 warning(s)" in ours_built.stderr
    for story in stories.stories:
        page = ours_built.page(f"{story.date:%Y/%m}/{story.name}/index.html")
        assert page.select_one("h1").get_text().replace("\xa0", " ") == story.title


def test_our_build_gives_every_named_film_and_person_a_hub(ours_built, written):
    _, stories = written
    from registry import slug
    for story in stories.stories:
        for title in story.films:
            assert ours_built.exists(f"film/{slug(title)}/index.html")
        for name, _ in story.people:
            assert ours_built.exists(f"person/{slug(name)}/index.html")


def test_plain_pelican_builds_the_same_stories_with_every_subject_as_a_tag(plain_built, written):
    _, stories = written
    assert plain_built.returncode == 0, plain_built.stderr
    story = stories.stories[0]
    page = plain_built.page(f"{story.date:%Y/%m}/{story.name}/index.html")
    tags = {a.get_text(strip=True) for a in page.select(".post-info a[href*='tag/']")}
    assert {*story.films, *(name for name, _ in story.people)} <= tags


def test_a_story_reads_the_same_in_both_builds(ours_built, plain_built, written):
    _, stories = written
    story = stories.stories[0]
    relative = f"{story.date:%Y/%m}/{story.name}/index.html"
    ours = [p.get_text() for p in ours_built.page(relative).select_one("article").find_all("p")]
    plain = [p.get_text() for p in plain_built.page(relative).select_one(".entry-content").find_all("p")
             if not p.find_parent("footer")]
    assert plain and all(paragraph in ours for paragraph in plain)
