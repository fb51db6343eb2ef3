"""Chart builders, called without a page: valid Vega-Lite, the right data, tooltips, colours and units."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

import sim
from ui import cards, charts, display, launch
from ui.context import PageContext

EUR = display.Currency("EUR", 7.7)


@pytest.fixture(scope="module")
def run() -> sim.Run:
    """The base scenario's run."""
    return sim.simulate(sim.PRESETS["base"])


@pytest.fixture(scope="module")
def all_charts(run) -> dict[str, alt.TopLevelMixin]:
    """Every chart the page draws, built from the base run."""
    return {
        "deliveries": charts.deliveries_chart(run, sim.reported()),
        "cumulative": charts.cumulative_chart(run, sim.reported(), sim.targets()),
        "backlog": charts.backlog_chart(run),
        "wait": charts.wait_chart(run),
        "funnel": charts.funnel_chart(run),
        "money": charts.money_chart(run, EUR),
        "margin": charts.margin_chart(run, sim.economics()),
    }


def datasets(chart: alt.TopLevelMixin) -> list[list[dict]]:
    """The rows of every dataset inlined in the chart's Vega-Lite spec."""
    return list(chart.to_dict()["datasets"].values())


def test_every_chart_is_valid_vega_lite_with_tooltips(all_charts):
    """Each builder returns a chart that validates against the schema and has tooltips and a title."""
    for name, chart in all_charts.items():
        spec = json.dumps(chart.to_dict())  # to_dict validates against the Vega-Lite schema
        assert '"tooltip"' in spec, name
        assert chart.to_dict().get("title"), name


def test_month_axes_and_thousands_separators(all_charts):
    """Time axes show months ('%b %Y') and count axes use thousands separators."""
    for name in ("deliveries", "cumulative", "backlog"):
        spec = json.dumps(all_charts[name].to_dict())
        assert '"format": "%b %Y"' in spec and '"format": ",.0f"' in spec, name


def test_line_colours_are_the_same_in_every_chart(all_charts):
    """Every chart colouring by line maps each line label to its one colour."""
    for name in ("deliveries", "backlog", "wait", "funnel"):
        spec = all_charts[name].to_dict()
        layers = spec.get("layer", [spec])
        scale = next(layer["encoding"]["color"]["scale"] for layer in layers if "color" in layer.get("encoding", {}))
        mapping = dict(zip(scale["domain"], scale["range"], strict=True))
        for line in sim.LINES:
            assert mapping[sim.LINE_LABELS[line]] == launch.line_colors()[line], name


def test_deliveries_chart_data_matches_the_run(run):
    """The bars add up to the run's deliveries and the line carries the plants' capacity."""
    frame = charts.line_frame(run, ["deliveries"]).to_pandas()
    assert frame["deliveries"].sum() == pytest.approx(run.total["deliveries"].sum())
    assert set(frame["series"]) == {sim.LINE_LABELS[ln] for ln in run.lines.index.unique("line")}


def test_reported_points_carry_bound_and_source():
    """Reported deliveries keep their bound and source, with 'at least' figures marked as such."""
    points = charts.reported_points(sim.reported(), ["deliveries"], "2026-12")
    assert points["source"].str.len().min() > 0
    october = points[(points["month"] == pd.Timestamp("2024-10-01")) & (points["bound"] == "at_least")]
    assert october["value"].tolist() == [20000.0]  # the article's "more than 20,000 in October"
    assert set(points["bound_label"]) <= {charts.bound_label(bound) for bound in charts.BOUND_SHAPES}


def test_cumulative_chart_shows_both_accounts_of_october_2024(all_charts):
    """Both the article's 75,000 and the official 67,157 are plotted, each with its source."""
    rows = [row for data in datasets(all_charts["cumulative"]) for row in data if "source" in row]
    values = {row["value"]: row["source"] for row in rows}
    assert "75,000" in values[75000.0] and "67,157" in values[67157.0]
    assert 136854.0 in values  # official 2024 total, year to date at December


def test_targets_are_clipped_to_the_run(run):
    """Targets become segments within their year and inside the run's months (none before 2024-03)."""
    segments = charts.target_segments(sim.targets(), run.total.index)
    assert segments["start"].min() == pd.Timestamp("2024-03-01")
    assert (segments["start"] < segments["stop"]).all()
    assert 250000.0 in segments["value"].tolist()


def test_year_to_date_restarts_each_january(run):
    """Deliveries since January restart at each January's deliveries."""
    ytd = charts.year_to_date(run).to_pandas()
    january = ytd[ytd["month"] == pd.Timestamp("2025-01-01")].iloc[0]
    assert january["ytd"] == pytest.approx(january["deliveries"])
    december = ytd[ytd["month"] == pd.Timestamp("2024-12-01")].iloc[0]
    assert december["ytd"] == pytest.approx(run.kpis["deliveries_2024"])


def test_funnel_has_every_stage_for_each_enabled_line():
    """The funnel covers the six stages per enabled line; a disabled line is absent."""
    run = sim.simulate(sim.PRESETS["base"].with_values({"ultra.enabled": False}))
    frame = charts.funnel_frame(run)
    assert set(frame["stage"]) == set(charts.FUNNEL)
    assert set(frame["line"]) == set(sim.LINES) - {"ultra"}
    su7 = frame[(frame["line"] == "su7") & (frame["stage"] == "deliveries")]["value"].item()
    assert su7 == pytest.approx(run.lines.xs("su7", level="line")["deliveries"].sum())


