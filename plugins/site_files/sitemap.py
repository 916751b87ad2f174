"""The crawler files: sitemap.xml and robots.txt, from plain (address, last change) pairs."""

from xml.sax.saxutils import escape


def page_url(save_as):
    """The address a file is served at: 'film/dune/index.html' -> 'film/dune/' (directory style)."""
    if save_as == "index.html" or save_as.endswith("/index.html"):
        return save_as[: -len("index.html")]
    return save_as


def sitemap_xml(siteurl, pages):
    """A sitemaps.org urlset; `pages` are (url relative to the site, datetime or None) pairs.

    Listed in address order, one line each, so two builds of one site give the same file;
    a file written twice is listed once, as last written.
    """
    last_change = dict(pages)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(last_change):
        changed = last_change[url]
        lastmod = f"<lastmod>{changed.isoformat(timespec='seconds')}</lastmod>" if changed else ""
        lines.append(f"<url><loc>{escape(siteurl + '/' + url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url):
    """Every crawler welcome, and told where the sitemap is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
