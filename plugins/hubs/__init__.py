"""Hubs: a page per franchise, film, person and platform, the four indexes, and hub feeds.

Needs the subjects plugin (listed before it in PLUGINS), which resolves what
each story names. Hub addresses come from the subjects' <KIND>_URL / <KIND>_SAVE_AS
settings; the defaults below cover the rest and can be overridden in pelicanconf.py.
"""

from pelican import signals

from .generator import HubGenerator

DEFAULT_SETTINGS = {
    # Indexes: every hub of a kind with its story count ("" leaves an index out).
    "FRANCHISES_URL": "franchises/",
    "FRANCHISES_SAVE_AS": "franchises/index.html",
    "FILMS_URL": "films/",
    "FILMS_SAVE_AS": "films/index.html",
    "PEOPLE_URL": "people/",
    "PEOPLE_SAVE_AS": "people/index.html",
    "PLATFORMS_URL": "platforms/",
    "PLATFORMS_SAVE_AS": "platforms/index.html",
    # One Atom feed per hub, e.g. "franchise/{slug}/feed.atom.xml"; None writes none (development).
    "FRANCHISE_FEED_ATOM": None,
    "FILM_FEED_ATOM": None,
    "PERSON_FEED_ATOM": None,
    "PLATFORM_FEED_ATOM": None,
    # How many of the people most often in a franchise's or film's stories its hub lists.
    "HUBS_TOP_PEOPLE": 10,
}

# Hub pages are paginated by Pelican; None means DEFAULT_PAGINATION stories a page.
PAGINATED = {"hub_franchise": None, "hub_film": None, "hub_person": None, "hub_platform": None}


def add_defaults(pelican):
    settings = pelican.settings
    for key, value in DEFAULT_SETTINGS.items():
        settings.setdefault(key, value)
    settings["PAGINATED_TEMPLATES"] = {**PAGINATED, **settings["PAGINATED_TEMPLATES"]}


def get_generators(pelican):
    return HubGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
