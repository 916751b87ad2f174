"""Which stories are picked under a story, and why: the related-stories core, without Pelican."""

import random

from related_stories.scoring import Config, Related, Story, related_for_all
from related_stories.wording import describe, heading

DAY = 86400.0


def story(slug, day, *about, pinned=(), published=True):
    """A story published on `day` (days since the epoch) about (field, name) pairs."""
    return Story(slug, day * DAY, tuple(about), tuple(pinned), published)


def film(name):
    return ("film", name)


def franchise(name):
    return ("franchise", name)


def person(name):
    return ("person", name)


def platform(name):
    return ("platform", name)


def tag(name):
    return ("tag", name)


def related(stories, slug, config=Config()):
    """The Related result of one story."""
    return related_for_all(stories, config)[[s.slug for s in stories].index(slug)]


def picked(stories, slug, config=Config()):
    """Slugs picked under one story, best first."""
    return [stories[p.index].slug for p in related(stories, slug, config).picks]


def scores(stories, slug, config=Config()):
    """Picked slug -> score, under one story."""
    return {stories[p.index].slug: p.score for p in related(stories, slug, config).picks}


# Weights


def test_a_shared_film_outweighs_a_shared_franchise():
    stories = [
        story("writer-signs", 100, film("Extraction 2"), franchise("Extraction")),
        story("first-film-review", 100, film("Extraction"), franchise("Extraction")),
        story("sequel-trailer", 100, film("Extraction 2"), franchise("Extraction")),
    ]
    assert picked(stories, "writer-signs") == ["sequel-trailer", "first-film-review"]


def test_two_films_of_one_franchise_relate_through_the_franchise():
    stories = [
        story("extraction-2-writer", 100, film("Extraction 2"), franchise("Extraction")),
        story("extraction-arrives", 90, film("Extraction"), franchise("Extraction")),
    ]
    assert picked(stories, "extraction-2-writer") == ["extraction-arrives"]


def test_each_shared_person_adds_to_the_score():
    stories = [
        story("russos-return", 100, person("Anthony Russo"), person("Joe Russo")),
        story("one-russo", 100, person("Joe Russo"), tag("x")),
        story("both-russos", 100, person("Anthony Russo"), person("Joe Russo")),
    ]
    assert picked(stories, "russos-return") == ["both-russos", "one-russo"]


def test_a_shared_platform_alone_is_below_the_threshold():
    stories = [story("a", 100, platform("Netflix"), film("A")), story("b", 100, platform("Netflix"), film("B"))]
    assert related(stories, "a").latest_on == "Netflix"  # only the fallback, never a "related" pick


def test_weights_come_from_the_config():
    stories = [
        story("a", 100, person("Keanu Reeves"), tag("action")),
        story("same-person", 100, person("Keanu Reeves")),
        story("same-tag", 100, tag("action")),
    ]
    assert picked(stories, "a") == ["same-person"]
    assert picked(stories, "a", Config(person=1, tag=5)) == ["same-tag"]


def test_names_match_by_identity_not_spelling():
    stories = [story("a", 100, person("Zoë Kravitz")), story("b", 100, person("zoe kravitz"))]
    assert picked(stories, "a") == ["b"]


# Recency


def test_nearer_in_time_scores_higher_when_everything_else_is_equal():
    stories = [
        story("now", 1000, film("Dune")),
        story("a-year-before", 635, film("Dune")),
        story("a-week-after", 1007, film("Dune")),
    ]
    found = scores(stories, "now", Config(per_film=5))
    assert found["a-week-after"] > found["a-year-before"]


def test_later_stories_are_picked_as_well_as_earlier_ones():
    stories = [story("greenlit", 100, film("Dune: Part Two")), story("opens", 900, film("Dune: Part Two"))]
    assert picked(stories, "greenlit") == ["opens"]


def test_recency_halves_its_bonus_every_half_life_and_never_goes_below_the_floor():
    config = Config(half_life_days=100, recency_floor=0.5)
    stories = [story("a", 0, film("F")), story("b", 100, film("F")), story("c", 100000, film("F"))]
    found = scores(stories, "a", config)
    assert found["b"] == config.film * 0.75  # floor 0.5 + half of the other 0.5
    assert round(found["c"], 6) == config.film * 0.5


