"""Real-browser test: several analysts on the same server at once, each with their own scenario and saved set.

Three browser contexts (separate cookies and sessions) open different scenario links together, move the plant 1
slider with the keyboard in turns, and save a differently named scenario in the Compare tab. Each must see the cards
of its own scenario (the ones a fresh visitor to its address sees) and only its own saved scenarios: nothing leaks
between sessions through the caches or the session state. Marked ``browser``; needs ``/usr/bin/chromium``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

import sim
from sim import scenarios
from tests.conftest import BROWSER_MARKS, VIEWPORT

pytestmark = BROWSER_MARKS

STEP = sim.PARAMETERS["plant1.peak"].step  # one arrow key press moves the slider by the registry's step
CARD_COUNT = 8


@dataclass
class Analyst:
    """One browser session: its context, page, saved scenario name and the plant 1 peak it should show."""

    context: BrowserContext
    page: Page
    name: str
    peak: int

    def thumb(self) -> Locator:
        """The plant 1 peak slider's thumb."""
        return self.page.locator(".st-key-plant1-peak").get_by_role("slider")

    def cards(self) -> Locator:
        """The KPI card values."""
        return self.page.get_by_test_id("stMetricValue")

    def query(self) -> dict[str, list[str]]:
        """The page's current address's query parameters."""
        return parse_qs(urlsplit(self.page.url).query)


def _settled(page: Page) -> None:
    """Wait until the page has drawn its cards and no script run is going on."""
    expect(page.get_by_test_id("stMetricValue")).to_have_count(CARD_COUNT)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()


def _open(browser: Browser, url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    return context, page


def _move(analyst: Analyst, key: str) -> None:
    """Press an arrow key on the plant 1 slider and wait for the address to carry the new value."""
    analyst.peak += STEP if key == "ArrowRight" else -STEP
    thumb = analyst.thumb()
    thumb.focus()
    thumb.press(key)
    expect(analyst.page).to_have_url(re.compile(rf"[?&]plant1\.peak={analyst.peak}(&|$)"))
    expect(thumb).to_have_value(str(analyst.peak))


def _cards_for_address(browser: Browser, url: str) -> list[str]:
    """The KPI cards a fresh visitor sees at ``url``."""
    context, page = _open(browser, url)
    try:
        _settled(page)
        return page.get_by_test_id("stMetricValue").all_inner_texts()
    finally:
        context.close()


def _save(analyst: Analyst) -> None:
    """Type the analyst's name in the Compare tab's Name field and press Save scenario."""
    page = analyst.page
    name_field = page.locator(".st-key-compare-name").get_by_role("textbox")
    name_field.fill(analyst.name)
    name_field.press("Enter")
    expect(name_field).to_have_value(analyst.name)
    page.locator(".st-key-compare-save").get_by_role("button", name="Save scenario").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(f"Saved '{analyst.name}'.")


def _remove_button(analyst: Analyst, name: str) -> Locator:
    """The Remove button of the saved scenario ``name`` on the analyst's page (keyed by the name)."""
    key = re.sub(r"[^a-zA-Z0-9_-]", "-", f"compare.remove.{name}")
    return analyst.page.locator(f".st-key-{key}")


def _assert_sees_only_own(analyst: Analyst, everyone: list[Analyst]) -> None:
    """The analyst's Compare tab and address hold their own saved scenario and nobody else's."""
    expect(_remove_button(analyst, analyst.name)).to_have_count(1)
    for other in everyone:
        if other is not analyst:
            expect(_remove_button(analyst, other.name)).to_have_count(0)
            expect(analyst.page.get_by_text(other.name)).to_have_count(0)
    expect(analyst.page).to_have_url(re.compile(r"[?&]compare=" + re.escape(scenarios.LINK_PREFIX)))
    saved = sim.decode_scenarios(analyst.query()["compare"][-1])
    assert list(saved) == [analyst.name]
    assert saved[analyst.name]["plant1.peak"] == analyst.peak


def test_simultaneous_sessions_keep_their_own_scenarios_cards_and_saved_sets(server_url, browser):
    """Three sessions on different links move their sliders in turns and save: each sees only its own KPIs and
    saved scenarios, and its cards are those a fresh visitor to its address sees."""
    starts = {"alpha plan": 22000, "bravo plan": 30000, "charlie plan": 38000}
    analysts = []
    for name, peak in starts.items():  # all open before any of them is used
        context, page = _open(browser, f"{server_url}?plant1.peak={peak}&tab=Compare")
        analysts.append(Analyst(context, page, name, peak))
    try:
        for analyst in analysts:
            _settled(analyst.page)
            expect(analyst.thumb()).to_have_value(str(analyst.peak))

        moves = [["ArrowRight", "ArrowLeft", "ArrowRight"], ["ArrowRight", "ArrowLeft", "ArrowRight"]]
        for keys in moves:  # interleaved: one key press per session per round
            for analyst, key in zip(analysts, keys, strict=True):
                _move(analyst, key)
        assert [a.peak for a in analysts] == [23000, 29000, 39000]

        shown = {}
        for analyst in analysts:
            expected = _cards_for_address(browser, analyst.page.url)
            expect(analyst.cards()).to_have_text(expected)
            shown[analyst.name] = tuple(expected)
        assert len(set(shown.values())) == len(analysts), shown

        for analyst in analysts:
            _save(analyst)
        for analyst in analysts:
            _assert_sees_only_own(analyst, analysts)

        for analyst, key in zip(analysts, ["ArrowLeft", "ArrowRight", "ArrowRight"], strict=True):
            _move(analyst, key)  # moving on after saving changes the cards, not the saved set
        for analyst in analysts:
            _settled(analyst.page)
            expect(analyst.cards()).to_have_text(_cards_for_address(browser, analyst.page.url))
            saved = sim.decode_scenarios(analyst.query()["compare"][-1])
            assert list(saved) == [analyst.name] and saved[analyst.name]["plant1.peak"] != analyst.peak
            expect(_remove_button(analyst, analyst.name)).to_have_count(1)
    finally:
        for analyst in analysts:
            analyst.context.close()
