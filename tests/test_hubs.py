"""Hub pages: one per franchise, film, person and platform, four indexes, and hub feeds.

Fixtures (each built once per session):
- hubs: Extraction (three films, one undated and story-less), Mission: Impossible, Knives Out
  (films but no story), a franchise with a hostile name; a story naming three films at once;
  people the registry does not know.
- hubs_paging: "Saga 11" with eleven stories (two pages) beside "Saga 112".
- hubs_problems: two registry people with one slug, names the registry does not know, and a
  page that wants the people index's address.
"""

import re
from urllib.parse import urljoin, urlparse

import feedparser
import pytest

from conftest import FIXTURES, build

SITEURL = "https://example.github.io/reelnews"
HOSTILE = 'Danger <script>alert(1)</script> "Club"'
HOSTILE_SLUG = "danger-script-alert-1-script-club"
HOSTILE_DESCRIPTION = 'Says "hi" <script>alert(1)</script> & leaves.'
# Every story about the Extraction franchise, newest first; Chris Hemsworth is in each of them.
EXTRACTION_STORIES = ["stunt-summit", "extraction-franchise-talk", "extraction-2-writer", "extraction-arrives"]


def built(tmp_path_factory, fixture, **options):
    return build(FIXTURES / fixture, tmp_path_factory.mktemp(fixture) / "output", **options)


@pytest.fixture(scope="session")
def hubs_site(tmp_path_factory):
    return built(tmp_path_factory, "hubs")


@pytest.fixture(scope="session")
def hubs_publish(tmp_path_factory):
    return built(tmp_path_factory, "hubs", settings="publishconf.py", env={"SITEURL": SITEURL})


@pytest.fixture(scope="session")
def paging_site(tmp_path_factory):
    return built(tmp_path_factory, "hubs_paging")


@pytest.fixture(scope="session")
def problems_site(tmp_path_factory):
    return built(tmp_path_factory, "hubs_problems")


def text(element):
    """What a reader sees, with runs of spaces (and typogrify's no-break spaces) as one space."""
    return " ".join(element.get_text(" ").split())


def stories_on(page):
    """Slugs of the stories a hub page lists, in order."""
    section = page.find(class_="hub-stories") or page.find("main")
    found = [re.search(r"\d{4}/\d{2}/([^/]+)/$", a["href"]) for a in section.find_all("a", href=True)]
    return [match.group(1) for match in found if match]


def items(page, section_class):
    """Each list item of a hub section, as read."""
    return [text(li) for li in page.find(class_=section_class).find_all("li")]


def linked(page, section_class):
    """Names linked from a hub section."""
    return [text(a) for a in page.find(class_=section_class).find_all("a")]


def feeds_announced(page):
    """Addresses of the Atom feeds a page announces in its head."""
    return [link["href"] for link in page.find_all("link", rel="alternate", type="application/atom+xml")]


def injected_scripts(page):
    """Script elements other than JSON-LD data: only an injection could put one there."""
    return [script for script in page.find_all("script") if script.get("type") != "application/ld+json"]


# Franchise hubs


def test_the_fixture_builds_cleanly(hubs_site):
    assert hubs_site.returncode == 0 and "0 error(s), 0 warning(s)" in hubs_site.stderr


def test_a_franchise_hub_shows_its_name_and_registry_description(hubs_site):
    page = hubs_site.page("franchise/extraction/index.html")
    assert text(page.h1) == "Extraction"
    assert text(page.find(class_="description")) == "Netflix action films about the mercenary Tyler Rake."


def test_a_franchise_hub_lists_its_films_in_release_order_with_year_and_platform(hubs_site):
    assert items(hubs_site.page("franchise/extraction/index.html"), "hub-films") == [
        "Extraction (2020), Netflix", "Extraction 2 (2023), Netflix", "Extraction 3, Netflix"]


def test_a_film_with_no_story_is_listed_but_not_linked(hubs_site):
    page = hubs_site.page("franchise/extraction/index.html")
    assert "Extraction 3" not in linked(page, "hub-films")
    assert not hubs_site.exists("film/extraction-3/index.html")


def test_a_franchise_hub_lists_its_stories_newest_first(hubs_site):
    assert stories_on(hubs_site.page("franchise/extraction/index.html")) == [
        "stunt-summit", "extraction-franchise-talk", "extraction-2-writer", "extraction-arrives"]


