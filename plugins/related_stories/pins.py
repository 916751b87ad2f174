"""The editor's `related:` list: the story slugs it names, and what is wrong with one.

Pure, so the build and `make check` read the list one way and say the same words.
"""

from registry import identity, near_misses

FORMAT = ("'related' must be a list of story slugs (file names without .md), "
          "e.g. related: [extraction-arrives-on-netflix]")


def pinned_slugs(value):
    """Slugs of `related: [a, b]` (or the native header's `Related: a, b`); None when it is neither."""
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
        return None
    return tuple(slug.strip() for slug in value if slug.strip())


def pin_problem(slug, why, own_slug, published):
    """What to tell the editor about a pin the scorer could not show (`why` from scoring's
    bad_pins); `published` are the slugs a pin may name, for a did-you-mean."""
    if why == "does not exist":
        guess = near_misses(slug, {identity(other): other for other in published if other != own_slug})
        hint = f"did you mean '{guess[0]}'?" if guess else "list published stories by file name without .md"
    else:
        hint = "remove it from 'related'"
    return f"related story '{slug}' {why}; {hint}"
