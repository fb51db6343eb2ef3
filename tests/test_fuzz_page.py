"""Fuzzing the page with hand-edited links: whatever the address holds, the page runs, says once what it dropped,
shows its KPI cards and keeps the valid entries. Also the link check itself over the page's panel settings.

The AppTest fuzz opens ``app.py`` with random queries mixing junk (garbage text, huge or non-finite numbers, empty
values, unknown names, months that do not exist, broken compare codes, repeated keys, markdown and HTML, control
characters, numbers in non-ASCII digits, compare codes with crafted scenario names) with valid entries. Whatever it
echoes stays inert: no markdown body on the page holds a live link, image or HTML, or a control character.
"""

from __future__ import annotations

import base64
import math
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

import sim
from sim.calendar import FIRST_MONTH, LAST_MONTH
from tests.helpers import as_read, control_characters, live_markup, markdown_bodies
from tests.helpers import widget as _widget
from tests.strategies import markdown_text, months, non_ascii_numbers, value_of
from ui import link, saved, uncertainty, widgets
from ui.display import CURRENCIES, DEFAULT_RATES, plain

APP = str(Path(__file__).resolve().parent.parent / "app.py")
# The page's tab labels, as app.py's TABS lists them (importing app.py would run the page).
TABS = (
    "Deliveries",
    "Orders and waits",
    "Money",
    "Uncertainty",
    "Sensitivity and goal seek",
    "Backtest",
    "Compare",
    "Launches",
    "Data",
    "Model",
)
PANEL_CHECKS = dict.fromkeys(uncertainty.LINK_KEYS, uncertainty.link_problem)  # as app.py's LINK_SETTINGS
PAGE_KEYS = (widgets.PRESET_KEY, widgets.CURRENCY_KEY, widgets.TAB_KEY, *widgets.RATE_KEYS.values())
KNOWN_KEYS = {*sim.PARAMETERS, *PAGE_KEYS, *uncertainty.LINK_KEYS, link.COMPARE_KEY}
NAMES = sorted(sim.PARAMETERS)
MONTH_NAMES = sorted(n for n, s in sim.PARAMETERS.items() if s.kind == "month")
SETTING_KEYS = sorted({*PAGE_KEYS, *uncertainty.LINK_KEYS})
CARD_COUNT = 8  # the KPI cards at the top of the page (tabs such as Uncertainty add metrics after them)
LINK_NOTICE = "This link had entries the page cannot use"
COMPARE_ERROR = "The saved scenarios in this link could not be read"
SCENARIO_ERROR = "The page shows the last valid scenario"

NASTY_TEXT = (
    "",
    " ",
    "1e308",
    "-1e308",
    "1e400",
    "-1e400",
    "1e-400",
    "nan",
    "NaN",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "0x10",
    "1_000",
    "9" * 400,
    "-0",
    "true",
    "None",
    "null",
    "[]",
    "{}",
    "%00",
    "\x00",
    "💥",
    "<script>alert(1)</script>",
    "2025-13",
    "2024-00",
    "2025-6",
    "June 2025",
    "2031-01",
    "1999-12",
    "2025-06-01",
    "20250-06",
)
BAD_MONTHS = ("2025-13", "2024-00", "2025-6", "2025-1", "June 2025", "Jun 2025", "2025/06", "2031-01", "0000-00")

hostile_text = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=30),
    markdown_text(),
    non_ascii_numbers(st.one_of(months(), st.integers(0, 10**6).map(str), st.floats(0, 100).map(repr))),
)
unknown_names = st.one_of(
    st.sampled_from(["plant3.peak", "PLANT1.PEAK", "plant1.peak ", "plant1", "mc", "compare2", "Tab", "utm_source"]),
    st.text(min_size=1, max_size=20),
).filter(lambda name: name not in KNOWN_KEYS)


def _valid_code() -> str:
    """A real compare code: two saved scenarios."""
    return sim.encode_scenarios({"mine": sim.Params(), "theirs": sim.PRESETS["bull"]})


