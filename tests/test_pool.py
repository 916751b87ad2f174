"""Forked workers (plugins/build_speed/pool.py): every result, in order, with what each job logged."""

import logging
import os
from functools import partial

from build_speed.pool import CHUNKS_PER_WORKER, run_all


def square(n):
    return n * n


def warn(n):
    logging.getLogger("story").warning("story %d has no summary", n)
    return n


def test_results_come_in_the_order_of_the_jobs():
    jobs = [partial(square, n) for n in range(200)]
    assert [result for result, _ in run_all(jobs, 2)] == [n * n for n in range(200)]


def test_what_a_worker_logged_is_logged_again_here(caplog):
    with caplog.at_level(logging.WARNING):
        done = list(run_all([partial(warn, n) for n in range(40)], 2))
    assert [records for _, records in done][3] == [("story", logging.WARNING, "story 3 has no summary")]
    assert sum("has no summary" in message for message in caplog.messages) == 40


def test_workers_are_replaced_after_a_few_chunks_so_none_holds_the_whole_site():
    done = list(run_all([os.getpid] * 400, 2))
    workers = {pid for pid, _ in done}
    assert os.getpid() not in workers
    assert len(workers) >= 2 * 8 // CHUNKS_PER_WORKER  # 2 processes x 8 chunks each


def test_one_process_runs_the_jobs_here():
    assert {pid for pid, _ in run_all([os.getpid] * 40, 1)} == {os.getpid()}
