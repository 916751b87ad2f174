"""A new story file: its subjects in the registry's names, its front-matter text, its place.

Shared by `make story` and `make import`, so both write stories that the reader
and `make check` accept, and neither ever overwrites one.
"""

import json
import os
import sys

import yaml

from registry import yamltext
from subjects.resolve import resolve

from .stories import STORIES, address, file_slug, story_paths


def subject_fields(registry, films, people=(), platform=None, franchises=()):
    """(fields, problems): film, franchise, people and platform as the registry names them.

    `people` are (name, role or None) pairs. Franchises come from the films as
    well; the platform, when none is given, is the first film's.
    """
    named = {"film": list(films), "franchise": list(franchises), "platform": platform,
             "people": [{name: role} for name, role in people]}
    found = resolve(named, registry, "", {})
    fields = {}
    if found.films:
        fields["film"] = [film.name for film in found.films]
    if found.franchises:
        fields["franchise"] = [franchise.name for franchise in found.franchises]
    if found.people:
        fields["people"] = [(person.name, person.role) for person in found.people]
    if found.platform:
        fields["platform"] = found.platform.name
    else:
        from_film = [f.entry.platform for f in found.films if f.entry is not None and f.entry.platform]
        if from_film:
            fields["platform"] = from_film[0]
    return fields, found.problems


def _plain(text):
    """The text as YAML: bare when it reads back unchanged, else double-quoted (JSON is YAML)."""
    try:
        if yaml.load(f"k: {text}", Loader=yamltext.Loader) == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _item(value):
    if isinstance(value, tuple):
        name, role = value
        return f"{_plain(name)}: {_plain(role)}" if role else _plain(name)
    return _plain(value)


def story_text(fields, body):
    """A story file: a '---' front-matter block, then the body. One name is written bare, several as a list."""
    out = ["---"]
    for key, value in fields.items():
        if value is None or value == "":
            out.append(f"{key}:")
        elif isinstance(value, str):
            out.append(f"{key}: {_plain(value)}")
        elif len(value) == 1 and isinstance(value[0], str):
            out.append(f"{key}: {_plain(value[0])}")
        else:
            out += [f"{key}:", *(f"  - {_item(v)}" for v in value)]
    head, body = "\n".join([*out, "---"]), body.strip("\n")
    return f"{head}\n\n{body}\n" if body else f"{head}\n\n"


def write_new(content, when, fields, body):
    """Write a new story under stories/YYYY/ and return its path.

    Raises FileExistsError when any story already has the address (its file name is its
    URL), ValueError when the title makes no address.
    """
    slug = address(fields["title"])
    if not slug:
        raise ValueError("the title has no letters or digits to make the story's address from")
    for other in story_paths(content):
        if file_slug(other) == slug:
            raise FileExistsError(f"{other} already has the address '{slug}'; "
                                  "choose another title or edit that story")
    path = os.path.join(content, STORIES, f"{when:%Y}", f"{slug}.md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(story_text(fields, body))
    return path


def create(content, when, fields, body, problems):
    """The end of `make story` and `make import`: print the new file's path, or why there is none."""
    if not problems:
        try:
            print(write_new(content, when, fields, body))
            return 0
        except (FileExistsError, ValueError) as err:
            problems = [str(err)]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print("No story written.", file=sys.stderr)
    return 1
