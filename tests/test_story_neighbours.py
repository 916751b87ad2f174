"""Previous and next story in the same franchise."""

from story_neighbours.neighbours import neighbours


def test_each_story_links_to_the_nearest_older_and_newer_story_of_its_series():
    stories = ["a1", "b1", "a2", "-1", "b2", "a3"]  # oldest first; the letter is the franchise
    pairs = neighbours(stories, lambda s: None if s[0] == "-" else s[0])
    assert dict(zip(stories, pairs)) == {
        "a1": (None, "a2"), "b1": (None, "b2"), "a2": ("a1", "a3"),
        "-1": (None, None), "b2": ("b1", None), "a3": ("a2", None),
    }


def test_a_story_alone_in_its_series_has_no_neighbours():
    assert neighbours(["x"], lambda s: "only") == [(None, None)]
