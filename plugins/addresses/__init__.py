"""Addresses: no two pages may ever want one file.

Stock Pelican aborts the whole build when a second page is written to a file
already written (two stories with one slug, a page named like an index). This
writer reports the pair instead, keeps the first page, and lets the rest build.
"""

import os

from pelican import signals
from pelican.writers import Writer

from build_report import report


def _source_of(kwargs, name):
    """The file an editor would fix: the story or page behind this output, if any."""
    for key in ("article", "page"):
        item = kwargs.get(key)
        if item is not None and getattr(item, "source_path", None):
            return os.path.relpath(item.source_path), item.metadata.get("header_lines", {}).get("slug")
    return f"the {kwargs.get('template_name') or 'generated'} page {name}", None


class AddressGuardWriter(Writer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._owners = {}  # output file -> the source that wrote it first
        self._pending = None  # the source of the page being written now

    def write_file(self, name, template, context, *args, **kwargs):
        self._pending = _source_of({**kwargs, "template_name": getattr(template, "name", None)}, name)
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        finally:
            self._pending = None

    def _open_w(self, filename, encoding, override=False):
        owner = self._owners.get(filename)
        # Where Pelican would raise: a plain write over a written file, or a second override of one.
        refused = (filename in self._overridden_files) if override else (filename not in self._overridden_files)
        if owner is not None and refused:
            path, line = self._pending or (filename, None)
            report(path, line, f"this page wants the file {os.path.relpath(filename, self.output_path)}, "
                   f"already written for {owner[0]}; give one of them a different slug (or file name)")
            return open(os.devnull, "w", encoding=encoding)
        self._owners.setdefault(filename, self._pending or (filename, None))
        return super()._open_w(filename, encoding, override)


def _writer(pelican):
    return AddressGuardWriter


def register():
    signals.get_writer.connect(_writer)
