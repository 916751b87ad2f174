"""Name identity: how two spellings of one film or person are recognised as one."""

import difflib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def identity(name):
    """Fold case, accents and punctuation so 'Zoë Kravitz!' and 'zoe kravitz' meet."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ").replace("+", " plus ")
    return _NOT_WORD.sub(" ", text).strip()


def near_misses(name, known, limit=1):
    """Canonical names a typo most likely meant ('Chris Hemsworht' -> 'Chris Hemsworth').

    `known` maps identities to canonical names; the cut-off is tight so that two
    different people who merely share a first name are not flagged.
    """
    matches = difflib.get_close_matches(identity(name), list(known), n=limit, cutoff=0.86)
    return [known[m] for m in matches]
