"""Properties over arbitrary input: reading never crashes, never loses a story silently."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build, copy_fixture
from registry import identity, slug
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


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=120),
                          st.builds(lambda t, d, b: f"---\ntitle: {t}\ndate: {d}\n---\n{b}".encode(),
                                    names, st.sampled_from(["2021-01-02 10:00", "2021-13-01", "x", ""]), names)),
                min_size=1, max_size=8))
def test_every_story_file_gives_one_page_or_one_reported_error(tmp_path_factory, stories):
    tmp = tmp_path_factory.mktemp("prop")
    site = copy_fixture("mini", tmp)
    folder = site / "stories" / "fuzz"
    folder.mkdir()
    for number, data in enumerate(stories):
        (folder / f"fuzz{number}.md").write_bytes(data)
    result = build(site, tmp / "output")
    assert result.returncode == 0 and "Traceback" not in result.stderr + result.stdout
    for number in range(len(stories)):
        name = f"fuzz{number}"
        reported = re.search(rf"mini/stories/fuzz/{name}\.md:\d+: error:", result.stderr) is not None
        published = any(result.output.glob(f"*/*/{name}/index.html"))
        assert reported != published, f"{name}.md: reported={reported} published={published}"
