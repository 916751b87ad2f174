"""The front-matter reader's pure core: text in, fields and lines out, or a located error."""

import pytest

from story_reader.frontmatter import FrontMatterError, decode, parse_date, split


def test_yaml_block_gives_fields_and_their_lines():
    fields, body, lines = split("---\ntitle: Hello\ndate: 2020-05-05 09:00\n---\nBody text\n")
    assert fields == {"title": "Hello", "date": "2020-05-05 09:00"}
    assert lines == {"title": 2, "date": 3}
    assert body.strip() == "Body text"


def test_people_may_be_names_or_name_role_pairs():
    fields, _, _ = split("---\ntitle: t\npeople:\n  - Joe Russo: writer\n  - Sam Hargrave\n---\n")
    assert fields["people"] == [{"Joe Russo": "writer"}, "Sam Hargrave"]


def test_film_title_with_an_unquoted_colon_is_accepted():
    fields, _, _ = split("---\ntitle: t\nfilm: Mission: Impossible – Dead Reckoning Part One\n---\n")
    assert fields["film"] == "Mission: Impossible – Dead Reckoning Part One"


def test_pelican_native_header_still_works():
    fields, body, lines = split("Title: Simple\nDate: 2021-01-02\nFilm: Dune\n\nText.\n")
    assert fields == {"title": "Simple", "date": "2021-01-02", "film": "Dune"}
    assert lines["film"] == 3
    assert body.strip() == "Text."


def test_dates_stay_text_until_we_check_them():
    fields, _, _ = split("---\ntitle: t\ndate: 2020-02-30\n---\n")
    assert fields["date"] == "2020-02-30"


@pytest.mark.parametrize("text, line, words", [
    ("---\ntitle: [unclosed\ndate: 2020-01-01\n---\n", 3, "not valid YAML"),
    ("---\ntitle: t\n\tdate: 2020-01-01\n---\n", 3, "tab is used for indentation"),
    ("---\ntitle: t\n", 1, "never ends"),
    ("   \n\n", 1, "the file is empty"),
    ("---\ntitle: a\ntitle: b\n---\n", 3, "given twice"),
])
def test_broken_front_matter_names_the_line_and_the_fix(text, line, words):
    with pytest.raises(FrontMatterError) as caught:
        split(text)
    assert caught.value.line == line
    assert words in caught.value.message


def test_non_utf8_bytes_name_their_line():
    with pytest.raises(FrontMatterError) as caught:
        decode(b"---\ntitle: caf\xe9\n---\n")
    assert caught.value.line == 2
    assert "not UTF-8" in caught.value.message


def test_bom_and_crlf_are_tolerated():
    assert decode(b"\xef\xbb\xbf---\r\ntitle: t\r\n") == "---\ntitle: t\n"


@pytest.mark.parametrize("value, expected", [
    ("2020-05-05 09:00", (2020, 5, 5, 9, 0)),
    ("2020-05-05", (2020, 5, 5, 0, 0)),
    ("2020-05-05T09:30:00+02:00", (2020, 5, 5, 9, 30)),
])
def test_editors_date_forms_parse(value, expected):
    parsed = parse_date(value, 4)
    assert (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute) == expected


@pytest.mark.parametrize("value, words", [
    ("2020-02-30", "not a real date"),
    ("2020-05-05 25:00", "not a real date"),
    ("next Tuesday", "not a date Reelnews understands"),
    ("", "is empty"),
])
def test_impossible_or_vague_dates_are_errors(value, words):
    with pytest.raises(FrontMatterError) as caught:
        parse_date(value, 4)
    assert caught.value.line == 4 and words in caught.value.message
