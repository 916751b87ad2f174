"""Forked workers (plugins/build_speed/pool.py): every result, in order, with what each job logged.

Each test runs in a fresh Python process, as a build does: pytest's own threads would make
the pool work in turn (forking beside a running thread is unsafe), and Pelican's filter of
repeated log messages, loaded as in a build, must not swallow what a worker logged.
"""

import json
import subprocess
import sys

from conftest import ROOT

PRELUDE = """
import json, logging, os, sys
from functools import partial
import pelican.log  # Pelican's loggers, with their filter of repeated messages, as in a build
from build_speed.pool import run_all

logging.basicConfig(stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")

def warn(n):
    logging.getLogger("story").warning("story %d has no summary", n)
    return n
"""


def run(script):
    """(what the script printed as JSON, what it logged) in a fresh process."""
    done = subprocess.run([sys.executable, "-c", PRELUDE + script], capture_output=True, text=True,
                          cwd=ROOT / "plugins", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_results_come_in_the_order_of_the_jobs():
    results, _ = run("print(json.dumps([r for r, _ in run_all([partial(pow, n, 2) for n in range(200)], 2)]))")
    assert results == [n * n for n in range(200)]


def test_what_a_worker_logged_is_logged_here_once_and_handed_back():
    records, logged = run("print(json.dumps([records for _, records in run_all([partial(warn, n) for n in range(40)], 2)]))")
    assert records[3] == [["story", 30, "story 3 has no summary"]]
    assert logged.count("WARNING story: story 3 has no summary") == 1
    assert logged.count("has no summary") == 40


def test_jobs_run_in_turn_are_logged_once_and_handed_back():
    records, logged = run("print(json.dumps([records for _, records in run_all([partial(warn, n) for n in range(40)], 1)]))")
    assert records[3] == [["story", 30, "story 3 has no summary"]]
    assert logged.count("has no summary") == 40


def test_this_process_takes_its_share_of_the_jobs_rather_than_wait():
    (pids, main), _ = run("print(json.dumps([[pid for pid, _ in run_all([os.getpid] * 400, 2)], os.getpid()]))")
    assert pids.count(main) == 200