VALID_CODE = _valid_code()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


broken_codes = st.one_of(
    st.binary(max_size=120).map(lambda b: "v1." + _b64(b)),
    st.integers(1, len(VALID_CODE) - 1).map(lambda n: VALID_CODE[:n]),
    st.sampled_from(["v0.", "v2.", "V1.", "v1", "v10.", ".", ""]).map(lambda tag: tag + VALID_CODE[3:]),
    st.text(max_size=40),
    st.text(max_size=40).map(lambda t: "v1." + t),
    st.lists(markdown_text(50), min_size=1, max_size=3).map(  # crafted names: read, refused or shown inert
        lambda names: sim.encode_scenarios({f"{i} {n}": sim.Params() for i, n in enumerate(names)})
    ),
)


def _text_of(value: Any) -> str:
    """How a link writes a widget value: lower-case bools, shortest round-trip floats."""
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value) if isinstance(value, float) else str(value)


bad_entries = st.one_of(
    st.tuples(st.sampled_from(NAMES), hostile_text),
    st.tuples(st.sampled_from(MONTH_NAMES), st.sampled_from(BAD_MONTHS)),
    st.tuples(unknown_names, hostile_text),
    st.tuples(st.just(link.COMPARE_KEY), broken_codes),
    st.tuples(st.sampled_from(SETTING_KEYS), hostile_text),
)


def valid_entry(key: str) -> st.SearchStrategy[str]:
    """Link text the page must accept for ``key`` (never a panel setting's default, so it stays in the link)."""
    if key in sim.PARAMETERS:
        return value_of(key).map(_text_of)
    choices = {
        widgets.PRESET_KEY: st.sampled_from(list(sim.PRESETS)),
        widgets.CURRENCY_KEY: st.sampled_from(CURRENCIES),
        widgets.TAB_KEY: st.sampled_from(TABS),
        uncertainty.DRAWS_KEY: st.sampled_from(["200", "500"]),  # small: the Uncertainty tab may be open
        uncertainty.SPREAD_KEY: st.sampled_from(["0.0", "0.05", "0.35", "0.6"]),
        uncertainty.SEED_KEY: st.integers(1, 2**31 - 1).map(str),
        link.COMPARE_KEY: st.just(VALID_CODE),
    }
    if key in choices:
        return choices[key]
    return st.floats(*widgets.RATE_RANGE).map(lambda r: f"{r:.2f}")  # a rate; .2f is the input's own precision


VALID_KEYS = sorted({*sim.PARAMETERS, *SETTING_KEYS, link.COMPARE_KEY})


@st.composite
def hand_edited_links(draw) -> tuple[dict[str, str | list[str]], dict[str, str]]:
    """A query mixing junk with valid entries, and the valid entries alone (keys never repeated or junked)."""
    query: dict[str, str | list[str]] = {}
    for key, text in draw(st.lists(bad_entries, min_size=1, max_size=6)):
        if key in query and draw(st.booleans()):  # a repeated key: the address holds both values
            previous = query[key]
            query[key] = [*(previous if isinstance(previous, list) else [previous]), text]
        else:
            query[key] = text
    free = [k for k in VALID_KEYS if k not in query]
    valid = {key: draw(valid_entry(key)) for key in draw(st.lists(st.sampled_from(free), max_size=4, unique=True))}
    order = draw(st.permutations([*query, *valid]))
    return {key: query[key] if key in query else valid[key] for key in order}, valid


def _last(value: str | list[str]) -> str:
    return value[-1] if isinstance(value, list) else value


def _expected_value(key: str, text: str) -> Any:
    """The value a widget shows for a valid link entry."""
    if key in sim.PARAMETERS:
        return link.parse_url_value(sim.PARAMETERS[key], text)
    if key in widgets.RATE_KEYS.values() or key == uncertainty.SPREAD_KEY:
        return float(text)
    if key in (uncertainty.DRAWS_KEY, uncertainty.SEED_KEY):
        return int(text)
    return text


