"""Development settings: relative URLs, no feeds, problems reported but not fatal."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Our plugins import each other's pure cores (registry, build_report), so the folder goes on sys.path.
if os.path.join(HERE, "plugins") not in sys.path:
    sys.path.insert(0, os.path.join(HERE, "plugins"))

AUTHOR = "Reelnews desk"
SITENAME = "Reelnews"
SITESUBTITLE = "Film news by franchise, film, person and platform"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
REGISTRY_PATH = "data"  # content/data/: films, franchises, people, platforms
IGNORE_FILES = [".#*", "*~", "*.swp"]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
SLUGIFY_SOURCE = "basename"  # a story's address comes from its file name, not its headline


def _newest_first(story):
    """Newest first; same-minute stories by slug, so every build lists them the same way."""
    return (-story.date.timestamp(), story.slug)


ARTICLE_ORDER_BY = _newest_first

THEME = os.path.join(HERE, "theme")
PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["build_report", "story_reader", "subjects"]

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": []}
TYPOGRIFY = True
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "title"]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# Directory-style addresses: a page's folder is its own, so no two pages can want one file.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""  # drafts never reach the site
CATEGORY_URL = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_URL = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DIRECT_TEMPLATES = ["index"]

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
REELNEWS_STRICT = False
