"""Related stories: under every story, the stories to read next and why.

The scoring is pure (scoring.py); this edge runs once every story is read and its
subjects resolved, hands plain records to the scorer and attaches to each story
`related` (RelatedStory items) and `related_heading` for the theme.
"""

import os
from dataclasses import dataclass

from pelican import signals

from build_report import report

from .pins import FORMAT, pin_problem, pinned_slugs
from .scoring import Config, Story, related_for_all
from .wording import describe, heading


@dataclass(frozen=True)
class RelatedStory:
    story: object  # the Article
    reasons: tuple  # why, in the reader's words: ("Also about Extraction", "with Chris Hemsworth")
    pinned: bool = False  # listed by the editor under `related:`


def _config(settings):
    chosen = settings.get("RELATED_STORIES") or {}
    known = Config.known()
    for key in sorted(set(chosen) - set(known)):
        report("RELATED_STORIES", None, f"unknown setting '{key}'; the settings are {', '.join(known)}")
    return Config(**{key: value for key, value in chosen.items() if key in known})


def _where(story):
    """The file and line of a story's `related:` field, for problems."""
    return os.path.relpath(story.source_path), story.metadata.get("header_lines", {}).get("related")


def _pins(story):
    """The story's `related:` slugs; a list that is not one is reported and ignored."""
    slugs = pinned_slugs(story.metadata.get("related"))
    if slugs is None:
        report(*_where(story), FORMAT)
        return ()
    return slugs


def _record(story, published):
    about = [("film", film.name) for film in getattr(story, "films", [])]
    about += [("franchise", franchise.name) for franchise in getattr(story, "franchises", [])]
    about += [("person", credit.name) for credit in getattr(story, "people", [])]
    about += [("platform", story.platform.name)] if getattr(story, "platform", None) else []
    about += [("tag", tag.name) for tag in getattr(story, "tags", [])]
    return Story(story.slug, story.date.timestamp(), tuple(about), _pins(story) if published else (), published)


def attach_related(generator):
    # Only published stories are picked; the rest still get `related` (empty), never the raw front-matter list.
    stories = [*generator.articles, *generator.translations, *generator.drafts, *generator.drafts_translations,
               *generator.hidden_articles, *generator.hidden_translations]
    published = len(generator.articles)
    records = [_record(story, n < published) for n, story in enumerate(stories)]
    slugs = [story.slug for story in generator.articles]
    for story, related in zip(stories, related_for_all(records, _config(generator.settings))):
        for slug, why in related.bad_pins:
            report(*_where(story), pin_problem(slug, why, story.slug, slugs))
        story.related = [RelatedStory(stories[p.index], describe(p.reasons), p.pinned) for p in related.picks]
        story.related_heading = heading(related)


def register():
    signals.article_generator_finalized.connect(attach_related)
