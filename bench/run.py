"""`make bench`: our full pipeline against plain Pelican on the same generated stories.

For each size it writes a corpus (bench/corpus.py), then builds it in turns, each
build a fresh `python -m pelican` process with an empty output folder and an
empty content cache:
- ours with `make html`'s settings, and plain Pelican (bench/plainconf.py), no feeds;
- ours with `make publish`'s settings (every feed), and plain Pelican with the
  site feed and a feed per tag;
then edits one story and rebuilds ours (`make html`, warm cache) into the same
output (as many times as --runs, one more sentence each time; the best is kept), and
times the related-stories scoring alone on the corpus's stories, and the search indexing
alone (the search_index plugin's Pagefind runs, a year of stories each, over a copy of the
story pages of our output).
Wall time is the best of --runs (CPU time is that run's user + system time, all
processes). Peak memory is the most the build and every process it ran (forked render
workers, Pagefind) held at once: their proportional set sizes summed, sampled every 0.1 s
(Linux /proc); the largest single process's peak resident size is beside it. Pages are
the .html files written.
The table goes to stdout and to bench/results.md.
"""

import argparse
import os
import platform
import runpy
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "plugins"))

import corpus as corpus_module  # noqa: E402
from related_stories.scoring import Config, Story, related_for_all  # noqa: E402
from search_index.indexer import pages_glob  # noqa: E402

SITEURL = "https://bench.example.org"
PLAIN_FEEDS = ["FEED_ALL_ATOM=\"feeds/all.atom.xml\"", "TAG_FEED_ATOM=\"tag/{slug}/feed.atom.xml\""]


@dataclass
class Timing:
    seconds: float  # wall time
    cpu: float  # user + system time of the build and every process it ran
    peak_mb: float  # the most memory the build and its processes held at once (proportional set size)
    largest_mb: float  # the largest single process's peak resident size
    pages: int


SAMPLE_SECONDS = 0.1  # how often the memory of a build's processes is summed


def _processes(pid):
    """`pid` and every process under it, now."""
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except OSError:
            pass  # it ended meanwhile
    return found


