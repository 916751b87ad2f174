"""The story page as a reader and a search engine see it: times, image, series links, metadata.

One published build (absolute URLs) of the mini fixture with three more stories:
one with a picture and an update, one whose headline tries to close the JSON-LD
block, and one more Extraction story, so the series links have a middle.
"""

import json
import struct
import zlib

import pytest

from conftest import build, copy_fixture

SITEURL = "https://example.org/news"
PICTURED = "2024/03/pictured/index.html"
WRITES = "2020/05/extraction-2-joe-russo-writes/index.html"  # Extraction, between 'arrives' and 'native'
HOSTILE_TITLE = "Sequel </script><script>alert(1)</script> confirmed"

STORIES = {
    "2024/pictured.md": """---
title: Extraction 3 starts shooting
date: 2024-03-01 09:00
modified: 2024-03-02 17:30
film: Extraction 2
people: [Chris Hemsworth: star]
image: images/still.png
image_alt: Chris Hemsworth on the set in Sydney
summary: Cameras roll again.
tags: [production]
---
Text.
""",
    "2022/hostile.md": f"""---
title: '{HOSTILE_TITLE}'
date: 2022-02-02 12:00
film: Extraction 2
summary: "A </script> summary"
---
Text.
""",
    "2020/arrives.md": """---
title: Extraction arrives
date: 2020-04-24 08:00
film: Extraction
---
Text.
""",
}


