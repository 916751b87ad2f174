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
PLUGINS = ["build_report", "addresses", "story_reader", "subjects", "related_stories", "hubs",
           "story_image", "story_neighbours", "structured_data", "build_speed",
           "site_files", "search_index"]  # these two last: they work on the finished output

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": []}
TYPOGRIFY = True
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "title"]
# Typogrify's smartypants gives the curly quotes, and "--" an en dash and "---" an em dash, as
# Markdown's smarty extension did; that extension is quadratic in a story's paragraphs (minutes on a 5 MB story).
TYPOGRIFY_DASHES = "oldschool"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
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
TAGS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
ARCHIVES_URL = "archives/"  # every month with stories, linked from the footer
ARCHIVES_SAVE_AS = "archives/index.html"
DIRECT_TEMPLATES = ["index", "archives", "search"]
SEARCH_URL = "search/"  # the search page (plugins/search_index indexes every build for it)
SEARCH_SAVE_AS = "search/index.html"

# Hubs (plugins/hubs): a page per franchise, film, person and platform, and an index of each kind.
FRANCHISE_URL = "franchise/{slug}/"
FRANCHISE_SAVE_AS = "franchise/{slug}/index.html"
FILM_URL = "film/{slug}/"
FILM_SAVE_AS = "film/{slug}/index.html"
PERSON_URL = "person/{slug}/"
PERSON_SAVE_AS = "person/{slug}/index.html"
PLATFORM_URL = "platform/{slug}/"
PLATFORM_SAVE_AS = "platform/{slug}/index.html"
FRANCHISES_URL = "franchises/"
FRANCHISES_SAVE_AS = "franchises/index.html"
FILMS_URL = "films/"
FILMS_SAVE_AS = "films/index.html"
PEOPLE_URL = "people/"
PEOPLE_SAVE_AS = "people/index.html"
PLATFORMS_URL = "platforms/"
PLATFORMS_SAVE_AS = "platforms/index.html"
HUBS_TOP_PEOPLE = 10  # people listed as "most often in its stories" on franchise and film hubs

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None,
                       "hub_franchise": None, "hub_film": None, "hub_person": None, "hub_platform": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FRANCHISE_FEED_ATOM = FILM_FEED_ATOM = PERSON_FEED_ATOM = PLATFORM_FEED_ATOM = None  # hub feeds: publishconf.py

# Content cache: a story whose file is unchanged (by content, so fresh CI checkouts hit it too)
# is not parsed again. Only what the file alone decides is kept; registry look-ups, hubs and
# related stories are worked out on every build. `make clean` empties it.
CACHE_PATH = "cache"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"
GZIP_CACHE = False  # gzip cost more time each build (0.2 s at 2,000 stories) than the 5 MB it saved
DELETE_OUTPUT_DIRECTORY = False
REELNEWS_STRICT = False
