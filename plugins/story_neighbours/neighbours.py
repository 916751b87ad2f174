"""Previous and next story within a series, for "read on" links.

Pure: any items and a function saying which series an item belongs to.
"""


def neighbours(items, series):
    """[(previous, next)] aligned with `items` (given oldest first): the nearest items
    of the same series before and after each one; None at either end, and for items
    whose series(item) is None."""
    pairs = [(None, None)] * len(items)
    last = {}  # series -> index of its latest item so far
    for index, item in enumerate(items):
        key = series(item)
        if key is None:
            continue
        if key in last:
            before = last[key]
            pairs[before] = (pairs[before][0], item)
            pairs[index] = (items[before], None)
        last[key] = index
    return pairs
