"""The registry's pure core: one identity per name, validated entries, located problems."""

import textwrap

import pytest

from registry import identity, load_registry


def write_registry(folder, **files):
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_registry(str(folder))


@pytest.fixture
def registry(tmp_path):
    return write_registry(
        tmp_path,
        films="""\
            - title: Extraction 2
              year: 2023
              franchise: Extraction
              platform: Netflix
              aliases: [Extraction II]
            - title: Mission: Impossible – Fallout
              year: 2018
              franchise: Mission: Impossible
            """,
        franchises="""\
            - name: Extraction
              description: Tyler Rake films.
            - name: "Mission: Impossible"
            """,
        people="""\
            - name: Joe Russo
              aliases: [Joseph Russo]
            - name: Chris Hemsworth
            - name: Zoë Kravitz
            """,
        platforms="""\
            - name: Netflix
              aliases: [netflix.com]
              url: https://www.netflix.com/
            """,
    )


@pytest.mark.parametrize("kind, written, canonical", [
    ("platform", "netflix", "Netflix"),
    ("platform", "NETFLIX.COM", "Netflix"),
    ("person", "Joseph Russo", "Joe Russo"),
    ("person", "chris hemsworth", "Chris Hemsworth"),
    ("person", "Zoe Kravitz", "Zoë Kravitz"),
    ("film", "extraction ii", "Extraction 2"),
    ("film", "Mission Impossible - Fallout", "Mission: Impossible – Fallout"),
])
def test_alias_case_and_accent_variants_find_the_canonical_entry(registry, kind, written, canonical):
    assert registry.find(kind, written).name == canonical


def test_a_clean_registry_has_no_problems(registry):
    assert registry.problems == []


def test_film_knows_its_franchise_and_platform(registry):
    film = registry.find("film", "Extraction 2")
    assert (film.year, film.franchise, film.platform) == (2023, "Extraction", "Netflix")


def test_near_miss_gets_a_suggestion(registry):
    assert registry.suggest("person", "Chris Hemsworht") == "Chris Hemsworth"
    assert registry.suggest("person", "Tom Cruise") is None


def test_identity_folds_case_accents_and_punctuation():
    assert identity("Zoë  Kravitz!") == identity("zoe kravitz")


def test_entry_without_its_name_is_an_error_naming_file_and_line(tmp_path):
    registry = write_registry(tmp_path, people="- name: Joe Russo\n- aliases: [Nobody]\n")
    [problem] = registry.problems
    assert (problem.path.endswith("people.yaml"), problem.line) == (True, 2)
    assert "has no 'name'" in problem.message


def test_wrong_type_is_an_error(tmp_path):
    registry = write_registry(tmp_path, films="- title: Dune\n  year: soon\n")
    assert "year must be a four-digit number" in registry.problems[0].message


def test_alias_owned_by_two_entries_is_an_error(tmp_path):
    registry = write_registry(tmp_path, people="- name: Joe Russo\n- name: Anthony Russo\n  aliases: [joe russo]\n")
    [problem] = registry.problems
    assert problem.line == 2 and "already used by 'Joe Russo'" in problem.message


def test_film_naming_an_unknown_franchise_gets_a_did_you_mean(tmp_path):
    registry = write_registry(tmp_path, franchises="- name: Extraction\n",
                              films="- title: Extraction 2\n  franchise: Extractoin\n")
    assert "did you mean 'Extraction'?" in registry.problems[0].message


def test_a_file_that_is_not_a_list_says_so(tmp_path):
    registry = write_registry(tmp_path, platforms="name: Netflix\n")
    assert "must be a YAML list" in registry.problems[0].message


def test_non_http_urls_are_refused(tmp_path):
    registry = write_registry(tmp_path, platforms="- name: Evil\n  url: javascript:alert(1)\n")
    assert registry.find("platform", "Evil").url is None
    assert "http(s) link" in registry.problems[0].message