def test_money_is_converted_at_the_display_rate(run):
    """Money charts show millions of the display currency: RMB / rate / 1e6."""
    frame = charts.money_frame(run, EUR)
    revenue = frame[frame["key"] == "revenue"]["value"].sum()
    assert revenue == pytest.approx(run.total["revenue"].sum() / 7.7 / 1e6)


def test_kpi_cards_show_goals_and_no_delta_against_themselves(run):
    """Cards against their own run show no deltas; values and goals are formatted for reading."""
    context = PageContext(
        params=run.params,
        run=run,
        preset="base",
        reference="base",
        reference_run=run,
        currency=display.Currency(),
        reported=sim.reported(),
        targets=sim.targets(),
        economics=sim.economics(),
    )
    shown = cards.kpi_cards(context)
    assert len(shown) == 8 and all(card.delta is None for card in shown)
    assert shown[0].value == f"{run.kpis['deliveries_2024']:,.0f}" and "goal 130,000" in shown[0].note
    assert "250,000" in shown[1].note


def test_display_formats():
    """Counts, money and months read the way analysts write them."""
    assert display.count(117157.4) == "117,157"
    assert display.money(1.2288e11, display.Currency()) == "RMB 123 bn"
    assert display.money(7.7e9, EUR) == "EUR 1.0 bn"
    assert display.month("2024-12") == "Dec 2024" and display.month(None) == "not reached"
    assert display.months_between("2024-11", "2025-01") == 2


def _frames_and_options(kind: str, run: sim.Run) -> tuple[dict[str, pd.DataFrame], tuple]:
    """The tables and display options the page passes for chart ``kind`` (as ``ui.tabs`` does)."""
    reported, targets, economics, end = sim.reported(), sim.targets(), sim.economics(), run.params["end"]
    return {
        "deliveries": ({**charts.deliveries_frames(run), **charts.deliveries_reference(reported, end)}, ()),
        "cumulative": ({**charts.cumulative_frames(run), **charts.cumulative_reference(reported, targets, end)}, ()),
        "backlog": (charts.backlog_frames(run), ()),
        "wait": (charts.wait_frames(run), ()),
        "funnel": (charts.funnel_frames(run), ()),
        "money": (charts.money_frames(run, EUR), ("EUR",)),
        "margin": ({**charts.margin_frames(run), **charts.margin_reference(economics, end)}, (True,)),
    }[kind]


@pytest.mark.parametrize("kind", ["deliveries", "cumulative", "backlog", "wait", "funnel", "money", "margin"])
def test_cached_spec_with_new_data_equals_a_fresh_build(kind, all_charts):
    """The page's cached spec (built once) with another run's tables equals a fresh to_dict() of the builder."""
    from ui.tabs import LAYOUTS

    template = charts.chart_spec(LAYOUTS[kind](*_frames_and_options(kind, sim.simulate(sim.PRESETS["base"]))[1]))
    kept = json.dumps(template, sort_keys=True)
    other = sim.simulate(sim.PRESETS["bear"].with_values({"end": "2027-06"}))
    frames, _ = _frames_and_options(kind, other)
    fresh = {
        "deliveries": lambda: charts.deliveries_chart(other, sim.reported()),
        "cumulative": lambda: charts.cumulative_chart(other, sim.reported(), sim.targets()),
        "backlog": lambda: charts.backlog_chart(other),
        "wait": lambda: charts.wait_chart(other),
        "funnel": lambda: charts.funnel_chart(other),
        "money": lambda: charts.money_chart(other, EUR),
        "margin": lambda: charts.margin_chart(other, sim.economics()),
    }[kind]().to_dict()
    fresh.pop("config", None)  # Altair's default theme, which Streamlit leaves out too
    cached = charts.spec_with_data(template, {name: charts.records(frame) for name, frame in frames.items()})
    assert cached == fresh
    assert json.dumps(template, sort_keys=True) == kept  # the shared template is never changed


def test_money_template_depends_on_the_currency():
    """The money chart's cached spec is per display currency: its axis names the currency."""
    usd, eur = (json.dumps(charts.chart_spec(charts.money_layout(code))) for code in ("USD", "EUR"))
    assert "USD million" in usd and "EUR million" in eur and "EUR" not in usd


@pytest.mark.parametrize("kind", ["deliveries", "cumulative", "backlog", "wait", "funnel", "money", "margin"])
def test_arrow_bytes_carry_the_same_table_as_streamlits_own(kind):
    """The page's Arrow bytes of a run's tables decode to the columns and values Streamlit's pandas path sends
    (for an Arrow table: of the table as a pandas frame)."""
    import pyarrow as pa
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    from ui.tabs import arrow_bytes

    frames, _ = _frames_and_options(kind, sim.simulate(sim.PRESETS["bull"]))
    for name, table in frames.items():
        frame = table.to_pandas() if isinstance(table, pa.Table) else table
        ours = pa.ipc.open_stream(arrow_bytes(table)).read_all()
        theirs = pa.ipc.open_stream(convert_anything_to_arrow_bytes(frame)).read_all()
        assert ours.column_names == list(frame.columns) and ours.num_rows == len(frame) > 0, name
        assert ours.to_pylist() == theirs.select(list(frame.columns)).to_pylist(), name