@pytest.fixture(scope="module")
def card_labels() -> list[str]:
    """The labels of the KPI cards on the bare page."""
    app = AppTest.from_file(APP, default_timeout=60).run()
    labels = [metric.label for metric in app.metric]
    assert len(labels) == CARD_COUNT
    return labels


def assert_valid_entries_kept(app: AppTest, valid: dict[str, str]) -> None:
    """Every valid entry shows on its widget, or, for settings whose widget is not drawn, stays in the link."""
    tab_open = valid.get(widgets.TAB_KEY, _last(app.query_params.get(widgets.TAB_KEY, TABS[0])))
    for key, text in valid.items():
        if key == link.COMPARE_KEY:
            assert list(app.session_state[saved.SAVED_KEY]) == ["mine", "theirs"]
            assert app.query_params[key] == text
        elif key == widgets.TAB_KEY:
            assert app.query_params.get(key, TABS[0]) == text
        elif key in uncertainty.LINK_KEYS and tab_open != "Uncertainty":
            assert app.query_params[key] == text, key
        else:
            assert _widget(app, key).value == _expected_value(key, text), key


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(address=hand_edited_links())
def test_property_hand_edited_links_never_break_the_page(card_labels, address):
    """Any junk in the address: no exception, at most one link warning naming each bad entry, the seven cards, and
    the valid entries mixed in are kept on their widgets."""
    query, valid = address
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert [metric.label for metric in app.metric][:CARD_COUNT] == card_labels
    assert all(metric.value for metric in app.metric[:CARD_COUNT])
    problems = link.check_link(query, TABS, PANEL_CHECKS)
    warnings = [as_read(w.value) for w in app.warning]
    assert len(warnings) == (1 if problems else 0), warnings
    if problems:
        assert warnings[0].startswith(LINK_NOTICE)
        assert all(as_read(plain(message)) in warnings[0] for message in problems.values())
    errors = [as_read(e.value) for e in app.error]
    assert all(e.startswith(COMPARE_ERROR) or SCENARIO_ERROR in e for e in errors), errors
    assert sum(e.startswith(COMPARE_ERROR) for e in errors) <= 1 and sum(SCENARIO_ERROR in e for e in errors) <= 1
    assert not set(problems) & set(valid)
    assert_valid_entries_kept(app, valid)
    for body in markdown_bodies(app):
        assert not live_markup(body) and not control_characters(body), body


# The link check on its own (tests/test_app.py fuzzes parameter names; this adds the panels' settings and tabs)


