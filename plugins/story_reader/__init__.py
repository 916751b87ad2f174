"""Story reader: YAML front-matter (or Pelican's 'Key: value' header) for Markdown files.

A broken story is reported as `path:line: what to fix` and skipped; every
other story still builds.
"""

from pelican import signals

from .reader import StoryReader


def add_reader(readers):
    for extension in StoryReader.file_extensions:
        readers.reader_classes[extension] = StoryReader


def register():
    signals.readers_init.connect(add_reader)
