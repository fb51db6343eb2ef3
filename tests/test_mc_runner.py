"""The Monte Carlo runner: one run at a time per process, queued sessions told so, results kept and bounded."""

from __future__ import annotations

import threading

import pytest

from ui.mc_runner import MonteCarloRunner

WAIT_S = 10  # generous bound on thread hand-offs; the test never sleeps


def test_lock_serialises_two_concurrent_runs():
    """A second run that starts while the first computes is told it is queued and computes only after it."""
    runner = MonteCarloRunner(entries=4)
    first_started, release_first, second_queued = threading.Event(), threading.Event(), threading.Event()
    events: list[str] = []

    def first() -> str:
        events.append("first starts")
        first_started.set()
        assert release_first.wait(WAIT_S)
        events.append("first ends")
        return "a"

    def second() -> str:
        events.append("second starts")
        return "b"

    results = {}
    one = threading.Thread(target=lambda: results.setdefault("one", runner.run("a", first)))
    two = threading.Thread(target=lambda: results.setdefault("two", runner.run("b", second, second_queued.set)))
    one.start()
    assert first_started.wait(WAIT_S) and runner.busy()
    two.start()
    assert second_queued.wait(WAIT_S)
    assert events == ["first starts"]  # queued, not computing
    release_first.set()
    one.join(WAIT_S)
    two.join(WAIT_S)
    assert events == ["first starts", "first ends", "second starts"]
    assert results == {"one": "a", "two": "b"} and not runner.busy()


def test_same_key_runs_once():
    """A result is computed once and then served from the store."""
    runner = MonteCarloRunner(entries=2)
    calls = []
    for _ in range(3):
        assert runner.run("k", lambda: calls.append(1) or "value") == "value"
    assert len(calls) == 1 and runner.cached("k") == "value"


def test_store_keeps_the_most_recent_entries():
    """The least recently used result goes first once the store is full."""
    runner = MonteCarloRunner(entries=2)
    runner.run("a", lambda: 1)
    runner.run("b", lambda: 2)
    runner.cached("a")
    runner.run("c", lambda: 3)
    assert runner.cached("b") is None and runner.cached("a") == 1 and runner.cached("c") == 3


def test_a_failed_run_releases_the_lock():
    """An exception in a run reaches the caller and the next run still goes ahead."""
    runner = MonteCarloRunner(entries=1)
    with pytest.raises(RuntimeError):
        runner.run("x", lambda: (_ for _ in ()).throw(RuntimeError("boom")))
    assert not runner.busy() and runner.run("x", lambda: 5) == 5
