"""Real-browser checks of issue 12 that AppTest cannot see: what Chromium renders and fetches, and its history.

- A crafted link puts markdown into the warning banner and into saved scenario names: the page must render no
  link to the attacker's site and fetch no image from it (finding 1).
- Choosing a preset adds one entry to the browser's history, not one per lever (finding 6), and "Back to your
  previous scenario" restores the address the analyst had.

Marked ``browser``; needs ``/usr/bin/chromium`` (never ``playwright install``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

from playwright.sync_api import Page, expect

import sim
from tests.conftest import BROWSER_MARKS, VIEWPORT

pytestmark = BROWSER_MARKS

CARD_COUNT = 8
PHISHING = "[Session expired - sign in again](https://evil.example/login)"


def _settled(page: Page) -> None:
    """Wait until the page has drawn its cards and no script run is going on."""
    expect(page.get_by_test_id("stMetricValue")).to_have_count(CARD_COUNT)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()


def _query(page: Page) -> dict[str, list[str]]:
    """The page's address's query parameters (their order aside)."""
    return parse_qs(urlsplit(page.url).query)


def test_a_crafted_link_renders_no_foreign_link_and_fetches_no_foreign_image(server_url, browser):
    """The issue's phishing preset and image-named scenarios show as text: no <a> or <img> to their hosts, and
    the browser requests nothing from them."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    names = {
        "![p](http://pixel.example/p.png)": sim.Params(),
        "[Re-login](https://evil.example/)": sim.PRESETS["bull"],
        "https://evil.example/x www.evil.example me@evil.example": sim.PRESETS["bear"],
    }
    code = sim.encode_scenarios(names)
    page.goto(f"{server_url}?preset={quote(PHISHING)}&tab=Compare&compare={code}")
    _settled(page)
    expect(page.get_by_test_id("stAlertContentWarning")).to_contain_text("Session expired - sign in again")
    expect(page.get_by_text("Re-login")).not_to_have_count(0)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    assert page.locator("a[href*='evil.example']").count() == 0  # not even from a bare URL or e-mail address
    assert page.locator("img[src*='pixel.example']").count() == 0
    assert not [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]  # nothing fetched elsewhere
    context.close()


def test_a_preset_is_one_history_entry_and_back_restores_the_address(server_url, browser):
    """After a slider move, choosing 'bull' adds exactly one history entry; Back restores the levers' address."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{server_url}?patience_months=5")
    _settled(page)
    thumb = page.locator(".st-key-plant1-peak").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]plant1\.peak=\d+"))
    _settled(page)
    before_query, before_length = _query(page), page.evaluate("history.length")

    page.locator(".st-key-preset").get_by_role("combobox").click()
    page.get_by_role("option", name="Bull: bigger markets, faster plants", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]su7\.market_size="))
    _settled(page)
    assert page.evaluate("history.length") == before_length + 1

    page.locator(".st-key-back").get_by_role("button").click()
    expect(page).not_to_have_url(re.compile(r"preset=bull|su7\.market_size="))
    _settled(page)
    assert _query(page) == before_query
    context.close()
