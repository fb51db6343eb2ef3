"""How long a full page rerun takes after a slider change, against a bare page with the same widgets.

Run ``python -m benchmarks.page``. Both pages run in Streamlit's AppTest (no browser, no network), each rerun
after moving ``plant1.peak`` to a value not seen before, so the model runs every time (no cache hit). The ratio
is the cost of the model, cards and charts on top of drawing the widgets.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"page": ROOT / "app.py", "bare": ROOT / "benchmarks" / "bare_page.py"}


def rerun_times(script: Path, repeats: int) -> list[float]:
    """Seconds per rerun of ``script`` after each of ``repeats`` fresh moves of the plant 1 peak slider."""
    app = AppTest.from_file(str(script), default_timeout=60).run()
    app.slider(key="plant1.peak").set_value(20000).run()  # warm imports and caches
    times = []
    for i in range(repeats):
        slider = app.slider(key="plant1.peak").set_value(30500 + 500 * i)
        start = time.perf_counter()
        slider.run()
        times.append(time.perf_counter() - start)
        if app.exception:
            raise RuntimeError(f"{script.name} raised: {app.exception[0].message}")
    return times


def main() -> None:
    """Print the median rerun time of the page and of the bare page, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    medians = {name: statistics.median(rerun_times(path, args.repeats)) for name, path in PAGES.items()}
    print(f"full page rerun after a slider change: {medians['page'] * 1000:7.1f} ms (median of {args.repeats})")
    print(f"bare page (same widgets, no model):    {medians['bare'] * 1000:7.1f} ms")
    print(f"ratio page / bare:                     {medians['page'] / medians['bare']:7.2f}")


if __name__ == "__main__":
    main()
