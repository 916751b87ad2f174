"""What each hub shows, from plain data: the hubs plugin's pure core, without Pelican."""

from dataclasses import dataclass, field

from hubs.contents import build_hubs, by_letter, initial


@dataclass(eq=False)
class Subject:
    kind: str
    name: str
    entry: object = None  # anything but None means "in the registry"
    year: int | None = None
    franchise: object = None
    platform: object = None


@dataclass(eq=False)
class Credit:
    person: Subject
    role: str | None = None


@dataclass(eq=False)
class Story:
    title: str
    films: list = field(default_factory=list)
    franchises: list = field(default_factory=list)
    people: list = field(default_factory=list)
    platform: Subject | None = None


REGISTERED = object()
netflix = Subject("platform", "Netflix", REGISTERED)
paramount = Subject("platform", "Paramount+", REGISTERED)
extraction = Subject("franchise", "Extraction", REGISTERED)
mission = Subject("franchise", "Mission: Impossible", REGISTERED)
knives_out = Subject("franchise", "Knives Out", REGISTERED)
film_1 = Subject("film", "Extraction", REGISTERED, 2020, extraction, netflix)
film_2 = Subject("film", "Extraction 2", REGISTERED, 2023, extraction, netflix)
film_3 = Subject("film", "Extraction 3", REGISTERED, None, extraction, netflix)
reckoning = Subject("film", "Dead Reckoning", REGISTERED, 2023, mission, paramount)
glass_onion = Subject("film", "Glass Onion", REGISTERED, 2022, knives_out, netflix)
chris = Subject("person", "Chris Hemsworth")
sam = Subject("person", "Sam Hargrave")
joe = Subject("person", "Joe Russo")
tom = Subject("person", "Tom Cruise")
zoe = Subject("person", "Zoë Kravitz")

SUBJECTS = {
    "film": [film_3, film_2, film_1, reckoning, glass_onion],
    "franchise": [mission, extraction, knives_out],
    "person": [chris, sam, joe, tom, zoe],
    "platform": [netflix, paramount],
}

# Newest first, as the site orders them.
summit = Story("Stunt summit", films=[film_1, film_2, reckoning], franchises=[extraction, mission],
               people=[Credit(chris, "star"), Credit(tom, "star")])
writer = Story("Russo writes Extraction 2", films=[film_2], franchises=[extraction], platform=netflix,
               people=[Credit(joe, "writer"), Credit(chris, "star"), Credit(sam, "director")])
talk = Story("Hemsworth on the franchise", franchises=[extraction], people=[Credit(chris)])
arrives = Story("Extraction arrives", films=[film_1], franchises=[extraction], platform=netflix,
                people=[Credit(chris, "Star"), Credit(sam, "director"), Credit(zoe)])
STORIES = [summit, writer, talk, arrives]


def hubs_of(stories=STORIES, subjects=SUBJECTS):
    built = build_hubs(stories, subjects)
    return {(hub.subject.kind, hub.subject.name): hub for hubs in built.values() for hub in hubs}


def test_a_hub_lists_its_stories_in_the_order_given():
    assert hubs_of()["franchise", "Extraction"].stories == [summit, writer, talk, arrives]


def test_a_story_naming_several_films_is_on_each_films_hub_and_each_franchise_once():
    hubs = hubs_of()
    for key in [("film", "Extraction"), ("film", "Extraction 2"), ("film", "Dead Reckoning"),
                ("franchise", "Extraction"), ("franchise", "Mission: Impossible")]:
        assert hubs[key].stories.count(summit) == 1, key


def test_a_franchise_named_twice_by_one_story_lists_it_once():
    twice = Story("Twice", films=[film_1], franchises=[extraction, extraction])
    assert hubs_of([twice])["franchise", "Extraction"].stories == [twice]


def test_people_most_often_in_a_hubs_stories_come_first_then_by_name():
    people = hubs_of()["franchise", "Extraction"].people
    assert [(person.name, count) for person, count in people] == [
        ("Chris Hemsworth", 4), ("Sam Hargrave", 2), ("Joe Russo", 1), ("Tom Cruise", 1), ("Zoë Kravitz", 1)]


def test_name_order_ignores_case_and_accents():
    zed = Subject("person", "zed")
    story = Story("s", films=[film_1], people=[Credit(zed), Credit(zoe), Credit(sam)])
    assert [p.name for p, _ in hubs_of([story])["film", "Extraction"].people] == ["Sam Hargrave", "zed", "Zoë Kravitz"]


def test_a_person_hub_does_not_count_the_person_themselves():
    assert chris not in [person for person, _ in hubs_of()["person", "Chris Hemsworth"].people]


