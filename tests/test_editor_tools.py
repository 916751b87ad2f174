"""The editor's tools end to end: `make story`, `make check` and `make import` on copies of fixture sites.

Every check rule has a fixture (tests/fixtures/check_<rule>/) laid over the clean
site tests/fixtures/check_clean/, and its test lists every line `make check` prints for it.
"""

import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build, copy_fixture
from editor_tools.check import check
from editor_tools.clipping import mentions
from editor_tools.stories import address
from registry import load_registry
from story_reader.frontmatter import decode, split

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)  # "today" for the in-process checks
CLIPPING = FIXTURES / "clippings" / "extraction-2-clipping.txt"  # a copy of ../shared/seed/'s clipping


def make(target, **variables):
    """`make <target> VAR=value...` in the project, as an editor types it."""
    args = ["make", "--no-print-directory", "-C", str(ROOT), target, *(f"{k}={v}" for k, v in variables.items())]
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def tool(command, *args):
    """`python -m editor_tools.<command> ...`, the way the Makefile runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", f"editor_tools.{command}", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def site(tmp_path, *rules):
    """A writable copy of check_clean with each check_<rule> fixture's files laid over it."""
    content = copy_fixture("check_clean", tmp_path)
    for rule in rules:
        shutil.copytree(FIXTURES / f"check_{rule}", content, dirs_exist_ok=True)
    return content


def lint(content, now=NOW):
    problems, _ = check(str(content), now)
    return [str(problem) for problem in problems]


def front_matter(path):
    fields, body, _ = split(decode(path.read_bytes()))
    return fields, body


def stories(content):
    return sorted(p.relative_to(content).as_posix() for p in (content / "stories").rglob("*.md"))


# make check ------------------------------------------------------------------------------------

def test_check_passes_a_clean_site(tmp_path):
    result = tool("check", "--content", str(site(tmp_path)))
    assert result.returncode == 0
    assert result.stdout == "0 error(s), 0 warning(s), 0 note(s) in 1 stories\n"


def test_check_through_make_prints_path_line_problems_and_a_summary_and_fails(tmp_path):
    content = site(tmp_path, "unknown_names")
    result = make("check", CONTENT=content)
    assert result.returncode != 0
    story = f"{content}/stories/2021/names-the-registry-does-not-know.md"
    assert result.stdout.splitlines()[-6:] == [
        f"{story}:4: error: unknown film 'Extracton 2': did you mean 'Extraction 2'?",
        f"{story}:4: error: unknown film 'Glass Onion': add it to content/data/films.yaml or fix the spelling",
        f"{story}:5: error: unknown franchise 'Extractoin': did you mean 'Extraction'?",
        f"{story}:6: error: unknown person 'Chris Hemsworht': did you mean 'Chris Hemsworth'?",
        f"{story}:7: error: unknown platform 'Netflx': did you mean 'Netflix'?",
        "5 error(s), 0 warning(s), 0 note(s) in 2 stories",
    ]


def test_check_warnings_alone_do_not_fail(tmp_path):
    result = tool("check", "--content", str(site(tmp_path, "missing_summary")))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "0 error(s), 1 warning(s), 0 note(s) in 2 stories"


