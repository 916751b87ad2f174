"""Run many small jobs on every core, in order: here and in forked workers.

Pure: no Pelican. Workers are forked after the jobs exist, so they read the
finished site from memory (copy-on-write) instead of receiving it pickled; only
the results (strings) travel back. Warnings a job logs are handed back with its result
and logged again by the parent, so build reports still count them (and a page kept
from the last build can log its warnings again).
"""

import gc
import logging
import multiprocessing
import os
import threading

_jobs = None  # the jobs of the running run_all, inherited by the forked workers


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _run(bounds, here=False):
    """[(result, what it logged at WARNING or above)] of jobs[start:stop]. In a worker only the
    result hears what a job logs (the parent logs it again); `here`, it is logged as usual too:
    logged twice, Pelican's filter of repeated messages would drop the second."""
    root = logging.getLogger()
    saved = root.handlers[:]
    done = []
    try:
        for i in range(*bounds):
            collect = _Collect()
            root.handlers[:] = [*saved, collect] if here else [collect]
            done.append((_jobs[i](), collect.records))
    finally:
        root.handlers[:] = saved
    return done


def replay(records):
    """Log again, in this process, what a job logged."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def can_fork():
    """Forking is safe when no other thread does work: daemon helpers (Pelican's progress
    spinner) are fine, since workers never print; anything else renders in turn."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    return "fork" in multiprocessing.get_all_start_methods() and all(t.daemon for t in others)


def run_all(jobs, processes, chunks_per_process=8):
    """(job(), what it logged) for each job, in order, computed by this process and
    `processes` - 1 forked workers when that can help; what each logged is logged here too.

    This process takes every `processes`-th chunk itself rather than wait: a worker holds its
    own copy of what it touches of the site, so one worker fewer is some 300 MB less at
    10,000 stories. Results come as their chunk is done, so a caller that writes each page
    as it comes never holds a whole step's pages (10,000 story pages are some 350 MB of HTML)."""
    global _jobs
    _jobs = jobs
    try:
        if processes < 2 or len(jobs) < 4 * processes or not can_fork():
            yield from _run((0, len(jobs)), here=True)
            return
        count = min(len(jobs), processes * chunks_per_process)  # small chunks even out slow pages
        edges = [len(jobs) * k // count for k in range(count + 1)]
        chunks = list(zip(edges, edges[1:]))
        gc.freeze()  # the collector would touch every inherited object, copying the whole heap into each worker
        try:
            # Workers are forked here, once: a worker replaced later would be forked by the pool's
            # own thread while this one renders, mid-way through whatever it was changing.
            with multiprocessing.get_context("fork").Pool(processes - 1) as pool:
                theirs = pool.imap(_run, [chunk for k, chunk in enumerate(chunks) if k % processes], chunksize=1)
                for k, chunk in enumerate(chunks):
                    yield from _run(chunk, here=True) if k % processes == 0 else _replayed(next(theirs))
        finally:
            gc.unfreeze()
    finally:
        _jobs = None


def _replayed(done):
    for result, records in done:
        replay(records)
        yield result, records


def processes(settings):
    """PARALLEL_PROCESSES: how many processes work at once (default: every core); 1 works in turn."""
    chosen = settings.get("PARALLEL_PROCESSES")
    if chosen:
        return int(chosen)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
