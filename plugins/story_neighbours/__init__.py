"""Story neighbours: the previous and next story in the same franchise.

Each published story gets `prev_in_franchise` (older) and `next_in_franchise`
(newer), or None, for the links at the foot of the story page. Needs the
subjects plugin, which sets `story.franchise`.
"""

from pelican import signals

from .neighbours import neighbours


def attach_neighbours(generator):
    oldest_first = list(reversed(generator.articles))  # Pelican's order is newest first, ties by slug
    pairs = neighbours(oldest_first, lambda story: id(story.franchise) if getattr(story, "franchise", None) else None)
    for story, (older, newer) in zip(oldest_first, pairs):
        story.prev_in_franchise, story.next_in_franchise = older, newer


def register():
    signals.article_generator_finalized.connect(attach_neighbours)
