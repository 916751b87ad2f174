"""Every page type of the shipped site in a real browser (Debian's chromium, headless).

The site is built once (the session's `shipped_site`) and served on 127.0.0.1. Each page
type must fit a phone and a desktop screen without sideways scrolling, load without a
console error, and pass axe-core's WCAG 2.2 AA rules in light and dark; a reader can go
from the home page to a story, its franchise, a person and on to another story by clicks.
Screenshots of every page type at 390 and 1280 px go to the session's temporary folder.
"""

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import page_types, serve, url_path

PAGE_TYPES = ["home", "home-page-2", "story", "franchise", "film", "person", "platform", "franchises", "films",
              "people", "platforms", "month", "archives", "tag", "search", "about", "404"]
WIDTHS = [360, 390, 1280, 1440]  # the narrowest phones to a wide desktop
SCREENSHOT_WIDTHS = (390, 1280)
WCAG = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def site(shipped_site):
    """(base URL, page type -> address) of the shipped site, served while the session lasts."""
    assert shipped_site.returncode == 0, shipped_site.stderr
    with serve(shipped_site.output) as base:
        yield base, page_types(shipped_site.output)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def axe():
    return Axe()


def address(site, page_type):
    base, types = site
    assert page_type in types, f"the build wrote no {page_type} page"
    return base + url_path(types[page_type])


def open_page(chromium, url, width, color_scheme="light"):
    """A fresh tab at `url`; returns (page, problems), where problems collects console
    errors, uncaught exceptions and failed requests."""
    page = chromium.new_page(viewport={"width": width, "height": 900}, color_scheme=color_scheme)
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"exception: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("response", lambda response: response.status >= 400 and problems.append(
        f"HTTP {response.status}: {response.url}"))
    response = page.goto(url, wait_until="load")
    assert response.ok, f"{url}: HTTP {response.status}"
    return page, problems


# The page's cumulative layout shift so far, as the browser measured it.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 50);
})"""


def violations(axe, page):
    """axe-core's WCAG 2.2 A/AA violations as readable lines: rule, what is wrong, where."""
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
            for v in result.response["violations"]]


@dataclass
class Seen:
    """What the browser found on one page type."""

    problems: list  # console errors, exceptions, failed requests
    layout_shift: float  # cumulative layout shift while loading, on a phone
    overflow: dict  # width -> pixels the page is wider than the screen
    light: list  # axe violations, light scheme, 1280 px
    dark: list  # axe violations, dark scheme, 390 px


@pytest.fixture(scope="session")
def seen(chromium, site, screenshots, axe):
    """page type -> Seen, each page loaded once and looked at every width and in both schemes."""
    found = {}

    def look(page_type):
        if page_type not in found:
            page, problems = open_page(chromium, address(site, page_type), WIDTHS[0])
            page.wait_for_load_state("networkidle")  # scripts (search) may fail after the load event
            layout_shift = page.evaluate(LAYOUT_SHIFT)
            overflow = {}
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                overflow[width] = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if width in SCREENSHOT_WIDTHS:
                    page.screenshot(path=screenshots / f"{page_type}-{width}.png", full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})
            light = violations(axe, page)
            page.emulate_media(color_scheme="dark")
            page.set_viewport_size({"width": 390, "height": 900})
            dark = violations(axe, page)
            page.close()
            found[page_type] = Seen(problems, layout_shift, overflow, light, dark)
        return found[page_type]

    return look


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_page_fits_every_screen_without_sideways_scrolling(seen, page_type):
    assert seen(page_type).overflow == {width: 0 for width in WIDTHS}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_page_loads_without_console_errors(seen, page_type):
    assert seen(page_type).problems == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nothing_moves_while_the_page_loads(seen, page_type):
    assert seen(page_type).layout_shift == 0


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_wcag_violation(seen, page_type):
    assert seen(page_type).light == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_wcag_violation_in_dark_mode_on_a_phone(seen, page_type):
    assert seen(page_type).dark == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(chromium, site):
    page, _ = open_page(chromium, address(site, "story"), 390)
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.textContent, document.activeElement.getBoundingClientRect().top >= 0]")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    page.close()
    assert skip == ["Skip to content", True]
    assert focused == "main"


def test_a_focused_link_shows_a_visible_outline(chromium, site):
    page, _ = open_page(chromium, address(site, "story"), 1280)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the skip link, to the site's name
    outline = page.evaluate("(({outlineStyle, outlineWidth}) => [outlineStyle, outlineWidth])"
                            "(getComputedStyle(document.activeElement))")
    page.close()
    assert outline == ["solid", "3px"]


def click_through(page, link):
    """Click a link as a reader does and wait for the next page."""
    with page.expect_navigation():
        link.click()
    return page


def test_a_reader_goes_from_home_to_a_story_its_franchise_a_person_and_another_story(chromium, site):
    page, problems = open_page(chromium, address(site, "home"), 1280)

    click_through(page, page.locator(".teaser:has(.kicker) h2 a").first)
    first_story = page.url
    franchise = page.locator(".story-head .kicker a")
    franchise_name = franchise.text_content().strip()  # as written, not as styled
    assert page.locator("article.story h1").is_visible()

    click_through(page, franchise)
    assert page.locator("h1").text_content().strip() == franchise_name
    people = [link.get_attribute("href") for link in page.locator("main a[href*='person/']").all()]
    assert people, "the franchise hub links no person"

    for person in people:  # the first person whose hub lists a story besides the first one
        click_through(page, page.locator(f"main a[href='{person}']").first)
        person_name = page.locator("h1").text_content().strip()
        others = [link for link in page.locator(".teaser h2 a").all()
                  if page.evaluate("href => new URL(href, location.href).href", link.get_attribute("href")) != first_story]
        if others:
            break
        page.go_back()
    else:
        pytest.fail(f"no person on the {franchise_name} hub has a second story")

    click_through(page, others[0])
    assert page.url != first_story
    assert page.locator("article.story h1").is_visible()
    assert person_name in page.locator(".chips").text_content()
    page.close()
    assert problems == []
