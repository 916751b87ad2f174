"""The theme on the shipped site: valid HTML, structured data, navigation, the home page, weight."""

import json
import re

import html5lib
import pytest
from bs4 import BeautifulSoup

from browser import STORY
from conftest import ROOT

CSS = ROOT / "theme" / "static" / "css" / "site.css"


def story_pages(site):
    return [path for path in site.files() if STORY.match(path)]


def json_ld(site, path):
    return [json.loads(block.string) for block in site.page(path).select('script[type="application/ld+json"]')]


def test_every_page_parses_as_html_without_an_error(shipped_site):
    errors = {}
    for path in shipped_site.files():
        parser = html5lib.HTMLParser()
        parser.parse((shipped_site.output / path).read_bytes(), transport_encoding="utf-8")
        if parser.errors:
            errors[path] = parser.errors[:3]
    assert errors == {}


def test_every_story_says_it_is_a_news_article_in_json_ld(shipped_site):
    for path in story_pages(shipped_site):
        [data] = json_ld(shipped_site, path)
        assert data["@type"] == "NewsArticle", path
        assert {"headline", "datePublished", "dateModified", "author", "publisher"} <= set(data), path


def test_every_story_film_in_a_franchise_is_part_of_its_series(shipped_site):
    films = [film for path in story_pages(shipped_site) for film in json_ld(shipped_site, path)[0].get("about", [])
             if film["@type"] == "Movie"]
    assert films
    assert {film.get("isPartOf", {}).get("@type") for film in films} <= {"MovieSeries", None}
    assert any("isPartOf" in film for film in films)


def test_every_person_a_story_names_is_mentioned_in_its_json_ld(shipped_site):
    for path in story_pages(shipped_site):
        page = shipped_site.page(path)
        people = [a.get_text() for a in page.select(".chips a") if "person/" in a["href"]]
        mentioned = [node["name"] for node in json_ld(shipped_site, path)[0].get("mentions", []) if node["@type"] == "Person"]
        assert mentioned == people, path


@pytest.mark.parametrize("kind", ["franchise", "film", "person", "platform"])
def test_every_hub_is_a_collection_page_in_json_ld(shipped_site, kind):
    hubs = shipped_site.files(f"{kind}/*/index.html")
    assert hubs
    for path in hubs:
        [data] = json_ld(shipped_site, path)
        assert (data["@type"], data["about"]["name"]) == ("CollectionPage", shipped_site.page(path).h1.get_text()), path


def test_every_page_has_the_skip_link_landmarks_and_one_h1(shipped_site):
    for path in shipped_site.files():
        page = shipped_site.page(path)
        first_link = page.body.find("a")
        assert (first_link["href"], first_link.get_text()) == ("#main", "Skip to content"), path
        assert page.select_one("header.masthead") and page.select_one("main#main") and page.select_one("footer"), path
        assert len(page.find_all("h1")) == 1, path


def test_headings_start_at_h1_and_never_skip_a_level(shipped_site):
    skipped = {}
    for path in shipped_site.files():
        levels = [int(h.name[1]) for h in shipped_site.page(path).find_all(re.compile(r"^h[1-6]$"))]
        if levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:])):
            skipped[path] = levels
    assert skipped == {}


def test_the_header_leads_to_franchises_people_platforms_and_search(shipped_site):
    nav = shipped_site.page("about/index.html").select_one("nav[aria-label=Sections]")
    assert [(a.get_text(), a["href"]) for a in nav.select("a")] == [
        ("Franchises", "../franchises/"), ("People", "../people/"), ("Platforms", "../platforms/"),
        ("Search", "../search/")]


def test_the_footer_leads_to_the_archives_and_about(shipped_site):
    links = {a.get_text(): a["href"] for a in shipped_site.page("index.html").select("footer a")}
    assert links["Archives"] == "./archives/" and links["About"] == "./about/"


def test_the_archives_list_every_month_newest_first(shipped_site):
    months = [a["href"] for a in shipped_site.page("archives/index.html").select(".months a")]
    built = sorted((p[: -len("index.html")] for p in shipped_site.files("[0-9]*/[0-9]*/index.html")), reverse=True)
    assert [href.removeprefix("../") for href in months] == built


def test_the_home_page_leads_with_the_newest_story(shipped_site):
    home = shipped_site.page("index.html")
    newest = sorted(story_pages(shipped_site), key=lambda p: shipped_site.page(p).select_one(".byline time")["datetime"])[-1]
    assert home.select_one(".lead h2 a")["href"] == "./" + newest[: -len("index.html")]


def test_the_home_page_shows_the_busiest_franchises_most_stories_first(shipped_site):
    strip = shipped_site.page("index.html").select(".busiest li")
    counts = [int(li.select_one(".count").get_text().split()[0]) for li in strip]
    assert strip and counts == sorted(counts, reverse=True)
    for li in strip:
        hub = shipped_site.page(li.a["href"].removeprefix("./") + "index.html")
        assert hub.h1.get_text() == li.a.get_text()
        assert len(hub.select(".hub-stories .teaser")) == min(counts[strip.index(li)], 10)


def test_only_the_search_page_loads_a_script(shipped_site):
    scripted = [path for path in shipped_site.files() if shipped_site.page(path).select("script[src]")]
    assert scripted == ["search/index.html"]


def test_the_stylesheet_is_under_20_kb():
    assert CSS.stat().st_size < 20 * 1024


def test_a_story_page_with_its_css_and_scripts_is_under_100_kb(shipped_site):
    heaviest = max(story_pages(shipped_site), key=lambda p: (shipped_site.output / p).stat().st_size)
    page = shipped_site.page(heaviest)
    assets = [tag["href"] for tag in page.select('link[rel=stylesheet]')] + [tag["src"] for tag in page.select("script[src]")]
    folder = (shipped_site.output / heaviest).parent
    total = (shipped_site.output / heaviest).stat().st_size + sum((folder / asset).stat().st_size for asset in assets)
    assert total < 100 * 1024


def test_typogrify_marks_in_a_story_body_are_styled():
    styled = set(re.findall(r"\.(caps|amp|dquo|quo)\b", CSS.read_text(encoding="utf-8")))
    assert styled == {"caps", "amp", "dquo", "quo"}


def test_the_404_page_links_back_to_the_site(shipped_site):
    page = BeautifulSoup(shipped_site.text("404.html"), "html.parser")
    assert " ".join(page.h1.get_text().split()) == "Page not found"
    assert page.select_one("a.brand")["href"] == "./"
