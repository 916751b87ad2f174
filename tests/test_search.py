"""Search in a real browser: the shipped site, published under a base path, searched in chromium.

The site is built with SITEURL http://127.0.0.1:<port>/reelnews and served from the folder
above it, as a GitHub Pages project site is, so every address on the search page and in its
results must carry the /reelnews/ base path to work.
"""

import pytest
from bs4 import BeautifulSoup

from browser import serve
from conftest import build, copy_fixture

FILM = "Dune"  # a film of the shipped content with several stories, only some of them about a platform


# A story whose headline and summary hold markup: search results must show it as text.
MARKUP_STORY = """---
title: "Zanzibarquux <img src=x onerror='window.injected=1'> & <b>bold</b>"
date: 2024-01-01 10:00
summary: "Zanzibarquux <script>window.injected=1</script>"
---
Zanzibarquux, with a literal &lt;b&gt;tag&lt;/b&gt; in its text.
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(the build, its SITEURL): the shipped site, plus MARKUP_STORY, at http://127.0.0.1:<port>/reelnews/."""
    root = tmp_path_factory.mktemp("served")
    content = copy_fixture("shipped", tmp_path_factory.mktemp("content"))
    (content / "stories" / "2024" / "markup-in-headline.md").write_text(MARKUP_STORY, encoding="utf-8")
    with serve(root) as base:
        siteurl = base + "reelnews"
        site = build(content, root / "reelnews", settings="publishconf.py", env={"SITEURL": siteurl})
        assert site.returncode == 0, site.stderr
        yield site, siteurl


@pytest.fixture
def search_page(served, chromium):
    site, siteurl = served
    page = chromium.new_page()
    page.goto(f"{siteurl}/search/")
    page.wait_for_function("document.querySelectorAll('#filter-platform option').length > 1")
    yield page
    page.close()


def stories_about(site, siteurl):
    """Story address -> (films, platform), read from the built story pages' chips."""
    found = {}
    for path in site.output.glob("[0-9]*/[0-9]*/*/index.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        films = {a.get_text(strip=True) for a in page.select(".chips a") if "/film/" in a["href"]}
        platform = page.select_one("[data-pagefind-filter=platform]")
        url = siteurl + "/" + path.parent.relative_to(site.output).as_posix() + "/"
        found[url] = (films, platform.get_text(strip=True) if platform else None)
    return found


def listed(page):
    """The headlines' addresses the results list shows, once the status says how many match."""
    page.wait_for_function("/match/.test(document.getElementById('search-status').textContent)")
    return [link.get_attribute("href") for link in page.locator("#search-results h2 a").all()]


def absolute(page, hrefs):
    return {page.evaluate("href => new URL(href, location.href).href", href) for href in hrefs}


def test_typing_a_films_name_lists_its_stories(served, search_page):
    site, siteurl = served
    about = {url for url, (films, _) in stories_about(site, siteurl).items() if FILM in films}
    search_page.fill("#search-term", FILM)
    assert len(about) >= 3
    assert about <= absolute(search_page, listed(search_page))


def test_results_show_headline_date_and_franchise(search_page):
    search_page.fill("#search-term", FILM)
    listed(search_page)
    first = search_page.locator("#search-results li").first
    assert first.locator("h2 a").inner_text().strip()
    assert first.locator("time").get_attribute("datetime")[:4].isdigit()
    assert first.locator("time").inner_text().strip()
    assert FILM in {item.text_content() for item in search_page.locator("#search-results .kicker").all()}


def test_the_platform_filter_narrows_a_films_stories(served, search_page):
    site, siteurl = served
    about = stories_about(site, siteurl)
    platform = sorted(p for films, p in about.values() if FILM in films and p)[0]
    search_page.fill("#search-term", FILM)
    everything = absolute(search_page, listed(search_page))
    search_page.select_option("#filter-platform", platform)
    search_page.wait_for_function(
        "platform => document.getElementById('search-status').textContent.includes(platform)", arg=platform)
    narrowed = absolute(search_page, listed(search_page))
    assert narrowed and narrowed < everything
    assert {about[url][1] for url in narrowed} == {platform}


def test_results_link_under_the_base_path(served, search_page):
    _, siteurl = served
    search_page.fill("#search-term", FILM)
    links = absolute(search_page, listed(search_page))
    assert links and all(link.startswith(siteurl + "/") for link in links)
    search_page.goto(sorted(links)[0])
    assert search_page.locator("h1").inner_text().strip()


def test_a_search_can_be_shared_by_its_address(served, chromium):
    _, siteurl = served
    page = chromium.new_page()
    page.goto(f"{siteurl}/search/?q={FILM}")
    assert listed(page)
    assert page.input_value("#search-term") == FILM
    page.close()


def test_without_javascript_the_page_says_why_and_where_to_browse(served, chromium):
    _, siteurl = served
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{siteurl}/search/")
    message = page.locator(".search-needs-js")
    assert message.is_visible() and "needs JavaScript" in message.inner_text()
    assert not page.locator(".search-form").is_visible()
    hrefs = [a.get_attribute("href") for a in message.locator("a").all()]
    assert hrefs == [f"{siteurl}/{kind}/" for kind in ("franchises", "films", "people", "platforms")]
    context.close()


def test_a_headline_holding_markup_is_shown_as_text(search_page):
    search_page.fill("#search-term", "Zanzibarquux")
    assert len(listed(search_page)) == 1
    result = search_page.locator("#search-results li")
    assert "<img src=x" in result.locator("h2").inner_text()
    assert result.locator("img, script, b").count() == 0
    assert search_page.evaluate("window.injected") is None


def test_a_filter_alone_lists_its_stories_newest_first_across_years(served, search_page):
    site, siteurl = served
    about = stories_about(site, siteurl)
    platforms = [platform for _, platform in about.values() if platform]
    busiest = max(sorted(set(platforms)), key=platforms.count)
    search_page.select_option("#filter-platform", busiest)
    shown = absolute(search_page, listed(search_page))
    dates = search_page.locator("#search-results time").evaluate_all("times => times.map(t => t.dateTime)")
    assert shown == {url for url, (_, platform) in about.items() if platform == busiest}
    assert len({date[:4] for date in dates}) > 1
    assert dates == sorted(dates, reverse=True)


def test_the_year_filter_lists_that_years_stories_and_offers_years_newest_first(served, search_page):
    site, siteurl = served
    years = [option for option in search_page.locator("#filter-year option").all_inner_texts()[1:]]
    assert years == sorted(years, reverse=True) and len(years) > 1
    year = years[1]
    search_page.select_option("#filter-year", year)
    shown = absolute(search_page, listed(search_page))
    assert shown == {url for url in stories_about(site, siteurl) if url.startswith(f"{siteurl}/{year}/")}


def test_a_filter_alone_shows_each_storys_summary_not_its_headline_again(served, search_page):
    site, siteurl = served
    search_page.select_option("#filter-year", "2022")
    listed(search_page)
    first = search_page.locator("#search-results li").first
    url = first.locator("h2 a").evaluate("a => a.href")
    story = BeautifulSoup((site.output / url[len(siteurl) + 1:] / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert first.locator(".summary").inner_text().strip() == story.select_one(".standfirst").get_text().strip()


def test_words_found_are_marked_in_their_sentence(search_page):
    search_page.fill("#search-term", FILM)
    listed(search_page)
    assert FILM in search_page.locator("#search-results .summary mark").first.inner_text()
