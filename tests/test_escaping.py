"""No metadata can inject markup or script: every value reads as the text the editor typed.

The corpus case tests/bad_input/markup-in-every-field/ puts HTML and `</script>` in every
field of a story and in the registry entries it names (so the site builds cleanly and every
hub page exists). Its publish build is checked everywhere a value can land: every page,
every JSON-LD block, every feed and the sitemap. A `source.url` or registry url that is not
an http(s) link is reported and never becomes a link.
"""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from bad_input_cases import CORPUS, SITEURL
from registry import load_registry
from story_reader.frontmatter import decode, split

CASE = "markup-in-every-field"
STORY = "2021/03/markup-in-every-field/index.html"
TYPED, _, _ = split(decode((CORPUS / CASE / "stories" / "2021" / f"{CASE}.md").read_bytes()))
REGISTRY = load_registry(str(CORPUS / CASE / "data"))
(PERSON, ROLE), = TYPED["people"][0].items()
FRANCHISE = REGISTRY.find("film", TYPED["film"]).franchise
ATOM, SITEMAP = "{http://www.w3.org/2005/Atom}", "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def hostile(bad_input):
    return bad_input[CASE].publish


def as_typed(text):
    """Text as the editor typed it: typogrify's curly quotes and no-break spaces undone."""
    straight = text.translate({0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'"})
    return " ".join(straight.split())


def injected(soup):
    """Elements and attributes only an injection could have made: scripts that are not ours
    (JSON-LD, or a file of the theme), tags the theme never writes, event handlers and
    javascript: addresses in any attribute."""
    return [
        *[s for s in soup.find_all("script")
          if s.get("type") != "application/ld+json" and not s.get("src", "").startswith(f"{SITEURL}/theme/")],
        *soup.find_all(["svg", "iframe", "img", "b", "i", "u"],
                       src=lambda src: src != f"{SITEURL}/images/2021/still.png"),
        *[(tag.name, name) for tag in soup.find_all(True) for name, value in tag.attrs.items()
          if name.lower().startswith("on") or str(value).strip().lower().startswith("javascript:")],
    ]


def pages(site):
    return {name: site.page(name) for name in site.files()}


def json_ld(page):
    return [json.loads(block.string) for block in page.find_all("script", type="application/ld+json")]


def test_no_page_carries_injected_markup_or_a_javascript_link(hostile):
    assert {name: found for name, page in pages(hostile).items() if (found := injected(page))} == {}


def test_every_json_ld_block_parses_and_nothing_in_it_can_close_its_script(hostile):
    for name in hostile.files():
        raw = hostile.text(name)
        for block in BeautifulSoup(raw, "html.parser").find_all("script", type="application/ld+json"):
            assert "<" not in block.string, name
            json.loads(block.string)


def test_the_story_page_shows_every_field_as_typed(hostile):
    page = hostile.page(STORY)
    assert as_typed(page.h1.get_text()) == TYPED["title"]
    assert as_typed(page.select_one(".standfirst").get_text()) == TYPED["summary"]
    assert TYPED["author"] in page.select_one(".byline").get_text()
    chips = [as_typed(li.get_text()) for li in page.select(".chips li")]
    assert f"{PERSON} {ROLE}" in chips and f"{TYPED['film']} film" in chips and f"#{TYPED['tags'][0]}" in chips
    assert page.select_one(".lead-image img")["alt"] == TYPED["image_alt"]


def test_a_source_url_with_quotes_stays_one_http_link(hostile):
    link = hostile.page(STORY).select_one(".source a")
    assert (link["href"], link.get_text()) == (TYPED["source"]["url"], TYPED["source"]["name"])


def test_the_story_json_ld_holds_every_value_as_typed(hostile):
    [data] = json_ld(hostile.page(STORY))
    film, = data["about"]
    person, platform = data["mentions"]
    platform_entry = REGISTRY.find("platform", TYPED["platform"])
    assert as_typed(data["headline"]) == TYPED["title"]
    assert as_typed(data["description"]) == TYPED["summary"]
    assert data["author"]["name"] == TYPED["author"]
    assert data["image"]["caption"] == TYPED["image_alt"]
    assert (film["name"], film["sameAs"], film["isPartOf"]["name"]) == (
        TYPED["film"], REGISTRY.find("film", TYPED["film"]).same_as, FRANCHISE)
    assert person["name"] == PERSON
    assert (platform["name"], platform["sameAs"]) == (platform_entry.name, platform_entry.url)
    assert data["keywords"] == TYPED["tags"]


def test_a_hub_json_ld_names_its_subject_as_typed(hostile):
    [data] = json_ld(hostile.page("franchise/i-saga-i-script-alert-5-script/index.html"))
    assert data["name"] == data["about"]["name"] == FRANCHISE
    assert as_typed(data["mainEntity"]["itemListElement"][0]["name"]) == TYPED["title"]


def test_a_franchise_description_reads_as_typed(hostile):
    page = hostile.page("franchise/i-saga-i-script-alert-5-script/index.html")
    assert REGISTRY.find("franchise", FRANCHISE).description in as_typed(page.get_text())


def test_every_feed_is_atom_only_and_its_entries_carry_no_injected_markup(hostile):
    feeds = hostile.files("**/*.atom.xml")
    assert "feeds/all.atom.xml" in feeds
    for name in feeds:
        root = ET.fromstring(hostile.text(name))
        assert [el.tag for el in root.iter() if not el.tag.startswith(ATOM)] == [], name
        for content in root.iter(f"{ATOM}content"):
            assert injected(BeautifulSoup(content.text, "html.parser")) == [], name


def test_the_feed_titles_a_story_as_typed(hostile):
    root = ET.fromstring(hostile.text("feeds/all.atom.xml"))
    titles = [as_typed(entry.find(f"{ATOM}title").text) for entry in root.iter(f"{ATOM}entry")]
    assert TYPED["title"] in titles


def test_the_sitemap_holds_only_addresses_of_the_site(hostile):
    root = ET.fromstring(hostile.text("sitemap.xml"))
    assert [el.tag for el in root.iter() if not el.tag.startswith(SITEMAP)] == []
    assert [loc.text for loc in root.iter(f"{SITEMAP}loc") if not loc.text.startswith(f"{SITEURL}/")] == []


def test_a_javascript_source_url_is_reported_and_the_source_is_named_without_a_link(bad_input):
    site = bad_input["javascript-source-url"].publish
    source = site.page("2021/03/javascript-source-url/index.html").select_one(".source")
    assert source.find("a") is None and "Deadline" in source.get_text()


@pytest.mark.parametrize("case", ["javascript-source-url", "registry-not-a-link"])
def test_no_page_of_a_site_given_a_javascript_url_links_to_it(bad_input, case):
    assert {name: found for name, page in pages(bad_input[case].publish).items() if (found := injected(page))} == {}
