"""Registry model: four YAML lists turned into entries with one identity each."""

import os
from dataclasses import dataclass, field

import yaml

from . import yamltext
from .names import identity, near_misses

# kind -> (file name, key holding the canonical name, allowed keys)
KINDS = {
    "film": ("films.yaml", "title", {"title", "year", "franchise", "platform", "aliases", "sameAs"}),
    "franchise": ("franchises.yaml", "name", {"name", "aliases", "description", "sameAs"}),
    "person": ("people.yaml", "name", {"name", "aliases", "sameAs"}),
    "platform": ("platforms.yaml", "name", {"name", "aliases", "url", "sameAs"}),
}


@dataclass
class Entry:
    kind: str
    name: str
    path: str
    line: int
    aliases: tuple = ()
    year: int | None = None
    franchise: str | None = None  # canonical franchise name, films only
    platform: str | None = None  # canonical platform name, films only
    description: str = ""
    url: str | None = None
    same_as: str | None = None


@dataclass
class Problem:
    """One thing wrong in a file, in the editor's terms: where, what, how to fix."""

    path: str
    line: int | None
    message: str
    severity: str = "error"  # "error" fails `make publish`; "warning" only in strict mode

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Registry:
    entries: dict = field(default_factory=lambda: {kind: {} for kind in KINDS})  # kind -> identity -> Entry
    problems: list = field(default_factory=list)
    _spellings: dict = field(default_factory=dict, repr=False)  # kind -> identity -> canonical name

    def find(self, kind, name):
        """The entry a story's name (canonical or alias, any case or accent) refers to."""
        return self.entries[kind].get(identity(name))

    def suggest(self, kind, name):
        """The canonical name a near-miss most likely meant, or None."""
        if kind not in self._spellings:  # built once per kind: suggest runs for every unknown name
            self._spellings[kind] = {key: entry.name for key, entry in self.entries[kind].items()}
        found = near_misses(name, self._spellings[kind])
        return found[0] if found else None

    def canonical(self, kind):
        """Each entry of a kind once, in file order."""
        seen, out = set(), []
        for entry in self.entries[kind].values():
            if id(entry) not in seen:
                seen.add(id(entry))
                out.append(entry)
        return out


def _is_web_url(value):
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _read_list(path, problems):
    """(line, mapping) pairs of a YAML list file; problems for anything else."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
    except UnicodeDecodeError as err:
        problems.append(Problem(path, raw[: err.start].count(b"\n") + 1, f"the file is not UTF-8 "
                                f"(byte 0x{raw[err.start]:02x}); re-save it as UTF-8 in your editor"))
        return []
    try:
        root = yamltext.compose(text)
    except yamltext.YamlProblem as err:
        problems.append(Problem(path, err.line, f"{err.message} (each entry starts with '- ', "
                                "its other keys indented under it with spaces)"))
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(path, root.start_mark.line + 1,
                                "the file must be a YAML list: start each entry with '- '"))
        return []
    items = []
    for node in root.value:
        line = node.start_mark.line + 1
        try:
            value = yamltext.construct(node)
        except yamltext.YamlProblem as err:
            problems.append(Problem(path, err.line, err.message))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(path, line, "each entry must be a set of 'key: value' lines"))
            continue
        items.append((line, value))
    return items


def _string_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _entry(kind, path, line, raw, problems):
    """Validate one raw mapping into an Entry, or None (with a problem) when unusable."""
    _, key, allowed = KINDS[kind]
    label = f"{kind} entry"
    name = raw.get(key)
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(path, line, f"{label} has no '{key}': add '{key}: <the {kind}'s name>'"))
        return None
    name = name.strip()
    for extra in sorted(set(raw) - allowed):
        problems.append(Problem(path, line, f"{kind} '{name}' has an unknown field '{extra}'; "
                                f"allowed fields are {', '.join(sorted(allowed))}", "warning"))
    aliases = _string_list(raw.get("aliases"))
    if aliases is None:
        problems.append(Problem(path, line, f"{kind} '{name}': aliases must be a list of names, "
                                "e.g. aliases: [Other Name]"))
        aliases = []
    entry = Entry(kind, name, path, line, tuple(a.strip() for a in aliases if a.strip()))
    year = raw.get("year")
    if year is not None:
        if isinstance(year, int) and not isinstance(year, bool) and 1880 <= year <= 2100:
            entry.year = year
        else:
            problems.append(Problem(path, line, f"film '{name}': year must be a four-digit number, "
                                    f"not {year!r}"))
    for text_key in ("franchise", "platform", "description"):
        value = raw.get(text_key)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(path, line, f"{kind} '{name}': {text_key} must be text, not {value!r}"))
        elif value:
            setattr(entry, text_key, value.strip())
    for url_key, attr in (("url", "url"), ("sameAs", "same_as")):
        value = raw.get(url_key)
        if value is None:
            continue
        if _is_web_url(value):
            setattr(entry, attr, value)
        else:
            problems.append(Problem(path, line, f"{kind} '{name}': {url_key} must be an http(s) link, "
                                    f"not {value!r}"))
    return entry


def _index(registry, entry, problems):
    """Give the entry its identities; an identity owned by another entry is an error."""
    table = registry.entries[entry.kind]
    for spelling in (entry.name, *entry.aliases):
        key = identity(spelling)
        if not key:
            problems.append(Problem(entry.path, entry.line,
                                    f"{entry.kind} '{entry.name}': '{spelling}' has no letters or digits"))
            continue
        owner = table.get(key)
        if owner is None:
            table[key] = entry
        elif owner is not entry:
            problems.append(Problem(
                entry.path, entry.line,
                f"{entry.kind} '{spelling}' is already used by '{owner.name}' "
                f"({os.path.basename(owner.path)} line {owner.line}); "
                "merge the two entries or make the names differ"))


def _check_references(registry, problems):
    """Films must point at a franchise and platform the registry knows; store canonical names."""
    for film in registry.canonical("film"):
        for kind in ("franchise", "platform"):
            named = getattr(film, kind)
            if not named:
                continue
            target = registry.find(kind, named)
            if target is None:
                hint = registry.suggest(kind, named)
                advice = f"did you mean '{hint}'?" if hint else f"add it to {KINDS[kind][0]}"
                problems.append(Problem(film.path, film.line,
                                        f"film '{film.name}' names unknown {kind} '{named}'; {advice}"))
                setattr(film, kind, None)
            else:
                setattr(film, kind, target.name)


def load_registry(folder):
    """Read the four registry files of `folder`; missing files are empty lists."""
    registry = Registry()
    problems = registry.problems
    for kind, (filename, _, _) in KINDS.items():
        path = os.path.join(folder, filename)
        if not os.path.exists(path):
            continue
        for line, raw in _read_list(path, problems):
            entry = _entry(kind, path, line, raw, problems)
            if entry is not None:
                _index(registry, entry, problems)
    _check_references(registry, problems)
    return registry
