"""The compare tab: pure chart and table builders, and the page (AppTest) saving, linking, exporting and uploading."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import altair as alt
import pytest
from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read
from ui import compare, compare_charts, link, saved
from ui.display import Currency

ROOT = Path(__file__).resolve().parent.parent
PAGE = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + (ROOT / "tests" / "pages" / "compare.py").read_text()
BULL = sim.PRESETS["bull"]


@pytest.fixture(scope="module")
def runs() -> dict[str, sim.Run]:
    """Three runs to compare: base, bull and the plant that starts late."""
    return {name: sim.simulate(sim.PRESETS[name]) for name in ("base", "bull", "plant2_late")}


# Pure builders


def test_overlay_chart_has_one_line_per_scenario(runs):
    """Each scenario is one series over its months, and the values are the run's own."""
    chart = compare_charts.overlay_chart(runs, "cum_deliveries", "Cumulative deliveries")
    assert isinstance(chart, alt.Chart)
    chart.to_dict()  # validates against the Vega-Lite schema
    frame = compare_charts.overlay_frame(runs, "cum_deliveries")
    assert list(frame["scenario"].unique()) == list(runs)
    bull = frame[frame["scenario"] == "bull"]["value"].to_numpy()
    assert (bull == runs["bull"].total["cum_deliveries"].to_numpy()).all()


def test_kpi_deltas_are_read_against_the_reference(runs):
    """Deltas are value minus the reference's; the reference's own are zero; month_100k moves in months."""
    kpis = {name: run.kpis for name, run in runs.items()}
    deltas = compare_charts.kpi_deltas(kpis, "base").set_index(["kpi", "scenario"])["delta"]
    expected = runs["bull"].kpis["deliveries_2025"] - runs["base"].kpis["deliveries_2025"]
    assert deltas[("deliveries_2025", "bull")] == expected
    assert deltas[("revenue_total", "base")] == 0
    assert isinstance(deltas[("month_100k", "plant2_late")], int | float)


def test_kpi_table_shows_reference_then_value_and_delta_per_scenario(runs):
    """The shown table has a row per KPI and, after the reference, a value and a delta column per scenario."""
    table = compare_charts.kpi_table({n: r.kpis for n, r in runs.items()}, "bull", Currency("EUR", 7.7))
    assert list(table.columns) == ["KPI", "bull (reference)", "base", "Δ base", "plant2_late", "Δ plant2_late"]
    assert len(table) == len(compare_charts.kpi_names())
    row = table.set_index("KPI").loc["2025 revenue"]
    assert row["base"].startswith("EUR") and row["Δ base"].startswith("-EUR")


def test_waterfall_steps_chain_from_reference_to_scenario():
    """The waterfall starts at the reference's KPI, each step starts where the last ended, and it ends at the other."""
    attribution = sim.attribute(sim.PRESETS["base"], BULL, "deliveries_2025")
    frame = compare_charts.waterfall_frame(attribution, reference="base", scenario="bull")
    assert frame["step"].iloc[0] == "base" and frame["step"].iloc[-1] == "bull"
    steps = frame.iloc[1:-1]
    assert (steps["start"].to_numpy()[1:] == steps["end"].to_numpy()[:-1]).all()
    assert steps["start"].iloc[0] == attribution.attrs["base_value"]
    assert steps["end"].iloc[-1] == pytest.approx(attribution.attrs["scenario_value"], rel=1e-12)
    assert set(steps["kind"]) <= {"increase", "decrease"}
    chart = compare_charts.waterfall_chart(attribution, reference="base", scenario="bull", title="2025 deliveries")
    assert [layer["mark"]["type"] for layer in chart.to_dict()["layer"]] == ["bar", "text"]


