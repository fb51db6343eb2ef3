"""Notes that explain extreme scenarios on the page, and the page itself on those scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import sim
from ui.notes import scenario_notes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
NO_LINES = {f"{line}.enabled": False for line in sim.LINES}
NO_PLANTS = {"plant1.peak": 0, "plant1.initial": 0, "plant2.peak": 0, "plant2.initial": 0}


def _notes(changes):
    return scenario_notes(sim.simulate(sim.Params().with_values(changes)))


def test_base_scenario_needs_no_note():
    """The calibrated base reads normally: no note."""
    assert _notes({}) == []


@pytest.mark.parametrize(
    ("changes", "phrase"),
    [
        (NO_LINES, "No line is enabled"),
        (NO_PLANTS, "No plant builds a car"),
        ({f"{line}.market_size": 0 for line in sim.LINES}, "No buyer shows interest"),
        ({"end": "2024-03"}, "single month"),
        ({"plant1.peak": 500, "plant1.initial": 500, "plant2.start": "2030-12"}, "60-month cap"),
        ({"plant2.start": "2027-06"}, "Plant 2 builds the YU7 but no car before Dec 2026"),
    ],
)
def test_extreme_scenarios_get_a_note(changes, phrase):
    """Each extreme scenario is explained in plain words."""
    assert any(phrase in note for note in _notes(changes))


@pytest.mark.parametrize("changes", [NO_LINES, NO_PLANTS, {"end": "2024-03"}], ids=["no lines", "no plants", "1 month"])
def test_page_explains_extreme_scenarios_and_keeps_working(changes):
    """The page runs without exception on an extreme link, shows the cards and one note per explanation."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = {
        name: str(value).lower() if isinstance(value, bool) else str(value) for name, value in changes.items()
    }
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert len(app.metric) >= 7
    expected = _notes(changes)
    assert [info.value for info in app.info][: len(expected)] == expected
