"""Bad input: every broken story or registry file is explained as `path:line: what to fix`, and nothing else is lost.

The corpus is tests/bad_input/ (one folder a case, see tests/bad_input_cases.py), each case
laid over tests/fixtures/mini. For every case that is an error, `make publish` and `make check`
both refuse the site and print the case's lines; for input that must be tolerated (a BOM,
CRLF line ends, 5 MB, colons, an offset, markup) the site builds cleanly with the right page.
No Python traceback ever reaches the editor, and mini's own stories are always built.
"""

import re

import pytest

from bad_input_cases import cases, lay_over
from conftest import ROOT, build, copy_fixture

CASES = cases()
ERRORS = [name for name, case in CASES.items() if not case.tolerated]
TOLERATED = [name for name, case in CASES.items() if case.tolerated]
MINI_STORIES = ["2020/05/extraction-2-joe-russo-writes/index.html", "2023/06/native/index.html",
                "2023/07/dead-reckoning/index.html"]
# What the issue lists, by the case that covers it.
ISSUE = {"invalid-yaml", "tab-indentation", "unquoted-colons", "missing-title", "empty-title", "missing-date",
         "impossible-date", "unparseable-date", "time-zone-name", "time-zone-offset", "empty-file",
         "front-matter-only", "body-only", "not-utf8", "byte-order-mark", "crlf-line-ends", "five-megabyte-story",
         "duplicate-slug", "registry-names-slug-alike", "unknown-film", "unknown-franchise-and-platform",
         "unknown-related-slug", "javascript-source-url", "markup-in-every-field", "registry-missing-field",
         "registry-wrong-type", "registry-duplicate-entry", "registry-alias-two-entries"}


def with_gaps(names, aspect):
    """The cases, those whose case.yaml names a known gap in `aspect` marked as expected to fail."""
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=CASES[name].known_gap[aspect]))
            if aspect in CASES[name].known_gap else name for name in names]


def test_the_corpus_covers_the_issue_with_at_least_thirty_cases():
    assert ISSUE <= set(CASES) and len(CASES) >= 30


@pytest.mark.parametrize("name", ERRORS)
def test_each_error_case_names_a_file_and_says_what_to_do(name):
    lines = CASES[name].build + CASES[name].check
    where_what_fix = re.compile(r"^mini/\S+?(:\d+)?: (error|warning): .*(; |: | must | should | not one of )")
    assert CASES[name].build and CASES[name].check
    assert [line for line in lines if not where_what_fix.match(line)] == []


# make publish ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", with_gaps(ERRORS, "build"))
def test_publish_prints_the_problem_with_file_line_and_fix(bad_input, name):
    printed = bad_input[name].publish.stderr.splitlines()
    assert [line for line in CASES[name].build if line not in printed] == []


@pytest.mark.parametrize("name", with_gaps(ERRORS, "publish"))
def test_publish_refuses_the_site(bad_input, name):
    published = bad_input[name].publish
    assert published.returncode != 0
    assert "Reelnews: strict build (publish/check) refused: fix the lines above." in published.stderr


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_traceback_reaches_the_editor(bad_input, name):
    outcome = bad_input[name]
    for printed in (outcome.publish.stdout, outcome.publish.stderr, outcome.check.stdout, outcome.check.stderr):
        assert "Traceback" not in printed


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_good_story_still_builds(bad_input, name):
    published = bad_input[name].publish
    assert [page for page in MINI_STORIES if not published.exists(page)] == []


# make check ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ERRORS)
def test_check_prints_the_problem_with_file_line_and_fix_and_fails(bad_input, name):
    checked = bad_input[name].check
    assert checked.returncode == 1
    assert [line for line in CASES[name].check if line not in checked.stdout.splitlines()] == []


# tolerated input -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TOLERATED)
def test_tolerated_input_publishes_cleanly_with_its_page(bad_input, name):
    outcome = bad_input[name]
    assert outcome.publish.returncode == 0, outcome.publish.stderr
    assert "Reelnews: 0 error(s), 0 warning(s)" in outcome.publish.stderr
    assert outcome.publish.exists(CASES[name].page)
    assert outcome.check.returncode == 0, outcome.check.stdout


def story_page(bad_input, name):
    return bad_input[name].publish.page(CASES[name].page)


def read(element):
    """An element's text as a reader sees it (typogrify's no-break spaces as plain ones)."""
    return " ".join(element.get_text().split())


def chips(page):
    """Names in the story's 'In this story' block, as read."""
    return [read(a) for a in page.select(".chips a")]


