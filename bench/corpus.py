"""A synthetic film-news site of N stories, the same for a seed on every machine.

Popularity is Zipf-like, as in real film news: a few franchises, films and people
are in many stories, most in a handful. One corpus is written twice with the same
bodies, dates and file names:
- `ours/`: our story format (YAML front-matter) with a registry in data/;
- `plain/`: Pelican's native `Key: value` header with every film, franchise,
  person, platform and free tag in `Tags:`, for stock Pelican with no plugins.
Run: .venv/bin/python bench/corpus.py 2000 /tmp/corpus [--seed 1]
"""

import argparse
import bisect
import itertools
import os
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path

import yaml

_PLUGINS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)

from registry import identity, slug  # noqa: E402

PLATFORMS = ("Netflix", "Prime Video", "Disney+", "Max", "Apple TV+", "Hulu", "Peacock", "Paramount+",
             "Mubi", "Shudder", "Criterion Channel", "Tubi", "Crunchyroll", "BritBox", "Curzon Home Cinema")
ROLES = ("star", "star", "star", "director", "writer", "producer", "composer")
TAGS = ("casting", "sequel", "release", "trailer", "box office", "festival", "streaming", "awards",
        "reboot", "adaptation", "delay", "first look", "interview", "review", "production", "spin-off",
        "animation", "horror", "comedy", "documentary", "remake", "prequel", "soundtrack", "premiere")
OUTLETS = (("Deadline", "https://deadline.com/"), ("Variety", "https://variety.com/"),
           ("The Hollywood Reporter", "https://www.hollywoodreporter.com/"), ("IndieWire", "https://www.indiewire.com/"),
           ("Empire", "https://www.empireonline.com/"), ("Screen Daily", "https://www.screendaily.com/"))
_ONSETS = ("b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "r", "s",
           "sh", "st", "t", "th", "tr", "v", "w", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou", "y")
_CODAS = ("", "", "n", "r", "l", "s", "th", "nd", "x", "ck", "m")
_ADJECTIVES = ("Last", "Silent", "Broken", "Golden", "Hidden", "Iron", "Crimson", "Lost", "Wild", "Dark",
               "Burning", "Frozen", "Secret", "Distant", "Hollow", "Electric", "Quiet", "Savage", "Endless")
_NOUNS = ("Kingdom", "Harbour", "Signal", "Empire", "Garden", "Frontier", "Machine", "Horizon", "River",
          "Crown", "Shadow", "Orbit", "Storm", "Citadel", "Mirror", "Voyage", "Station", "Covenant", "Echo")
_SUBTITLES = ("Reckoning", "Rising", "Legacy", "Resurrection", "Homecoming", "Revelation", "Exodus", "Dominion")
_HEADLINES = ("{person} joins {film}", "{film} sets its release on {platform}", "{person} to direct {film}",
              "First look at {person} in {film}", "{film} adds {person} to its cast",
              "{person} talks about {film}", "{film} starts shooting with {person}",
              "{platform} picks up {film}", "{film} trailer puts {person} centre stage")
_WORDS = ("the", "film", "studio", "production", "cast", "story", "director", "script", "release", "audience",
          "sequel", "shoot", "summer", "festival", "premiere", "character", "series", "world", "budget",
          "scene", "camera", "crew", "month", "year", "original", "new", "first", "second", "final", "early",
          "said", "plans", "returns", "joins", "confirmed", "described", "expected", "reported", "began",
          "with", "after", "before", "during", "while", "because", "although", "and", "but", "also", "still")


def _zipf(rng, size, exponent=1.07):
    """Draws ranks 0..size-1, rank r in proportion to 1 / (r + 1) ** exponent."""
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(size)))
    total = cumulative[-1]
    return lambda: min(size - 1, bisect.bisect(cumulative, rng.random() * total))


def _word(rng, syllables):
    text = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return text.capitalize()


def _unique_names(rng, count, make):
    """`count` names whose identities all differ, so no two registry entries share a hub."""
    names, seen = [], set()
    while len(names) < count:
        name = make()
        if identity(name) not in seen:
            seen.add(identity(name))
            names.append(name)
    return names


@dataclass
class Film:
    title: str
    year: int
    franchise: str | None
    platform: str | None
    aliases: tuple = ()


@dataclass
class Story:
    name: str  # file name without .md, also the slug
    title: str
    date: datetime
    films: list
    franchise: str | None  # named explicitly (a story about the franchise as a whole)
    people: list  # (name, role)
    platform: str | None
    tags: list
    source: tuple  # (outlet, url)
    summary: str
    body: str


