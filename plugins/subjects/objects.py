"""Films, franchises, people and platforms as Pelican URLWrappers.

Like Pelican's Tag, each kind takes its address from <KIND>_URL / <KIND>_SAVE_AS,
so a hub page and every link to it agree.
"""

from dataclasses import dataclass

from pelican.urlwrappers import URLWrapper

from registry import slug


class Subject(URLWrapper):
    """A named thing stories are about; `entry` is its registry entry or None."""

    kind = ""
    hub = None  # its hubs.contents.Hub when it has a hub page (set by the hubs plugin), else None

    def __init__(self, name, settings, entry=None):
        super().__init__(name, settings)
        self.entry = entry
        self.stories = []  # filled by the subjects plugin, newest first
        self.slug = slug(name)  # identity-based: same name <=> same page, so hubs never collide

    @property
    def same_as(self):
        return self.entry.same_as if self.entry else None


class Film(Subject):
    kind = "film"
    franchise = None  # Franchise
    platform = None  # Platform

    @property
    def year(self):
        return self.entry.year if self.entry else None


class Franchise(Subject):
    kind = "franchise"

    @property
    def description(self):
        return self.entry.description if self.entry else ""


class Person(Subject):
    kind = "person"


class Platform(Subject):
    kind = "platform"

    @property
    def homepage(self):
        return self.entry.url if self.entry else None


CLASSES = {cls.kind: cls for cls in (Film, Franchise, Person, Platform)}

# Documented defaults, overridable in pelicanconf.py exactly like TAG_URL.
DEFAULT_SETTINGS = {
    f"{kind.upper()}_{suffix}": value
    for kind in CLASSES
    for suffix, value in (("URL", f"{kind}/{{slug}}/"), ("SAVE_AS", f"{kind}/{{slug}}/index.html"))
}


@dataclass(frozen=True)
class Credit:
    """A person as a story names them: 'Joe Russo: writer'."""

    person: Person
    role: str | None = None

    @property
    def name(self):
        return self.person.name

    @property
    def url(self):
        return self.person.url


@dataclass(frozen=True)
class Source:
    """Who reported it first; `url` is only ever an http(s) link or None."""

    name: str
    url: str | None = None
