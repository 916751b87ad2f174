"""Build speed: the work of a build spread over every core, and nothing computed twice.

- Pages: each generator's output runs as usual through the one writer, except that a
  template only leaves a marker, so the writer still writes each file in turn (address
  checks, `content_written` and feeds happen exactly as before). Then every recorded
  page is rendered at once by forked workers, each with the `localsiteurl` the writer
  had set for it, and each file still holding its marker gets its page; a file another
  page took over since keeps that page, as it would have.
- Story addresses: Pelican formats a story's URL afresh each time a template asks
  (tens of thousands of times); once the stories are final, each keeps its own.
- Stories are read ahead on every core by the story reader, with the same pool.

PARALLEL_PROCESSES: how many processes work (default: every core); 1 reads and renders in
turn, as Pelican does. tests/test_build_identical.py proves the output byte-identical.
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
        marker = f"<!-- build_speed page {len(self._pages)} -->"
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


def _fill(page, output):
    """Write over the marker in place: truncating a file to nothing first costs far more
    on some file systems (ext4 mounted with `discard` frees and trims its block)."""
    with open(page.path, "r+", encoding="utf-8") as handle:
        handle.write(output)
        handle.truncate()


def _generate_output(generate_output, processes, writer):
    marking = _MarkingWriter(writer)
    generate_output(marking)
    pages = [page for page in marking.pages if _still_marked(page)]
    for page, output in zip(pages, run_all([page.render for page in pages], processes)):
        _fill(page, output)


def render_in_parallel(generators):
    """Wrap each generator's output step in the marking writer."""
    count = processes(generators[0].settings) if generators else 1
    if count < 2:
        return
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = partial(_generate_output, generator.generate_output, count)


def freeze_addresses(generator):
    """Pelican's own `override_url` / `override_save_as`, set to what it computes now."""
    for story in [*generator.articles, *generator.translations]:
        story.override_url, story.override_save_as = story.url, story.save_as


def register():
    signals.article_generator_finalized.connect(freeze_addresses)
    signals.all_generators_finalized.connect(render_in_parallel)
