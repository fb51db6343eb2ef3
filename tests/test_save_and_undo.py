"""Findings 4 and 6 of issue 12: Save and Export never store another scenario than the one on screen.

- While the levers are inconsistent the page shows the last valid scenario; Save and the bundle download are then
  off with the reason shown, and a save that still arrives is refused (before: "Saved 'my edit'." with the last
  valid scenario stored).
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read
from ui import compare, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(query: dict[str, str] | None = None) -> AppTest:
    """A fresh session of the page opened with ``query``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query or {})
    return app.run()


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
    problem = compare.save_scenario("my edit", sim.Params(), error="Parameter 'yu7.launch' is too early.")
    assert problem and "inconsistent" in problem and "yu7.launch" in problem
