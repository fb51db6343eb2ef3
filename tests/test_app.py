"""Page tests (Streamlit AppTest): widgets from the registry, KPIs, links, bad links and presets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read, widget
from ui import link, widgets
from ui.cards import share_link

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(query: dict[str, str] | None = None) -> AppTest:
    """A fresh session of the page, opened with ``query`` in its address."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query or {})
    return app.run()


def kpis(app: AppTest) -> list[str]:
    """The values shown on the KPI cards, in order."""
    return [metric.value for metric in app.metric]


def notices(app: AppTest) -> list[str]:
    """Every warning and error shown on the page."""
    return [as_read(n.value) for n in app.warning] + [as_read(n.value) for n in app.error]


@pytest.fixture(scope="module")
def base_page() -> AppTest:
    """The page opened with a bare link (the base scenario)."""
    return open_page()


def test_page_runs_without_exception(base_page):
    """The bare page runs, twice in a row, without an exception, a warning or an error."""
    assert not base_page.exception
    base_page.run()
    assert not base_page.exception
    assert notices(base_page) == []


def test_every_parameter_has_a_widget_keyed_by_its_name(base_page):
    """Each registry parameter has exactly one widget, keyed by its dotted name, showing its default."""
    for name, spec in sim.PARAMETERS.items():
        assert widget(base_page, name).value == spec.default, name
    for key in (widgets.PRESET_KEY, widgets.CURRENCY_KEY, *widgets.RATE_KEYS.values()):
        widget(base_page, key)


def test_slider_ranges_come_from_the_registry(base_page):
    """Every numeric slider has the registry's min, max and step."""
    for spec in sim.PARAMETERS.values():
        if spec.kind in ("int", "float"):
            slider = base_page.slider(key=spec.name)
            assert (slider.min, slider.max, slider.step) == (spec.min, spec.max, spec.step), spec.name


def test_base_page_shows_eight_kpi_cards_and_the_deliveries_charts(base_page):
    """The bare link shows the eight KPI cards and the deliveries tab's two charts."""
    assert len(base_page.metric) == 8
    assert len(base_page.get("vega_lite_chart")) >= 2
    assert kpis(base_page)[0] == f"{sim.simulate(sim.PRESETS['base']).kpis['deliveries_2024']:,.0f}"


def test_moving_a_slider_changes_the_kpis():
    """A faster plant 1 changes the cards and shows deltas against the base."""
    app = open_page()
    before = kpis(app)
    app.slider(key="plant1.peak").set_value(40000).run()
    assert not app.exception
    assert kpis(app) != before
    assert app.metric[0].delta.startswith("+")


MOVES = {"plant1.peak": 40000, "plant2.start": "2025-09", "ultra.enabled": False, "patience_months": 5.0}


def test_link_reproduces_the_widget_moves():
    """Opening a link with the moved values shows the same widgets and KPIs as moving them by hand."""
    by_hand = open_page()
    for key, value in MOVES.items():
        widget(by_hand, key).set_value(value).run()
    by_link = open_page({k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in MOVES.items()})
    assert notices(by_link) == []
    for key, value in MOVES.items():
        assert widget(by_link, key).value == value
    assert kpis(by_link) == kpis(by_hand)


BAD_ENTRIES = {
    "out of range": ("plant1.peak", "999999"),
    "not a number": ("su7.price", "abc"),
    "not finite": ("cancel_base", "nan"),
    "not a bool": ("ultra.enabled", "maybe"),
    "not a month": ("plant2.start", "2025-13"),
    "month out of range": ("end", "2031-01"),
    "unknown name": ("plant3.peak", "1000"),
    "unknown preset": ("preset", "moon"),
    "unknown currency": ("currency", "GBP"),
    "bad rate": ("eur_rmb", "-3"),
}