@dataclass
class Corpus:
    franchises: list  # (name, description)
    films: list  # Film
    people: list  # (name, aliases)
    stories: list = field(default_factory=list)

    @cached_property
    def film_named(self):
        return {film.title: film for film in self.films}

    def franchises_of(self, story):
        """Every franchise a story is about, as our subjects plugin infers them: named, then its films'."""
        named = [story.franchise] if story.franchise else []
        inferred = [self.film_named[title].franchise for title in story.films]
        return list(dict.fromkeys(name for name in named + inferred if name))


def _sentence(rng, names):
    words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 18))]
    words.insert(rng.randrange(len(words)), rng.choice(names))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _body(rng, story_names, film_titles):
    """Four to six paragraphs (about 300 words) with the emphasis, quotes, lists and block quotes of a real story."""
    paragraphs = []
    for number in range(rng.randint(4, 6)):
        sentences = [_sentence(rng, story_names) for _ in range(rng.randint(3, 5))]
        if number == 0 and film_titles:
            sentences[0] = f"*{film_titles[0]}* is back in the news. " + sentences[0]
        if rng.random() < 0.3:
            sentences.append(f'"It\'s the {rng.choice(_WORDS)} we always wanted to make," a producer said.')
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.2:
        paragraphs.insert(2, "> " + _sentence(rng, story_names))
    if rng.random() < 0.2:
        paragraphs.append("\n".join(f"- {_sentence(rng, story_names)}" for _ in range(3)))
    return "\n\n".join(paragraphs) + "\n"


