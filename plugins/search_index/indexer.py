"""Run Pagefind over a finished site folder; knows nothing of Pelican, so any tool can reuse it."""

import shutil
import subprocess
import sys
from pathlib import Path

from .stable import UnknownBundle, stabilise


def index_site(site, pages="**/*.html"):
    """Index the `pages` (a glob) of `site` into site/pagefind/; return Pagefind's complaints ("" when all went well).

    The old index goes first: Pagefind writes new hashed files beside stale ones and never
    removes any. The new one is then made byte-identical from build to build (stable.py).
    """
    bundle = Path(site) / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", pages, "--quiet"],
                            capture_output=True, text=True)
    complaints = (result.stderr + result.stdout).strip()
    if result.returncode:
        return complaints or f"pagefind exited with status {result.returncode}"
    try:
        stabilise(bundle)
    except UnknownBundle as error:
        return f"{error} (is pagefind the version pinned in requirements.txt?)"
    return complaints
