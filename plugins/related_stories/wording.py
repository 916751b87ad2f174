"""Why a pick was chosen, in the reader's words: "Also about Extraction · with Chris Hemsworth"."""

_PHRASES = {
    "film": "also about {}",
    "franchise": "also in the {} franchise",
    "person": "with {}",
    "platform": "on {}",
    "tag": "tagged {}",
}
_NAMES = 3  # names spelled out in one phrase; past that, two and a count ("and 4 more")


def _listed(kind, names):
    if kind == "franchise":  # "the The Lord of the Rings franchise" reads badly
        names = [name[4:] if name.startswith("The ") else name for name in names]
    if len(names) > _NAMES:
        return f"{', '.join(names[:2])} and {len(names) - 2} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def describe(reasons, limit=3):
    """At most `limit` phrases, one per field, strongest first; a shared film already says its franchise."""
    grouped = {}
    for kind, name in reasons:
        grouped.setdefault(kind, []).append(name)
    if "film" in grouped:
        grouped.pop("franchise", None)
    phrases = [_PHRASES[kind].format(_listed(kind, names)) for kind, names in grouped.items()][:limit]
    return tuple(phrase[0].upper() + phrase[1:] if n == 0 else phrase for n, phrase in enumerate(phrases))


def heading(related):
    """The block's title; the fallback block says plainly what it is."""
    return f"Latest on {related.latest_on}" if related.latest_on else "Related stories"
