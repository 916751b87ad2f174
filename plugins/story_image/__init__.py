"""Story image: `image: images/x.jpg` with `image_alt:` becomes `story.image` for the theme.

The file must sit under a STATIC_PATHS folder (so Pelican copies it) and have alt
text; its size is read from the file (or `image_width` / `image_height` for formats
we cannot read). A bad image is reported and left off; the story still builds.
"""

import os

from pelican import signals

from build_report import report

from .measure import StoryImage, dimensions, placement_problem, source_path


def _size(story, full_path):
    given = story.metadata.get("image_width"), story.metadata.get("image_height")
    if all(isinstance(v, int) and v > 0 for v in given):
        return given
    with open(full_path, "rb") as handle:
        return dimensions(handle.read())


def _image(story, settings):
    """The story's StoryImage, or None after reporting why there is none."""
    value = story.metadata.get("image")
    if value in (None, ""):
        return None
    where = os.path.relpath(story.source_path)
    line = story.metadata.get("header_lines", {}).get("image")
    alt = story.metadata.get("image_alt")
    problem = placement_problem(value, alt, settings["STATIC_PATHS"], settings["PATH"])
    if problem:
        report(where, line, problem)
        return None
    path = source_path(value)
    full_path = os.path.join(settings["PATH"], path)
    size = _size(story, full_path)
    if not size:
        report(where, line, f"cannot read the size of '{value}'; use PNG, JPEG, GIF or WebP, "
                            "or give image_width and image_height")
        return None
    return StoryImage(path, size[0], size[1], alt.strip())


def attach_images(generator):
    for story in [*generator.articles, *generator.drafts, *generator.hidden_articles]:
        story.image = _image(story, generator.settings)


def register():
    signals.article_generator_pretaxonomy.connect(attach_images)
