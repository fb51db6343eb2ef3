"""How long a full page rerun takes after a slider change, against a bare page with the same widgets.

Run ``python -m benchmarks.page``. Both pages run in Streamlit's AppTest (no browser, no network), each rerun
after moving ``plant1.peak`` to a value not seen before, so the model runs every time (no cache hit). The two pages
are interleaved in one run (page, bare, bare, page, ...), so a busy moment of the shared machine hits both alike.
The ratio is the cost of the model, cards and the open tab's charts on top of drawing the widgets (target 1.5x,
at most 2x). It also prints the time of ``sim.simulate`` alone for the same moves (the model engineer's share)
and the ratio without it. ``--profile`` also prints where the page's reruns spend their time (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

import sim

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"page": ROOT / "app.py", "bare": ROOT / "benchmarks" / "bare_page.py"}
SLIDER = "plant1.peak"


def warm_app(script: Path) -> AppTest:
    """``script`` in AppTest after a first run and one slider move (imports and caches warm)."""
    app = AppTest.from_file(str(script), default_timeout=60).run()
    app.slider(key=SLIDER).set_value(20000).run()
    return app


def timed_rerun(app: AppTest, value: int) -> float:
    """Seconds of one rerun of ``app`` after moving the slider to ``value``."""
    slider = app.slider(key=SLIDER).set_value(value)
    start = time.perf_counter()
    slider.run()
    seconds = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(f"rerun raised: {app.exception[0].message}")
    return seconds


def interleaved_times(repeats: int) -> dict[str, list[float]]:
    """Rerun times of each page, the pages taking turns (the order flips every round)."""
    apps = {name: warm_app(path) for name, path in PAGES.items()}
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    for i in range(repeats):
        for name in list(PAGES)[:: 1 if i % 2 == 0 else -1]:
            times[name].append(timed_rerun(apps[name], 30500 + 500 * i))
    return times


PROFILED = f"""
import cProfile, runpy, sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
profiler = st.session_state.setdefault("_profiler", cProfile.Profile())
profiler.enable()
try:
    runpy.run_path({str(PAGES["page"])!r}, run_name="__main__")
finally:
    profiler.disable()
"""  # the page under cProfile inside AppTest's script thread (a profiler only sees its own thread)


def model_times(repeats: int) -> list[float]:
    """Seconds of ``sim.simulate`` alone for the scenarios the page's timed reruns ran (the model's share)."""
    base = sim.Params()
    times = []
    for i in range(repeats):
        scenario = base.with_values({SLIDER: 30500 + 500 * i})
        start = time.perf_counter()
        sim.simulate(scenario)
        times.append(time.perf_counter() - start)
    return times


def profile_page(repeats: int, top: int = 30) -> None:
    """Print the functions of the page's own code the reruns spend most time in (cumulative, profiled)."""
    app = AppTest.from_string(PROFILED, default_timeout=60).run()
    app.slider(key=SLIDER).set_value(20000).run()
    app.session_state["_profiler"] = cProfile.Profile()  # count the measured reruns only
    for i in range(repeats):
        timed_rerun(app, 40500 + 500 * i)
    print(f"\nprofile of {repeats} page reruns (times inflated by the profiler):")
    pstats.Stats(app.session_state["_profiler"]).sort_stats("cumulative").print_stats(str(ROOT), top)


def main() -> None:
    """Print the median rerun time of the page and of the bare page, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    times = interleaved_times(args.repeats)
    medians = {name: statistics.median(values) for name, values in times.items()}
    p90 = {name: statistics.quantiles(values, n=10)[-1] for name, values in times.items()}
    print(f"interleaved, {args.repeats} reruns each, after a fresh move of '{SLIDER}' (AppTest):")
    print(
        f"full page rerun:                    median {medians['page'] * 1000:6.1f} ms, p90 {p90['page'] * 1000:6.1f} ms"
    )
    print(
        f"bare page (same widgets, no model): median {medians['bare'] * 1000:6.1f} ms, p90 {p90['bare'] * 1000:6.1f} ms"
    )
    print(f"ratio page / bare (medians):        {medians['page'] / medians['bare']:6.2f}x")
    model = statistics.median(model_times(args.repeats))
    print(f"of the page, sim.simulate alone:    median {model * 1000:6.1f} ms (same moves, timed after the pages)")
    print(f"ratio (page - simulate) / bare:     {(medians['page'] - model) / medians['bare']:6.2f}x")
    if args.profile:
        profile_page(args.repeats)


if __name__ == "__main__":
    main()
