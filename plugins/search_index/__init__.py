"""Search index: Pagefind indexes every finished build, so /search/ needs no server.

Pagefind comes from PyPI with its binary (requirements.txt); the stock search plugin's Stork
is no longer developed. Only stories are indexed: the theme marks the story with
`data-pagefind-body`, its franchises, people and platform with `data-pagefind-filter`, and
its date and franchise with `data-pagefind-meta`, so a search lists stories, not the hubs
and lists that repeat their headlines. Runs after every other file is written.
"""

import re
import sys

from pelican import signals

from .indexer import index_site


def build_index(pelican):
    """Index output/ into output/pagefind/, where the search page loads it from."""
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):  # False skips it (search then finds nothing)
        return
    # Only story files are offered to Pagefind: parsing every hub page for nothing cost half its time and memory.
    stories = re.sub(r"\{[^}]*\}", "*", settings["ARTICLE_SAVE_AS"])
    complaints = index_site(pelican.output_path, stories)
    if complaints:
        print(f"Reelnews: search index: {complaints}", file=sys.stderr, flush=True)
        if settings.get("REELNEWS_STRICT", False):
            raise SystemExit(1)


def register():
    signals.finalized.connect(build_index)