def make_corpus(n, seed=1):
    """N stories and the registry they name; the same (n, seed) always gives the same corpus."""
    rng = random.Random(f"reelnews-bench-{seed}")
    franchise_names = _unique_names(rng, 100 + n // 10, lambda: f"{_word(rng, 2)} {rng.choice(_NOUNS)}")
    franchises = [(name, f"The {name} films, from the first to the latest.") for name in franchise_names]
    platform_pick, franchise_pick = _zipf(rng, len(PLATFORMS)), _zipf(rng, len(franchises))

    def film_title():
        if rng.random() < 0.5:
            return f"The {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} of {_word(rng, 2)}"
        return f"{_word(rng, 2)} {rng.choice(_NOUNS)}"

    films = []
    for title in _unique_names(rng, 200 + n // 2, film_title):
        franchise = franchises[franchise_pick()][0] if rng.random() < 0.5 else None
        films.append(Film(title, rng.randint(2015, 2027), franchise,
                          PLATFORMS[platform_pick()] if rng.random() < 0.6 else None))
    numbered = {}  # sequels read as such: "Voran Kingdom 2", "Voran Kingdom: Legacy"
    for film in films:
        if film.franchise:
            numbered[film.franchise] = numbered.get(film.franchise, 0) + 1
            if numbered[film.franchise] > 1 and rng.random() < 0.5:
                film.title = (f"{film.franchise} {numbered[film.franchise]}" if rng.random() < 0.5
                              else f"{film.franchise}: {rng.choice(_SUBTITLES)} {numbered[film.franchise]}")
    seen = set()
    films = [f for f in films if identity(f.title) not in seen and not seen.add(identity(f.title))]
    for film in films:
        if rng.random() < 0.1:
            film.aliases = (f"{film.title} ({film.year})",)
    people, surnames = [], set()
    for name in _unique_names(rng, 1000 + n, lambda: f"{_word(rng, rng.randint(1, 2))} {_word(rng, 2)}"):
        surname = name.split()[1]  # a few people are known by their surname alone, once per surname
        known_as = rng.random() < 0.05 and identity(surname) not in surnames
        surnames.add(identity(surname))
        people.append((name, (surname,) if known_as else ()))
    corpus = Corpus(franchises, films, people)

    film_pick, tag_pick = _zipf(rng, len(films), 0.9), _zipf(rng, len(TAGS))
    person_pick = _zipf(rng, len(people), 0.8)  # the busiest star is in a tenth of the stories, as in real news
    start, span = datetime(2018, 1, 1), 8 * 365 * 24 * 60
    names_taken = set()
    for _ in range(n):
        story_films = [films[i] for i in dict.fromkeys(film_pick() for _ in range(rng.choice((1, 1, 1, 2))))]
        franchise = franchises[franchise_pick()][0] if rng.random() < 0.1 else None
        if franchise:
            story_films = story_films[:1] if rng.random() < 0.5 else []
        credits = list(dict.fromkeys(people[person_pick()][0] for _ in range(rng.randint(1, 5))))
        credits = [(name, rng.choice(ROLES) if rng.random() < 0.8 else None) for name in credits]
        platform = next((f.platform for f in story_films if f.platform), None)
        if platform is None and rng.random() < 0.3:
            platform = PLATFORMS[platform_pick()]
        tags = sorted({TAGS[tag_pick()] for _ in range(rng.randint(0, 3))})
        subject = story_films[0].title if story_films else franchise
        title = rng.choice(_HEADLINES).format(person=credits[0][0], film=subject, platform=platform or "Netflix")
        name = base = slug(title)[:60].strip("-")
        while name in names_taken:
            name = f"{base}-{rng.randint(2, 999)}"
        names_taken.add(name)
        story_names = [f.title for f in story_films] + [c[0] for c in credits] + ([franchise] if franchise else [])
        corpus.stories.append(Story(
            name=name, title=title, date=start + timedelta(minutes=rng.randrange(span)),
            films=[f.title for f in story_films], franchise=franchise, people=credits, platform=platform,
            tags=tags, source=rng.choice(OUTLETS),
            summary=f"{_sentence(rng, story_names)} {_sentence(rng, story_names)}",
            body=_body(rng, story_names, [f.title for f in story_films]),
        ))
    return corpus


def _yaml(data):
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)


def _registry(corpus):
    """The four registry files, as an editor would keep them."""
    films = []
    for film in corpus.films:
        entry = {"title": film.title, "year": film.year}
        entry.update({"franchise": film.franchise} if film.franchise else {})
        entry.update({"platform": film.platform} if film.platform else {})
        films.append({**entry, "aliases": list(film.aliases)})
    return {
        "films.yaml": films,
        "franchises.yaml": [{"name": name, "aliases": [], "description": text} for name, text in corpus.franchises],
        "people.yaml": [{"name": name, "aliases": list(aliases)} for name, aliases in corpus.people],
        "platforms.yaml": [{"name": name, "aliases": [], "url": f"https://www.{slug(name)}.example/"}
                           for name in PLATFORMS],
    }


def _front_matter(story):
    fields = {"title": story.title, "date": story.date.strftime("%Y-%m-%d %H:%M")}
    if story.films:
        fields["film"] = story.films[0] if len(story.films) == 1 else story.films
    if story.franchise:
        fields["franchise"] = story.franchise
    fields["people"] = [{name: role} if role else name for name, role in story.people]
    if story.platform:
        fields["platform"] = story.platform
    fields["source"] = {"name": story.source[0], "url": story.source[1]}
    fields["summary"] = story.summary
    if story.tags:
        fields["tags"] = story.tags
    return f"---\n{_yaml(fields)}---\n\n{story.body}"


def _native_header(story, corpus):
    """Stock Pelican's header: every subject becomes a tag, so it gets a page as our hubs do."""
    subjects = [*story.films, *corpus.franchises_of(story), *(name for name, _ in story.people),
                *([story.platform] if story.platform else []), *story.tags]
    lines = [f"Title: {story.title}", f"Date: {story.date:%Y-%m-%d %H:%M}",
             f"Tags: {', '.join(dict.fromkeys(subjects))}", f"Summary: {story.summary}"]
    return "\n".join(lines) + "\n\n" + story.body


_ABOUT = "Reelnews is a film-news blog. This site is a generated benchmark corpus.\n"


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def story_path(root, story):
    """Where a story's file lives under a corpus root (ours/ or plain/)."""
    return Path(root, "stories", f"{story.date:%Y}", f"{story.name}.md")


def write_corpus(corpus, folder):
    """`folder`/ours and `folder`/plain, two content folders with the same stories."""
    ours, plain = os.path.join(folder, "ours"), os.path.join(folder, "plain")
    for filename, entries in _registry(corpus).items():
        _write(os.path.join(ours, "data", filename), _yaml(entries))
    _write(os.path.join(ours, "pages", "about.md"), f"---\ntitle: About\n---\n\n{_ABOUT}")
    _write(os.path.join(plain, "pages", "about.md"), f"Title: About\n\n{_ABOUT}")
    for story in corpus.stories:
        _write(story_path(ours, story), _front_matter(story))
        _write(story_path(plain, story), _native_header(story, corpus))
    return ours, plain


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.stories, args.seed)
    print(*write_corpus(corpus, args.folder), sep="\n")


if __name__ == "__main__":
    main()
