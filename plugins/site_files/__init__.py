"""Site files: what GitHub Pages and crawlers need beside the pages themselves.

`.nojekyll` (Pages must serve the output as it is, not run Jekyll over it), `CNAME` when the
CNAME setting names a custom domain, and, for a site with a public address (an absolute
SITEURL, as publishconf.py sets), `sitemap.xml` and a `robots.txt` pointing at it.

The sitemap is built from the pages this build actually wrote (the content_written signal),
not from a fixed list of page kinds as the stock sitemap plugin does, so every story, page,
hub and index is listed whichever plugin wrote it, and nothing stale from an earlier build.
Left out: hidden pages (the 404 page) and page 2 onwards of a paginated list.
"""

import os

from pelican import signals

from .sitemap import page_url, robots_txt, sitemap_xml

DEFAULT_SETTINGS = {
    "SITEMAP_SAVE_AS": "sitemap.xml",  # "" writes no sitemap
    "ROBOTS_SAVE_AS": "robots.txt",  # "" writes no robots.txt
    "CNAME": "",  # a custom domain, e.g. "news.example.org"; written to output/CNAME
}

_written = []  # (url, last change) of every listed page written in this build


def add_defaults(pelican):
    for key, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(key, value)


def _changed(item):
    return getattr(item, "modified", None) or getattr(item, "date", None)


def _list_page(path, context):
    """Remember a written page for the sitemap, with when its content last changed."""
    item = context.get("article") or context.get("page")
    if item is not None and item.status == "hidden":
        return
    listing = context.get("articles_page") or context.get("dates_page")
    if listing is not None and listing.number > 1:
        return
    if item is not None:
        changed = _changed(item)
    else:  # a list (home, hub, index): it changes when its newest story does
        stories = listing.object_list if listing is not None else context.get("articles") or []
        changed = max((_changed(story) for story in stories), default=None)
    _written.append((page_url(context["output_file"]), changed))


def _write(output, name, text):
    path = os.path.join(output, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_site_files(pelican):
    settings, output = pelican.settings, pelican.output_path
    pages, _written[:] = list(_written), []
    _write(output, ".nojekyll", "")
    if settings["CNAME"]:
        _write(output, "CNAME", settings["CNAME"].strip() + "\n")
    siteurl = settings["SITEURL"].rstrip("/")
    if not siteurl.startswith(("https://", "http://")):
        return  # a development build has no public address to give crawlers
    if settings["SITEMAP_SAVE_AS"]:
        _write(output, settings["SITEMAP_SAVE_AS"], sitemap_xml(siteurl, pages))
        if settings["ROBOTS_SAVE_AS"]:
            _write(output, settings["ROBOTS_SAVE_AS"], robots_txt(f"{siteurl}/{settings['SITEMAP_SAVE_AS']}"))


def register():
    signals.initialized.connect(add_defaults)
    signals.content_written.connect(_list_page)
    signals.finalized.connect(write_site_files)
