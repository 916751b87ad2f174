"""Search index: Pagefind indexes every finished build, so /search/ needs no server.

Pagefind comes from PyPI with its binary (requirements.txt); the stock search plugin's Stork
is no longer developed. Only stories are indexed: the theme marks the story with
`data-pagefind-body`, its franchises, people and platform with `data-pagefind-filter`, and
its date and franchise with `data-pagefind-meta`, so a search lists stories, not the hubs
and lists that repeat their headlines. There is a bundle per year of stories (indexer.py says
why); with the content cache on, a year whose story pages did not change keeps its bundle.
Pagefind starts as soon as the story pages are
written (article_writer_finalized) and works while the hubs are made; the build waits for
it at the end (finalized), then reports what it said.
"""

import os
import sys

from .indexer import Indexing

STATE_FILE = "search_index.json"  # in CACHE_PATH: what each year's bundle was made from

_running = None  # the Indexing of this build, once the story pages are written


def start_index(generator, writer=None):
    """Start Pagefind on output/ (into output/pagefind/, where the search page loads it from)."""
    global _running
    settings = generator.settings
    if not settings.get("SEARCH_INDEX", True):  # False skips it (search then finds nothing)
        return
    # Only story files are offered to Pagefind: parsing every hub page for nothing cost half its time and memory.
    keep = settings.get("CACHE_CONTENT", False) and settings.get("LOAD_CONTENT_CACHE", False)
    _running = Indexing(settings["OUTPUT_PATH"], settings["ARTICLE_SAVE_AS"],
                        os.path.join(settings["CACHE_PATH"], STATE_FILE) if keep else None)


def build_index(pelican):
    """Wait for the index (started here if no story step started it) and report what Pagefind said."""
    global _running
    settings = pelican.settings
    if _running is None:
        start_index(pelican)
    if _running is None:
        return
    complaints, _running = _running.finish(), None
    if complaints:
        print(f"Reelnews: search index: {complaints}", file=sys.stderr, flush=True)
        if settings.get("REELNEWS_STRICT", False):
            raise SystemExit(1)


def register():
    from pelican import signals  # here, so `python -m search_index` indexes without loading Pelican

    signals.article_writer_finalized.connect(start_index)
    signals.finalized.connect(build_index)
