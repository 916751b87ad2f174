"""Production settings: absolute URLs from SITEURL, feeds, and a strict build."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = (os.environ.get("SITEURL") or "https://reelnews.example.org").rstrip("/")
RELATIVE_URLS = False
# A custom domain (e.g. news.example.org) is written to output/CNAME for `make github`.
CNAME = os.environ.get("CNAME", "")

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = None
# One Atom feed per hub, beside its page: /franchise/extraction/feed.atom.xml
FRANCHISE_FEED_ATOM = "franchise/{slug}/feed.atom.xml"
FILM_FEED_ATOM = "film/{slug}/feed.atom.xml"
PERSON_FEED_ATOM = "person/{slug}/feed.atom.xml"
PLATFORM_FEED_ATOM = "platform/{slug}/feed.atom.xml"

DELETE_OUTPUT_DIRECTORY = True
REELNEWS_STRICT = True  # any error or warning fails `make publish`
