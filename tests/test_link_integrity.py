"""Link integrity of the whole shipped site, as built for development and for publishing.

No internal href or src leads nowhere, every story can be reached from the home page by
following links (hubs, lists, pagers), and every page has a title.
(tests/test_links.py specifies the link checker itself on small hand-made sites.)
"""

import re

import pytest

from site_files.links import broken_links, reachable

SITEURL = {"shipped_site": "", "shipped_publish": "https://example.github.io/reelnews"}
STORY = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


@pytest.fixture(params=sorted(SITEURL))
def site(request):
    """(the built site, the SITEURL it was built with), once for each settings file."""
    built = request.getfixturevalue(request.param)
    assert built.returncode == 0, built.stderr
    return built, SITEURL[request.param]


def test_no_internal_link_is_broken(site):
    built, siteurl = site
    assert [str(b) for b in broken_links(built.output, siteurl)] == []


def test_every_story_is_reached_from_the_home_page(site):
    built, siteurl = site
    stories = [name for name in built.files() if STORY.match(name)]
    assert len(stories) >= 30
    assert sorted(set(stories) - set(reachable(built.output, siteurl))) == []


def test_every_hub_is_reached_from_the_home_page(site):
    built, siteurl = site
    hubs = built.files("[fp]*/*/index.html")  # film, franchise, person, platform
    assert hubs and sorted(set(hubs) - set(reachable(built.output, siteurl))) == []


def test_every_page_has_a_title(site):
    built, _ = site
    untitled = [name for name in built.files() if not (title := built.page(name).title) or not title.get_text().strip()]
    assert untitled == []
