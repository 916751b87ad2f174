"""Name identity: how two spellings of one film or person are recognised as one."""

import difflib
import re
import unicodedata

from unidecode import unidecode

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def identity(name):
    """Fold case, accents, scripts and punctuation so 'Zoë Kravitz!' and 'zoe kravitz' meet.

    It is also the hub's slug (spaces become hyphens), so two names share a page
    exactly when they are the same name: no two hubs can ever want one folder.
    """
    text = unidecode(unicodedata.normalize("NFKC", str(name)))
    text = text.casefold().replace("&", " and ").replace("+", " plus ")
    return _NOT_WORD.sub(" ", text).strip()


def slug(name):
    """The address segment of a name: its identity with hyphens ('Disney+' -> 'disney-plus')."""
    return identity(name).replace(" ", "-")


def near_misses(name, known, limit=1):
    """Canonical names a typo most likely meant ('Chris Hemsworht' -> 'Chris Hemsworth').

    `known` maps identities to canonical names; the cut-off is tight so that two
    different people who merely share a first name are not flagged.
    """
    matches = difflib.get_close_matches(identity(name), list(known), n=limit, cutoff=0.86)
    return [known[m] for m in matches]