# check_<rule> fixture -> every line `make check` prints for it ({content}: the content folder)
RULES = {
    "alias": [
        "{content}/stories/2021/aliases-and-spellings.md:4: note: film 'Extraction II' is an alias; "
        "the registry's name 'Extraction 2' reads better",
        "{content}/stories/2021/aliases-and-spellings.md:5: note: person 'Joseph Russo' is an alias; "
        "the registry's name 'Joe Russo' reads better",
        "{content}/stories/2021/aliases-and-spellings.md:6: note: platform 'netflix' is spelled 'Netflix' "
        "in the registry",
    ],
    "duplicate_slug": [
        "{content}/stories/2021/extraction-2-joe-russo-writes.md:1: error: the address "
        "'extraction-2-joe-russo-writes' is taken by {content}/stories/2020/extraction-2-joe-russo-writes.md; "
        "rename this file (or set 'slug:')",
    ],
    "duplicate_title": [
        "{content}/stories/2021/russo-writes-again.md:2: error: the headline 'Joe Russo signs on to write "
        "Extraction 2' is already used by {content}/stories/2020/extraction-2-joe-russo-writes.md; make it distinct",
    ],
    "slug_clash": [
        "{content}/stories/2021/two-tags-one-page.md:5: error: tag 'Disney+' and tag 'Disney' "
        "({content}/stories/2021/two-tags-one-page.md) share the page tag/disney/; use one of them",
    ],
    "future_date": [
        "{content}/stories/2021/from-the-future.md:3: error: the date 2999-01-01 09:00 is in the future; "
        "a static site would show the story at once, so date it today",
    ],
    "bad_front_matter": [
        "{content}/stories/2021/not-a-real-date.md:3: error: 'date: 2021-02-30 09:00' is not a real date "
        "or time; check the day, month and hour",
    ],
    "bad_status": [
        "{content}/stories/2021/misspelled-status.md:4: error: status 'publish' is not one of published, "
        "draft, hidden",
    ],
    "unknown_field": [
        "{content}/stories/2021/misspelled-field.md:4: error: unknown field 'flim' is ignored; "
        "did you mean 'film'?",
    ],
    "missing_summary": [
        "{content}/stories/2021/no-summary.md:1: warning: no summary: add 'summary:' with one or two "
        "sentences for lists, feeds and social cards",
    ],
    "image_alt": [
        "{content}/stories/2021/images-without-alt.md:9: error: image without alt text: say what it shows, "
        "as ![Chris Hemsworth on set](...) or <img alt=\"...\">",
        "{content}/stories/2021/images-without-alt.md:11: error: image without alt text: say what it shows, "
        "as ![Chris Hemsworth on set](...) or <img alt=\"...\">",
    ],
    "missing_link": [
        "{content}/stories/2021/links-to-missing-files.md:9: error: '{filename}../2019/never-written.md#top' "
        "links to a file that does not exist: {content}/stories/2019/never-written.md",
    ],
    "film_without_franchise": [
        "{content}/data/films.yaml:10: warning: film 'Knives Out' has no franchise: add 'franchise: <name>' "
        "so its stories reach a franchise hub",
    ],
    "related_pins": [
        "{content}/stories/2021/pins-to-check.md:5: error: related story 'extraction-2-joe-russo-write' does not "
        "exist; did you mean 'extraction-2-joe-russo-writes'?",
        "{content}/stories/2021/pins-to-check.md:5: error: related story 'pins-to-check' is this story itself; "
        "remove it from 'related'",
        "{content}/stories/2021/pins-to-check.md:5: error: related story 'still-a-draft' is not published; "
        "remove it from 'related'",
        "{content}/stories/2021/related-as-a-map.md:4: error: 'related' must be a list of story slugs (file names "
        "without .md), e.g. related: [extraction-arrives-on-netflix]",
    ],
    "lead_image": [
        "{content}/stories/2021/image-not-found.md:4: error: image 'images/2021/nowhere.jpg' not found; put the "
        "file at content/images/2021/nowhere.jpg",
        "{content}/stories/2021/image-outside-images.md:4: error: image 'stories/2021/still.png' must be inside "
        "content/images/",
        "{content}/stories/2021/image-without-alt.md:4: error: the image has no 'image_alt'; describe what it "
        "shows for readers who cannot see it",
    ],
    "front_matter_types": [
        "{content}/stories/2021/wrong-types.md:2: error: 'title' must be text, not a list or a map",
        "{content}/stories/2021/wrong-types.md:4: error: 'modified: yesterday' is not a date Reelnews understands; "
        "write it as YYYY-MM-DD HH:MM (for example 2020-05-05 09:00)",
        "{content}/stories/2021/wrong-types.md:5: error: 'summary' must be text, not a list or a map",
        "{content}/stories/2021/wrong-types.md:6: error: 'slug: Extraction 2 News!' is not a web address; write it "
        "in lower case with hyphens, e.g. slug: extraction-2-news",
        "{content}/stories/2021/wrong-types.md:7: error: 'tags' must be a list of words, e.g. tags: [sequel, casting]",
    ],
    "no_body": [
        "{content}/stories/2021/body-only.md:1: error: no front-matter found; start the file with a '---' block "
        "holding title and date",
        "{content}/stories/2021/headline-only.md:5: error: the story has no text below its front-matter; "
        "write the body",
    ],
    "clipping_left": [
        "{content}/stories/2021/clipping-still-here.md:6: error: the imported clipping is still here: rewrite "
        "it in our own words and delete the quote, or keep 'status: draft'",
    ],
}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_check_rule_prints_exactly_its_lines(tmp_path, rule):
    content = site(tmp_path, rule)
    assert lint(content) == [line.replace("{content}", str(content)) for line in RULES[rule]]