@pytest.mark.parametrize("name,text", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_bad_link_entry_gives_one_notice_and_keeps_the_rest(name, text):
    """A garbage, unknown or out-of-range entry never raises: one notice names it and the good entries stay."""
    good = {"patience_months": "5"}
    app = open_page({**good, name: text})
    assert not app.exception
    shown = notices(app)
    assert len(shown) == 1 and f"'{name}'" in shown[0]
    assert app.slider(key="patience_months").value == 5.0
    assert kpis(app) == kpis(open_page(good))


def test_inconsistent_link_shows_an_error_and_the_base_scenario(base_page):
    """A launch before reservations open gives one error naming it; the page shows the base scenario."""
    app = open_page({"ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"})
    assert not app.exception
    shown = notices(app)
    assert len(shown) == 1 and "SU7 Ultra launch" in shown[0] and "ultra.launch" not in shown[0]
    assert kpis(app) == kpis(base_page)


def test_inconsistent_move_keeps_the_last_valid_scenario():
    """Moving a launch before its reservations open keeps showing the last valid scenario."""
    app = open_page()
    app.slider(key="plant1.peak").set_value(40000).run()
    valid = kpis(app)
    app.select_slider(key="yu7.launch").set_value("2024-04").run()
    assert not app.exception
    assert len(app.error) == 1 and "YU7 launch" in as_read(app.error[0].value)
    assert kpis(app) == valid


def test_preset_sets_every_widget_and_reset_returns_to_base():
    """Choosing a preset sets all widgets to it (deltas against the base); reset brings back base and a bare link."""
    app = open_page()
    app.selectbox(key="preset").set_value("bull").run()
    for name, value in sim.PRESETS["bull"].values().items():
        assert widget(app, name).value == value, name
    assert app.metric[0].delta.startswith("+")
    app.button(key="reset").click().run()
    assert app.selectbox(key="preset").value == "base"
    assert all(widget(app, n).value == v for n, v in sim.PRESETS["base"].values().items())
    assert app.query_params == {}


def test_currency_changes_the_money_cards():
    """EUR at the default rate divides the RMB revenue by 7.7."""
    app = open_page({"currency": "EUR"})
    revenue = sim.simulate(sim.PRESETS["base"]).kpis["revenue_2025"]
    assert kpis(app)[5] == f"EUR {revenue / 7.7 / 1e9:,.1f} bn"


@pytest.mark.parametrize("tab", ["Orders and waits", "Money", "Data", "Model"])
def test_each_tab_renders(tab):
    """Each tab opened from the link renders without exception."""
    app = open_page({"tab": tab})
    assert not app.exception and notices(app) == []
    if tab == "Data":
        assert len(app.get("download_button")) == 2 and len(app.dataframe) == 1
    if tab == "Model":
        assert any("67,157" in info.value for info in app.info)


def test_share_box_shows_the_link():
    """The share box holds the address with the scenario's non-default values."""
    app = open_page({"patience_months": "5"})
    assert app.code[0].value.endswith("?patience_months=5")


def test_share_link_without_parameters_is_the_bare_url():
    """A base scenario's link is the page's address with no query string."""
    assert share_link("http://host:1/", {}) == "http://host:1/"
    assert share_link("http://host:1", {"a": "1"}) == "http://host:1/?a=1"
    assert share_link(None, {"a": "1"}) == "http://localhost:8501/?a=1"


def test_check_link_accepts_valid_values_and_names_bad_ones():
    """check_link passes valid text for every kind and names each bad entry."""
    good = {
        "plant1.peak": "30000",
        "patience_months": "6.5",
        "ultra.enabled": "false",
        "end": "2027-06",
        "preset": "bull",
        "currency": "USD",
        "usd_rmb": "7.2",
        "tab": "Data",
    }
    assert link.check_link(good, tabs=["Data"]) == {}
    bad = link.check_link({"plant1.peak": "1e9", "x": "1"})
    assert set(bad) == {"plant1.peak", "x"} and "plant1.peak" in bad["plant1.peak"]


link_names = st.one_of(
    st.sampled_from(sorted(sim.PARAMETERS)), st.sampled_from(["preset", "currency", "tab"]), st.text()
)


@settings(max_examples=300, deadline=None)
@given(query=st.dictionaries(link_names, st.text(max_size=30), max_size=6))
def test_property_check_link_never_raises_and_names_only_bad_entries(query):
    """Any hand-edited query is sorted into usable and unusable entries without raising."""
    problems = link.check_link(query, tabs=["Data"])
    assert set(problems) <= set(query)
    for name, text in query.items():
        if name in sim.PARAMETERS and name not in problems:
            link.parse_url_value(sim.PARAMETERS[name], text)  # what passed really parses


@pytest.mark.parametrize("name", sorted(sim.PRESETS))
def test_every_preset_name_in_a_link_selects_that_preset(name):
    """A link's 'preset=<name>' picks that preset with no notice (Streamlit matches a bound selectbox by its label)."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = {"preset": name}
    app.run()
    assert not app.exception
    assert app.selectbox(key="preset").value == name
    assert not app.warning


def test_a_v1_preset_link_opens_its_v2_scenario_with_a_notice():
    """?preset=ultra_launch_price (model v1) opens the base, which now has the Ultra's launch price, and says so."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["preset"] = "ultra_launch_price"
    at.run()
    assert not at.exception
    assert at.session_state["preset"] == "base"
    assert any("is now the base" in w.value for w in at.warning)