def png(width, height):
    """A real, tiny grey PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="session")
def story_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("story-page")
    site = copy_fixture("mini", tmp)
    films = site / "data" / "films.yaml"
    films.write_text(films.read_text(encoding="utf-8").replace(
        "aliases: [Extraction II]", "aliases: [Extraction II]\n  sameAs: https://www.wikidata.org/wiki/Q100"), encoding="utf-8")
    people = site / "data" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "- name: Chris Hemsworth", "- name: Chris Hemsworth\n  sameAs: https://www.wikidata.org/wiki/Q200"), encoding="utf-8")
    for name, text in STORIES.items():
        (site / "stories" / name).parent.mkdir(exist_ok=True)
        (site / "stories" / name).write_text(text, encoding="utf-8")
    (site / "images").mkdir()
    (site / "images" / "still.png").write_bytes(png(64, 36))
    return build(site, tmp / "output", settings="publishconf.py", env={"SITEURL": SITEURL})


def json_ld(site, path):
    blocks = site.page(path).select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def meta(site, path, key):
    """Every content of <meta property=key> or <meta name=key>, in page order."""
    page = site.page(path)
    return [tag["content"] for tag in page.select(f'meta[property="{key}"], meta[name="{key}"]')]


def test_the_fixture_publishes_cleanly(story_site):
    assert story_site.returncode == 0, story_site.stderr


def test_the_byline_shows_one_published_time_and_the_update(story_site):
    byline = story_site.page(PICTURED).select_one(".byline")
    times = [(t.parent.get_text(" ", strip=True), t["datetime"]) for t in byline.select("time")]
    assert times == [("Published 1 March 2024, 09:00 UTC", "2024-03-01T09:00:00+00:00"),
                     ("Updated 2 March 2024, 17:30 UTC", "2024-03-02T17:30:00+00:00")]


def test_a_story_never_updated_shows_no_update(story_site):
    assert "Updated" not in story_site.page(WRITES).select_one(".byline").get_text()


def test_the_image_has_its_size_alt_text_and_loads_lazily(story_site):
    image = story_site.page(PICTURED).select_one(".lead-image img")
    assert (image["src"], image["width"], image["height"], image["alt"], image["loading"]) == (
        f"{SITEURL}/images/still.png", "64", "36", "Chris Hemsworth on the set in Sydney", "lazy")
    assert story_site.exists("images/still.png")


def test_the_series_links_lead_to_the_previous_and_next_story_of_the_franchise(story_site):
    links = {li["class"][0]: li.a for li in story_site.page(WRITES).select(".series li")}
    assert links["prev"]["href"] == f"{SITEURL}/2020/04/arrives/"
    assert links["next"]["href"] == f"{SITEURL}/2022/02/hostile/"


def test_the_newest_story_of_a_franchise_has_no_next(story_site):
    assert [li["class"][0] for li in story_site.page(PICTURED).select(".series li")] == ["prev"]


def test_canonical_and_og_url_are_the_public_address(story_site):
    page = story_site.page(PICTURED)
    assert page.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/2024/03/pictured/"
    assert meta(story_site, PICTURED, "og:url") == [f"{SITEURL}/2024/03/pictured/"]


def test_a_development_build_writes_no_canonical_address(mini_site):
    page = mini_site.page("2020/05/extraction-2-joe-russo-writes/index.html")
    assert page.select('link[rel="canonical"], meta[property="og:url"]') == []


def test_open_graph_says_article_with_its_time_and_tags(story_site):
    assert meta(story_site, PICTURED, "og:type") == ["article"]
    assert meta(story_site, PICTURED, "og:title") == ["Extraction 3 starts shooting"]
    assert meta(story_site, PICTURED, "article:published_time") == ["2024-03-01T09:00:00+00:00"]
    assert meta(story_site, PICTURED, "article:modified_time") == ["2024-03-02T17:30:00+00:00"]
    assert meta(story_site, PICTURED, "article:tag") == ["Extraction 2", "Extraction", "production"]


def test_the_image_makes_a_large_social_card(story_site):
    assert meta(story_site, PICTURED, "og:image") == [f"{SITEURL}/images/still.png"]
    assert meta(story_site, PICTURED, "twitter:card") == ["summary_large_image"]
    assert meta(story_site, WRITES, "twitter:card") == ["summary"]


def test_json_ld_is_a_news_article_with_dates_image_and_address(story_site):
    data = json_ld(story_site, PICTURED)
    assert (data["@type"], data["headline"]) == ("NewsArticle", "Extraction 3 starts shooting")
    assert (data["datePublished"], data["dateModified"]) == ("2024-03-01T09:00:00+00:00", "2024-03-02T17:30:00+00:00")
    assert data["author"]["name"] == "Reelnews desk" and data["publisher"]["name"] == "Reelnews"
    assert data["url"] == f"{SITEURL}/2024/03/pictured/"
    assert (data["image"]["url"], data["image"]["width"], data["image"]["height"]) == (
        f"{SITEURL}/images/still.png", 64, 36)


def test_json_ld_is_about_the_film_in_its_series_with_same_as(story_site):
    film = json_ld(story_site, PICTURED)["about"][0]
    assert (film["@type"], film["name"], film["url"], film["sameAs"]) == (
        "Movie", "Extraction 2", f"{SITEURL}/film/extraction-2/", "https://www.wikidata.org/wiki/Q100")
    assert (film["isPartOf"]["@type"], film["isPartOf"]["name"]) == ("MovieSeries", "Extraction")


def test_json_ld_mentions_people_and_the_platform(story_site):
    mentions = json_ld(story_site, WRITES)["mentions"]
    assert [(m["@type"], m["name"]) for m in mentions] == [
        ("Person", "Joe Russo"), ("Person", "Chris Hemsworth"), ("Person", "Sam Hargrave"), ("Organization", "Netflix")]
    assert mentions[1]["sameAs"] == "https://www.wikidata.org/wiki/Q200"


def test_a_script_end_tag_in_the_headline_stays_inside_the_json_ld(story_site):
    data = json_ld(story_site, "2022/02/hostile/index.html")
    assert data["headline"] == HOSTILE_TITLE
    assert data["description"] == "A </script> summary"


def test_a_hub_is_a_collection_page_about_its_subject(story_site):
    data = json_ld(story_site, "franchise/extraction/index.html")
    assert (data["@type"], data["about"]["@type"], data["about"]["name"]) == ("CollectionPage", "MovieSeries", "Extraction")
    assert data["url"] == f"{SITEURL}/franchise/extraction/"
    assert data["mainEntity"]["itemListElement"][0]["url"] == f"{SITEURL}/2024/03/pictured/"


BAD_IMAGES = {
    "no-alt.md": "image: images/still.png",
    "missing.md": "image: images/nowhere.png\nimage_alt: Nothing",
    "outside.md": "image: stories/still.png\nimage_alt: A still",
}


@pytest.fixture(scope="session")
def bad_images(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad-images")
    site = copy_fixture("mini", tmp)
    (site / "images").mkdir()
    (site / "images" / "still.png").write_bytes(png(8, 8))
    for name, fields in BAD_IMAGES.items():
        (site / "stories" / "2023" / name).write_text(
            f"---\ntitle: {name}\ndate: 2023-08-01 10:00\n{fields}\n---\nText.\n", encoding="utf-8")
    return build(site, tmp / "output")


@pytest.mark.parametrize("name, message", [
    ("no-alt.md", "the image has no 'image_alt'; describe what it shows for readers who cannot see it"),
    ("missing.md", "image 'images/nowhere.png' not found; put the file at content/images/nowhere.png"),
    ("outside.md", "image 'stories/still.png' must be inside content/images/"),
])
def test_a_bad_image_is_reported_at_its_line(bad_images, name, message):
    assert f"mini/stories/2023/{name}:4: error: {message}" in bad_images.stderr


def test_a_story_with_a_bad_image_still_builds_without_it(bad_images):
    assert bad_images.page("2023/08/no-alt/index.html").select("img") == []
