"""How long one ``simulate()`` of each launch's base scenario takes, and where the time goes.

Run: ``python -m benchmarks.simulate``. Prints, for every packaged launch side by side (Xiaomi and Tesla's Model 3),
the median of many runs for the whole call, for the NumPy core alone (``simulate_arrays``), so the cost of building
the DataFrames is visible, and for the base run stretched to the launch's last allowed month.
"""

from __future__ import annotations

import statistics

import sim
from benchmarks.timing import wall_times
from sim.model import batch_inputs, simulate_arrays


def median_ms(function, repeat: int = 200) -> float:
    """Median wall time of ``function()`` in milliseconds over ``repeat`` calls (after one warm-up call)."""
    return statistics.median(wall_times(function, repeat)) * 1000


def figures(p: sim.Params) -> dict[str, str]:
    """The benchmark's figures for scenario ``p``, each as a printed cell."""
    months = p.package.months(p["end"])
    whole = median_ms(lambda: sim.simulate(p))
    core = median_ms(lambda: simulate_arrays(batch_inputs(p), len(months)))
    last = p.package.tables.last_month
    long = p.with_values({"end": last})
    return {
        "base run": f"{months[0]} to {months[-1]} ({len(months)} months)",
        "simulate(base)": f"median {whole:.2f} ms",
        "numpy core alone": f"median {core:.2f} ms ({core / whole:.0%} of the call)",
        "simulate(base to last month)": f"median {median_ms(lambda: sim.simulate(long)):.2f} ms (to {last})",
    }


def main() -> None:
    """Print the figures of every launch's base, one column per launch."""
    columns = {key: figures(sim.Params.base(key)) for key in sim.LAUNCHES}
    rows = next(iter(columns.values()))
    width = max(map(len, rows)) + 2
    cell = max(len(v) for c in columns.values() for v in c.values()) + 2
    print(" " * width + "".join(sim.launch_label(key).ljust(cell) for key in columns))
    for row in rows:
        print(row.ljust(width) + "".join(columns[key][row].ljust(cell) for key in columns))


if __name__ == "__main__":
    main()
