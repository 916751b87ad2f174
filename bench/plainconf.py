"""Plain Pelican for the benchmark: its default theme, no plugins, every subject a tag.

Pelican's defaults, except what our site sets for reasons other than its pipeline,
taken from pelicanconf.py so the two builds cannot drift apart: directory-style
addresses (so no two tags' pages can collide), slugs from file names, ten stories a
listing page, the same Markdown extensions (Pelican adds its `meta` for the native
header) and typogrify. Each film, franchise, person and platform is a tag, so it gets
a paginated page as our hubs do; the default theme's categories are the year folders,
as stock Pelican makes them. No author pages: with one author they would only repeat
the home page (our site has none either).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pelicanconf import (  # noqa: E402,F401
    ARTICLE_SAVE_AS, ARTICLE_URL, AUTHOR, DEFAULT_LANG, DEFAULT_PAGINATION, MARKDOWN, PAGE_SAVE_AS, PAGE_URL,
    PAGINATION_PATTERNS, SITENAME, SLUGIFY_SOURCE, TAG_SAVE_AS, TAG_URL, TIMEZONE, TYPOGRIFY, TYPOGRIFY_IGNORE_TAGS,
)

SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]

CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
AUTHOR_URL = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAGS_SAVE_AS = "tags/index.html"
CATEGORIES_SAVE_AS = "categories/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"

# Feeds are set per run by the benchmark (`-e`), alike for both builds.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