def test_a_much_stronger_match_beats_a_much_nearer_one():
    stories = [
        story("now", 3000, film("Extraction 2"), person("Chris Hemsworth")),
        story("years-ago-same-film", 0, film("Extraction 2"), person("Chris Hemsworth")),
        story("yesterday-same-person", 2999, person("Chris Hemsworth")),
    ]
    assert picked(stories, "now") == ["years-ago-same-film", "yesterday-same-person"]


# Diversity


def test_no_more_than_two_picks_about_one_film_while_others_qualify():
    stories = [story("now", 100, film("Dune"), person("Denis Villeneuve"))]
    stories += [story(f"dune-{n}", 100 - n, film("Dune"), person("Denis Villeneuve")) for n in range(1, 6)]
    stories += [story("arrival", 10, film("Arrival"), person("Denis Villeneuve"))]
    assert picked(stories, "now") == ["dune-1", "dune-2", "arrival", "dune-3"]


def test_a_third_pick_about_one_film_fills_the_block_when_nothing_else_qualifies():
    stories = [story(f"dune-{n}", 100 - n, film("Dune")) for n in range(5)]
    assert picked(stories, "dune-0") == ["dune-1", "dune-2", "dune-3", "dune-4"]


def test_the_block_holds_count_picks():
    stories = [story(f"s{n}", n, person("Tom Cruise")) for n in range(10)]
    assert len(picked(stories, "s5")) == Config().count
    assert len(picked(stories, "s5", Config(count=2))) == 2


# Reasons


def test_each_pick_says_what_it_shares_strongest_first():
    stories = [
        story("writer", 100, film("Extraction 2"), franchise("Extraction"), person("Joe Russo"),
              person("Chris Hemsworth"), platform("Netflix"), tag("sequel")),
        story("review", 100, film("Extraction"), franchise("Extraction"), person("Chris Hemsworth"),
              platform("Netflix"), tag("sequel")),
    ]
    assert related(stories, "writer").picks[0].reasons == (
        ("franchise", "Extraction"), ("person", "Chris Hemsworth"), ("platform", "Netflix"), ("tag", "sequel"))


def test_people_are_given_in_the_order_the_story_names_them():
    stories = [
        story("a", 100, person("Tom Cruise"), person("Christopher McQuarrie")),
        story("b", 100, person("Christopher McQuarrie"), person("Tom Cruise")),
    ]
    assert [name for _, name in related(stories, "a").picks[0].reasons] == ["Tom Cruise", "Christopher McQuarrie"]


def test_reasons_read_in_the_readers_words():
    assert describe([("film", "Extraction"), ("person", "Chris Hemsworth")]) == (
        "Also about Extraction", "with Chris Hemsworth")
    assert describe([("franchise", "Extraction"), ("platform", "Netflix"), ("tag", "sequel")]) == (
        "Also in the Extraction franchise", "on Netflix", "tagged sequel")


def test_a_shared_film_goes_without_its_franchise_and_only_three_phrases_show():
    reasons = [("film", "Dune"), ("franchise", "Dune"), ("person", "Zendaya"), ("platform", "Max"), ("tag", "x")]
    assert describe(reasons) == ("Also about Dune", "with Zendaya", "on Max")


def test_many_names_are_counted_not_listed():
    people = [("person", name) for name in ("A", "B", "C")]
    assert describe(people) == ("With A, B and C",)
    assert describe(people + [("person", "D"), ("person", "E")]) == ("With A, B and 3 more",)


def test_a_franchise_named_the_something_reads_naturally():
    assert describe([("franchise", "The Lord of the Rings")]) == ("Also in the Lord of the Rings franchise",)


# Editor override


def test_pinned_stories_come_first_in_the_editors_order():
    stories = [
        story("a", 100, film("F"), pinned=["far-away", "unrelated"]),
        story("same-film", 100, film("F")),
        story("far-away", 1, film("G")),
        story("unrelated", 50),
    ]
    result = related(stories, "a")
    assert [stories[p.index].slug for p in result.picks] == ["far-away", "unrelated", "same-film"]
    assert [p.pinned for p in result.picks] == [True, True, False]


def test_a_pinned_story_is_not_listed_twice():
    stories = [story("a", 100, film("F"), pinned=["b", "b"]), story("b", 100, film("F"))]
    assert picked(stories, "a") == ["b"]


