"""Load script (not a test): N analysts at once, each moving a slider and waiting for the KPIs to change.

Run: ``python -m benchmarks.load --sessions 8 --seconds 60``. Starts the page on loopback, opens N separate
browser contexts (N Streamlit sessions) in headless Debian Chromium, each on its own scenario, and for a bounded
time has each one press an arrow key on a slider and time how long until the first KPI card shows a new value.
Prints the slider-to-KPI latency percentiles over all sessions and the number of errors. Traffic stays on
127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from playwright.async_api import async_playwright

from tools.streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_app

KPI = '[data-testid="stMetricValue"]'


async def _analyst(browser, url: str, index: int, slider_key: str, deadline: float, latencies: list, errors: list):
    context = await browser.new_context()
    page = await context.new_page()
    try:
        await page.goto(f"{url}/?plant1.ramp_months={8 + index % 10}", wait_until="domcontentloaded")
        await page.locator(KPI).first.wait_for(timeout=60_000)
        thumb = page.locator(f".st-key-{slider_key.replace('.', '-')}").get_by_role("slider")
        step = 0
        while time.monotonic() < deadline:
            before = await page.locator(KPI).first.inner_text()
            await thumb.focus()
            started = time.perf_counter()
            await thumb.press("ArrowRight" if step % 2 == 0 else "ArrowLeft")
            await page.wait_for_function(
                "([sel, old]) => { const e = document.querySelector(sel); return e && e.innerText !== old; }",
                arg=[KPI, before],
                timeout=30_000,
            )
            latencies.append(time.perf_counter() - started)
            step += 1
    except Exception as error:  # a load script reports failures instead of stopping at the first
        errors.append(f"session {index}: {type(error).__name__}: {str(error).splitlines()[0][:160]}")
    finally:
        await context.close()


async def run(sessions: int, seconds: float, slider_key: str) -> None:
    """Drive ``sessions`` concurrent sessions for ``seconds`` and print the figures."""
    with running_app() as (url, _server):
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            latencies: list[float] = []
            errors: list[str] = []
            deadline = time.monotonic() + seconds
            await asyncio.gather(
                *(_analyst(browser, url, i, slider_key, deadline, latencies, errors) for i in range(sessions))
            )
            await browser.close()
    print(f"{sessions} sessions x {seconds:.0f} s, slider '{slider_key}': {len(latencies)} slider moves")
    if latencies:
        q = statistics.quantiles(sorted(latencies), n=100, method="inclusive")
        print(
            f"slider-to-KPI latency: p50 {q[49] * 1000:.0f} ms, p90 {q[89] * 1000:.0f} ms, "
            f"p99 {q[98] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
        )
    print(f"errors: {len(errors)}")
    for line in errors:
        print("  " + line)


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--slider", default="plant1.peak")
    options = parser.parse_args()
    asyncio.run(run(options.sessions, min(options.seconds, 600.0), options.slider))


if __name__ == "__main__":
    main()
