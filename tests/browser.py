"""A built site in Debian's headless chromium: served on 127.0.0.1, driven by Playwright.

Shared by tests/test_browser.py and tests/screenshots.py. Playwright cannot download
its own browsers here, so it drives the system package at CHROMIUM.
"""

import re
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
INSTALL = "sudo apt-get install -y chromium"
# Root in a closed network: no sandbox, GPU, QUIC or background calls home.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

STORY = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")
MONTH = re.compile(r"^\d{4}/\d{2}/index\.html$")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Requests are the test's business, not the terminal's."""


@contextmanager
def serve(folder):
    """Serve a folder on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def _first(output, pattern):
    found = sorted(p.relative_to(output).as_posix() for p in Path(output).glob(pattern))
    return found[0] if found else None


def _story_with_franchise(output):
    """The newest story page with a franchise kicker: the fullest kind of story page."""
    stories = sorted((p.relative_to(output).as_posix() for p in Path(output).glob("*/*/*/index.html")
                      if STORY.match(p.relative_to(output).as_posix())), reverse=True)
    for path in stories:
        if 'class="kicker"' in (Path(output) / path).read_text(encoding="utf-8"):
            return path
    return stories[0] if stories else None


def page_types(output):
    """Page type -> one output file of that type (the site's own, whatever content it ships)."""
    output = Path(output)
    months = sorted(p.relative_to(output).as_posix() for p in output.glob("*/*/index.html")
                    if MONTH.match(p.relative_to(output).as_posix()))
    found = {
        "home": "index.html",
        "home-page-2": _first(output, "page/2/index.html"),
        "story": _story_with_franchise(output),
        "franchise": _first(output, "franchise/*/index.html"),
        "film": _first(output, "film/*/index.html"),
        "person": _first(output, "person/*/index.html"),
        "platform": _first(output, "platform/*/index.html"),
        "franchises": "franchises/index.html",
        "films": "films/index.html",
        "people": "people/index.html",
        "platforms": "platforms/index.html",
        "month": months[-1] if months else None,
        "archives": "archives/index.html",
        "tag": _first(output, "tag/*/index.html"),
        "search": "search/index.html",
        "about": "about/index.html",
        "404": "404.html",
    }
    return {name: path for name, path in found.items() if path}


def url_path(output_file):
    """The address a reader types for an output file: 'about/index.html' -> 'about/'."""
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file