def test_a_byte_order_mark_is_not_part_of_the_story(bad_input):
    page = story_page(bad_input, "byte-order-mark")
    assert read(page.h1) == "Saved with a byte order mark"
    assert "\ufeff" not in bad_input["byte-order-mark"].publish.text(CASES["byte-order-mark"].page)


def test_windows_line_ends_read_as_the_same_story(bad_input):
    page = story_page(bad_input, "crlf-line-ends")
    assert read(page.h1) == "Saved on Windows"
    assert [read(p) for p in page.select(".body p")] == ["First paragraph.", "Second paragraph."]
    assert "Joe Russo" in chips(page)


def test_a_five_megabyte_story_is_published_whole(bad_input):
    source = bad_input["five-megabyte-story"].content / "stories" / "2021" / "five-megabyte-story.md"
    assert source.stat().st_size >= 5_000_000
    page = bad_input["five-megabyte-story"].publish.text(CASES["five-megabyte-story"].page)
    body = page.split('<div class="body">', 1)[1].split("</div>", 1)[0]  # not parsed: 5 MB of soup is slow
    written = source.read_text(encoding="utf-8").count("Extraction 2 keeps going")
    assert body.count("<p>Extraction 2 keeps going") == written


def test_a_utc_offset_keeps_the_story_on_its_local_day(bad_input):
    time = story_page(bad_input, "time-zone-offset").select_one(".byline time")
    assert time["datetime"] == "2021-03-01T00:30:00+02:00"
    assert time.get_text().startswith("1 March 2021")


def test_unquoted_colons_in_title_film_and_franchise_read_as_text(bad_input):
    page = story_page(bad_input, "unquoted-colons")
    assert read(page.h1) == "Cruise: Dead Reckoning is the hardest stunt yet"
    assert {"Mission: Impossible – Dead Reckoning Part One", "Mission: Impossible"} <= set(chips(page))


def test_a_registry_file_with_a_byte_order_mark_and_windows_line_ends_reads_as_usual(bad_input):
    assert "Zoë Kravitz" in chips(story_page(bad_input, "registry-crlf-and-bom"))


# the development build -------------------------------------------------------------------------

STORY_CASES = [name for name, case in CASES.items() if not (case.folder / "data").exists() and not case.pad_to_bytes]


@pytest.fixture(scope="session")
def together(tmp_path_factory):
    """Every case that only adds stories, all in one mini, built as `make html` builds it."""
    tmp = tmp_path_factory.mktemp("bad-input-together")
    site = copy_fixture("mini", tmp)
    for name in STORY_CASES:
        lay_over(CASES[name], site)
    return build(site, tmp / "output")


def test_the_development_build_reports_every_case_and_finishes(together):
    assert together.returncode == 0
    printed = together.stderr.splitlines()
    expected = [line for name in STORY_CASES if "build" not in CASES[name].known_gap
                for line in CASES[name].build]
    assert [line for line in expected if line not in printed] == []
    assert "Traceback" not in together.stderr + together.stdout


def test_the_development_build_still_builds_every_good_story(together):
    pages = MINI_STORIES + [CASES[name].page for name in STORY_CASES if CASES[name].tolerated]
    assert [page for page in pages if not together.exists(page)] == []


def test_the_summary_counts_every_error_printed(together):
    printed = sum(bool(re.match(r"^mini/\S+: error: ", line)) for line in together.stderr.splitlines())
    assert re.search(r"Reelnews: (\d+) error\(s\)", together.stderr).group(1) == str(printed)


# the README -----------------------------------------------------------------------------------

def readme_messages():
    """The messages the README's 'Problems the build may report' tables explain, as patterns
    (each `<...>` there stands for any name, value or file)."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Problems the build may report")[1]
    rows = re.findall(r"^\| `([^`]+)` \|", section.split("\n## ")[0], flags=re.MULTILINE)
    return [re.compile(".+".join(map(re.escape, re.split(r"<[^>]+>", row)))) for row in rows]


@pytest.mark.parametrize("name", ERRORS)
def test_the_readme_explains_every_message_of_the_case(name):
    explained = readme_messages()
    messages = [line.split(": ", 2)[2] for line in CASES[name].build + CASES[name].check]
    assert [m for m in messages if not any(pattern.fullmatch(m) for pattern in explained)] == []


def test_publish_of_a_clean_site_exits_zero(mini_publish):
    assert mini_publish.returncode == 0, mini_publish.stderr