def test_a_story_naming_only_a_film_appears_on_that_films_franchise_hub(hubs_site):
    """extraction-2-writer names only 'Extraction II'; the registry says its franchise."""
    assert "extraction-2-writer" in stories_on(hubs_site.page("franchise/extraction/index.html"))


@pytest.mark.parametrize("hub", [
    "film/extraction", "film/extraction-2", "film/mission-impossible-dead-reckoning-part-one",
    "franchise/extraction", "franchise/mission-impossible"])
def test_a_story_naming_several_films_appears_once_on_each_film_and_franchise_hub(hubs_site, hub):
    assert stories_on(hubs_site.page(f"{hub}/index.html")).count("stunt-summit") == 1


def test_a_franchise_hub_ranks_the_people_most_often_in_its_stories(hubs_site):
    assert items(hubs_site.page("franchise/extraction/index.html"), "hub-people") == [
        "Chris Hemsworth 4 stories", "Sam Hargrave 2 stories", "Joe Russo 1 story", "Tom Cruise 1 story"]


def test_a_franchise_hub_lists_its_platforms(hubs_site):
    assert items(hubs_site.page("franchise/mission-impossible/index.html"), "hub-platforms") == [
        "Paramount+ 1 story"]


def test_a_registry_franchise_with_no_story_has_a_hub_listing_its_films(hubs_site):
    page = hubs_site.page("franchise/knives-out/index.html")
    assert items(page, "hub-films") == ["Knives Out (2019)", "Glass Onion (2022), Netflix"]
    assert stories_on(page) == [] and "No stories yet." in text(page.find(class_="hub-stories"))


# Film, person and platform hubs


def test_a_film_hub_links_its_franchise_and_shows_year_and_platform(hubs_site):
    facts = hubs_site.page("film/extraction-2/index.html").find(class_="facts")
    assert text(facts) == "Franchise Extraction Year 2023 Platform Netflix"
    assert [a["href"] for a in facts.find_all("a")] == ["../../franchise/extraction/", "../../platform/netflix/"]


def test_a_film_hub_lists_the_people_in_its_stories_and_its_stories(hubs_site):
    page = hubs_site.page("film/extraction-2/index.html")
    assert items(page, "hub-people") == [
        "Chris Hemsworth 2 stories", "Joe Russo 1 story", "Sam Hargrave 1 story", "Tom Cruise 1 story"]
    assert stories_on(page) == ["stunt-summit", "extraction-2-writer"]


def test_a_person_hub_lists_their_stories_and_films_with_roles(hubs_site):
    page = hubs_site.page("person/chris-hemsworth/index.html")
    assert items(page, "hub-films") == ["Extraction (2020): star", "Extraction 2 (2023): star"]
    assert stories_on(page) == EXTRACTION_STORIES


def test_a_person_is_not_tied_to_films_of_a_story_naming_several(hubs_site):
    """The stunt summit names Tom Cruise and three films: it cannot say which he starred in."""
    assert items(hubs_site.page("person/tom-cruise/index.html"), "hub-films") == [
        "Mission: Impossible – Dead Reckoning Part One (2023): star"]


def test_a_platform_hub_lists_its_stories_and_the_films_on_it(hubs_site):
    page = hubs_site.page("platform/netflix/index.html")
    assert items(page, "hub-films") == [
        "Extraction (2020)", "Glass Onion (2022)", "Extraction 2 (2023)", "Extraction 3"]
    assert stories_on(page) == ["extraction-2-writer", "extraction-arrives"]


def test_people_the_registry_does_not_know_get_hubs(hubs_site):
    assert text(hubs_site.page("person/emile-hirsch/index.html").h1) == "Émile Hirsch"


@pytest.mark.parametrize("hub, name", [("film/moonfall-zero", "Moonfall Zero"),
                                       ("franchise/moonfall-saga", "Moonfall Saga"),
                                       ("platform/nebula-stream", "Nebula Stream")])
def test_films_franchises_and_platforms_the_registry_does_not_know_get_hubs(problems_site, hub, name):
    assert text(problems_site.page(f"{hub}/index.html").h1) == name


