"""The related block under every story: what a reader sees on the built site."""

import posixpath
import textwrap

import pytest

from conftest import build, copy_fixture

# The quality table: for chosen shipped stories, the stories that must lead the block, and why;
# then one pick with the reason the reader must see beside it.
QUALITY = [
    pytest.param("extraction-2-joe-russo-writes",
                 {"extraction-2-streams-on-netflix", "extraction-3-in-development", "extraction-arrives-on-netflix"},
                 ("extraction-arrives-on-netflix", "Also in the Extraction franchise"),
                 id="the Extraction 2 writing deal lists the other Extraction stories first"),
    pytest.param("knives-out-opens", {"glass-onion-one-week-theatrical", "netflix-buys-knives-out-sequels"},
                 ("glass-onion-one-week-theatrical", "Also in the Knives Out franchise"),
                 id="Glass Onion is another film, related through the Knives Out franchise in the registry"),
    pytest.param("dune-part-two-greenlit", {"dune-part-two-opens"},
                 ("dune-part-two-opens", "Also about Dune: Part Two"),
                 id="what happened next: the greenlit sequel opening, years later"),
    pytest.param("avengers-doomsday-cast", {"russos-return-avengers-doomsday", "december-18-doomsday-dune-part-three"},
                 ("russos-return-avengers-doomsday", "Also about Avengers: Doomsday"),
                 id="the Doomsday cast story lists the other Doomsday stories first"),
    pytest.param("john-wick-3-tops-box-office", {"john-wick-chapter-4-opens", "ballerina-opens"},
                 ("ballerina-opens", "Also in the John Wick franchise"),
                 id="the spin-off Ballerina belongs with the John Wick stories"),
    pytest.param("dead-reckoning-part-one-opens",
                 {"final-reckoning-opens", "mission-impossible-seven-and-eight-back-to-back"},
                 ("mission-impossible-seven-and-eight-back-to-back",
                  "Also about Mission: Impossible – Dead Reckoning Part One"),
                 id="Dead Reckoning leads to the back-to-back shoot and to its sequel"),
    pytest.param("halloween-kills-peacock", {"halloween-ends-peacock"},
                 ("halloween-ends-peacock", "with Jamie Lee Curtis, David Gordon Green and 2 more"),
                 id="Halloween Kills leads to Halloween Ends, with the people they share"),
    pytest.param("borat-golden-globes", {"borat-subsequent-moviefilm-prime-video"},
                 ("borat-subsequent-moviefilm-prime-video", "on Prime Video"),
                 id="the Borat awards story leads back to the film's release"),
]


def story_path(site, slug):
    [path] = site.files(f"*/*/{slug}/index.html")
    return path


def related_block(site, slug):
    """(heading, [(picked slug, reasons text)]) of a story page, or None without a block."""
    path = story_path(site, slug)
    aside = site.page(path).select_one("aside.related")
    if aside is None:
        return None
    picks = []
    for item in aside.select("li"):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), item.a["href"]))
        picks.append((target.rsplit("/", 1)[-1], item.select_one(".reasons").get_text(" ", strip=True)))
    return aside.h2.get_text(strip=True), picks


def story_slugs(site):
    return [path.split("/")[-2] for path in site.files("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")]


@pytest.mark.parametrize(("slug", "leaders", "reason"), QUALITY)
def test_quality_table(shipped_site, slug, leaders, reason):
    _, picks = related_block(shipped_site, slug)
    assert {picked for picked, _ in picks[: len(leaders)]} == leaders
    picked, why = reason
    assert why in dict(picks)[picked]


def test_every_shipped_story_shows_related_stories_with_reasons(shipped_site):
    slugs = story_slugs(shipped_site)
    assert len(slugs) >= 30
    for slug in slugs:
        heading, picks = related_block(shipped_site, slug)
        assert heading == "Related stories", slug
        assert picks and all(why for _, why in picks), slug


def test_every_related_link_opens_another_published_story_once(shipped_site):
    for slug in story_slugs(shipped_site):
        path = story_path(shipped_site, slug)
        for item in shipped_site.page(path).select("aside.related li a"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), item["href"], "index.html"))
            assert shipped_site.exists(target), (slug, item["href"])
        picked = [picked for picked, _ in related_block(shipped_site, slug)[1]]
        assert slug not in picked
        assert len(picked) == len(set(picked))


