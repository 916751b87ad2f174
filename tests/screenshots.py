"""The README's screenshots: a story page and its franchise hub, 1280 px wide, light theme.

    make screenshots        # writes docs/screenshots/story.png and franchise.png

Builds the shipped content/ into a temporary folder, serves it and shoots it in
Debian's chromium, exactly as the browser tests see it.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import launch, page_types, serve, url_path  # noqa: E402
from conftest import ROOT, build  # noqa: E402

TARGET = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 1000}


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build(ROOT / "content", Path(tmp) / "output")
        if site.returncode != 0:
            sys.exit(site.stderr)
        with serve(site.output) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
            page.goto(base + url_path(page_types(site.output)["story"]))
            page.screenshot(path=TARGET / "story.png")
            page.click(".story-head .kicker a")
            page.wait_for_load_state()
            page.screenshot(path=TARGET / "franchise.png")
            browser.close()
    for name in ("story.png", "franchise.png"):
        print(f"{TARGET / name}: {(TARGET / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