# make story ------------------------------------------------------------------------------------

def test_story_through_make_fills_the_front_matter_from_the_registry(tmp_path):
    content = site(tmp_path)
    result = make("story", CONTENT=content, TITLE="Hemsworth returns for Extraction 2",
                  FILM="extraction ii", PEOPLE="Joseph Russo: writer, Chris Hemsworth")
    assert result.returncode == 0, result.stderr
    year = datetime.now(timezone.utc).year
    path = content / "stories" / str(year) / "hemsworth-returns-for-extraction-2.md"
    assert result.stdout.splitlines()[-1] == str(path)
    fields, body = front_matter(path)
    assert fields["title"] == "Hemsworth returns for Extraction 2"
    assert fields["date"].startswith(f"{datetime.now(timezone.utc):%Y-%m-%d}")
    assert fields["film"] == "Extraction 2"
    assert fields["franchise"] == "Extraction"
    assert fields["platform"] == "Netflix"
    assert fields["people"] == [{"Joe Russo": "writer"}, "Chris Hemsworth"]
    assert body.strip() == ""


def test_a_new_story_only_lacks_its_summary_and_its_text_for_check(tmp_path):
    content = site(tmp_path)
    path = tool("story", "--content", str(content), "--title", "Netflix confirms Extraction 2",
                "--film", "Extraction 2").stdout.strip()
    closing = Path(path).read_text(encoding="utf-8").split("\n").index("---", 1) + 1
    assert lint(content, datetime.now(timezone.utc)) == [
        f"{path}:1: warning: no summary: add 'summary:' with one or two sentences for lists, feeds and social cards",
        f"{path}:{closing}: error: the story has no text below its front-matter; write the body"]


def test_story_keeps_colons_and_quotes_in_the_title(tmp_path):
    content = site(tmp_path)
    title = 'Russo: "Extraction 2 goes backward in time"'
    path = tool("story", "--content", str(content), "--title", title, "--film", "Extraction 2").stdout.strip()
    fields, _ = front_matter(content / path)
    assert fields["title"] == title


def test_story_refuses_to_overwrite(tmp_path):
    content = site(tmp_path)
    first = make("story", CONTENT=content, TITLE="Extraction 2 starts filming", FILM="Extraction 2")
    path = content / first.stdout.splitlines()[-1]
    path.write_text(path.read_text(encoding="utf-8") + "The editor's text.\n", encoding="utf-8")
    again = make("story", CONTENT=content, TITLE="Extraction 2 starts filming", FILM="Extraction 2")
    assert again.returncode != 0
    assert "already has the address 'extraction-2-starts-filming'" in again.stderr
    assert path.read_text(encoding="utf-8").endswith("The editor's text.\n")


