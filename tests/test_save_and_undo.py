"""Findings 4 and 6 of issue 12: Save and Export never store another scenario than the one on screen, and a preset,
an upload or a reset can be taken back.

- While the levers are inconsistent the page shows the last valid scenario; Save and the bundle download are then
  off with the reason shown, and a save that still arrives is refused (before: "Saved 'my edit'." with the last
  valid scenario stored).
- Choosing a preset, uploading a scenario or resetting keeps the scenario before it; "Back to your previous
  scenario" restores it exactly, link included. Such a change reaches the browser as one new address (one history
  entry), not one per lever (before: 8 half-applied entries).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.state.query_params import QueryParams
from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read, widget
from ui import link, saved, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")
BULL = sim.PRESETS["bull"]


def open_page(query: dict[str, str] | None = None) -> AppTest:
    """A fresh session of the page opened with ``query``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query or {})
    return app.run()


def levers(app: AppTest) -> dict[str, object]:
    """Every parameter widget's value, by name."""
    return {name: widget(app, name).value for name in sim.PARAMETERS}


def link_levers(app: AppTest) -> dict[str, object]:
    """The parameter values the page's address holds (AppTest's address holds what the server wrote)."""
    query = app.query_params
    return {k: link.parse_url_value(sim.PARAMETERS[k], query[k]) for k in query if k in sim.PARAMETERS}


def non_default(values: dict[str, object]) -> dict[str, object]:
    """The values that differ from the defaults: what a link to them holds."""
    return {k: v for k, v in values.items() if v != sim.PARAMETERS[k].default}


def inconsistent_compare_page() -> AppTest:
    """The Compare tab after a valid move (plant 1 at 40,000) and then an inconsistent one (YU7 launch too early)."""
    app = open_page({widgets.TAB_KEY: "Compare"})
    app.slider(key="plant1.peak").set_value(40000).run()
    app.select_slider(key="yu7.launch").set_value("2024-04").run()
    assert len(app.error) == 1
    return app


def test_save_and_export_are_off_while_the_levers_are_inconsistent():
    """With the error banner showing, Save and the download are disabled and the caption says why."""
    app = inconsistent_compare_page()
    assert app.button(key="compare.save").disabled
    assert app.get("download_button")[0].proto.disabled
    assert any("inconsistent" in as_read(c.value) for c in app.caption)


def test_a_save_while_inconsistent_is_refused():
    """A save that arrives anyway (a click sent before the levers broke) is refused, naming why, and stores nothing."""
    problem = saved.save_scenario("my edit", sim.Params(), error="Parameter 'yu7.launch' is too early.")
    assert problem and "inconsistent" in problem and "yu7.launch" in problem


def test_a_preset_becomes_its_link_and_back_restores_the_scenario_and_link():
    """After a move, choosing 'bull' puts exactly bull's link in the address; Back restores levers and link."""
    app = open_page({"patience_months": "5"})
    app.slider(key="plant1.peak").set_value(40000).run()
    before = levers(app)
    app.selectbox(key=widgets.PRESET_KEY).set_value("bull").run()
    assert levers(app) == BULL.values()
    assert link_levers(app) == BULL.changes()  # the preset's own link (its name the browser adds itself)
    app.button(key=widgets.BACK_KEY).click().run()
    assert not app.exception
    assert levers(app) == before and link_levers(app) == non_default(before)
    assert app.selectbox(key=widgets.PRESET_KEY).value == "base"
    assert app.button(key=widgets.BACK_KEY).disabled  # one step back; nothing older is kept


@pytest.mark.parametrize("kind", ["json", "zip"])
def test_an_upload_can_be_taken_back(kind):
    """Uploading a scenario replaces the levers; Back restores the ones before it, link included."""
    data = BULL.to_json().encode() if kind == "json" else sim.scenario_bundle(BULL, seed=3)
    app = open_page({widgets.TAB_KEY: "Compare", "patience_months": "5"})
    before_levers, before_link = levers(app), dict(app.query_params)
    app.file_uploader(key=saved.UPLOAD_KEY).set_value((f"bull.{kind}", data, "application/octet-stream")).run()
    assert levers(app) == BULL.values() and link_levers(app) == BULL.changes()
    app.button(key=widgets.BACK_KEY).click().run()
    assert levers(app) == before_levers and dict(app.query_params) == before_link


def test_reset_can_be_taken_back():
    """Reset to base is a wholesale change too: Back restores the levers and the display settings."""
    app = open_page({"plant1.peak": "40000", widgets.CURRENCY_KEY: "EUR"})
    before_levers, before_link = levers(app), dict(app.query_params)
    app.button(key="reset").click().run()
    assert app.query_params == {}
    app.button(key=widgets.BACK_KEY).click().run()
    assert levers(app) == before_levers and dict(app.query_params) == before_link
    assert widget(app, widgets.CURRENCY_KEY).value == "EUR"


def test_a_preset_sends_the_browser_one_new_address(monkeypatch):
    """The browser adds a history entry for each new address the server sends: a preset sends one (before: one per
    lever it changed)."""
    sent = []
    original = QueryParams._send_query_param_msg
    monkeypatch.setattr(QueryParams, "_send_query_param_msg", lambda self: (sent.append(1), original(self)))
    app = open_page()
    sent.clear()
    app.selectbox(key=widgets.PRESET_KEY).set_value("bull").run()
    assert len(sent) == 1
    sent.clear()
    app.button(key=widgets.BACK_KEY).click().run()
    assert len(sent) == 1
