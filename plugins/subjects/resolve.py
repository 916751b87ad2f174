"""What a story is about, in registry terms: films, franchises, people, platform, source.

Pure: a story's raw front-matter fields and the registry in, plain data and
problems out. The Pelican edge (subjects/__init__.py) turns names into hub objects.
"""

from dataclasses import dataclass, field

from registry import KINDS, Problem, identity


@dataclass
class Named:
    """A name as the story gives it, with the registry entry it resolved to (if any)."""

    kind: str
    name: str  # canonical when the registry knows it, else as written
    entry: object = None
    role: str | None = None  # people only: writer, director, star...


@dataclass
class StorySubjects:
    films: list = field(default_factory=list)
    franchises: list = field(default_factory=list)
    people: list = field(default_factory=list)
    platform: Named | None = None
    source: dict | None = None  # {"name": ..., "url": ... or None}
    problems: list = field(default_factory=list)


def _names(value, kind, path, line, problems):
    """A single name or a list of names; YAML may turn 'Mission: Impossible' items into maps."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and len(item) == 1:
            (key, rest), = item.items()
            item = f"{key}: {rest}"
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not identity(item):
            problems.append(Problem(path, line, f"'{kind}' must be a name with letters or digits, not {item!r}"))
            continue
        names.append(item.strip())
    return names


def _people(value, path, line, problems):
    """(name, role) pairs from a list of names or {name: role}, or from 'A, B' text."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if isinstance(value, dict):
        value = [{k: v} for k, v in value.items()]
    if not isinstance(value, list):
        problems.append(Problem(path, line, "'people' must be a list of names, or of 'Name: role' lines"))
        return []
    pairs = []
    for item in value:
        if isinstance(item, str) and identity(item):
            pairs.append((item.strip(), None))
        elif isinstance(item, dict) and len(item) == 1:
            (name, role), = item.items()
            if not isinstance(name, str) or not identity(name) or not isinstance(role, (str, type(None))):
                problems.append(Problem(path, line, f"people entry {item!r} should read 'Name: role'"))
                continue
            pairs.append((name.strip(), role.strip() if role else None))
        else:
            problems.append(Problem(path, line, f"people entry {item!r} should be a name or 'Name: role'"))
    return pairs


def _lookup(registry, kind, name, path, line, problems, strict_kind=True):
    """Resolve a name; unknown films, franchises and platforms warn, near-miss people too."""
    entry = registry.find(kind, name)
    if entry is not None:
        return Named(kind, entry.name, entry)
    hint = registry.suggest(kind, name)
    if hint:
        problems.append(Problem(path, line, f"unknown {kind} '{name}': did you mean '{hint}'?", "warning"))
    elif strict_kind:
        problems.append(Problem(path, line, f"unknown {kind} '{name}': add it to content/data/{KINDS[kind][0]} "
                                "or fix the spelling", "warning"))
    return Named(kind, name)


def _unique(named):
    seen, out = set(), []
    for item in named:
        key = identity(item.name)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _source(value, path, line, problems):
    """{name, url} from a map or a plain outlet name; only http(s) links survive."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return {"name": value.strip(), "url": None}
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        problems.append(Problem(path, line, "'source' should read {name: Outlet, url: \"https://...\"}"))
        return None
    url = value.get("url")
    if url is not None and not (isinstance(url, str) and url.strip().lower().startswith(("https://", "http://"))):
        problems.append(Problem(path, line, f"source url {url!r} is not an http(s) link; "
                                "write the outlet's address starting with https://"))
        url = None
    return {"name": value["name"].strip(), "url": url.strip() if url else None}


def resolve(fields, registry, path, lines):
    """StorySubjects for one story's raw fields; `lines` maps field names to file lines."""
    subjects = StorySubjects()
    problems = subjects.problems

    def at(key):
        return lines.get(key) or lines.get(key + "s")

    film_field = fields.get("film", fields.get("films"))
    for name in _names(film_field, "film", path, at("film"), problems):
        subjects.films.append(_lookup(registry, "film", name, path, at("film"), problems))
    franchises = []
    for name in _names(fields.get("franchise", fields.get("franchises")), "franchise", path, at("franchise"), problems):
        franchises.append(_lookup(registry, "franchise", name, path, at("franchise"), problems))
    for film in subjects.films:
        if film.entry is not None and film.entry.franchise:
            franchises.append(Named("franchise", film.entry.franchise, registry.find("franchise", film.entry.franchise)))
    subjects.films = _unique(subjects.films)
    subjects.franchises = _unique(franchises)
    people = []
    for name, role in _people(fields.get("people"), path, lines.get("people"), problems):
        person = _lookup(registry, "person", name, path, lines.get("people"), problems, strict_kind=False)
        person.role = role
        people.append(person)
    subjects.people = _unique(people)
    platforms = _names(fields.get("platform"), "platform", path, lines.get("platform"), problems)
    if len(platforms) > 1:
        problems.append(Problem(path, lines.get("platform"), "a story has one platform; keep the main one"))
    if platforms:
        subjects.platform = _lookup(registry, "platform", platforms[0], path, lines.get("platform"), problems)
    subjects.source = _source(fields.get("source"), path, lines.get("source"), problems)
    return subjects


class TagPages:
    """Free tags by the page they get: two different tags on one page ('Disney', 'Disney+') are a problem."""

    def __init__(self):
        self.first = {}  # page slug -> (tag as first written, file)

    def add(self, tag, page, path, line):
        """A Problem when `tag` lands on a page another tag already has, else None."""
        first = self.first.setdefault(page, (tag, path))
        if identity(first[0]) == identity(tag):
            return None
        return Problem(path, line, f"tag '{tag}' and tag '{first[0]}' ({first[1]}) share the page tag/{page}/; "
                       "use one of them", "warning")
