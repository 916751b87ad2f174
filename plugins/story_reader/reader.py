"""The Pelican edge of the story reader: front-matter fields to Pelican metadata."""

import html
import os
from functools import partial

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from build_report import report
from build_speed.pool import run_all

from .frontmatter import (PELICAN_TEXT_FIELDS, RAW_FIELDS, FrontMatterError, check_slug, decode, parse_date,
                          split, status_of, unknown_fields)
from .typography import typographer


class StoryRejected(Exception):
    """Raised after the problem is reported, so Pelican skips the file and goes on."""


def _text(fields, key, lines):
    value = fields[key]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise FrontMatterError(lines.get(key, 1), f"'{key}' must be text, not a list or a map")
    return value.strip()


def _when(fields, key, lines):
    parsed = parse_date(fields[key], lines.get(key, 1), key)
    return SafeDatetime(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute,
                        parsed.second, tzinfo=parsed.tzinfo)


class StoryReader(MarkdownReader):
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = dict(self.settings["MARKDOWN"])
        options["extensions"] = [e for e in options["extensions"] if e != "markdown.extensions.meta"]
        self._md = Markdown(**options)  # one instance for every file; reset() between uses
        self._typogrify = typographer(self.settings)  # here, not in Pelican, so the content cache keeps it
        self._ahead = {}  # path -> (content, metadata) read ahead on every core (see read_ahead)

    def _markdown(self, text):
        self._md.reset()
        return self._md.convert(text)

    def _is_page(self, source_path):
        relative = os.path.relpath(source_path, self.settings["PATH"])
        return any(relative == p or relative.startswith(p.rstrip("/") + "/") for p in self.settings["PAGE_PATHS"])

    def _metadata(self, fields, lines, source_path):
        if not fields:
            raise FrontMatterError(1, "no front-matter found; start the file with a '---' block holding title and date")
        if "title" not in fields or not str(fields["title"] if fields["title"] is not None else "").strip():
            raise FrontMatterError(lines.get("title", 1), "the story has no title; add 'title: <headline>'")
        metadata = {key: fields[key] for key in RAW_FIELDS if key in fields}
        # Escaped once here; typogrify then works on safe HTML and templates print it as is.
        metadata["title"] = html.escape(_text(fields, "title", lines), quote=False)
        if "date" in fields:
            metadata["date"] = _when(fields, "date", lines)
        elif not self._is_page(source_path):
            raise FrontMatterError(1, "the story has no date; add 'date: YYYY-MM-DD HH:MM'")
        if fields.get("modified") not in (None, ""):
            metadata["modified"] = _when(fields, "modified", lines)
        if fields.get("status") not in (None, ""):
            metadata["status"] = status_of(fields, lines)
        for key in PELICAN_TEXT_FIELDS:
            if fields.get(key) not in (None, ""):
                metadata[key] = self.process_metadata(key, _text(fields, key, lines))
        check_slug(fields, lines)
        if fields.get("summary") not in (None, ""):
            metadata["summary"] = self._markdown(html.escape(_text(fields, "summary", lines), quote=False))
        tags = fields.get("tags")
        if isinstance(tags, str):
            tags = [t for t in tags.split(",") if t.strip()]
        if tags:
            if not isinstance(tags, list) or not all(isinstance(t, (str, int)) for t in tags):
                raise FrontMatterError(lines.get("tags", 1), "'tags' must be a list of words, e.g. tags: [sequel, casting]")
            metadata["tags"] = self.process_metadata("tags", ",".join(str(t).strip() for t in tags))
        # Warnings travel with the metadata (not printed here) so a cached read still reports them.
        metadata["reader_warnings"] = unknown_fields(fields, lines)
        metadata["header_lines"] = lines
        return metadata

    def read_ahead(self, paths, processes):
        """Read `paths` now with `processes` workers; read() then hands the results out."""
        done = run_all([partial(self._read_quietly, path) for path in paths], processes)
        self._ahead.update((path, result) for path, (result, _) in zip(paths, done) if result is not None)

    def _read_quietly(self, path):
        """A worker's read; None for a broken story, which read() then meets and reports itself."""
        try:
            return self._parse(path)
        except FrontMatterError:
            return None

    def read(self, source_path):
        if source_path in self._ahead:
            return self._ahead.pop(source_path)
        try:
            return self._parse(source_path)
        except FrontMatterError as err:
            report(os.path.relpath(source_path), err.line, err.message)
            raise StoryRejected(err.message) from None

    def _parse(self, source_path):
        """(content, metadata) of a story file, or the FrontMatterError that says what to fix."""
        with open(source_path, "rb") as handle:
            fields, body, lines = split(decode(handle.read()))
        metadata = self._metadata(fields, lines, source_path)
        if not body.strip():
            metadata["reader_warnings"].append((max(lines.values(), default=1) + 1,
                                                "the story has no text below its front-matter; write the body"))
        content = self._markdown(body)
        if self._typogrify:
            content = self._typogrify(content) if content else content
            for key in ("title", "summary"):
                if key in metadata:
                    metadata[key] = self._typogrify(metadata[key])
        return content, metadata
