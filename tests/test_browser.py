"""Real-browser test: the served page in Chromium, a keyboard slider move, and the link opened by a colleague.

Marked ``browser``; it needs ``/usr/bin/chromium`` (never ``playwright install``). Run with
``pytest -m browser tests/test_browser.py``. With ``UPDATE_SCREENSHOT=1`` it also refreshes
``docs/screenshot.png`` for the README.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.conftest import BROWSER_MARKS, VIEWPORT

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshot.png"  # rewritten only with UPDATE_SCREENSHOT=1, so a test run leaves no diff

pytestmark = BROWSER_MARKS


def _kpi_values(page):
    return page.get_by_test_id("stMetricValue")


def test_slider_move_changes_kpis_and_link_and_the_link_reproduces_them(server_url, browser, tmp_path):
    """A keyboard slider move updates the cards and the address; that address shows the same cards elsewhere."""
    analyst = browser.new_context(viewport=VIEWPORT)
    page = analyst.new_page()
    page.goto(server_url)
    values = _kpi_values(page)
    expect(values).to_have_count(8)
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
    shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "screenshot.png"
    other.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    analyst.close()
    colleague.close()


def test_bad_link_shows_one_notice_in_the_browser(server_url, browser):
    """A hand-edited link with a garbage value shows one warning naming it, and the cards still render."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{server_url}?plant1.peak=lots&patience_months=5")
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(1)
    expect(page.get_by_test_id("stAlertContentWarning")).to_contain_text("plant1.peak")
    expect(_kpi_values(page)).to_have_count(8)
    expect(page).to_have_url(re.compile(r"patience_months=5"))
    context.close()


LAUNCHES_SHOT = ROOT / "docs" / "screenshot_launches.png"  # the Launches tab, for the README (UPDATE_SCREENSHOT=1)


def test_a_tesla_link_opens_the_model_3_and_a_slider_moves_it(server_url, browser, tmp_path):
    """?launch=tesla_model3 shows the Model 3's cards and levers; a keyboard move on its plant changes the cards
    and the link keeps the launch; its Launches tab draws the comparison with the scenario on screen."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{server_url}?launch=tesla_model3")
    values = _kpi_values(page)
    expect(values).to_have_count(8)
    expect(page.get_by_test_id("stMetricLabel").first).to_contain_text("2017 deliveries")
    expect(page.locator(".st-key-plant1-peak")).to_have_count(0)
    before = values.nth(1).inner_text()
    thumb = page.locator(".st-key-fremont-peak").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]fremont\.peak=\d+"))
    expect(page).to_have_url(re.compile(r"[?&]launch=tesla_model3"))
    expect(values.nth(1)).not_to_have_text(before)
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(0)
    page.get_by_role("tab", name="Launches").click()
    expect(page.get_by_text("Promises against outcomes")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(5)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()
    heading = page.get_by_text("on a common clock", exact=False).first
    heading.evaluate("element => element.scrollIntoView()")  # the sentence, the table and the cumulative chart
    shot = LAUNCHES_SHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "launches.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    context.close()
