"""Properties over arbitrary input: reading never crashes, never loses a story silently,
and related stories are always other published stories, whatever order they come in."""

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build, copy_fixture
from registry import Problem, identity, load_registry, slug
from related_stories.scoring import FIELDS, Config, Story, related_for_all
from story_reader.frontmatter import FrontMatterError, decode, split

names = st.text(min_size=0, max_size=40)
front_matter_values = st.one_of(names, st.lists(names, max_size=3), st.integers(), st.none())
field_names = st.sampled_from(["title", "date", "film", "people", "platform", "franchise", "source", "summary",
                               "tags", "related", "status", "slug", "modified"])


@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_explained(raw):
    try:
        split(decode(raw))
    except FrontMatterError as err:
        assert err.line >= 1 and err.message


@given(st.dictionaries(field_names, front_matter_values, max_size=8), st.text(max_size=200))
def test_any_yaml_looking_front_matter_is_read_or_explained(fields, body):
    lines = ["---", *(f"{key}: {value}" for key, value in fields.items()), "---", body]
    try:
        split("\n".join(lines))
    except FrontMatterError as err:
        assert 1 <= err.line <= len(lines)


@given(names)
def test_identity_is_idempotent_and_lowercase_ascii(name):
    once = identity(name)
    assert identity(once) == once
    assert re.fullmatch(r"([0-9a-z]+( [0-9a-z]+)*)?", once)


@given(names, names)
def test_two_names_share_a_slug_exactly_when_they_share_an_identity(first, second):
    assert (slug(first) == slug(second)) == (identity(first) == identity(second))


@given(names)
def test_a_slug_is_a_single_safe_path_segment(name):
    assert re.fullmatch(r"([0-9a-z]+(-[0-9a-z]+)*)?", slug(name))


def built_fuzz(tmp_path_factory, stories):
    """mini with the stories added as stories/fuzz/fuzz<N>.md and built: per story, its pages and
    whether an error names it (the build itself must finish without a traceback)."""
    tmp = tmp_path_factory.mktemp("prop")
    site = copy_fixture("mini", tmp)
    folder = site / "stories" / "fuzz"
    folder.mkdir()
    for number, data in enumerate(stories):
        (folder / f"fuzz{number}.md").write_bytes(data)
    result = build(site, tmp / "output")
    assert result.returncode == 0 and "Traceback" not in result.stderr + result.stdout
    return [(list(result.output.glob(f"*/*/fuzz{number}/index.html")),
             re.search(rf"mini/stories/fuzz/fuzz{number}\.md:\d+: error:", result.stderr) is not None)
            for number in range(len(stories))]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=120),
                          st.builds(lambda t, d, b: f"---\ntitle: {t}\ndate: {d}\n---\n{b}".encode(),
                                    names, st.sampled_from(["2021-01-02 10:00", "2021-13-01", "x", ""]), names)),
                min_size=1, max_size=8))
def test_every_story_file_gives_one_page_or_one_reported_error(tmp_path_factory, stories):
    for number, (pages, reported) in enumerate(built_fuzz(tmp_path_factory, stories)):
        assert reported != bool(pages), f"fuzz{number}.md: reported={reported} pages={pages}"


# A story's fields with any value YAML can hold; status and the fields that move its page are left out,
# so every story that builds has its page at YYYY/MM/<file name>/.
any_value = st.recursive(front_matter_values, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(names, inner, max_size=2)), max_leaves=6)
rich_fields = st.dictionaries(st.sampled_from(["film", "films", "people", "platform", "franchise", "source", "summary",
                                               "tags", "related", "modified", "image", "image_alt", "author"]),
                              any_value, max_size=6)


def rich_story(title, date, fields):
    front_matter = yaml.safe_dump({"title": title, "date": date, **fields}, allow_unicode=True)
    return f"---\n{front_matter}---\nText.\n".encode()


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.builds(rich_story, names, st.sampled_from(["2021-01-02 10:00", "2021-01-02T10:00:00+05:30", "x"]),
                          rich_fields), min_size=1, max_size=8))
