"""`make devserver`: an edited story or registry entry shows up on the served site by itself."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT, copy_fixture


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture(scope="module")
def devserver(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("devserver")
    content = copy_fixture("mini", tmp)
    port = free_port()
    process = subprocess.Popen(
        ["make", "-s", "devserver", f"INPUTDIR={content}", f"OUTPUTDIR={tmp / 'output'}", f"PORT={port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Dead Reckoning" in fetch(base)), "the devserver never served the site"
        yield content, base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_served_pages_carry_the_reload_script(devserver):
    _, base = devserver
    assert "livereload" in fetch(base)


def test_an_edited_story_is_rebuilt(devserver):
    content, base = devserver
    story = content / "stories" / "2023" / "dead-reckoning.md"
    story.write_text(story.read_text(encoding="utf-8").replace("Dead Reckoning opens", "Dead Reckoning sails"),
                     encoding="utf-8")
    assert wait_for(lambda: "Dead Reckoning sails" in fetch(base + "2023/07/dead-reckoning/"))


def test_a_registry_change_is_rebuilt(devserver):
    content, base = devserver
    people = content / "data" / "people.yaml"
    renamed = people.read_text(encoding="utf-8").replace(
        "- name: Tom Cruise", "- name: Thomas Cruise Mapother\n  aliases: [Tom Cruise]")
    people.write_text(renamed, encoding="utf-8")  # the story still says Tom Cruise: now an alias
    assert wait_for(lambda: "Thomas Cruise Mapother" in fetch(base + "2023/07/dead-reckoning/"))