def test_subjects_with_no_story_get_no_hub(hubs_site):
    for path in ["film/glass-onion", "film/mission-impossible-fallout", "film/knives-out"]:
        assert not hubs_site.exists(f"{path}/index.html"), path


# Indexes


@pytest.mark.parametrize("index, expected", [
    ("franchises", [f"{HOSTILE}: 1 story", "Extraction: 4 stories", "Knives Out: 0 stories",
                    "Mission: Impossible: 2 stories"]),
    ("films", ["Extraction: 2 stories", "Extraction 2: 2 stories",
               "Mission: Impossible – Dead Reckoning Part One: 2 stories"]),
    ("platforms", ["Netflix: 2 stories", "Paramount+: 1 story"]),
])
def test_an_index_lists_every_hub_with_its_story_count(hubs_site, index, expected):
    entries = hubs_site.page(f"{index}/index.html").find("ul", class_="hub-index").find_all("li", recursive=False)
    assert [f"{text(li.a)}: {text(li.find(class_='count'))}" for li in entries] == expected


def test_the_franchises_index_lists_each_franchises_films(hubs_site):
    page = hubs_site.page("franchises/index.html")
    knives = next(li for li in page.find("ul", class_="hub-index").find_all("li", recursive=False)
                  if text(li).startswith("Knives Out"))
    assert [text(li) for li in knives.find("ul", class_="films").find_all("li")] == [
        "Knives Out (2019)", "Glass Onion (2022), Netflix"]


def test_the_people_index_is_grouped_by_letter(hubs_site):
    page = hubs_site.page("people/index.html")
    groups = {text(section.h2): [text(li) for li in section.find_all("li")] for section in page.find_all("section")}
    assert list(groups) == ["C", "E", "J", "S", "T", "#"]
    assert groups["E"] == ["Émile Hirsch 1 story"] and groups["#"] == ["50 Cent 1 story"]


def test_every_index_link_leads_to_a_hub(hubs_site):
    for index in ["franchises", "films", "people", "platforms"]:
        page_url = f"http://site/{index}/"
        for a in hubs_site.page(f"{index}/index.html").find("main").find_all("a", href=True):
            target = urlparse(urljoin(page_url, a["href"])).path.lstrip("/")
            if not a["href"].startswith("#"):
                assert hubs_site.exists(f"{target}index.html"), (index, a["href"])


# Pagination and collisions


def test_saga_11_and_saga_112_build_without_a_collision(paging_site):
    assert paging_site.returncode == 0
    assert "Failed to overwrite" not in paging_site.stderr + paging_site.stdout
    assert stories_on(paging_site.page("franchise/saga-112/index.html")) == ["saga-112-only"]
    assert stories_on(paging_site.page("tag/franchise-112/index.html")) == ["saga-112-only"]


def test_a_long_hub_continues_on_page_2_in_its_own_folder(paging_site):
    assert len(stories_on(paging_site.page("franchise/saga-11/index.html"))) == 10
    assert stories_on(paging_site.page("franchise/saga-11/page/2/index.html")) == ["saga-11-part-01"]
    assert text(paging_site.page("franchise/saga-11/page/2/index.html").title) == "Saga 11, page 2 · Reelnews"


def test_pagination_links_both_ways(paging_site):
    first = paging_site.page("franchise/saga-11/index.html").find("a", rel="next")["href"]
    back = paging_site.page("franchise/saga-11/page/2/index.html").find("a", rel="prev")["href"]
    assert urljoin("http://site/franchise/saga-11/", first) == "http://site/franchise/saga-11/page/2/"
    assert urljoin("http://site/franchise/saga-11/page/2/", back) == "http://site/franchise/saga-11/"


def test_two_registry_names_with_one_slug_are_an_error_naming_both(problems_site):
    line = next(line for line in problems_site.stderr.splitlines() if "Anya Taylor Joy" in line)
    assert line.startswith("hubs_problems/data/people.yaml:2: error:")
    assert "'Anya Taylor-Joy' (people.yaml line 1)" in line


def test_the_build_still_completes_with_one_hub_for_them(problems_site):
    assert problems_site.returncode == 0
    page = problems_site.page("person/anya-taylor-joy/index.html")
    assert text(page.h1) == "Anya Taylor-Joy" and stories_on(page) == ["furiosa-opens"]


