"""Findings 2 and 5 of issue 12: scenario names cannot fake the page's own labels, and names are tidied before
they are compared, so two scenarios never silently merge.

- A compare link or a save may not take a name the page uses itself ('On screen', a preset such as 'Base', 'KPI',
  'Δ …' and '… (reference)' columns): otherwise the table would show a saved scenario's figures as 'On screen'.
- Names are normalised (NFC, whitespace and control characters collapsed to one space, trimmed); two names equal
  after that are a notice, never a silent merge.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import sim
from sim import scenarios
from tests.helpers import as_read
from ui import link, saved, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")
FAKE = sim.Params().with_values({"plant1.peak": 5000, "su7.price": 499000})


def open_page(query: dict[str, str]) -> AppTest:
    """A fresh session of the page opened with ``query``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query)
    return app.run()


def code_of(payload: dict[str, dict]) -> str:
    """A compare code holding ``payload`` as given (names not tidied, as a crafted link may hold them)."""
    raw = zlib.compress(json.dumps(payload).encode())
    return "v1." + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_a_linked_scenario_named_on_screen_cannot_fake_the_scenario_on_screen():
    """The issue's link (a saved 'On screen' at 5,000 cars a month) is refused with one error; the table's
    'On screen' column shows the cards' figure."""
    code = code_of({"On screen": FAKE.changes(), "Base": {}})
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code})
    assert not app.exception
    assert len(app.error) == 1 and "On screen" in as_read(app.error[0].value)
    table = app.dataframe[0].value
    on_screen = table[[c for c in table.columns if c.startswith(saved.on_screen_name())][0]]
    assert on_screen.iloc[0] == app.metric[0].value  # 2024 deliveries, as on the first card


@pytest.mark.parametrize(
    "name", ["On screen", " on  SCREEN ", "Base", "base", "bull", "KPI", "Δ mine", "x (reference)"]
)
def test_reserved_names_are_refused_in_a_link(name):
    """A compare link may not use a name the page itself shows; the whole code is refused with one error."""
    code = code_of({name: {}, "mine": {"plant1.peak": 30000}})
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code})
    assert not app.exception and len(app.error) == 1
    assert link.COMPARE_KEY not in app.query_params


@pytest.mark.parametrize("name", ["On screen", "Base", "Δ Base", "KPI", "bull (reference)"])
def test_reserved_names_cannot_be_saved(name):
    """Saving under a name the page uses is refused with one error; nothing is saved."""
    app = open_page({widgets.TAB_KEY: "Compare"})
    app.text_input(key=saved.NAME_KEY).input(name).run()
    app.button(key="compare.save").click().run()
    assert len(app.error) == 1 and "pick another name" in as_read(app.error[0].value)
    assert link.COMPARE_KEY not in app.query_params


def test_a_delta_name_no_longer_overwrites_a_delta_column():
    """The issue's 'Δ Base' next to 'Base': refused, so no column of the table is written twice."""
    code = code_of({"mine": {}, "Δ mine": {"plant1.peak": 30000}})
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code})
    assert len(app.error) == 1
    columns = list(app.dataframe[0].value.columns)
    assert len(columns) == len(set(columns))


@pytest.mark.parametrize(
    ("name", "tidy"),
    [(" a  b ", "a b"), ("a\tb\nc", "a b c"), ("a\u202eb", "a b"), ("Cafe\u0301", "Café"), ("x\u200b", "x")],
)
def test_names_are_normalised(name, tidy):
    """Whitespace runs and control characters become one space, the ends are trimmed, and the text is NFC."""
    assert scenarios.normalise_name(name) == tidy


def test_names_equal_after_normalising_are_a_notice_not_a_merge():
    """A link with 'a b' and 'a  b' is refused with a message naming the name (before: one silently won)."""
    with pytest.raises(ValueError, match="'a b'"):
        sim.decode_scenarios(code_of({"a b": {}, "a  b": {"plant1.peak": 30000}}))
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code_of({"a b": {}, "a  b": {}})})
    assert len(app.error) == 1 and "a b" in as_read(app.error[0].value)


def test_saving_over_a_name_says_it_replaced_it():
    """Saving under a name already saved (after tidying) says the earlier one was replaced; one entry remains."""
    app = open_page({widgets.TAB_KEY: "Compare"})
    for name in ("my plan", "  my   plan "):
        app.text_input(key=saved.NAME_KEY).input(name).run()
        app.button(key="compare.save").click().run()
    assert "replac" in as_read(app.success[0].value)
    assert list(sim.decode_scenarios(app.query_params[link.COMPARE_KEY])) == ["my plan"]


@pytest.mark.parametrize("name", ["À l'écran", "à L'ÉCRAN", "Indicateur", "mine (référence)", "On screen"])
def test_names_the_page_shows_in_any_language_are_reserved(name):
    """A link is shared across languages: the French page's own names are refused on the English page, and back."""
    assert saved.name_problem(name) is not None
    assert saved.name_problem("mine") is None
