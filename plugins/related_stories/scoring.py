"""Which published stories a reader should see under a story, and why.

Pure: plain story records in, ranked picks with reasons out. Modelled on Hugo's
related/inverted_index.go (one configuration, one inverted index built once, one
search), plus what film news needs: per-field weights, recency in both directions,
no more than a couple of picks about one film, editor pins and a reason for each pick.
"""

from collections import defaultdict
from dataclasses import dataclass, fields
from typing import NamedTuple

from registry import identity

FIELDS = ("film", "franchise", "person", "platform", "tag")  # what two stories can share


@dataclass(frozen=True)
class Config:
    """The RELATED_STORIES setting; every default is what reads well for film news."""

    film: float = 8.0  # each film both stories are about: the strongest sign
    franchise: float = 4.0  # each shared franchise, so two Extraction films relate
    person: float = 2.0  # each person both stories name
    platform: float = 1.0  # the same streamer: too common to relate stories on its own
    tag: float = 1.0  # each free tag both carry
    count: int = 4  # picks under a story (more only if the editor pins more)
    threshold: float = 2.0  # least shared weight, before recency, for a story to be picked
    half_life_days: float = 365.0  # a story this far apart in time has lost half its recency bonus
    recency_floor: float = 0.5  # share of its score a story keeps however far apart in time
    per_film: int = 2  # most picks about one film while other candidates remain
    common: int = 50  # a key on more stories than this only adds score (Hugo's cardinality threshold)

    @classmethod
    def known(cls):
        return [f.name for f in fields(cls)]


@dataclass(frozen=True)
class Story:
    """One story as the scorer sees it."""

    slug: str
    timestamp: float  # publication time in seconds; stories nearer in time score higher
    about: tuple = ()  # (field, name) pairs, e.g. ("person", "Chris Hemsworth")
    pinned: tuple = ()  # slugs the editor listed under `related:`, in order
    published: bool = True  # drafts and hidden stories are never picked and get no block


class Pick(NamedTuple):
    index: int  # position of the picked story in the list given to related_for_all
    score: float
    reasons: tuple  # shared (field, name) pairs: heaviest field first, then as the story names them
    pinned: bool = False  # listed by the editor


class Related(NamedTuple):
    picks: tuple = ()
    latest_on: str | None = None  # platform name when nothing relates and these are its latest stories
    bad_pins: tuple = ()  # (slug, why) for each `related:` entry that cannot be shown