def test_no_more_than_two_picks_are_about_one_film(shipped_site):
    for slug in story_slugs(shipped_site):
        phrases = [why.split(" · ")[0] for _, why in related_block(shipped_site, slug)[1]]
        films = [phrase for phrase in phrases if phrase.startswith("Also about")]
        assert all(films.count(phrase) <= 2 for phrase in films), slug


# A copy of the shipped site with an editor's pins, a bad pin, a draft and two lonely stories.

EXTRA = {
    "pinned.md": """\
        ---
        title: Extraction 3 adds a villain
        date: 2026-02-02 09:00
        film: Extraction 3
        people: [Chris Hemsworth]
        related: [rise-of-skywalker-opens, extraction-arrives-on-netflix]
        summary: Casting news.
        ---
        Text.
        """,
    "bad-pin.md": """\
        ---
        title: Extraction 3 starts shooting
        date: 2026-02-03 09:00
        film: Extraction 3
        related: [extraction-arrives-on-netflx]
        summary: Shooting news.
        ---
        Text.
        """,
    "secret-draft.md": """\
        ---
        title: A draft about Extraction 2
        date: 2026-02-04 09:00
        status: draft
        film: Extraction 2
        people: [Chris Hemsworth, Sam Hargrave]
        platform: Netflix
        summary: Not yet.
        ---
        Text.
        """,
    "lonely-on-peacock.md": """\
        ---
        title: Peacock redesigns its app
        date: 2026-02-05 09:00
        platform: Peacock
        summary: Nothing to do with any film.
        ---
        Text.
        """,
    "lonely-nowhere.md": """\
        ---
        title: A letter from the editor
        date: 2026-02-06 09:00
        summary: Nothing to do with anything.
        ---
        Text.
        """,
    "markup-one.md": """\
        ---
        title: A name with markup
        date: 2026-02-07 09:00
        people: ["<b>Bold</b> Newcomer"]
        summary: Escaping.
        ---
        Text.
        """,
    "markup-two.md": """\
        ---
        title: The same name again
        date: 2026-02-08 09:00
        people: ["<b>Bold</b> Newcomer"]
        summary: Escaping.
        ---
        Text.
        """,
}


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("related")
    content = copy_fixture("shipped", tmp)
    (content / "stories" / "2026").mkdir(exist_ok=True)
    for name, text in EXTRA.items():
        (content / "stories" / "2026" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return build(content, tmp / "output")


def test_pinned_stories_come_first_marked_as_the_editors_pick(edited_site):
    _, picks = related_block(edited_site, "pinned")
    assert [picked for picked, _ in picks[:2]] == ["rise-of-skywalker-opens", "extraction-arrives-on-netflix"]
    assert picks[0][1] == "Editor’s pick"
    assert picks[1][1].startswith("Editor’s pick · Also in the Extraction franchise")
    assert "extraction-3-in-development" in [picked for picked, _ in picks[2:]]


def test_an_unknown_pinned_slug_is_an_error_naming_the_file_and_line(edited_site):
    assert ("shipped/stories/2026/bad-pin.md:5: error: related story 'extraction-arrives-on-netflx' "
            "does not exist; did you mean 'extraction-arrives-on-netflix'?") in edited_site.stderr


def test_a_story_with_a_bad_pin_still_builds_with_its_related_block(edited_site):
    _, picks = related_block(edited_site, "bad-pin")
    assert "extraction-3-in-development" in [picked for picked, _ in picks]


def test_a_draft_is_never_picked(edited_site):
    assert not edited_site.files("*/*/secret-draft/index.html")
    for slug in story_slugs(edited_site):
        block = related_block(edited_site, slug)
        assert block is None or "secret-draft" not in [picked for picked, _ in block[1]]


def test_a_story_sharing_nothing_shows_the_latest_on_its_platform(edited_site):
    heading, picks = related_block(edited_site, "lonely-on-peacock")
    assert heading == "Latest on Peacock"
    assert [picked for picked, _ in picks] == ["halloween-ends-peacock", "halloween-kills-peacock"]


def test_a_story_sharing_nothing_without_a_platform_has_no_block_and_no_heading(edited_site):
    page = edited_site.page(story_path(edited_site, "lonely-nowhere"))
    assert page.select_one("aside.related") is None
    assert "Related stories" not in page.get_text()


def test_names_in_reasons_are_text_never_markup(edited_site):
    page = edited_site.page(story_path(edited_site, "markup-one"))
    reasons = page.select_one("aside.related .reasons")
    assert reasons.find("b") is None
    assert reasons.get_text() == "With <b>Bold</b> Newcomer"