def test_pinned_stories_may_exceed_the_count():
    stories = [story("a", 100, pinned=["b", "c", "d"])] + [story(s, 100) for s in "bcd"]
    assert picked(stories, "a", Config(count=2)) == ["b", "c", "d"]


def test_an_unknown_self_or_unpublished_pin_is_reported_and_skipped():
    stories = [
        story("a", 100, film("F"), pinned=["nope", "a", "draft", "b"]),
        story("b", 100, film("F")),
        story("draft", 100, film("F"), published=False),
    ]
    result = related(stories, "a")
    assert [stories[p.index].slug for p in result.picks] == ["b"]
    assert result.bad_pins == (("nope", "does not exist"), ("a", "is this story itself"), ("draft", "is not published"))


# Never itself, a draft or a duplicate; deterministic


def test_a_story_is_never_related_to_itself():
    stories = [story("a", 100, film("F"), film("G"), person("P")), story("b", 100, film("F"))]
    assert "a" not in picked(stories, "a")


def test_unpublished_stories_are_never_picked_and_get_no_block():
    stories = [
        story("a", 100, film("F"), platform("Netflix")),
        story("draft", 100, film("F"), platform("Netflix"), published=False),
    ]
    assert picked(stories, "a") == []
    assert related(stories, "a").latest_on is None
    assert related(stories, "draft").picks == ()


def test_a_story_sharing_several_keys_is_picked_once():
    stories = [story("a", 100, film("F"), person("P"), tag("t")), story("b", 100, film("F"), person("P"), tag("t"))]
    assert picked(stories, "a") == ["b"]


def test_ties_are_broken_by_closeness_in_time_then_slug():
    stories = [
        story("now", 100, person("P")),
        story("zeta-before", 90, person("P")),
        story("alpha-after", 110, person("P")),
        story("beta-after", 110, person("P")),
        story("far", 10, person("P")),
    ]
    # Three are equally near (two of them on the same day): the slug decides.
    assert picked(stories, "now") == ["alpha-after", "beta-after", "zeta-before", "far"]


def test_the_input_order_does_not_change_the_picks():
    rng = random.Random(4)
    names = [film("F"), film("G"), person("P"), person("Q"), platform("N"), tag("t")]
    stories = [story(f"s{n:02}", rng.randrange(0, 50), *rng.sample(names, 3)) for n in range(30)]
    shuffled = stories[:]
    rng.shuffle(shuffled)

    def by_slug(records):
        return {s.slug: [(records[p.index].slug, p.score, p.reasons) for p in r.picks]
                for s, r in zip(records, related_for_all(records))}

    assert by_slug(stories) == by_slug(shuffled)


# Scale: very common keys


def test_a_very_common_key_only_adds_to_candidates_found_otherwise():
    config = Config(common=3, threshold=2, tag=2)
    stories = [story("a", 100, tag("news"), person("P"))]
    stories += [story(f"news-{n}", 100, tag("news")) for n in range(4)]  # "news" is on 5 stories: common
    stories += [story("same-person", 100, person("P"), tag("news"))]
    result = related(stories, "a", config)
    assert [stories[p.index].slug for p in result.picks] == ["same-person"]
    assert result.picks[0].reasons == (("person", "P"), ("tag", "news"))


# A story with nothing in common


def test_a_story_sharing_nothing_gets_the_latest_on_its_platform():
    stories = [
        story("lonely", 100, film("A"), platform("Peacock")),
        story("older", 50, film("B"), platform("Peacock")),
        story("newest", 300, film("C"), platform("Peacock")),
        story("elsewhere", 400, film("D"), platform("Netflix")),
    ]
    result = related(stories, "lonely")
    assert [stories[p.index].slug for p in result.picks] == ["newest", "older"]
    assert heading(result) == "Latest on Peacock"


def test_a_story_sharing_nothing_and_with_no_platform_gets_no_block():
    stories = [story("lonely", 100, film("A")), story("other", 100, film("B"), platform("Netflix"))]
    assert related(stories, "lonely") == Related()


def test_a_block_of_real_picks_is_headed_related_stories():
    stories = [story("a", 100, film("F")), story("b", 100, film("F"))]
    assert heading(related(stories, "a")) == "Related stories"
