"""How long one ``simulate()`` of the base scenario takes, and where the time goes.

Run: ``python -m benchmarks.simulate``. Prints the median of many runs for the whole call and, side by side, for
the NumPy core alone (``simulate_arrays``), so the cost of building the DataFrames is visible.
"""

from __future__ import annotations

import statistics

import sim
from benchmarks.timing import wall_times
from sim.calendar import month_range
from sim.model import batch_inputs, simulate_arrays


def median_ms(function, repeat: int = 200) -> float:
    """Median wall time of ``function()`` in milliseconds over ``repeat`` calls (after one warm-up call)."""
    return statistics.median(wall_times(function, repeat)) * 1000


def main() -> None:
    """Print the medians and their ratio."""
    p = sim.Params()
    n_months = len(month_range(p["end"]))
    whole = median_ms(lambda: sim.simulate(p))
    core = median_ms(lambda: simulate_arrays(batch_inputs(p), n_months))
    print(f"simulate(base), {n_months} months: median {whole:.2f} ms")
    print(f"  numpy core alone:              median {core:.2f} ms ({core / whole:.0%} of the call)")
    long = p.with_values({"end": "2030-12"})
    print(f"simulate(base to 2030-12):       median {median_ms(lambda: sim.simulate(long)):.2f} ms")


if __name__ == "__main__":
    main()
