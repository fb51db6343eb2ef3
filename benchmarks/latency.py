"""Key press to card text in Chromium: the page against a bare page with the same sidebar and one metric.

Run ``python -m benchmarks.latency``. Starts the page, ``benchmarks/bare_page.py`` and
``benchmarks/bare_page_first.py`` (its metric drawn before the sidebar, as the page draws its cards) as three real
Streamlit servers on loopback, opens each in headless Debian Chromium, and 30 times per page (taking turns) focuses
the ``plant1.peak`` slider, presses ArrowRight (a value not seen before, so the model runs) and times in the
browser, from the keydown event to the first DOM change that gives the first metric a new text. Prints p50 and p90
of each page and the page's ratio to each bare page (target: within 1.5x of the bare page). The servers and the
browser share the machine's cores, so the figures are for this machine as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics

from playwright.sync_api import sync_playwright

from tools.streamlit_server import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app

KPI = '[data-testid="stMetricValue"]'
TIMEOUT_MS = 30_000
# In the page: note the keydown time, then the time the first metric's text first differs from before.
ARM = """([selector, before]) => {
    window.__pressed = undefined; window.__changed = undefined;
    document.addEventListener('keydown', () => { window.__pressed = performance.now(); }, {capture: true, once: true});
    const observer = new MutationObserver(() => {
        const shown = document.querySelector(selector);
        if (shown && shown.innerText !== before && window.__pressed !== undefined) {
            window.__changed = performance.now();
            observer.disconnect();
        }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def open_page(browser, url: str, slider_key: str):
    """A fresh browser context on ``url`` with its metrics shown; (page, slider thumb)."""
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.locator(KPI).first.wait_for(timeout=60_000)
    thumb = page.locator(f".st-key-{slider_key.replace('.', '-')}").get_by_role("slider")
    return page, thumb


def press_to_text_ms(page, thumb) -> float:
    """Milliseconds from an ArrowRight keydown on the slider to the first metric showing a new text."""
    before = page.locator(KPI).first.inner_text()
    thumb.focus()
    page.evaluate(ARM, [KPI, before])
    thumb.press("ArrowRight")
    page.wait_for_function("window.__changed !== undefined", timeout=TIMEOUT_MS)
    return page.evaluate("window.__changed - window.__pressed")


PAGES = {  # name: (script, label)
    "page": ("app.py", "page (cards and two charts)"),
    "bare": ("benchmarks/bare_page.py", "bare page (same sidebar, one metric)"),
    "first": ("benchmarks/bare_page_first.py", "bare page, its metric drawn first"),
}


def run(presses: int, slider_key: str, query: str = "") -> None:
    """Interleave ``presses`` timed key presses on each page and print the percentiles and ratios."""
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    with contextlib.ExitStack() as stack, sync_playwright() as pw:
        urls = {name: stack.enter_context(running_app(script=ROOT / script))[0] for name, (script, _) in PAGES.items()}
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        urls["page"] += f"/?{query}" if query else ""
        pages = {name: open_page(browser, url, slider_key) for name, url in urls.items()}
        for name in pages:  # one untimed press each: first-rerun costs out of the way
            press_to_text_ms(*pages[name])
        names = list(pages)
        for i in range(presses):
            for name in names[i % len(names) :] + names[: i % len(names)]:  # each page leads in turn
                times[name].append(press_to_text_ms(*pages[name]))
        browser.close()
    stats = {}
    for name, (_, label) in PAGES.items():
        q = statistics.quantiles(times[name], n=10, method="inclusive")
        stats[name] = (statistics.median(times[name]), q[-1])
        print(f"{label:<38} p50 {stats[name][0]:6.0f} ms   p90 {stats[name][1]:6.0f} ms   ({presses} presses)")
    for floor in ("bare", "first"):
        ratio = f"ratio page / {PAGES[floor][1].split(' (')[0]}"
        print(f"{ratio:<38} p50 {stats['page'][0] / stats[floor][0]:6.2f}x    ", end="")
        print(f"p90 {stats['page'][1] / stats[floor][1]:6.2f}x")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--slider", default="plant1.peak")
    parser.add_argument("--query", default="", help="the page's link query, e.g. 'tab=Model' to open another tab")
    options = parser.parse_args()
    run(min(options.presses, 200), options.slider, options.query)


if __name__ == "__main__":
    main()
