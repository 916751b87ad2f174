"""The shipped site: every story becomes one page that shows what the story is about."""

import re
from pathlib import Path

from conftest import ROOT

STORY_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def story_files():
    return sorted((ROOT / "content" / "stories").glob("*/*.md"))


def test_shipped_content_builds_without_a_problem(shipped_site):
    assert shipped_site.returncode == 0, shipped_site.stderr
    assert "Reelnews: 0 error(s), 0 warning(s)" in shipped_site.stderr


def test_every_story_file_gives_exactly_one_story_page(shipped_site):
    pages = [p for p in shipped_site.files() if STORY_PAGE.match(p)]
    assert sorted(Path(p).parent.name for p in pages) == sorted(f.stem for f in story_files())


def test_shipped_content_is_broad_enough(shipped_site):
    years = {f.parent.name for f in story_files()}
    assert len(story_files()) >= 30
    assert {str(y) for y in range(2019, 2027)} <= years


EXTRACTION_2 = "2020/05/extraction-2-joe-russo-writes/index.html"


def chips(page):
    return {a.get_text(" ", strip=True) for a in page.select(".chips a")}


def test_extraction_2_story_shows_its_film_franchise_platform(shipped_site):
    assert {"Extraction 2", "Extraction", "Netflix"} <= chips(shipped_site.page(EXTRACTION_2))


def test_extraction_2_story_shows_its_people_with_roles(shipped_site):
    page = shipped_site.page(EXTRACTION_2)
    credits = {li.get_text(" ", strip=True) for li in page.select(".chips li")}
    assert {"Joe Russo writer", "Chris Hemsworth star", "Sam Hargrave director"} <= credits


def test_extraction_2_story_credits_its_source(shipped_site):
    source = shipped_site.page(EXTRACTION_2).select_one(".source a")
    assert (source.get_text(), source["href"]) == ("Deadline", "https://deadline.com/")


def test_extraction_2_story_has_its_franchise_kicker_and_date(shipped_site):
    page = shipped_site.page(EXTRACTION_2)
    assert page.select_one(".kicker").get_text(strip=True) == "Extraction"
    assert page.select_one(".byline time")["datetime"].startswith("2020-05-05T09:00")


def test_typogrify_styles_the_headline_but_never_the_page_title(mini_site):
    page = mini_site.page("2023/06/native/index.html")
    assert page.h1.select_one("span.caps").get_text() == "NASA"
    assert page.title.get_text().startswith("A native header story about NASA")
    assert "<span" not in mini_site.text("2023/06/native/index.html").split("</title>")[0]


def test_home_page_lists_the_newest_story_first(mini_site):
    titles = [" ".join(a.get_text().split()) for a in mini_site.page("index.html").select(".teaser h2 a")]
    assert titles[0] == "Dead Reckoning opens"


def test_alias_spellings_in_a_story_link_to_the_canonical_hub(mini_site):
    # the story writes `film: extraction ii`, `Joseph Russo` and `netflix`
    page = mini_site.page("2020/05/extraction-2-joe-russo-writes/index.html")
    links = {a.get_text(): a["href"] for a in page.select(".chips a")}
    assert links["Extraction 2"].endswith("film/extraction-2/")
    assert links["Joe Russo"].endswith("person/joe-russo/")
    assert links["Netflix"].endswith("platform/netflix/")
