"""JSON-LD's pure core: what a story or hub says about itself to search engines."""

import json

from structured_data.jsonld import (
    Image, StoryFacts, Thing, absolute_url, collection_page, news_article, script_json)

EXTRACTION = Thing("franchise", "Extraction", "https://example.org/franchise/extraction/")
EXTRACTION_2 = Thing("film", "Extraction 2", "https://example.org/film/extraction-2/",
                     ("https://www.wikidata.org/wiki/Q1",), EXTRACTION)
JOE_RUSSO = Thing("person", "Joe Russo", "https://example.org/person/joe-russo/")
NETFLIX = Thing("platform", "Netflix", "https://example.org/platform/netflix/", ("https://www.netflix.com/",))


def facts(**changes):
    base = dict(headline="Joe Russo signs on to write Extraction 2", description="The script is his.",
                published="2020-05-05T09:00:00+00:00", modified=None, author="Reelnews desk", author_is_desk=True,
                publisher="Reelnews", publisher_url="https://example.org/",
                url="https://example.org/2020/05/extraction-2/", films=(EXTRACTION_2,),
                franchises=(EXTRACTION,), people=(JOE_RUSSO,), platform=NETFLIX, keywords=("sequel",))
    return StoryFacts(**{**base, **changes})


def in_script_block(data):
    """What a browser's HTML parser sees inside <script type="application/ld+json">...</script>."""
    page = f'<script type="application/ld+json">{script_json(data)}</script>'
    return page[len('<script type="application/ld+json">'):page.index("</script>")]


def test_a_story_is_a_news_article_with_its_dates_author_and_publisher():
    data = news_article(facts())
    assert (data["@type"], data["headline"], data["datePublished"]) == (
        "NewsArticle", "Joe Russo signs on to write Extraction 2", "2020-05-05T09:00:00+00:00")
    assert data["author"] == {"@type": "Organization", "name": "Reelnews desk"}
    assert data["publisher"] == {"@type": "Organization", "name": "Reelnews", "url": "https://example.org/"}


def test_date_modified_is_the_update_or_else_the_publication():
    assert news_article(facts())["dateModified"] == "2020-05-05T09:00:00+00:00"
    assert news_article(facts(modified="2020-06-01T08:00:00+00:00"))["dateModified"] == "2020-06-01T08:00:00+00:00"


def test_a_named_author_is_a_person():
    assert news_article(facts(author="Ann Critic", author_is_desk=False))["author"]["@type"] == "Person"


def test_a_story_is_about_its_film_as_part_of_its_franchise_series():
    assert news_article(facts())["about"] == [{
        "@type": "Movie", "name": "Extraction 2", "url": "https://example.org/film/extraction-2/",
        "sameAs": "https://www.wikidata.org/wiki/Q1",
        "isPartOf": {"@type": "MovieSeries", "name": "Extraction", "url": "https://example.org/franchise/extraction/"},
    }]


def test_a_story_about_a_franchise_alone_is_about_the_series():
    about = news_article(facts(films=()))["about"]
    assert [(node["@type"], node["name"]) for node in about] == [("MovieSeries", "Extraction")]


def test_a_story_mentions_its_people_and_platform():
    mentions = news_article(facts())["mentions"]
    assert [(node["@type"], node["name"]) for node in mentions] == [("Person", "Joe Russo"), ("Organization", "Netflix")]
    assert mentions[1]["sameAs"] == "https://www.netflix.com/"


def test_an_image_carries_its_size_and_description():
    image = Image("https://example.org/images/still.png", 1200, 675, "Chris Hemsworth on set")
    assert news_article(facts(image=image))["image"] == {
        "@type": "ImageObject", "url": "https://example.org/images/still.png", "width": 1200, "height": 675,
        "caption": "Chris Hemsworth on set"}


def test_a_development_build_leaves_addresses_out():
    data = news_article(facts(url=None, publisher_url=None, films=(Thing("film", "Extraction 2"),)))
    assert "url" not in data and "mainEntityOfPage" not in data and "url" not in data["about"][0]


def test_public_addresses_need_an_absolute_siteurl():
    assert absolute_url("https://example.org/news/", "2020/05/x/index.html") == "https://example.org/news/2020/05/x/"
    assert absolute_url("https://example.org", "index.html") == "https://example.org/"
    assert absolute_url("../..", "2020/05/x/index.html") is None
    assert absolute_url("", "about/") is None


def test_a_hub_is_a_collection_page_listing_its_stories():
    data = collection_page(EXTRACTION, "Extraction", "https://example.org/franchise/extraction/",
                           [("Extraction 2 streams", "https://example.org/2023/06/x/")])
    assert (data["@type"], data["about"]["@type"]) == ("CollectionPage", "MovieSeries")
    assert data["mainEntity"]["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Extraction 2 streams", "url": "https://example.org/2023/06/x/"}]


def test_a_script_end_tag_in_any_field_stays_inside_the_block():
    hostile = "</script><script>alert(1)</script> <!-- & </SCRIPT >"
    data = news_article(facts(headline=hostile, description=hostile, people=(Thing("person", hostile),)))
    inside = in_script_block(data)
    assert json.loads(inside) == data
    assert "<" not in inside and ">" not in inside