def test_a_strict_build_fails_on_two_names_with_one_slug(tmp_path_factory):
    strict = built(tmp_path_factory, "hubs_problems", settings="publishconf.py", env={"SITEURL": SITEURL})
    assert strict.returncode == 1 and "'Anya Taylor Joy' is already used by 'Anya Taylor-Joy'" in strict.stderr


def test_a_page_that_wants_an_index_address_keeps_it_and_is_reported(problems_site):
    line = next(line for line in problems_site.stderr.splitlines() if "people/index.html" in line)
    assert "error:" in line and "already written for hubs_problems/pages/people.md" in line
    assert text(problems_site.page("people/index.html").h1) == "Our people"


# Feeds


@pytest.mark.parametrize("hub, stories", [
    ("franchise/extraction", EXTRACTION_STORIES),
    ("film/extraction-2", ["stunt-summit", "extraction-2-writer"]),
    ("person/tom-cruise", ["dead-reckoning-opens", "stunt-summit"]),
    ("platform/paramount-plus", ["dead-reckoning-opens"]),
])
def test_each_hub_has_an_atom_feed_with_absolute_links(hubs_publish, hub, stories):
    feed = feedparser.parse(hubs_publish.text(f"{hub}/feed.atom.xml"))
    assert not feed.bozo
    links = [entry.link for entry in feed.entries]
    assert all(link.startswith(f"{SITEURL}/") for link in links)
    assert [link.rstrip("/").rsplit("/", 1)[1] for link in links] == stories


def test_a_hub_page_announces_and_links_its_feed(hubs_publish):
    page = hubs_publish.page("franchise/extraction/index.html")
    expected = f"{SITEURL}/franchise/extraction/feed.atom.xml"
    assert expected in feeds_announced(page)
    assert page.find(class_="feed").a["href"] == expected


def test_the_publish_build_also_writes_the_site_feed(hubs_publish):
    assert hubs_publish.returncode == 0
    assert len(feedparser.parse(hubs_publish.text("feeds/all.atom.xml")).entries) == 7


def test_a_hub_with_no_story_has_no_feed_to_offer(hubs_publish):
    page = hubs_publish.page("franchise/knives-out/index.html")
    assert feeds_announced(page) == [f"{SITEURL}/feeds/all.atom.xml"] and page.find(class_="feed") is None
    assert not hubs_publish.exists("franchise/knives-out/feed.atom.xml")


def test_development_builds_write_no_hub_feeds(hubs_site):
    assert hubs_site.files("**/feed.atom.xml") == []
    assert feeds_announced(hubs_site.page("franchise/extraction/index.html")) == []


# Escaping


def test_a_hostile_franchise_name_and_description_read_as_typed(hubs_site):
    page = hubs_site.page(f"franchise/{HOSTILE_SLUG}/index.html")
    assert injected_scripts(page) == []
    assert text(page.h1) == HOSTILE
    assert text(page.title) == f"{HOSTILE} · Reelnews"
    assert text(page.find(class_="description")) == HOSTILE_DESCRIPTION
    assert page.find("meta", attrs={"name": "description"})["content"] == HOSTILE_DESCRIPTION


def test_a_hostile_name_is_text_in_the_index_and_the_feed(hubs_site, hubs_publish):
    assert injected_scripts(hubs_site.page("franchises/index.html")) == []
    feed = feedparser.parse(hubs_publish.text(f"franchise/{HOSTILE_SLUG}/feed.atom.xml"))
    assert feed.feed.title == f"Reelnews - {HOSTILE}"


# The shipped site


def test_the_shipped_site_has_the_four_indexes(shipped_site):
    for index in ["franchises", "films", "people", "platforms"]:
        assert shipped_site.exists(f"{index}/index.html"), index


def test_every_hub_link_on_a_shipped_story_page_leads_to_a_hub(shipped_site):
    hub_link = re.compile(r"^(franchise|film|person|platform)/[^/]+/$")
    checked = 0
    for story in shipped_site.files("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"):
        page_url = "http://site/" + story.removesuffix("index.html")
        for a in shipped_site.page(story).find_all("a", href=True):
            target = urlparse(urljoin(page_url, a["href"])).path.lstrip("/")
            if hub_link.match(target):
                checked += 1
                assert shipped_site.exists(f"{target}index.html"), (story, a["href"])
    assert checked > 100