def test_waterfall_keeps_a_bar_per_step_when_a_name_repeats_a_group():
    """A scenario named like a parameter group still gets its own bar (x labels stay distinct)."""
    attribution = sim.attribute(sim.PRESETS["base"], sim.PRESETS["plant2_late"], "deliveries_2025")
    chart = compare_charts.waterfall_chart(attribution, reference="base", scenario="Production and costs", title="x")
    labels = [row["label"] for row in chart.to_dict()["datasets"].popitem()[1]]
    assert len(labels) == len(set(labels)) == 3


def test_chart_builders_need_no_page():
    """The Compare tab's chart and table builders import no Streamlit: tests and tools call them without a page."""
    source = (ROOT / "ui" / "compare_charts.py").read_text()
    assert "streamlit" not in source


def test_the_page_link_check_lets_the_compare_code_through():
    """The page's link check leaves 'compare' to the compare tab instead of dropping it as unknown."""
    assert saved.LINK_KEY == link.COMPARE_KEY == "compare"
    assert link.check_link({"compare": "v1.anything"}) == {}


# The page


def open_page(query: dict[str, str] | None = None) -> AppTest:
    """A fresh session of the test page (levers, KPI cards, compare tab), opened with ``query`` in its address."""
    app = AppTest.from_string(PAGE, default_timeout=60)
    app.query_params = dict(query or {})
    return app.run()


def save(app: AppTest, name: str) -> AppTest:
    """Type ``name`` and press the save button."""
    app.text_input(key=saved.NAME_KEY).input(name).run()
    return app.button(key="compare.save").click().run()


def lever_values(app: AppTest) -> dict[str, object]:
    """Every parameter widget's value, by parameter name."""
    values = {}
    for kind in ("slider", "select_slider", "toggle"):
        values.update({w.key: w.value for w in getattr(app, kind) if w.key in sim.PARAMETERS})
    return values


def kpi_table(app: AppTest):
    """The KPI table of the compare tab."""
    return app.dataframe[0].value


@pytest.fixture(scope="module")
def two_saved() -> AppTest:
    """A session that saved 'baseline' and then 'big plant' (plant 1 peak at 40,000) and picked 'baseline' as
    reference ('base' is a preset's name, which a saved scenario may not take)."""
    app = open_page()
    save(app, "baseline")
    app.slider(key="plant1.peak").set_value(40000).run()
    save(app, "big plant")
    return app.selectbox(key=compare.REFERENCE_KEY).set_value("baseline").run()


def test_saving_two_scenarios_compares_them_and_puts_them_in_the_link(two_saved):
    """Two saves give the overlay charts, a KPI table with both, a waterfall, and a link holding both."""
    app = two_saved
    assert not app.exception and not app.error
    assert list(sim.decode_scenarios(app.query_params["compare"])) == ["baseline", "big plant"]
    assert sim.decode_scenarios(app.query_params["compare"])["big plant"]["plant1.peak"] == 40000
    assert list(kpi_table(app).columns) == [
        "KPI",
        "baseline (reference)",
        "On screen",
        "Δ On screen",
        "big plant",
        "Δ big plant",
    ]
    assert len(app.get("vega_lite_chart")) == 3  # cumulative, monthly and the waterfall
    app.run()  # a second run changes nothing
    assert not app.exception and not app.error


def test_reopening_the_link_shows_the_same_comparison(two_saved):
    """A new session opened with the link has the same saved scenarios and the same KPI figures for them."""
    again = open_page({"compare": two_saved.query_params["compare"]})
    again.selectbox(key=compare.REFERENCE_KEY).set_value("baseline").run()
    assert not again.exception and not again.error
    columns = ["KPI", "baseline (reference)", "big plant", "Δ big plant"]
    assert kpi_table(again)[columns].equals(kpi_table(two_saved)[columns])
    assert again.selectbox(key=compare.TARGET_KEY).options == two_saved.selectbox(key=compare.TARGET_KEY).options


