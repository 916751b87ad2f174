"""Run Pagefind over a finished site folder; knows nothing of Pelican, so any tool can reuse it."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .stable import UnknownBundle, prune, stabilise


def pages_glob(save_as):
    """The glob of the files a SAVE_AS pattern names: {date:%Y}/{slug}/index.html -> */*/index.html."""
    return re.sub(r"\{[^}]*\}", "*", save_as)


class Indexing:
    """Pagefind indexing the `pages` (a glob) of `site` into site/pagefind/, in the background.

    Pagefind indexes into the last build's bundle, where it writes only the hashed files
    that are new (rewriting all of them cost half its time); finish() then makes the new
    index byte-identical from build to build and removes what it no longer names (stable.py).
    """

    def __init__(self, site, pages="**/*.html"):
        self._bundle = Path(site) / "pagefind"
        self._output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", pages, "--quiet"],
            stdout=self._output, stderr=subprocess.STDOUT, text=True)

    def finish(self):
        """Wait for Pagefind; its complaints ("" when all went well)."""
        status = self._process.wait()
        self._output.seek(0)
        complaints = self._output.read().strip()
        self._output.close()
        if status:
            return complaints or f"pagefind exited with status {status}"
        try:
            stabilise(self._bundle)
            prune(self._bundle)
        except UnknownBundle as error:
            return f"{error} (is pagefind the version pinned in requirements.txt?)"
        return complaints


def index_site(site, pages="**/*.html"):
    """Index `site` and wait; Pagefind's complaints ("" when all went well)."""
    return Indexing(site, pages).finish()
