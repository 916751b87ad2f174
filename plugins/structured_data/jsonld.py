"""schema.org JSON-LD for story and hub pages, built from plain data.

Pure: no Pelican. The edge turns stories and subjects into the dataclasses below;
`script_json` makes the text safe inside <script type="application/ld+json">.
"""

import json
from dataclasses import dataclass

# subject kind -> schema.org type
TYPES = {"film": "Movie", "franchise": "MovieSeries", "person": "Person", "platform": "Organization"}


@dataclass(frozen=True)
class Thing:
    """A film, franchise, person or platform as search engines should see it."""

    kind: str  # "film", "franchise", "person" or "platform"
    name: str
    url: str | None = None  # its hub on this site, absolute; None when the build has no absolute SITEURL
    same_as: tuple = ()  # the same thing elsewhere: the registry's sameAs, a platform's homepage
    series: "Thing | None" = None  # a film's franchise


@dataclass(frozen=True)
class Image:
    url: str | None  # absolute, or None when the build has no absolute SITEURL
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class StoryFacts:
    """What a story page says about itself, as plain text (no markup, no entities)."""

    headline: str
    description: str
    published: str  # ISO 8601 with offset
    modified: str | None
    author: str
    author_is_desk: bool  # the site's default byline: an organisation, not a person
    publisher: str
    publisher_url: str | None
    url: str | None
    image: Image | None = None
    films: tuple = ()  # Things; each film's franchise in `series`
    franchises: tuple = ()  # Things the story names or infers
    people: tuple = ()
    platform: Thing | None = None
    keywords: tuple = ()  # the story's tags


def absolute_url(siteurl, path):
    """The page's public address, or None in a build with relative links (development)."""
    if not siteurl or not siteurl.startswith(("https://", "http://")):
        return None
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return f"{siteurl.rstrip('/')}/{path.lstrip('/')}"


def thing(subject):
    """A Thing as a JSON-LD node; a film carries its franchise as `isPartOf`."""
    node = {"@type": TYPES[subject.kind], "name": subject.name}
    if subject.url:
        node["url"] = subject.url
    if subject.same_as:
        node["sameAs"] = list(subject.same_as) if len(subject.same_as) > 1 else subject.same_as[0]
    if subject.series is not None:
        node["isPartOf"] = thing(subject.series)
    return node


def _about(story):
    """The films, then any franchise that no film already names as its series."""
    covered = {film.series.name for film in story.films if film.series is not None}
    return [thing(film) for film in story.films] + [
        thing(franchise) for franchise in story.franchises if franchise.name not in covered
    ]


def news_article(story):
    """A NewsArticle: who wrote it and when, what it is about, whom it mentions."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "description": story.description,
        "datePublished": story.published,
        "dateModified": story.modified or story.published,
        "author": {"@type": "Organization" if story.author_is_desk else "Person", "name": story.author},
        "publisher": {"@type": "Organization", "name": story.publisher},
    }
    if story.publisher_url:
        data["publisher"]["url"] = story.publisher_url
    if story.url:
        data["url"] = story.url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": story.url}
    if story.image is not None:
        image = {"@type": "ImageObject", "width": story.image.width, "height": story.image.height,
                 "caption": story.image.alt}
        if story.image.url:
            image["url"] = story.image.url
        data["image"] = image
    about = _about(story)
    if about:
        data["about"] = about
    mentions = [thing(person) for person in story.people]
    if story.platform is not None:
        mentions.append(thing(story.platform))
    if mentions:
        data["mentions"] = mentions
    if story.keywords:
        data["keywords"] = list(story.keywords)
    return data


def collection_page(subject, name, url, stories):
    """A hub page: a CollectionPage about its subject, listing the stories it shows.

    `stories` are (headline, absolute url or None) pairs in the page's order.
    """
    data = {"@context": "https://schema.org", "@type": "CollectionPage", "name": name, "about": thing(subject)}
    if url:
        data["url"] = url
    items = []
    for position, (headline, story_url) in enumerate(stories, start=1):
        item = {"@type": "ListItem", "position": position, "name": headline}
        if story_url:
            item["url"] = story_url
        items.append(item)
    if items:
        data["mainEntity"] = {"@type": "ItemList", "itemListElement": items}
    return data


def script_json(data):
    """JSON that no field can break out of: '<', '>' and '&' become \\u escapes, so a
    headline holding '</script>' or '<!--' stays a string inside the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
