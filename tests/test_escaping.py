"""A title or a name can never inject markup: it always renders as the text the editor typed."""

import pytest

from conftest import build, copy_fixture

HOSTILE_TITLE = 'Sequel "confirmed" <script>alert(1)</script> & more'
HOSTILE_PERSON = "<img src=x onerror=alert(2)>"
HOSTILE_SUMMARY = "Read <b onclick=alert(3)>this</b>"
HOSTILE_FILM = "</title><script>alert(4)</script>"

STORY = f"""---
title: '{HOSTILE_TITLE}'
date: 2022-02-02 12:00
film: "{HOSTILE_FILM}"
people: ["{HOSTILE_PERSON}"]
source: {{name: "<i>Outlet</i>", url: "javascript:alert(5)"}}
summary: "{HOSTILE_SUMMARY}"
tags: ["<u>tag</u>"]
---
Ordinary body.
"""


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    site = copy_fixture("mini", tmp)
    (site / "stories" / "2022").mkdir()
    (site / "stories" / "2022" / "hostile.md").write_text(STORY, encoding="utf-8")
    return build(site, tmp / "output")


def injected(soup):
    """Elements or attributes that only an injection could have produced (the page's own
    JSON-LD block is ours, as long as no '<' in it could have closed it early)."""
    return [
        *[s for s in soup.find_all("script") if s.get("type") != "application/ld+json" or "<" in s.get_text()],
        *soup.find_all(["img", "b", "i", "u"]),
        *soup.find_all(attrs={"onerror": True}),
        *soup.find_all(attrs={"onclick": True}),
        *soup.find_all(href=lambda h: h and h.lower().startswith("javascript:")),
    ]


@pytest.mark.parametrize("page", ["2022/02/hostile/index.html", "index.html", "tag/tag/index.html"])
def test_no_markup_is_injected(hostile, page):
    assert injected(hostile.page(page)) == []


def test_the_title_reads_as_typed(hostile):
    page = hostile.page("2022/02/hostile/index.html")
    shown = " ".join(page.h1.get_text().split())  # typogrify may join the last words with a no-break space
    assert shown == HOSTILE_TITLE.replace('"confirmed"', "\u201cconfirmed\u201d")
    assert page.title.get_text().startswith("Sequel")
    assert "<script>alert(1)</script>" in page.title.get_text()


def test_names_read_as_typed(hostile):
    text = hostile.page("2022/02/hostile/index.html").get_text()
    assert HOSTILE_PERSON in text and HOSTILE_FILM in text and "<i>Outlet</i>" in text


def test_a_javascript_source_url_is_reported_and_dropped(hostile):
    assert "hostile.md:6: error: source url 'javascript:alert(5)' is not an http(s) link" in hostile.stderr
