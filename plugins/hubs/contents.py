"""What each hub page shows, worked out in one pass over the story-to-hub links.

Pure: no Pelican. Stories and subjects are taken by duck type, so the Pelican
edge passes its own objects and tests pass small dataclasses:
- a subject has `.kind` ("film", "franchise", "person", "platform"), `.name` and
  `.entry` (its registry entry or None); a film also `.year`, `.franchise`, `.platform`;
- a story has `.films`, `.franchises`, `.people` (credits with `.person`, `.role`)
  and `.platform` (a subject or None).
Cost is linear in the links (stock Pelican rescans every story for every tag),
so ten thousand stories and two thousand people build as fast per link as ten.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from registry import identity

KINDS = ("franchise", "film", "person", "platform")  # hub kinds, in the order the site lists them
OTHER = "#"  # people-index heading for names that do not start with a letter A-Z


@dataclass
class Hub:
    """One hub page; each kind's template shows the lists that make sense for it."""

    subject: object  # the franchise, film, person or platform the page is about
    stories: list = field(default_factory=list)  # every story on the hub once, in the site's order
    people: list = field(default_factory=list)  # (person, story count), most often first, then by name
    platforms: list = field(default_factory=list)  # (platform, story count); franchises add their films' platforms
    films: list = field(default_factory=list)  # franchise and platform hubs: their films in release order
    roles: list = field(default_factory=list)  # person hubs: (film, roles) from one-film stories, release order

    @property
    def count(self):
        """How many stories the hub lists (the indexes show it)."""
        return len(self.stories)

    def fingerprint_identity(self):
        """A hub is a linked thing to build_speed, like its subject: followed a set number of links deep."""
        return "hub", type(self.subject).__name__, self.subject.name


def name_order(subject):
    """Alphabetical, ignoring case and accents; the raw name breaks ties so order never varies."""
    return _folded(subject.name)


@cache  # every hub sorts its people by name: fold each name once per build, not once per hub
def _folded(name):
    return identity(name), name


def release_order(film):
    """By year, then title; films with no year yet come last."""
    return film.year is None, film.year or 0, name_order(film)


def _ranked(counts):
    return sorted(counts.items(), key=lambda item: (-item[1], name_order(item[0])))


def _subjects_of(story):
    """The subjects whose hubs list the story: a film named twice, or a franchise both named
    and inferred, still counts once."""
    named = [*story.films, *story.franchises, *(credit.person for credit in story.people)]
    if story.platform is not None:
        named.append(story.platform)
    return list({id(subject): subject for subject in named}.values())


def busiest(hubs):
    """(name, address, story count) of the hubs with stories, most stories first, name order breaking ties.
    Plain values: a page showing them changes only when they do (build_speed fingerprints what pages name)."""
    ranked = sorted((hub for hub in hubs if hub.count), key=lambda hub: -hub.count)
    return [(hub.subject.name, hub.subject.url, hub.count) for hub in ranked]


def build_hubs(stories, subjects, top_people=None):
    """kind -> hubs in name order.

    `stories`: published stories in the site's order (newest first);
    `subjects`: kind -> every subject the build knows, registry entries included.
    Films, people and platforms get a hub when a story names them; every franchise
    from the registry or a film's entry gets one even with no story yet.
    `top_people`: how many of its people a hub keeps (None: all), as its page shows no more.
    """
    hubs = {}  # id(subject) -> Hub
    people = defaultdict(Counter)  # id(subject) -> person -> stories naming both
    platforms = defaultdict(Counter)  # id(subject) -> platform -> stories on both
    roles = defaultdict(dict)  # id(person) -> film -> {role identity: role as first written}
    for story in stories:
        for subject in _subjects_of(story):
            hub = hubs.setdefault(id(subject), Hub(subject))
            hub.stories.append(story)
            people[id(subject)].update(c.person for c in story.people if c.person is not subject)
            if story.platform is not None and story.platform is not subject:
                platforms[id(subject)][story.platform] += 1
        if len(story.films) == 1:  # with several films a story cannot say which one a role is for
            for credit in story.people:
                found = roles[id(credit.person)].setdefault(story.films[0], {})
                if credit.role:
                    found.setdefault(identity(credit.role), credit.role)

    films_of = defaultdict(list)  # id(franchise or platform) -> its films, from the registry
    for film in sorted(subjects.get("film", []), key=release_order):
        for owner in (film.franchise, film.platform):
            if owner is not None:
                films_of[id(owner)].append(film)
    for franchise in subjects.get("franchise", []):
        if franchise.entry is not None or films_of[id(franchise)]:
            hubs.setdefault(id(franchise), Hub(franchise))

    for key, hub in hubs.items():
        hub.people = _ranked(people[key])[:top_people]
        if hub.subject.kind in ("franchise", "platform"):
            hub.films = films_of[key]
        if hub.subject.kind == "franchise":
            own = platforms[key]
            for film in hub.films:
                if film.platform is not None:
                    own.setdefault(film.platform, 0)
        hub.platforms = _ranked(platforms[key])
        hub.roles = [(film, [found[k] for k in sorted(found)])
                     for film, found in sorted(roles[key].items(), key=lambda item: release_order(item[0]))]
    by_kind = {kind: [] for kind in KINDS}
    for hub in sorted(hubs.values(), key=lambda hub: name_order(hub.subject)):
        by_kind[hub.subject.kind].append(hub)
    return by_kind


def initial(name):
    """The people-index heading a name files under: its first letter with accents folded
    ('Émile' under E, 'Øyvind' under O), or '#' when it starts with a digit."""
    letter = identity(name)[:1].upper()
    return letter if "A" <= letter <= "Z" else OTHER


def by_letter(hubs):
    """[(heading, hubs)] A to Z, then '#'; hubs keep the order given within a heading."""
    groups = defaultdict(list)
    for hub in hubs:
        groups[initial(hub.subject.name)].append(hub)
    return sorted(groups.items(), key=lambda item: (item[0] == OTHER, item[0]))