class Index:
    """Postings built once: key ("film:extraction 2") -> published stories naming it, newest first."""

    def __init__(self, stories, config):
        self.stories = stories
        self.config = config
        self.times = [story.timestamp for story in stories]
        self.slugs = [story.slug for story in stories]
        self.reason = {}  # key -> (field, name): the name as first spelled, for the reader
        self.weight = {}  # key -> its field's weight
        self.order = {}  # key -> where its field goes among reasons: heavier first
        self.keys = []  # per story: frozenset of its keys
        self.listed = []  # per story: its keys, heaviest field first, then in the order the story names them
        self.films = []  # per story: its film keys, for the per-film limit
        spelled = {}
        for story in stories:
            own = {}
            for kind, name in story.about:
                key = spelled.get((kind, name))
                if key is None:
                    key = spelled[kind, name] = f"{kind}:{identity(name)}"
                if key not in self.reason:
                    self.reason[key], self.weight[key] = (kind, name), getattr(config, kind)
                    self.order[key] = (-self.weight[key], FIELDS.index(kind))
                own[key] = None
            self.keys.append(frozenset(own))
            self.listed.append(tuple(sorted(own, key=self.order.__getitem__)))
            self.films.append(tuple(key for key in own if key.startswith("film:")))
        self.by_slug = {}
        for i, slug in enumerate(self.slugs):
            self.by_slug.setdefault(slug, i)
        postings = defaultdict(list)
        newest_first = sorted(range(len(stories)), key=lambda i: (-self.times[i], self.slugs[i]))
        for i in newest_first:  # so every posting is newest first too
            if stories[i].published:
                for key in self.listed[i]:
                    postings[key].append(i)
        self.postings = dict(postings)
        self.members = {key: frozenset(p) for key, p in self.postings.items() if len(p) > config.common}
        self.half_life = config.half_life_days * 86400.0

    def score(self, weight, gap):
        """Shared weight, lowered (never below the floor) by the gap in seconds between two stories."""
        floor = self.config.recency_floor
        return weight * (floor + (1.0 - floor) * 0.5 ** (gap / self.half_life))

    def pick(self, i, j, pinned=False):
        """Story j under story i, with what they share as its reasons."""
        other = self.keys[j]
        shared = [key for key in self.listed[i] if key in other]
        score = self.score(sum(map(self.weight.__getitem__, shared)), abs(self.times[i] - self.times[j]))
        return Pick(j, score, tuple(map(self.reason.__getitem__, shared)), pinned)

    def shared_weights(self, i):
        """Candidate -> shared weight; candidates come only from the story's rarer keys."""
        totals, common = {}, []
        found = totals.get
        for key in self.keys[i]:
            weight = self.weight[key]
            if key in self.members:
                common.append((self.members[key], weight))
                continue
            for j in self.postings[key]:
                totals[j] = found(j, 0.0) + weight
        totals.pop(i, None)
        for members, weight in common:
            for j in members.intersection(totals):
                totals[j] += weight
        return totals

    def ranked(self, i):
        """Candidates over the threshold, best first: score, then closeness in time, then slug."""
        when, times, slugs, threshold, score = self.times[i], self.times, self.slugs, self.config.threshold, self.score
        order = [(-score(weight, gap := abs(times[j] - when)), gap, slugs[j], j)
                 for j, weight in self.shared_weights(i).items() if weight >= threshold]
        order.sort()
        return [entry[3] for entry in order]

    def pins(self, i):
        """The editor's `related:` picks, in order, and the slugs that cannot be shown."""
        picks, bad = [], []
        for slug in dict.fromkeys(self.stories[i].pinned):
            j = self.by_slug.get(slug)
            if j is None:
                bad.append((slug, "does not exist"))
            elif j == i:
                bad.append((slug, "is this story itself"))
            elif not self.stories[j].published:
                bad.append((slug, "is not published"))
            else:
                picks.append(self.pick(i, j, pinned=True))
        return picks, tuple(bad)

    def latest_on_platform(self, i):
        """Nothing relates: the platform's newest stories, or nothing at all."""
        platforms = sorted(key for key in self.keys[i] if key.startswith("platform:"))
        count = self.config.count
        others = [j for j in self.postings[platforms[0]][: count + 1] if j != i][:count] if platforms else []
        if not others:
            return ()
        return tuple(self.pick(i, j) for j in others), self.reason[platforms[0]][1]

    def search(self, i):
        """The picks under story i: pins first, then the best, at most `per_film` about one film."""
        pinned, bad = self.pins(i)
        count, limit, films = self.config.count, self.config.per_film, self.films
        picks, per_film, full, held_back = [], {}, set(), []

        def take(pick):
            picks.append(pick)
            for key in films[pick.index]:
                per_film[key] = per_film.get(key, 0) + 1
                if per_film[key] >= limit:
                    full.add(key)

        for pick in pinned:
            take(pick)
        taken = {pick.index for pick in pinned}
        for j in self.ranked(i):
            if len(picks) >= count:
                break
            if j in taken:
                continue
            if full.isdisjoint(films[j]):
                take(self.pick(i, j))
            else:
                held_back.append(j)
        picks += [self.pick(i, j) for j in held_back[: max(0, count - len(picks))]]
        if picks:
            return Related(tuple(picks), None, bad)
        latest = self.latest_on_platform(i)
        return Related(*latest, bad) if latest else Related(bad_pins=bad)


def related_for_all(stories, config=Config()):
    """One Related per story, in the order given; unpublished stories get an empty one."""
    index = Index(stories, config)
    return [index.search(i) if story.published else Related() for i, story in enumerate(stories)]
