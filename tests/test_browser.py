"""Real-browser test: the served page in Chromium, a keyboard slider move, and the link opened by a colleague.

Marked ``browser``; it needs ``/usr/bin/chromium`` (never ``playwright install``). Run with
``pytest -m browser tests/test_browser.py``. It also saves ``docs/screenshot.png`` for the README.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT = ROOT / "docs" / "screenshot.png"
VIEWPORT = {"width": 1440, "height": 1000}
START_TIMEOUT_S = 60
EXPECT_TIMEOUT_MS = 30_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    """Poll Streamlit's health endpoint until it answers (the server is up) or the deadline passes."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling the server's start, not waiting on the page
    raise RuntimeError("streamlit did not start in time")


@pytest.fixture(scope="module")
def server_url():
    """``streamlit run app.py`` on a free local port, for the duration of this module."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright's sync API."""
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _kpi_values(page):
    return page.get_by_test_id("stMetricValue")


def test_slider_move_changes_kpis_and_link_and_the_link_reproduces_them(server_url, browser):
    """A keyboard slider move updates the cards and the address; that address shows the same cards elsewhere."""
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    analyst = browser.new_context(viewport=VIEWPORT)
    page = analyst.new_page()
    page.goto(server_url)
    values = _kpi_values(page)
    expect(values).to_have_count(7)
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    before = values.first.inner_text()

    thumb = page.locator(".st-key-plant1-peak").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]plant1\.peak=\d+"))
    expect(values.first).not_to_have_text(before)
    expect(page.get_by_test_id("stCode")).to_contain_text("plant1.peak=")
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()
    shared_link, shown = page.url, values.all_inner_texts()

    colleague = browser.new_context(viewport=VIEWPORT)
    other = colleague.new_page()
    other.goto(shared_link)
    expect(_kpi_values(other)).to_have_text(shown)
    expect(other.locator(".st-key-plant1-peak").get_by_role("slider")).to_have_value(thumb.input_value())
    expect(other.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    other.screenshot(path=str(SCREENSHOT))
    analyst.close()
    colleague.close()


def test_bad_link_shows_one_notice_in_the_browser(server_url, browser):
    """A hand-edited link with a garbage value shows one warning naming it, and the cards still render."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{server_url}?plant1.peak=lots&patience_months=5")
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(1)
    expect(page.get_by_test_id("stAlertContentWarning")).to_contain_text("plant1.peak")
    expect(_kpi_values(page)).to_have_count(7)
    expect(page).to_have_url(re.compile(r"patience_months=5"))
    context.close()
