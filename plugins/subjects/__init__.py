"""Subjects: turn a story's film, franchise, people, platform and source into objects.

Runs after all stories are read (so the content cache never holds stale
registry data): loads the registry once, resolves every story, and leaves
`context["subjects"]` (kind -> list of Subject) for hubs, related stories and the theme.
"""

import hashlib
import os
import pickle
from pathlib import Path

from pelican import signals

from build_report import report
import registry as registry_package
from registry import KINDS, identity, load_registry

from .objects import CLASSES, DEFAULT_SETTINGS, Credit, Source
from .resolve import TagPages, resolve


class SubjectPool:
    """One object per (kind, identity): every spelling of a name shares one hub."""

    def __init__(self, settings):
        self.settings = settings
        self.by_identity = {kind: {} for kind in CLASSES}

    def get(self, kind, name, entry):
        key = identity(name)
        if key not in self.by_identity[kind]:
            self.by_identity[kind][key] = CLASSES[kind](name, self.settings, entry)
        return self.by_identity[kind][key]

    def all(self, kind):
        return list(self.by_identity[kind].values())


def _relative(path):
    return os.path.relpath(path) if os.path.isabs(path) else path


def _preload(pool, registry):
    """Every registry entry gets its object up front (films with no story still show on hubs)."""
    for kind in CLASSES:
        for entry in registry.canonical(kind):
            pool.get(kind, entry.name, entry)
    for film in pool.all("film"):
        if film.entry.franchise:
            film.franchise = pool.get("franchise", film.entry.franchise, None)
        if film.entry.platform:
            film.platform = pool.get("platform", film.entry.platform, None)


def _attach(story, path, pool, registry):
    lines = story.metadata.get("header_lines", {})
    found = resolve(story.metadata, registry, path, lines)
    for problem in found.problems:
        report(problem.path, problem.line, problem.message, problem.severity)

    def subject(named):
        return pool.get(named.kind, named.name, named.entry)

    story.films = [subject(n) for n in found.films]
    story.franchises = [subject(n) for n in found.franchises]
    story.people = [Credit(subject(n), n.role) for n in found.people]
    story.platform = subject(found.platform) if found.platform else None
    story.source = Source(**found.source) if found.source else None
    story.franchise = story.franchises[0] if story.franchises else None


def _registry(settings):
    """The registry, read again only when one of its files (or its reader) changed; the content cache
    folder keeps it, since reading thousands of entries took a fifth of a second every build."""
    folder = os.path.join(settings["PATH"], settings.get("REGISTRY_PATH", "data"))
    files = hashlib.sha256()
    code = sorted(Path(registry_package.__file__).parent.glob("*.py"))  # a changed reader reads again too
    for path in [*code, *(os.path.join(folder, filename) for filename, _, _ in KINDS.values())]:
        files.update(str(path).encode() + b"\0")
        if os.path.exists(path):
            with open(path, "rb") as handle:
                files.update(hashlib.sha256(handle.read()).digest())
    key, kept = files.digest(), os.path.join(settings["CACHE_PATH"], "registry.pickle")
    if settings.get("LOAD_CONTENT_CACHE"):
        try:
            with open(kept, "rb") as handle:
                stored_key, registry = pickle.load(handle)
            if stored_key == key:
                return registry
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
            pass
    registry = load_registry(folder)
    if settings.get("CACHE_CONTENT"):
        os.makedirs(settings["CACHE_PATH"], exist_ok=True)
        with open(kept, "wb") as handle:
            pickle.dump((key, registry), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return registry


def attach_subjects(generator):
    settings = generator.settings
    registry = _registry(settings)
    for problem in registry.problems:
        report(_relative(problem.path), problem.line, problem.message, problem.severity)
    pool = SubjectPool(settings)
    _preload(pool, registry)
    tag_pages = TagPages()
    for story in [*generator.articles, *generator.drafts, *generator.hidden_articles]:
        path = _relative(story.source_path)
        _attach(story, path, pool, registry)
        for tag in getattr(story, "tags", ()):
            clash = tag_pages.add(tag.name, tag.slug, path, story.metadata.get("header_lines", {}).get("tags"))
            if clash is not None:
                report(clash.path, clash.line, clash.message, clash.severity)
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