def test_franchise_films_are_in_release_order_with_undated_films_last_and_storyless_films_included():
    assert [film.name for film in hubs_of()["franchise", "Extraction"].films] == [
        "Extraction", "Extraction 2", "Extraction 3"]


def test_a_registry_franchise_with_no_story_still_has_a_hub_listing_its_films():
    hub = hubs_of()["franchise", "Knives Out"]
    assert (hub.stories, hub.films) == ([], [glass_onion])


def test_films_people_and_platforms_with_no_story_have_no_hub():
    hubs = hubs_of()
    assert ("film", "Extraction 3") not in hubs
    assert ("film", "Glass Onion") not in hubs
    assert ("platform", "Paramount+") not in hubs


def test_a_franchise_only_a_draft_named_has_no_hub():
    draft_only = Subject("franchise", "Draft Saga")
    assert ("franchise", "Draft Saga") not in hubs_of(subjects={**SUBJECTS, "franchise": [draft_only]})


def test_names_the_registry_does_not_know_still_get_hubs():
    stranger = Subject("film", "Moonfall Zero")
    story = Story("s", films=[stranger], people=[Credit(Subject("person", "Nobody Known"))])
    hubs = hubs_of([story])
    assert ("film", "Moonfall Zero") in hubs and ("person", "Nobody Known") in hubs


def test_franchise_platforms_rank_by_stories_and_include_its_films_platforms():
    on_paramount = Story("s", films=[film_2], franchises=[extraction], platform=paramount)
    platforms = hubs_of([writer, arrives, on_paramount])["franchise", "Extraction"].platforms
    assert [(p.name, count) for p, count in platforms] == [("Netflix", 2), ("Paramount+", 1)]
    platforms = hubs_of([talk])["franchise", "Extraction"].platforms
    assert [(p.name, count) for p, count in platforms] == [("Netflix", 0)]


def test_a_platform_hub_lists_the_films_on_that_platform_in_release_order():
    assert [film.name for film in hubs_of()["platform", "Netflix"].films] == [
        "Extraction", "Glass Onion", "Extraction 2", "Extraction 3"]


def test_a_person_hub_lists_their_films_with_their_roles_in_release_order():
    assert hubs_of()["person", "Chris Hemsworth"].roles == [(film_1, ["Star"]), (film_2, ["star"])]
    assert hubs_of()["person", "Zoë Kravitz"].roles == [(film_1, [])]


def test_roles_for_one_film_are_merged_across_stories_and_sorted():
    later = Story("s", films=[film_2], people=[Credit(joe, "producer"), Credit(joe, "Writer")])
    assert hubs_of([writer, later])["person", "Joe Russo"].roles == [(film_2, ["producer", "writer"])]


def test_a_story_naming_several_films_links_no_person_to_a_film():
    """It cannot say which film a role is for: Tom Cruise is not made an Extraction star."""
    assert hubs_of([summit])["person", "Tom Cruise"].roles == []


def test_hubs_of_a_kind_come_in_name_order():
    built = build_hubs(STORIES, SUBJECTS)
    assert [hub.subject.name for hub in built["franchise"]] == ["Extraction", "Knives Out", "Mission: Impossible"]
    assert list(built) == ["franchise", "film", "person", "platform"]


def test_a_hub_counts_its_stories():
    assert hubs_of()["person", "Sam Hargrave"].count == 2


def test_the_people_index_heading_is_the_first_letter_with_accents_folded():
    names = ["Émile Hirsch", "zoë", "'Weird Al' Yankovic", "50 Cent", "Øyvind", "!!!"]
    assert [initial(name) for name in names] == ["E", "Z", "W", "#", "O", "#"]


def test_the_people_index_runs_a_to_z_then_hash():
    people = [Subject("person", name) for name in ["50 Cent", "Ben", "Émile", "Anna", "Bo"]]
    hubs = build_hubs([Story("s", people=[Credit(p) for p in people])], {})["person"]
    assert [(letter, [hub.subject.name for hub in group]) for letter, group in by_letter(hubs)] == [
        ("A", ["Anna"]), ("B", ["Ben", "Bo"]), ("E", ["Émile"]), ("#", ["50 Cent"])]


def test_a_hub_keeps_only_as_many_people_as_its_page_shows():
    people = [Subject("person", name) for name in ["Ann", "Ben", "Cy", "Di"]]
    film = Subject("film", "Heist")
    hub = {hub.subject.name: hub for hub in build_hubs(
        [Story("s", films=[film], people=[Credit(p) for p in people])], {}, top_people=2)["film"]}["Heist"]
    assert [person.name for person, _ in hub.people] == ["Ann", "Ben"]
