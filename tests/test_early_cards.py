"""The KPI cards drawn before the sidebar (``ui.page._early_cards``): once when the session's levers are the drawn
ones, again (and right) when they are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import sim
from ui import cards, saved, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def drawings(monkeypatch) -> list:
    """What a run draws, in order: each drawing of the cards as (plant 1's peak in its scenario, whether it was the
    redrawing), and 'sidebar' when the sidebar is drawn."""
    seen: list = []
    original_cards, original_sidebar = cards.render_cards, widgets.sidebar

    def recorded_cards(context, *, redrawn=False):
        seen.append((context.params["plant1.peak"], redrawn))
        return original_cards(context, redrawn=redrawn)

    def recorded_sidebar(*args, **kwargs):
        seen.append("sidebar")
        return original_sidebar(*args, **kwargs)

    monkeypatch.setattr(cards, "render_cards", recorded_cards)
    monkeypatch.setattr(widgets, "sidebar", recorded_sidebar)
    return seen


def _first_card(peak: int) -> str:
    return f"{sim.simulate(sim.Params({'plant1.peak': peak})).kpis['deliveries_2024']:,.0f}"


def test_a_first_run_draws_the_cards_once_after_the_sidebar(drawings):
    """On a session's first run the levers come from the link: the cards are drawn once, from the drawn widgets."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = {"plant1.peak": "20000"}
    app.run()
    assert not app.exception
    assert drawings == ["sidebar", (20000, False)]
    assert len(app.metric) == 8 and app.metric[0].value == _first_card(20000)


def test_a_slider_move_draws_the_cards_once_before_the_sidebar(drawings):
    """After a slider move the session holds every lever: the cards are drawn first, once, with the new value."""
    app = AppTest.from_file(APP, default_timeout=60).run()
    drawings.clear()
    app.slider(key="plant1.peak").set_value(40000).run()
    assert not app.exception
    assert drawings == [(40000, False), "sidebar"]
    assert len(app.metric) == 8 and app.metric[0].value == _first_card(40000)


def test_cards_drawn_from_stale_levers_are_drawn_again_from_the_sidebar(drawings, monkeypatch):
    """If the session's levers are not what the widgets return, the first drawing is replaced by the right one."""
    app = AppTest.from_file(APP, default_timeout=60).run()
    stale = widgets.state_before_drawing

    def one_lever_off():
        state = stale()
        return None if state is None else (state[0], {**state[1], "plant1.peak": 12000}, state[2])

    monkeypatch.setattr(widgets, "state_before_drawing", one_lever_off)
    drawings.clear()
    app.slider(key="plant1.peak").set_value(40000).run()
    assert not app.exception
    assert drawings == [(12000, False), "sidebar", (40000, True)]
    assert len(app.metric) == 8 and app.metric[0].value == _first_card(40000)


def test_a_saved_scenario_as_reference_waits_for_the_sidebar(drawings):
    """Deltas against a saved scenario need the saved set from the link: the cards wait for the sidebar then."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = {"tab": "Compare"}
    app.run()
    app.text_input(key=saved.NAME_KEY).input("mine").run()
    app.button(key="compare.save").click().run()
    app.selectbox(key=cards.REFERENCE_KEY).set_value("mine").run()
    drawings.clear()
    app.slider(key="plant1.peak").set_value(40000).run()
    assert not app.exception
    assert drawings == ["sidebar", (40000, False)]
    assert len(app.metric) == 8 and app.metric[0].value == _first_card(40000)