def test_removing_a_scenario_updates_the_table_and_the_link():
    """Remove drops the scenario from the table and from the link; removing the last one clears the link."""
    app = open_page()
    save(app, "first")
    save(app, "second")
    app.button(key="compare.remove.first").click().run()
    assert not app.exception
    assert list(sim.decode_scenarios(app.query_params["compare"])) == ["second"]
    assert "first" not in kpi_table(app).columns
    app.button(key="compare.remove.second").click().run()
    assert "compare" not in app.query_params


def test_a_broken_compare_link_shows_one_error_and_the_page_works():
    """A damaged code yields exactly one clear error, is dropped from the link, and the page keeps working."""
    app = open_page({"compare": "v1.not-a-real-code"})
    assert not app.exception
    assert len(app.error) == 1 and "could not be read" in as_read(app.error[0].value)
    assert "compare" not in app.query_params
    assert len(app.metric) == 8
    save(app, "after")
    assert not app.exception and not app.error
    assert list(sim.decode_scenarios(app.query_params["compare"])) == ["after"]


def test_saving_needs_a_free_name():
    """An empty name or the reserved 'On screen' is refused with one error; nothing is saved."""
    app = open_page()
    app.button(key="compare.save").click().run()
    assert len(app.error) == 1 and "name" in as_read(app.error[0].value)
    save(app, saved.on_screen_name())
    assert len(app.error) == 1 and "pick another name" in as_read(app.error[0].value)
    assert "compare" not in app.query_params


@pytest.mark.parametrize("kind", ["json", "zip"])
def test_uploading_a_scenario_restores_it_on_the_levers_and_cards(kind):
    """Uploading a scenario .json or a bundle .zip sets every lever to it and the cards show its KPIs."""
    data = BULL.to_json().encode() if kind == "json" else sim.scenario_bundle(BULL, seed=3)
    app = open_page()
    app.file_uploader(key=saved.UPLOAD_KEY).set_value((f"bull.{kind}", data, "application/octet-stream")).run()
    assert not app.exception and not app.error
    assert lever_values(app) == BULL.values()
    expected = sim.simulate(BULL).kpis
    assert app.metric[0].value == f"{expected['deliveries_2024']:,.0f}"
    assert app.metric[1].value == f"{expected['deliveries_2025']:,.0f}"
    assert kpi_table(app)[f"{saved.on_screen_name()} (reference)"].iloc[1] == f"{expected['deliveries_2025']:,.0f}"
    app.run()
    assert lever_values(app) == BULL.values()  # a later run leaves the restored values alone


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01garbage", b"{not json", b'{"schema_version": 1, "parameters": {"su7.price": 1}}', b"PK\x03\x04broken"],
)
def test_uploading_garbage_shows_one_error_and_keeps_the_scenario(data):
    """A bad upload shows exactly one clear error; the levers and cards are those of the scenario before it."""
    app = open_page()
    app.slider(key="plant1.peak").set_value(35000).run()
    before, cards = lever_values(app), [m.value for m in app.metric]
    app.file_uploader(key=saved.UPLOAD_KEY).set_value(("bad.json", data, "application/json")).run()
    assert not app.exception
    assert len(app.error) == 1 and "could not be restored" in as_read(app.error[0].value)
    assert "unchanged" in as_read(app.error[0].value)
    assert lever_values(app) == before and [m.value for m in app.metric] == cards


def test_export_button_offers_the_bundle_of_the_scenario_on_screen():
    """The download button is there, and the bundle it builds holds the scenario on screen with the page's seed."""
    app = open_page()
    app.slider(key="plant1.peak").set_value(36000).run()
    assert [b.label for b in app.get("download_button")] == ["Download this scenario (zip)"]
    on_screen = sim.Params(lever_values(app))
    with zipfile.ZipFile(io.BytesIO(sim.scenario_bundle(on_screen, seed=7))) as archive:
        assert sim.Params.from_json(archive.read("scenario.json").decode())["plant1.peak"] == 36000
