"""One Monte Carlo at a time per server process, and the last results kept for every session.

A 10,000-draw run holds about 100 MB while it runs and a core for a second or more; eight at once used to take
3.9 GB. :class:`MonteCarloRunner` holds a lock, so runs go one after another, and a small least-recently-used
store of finished results, so the same settings never run twice. A session that finds the lock taken is told it
is queued and waits its turn, holding no model memory while it waits. No Streamlit here: the page keeps one
runner per process (``st.cache_resource``) and tests drive it from threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class MonteCarloRunner:
    """Runs computations one at a time and keeps the last ``entries`` results by key."""

    def __init__(self, entries: int) -> None:
        if entries < 1:
            raise ValueError(f"Parameter 'entries' must be at least 1, got {entries}.")
        self.entries = entries
        self._run_lock = threading.Lock()  # held while a run computes
        self._store_lock = threading.Lock()  # held while the store is read or changed
        self._results: OrderedDict[Hashable, Any] = OrderedDict()

    def cached(self, key: Hashable) -> Any | None:
        """The stored result for ``key`` (now the most recent), or None."""
        with self._store_lock:
            if key not in self._results:
                return None
            self._results.move_to_end(key)
            return self._results[key]

    def busy(self) -> bool:
        """Whether a run is computing right now."""
        return self._run_lock.locked()

    def run(self, key: Hashable, compute: Callable[[], Any], on_queued: Callable[[], None] | None = None) -> Any:
        """The result for ``key``: stored, or ``compute()`` once no other run is computing.

        Args:
            key: what identifies the result (scenario values and draw settings).
            compute: makes the result; called with the lock held, so never two at once in this process.
            on_queued: called once, before waiting, when another run holds the lock.
        """
        found = self.cached(key)
        if found is not None:
            return found
        if not self._run_lock.acquire(blocking=False):
            if on_queued is not None:
                on_queued()
            self._run_lock.acquire()
        try:
            found = self.cached(key)  # the run this one waited for may have had the same settings
            if found is None:
                found = compute()
                self._keep(key, found)
            return found
        finally:
            self._run_lock.release()

    def _keep(self, key: Hashable, result: Any) -> None:
        with self._store_lock:
            self._results[key] = result
            self._results.move_to_end(key)
            while len(self._results) > self.entries:
                self._results.popitem(last=False)
