"""Memory script (not a test): many distinct scenarios through the page; the server's memory must level off.

Run: ``python -m benchmarks.memory --scenarios 300``. Starts the page on loopback and opens one fresh browser
session per scenario (each link a different plant-1 peak and ramp, so every one is a new simulation and a new
cache entry), waits for its KPIs, closes it, and samples the server's resident memory (VmRSS) as it goes. The
page's caches have explicit bounds, so the growth over the second half should be small next to the first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tools.streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_app

KPI = '[data-testid="stMetricValue"]'


def rss_mib(pid: int) -> float:
    """Resident memory of process ``pid`` in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def run(scenarios: int, sample_every: int) -> None:
    """Open ``scenarios`` distinct links one after another and print the memory samples."""
    samples: list[tuple[int, float]] = []
    errors = 0
    with running_app() as (url, server), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        samples.append((0, rss_mib(server.pid)))
        for i in range(1, scenarios + 1):
            context = browser.new_context()
            page = context.new_page()
            peak, ramp = 20000 + 500 * (i % 120), 6 + (i // 120)
            try:
                page.goto(f"{url}/?plant1.peak={peak}&plant1.ramp_months={ramp}", wait_until="domcontentloaded")
                page.locator(KPI).first.wait_for(timeout=60_000)
            except PlaywrightError as error:  # report and go on: one slow page says nothing about memory
                errors += 1
                print(f"scenario {i}: {type(error).__name__}: {str(error).splitlines()[0][:120]}", flush=True)
            context.close()
            if i % sample_every == 0:
                samples.append((i, rss_mib(server.pid)))
                print(f"after {i:4d} scenarios: server RSS {samples[-1][1]:7.1f} MiB", flush=True)
        browser.close()
    warm, middle, last = samples[1], samples[(len(samples) - 1) // 2], samples[-1]  # from the first sample on
    print(f"server RSS before any page: {samples[0][1]:.1f} MiB")
    print(f"growth from {warm[0]} to {middle[0]} scenarios: {middle[1] - warm[1]:+.1f} MiB; ", end="")
    print(f"from {middle[0]} to {last[0]}: {last[1] - middle[1]:+.1f} MiB")
    print(f"pages that did not show their KPIs within 60 s: {errors}")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=300)
    parser.add_argument("--sample-every", type=int, default=25)
    options = parser.parse_args()
    run(min(options.scenarios, 2000), options.sample_every)


if __name__ == "__main__":
    main()
