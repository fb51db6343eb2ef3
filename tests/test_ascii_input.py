"""Finding 3 of issue 12: numbers and months are read in ASCII digits only, wherever they come in.

Python's ``\\d`` and ``float`` accept fullwidth and Arabic-Indic digits, which a Chinese input method types easily.
Before the fix '?end=２０２６-１１' passed the link check and Streamlit then dropped it without a word, and an
upload with '"plant2.start": "２０２５-０９"' said it restored the scenario but computed with 2025-06. Now every
such entry is named like any other bad one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import sim
from sim.calendar import parse_month
from tests.helpers import as_read
from ui import link, saved, uncertainty, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PANEL_CHECKS = dict.fromkeys(uncertainty.LINK_KEYS, uncertainty.link_problem)


def open_page(query: dict[str, str]) -> AppTest:
    """A fresh session of the page opened with ``query``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query)
    return app.run()


@pytest.mark.parametrize("digits", [WIDE, ARABIC], ids=["fullwidth", "arabic"])
def test_months_need_ascii_digits(digits):
    """'２０２５-０９' is not a month; '2025-09' is."""
    assert parse_month("2025-09") == "2025-09"
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month("2025-09".translate(digits))


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("end", "2026-11"),
        ("plant1.peak", "30000"),
        ("patience_months", "5.5"),
        ("eur_rmb", "7.5"),
        ("mc.spread", "0.3"),
    ],
)
@pytest.mark.parametrize("digits", [WIDE, ARABIC], ids=["fullwidth", "arabic"])
def test_the_link_check_names_non_ascii_digits(key, text, digits):
    """A link value in fullwidth or Arabic digits is named by the link check (its ASCII twin is not)."""
    assert link.check_link({key: text}, settings=PANEL_CHECKS) == {}
    assert key in link.check_link({key: text.translate(digits)}, settings=PANEL_CHECKS)


def test_the_issue_link_gets_the_notice():
    """'?end=２０２６-１１' yields the link notice naming 'end'; the horizon stays at its default."""
    app = open_page({"end": "2026-11".translate(WIDE)})
    assert not app.exception
    assert len(app.warning) == 1 and "'end'" in as_read(app.warning[0].value)
    assert app.select_slider(key="end").value == sim.PARAMETERS["end"].default


def test_an_upload_with_non_ascii_months_is_refused():
    """The issue's upload is refused with one error naming plant2.start; the lever keeps its value."""
    start = sim.Params()["plant2.start"]
    document = sim.Params().to_json().replace(f'"plant2.start": "{start}"', '"plant2.start": "２０２５-０９"')
    assert "２０２５" in document
    with pytest.raises(ValueError, match="plant2.start"):
        sim.load_upload(document.encode())
    app = open_page({widgets.TAB_KEY: "Compare"})
    app.file_uploader(key=saved.UPLOAD_KEY).set_value(("wide.json", document.encode(), "application/json")).run()
    assert len(app.error) == 1 and "Plant 2 start" in as_read(app.error[0].value)
    assert app.select_slider(key="plant2.start").value == start
