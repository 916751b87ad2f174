"""Run Pagefind over a finished site folder, a bundle per year of stories; knows nothing of
Pelican, so any tool can reuse it (`python -m search_index SITE SAVE_AS`).

Why a bundle per year: Pagefind holds every page it indexes in memory (about 100 KB a story)
and has no incremental mode. Split by year, no Pagefind process holds more than a year of
stories, and a rebuild re-indexes only the years whose story pages changed. The search page
merges the bundles that `shards.json` lists (theme/static/js/search.js).
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from fnmatch import fnmatchcase
from importlib.metadata import version
from pathlib import Path

import pagefind_bin

from .stable import UnknownBundle, prune, stabilise

YEAR_FIRST = "{date:%Y}/"  # a SAVE_AS that starts so puts each year's stories in a folder of its own
BUNDLE = "pagefind"  # in the site: where the search page loads the index from
SHARDS = "shards.json"  # in the bundle folder: the shards, newest first, for the search page
WHOLE = "all"  # the one shard of stories whose SAVE_AS does not start with their year
# Pagefind's ready-made interfaces, written into every bundle: the theme's search page uses the
# JS API (pagefind.js) only, so these would be published once a year for nobody.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def pages_glob(save_as):
    """The glob of the files a SAVE_AS pattern names: {date:%Y}/{slug}/index.html -> */*/index.html."""
    return re.sub(r"\{[^}]*\}", "*", save_as)


def shard_globs(save_as, story_paths):
    """Shard name -> glob of its story pages, newest year first, for stories at `story_paths`
    (relative, "/"-separated) saved as `save_as`."""
    glob = pages_glob(save_as)
    if not save_as.startswith(YEAR_FIRST):
        return {WHOLE: glob} if story_paths else {}
    within_year = glob.split("/", 1)[1]
    years = {path.split("/", 1)[0] for path in story_paths}
    return {year: f"{year}/{within_year}" for year in sorted(years, reverse=True)}


def _digest(site, pages, made_by):
    """What a shard's index is made from: Pagefind's version and arguments (`made_by`), and each
    page's address, size and modification time (the writer rewrites only pages whose bytes change)."""
    made_of = hashlib.sha256(json.dumps(made_by).encode())
    for page in sorted(pages):
        stat = (site / page).stat()
        made_of.update(f"{page}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return made_of.hexdigest()


def _read_state(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_if_changed(path, text):
    path = Path(path)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class Indexing:
    """`index_site` running in the background, in a process of its own: the build forks its
    render workers meanwhile, which a thread of ours (holding who knows what lock) would make unsafe."""

    def __init__(self, site, save_as, state=None):
        self._output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        plugins = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))}
        command = [sys.executable, "-m", "search_index", str(site), save_as, *([str(state)] if state else [])]
        self._process = subprocess.Popen(command, stdout=self._output, stderr=subprocess.STDOUT, text=True, env=env)

    def finish(self):
        """Wait for every shard; what went wrong ("" when all went well)."""
        status = self._process.wait()
        self._output.seek(0)
        complaints = self._output.read().strip()
        self._output.close()
        return complaints or (f"indexing exited with status {status}" if status else "")


def index_site(site, save_as, state=None):
    """Index the stories of `site` (saved as `save_as`) into site/pagefind/<shard>/, shard after
    shard; Pagefind's complaints ("" when all went well).

    With `state` (a file outside the site), a shard whose pages and bundle are as the last
    run left them is not indexed again. Each shard is indexed into the last run's bundle,
    where Pagefind writes only the hashed files that are new; the new index is then made
    byte-identical from run to run, what it no longer names is removed (stable.py), and so
    are the bundles of years with no stories left.
    """
    site = Path(site)
    stories = [path.relative_to(site).as_posix() for path in site.glob(pages_glob(save_as))]
    shards = shard_globs(save_as, stories)
    before = _read_state(state) if state else {}
    pagefind = [str(pagefind_bin.get_executable()), version("pagefind")]
    after, complaints = {}, []
    for shard, glob in shards.items():
        pages = [story for story in stories if fnmatchcase(story, glob)]
        complaint, after[shard] = _index_shard(site, shard, glob, pages, pagefind, before.get(shard))
        if complaint:
            complaints.append(f"{shard}: {complaint}" if len(shards) > 1 else complaint)
    _remove_all_but(site / BUNDLE, shards)
    _write_if_changed(site / BUNDLE / SHARDS, json.dumps(list(shards)) + "\n")
    if state:
        _write_if_changed(state, json.dumps(after, indent=1, sort_keys=True) + "\n")
    return "\n".join(complaints)


def _index_shard(site, shard, glob, pages, pagefind, last):
    """Index one shard, its story `pages`, with `pagefind` ([executable, version]) unless `last`
    ([pages digest, entry digest]) says it is as it was: (complaints, what to remember of it)."""
    bundle = site / BUNDLE / shard
    command = [pagefind[0], "--site", str(site), "--glob", glob, "--output-path", str(bundle), "--quiet"]
    made_of = _digest(site, pages, [pagefind[1], command[1:]])
    entry = bundle / "pagefind-entry.json"
    if last and entry.exists() and last == [made_of, hashlib.sha256(entry.read_bytes()).hexdigest()]:
        return "", last
    done = subprocess.run(command, capture_output=True, text=True)
    complaints = (done.stdout + done.stderr).strip()
    if done.returncode:
        return complaints or f"pagefind exited with status {done.returncode}", None
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    try:
        stabilise(bundle)
        prune(bundle)
    except UnknownBundle as error:
        return f"{error} (is pagefind the version pinned in requirements.txt?)", None
    return complaints, [made_of, hashlib.sha256(entry.read_bytes()).hexdigest()]


def _remove_all_but(bundle, shards):
    """Remove what is in the bundle folder but no shard of this run: years with no stories
    left, and an older build's single bundle."""
    if not bundle.is_dir():
        return
    for path in bundle.iterdir():
        if path.name in shards and path.is_dir() or path.name == SHARDS:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
