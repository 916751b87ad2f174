"""Broken stories are reported as `path:line: what to fix`, and nothing else is lost."""

import pytest

from conftest import build, copy_fixture

GOOD = "---\ntitle: {title}\ndate: 2021-03-04 10:00\nfilm: Extraction 2\n---\nText.\n"

# file name -> (bytes, the problem line the editor must see)
CASES = {
    "bad-yaml.md": (b"---\ntitle: [Unclosed list\ndate: 2021-03-04 10:00\n---\nx\n",
                    "bad-yaml.md:3: error: front-matter not valid YAML"),
    "tab-indent.md": (b"---\ntitle: Tabs\npeople:\n\t- Joe Russo\n---\nx\n",
                      "tab-indent.md:4: error: front-matter a tab is used for indentation; indent with spaces"),
    "no-title.md": (b"---\ndate: 2021-03-04 10:00\n---\nx\n",
                    "no-title.md:1: error: the story has no title; add 'title: <headline>'"),
    "empty-title.md": (b"---\ntitle:\ndate: 2021-03-04 10:00\n---\nx\n",
                       "empty-title.md:2: error: the story has no title"),
    "no-date.md": (b"---\ntitle: Undated\n---\nx\n",
                   "no-date.md:1: error: the story has no date; add 'date: YYYY-MM-DD HH:MM'"),
    "impossible-date.md": (b"---\ntitle: Leap\ndate: 2021-02-30 10:00\n---\nx\n",
                           "impossible-date.md:3: error: 'date: 2021-02-30 10:00' is not a real date or time"),
    "vague-date.md": (b"---\ntitle: Soon\ndate: next week\n---\nx\n",
                      "vague-date.md:3: error: 'date: next week' is not a date Reelnews understands"),
    "latin1.md": (b"---\ntitle: Caf\xe9 society\ndate: 2021-03-04 10:00\n---\nx\n",
                  "latin1.md:2: error: the file is not UTF-8 (byte 0xe9); re-save it as UTF-8"),
    "empty.md": (b"", "empty.md:1: error: the file is empty"),
    "unclosed.md": (b"---\ntitle: Open\ndate: 2021-03-04 10:00\nx\n",
                    "unclosed.md:1: error: the front-matter starts with '---' but never ends"),
    "unknown-film.md": (b"---\ntitle: Typo\ndate: 2021-03-04 10:00\nfilm: Extration 2\n---\nx\n",
                        "unknown-film.md:4: warning: unknown film 'Extration 2': did you mean 'Extraction 2'?"),
    "unknown-field.md": (b"---\ntitle: Typo\ndate: 2021-03-04 10:00\nflim: Extraction 2\n---\nx\n",
                         "unknown-field.md:4: warning: unknown field 'flim' is ignored; did you mean 'film'?"),
    "bad-status.md": (b"---\ntitle: Status\ndate: 2021-03-04 10:00\nstatus: publish\n---\nx\n",
                      "bad-status.md:4: error: status 'publish' is not one of published, draft, hidden"),
    "zone-name.md": (b"---\ntitle: Zone\ndate: 2021-03-04 10:00 BST\n---\nx\n",
                     "zone-name.md:3: error: 'date: 2021-03-04 10:00 BST' names its time zone; write it as an offset"),
    "title-list.md": (b"---\ntitle: [One, Two]\ndate: 2021-03-04 10:00\n---\nx\n",
                      "title-list.md:2: error: 'title' must be text, not a list or a map"),
    "body-only.md": (b"Just a paragraph with no header at all.\n\nAnother.\n",
                     "body-only.md:1: error: no front-matter found"),
    "front-matter-only.md": (b"---\ntitle: Headline only\ndate: 2021-03-04 10:00\n---\n",
                             "front-matter-only.md:4: warning: the story has no text below its front-matter"),
}


@pytest.fixture(scope="session")
def broken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("broken")
    site = copy_fixture("mini", tmp)
    (site / "stories" / "bad").mkdir()
    for name, (data, _) in CASES.items():
        (site / "stories" / "bad" / name).write_bytes(data)
    colon = "---\ntitle: Colons welcome\ndate: 2021-03-05 10:00\nfilm: Mission: Impossible – Dead Reckoning Part One\n---\nx\n"
    (site / "stories" / "bad" / "colon-title.md").write_text(colon, encoding="utf-8")
    return {
        "dev": build(site, tmp / "dev"),
        "publish": build(site, tmp / "publish", settings="publishconf.py"),
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_broken_story_names_file_line_and_fix(broken, name):
    assert "mini/stories/bad/" + CASES[name][1] in broken["dev"].stderr


def test_no_traceback_reaches_the_editor(broken):
    assert "Traceback" not in broken["dev"].stderr + broken["dev"].stdout


def test_every_good_story_still_builds(broken):
    dev = broken["dev"]
    assert dev.returncode == 0
    assert dev.exists("2020/05/extraction-2-joe-russo-writes/index.html")
    assert dev.exists("2023/06/native/index.html")


def test_a_film_title_with_an_unquoted_colon_builds(broken):
    page = broken["dev"].page("2021/03/colon-title/index.html")
    assert "Mission: Impossible – Dead Reckoning Part One" in page.get_text()


def test_a_story_with_an_unknown_film_still_builds(broken):
    assert broken["dev"].exists("2021/03/unknown-film/index.html")


def test_the_summary_counts_the_problems(broken):
    assert "Reelnews: 14 error(s), 3 warning(s)" in broken["dev"].stderr


def test_publish_exits_non_zero_on_any_problem(broken):
    assert broken["publish"].returncode != 0
    assert "strict build (publish/check) refused" in broken["publish"].stderr


def test_publish_of_a_clean_site_exits_zero(mini_publish):
    assert mini_publish.returncode == 0, mini_publish.stderr