def test_any_field_values_give_each_story_one_page_or_a_reported_error(tmp_path_factory, stories):
    for number, (pages, reported) in enumerate(built_fuzz(tmp_path_factory, stories)):
        assert len(pages) == 1 or (not pages and reported), f"fuzz{number}.md: reported={reported} pages={pages}"


registry_values = st.one_of(front_matter_values, st.lists(front_matter_values, max_size=2))
registry_keys = st.sampled_from(["title", "name", "year", "aliases", "franchise", "platform", "description", "url",
                                 "sameAs", "studio"])
registry_entries = st.lists(st.dictionaries(registry_keys, registry_values, max_size=5), max_size=6)


@given(st.sampled_from(["films.yaml", "franchises.yaml", "people.yaml", "platforms.yaml"]),
       st.one_of(registry_entries.map(lambda entries: yaml.safe_dump(entries, allow_unicode=True)),
                 st.text(max_size=200)))
def test_any_registry_file_is_read_or_explained_with_its_file_and_line(filename, text):
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, filename).write_text(text, encoding="utf-8")
        registry = load_registry(folder)
    for problem in registry.problems:
        assert isinstance(problem, Problem) and problem.path.endswith(filename) and problem.message
        assert problem.line is None or problem.line >= 1


# Related stories: small corpora of unique slugs, names that collide by identity, and pins to anything.
some_names = st.sampled_from(["Dune", "dune", "Extraction", "Extraction 2", "Chris Hemsworth", "Zoë Kravitz",
                              "Zoe Kravitz", "Netflix", "sequel"])


@st.composite
def corpora(draw):
    slugs = draw(st.lists(st.from_regex(r"[a-z]{1,5}", fullmatch=True), min_size=1, max_size=10, unique=True))
    return [Story(name, float(draw(st.integers(0, 10**9))),
                  tuple(draw(st.lists(st.tuples(st.sampled_from(FIELDS), some_names), max_size=5))),
                  tuple(draw(st.lists(st.sampled_from([*slugs, "nowhere"]), max_size=3))), draw(st.booleans()))
            for name in slugs]


configs = st.builds(Config, count=st.integers(0, 5), threshold=st.sampled_from([0.0, 1.0, 2.0, 8.0]),
                    per_film=st.integers(1, 3), common=st.integers(0, 4))


def picked(stories, related):
    """slug -> (slugs picked in order, the platform a fallback block is the latest on, bad pins).

    The platform is compared by identity: a name two stories spell differently is shown as the
    spelling met first, and the build always hands the stories over newest first."""
    return {story.slug: ([stories[p.index].slug for p in r.picks], identity(r.latest_on or ""), r.bad_pins)
            for story, r in zip(stories, related)}


@given(corpora(), configs)
def test_related_picks_are_other_published_stories_each_once(stories, config):
    related = related_for_all(stories, config)
    assert len(related) == len(stories)
    for i, (story, found) in enumerate(zip(stories, related)):
        chosen = [pick.index for pick in found.picks]
        assert i not in chosen and len(chosen) == len(set(chosen))
        assert all(stories[j].published for j in chosen)
        if not story.published:
            assert found.picks == () and found.bad_pins == ()


@given(corpora(), configs)
def test_every_pin_of_a_published_story_is_shown_or_reported(stories, config):
    for story, found in zip(stories, related_for_all(stories, config)):
        if story.published:
            shown = {stories[pick.index].slug for pick in found.picks if pick.pinned}
            assert shown | {slug for slug, _ in found.bad_pins} == set(story.pinned)


@given(corpora(), configs, st.randoms(use_true_random=False))
def test_related_picks_do_not_depend_on_the_order_stories_come_in(stories, config, random):
    shuffled = random.sample(stories, len(stories))
    assert picked(shuffled, related_for_all(shuffled, config)) == picked(stories, related_for_all(stories, config))
