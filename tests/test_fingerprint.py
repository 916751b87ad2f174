"""Fingerprints (plugins/build_speed/fingerprint.py): what a page is made from, as one digest.

Plain objects in, digests out: no Pelican. `Story` plays a linked thing (a story or a
film), followed only a set number of links deep; `Card` plays any other value.
"""

from dataclasses import dataclass, field

import pytest

from build_speed.fingerprint import MISSING, Fingerprints, Unfingerprintable


class Story:
    def __init__(self, name, title, related=()):
        self.name, self.title, self.related = name, title, list(related)


@dataclass
class Card:
    story: object
    note: str = ""
    extra: list = field(default_factory=list)


class Box:
    def __init__(self, inside=None):
        self.inside = inside


def fingerprint(value, hops=2):
    """A fresh build's fingerprint of `value`."""
    return Fingerprints(lambda thing: (thing.name,) if isinstance(thing, Story) else None).of(value, hops)


def chain(a_title="A", b_title="B", c_title="C", c_name="c"):
    """Story a links to b, which links to c."""
    c = Story(c_name, c_title)
    b = Story("b", b_title, [Card(c)])
    return Story("a", a_title, [Card(b, "also about it")])


def test_equal_values_have_one_fingerprint_whichever_objects_hold_them():
    assert fingerprint(chain()) == fingerprint(chain())
    assert fingerprint(["x" * 3, "x" * 3]) == fingerprint(["xxx", "xxx"])  # one string object or two


def test_a_changed_field_changes_the_fingerprint():
    assert fingerprint(chain(a_title="A!")) != fingerprint(chain())
    assert fingerprint(Card(Story("a", "A"), note="new")) != fingerprint(Card(Story("a", "A")))


def test_a_change_one_link_away_changes_the_fingerprint():
    assert fingerprint(chain(b_title="B!")) != fingerprint(chain())


def test_a_change_past_the_last_link_leaves_the_fingerprint_alone():
    assert fingerprint(chain(c_title="C!")) == fingerprint(chain())


def test_past_the_last_link_a_thing_still_counts_by_its_name():
    assert fingerprint(chain(c_name="d")) != fingerprint(chain())


def test_more_hops_follow_further():
    assert fingerprint(chain(c_title="C!"), hops=3) != fingerprint(chain(), hops=3)


def test_a_missing_value_has_its_own_fingerprint():
    assert fingerprint(MISSING) != fingerprint(None)


def test_a_value_pickle_cannot_take_has_no_fingerprint():
    with pytest.raises(Unfingerprintable):
        fingerprint(Card(Story("a", "A"), extra=[lambda: None]))


def test_a_value_that_contains_itself_has_no_fingerprint():
    box = Box()
    box.inside = Box(box)
    with pytest.raises(Unfingerprintable):
        fingerprint(box)


def test_a_stand_in_is_fingerprinted_in_place_of_the_value():
    fingerprints = Fingerprints(lambda thing: None, stand_in=lambda value: ("box", 1) if isinstance(value, Box) else None)
    assert fingerprints.of(Box("a"), 2) == fingerprints.of(Box("b"), 2) == fingerprints.of(("box", 1), 2)
