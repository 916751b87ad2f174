"""Subjects: turn a story's film, franchise, people, platform and source into objects.

Runs after all stories are read (so the content cache never holds stale
registry data): loads the registry once, resolves every story, and leaves
`context["subjects"]` (kind -> list of Subject) for hubs, related stories and the theme.
"""

import os

from pelican import signals

from build_report import report
from registry import identity, load_registry

from .objects import CLASSES, DEFAULT_SETTINGS, Credit, Source
from .resolve import resolve


class SubjectPool:
    """One object per (kind, identity); two identities wanting one slug is an error."""

    def __init__(self, settings):
        self.settings = settings
        self.by_identity = {kind: {} for kind in CLASSES}
        self.by_slug = {kind: {} for kind in CLASSES}

    def get(self, kind, name, entry, where):
        key = identity(name)
        found = self.by_identity[kind].get(key)
        if found is not None:
            return found
        subject = CLASSES[kind](name, self.settings, entry)
        subject.first_seen = where
        owner = self.by_slug[kind].get(subject.slug)
        if owner is not None:
            report(where[0], where[1],
                   f"{kind} '{name}' and {kind} '{owner.name}' ({owner.first_seen[0]}) would share the page "
                   f"{subject.url}; rename one, or make one an alias of the other in the registry")
            self.by_identity[kind][key] = owner
            return owner
        self.by_identity[kind][key] = subject
        self.by_slug[kind][subject.slug] = subject
        return subject

    def all(self, kind):
        return list(self.by_slug[kind].values())


def _relative(path):
    return os.path.relpath(path) if os.path.isabs(path) else path


def _preload(pool, registry):
    """Every registry entry gets its object up front (films with no story still show on hubs)."""
    for kind in CLASSES:
        for entry in registry.canonical(kind):
            pool.get(kind, entry.name, entry, (_relative(entry.path), entry.line))
    for film in pool.all("film"):
        if film.entry.franchise:
            film.franchise = pool.get("franchise", film.entry.franchise, None, None)
        if film.entry.platform:
            film.platform = pool.get("platform", film.entry.platform, None, None)


def _attach(story, pool, registry):
    path = _relative(story.source_path)
    lines = story.metadata.get("header_lines", {})
    found = resolve(story.metadata, registry, path, lines)
    for problem in found.problems:
        report(problem.path, problem.line, problem.message, problem.severity)

    def subject(named, key):
        return pool.get(named.kind, named.name, named.entry, (path, lines.get(key)))

    story.films = [subject(n, "film") for n in found.films]
    story.franchises = [subject(n, "franchise") for n in found.franchises]
    story.people = [Credit(subject(n, "people"), n.role) for n in found.people]
    story.platform = subject(found.platform, "platform") if found.platform else None
    story.source = Source(**found.source) if found.source else None
    story.franchise = story.franchises[0] if story.franchises else None


def attach_subjects(generator):
    settings = generator.settings
    registry = load_registry(os.path.join(settings["PATH"], settings.get("REGISTRY_PATH", "data")))
    for problem in registry.problems:
        report(_relative(problem.path), problem.line, problem.message, problem.severity)
    pool = SubjectPool(settings)
    _preload(pool, registry)
    for story in [*generator.articles, *generator.drafts, *generator.hidden_articles]:
        _attach(story, pool, registry)
    for story in generator.articles:  # newest first, as Pelican orders them
        for item in {id(s): s for s in [*story.films, *story.franchises, *(c.person for c in story.people),
                                        *([story.platform] if story.platform else [])]}.values():
            item.stories.append(story)
    generator.context["registry"] = registry
    generator.context["subjects"] = {kind: pool.all(kind) for kind in CLASSES}


def add_defaults(pelican):
    for key, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(key, value)


def register():
    signals.initialized.connect(add_defaults)
    signals.article_generator_pretaxonomy.connect(attach_subjects)
