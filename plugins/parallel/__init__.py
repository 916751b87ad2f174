"""Parallel: the pages of each generator are rendered on every core, then written in order.

Pelican renders and writes one page after another on one core; rendering is most of
a build. Here each generator's output runs as usual through the one writer, except
that a template only leaves a marker: the writer still writes each file in turn (so
address checks, `content_written` and feeds happen exactly as before). Then every
recorded page is rendered at once by forked workers, each with the `localsiteurl` the
writer had set for it, and each file still holding its marker gets its page. A file
another page took over since keeps that page, as it would have.

PARALLEL_PROCESSES: how many processes render (default: every core); 1 renders as Pelican
does. The story reader reads stories ahead with the same pool (see story_reader).
"""

from dataclasses import dataclass
from functools import partial

from pelican import signals
from pelican.utils import sanitised_join

from .pool import processes, run_all


@dataclass
class _Page:
    marker: str
    path: str
    template: object
    localcontext: dict
    context: dict
    localsiteurl: object  # the context's value when the writer rendered it

    def render(self):
        self.context["localsiteurl"] = self.localsiteurl
        return self.template.render(self.localcontext)


class _MarkingTemplate:
    """Stands in for a Jinja template: records what to render, returns a marker to write."""

    def __init__(self, template, context, output_path, pages):
        self._template, self._context, self._output_path, self._pages = template, context, output_path, pages

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, localcontext):
        marker = f"<!-- parallel page {len(self._pages)} -->"
        path = sanitised_join(self._output_path, localcontext["output_file"])
        self._pages.append(_Page(marker, path, self._template, localcontext, self._context,
                                 self._context.get("localsiteurl")))
        return marker


class _MarkingWriter:
    """The build's writer, with templates that mark instead of render."""

    def __init__(self, writer):
        self._writer = writer
        self.pages = []

    def __getattr__(self, name):
        return getattr(self._writer, name)

    def write_file(self, name, template, context, *args, **kwargs):
        marking = _MarkingTemplate(template, context, self._writer.output_path, self.pages)
        return self._writer.write_file(name, marking, context, *args, **kwargs)


def _still_marked(page):
    """False when a later page took the file over (or the writer refused this one)."""
    try:
        with open(page.path, encoding="utf-8") as handle:
            return handle.read() == page.marker
    except FileNotFoundError:
        return False


def _generate_output(generate_output, processes, writer):
    marking = _MarkingWriter(writer)
    generate_output(marking)
    pages = [page for page in marking.pages if _still_marked(page)]
    for page, output in zip(pages, run_all([page.render for page in pages], processes)):
        with open(page.path, "w", encoding="utf-8") as handle:
            handle.write(output)


def render_in_parallel(generators):
    """Wrap each generator's output step; settings are read once here."""
    count = processes(generators[0].settings) if generators else 1
    if count < 2:
        return
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = partial(_generate_output, generator.generate_output, count)


def register():
    signals.all_generators_finalized.connect(render_in_parallel)
