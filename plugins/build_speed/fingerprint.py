"""Fingerprints: one short digest for everything a page is made from.

Pure: no Pelican. Two values with one fingerprint render alike, so a page whose
fingerprint matches the last build's need not be rendered again. Linked things
(stories, films, people, hubs: whatever `identity` names) point at each other all over
the site, so they are followed only `hops` links deep: a story page shows its related
stories' headlines but nothing of their own related stories, and one edited story then
changes the pages that show it and the pages one link away, not the whole site. Past the
last hop a linked thing counts by its identity (its kind and name), which a page always
shows anyway.

Each value is pickled once (C speed, without pickle's memo, so only values count), with
linked things named instead of followed, and other objects (a page of a list, its
paginator) fingerprinted apart, once however many values hold them. The `shared` objects
(the settings, the whole context) count by name: the caller fingerprints them apart. A
value pickle cannot take has no fingerprint, and its page is simply rendered every time.
"""

import dataclasses
import hashlib
import io
import pickle
import types


class Unfingerprintable(Exception):
    """A value pickle cannot take, so nothing can vouch that its page renders alike."""


MISSING = object()  # a name the template reads that the page does not have
SCALARS = frozenset((str, int, float, bool, type(None)))
_BY_NAME = frozenset((types.FunctionType, types.BuiltinFunctionType, type))  # pickled by reference


def _hash(data):
    return hashlib.blake2b(data, digest_size=16).digest()


def digest(*parts):
    """One digest of some byte strings (each length-prefixed, so no two lists of parts collide)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.digest()


def plain_pickle(value):
    """Pickle bytes that depend only on the value, not on which of its equal parts are one object."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def _link(*name):
    """Stands in a pickle for a linked thing (by its name) or an object fingerprinted apart (by its place)."""


def _fields(*state):
    """Stands in a pickle for a small value object (a dataclass), saved inline as its fields."""


def _plain_instance(value):
    """An object pickle would save as its class and attributes (not a function, a datetime, a str subclass...)."""
    kind = type(value)
    return (kind.__module__ != "builtins" and kind.__reduce_ex__ is object.__reduce_ex__
            and kind.__reduce__ is object.__reduce__ and hasattr(value, "__dict__"))


class _Pickler(pickle.Pickler):
    """Pickles a value, naming linked things, shared objects and other objects instead of following them."""

    def __init__(self, file, fingerprints):
        super().__init__(file, protocol=5)
        self.fast = True  # no memo: whether two equal strings are one object must not change the bytes
        self._fingerprints = fingerprints
        self.links, self.parts = [], []  # linked things, and other objects, in the order met

    def reducer_override(self, obj):  # called for class instances only, not for str, int, list, dict...
        if type(obj) in _BY_NAME:
            return NotImplemented
        fingerprints = self._fingerprints
        name = fingerprints.identity(obj)
        if name is not None:  # named here, so the pickle alone is the value's fingerprint at its last hop
            self.links.append(obj)
            return _link, (type(obj).__qualname__, *name)
        if not _plain_instance(obj):
            return NotImplemented
        if dataclasses.is_dataclass(obj):  # small and seldom shared: inline
            return _fields, (type(obj).__qualname__, fingerprints.state(obj))
        self.parts.append(obj)  # a page of a list, its paginator...: fingerprinted once, however many hold it
        return _link, ("part", len(self.parts))


class Fingerprints:
    """Memoised fingerprints of the values of one build (objects are kept alive, so ids stay theirs)."""

    def __init__(self, identity, shared=(), skip=("settings", "_context"), stand_in=lambda value: None):
        self.identity = identity  # value -> tuple naming it if it is a linked thing, else None
        self.stand_in = stand_in  # value -> a smaller value that makes the same page, or None
        self.shared = {id(value): f"shared {n}" for n, value in enumerate(shared)}  # fingerprinted apart, by the caller
        self._keep = list(shared)
        self.skip = frozenset(skip)  # attributes that hold shared objects
        self._pickled = {}  # id -> (value, digest of its pickle, linked things, parts)
        self._memo = {}  # (id, hops) -> (value, digest)
        self._open = set()  # (id, hops) being fingerprinted now: met again, the value contains itself

    def state(self, value):
        """An object's attributes, but those holding shared objects."""
        return {k: v for k, v in vars(value).items() if k not in self.skip}

    def _pickle(self, value):
        found = self._pickled.get(id(value))
        if found is None:
            if self.identity(value) is not None or _plain_instance(value):
                state = (type(value).__qualname__, self.state(value))
            else:
                state = value
            buffer = io.BytesIO()
            pickler = _Pickler(buffer, self)
            try:
                pickler.dump(state)
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
                raise Unfingerprintable(f"cannot fingerprint a {type(value).__name__}: {error}") from None
            found = self._pickled[id(value)] = (value, digest(buffer.getvalue()), pickler.links, pickler.parts)
        return found

    def of(self, value, hops):
        """The value's fingerprint, following linked things `hops` links from it."""
        key = (id(value), hops)
        found = self._memo.get(key)
        if found is not None:
            return found[1]
        if value is MISSING:
            result = _hash(b"missing")
        elif id(value) in self.shared:
            result = _hash(self.shared[id(value)].encode())
        elif type(value) in SCALARS:
            result = _hash(repr((type(value).__name__, value)).encode())
        else:
            result = self._compute(value, hops, key)
        self._memo[key] = value, result
        return result

    def _compute(self, value, hops, key):
        name = self.identity(value)
        stand_in = self.stand_in(value) if name is None else None
        if stand_in is not None:
            return self.of(stand_in, hops)
        if name is not None and hops == 0:
            return _hash(repr((type(value).__qualname__, name)).encode())
        if key in self._open:
            raise Unfingerprintable(f"a {type(value).__name__} that contains itself")
        self._open.add(key)
        try:
            _, own, links, parts = self._pickle(value)
            inner = hops - 1 if name is not None else hops
            of = self.of
            followed = [of(link, inner) for link in links] if inner else []  # at the last hop: their names, in own
            return _hash(b"".join([own, *followed, *[of(part, inner) for part in parts]]))
        finally:
            self._open.discard(key)

    def page(self, names, localcontext, hops):
        """The fingerprint of the values `names` (in order) of a page's context (MISSING where it has none)."""
        return digest(*(name.encode() + self.of(localcontext.get(name, MISSING), hops) for name in names))