def _usable_setting(key: str, text: str) -> bool:
    """Whether a page or panel setting's text is one the page can use, decided without the page's checks."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not text.isascii():  # float() reads fullwidth digits; the page does not
        return False
    if key == widgets.PRESET_KEY:
        return text in sim.PRESETS
    if key == widgets.CURRENCY_KEY:
        return text in CURRENCIES
    if key == widgets.TAB_KEY:
        return text in TABS
    plain_whole = text.isascii() and text.isdigit()  # what the draws and seed widgets can read
    if key == uncertainty.DRAWS_KEY:
        return plain_whole and number in uncertainty.DRAW_CHOICES
    if key == uncertainty.SPREAD_KEY:
        return uncertainty.SPREAD_RANGE[0] <= number <= uncertainty.SPREAD_RANGE[1]
    if key == uncertainty.SEED_KEY:
        return plain_whole and 0 <= number <= 2**31 - 1
    return widgets.RATE_RANGE[0] <= number <= widgets.RATE_RANGE[1]  # a currency rate


setting_text = st.one_of(
    hostile_text,
    st.sampled_from([*sim.PRESETS, *CURRENCIES, *TABS, "200", "2000", "0.3", "0.61", "7", "7.5", "2147483648"]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(2**40), 2**40).map(str),
    st.sampled_from(list(DEFAULT_RATES.values())).map(str),
)


@settings(max_examples=300, deadline=None)
@given(
    query=st.dictionaries(
        st.one_of(st.sampled_from(SETTING_KEYS), st.sampled_from(NAMES), unknown_names),
        st.one_of(setting_text, months(FIRST_MONTH, LAST_MONTH)),
        max_size=8,
    )
)
def test_property_check_link_names_every_bad_setting_and_only_those(query):
    """The link check never raises, names every unknown name and every unusable setting, and only those."""
    problems = link.check_link(query, TABS, PANEL_CHECKS)
    assert set(problems) <= set(query)
    for key, text in query.items():
        if key in problems:
            assert f"'{key}'" in problems[key] and problems[key].endswith(".")
        if key not in KNOWN_KEYS:
            assert key in problems
        elif key in SETTING_KEYS:
            assert (key not in problems) == _usable_setting(key, text), (key, text, problems.get(key))
        elif key not in problems:
            link.parse_url_value(sim.PARAMETERS[key], text)  # what passed really parses


# Cases the fuzz found, kept as plain regression tests


def _open(query: dict[str, str | list[str]]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query)
    return app.run()


def test_compare_link_with_a_number_too_big_for_a_float_shows_one_error():
    """A 60-character compare code holding a 400-digit integer shows one error, not an OverflowError."""
    payload = b'{"big": {"plant1.peak": 1' + b"0" * 400 + b"}}"
    code = "v1." + _b64(zlib.compress(payload, 9))
    app = _open({link.COMPARE_KEY: code, "patience_months": "5"})
    assert not app.exception, [e.message for e in app.exception]
    assert (
        len(app.error) == 1
        and as_read(app.error[0].value).startswith(COMPARE_ERROR)
        and "'Plant 1 peak rate'" in as_read(app.error[0].value)
    )
    assert len(app.metric) == CARD_COUNT and app.slider(key="patience_months").value == 5.0


def test_uploading_a_document_with_a_number_too_big_for_a_float_shows_one_error():
    """An uploaded scenario whose value is a 400-digit integer is refused with one error, not an OverflowError."""
    peak = sim.Params()["plant1.peak"]
    document = sim.Params().to_json().replace(f'"plant1.peak": {peak}', '"plant1.peak": 1' + "0" * 400)
    assert document != sim.Params().to_json()
    app = _open({widgets.TAB_KEY: "Compare"})
    app.file_uploader(key=saved.UPLOAD_KEY).set_value(("big.json", document.encode(), "application/json")).run()
    assert not app.exception, [e.message for e in app.exception]
    assert len(app.error) == 1 and "could not be restored" in as_read(app.error[0].value)
    assert app.slider(key="plant1.peak").value == sim.PARAMETERS["plant1.peak"].default


REPEATED = {
    "int slider": ("plant1.peak", ["30000", "40000"], 40000),
    "float slider": ("patience_months", ["4", "5"], 5.0),
    "month slider": ("plant2.start", ["2025-08", "2025-09"], "2025-09"),
    "currency": ("currency", ["EUR", "USD"], "USD"),
}


@pytest.mark.parametrize(("key", "texts", "value"), REPEATED.values(), ids=REPEATED.keys())
def test_a_repeated_key_shows_its_last_value_or_is_named(key, texts, value):
    """Where a name repeats, the one link notice names it (Streamlit itself would seed the widget unreliably)."""
    app = _open({key: texts})
    assert not app.exception
    assert _widget(app, key).value == value or any(f"'{key}'" in as_read(w.value) for w in app.warning)


@pytest.mark.parametrize("key", [*SETTING_KEYS, "plant1.peak", "plant2.start", "ultra.enabled"])
def test_an_empty_entry_is_named_and_the_page_runs(key):
    """An entry with nothing after '=' (e.g. '?currency=') is named in the one link warning; the cards render."""
    app = _open({key: ""})
    assert not app.exception, [e.message for e in app.exception]
    assert len(app.warning) == 1 and f"'{key}'" in as_read(app.warning[0].value)
    assert len(app.metric) == CARD_COUNT
