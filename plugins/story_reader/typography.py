"""Typogrify inside the story reader, so the content cache keeps its result.

Pelican runs typogrify after a reader returns, on every build, even for stories its
content cache already holds: a third of a warm build. The story_reader plugin therefore
takes the TYPOGRIFY setting over (see `take_over`) and the reader applies the very
same filters with the same settings to the body, title and summary it returns.
"""

import smartypants
from typogrify.filters import typogrify

_DASHES = {"oldschool": smartypants.Attr.set2, "oldschool_inverted": smartypants.Attr.set3}


def take_over(settings):
    """Move TYPOGRIFY to STORY_TYPOGRIFY, so Pelican does not run it a second time.

    TYPOGRIFY_IN_READER = False leaves typogrify to Pelican (for content of other formats).
    """
    if settings.get("TYPOGRIFY") and settings.get("TYPOGRIFY_IN_READER", True):
        settings["TYPOGRIFY"] = False
        settings["STORY_TYPOGRIFY"] = True


def typographer(settings):
    """text -> typogrified text as Pelican's reader step would give it, or None when it is off."""
    if not settings.get("STORY_TYPOGRIFY"):
        return None
    # Pelican's own set-up: its dash style, and &quot; turned into curly quotes as well.
    smartypants.Attr.default = _DASHES.get(settings.get("TYPOGRIFY_DASHES"), smartypants.Attr.set1) | smartypants.Attr.w
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omit = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    return lambda text: typogrify(text, ignore, **omit)