def _pss_mb(pid):
    """A process's proportional set size: its private memory, plus its share of what forked
    workers still share with it (so summing processes counts nothing twice)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed(label, command, log, **popen):
    """(wall seconds, CPU seconds, peak MB of all its processes at once, largest process's peak MB)
    of one command and all it runs; a failure stops the benchmark with its last lines."""
    peaks, done = [0.0], threading.Event()

    def sample(pid):  # beside the wait, so the wall time ends when the command does
        while not done.wait(SAMPLE_SECONDS):
            peaks.append(sum(_pss_mb(each) for each in _processes(pid)))

    with open(log, "w") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, **popen)
        sampler = threading.Thread(target=sample, args=(process.pid,))
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code:
        tail = "".join(Path(log).read_text().splitlines(keepends=True)[-30:])
        raise SystemExit(f"bench: '{label}' failed (exit {code}):\n{tail}")
    return seconds, usage.ru_utime + usage.ru_stime, max(peaks), usage.ru_maxrss / 1024


@dataclass
class Build:
    """One way of building a content folder into an output folder."""

    label: str
    content: Path
    output: Path
    settings: Path
    cache: Path | None = None  # our content cache (None: plain Pelican keeps none)
    extra: tuple = ()  # pelican -e SETTING=VALUE overrides

    def command(self):
        command = [sys.executable, "-m", "pelican", str(self.content), "-o", str(self.output), "-s", str(self.settings)]
        if self.cache:
            command += ["--cache-path", str(self.cache)]
        if self.extra:
            command += ["-e", *self.extra]
        return command

    def clean(self):
        for folder in (self.output, self.cache):
            if folder:
                shutil.rmtree(folder, ignore_errors=True)

    def run(self, log):
        """Time one build; a failed build stops the benchmark with its last lines."""
        env = {**os.environ, "SITEURL": SITEURL, "COLUMNS": "200"}
        return Timing(*timed(self.label, self.command(), log, cwd=self.content.parent, env=env),
                      sum(1 for _ in self.output.rglob("*.html")))


def best(timings):
    """The fastest run, with the highest peak memory seen."""
    fastest = min(timings, key=lambda t: t.seconds)
    return Timing(fastest.seconds, fastest.cpu, max(t.peak_mb for t in timings), max(t.largest_mb for t in timings),
                  fastest.pages)


def edit_one_story(root, corpus):
    """Change the middle story's body, as an editor fixing a sentence would."""
    story = corpus.stories[len(corpus.stories) // 2]
    path = corpus_module.story_path(root, story)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\nUpdate: the studio confirmed the news on Friday.\n")
    return path


def search_index_alone(build, log):
    """The search_index plugin's indexing of the story pages `build` wrote (a Pagefind run per
    year), on a copy of them, from scratch."""
    site = build.output.parent / "search-alone"
    shutil.rmtree(site, ignore_errors=True)
    save_as = runpy.run_path(str(build.settings))["ARTICLE_SAVE_AS"]
    for page in build.output.glob(pages_glob(save_as)):
        copy = site / page.relative_to(build.output)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, copy)
    command = [sys.executable, "-m", "search_index", str(site), save_as]
    return Timing(*timed("search index alone", command, log, cwd=ROOT / "plugins"), 0)


def related_seconds(corpus, repeat=3):
    """Best wall time of the related-stories scoring over the corpus's stories."""
    records = []
    for story in corpus.stories:
        about = [("film", title) for title in story.films]
        about += [("franchise", name) for name in corpus.franchises_of(story)]
        about += [("person", name) for name, _ in story.people]
        about += [("platform", story.platform)] if story.platform else []
        about += [("tag", tag) for tag in story.tags]
        records.append(Story(story.name, story.date.timestamp(), tuple(about)))
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        related_for_all(records, Config())
        timings.append(time.perf_counter() - start)
    return min(timings)


def bench_size(n, seed, runs, work):
    """Rows of the table for one size."""
    folder = work / str(n)
    shutil.rmtree(folder, ignore_errors=True)
    corpus = corpus_module.make_corpus(n, seed)
    ours, plain = (Path(p) for p in corpus_module.write_corpus(corpus, folder))
    builds = {
        "ours_html": Build("ours, make html", ours, folder / "out-ours", ROOT / "pelicanconf.py", folder / "cache-ours"),
        "plain": Build("plain Pelican", plain, folder / "out-plain", HERE / "plainconf.py"),
        "ours_publish": Build("ours, make publish (feeds)", ours, folder / "out-ours-publish",
                              ROOT / "publishconf.py", folder / "cache-ours-publish"),
        "plain_feeds": Build("plain Pelican, feeds", plain, folder / "out-plain-feeds", HERE / "plainconf.py",
                             extra=tuple(PLAIN_FEEDS)),
    }
    timings = {key: [] for key in builds}
    for run in range(runs):
        for key, build in builds.items():  # in turns, so drift on the machine hits both alike
            build.clean()
            timings[key].append(build.run(folder / f"{key}-{run}.log"))
            print(f"  {n:>6} {build.label:<30} {timings[key][-1].seconds:7.2f} s", file=sys.stderr, flush=True)
    result = {key: best(found) for key, found in timings.items()}
    incremental = []
    for run in range(runs):  # the last `ours, make html` build left a warm cache and its output
        edit_one_story(ours, corpus)
        incremental.append(builds["ours_html"].run(folder / f"incremental-{run}.log"))
        print(f"  {n:>6} {'incremental':<30} {incremental[-1].seconds:7.2f} s", file=sys.stderr, flush=True)
    result["incremental"] = best(incremental)
    result["related"] = related_seconds(corpus)
    result["search"] = search_index_alone(builds["ours_html"], folder / "search.log")
    return result


def _row(n, label, timing, ratio):
    pages = f"{timing.pages:,}" if timing.pages else ""
    return (f"| {n:,} | {label} | {timing.seconds:.2f} | {timing.cpu:.1f} | {timing.peak_mb:.0f} "
            f"| {timing.largest_mb:.0f} | {pages} | {ratio} |")


def table(results, cores):
    lines = [f"Machine: {cores} cores, Python {platform.python_version()}, {platform.system()}.", "",
             "| stories | build | wall (s) | CPU (s) | peak memory, all processes (MB) | largest process (MB) "
             "| pages written | ratio |",
             "|---:|---|---:|---:|---:|---:|---:|---|"]
    for n, r in results.items():
        lines.append(_row(n, "plain Pelican, no feeds", r["plain"], ""))
        lines.append(_row(n, "ours, `make html`", r["ours_html"],
                          f"ours/plain {r['ours_html'].seconds / r['plain'].seconds:.2f}"))
        lines.append(_row(n, "plain Pelican, feeds", r["plain_feeds"], ""))
        lines.append(_row(n, "ours, `make publish` (feeds)", r["ours_publish"],
                          f"ours/plain {r['ours_publish'].seconds / r['plain_feeds'].seconds:.2f}"))
        lines.append(_row(n, "ours, `make html` after editing one story", r["incremental"],
                          f"incremental/full {r['incremental'].seconds / r['ours_html'].seconds:.2f}"))
        lines.append(f"| {n:,} | related stories alone (scoring, in process) | {r['related']:.3f} | | | | | |")
        lines.append(_row(n, "search index alone (Pagefind, a run per year of stories)", r["search"], ""))
    sizes = list(results)
    if len(sizes) > 1:
        first, last = sizes[-2], sizes[-1]
        growth = results[last]["ours_html"].seconds / results[first]["ours_html"].seconds
        lines += ["", f"Growth of `make html`, {last:,} / {first:,} stories: {growth:.2f} "
                      f"(linear would be {last / first:.2f})."]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time our build against plain Pelican on generated stories.")
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 2000], help="stories per corpus (500 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="full builds of each kind up to 2,000 stories; the best is kept")
    parser.add_argument("--work", help="where corpora and outputs go (default: a temporary folder, removed)")
    parser.add_argument("--results", default=str(HERE / "results.md"))
    args = parser.parse_args(argv)
    work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="reelnews-bench-"))
    try:
        results = {}
        for n in args.sizes:
            results[n] = bench_size(n, args.seed, args.runs if n <= 2000 else 1, work)
        text = table(results, os.cpu_count())
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    Path(args.results).write_text(text)


if __name__ == "__main__":
    main()
