"""Story reader: YAML front-matter (or Pelican's 'Key: value' header) for Markdown files.

A broken story is reported as `path:line: what to fix` and skipped; every
other story still builds. Stories the content cache does not hold are read
ahead on every core (PARALLEL_PROCESSES), then handed to Pelican in its order.
"""

import os

from pelican import signals

from build_speed.pool import processes

from .reader import StoryReader
from .typography import take_over


def add_reader(readers):
    for extension in StoryReader.file_extensions:
        readers.reader_classes[extension] = StoryReader


def take_over_typogrify(pelican):
    take_over(pelican.settings)


def read_ahead(generator):
    reader, settings = generator.readers.readers.get("md"), generator.settings
    count = processes(settings)
    if not isinstance(reader, StoryReader) or count < 2:
        return
    paths = [os.path.abspath(os.path.join(generator.path, name))
             for name in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])]
    missing = [path for path in paths if path.rpartition(".")[2] in StoryReader.file_extensions
               and generator.readers.get_cached_data(path, (None, None))[0] is None]
    reader.read_ahead(missing, count)


def register():
    signals.initialized.connect(take_over_typogrify)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(read_ahead)
