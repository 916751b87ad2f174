"""Build report: every problem as one `path:line: severity: message` line, then a summary.

In strict mode (REELNEWS_STRICT, set by publishconf.py) any error or warning,
ours or Pelican's, makes the build exit non-zero after every good story is written.
"""

import logging
import os
import sys

from pelican import signals

from registry import Problem

_problems = []  # Problems reported by our plugins during this build
_pelican = {"warnings": 0, "errors": 0}  # Pelican's own log records at those levels
_drafts = {"count": 0}


def report(path, line, message, severity="error"):
    """Print one problem at once (so the editor sees it as it happens) and remember it."""
    problem = Problem(path, line, message, severity)
    _problems.append(problem)
    print(problem, file=sys.stderr, flush=True)


class _PelicanLogCounter(logging.Handler):
    """Counts Pelican's own warnings and errors, skipping its echo of files we already explained."""

    def emit(self, record):
        if record.levelno < logging.WARNING:
            return
        if record.msg == "Could not process %s":
            return
        _pelican["errors" if record.levelno >= logging.ERROR else "warnings"] += 1


def _report_reader_warnings(items):
    for item in items:
        for line, message in item.metadata.get("reader_warnings", ()):
            report(os.path.relpath(item.source_path), line, message, "warning")


def _after_stories(generator):
    _drafts["count"] = len(generator.drafts)
    _report_reader_warnings([*generator.articles, *generator.drafts, *generator.hidden_articles])


def _drop_drafts(generators):
    """Drafts are counted, never written: nothing of an unrewritten clipping may reach output/.

    Done once every plugin has seen them, so a `related:` pin to a draft is told apart from a typo.
    """
    for generator in generators:
        if hasattr(generator, "drafts_translations"):
            generator.drafts.clear()
            generator.drafts_translations.clear()


def _after_pages(generator):
    _report_reader_warnings([*generator.pages, *generator.hidden_pages, *generator.draft_pages])


def _summarise(pelican):
    errors = sum(p.severity == "error" for p in _problems) + _pelican["errors"]
    warnings = sum(p.severity == "warning" for p in _problems) + _pelican["warnings"]
    strict = pelican.settings.get("REELNEWS_STRICT", False)
    print(f"Reelnews: {errors} error(s), {warnings} warning(s); "
          f"{_drafts['count']} draft(s) skipped (not published).", file=sys.stderr, flush=True)
    _problems.clear()
    _pelican.update(warnings=0, errors=0)
    if strict and (errors or warnings):
        print("Reelnews: strict build (publish/check) refused: fix the lines above.", file=sys.stderr, flush=True)
        raise SystemExit(1)


def register():
    root = logging.getLogger()
    if not any(isinstance(h, _PelicanLogCounter) for h in root.handlers):
        root.addHandler(_PelicanLogCounter())
    signals.article_generator_finalized.connect(_after_stories)
    signals.page_generator_finalized.connect(_after_pages)
    signals.all_generators_finalized.connect(_drop_drafts)
    signals.finalized.connect(_summarise)
