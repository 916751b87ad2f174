"""Build speed: the work of a build spread over every core, and nothing done twice.

- Pages: each generator's output step runs as usual through the one writer (address
  checks, `content_written` and feeds happen exactly as before), except that a template
  only leaves a marker and the writer holds every file in memory. Then each page whose
  fingerprint is the last build's, in a file untouched since, is kept (store.py); the
  others are rendered at once, here and by forked workers (pool.py), each with the
  `localsiteurl` the writer had set for it. A file is written only when its bytes changed, and the pages an earlier
  build wrote that this one did not are removed. The story step finishes before Pelican's
  article_writer_finalized, so the search index can start on the stories while hubs render.
- Story addresses: Pelican formats a story's URL afresh each time a template asks
  (tens of thousands of times); once the stories are final, each keeps its own.
- Stories are read ahead on every core by the story reader, with the same pool.
- The cyclic garbage collector makes no full passes during a build: each walked every story,
  hub and page object (0.7 s of an edited story's 5 s rebuild at 2,000 stories). Its young
  passes go on: rendering leaves cycles (Jinja contexts, parsed YAML) that only they free,
  and with the collector off altogether a 10,000-story build held 600 MB more. At the end
  it skips the build's objects (gc.freeze), so exiting does not walk them either; a later
  build in the same process (pelican -r) lets them go first.

PARALLEL_PROCESSES: how many processes work (default: every core); 1 reads and renders in
turn, as Pelican does, and keeps no pages. tests/test_build_identical.py and
tests/test_kept_pages.py prove the output byte-identical.
"""

import gc
import logging
from dataclasses import dataclass
from functools import partial

from pelican import signals
from pelican.utils import sanitised_join

from .pool import processes, run_all
from .store import kept_pages, save_kept_pages, write_changed

logger = logging.getLogger(__name__)
FULL_PASSES_NEVER = 2**31 - 1  # the collector's third threshold during a build


@dataclass
class _Page:
    marker: str
    path: str
    template: object
    localcontext: dict
    context: dict
    localsiteurl: object  # the context's value when the writer rendered it
    fingerprint: bytes = None  # what it is made from (store.py); None: render it every time

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


class _Step:
    """One generator's output step: its writes held, then its pages rendered (or kept) and written."""

    def __init__(self, generator, writer, processes):
        self.generator, self.writer, self.processes = generator, writer, processes
        self.marking, self.held, self.left, self.markers = _MarkingWriter(writer), {}, None, None
        self.rendered = self.kept = 0
        writer.held = self.held

    def finish(self, stories_only=False):
        """Render and write what changed: the story pages alone as soon as they are final (so the search
        index can start on them), the rest at the step's end."""
        name = type(self.generator).__name__
        store = kept_pages(self.writer, self.generator)
        if self.left is None:  # the step has written all it will: what it no longer writes goes now
            self.writer.held, self.left = None, dict(self.held)
            self.markers = {page.marker: page for page in self.marking.pages}
            store.remove_stale(name, set(self.held))
        markers = self.markers
        now = {path: text for path, text in self.left.items()
               if not stories_only or "article" in getattr(markers.get(text), "localcontext", {})}
        fresh = []
        for path, text in now.items():  # the last text written to each file, as on disk
            del self.left[path]
            page = markers.get(text)
            if page is None:
                write_changed(path, text)  # a feed, or a page written as it is
            elif not store.reuse(page, name):
                fresh.append(page)
        for page, (output, records) in zip(fresh, run_all([page.render for page in fresh], self.processes)):
            store.wrote(page, write_changed(page.path, output), records, name)
        self.rendered += len(fresh)
        self.kept += sum(text in markers for text in now.values()) - len(fresh)


_step = None  # the output step running now


def _generate_output(generator, generate_output, processes, writer):
    """Run a generator's output step with its writes held, then render and write what changed."""
    global _step
    if not hasattr(writer, "held"):  # not the addresses plugin's writer: render in turn, as Pelican does
        generate_output(writer)
        return
    step = _step = _Step(generator, writer, processes)
    try:
        generate_output(step.marking)
        step.finish()
    finally:
        writer.held, _step = None, None
    logger.info("%s: %d pages rendered, %d kept from the last build", type(generator).__name__, step.rendered,
                step.kept)


def stories_written(generator, writer=None):
    """Pelican's article_writer_finalized: write the story pages now, so the search index can start on them."""
    if _step is not None and _step.generator is generator:
        _step.finish(stories_only=True)


def render_in_parallel(generators):
    """Wrap each generator's output step in the marking writer."""
    count = processes(generators[0].settings) if generators else 1
    if count < 2:
        return
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = partial(_generate_output, generator, generator.generate_output, count)


def freeze_addresses(generator):
    """Pelican's own `override_url` / `override_save_as`, set to what it computes now."""
    for story in [*generator.articles, *generator.translations]:
        story.override_url, story.override_save_as = story.url, story.save_as


_thresholds = None  # the collector's thresholds before the build


def pause_collector(pelican):
    global _thresholds
    if gc.get_freeze_count():  # an earlier build in this process froze its objects: collect them now
        gc.unfreeze()
        gc.collect()
    _thresholds = gc.get_threshold()
    gc.set_threshold(_thresholds[0], _thresholds[1], FULL_PASSES_NEVER)


def resume_collector(pelican):
    gc.freeze()
    gc.set_threshold(*_thresholds)


def register():
    signals.initialized.connect(pause_collector)
    signals.article_generator_finalized.connect(freeze_addresses)
    signals.all_generators_finalized.connect(render_in_parallel)
    signals.article_writer_finalized.connect(stories_written)
    signals.finalized.connect(save_kept_pages)
    signals.finalized.connect(resume_collector)
