"""Addresses: no two pages may ever want one file.

Stock Pelican aborts the whole build when a second page is written to a file
already written (two stories with one slug, a page named like an index). This
writer reports the pair instead, keeps the first page, and lets the rest build.

It can also hold its writes back (`held`): build_speed collects every file of a step
in memory, then renders and writes only what changed.
"""

import io
import os

from pelican import signals
from pelican.writers import Writer

from build_report import report


def _source_of(writing):
    """The file an editor would fix (and its slug line): the story or page behind an output, if any."""
    kwargs, name = writing
    for key in ("article", "page"):
        item = kwargs.get(key)
        if item is not None and getattr(item, "source_path", None):
            return os.path.relpath(item.source_path), item.metadata.get("header_lines", {}).get("slug")
    return f"the {kwargs.get('template_name') or 'generated'} page {name}", None


class _Held(io.StringIO):
    """A file written to memory: on close, its text goes to `held[filename]`."""

    def __init__(self, held, filename):
        super().__init__()
        self._held, self._filename = held, filename

    def close(self):
        if not self.closed:
            self._held[self._filename] = self.getvalue()
        super().close()


class AddressGuardWriter(Writer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._owners = {}  # output file -> what wrote it first (see _source_of; worked out only for a report)
        self._pending = None  # what is being written now
        self.held = None  # a dict: writes go there (file -> text) instead of to disk

    def write_file(self, name, template, context, *args, **kwargs):
        self._pending = {**kwargs, "template_name": getattr(template, "name", None)}, name
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        finally:
            self._pending = None

    def _open_w(self, filename, encoding, override=False):
        owner = self._owners.get(filename)
        # Where Pelican would raise: a plain write over a written file, or a second override of one.
        refused = (filename in self._overridden_files) if override else (filename not in self._overridden_files)
        if owner is not None and refused:
            path, line = _source_of(self._pending) if self._pending else (filename, None)
            first = _source_of(owner)[0] if owner[0] is not None else owner[1]
            report(path, line, f"this page wants the file {os.path.relpath(filename, self.output_path)}, "
                   f"already written for {first}; give one of them a different slug (or file name)")
            return open(os.devnull, "w", encoding=encoding)
        self._owners.setdefault(filename, self._pending or (None, filename))
        if self.held is None:
            return super()._open_w(filename, encoding, override)
        if filename in self._overridden_files and not override:
            return open(os.devnull, "w", encoding=encoding)  # Pelican keeps the page that overrode it
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _Held(self.held, filename)


def _writer(pelican):
    return AddressGuardWriter


def register():
    signals.get_writer.connect(_writer)
