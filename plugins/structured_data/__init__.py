"""Structured data: JSON-LD for story and hub pages, and public URLs for canonical links.

Adds Jinja filters for the theme (the building is pure, in jsonld.py):
- `article|news_article_ld`: the story's NewsArticle <script> body;
- `hub|collection_page_ld`: a hub page's CollectionPage <script> body;
- `output_file|public_url`: the page's absolute address, or None in development
  (relative links), so canonical and og:url are only written when they are true;
- `article.title|plain`: a headline or summary as plain text for social cards.
"""

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from .jsonld import Image, StoryFacts, Thing, absolute_url, collection_page, news_article, script_json


def plain(html):
    """Headline or summary HTML (escaped, typogrified) as the text a reader sees;
    typogrify's no-break spaces become plain ones."""
    return " ".join(Markup(html).striptags().split())


def _thing(subject, siteurl, series=None):
    same_as = [subject.same_as] if subject.same_as else []
    homepage = getattr(subject, "homepage", None)
    if homepage and homepage not in same_as:
        same_as.append(homepage)
    return Thing(subject.kind, subject.name, absolute_url(siteurl, subject.url), tuple(same_as), series)


def _film(film, siteurl):
    series = _thing(film.franchise, siteurl) if film.franchise is not None else None
    return _thing(film, siteurl, series)


def _image(story, siteurl):
    image = getattr(story, "image", None)
    if image is None:
        return None
    return Image(absolute_url(siteurl, image.url), image.width, image.height, image.alt)


def _reads(*names):
    """The context values a filter reads (build_speed fingerprints a page by what it reads)."""
    def mark(function):
        function.context_names = names
        return function
    return mark


def story_facts(story, context):
    siteurl = context["SITEURL"]
    modified = getattr(story, "modified", None)
    platform = getattr(story, "platform", None)
    return StoryFacts(
        headline=plain(story.title),
        description=plain(story.summary),
        published=story.date.isoformat(),
        modified=modified.isoformat() if modified else None,
        author=story.author.name,
        author_is_desk=story.author.name == context["AUTHOR"],
        publisher=context["SITENAME"],
        publisher_url=absolute_url(siteurl, ""),
        url=absolute_url(siteurl, story.url),
        image=_image(story, siteurl),
        films=tuple(_film(film, siteurl) for film in getattr(story, "films", [])),
        franchises=tuple(_thing(franchise, siteurl) for franchise in getattr(story, "franchises", [])),
        people=tuple(_thing(credit.person, siteurl) for credit in getattr(story, "people", [])),
        platform=_thing(platform, siteurl) if platform is not None else None,
        keywords=tuple(tag.name for tag in getattr(story, "tags", [])),
    )


@_reads("SITEURL", "AUTHOR", "SITENAME")
@pass_context
def news_article_ld(context, story):
    return Markup(script_json(news_article(story_facts(story, context))))


@_reads("SITEURL", "SITENAME", "articles_page", "output_file")
@pass_context
def collection_page_ld(context, hub):
    siteurl = context["SITEURL"]
    page = context.get("articles_page")
    shown = page.object_list if page else hub.stories
    stories = [(plain(story.title), absolute_url(siteurl, story.url)) for story in shown]
    url = absolute_url(siteurl, context["output_file"])
    return Markup(script_json(collection_page(_thing(hub.subject, siteurl), hub.subject.name, url, stories)))


@_reads("SITEURL")
@pass_context
def public_url(context, path):
    return absolute_url(context["SITEURL"], path)


def add_filters(generator):
    generator.env.filters.update(
        news_article_ld=news_article_ld, collection_page_ld=collection_page_ld, public_url=public_url, plain=plain)


def register():
    signals.generator_init.connect(add_filters)
