"""Production settings: absolute URLs from SITEURL, feeds, and a strict build."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = (os.environ.get("SITEURL") or "https://reelnews.example.org").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = None

DELETE_OUTPUT_DIRECTORY = True
REELNEWS_STRICT = True  # any error or warning fails `make publish`
