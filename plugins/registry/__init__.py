"""The film registry: who and what a story may name, loaded from content/data/.

A pure library (no Pelican imports) shared by the story, hub, related and
editor-tool plugins, so every part of the build agrees on one identity per name.
"""

from .model import KINDS, Entry, Problem, Registry, load_registry
from .names import identity, near_misses, slug

__all__ = ["KINDS", "Entry", "Problem", "Registry", "identity", "load_registry", "near_misses", "slug"]
