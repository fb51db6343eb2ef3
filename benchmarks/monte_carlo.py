"""Monte Carlo speed: 10,000 draws in one batch against a Python loop of ``sim.simulate`` calls.

Run: ``python -m benchmarks.monte_carlo``. In 5 rounds, ``monte_carlo`` with 10,000 draws and a loop of
``sim.simulate`` over 200 drawn scenarios take turns (a slow spell of the shared machine hits both); it prints the
best time per draw of each, their ratio (target: 100x or more; 10,000 draws well under a second) and the ratio of
each round.

``python -m benchmarks.monte_carlo --memory`` instead prints the peak memory of the worst run a link can ask for
(10,000 draws, spread 0.6, horizon 2030-12), in chunks and, for comparison, in one batch: the peak of NumPy's and
Python's allocations during the call (tracemalloc) and the process's peak resident memory (``ru_maxrss``) above
what it held before the call. Target: 150 MB or less in chunks. Each case runs in a fresh process, so one
case's peak does not hide the next one's.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

import sim
from sim.uncertainty import draw_parameters, monte_carlo

DRAWS = 10_000
LOOP_DRAWS = 200
ROUNDS = 5  # batch and loop taking turns
WORST_END, WORST_SPREAD = "2030-12", 0.6


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


def peak_memory(chunk: int) -> tuple[float, float]:
    """(traced peak, rise of peak RSS) in MB of one worst-case 10,000-draw run with draws ``chunk`` at a time."""
    p = sim.Params().with_values({"end": WORST_END})
    monte_carlo(p, n=200, seed=1, spread=WORST_SPREAD)  # imports and first-call allocations out of the way
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    monte_carlo(p, n=DRAWS, seed=123_457, spread=WORST_SPREAD, chunk=chunk)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return traced / 1e6, (after - before) * 1024 / 1e6


def print_memory() -> None:
    """Peak memory of the worst link's Monte Carlo, chunked and in one batch, each in a fresh process."""
    for label, chunk in (("in chunks of 1,000 draws", 1000), ("in one batch (before the change)", DRAWS)):
        code = f"from benchmarks.monte_carlo import peak_memory; print(*peak_memory({chunk}))"
        traced, rss = map(float, subprocess.check_output([sys.executable, "-c", code], text=True).split())
        print(f"{DRAWS:,} draws to {WORST_END}, spread {WORST_SPREAD}, {label}:")
        print(f"    peak allocations {traced:7.1f} MB, peak RSS rise {rss:7.1f} MB")


def print_speed(rounds: int = ROUNDS) -> None:
    """Print the timings and their ratio, the batch and the loop taking turns so that a slow spell hits both."""
    p = sim.Params()
    monte_carlo(p, n=DRAWS, seed=0)  # warm-up: imports, caches, first allocations
    batches, loops = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        monte_carlo(p, n=DRAWS, seed=0)
        batches.append((time.perf_counter() - start) / DRAWS)
        loops.append(loop_of_simulate(p, LOOP_DRAWS) / LOOP_DRAWS)
    ratios = sorted(loop / batch for loop, batch in zip(loops, batches, strict=True))
    for label, per_draw, count in (
        (f"monte_carlo, {DRAWS:,} draws (chunks of 1,000):", min(batches), DRAWS),
        (f"loop of sim.simulate, {LOOP_DRAWS} draws:", min(loops), LOOP_DRAWS),
    ):
        print(f"{label:<40} {per_draw * count * 1000:8.1f} ms  ({per_draw * 1e6:7.1f} us/draw)  best of {rounds}")
    print(f"{'ratio per draw (loop / batch), best:':<40} {min(loops) / min(batches):8.0f}x")
    each = ", ".join(f"{r:.0f}x" for r in ratios)
    print(f"{'ratio in each round (taking turns):':<40} {each} (median {statistics.median(ratios):.0f}x)")


def main() -> None:
    """Print the speed figures, or with ``--memory`` the memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory", action="store_true", help="peak memory of the worst link's run instead")
    if parser.parse_args().memory:
        print_memory()
    else:
        print_speed()


if __name__ == "__main__":
    main()
