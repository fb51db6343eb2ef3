"""Monte Carlo speed: 10,000 draws in one batch against a Python loop of ``sim.simulate`` calls.

Run: ``python -m benchmarks.monte_carlo``. Prints, side by side, the best of a few timings of ``monte_carlo`` with
10,000 draws, the time per draw, the time per draw of a loop of ``sim.simulate`` over 200 drawn scenarios, and the
ratio of the two per-draw times (target: 100x or more; 10,000 draws well under a second).
"""

from __future__ import annotations

import time

import sim
from benchmarks.timing import wall_times
from sim.uncertainty import draw_parameters, monte_carlo

DRAWS = 10_000
LOOP_DRAWS = 200
REPEAT = 3


def best_seconds(function, repeat: int = REPEAT) -> float:
    """Shortest wall time of ``function()`` over ``repeat`` calls, after one warm-up call."""
    return min(wall_times(function, repeat))


def loop_of_simulate(p: sim.Params, n: int) -> float:
    """Seconds for ``sim.simulate`` once per drawn scenario, the way a loop over draws would do it."""
    drawn = draw_parameters(p, n=n, seed=0)
    whole = {k for k in drawn if sim.PARAMETERS[k].kind == "int"}  # Params wants whole numbers there
    scenarios = [
        p.with_values({k: round(v[i]) if k in whole else float(v[i]) for k, v in drawn.items()}) for i in range(n)
    ]
    start = time.perf_counter()
    for scenario in scenarios:
        sim.simulate(scenario)
    return time.perf_counter() - start


def main() -> None:
    """Print the timings and their ratio."""
    p = sim.Params()
    batch = best_seconds(lambda: monte_carlo(p, n=DRAWS, seed=0))
    loop_draws = min(loop_of_simulate(p, LOOP_DRAWS) for _ in range(REPEAT))
    per_draw_batch, per_draw_loop = batch / DRAWS, loop_draws / LOOP_DRAWS
    rows = (
        (f"monte_carlo, {DRAWS:,} draws in one batch:", batch, per_draw_batch),
        (f"loop of sim.simulate, {LOOP_DRAWS} draws:", loop_draws, per_draw_loop),
    )
    for label, seconds, per_draw in rows:
        print(f"{label:<40} {seconds * 1000:8.1f} ms  ({per_draw * 1e6:7.1f} us/draw)")
    print(f"{'ratio per draw (loop / batch):':<40} {per_draw_loop / per_draw_batch:8.0f}x")


if __name__ == "__main__":
    main()