def test_story_with_an_unknown_film_suggests_the_known_one_and_writes_nothing(tmp_path):
    content = site(tmp_path)
    result = make("story", CONTENT=content, TITLE="A typo", FILM="Extracton 2")
    assert result.returncode != 0
    assert "error: unknown film 'Extracton 2': did you mean 'Extraction 2'?" in result.stderr
    assert "No story written." in result.stderr
    assert stories(content) == ["stories/2020/extraction-2-joe-russo-writes.md"]


# make import -----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """check_clean with the seed clipping imported through `make import`, then built once."""
    tmp = tmp_path_factory.mktemp("imported")
    content = copy_fixture("check_clean", tmp)
    result = make("import", CONTENT=content, CLIP=CLIPPING)
    assert result.returncode == 0, result.stderr
    draft = content / result.stdout.splitlines()[-1]
    fields, body = front_matter(draft)
    return {"content": content, "draft": draft, "fields": fields, "body": body,
            "text": draft.read_text(encoding="utf-8"), "build": build(content, tmp / "output")}


def test_import_writes_a_draft_dated_from_the_clipping(imported):
    assert imported["fields"]["status"] == "draft"
    assert imported["fields"]["date"] == "2020-05-05"
    assert imported["draft"].parent.name == "2020"


def test_import_suggests_a_title_from_the_first_sentence(imported):
    title = "A sequel to Chris Hemsworth action thriller Extraction is already in the works in Netflix"
    assert imported["fields"]["title"] == title
    assert imported["draft"].name == f"{address(title)}.md"


def test_import_names_the_films_people_and_platform_the_registry_knows(imported):
    fields = imported["fields"]
    assert fields["film"] == ["Extraction", "Extraction 2"]
    assert fields["franchise"] == "Extraction"
    assert fields["people"] == ["Chris Hemsworth", "Joe Russo", "Sam Hargrave"]
    assert fields["platform"] == "Netflix"


def test_import_removes_advertisements_and_sign_up_boilerplate(imported):
    for boilerplate in ("Advertisement", "Sign me up", "newsletter", "privacy policy", "inbox"):
        assert boilerplate not in imported["text"]


def test_import_keeps_the_clipping_as_a_quoted_note_to_rewrite(imported):
    body = imported["body"]
    assert body.lstrip().startswith("**Rewrite this in our own words before publishing**")
    assert "> According to Deadline, there are high hopes for Hemsworth" in body
    assert "> Russo said, “The deal is closed for me to write Extraction 2" in body


def test_a_draft_is_not_published_and_the_build_counts_it(imported):
    output = imported["build"]
    assert output.returncode == 0, output.stderr
    assert "1 draft(s) skipped" in output.stderr
    assert output.exists("2020/05/extraction-2-joe-russo-writes/index.html")
    published = b"".join(path.read_bytes() for path in output.output.rglob("*") if path.is_file())
    assert b"a-sequel-to-chris-hemsworth" not in published
    assert b"According to Deadline" not in published


def test_import_refuses_to_overwrite(tmp_path):
    content = site(tmp_path)
    assert tool("clipping", "--content", str(content), "--clip", str(CLIPPING)).returncode == 0
    again = tool("clipping", "--content", str(content), "--clip", str(CLIPPING))
    assert again.returncode == 1
    assert "already has the address" in again.stderr


def test_import_needs_the_date_line(tmp_path):
    clip = tmp_path / "undated.txt"
    clip.write_text("Extraction 2 is coming.\n", encoding="utf-8")
    result = tool("clipping", "--content", str(site(tmp_path)), "--clip", str(clip))
    assert result.returncode == 1
    assert result.stderr == (f"{clip}:1: error: a clipping starts with its date, as 'date YYYY-MM-DD', "
                             "then the text\n")


def test_import_prefers_the_longest_name_and_respects_capitals(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "films.yaml").write_text("- title: It\n- title: Extraction\n- title: Extraction 2\n", encoding="utf-8")
    found = mentions("It was Extraction 2 that did it.", load_registry(str(data)))
    assert [film.name for film in found["film"]] == ["It", "Extraction 2"]
