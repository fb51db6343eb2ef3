"""Shared fixtures. For the real-browser tests: the page served on loopback and Debian's Chromium.

``server_url`` and ``browser`` are module-scoped, so each browser test module gets its own server. Browser test
modules set ``pytestmark = BROWSER_MARKS``. Never ``playwright install``: the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import os

import pytest

from tools.streamlit_server import CHROMIUM, CHROMIUM_ARGS, running_app

VIEWPORT = {"width": 1440, "height": 1000}
EXPECT_TIMEOUT_MS = 30_000

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server_url():
    """``streamlit run app.py`` on a free loopback port for the module; its URL ends with '/'."""
    with running_app() as (url, _server):
        yield url + "/"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright's sync API."""
    playwright = pytest.importorskip("playwright.sync_api")
    playwright.expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
