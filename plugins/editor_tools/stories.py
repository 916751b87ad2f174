"""The content folder as the editor's tools see it: the registry and the story files.

Reads front-matter only (no Markdown, no Pelican build), which is what keeps
`make check` fast on thousands of stories.
"""

import os
from dataclasses import dataclass

from registry import load_registry
from story_reader.frontmatter import FrontMatterError, address, decode, split

STORIES = "stories"  # ARTICLE_PATHS in pelicanconf.py
REGISTRY = "data"  # REGISTRY_PATH in pelicanconf.py
EXTENSIONS = (".md", ".markdown")  # the story reader's file types


@dataclass
class StoryFile:
    path: str  # as the editor's tools print it: <content>/stories/YYYY/<slug>.md
    fields: dict  # raw front-matter, empty when the file could not be read
    body: str
    lines: dict  # field -> file line
    body_line: int  # file line of the body's first line
    error: FrontMatterError | None = None


def file_slug(path):
    """The slug a story file's name gives it (SLUGIFY_SOURCE = "basename")."""
    return address(os.path.splitext(os.path.basename(path))[0])


def story_slug(story):
    """The slug Pelican will give the story: its 'slug' field, else its file name."""
    given = story.fields.get("slug")
    if isinstance(given, str) and given.strip():
        return given.strip()
    return file_slug(story.path)


def story_paths(content):
    """Every story file under <content>/stories, sorted so reports come out in one order."""
    found = []
    for folder, dirs, files in os.walk(os.path.join(content, STORIES)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, f) for f in files if f.endswith(EXTENSIONS) and not f.startswith(".")]
    return sorted(found)


def read_story(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = decode(raw)
        fields, body, lines = split(text)
    except FrontMatterError as err:
        return StoryFile(path, {}, "", {}, 1, err)
    return StoryFile(path, fields, body, lines, text.count("\n") - body.count("\n") + 1)


def read_content(content):
    """(registry, stories) of a content folder."""
    return load_registry(os.path.join(content, REGISTRY)), [read_story(p) for p in story_paths(content)]
