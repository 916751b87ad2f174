"""Link check: every internal address in a built site must lead to a file in it.

Pure (a folder in, a list out), so tests, `make check` or any tool can run it over an output
folder built with publish settings (absolute SITEURL, perhaps under a base path such as
https://user.github.io/repo) or development ones (relative links). It reads every HTML page
(href, src, srcset, action, poster and the social-card URLs), every Atom feed (its links and
the HTML of each entry), the sitemap, robots.txt and stylesheets' url(...). A link is internal
when it is relative, root-relative or starts with SITEURL; a relative or root-relative one that
climbs out of the base path is broken too, as it would be on a GitHub Pages project site.
A `#fragment` must name an id (or anchor name) on the page it points at. `reachable` follows
the same links from the home page, so a page nothing leads to (an orphan) shows up too.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

URL_ATTRIBUTES = {"href", "src", "action", "poster"}  # attributes holding one address
SOCIAL_META = {"og:url", "og:image", "twitter:image"}  # <meta> whose content is an address
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:")  # schemes no file stands behind
DEVELOPMENT_ROOT = "http://site.invalid/"  # stands in for a site built with SITEURL = ""
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
ROBOTS_SITEMAP = re.compile(r"^sitemap:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, order=True)
class Broken:
    """One link that leads nowhere: the output file it is on, and the address as written."""

    page: str
    url: str

    def __str__(self):
        return f"{self.page}: broken link {self.url}"


class _PageReader(HTMLParser):
    """Collects a page's addresses and the ids a fragment may point at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        self.urls += [attrs[name] for name in URL_ATTRIBUTES if attrs.get(name)]
        if attrs.get("srcset"):
            self.urls += [candidate.split()[0] for candidate in attrs["srcset"].split(",") if candidate.strip()]
        if tag == "meta" and (attrs.get("property") or attrs.get("name")) in SOCIAL_META and attrs.get("content"):
            self.urls.append(attrs["content"])


def _read_html(text):
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return reader


def _feed_links(root, own_url):
    """(address, base it is relative to) for a feed's links and its entries' HTML."""
    found = [(link.get("href"), own_url) for link in root.iter(f"{ATOM}link") if link.get("href")]
    found += [(node.text.strip(), own_url) for tag in ("icon", "logo") for node in root.iter(f"{ATOM}{tag}") if node.text]
    for entry in root.iter(f"{ATOM}entry"):
        alternate = next((link.get("href") for link in entry.iter(f"{ATOM}link")
                          if link.get("rel", "alternate") == "alternate"), None)
        base = urljoin(own_url, alternate) if alternate else own_url
        for tag in ("content", "summary"):
            for node in entry.iter(f"{ATOM}{tag}"):
                if node.get("type") in ("html", "xhtml") and node.text:
                    found += [(url, base) for url in _read_html(node.text).urls]
    return found


def _links_in(path, text, own_url):
    """(address, base it is relative to) for a stylesheet, robots.txt, a feed or the sitemap."""
    if path.suffix == ".css":
        return [(url, own_url) for url in CSS_URL.findall(text)]
    if path.name == "robots.txt":
        return [(url, own_url) for url in ROBOTS_SITEMAP.findall(text)]
    if path.suffix == ".xml":
        root = ET.fromstring(text)
        if root.tag == f"{ATOM}feed":
            return _feed_links(root, own_url)
        if root.tag == f"{SITEMAP}urlset":
            return [(loc.text.strip(), own_url) for loc in root.iter(f"{SITEMAP}loc") if loc.text]
    return []


def _root(siteurl):
    """The address the output folder is served at (a stand-in for a development build)."""
    return siteurl.rstrip("/") + "/" if siteurl else DEVELOPMENT_ROOT


def broken_links(output, siteurl=""):
    """Every internal link in `output` that no file answers, sorted by page then address.

    `siteurl` is the SITEURL the site was built with ("" for a development build).
    """
    output = Path(output)
    root = _root(siteurl)
    files = sorted(p for p in output.rglob("*") if p.is_file())
    pages, links = {}, []
    for path in files:
        relative = path.relative_to(output).as_posix()
        if path.suffix not in (".html", ".xml", ".css") and path.name != "robots.txt":
            continue
        own_url = root + relative
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            pages[relative] = _read_html(text)
            links += [(relative, url, own_url) for url in pages[relative].urls]
        else:
            links += [(relative, url, base) for url, base in _links_in(path, text, own_url)]
    broken = {Broken(page, url) for page, url, base in links
              if not _resolves(url, base, root, output, pages)}
    return sorted(broken)


def reachable(output, siteurl="", start="index.html"):
    """Every HTML page a reader reaches from `start` by following the site's own links, sorted;
    a story missing from it is an orphan no hub, list or pager leads to."""
    output, root = Path(output), _root(siteurl)
    seen, waiting = {start}, [start]
    while waiting:
        page = waiting.pop()
        for url in _read_html((output / page).read_text(encoding="utf-8", errors="replace")).urls:
            url = url.strip()
            found = not url.lower().startswith(NOT_FETCHED) and _in_site(url, root + page, root, output)
            if found and found[0].endswith(".html") and found[0] not in seen and (output / found[0]).is_file():
                seen.add(found[0])
                waiting.append(found[0])
    return sorted(seen)


def _in_site(url, base, root, output):
    """(output file, #fragment) an address leads to, or None when it leads outside the site."""
    address = urlsplit(urljoin(base, url))
    site = urlsplit(root)
    path = address.path + "/" if address.path + "/" == site.path else address.path  # SITEURL itself
    if (address.scheme, address.netloc) != (site.scheme, site.netloc) or not path.startswith(site.path):
        return None
    relative = unquote(path[len(site.path):])
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    if (output / relative).is_dir() and (output / relative / "index.html").is_file():  # Pages redirects dir -> dir/
        relative += "/index.html"
    return relative, unquote(address.fragment)


def _resolves(url, base, root, output, pages):
    url = url.strip()
    if not url or url.lower().startswith(NOT_FETCHED):
        return True
    found = _in_site(url, base, root, output)
    if found is None:
        # Outside the site: fine when written as a full address elsewhere, broken when a
        # relative or root-relative link climbs out of the base path.
        written = urlsplit(url)
        return bool(written.scheme or written.netloc)
    relative, fragment = found
    if not (output / relative).is_file():
        return False
    return not fragment or relative not in pages or fragment in pages[relative].ids
