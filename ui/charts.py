"""Chart builders: pure functions from a ``sim.Run`` (and the reported figures) to Altair charts.

No Streamlit here, so tests call them directly. Every chart uses the same colour per line, months on a time axis,
thousands separators and tooltips; reported figures carry their source in the tooltip.

Each chart is authored once, in two halves: ``*_layout(...)`` is the Altair chart over named datasets (it depends
only on display settings such as the currency) and ``*_frames(...)`` the tables that fill them (they depend on the
run). The builder ``*_chart`` joins the two (:func:`with_data`). The page keeps each layout's Vega-Lite spec
(:func:`chart_spec`, built and validated once) and on a rerun sends it with the new tables
(:func:`spec_with_data`) instead of rebuilding and re-validating the chart; a test holds the two paths equal.
The run's tables are Arrow tables built straight from its arrays (:func:`table`): no pandas on a rerun's hot path;
the reported figures, made once, stay pandas frames. Both go to Streamlit and Altair alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

import sim
from ui import binding, display, i18n, launch
from ui.display import Currency, month_start, month_start_values

CAPACITY = "chart.capacity"  # the two series that are not a line: catalogue keys, named by series_name()
ALL_LINES = "data.all_lines"
TOTAL_COLORS = {CAPACITY: "#555555", ALL_LINES: "#222222"}
BOUND_SHAPES = {"exact": "circle", "derived": "square", "estimate": "diamond", "at_least": "triangle-up"}
FUNNEL = ("interest", "reservations", "orders", "deliveries", "refunds", "cancellations")
HEIGHT = 320
LEGEND_BELOW = alt.Legend(orient="bottom", direction="horizontal", columns=3, labelLimit=220)  # fits a phone's width
TARGET_KINDS = {"company": "#d62728", "analysts": "#2ca02c"}  # one colour per kind of target, on every tab

MONTH_AXIS = alt.Axis(format="%b %Y", labelAngle=-40, tickCount="month")
MONTH_X = alt.X("month:T", title=None, axis=MONTH_AXIS)
MONTH_BAND_X = alt.X("yearmonth(month):T", title=None, axis=MONTH_AXIS)  # bars a month wide
MONTH_MID_X = alt.X("yearmonth(month):T", bandPosition=0.5)  # marks centred on those bars


def series_colors() -> dict[str, str]:
    """Series -> colour for the launch on screen: each line's label (colour from lines.csv), CAPACITY, ALL_LINES."""
    colors, labels = launch.line_colors(), launch.line_labels()
    return {**{labels[ln]: colors[ln] for ln in launch.lines()}, **TOTAL_COLORS}


def line_series() -> tuple[str, ...]:
    """The line labels of the launch on screen, in table order."""
    return tuple(launch.line_labels().values())


THEME_DEFAULTS = {"view": {"continuousWidth": 300, "continuousHeight": 300}}  # Altair's default theme


def named(name: str) -> alt.NamedData:
    """A reference to the dataset ``name`` of the chart's spec (filled by :func:`with_data` or the page)."""
    return alt.NamedData(name=name)


Table = pd.DataFrame | pa.Table  # a chart's dataset: a run's table (Arrow) or reported figures (pandas)


def table(**columns: Any) -> pa.Table:
    """A chart's dataset from its columns (arrays or lists, in order), as pandas writes a table to Arrow (NaN: null)."""
    return pa.table({name: pa.array(values, from_pandas=True) for name, values in columns.items()})


def records(frame: Table) -> list[dict[str, Any]]:
    """A table as Vega-Lite inline values, the way Altair writes a DataFrame (dates as ISO strings, NaN as null)."""
    return alt.utils.data.to_values(frame.to_pandas() if isinstance(frame, pa.Table) else frame)["values"]


def with_data(chart: alt.TopLevelMixin, frames: Mapping[str, Table]) -> alt.TopLevelMixin:
    """``chart`` (a layout over named datasets) carrying ``frames`` inline as those datasets."""
    return chart.properties(datasets={name: records(frame) for name, frame in frames.items()})


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` as Streamlit draws it: ``to_dict()`` without Altair's default theme."""
    spec = chart.to_dict()
    if spec.get("config") == THEME_DEFAULTS:
        del spec["config"]
    if display.vega_locale():  # axes and tooltips in the page language's months and separators
        spec.setdefault("config", {})["locale"] = display.vega_locale()
    return spec


def spec_with_data(template: Mapping[str, Any], frames: Mapping[str, Any]) -> dict[str, Any]:
    """A new spec: ``template`` (never changed, it is shared) with ``frames`` as its datasets."""
    return {**template, "datasets": dict(frames)}


def month_tip() -> alt.Tooltip:
    """The month in a tooltip, titled in the page language."""
    return alt.Tooltip("month:T", title=i18n.t("col.month"), format="%b %Y")


def series_name(series: str) -> str:
    """A series as legends and tooltips name it: a line's label, or capacity and all lines in the page language."""
    return i18n.t(series) if series in (CAPACITY, ALL_LINES) else series


def bound_label(bound: str) -> str:
    """A reported figure's bound ('at_least') in the page language ('at least', 'au moins')."""
    return i18n.t(f"bound.{bound}")


def target_label(kind: str) -> str:
    """Who set a target ('company', 'analysts') in the page language."""
    return i18n.t(f"chart.target.{kind}")


def target_scale() -> alt.Scale:
    """One colour per kind of target, on every tab, its legend in the page language."""
    return alt.Scale(domain=[target_label(kind) for kind in TARGET_KINDS], range=list(TARGET_KINDS.values()))


def figure_name(metric: str) -> str:
    """A reported figure's metric in words ('cum_deliveries' -> 'deliveries to date')."""
    return i18n.t(f"figure.{metric}") if i18n.has(f"figure.{metric}") else metric.replace("_", " ")


def _series_color(*series: str) -> alt.Color:
    """Colour by the ``series`` column, the same colour for a line (or capacity, or all lines) in every chart."""
    colors = series_colors()
    shown = [s for s in colors if s in series] if series else list(colors)
    scale = alt.Scale(domain=[series_name(s) for s in shown], range=[colors[s] for s in shown])
    return alt.Color("series:N", title=None, scale=scale, legend=LEGEND_BELOW)


def line_frame(run: sim.Run, columns: list[str]) -> pa.Table:
    """Per-line monthly ``columns`` in long form: month (first day), line key, columns, series (line label)."""
    index = run.lines.index
    months, lines = (index.levels[index.names.index(name)] for name in ("month", "line"))
    month_codes, line_codes = (index.codes[index.names.index(name)] for name in ("month", "line"))
    # Built from the index's levels and codes: a few months and lines, looked up once each (a rerun's hot path).
    line_keys = np.array(lines.tolist(), dtype=object)
    names = launch.line_labels()
    labels = np.array([names[line] for line in line_keys], dtype=object)
    return table(
        month=month_start_values(months)[month_codes],
        line=line_keys[line_codes],
        **{c: run.lines[c].to_numpy() for c in columns},
        series=labels[line_codes],
    )


def total_frame(run: sim.Run, columns: list[str], series: str | None = None) -> pa.Table:
    """Monthly totals of ``columns`` after the month (first day), then a ``series`` column, if given."""
    total = run.total
    named = {} if series is None else {"series": [series] * len(total)}
    return table(month=month_start_values(total.index), **{c: total[c].to_numpy() for c in columns}, **named)


def reported_points(reported: pd.DataFrame, metrics: list[str], end: str | None = None) -> pd.DataFrame:
    """Reported figures of ``metrics`` up to ``end``, ready to plot: month, series, metric (and its words in
    ``figure``), value, bound (and its words in ``bound_label``), source."""
    frame = reported[reported["metric"].isin(metrics)].copy()
    if end is not None:
        frame = frame[frame["month"] <= pd.Period(end, freq="M")]
    frame["series"] = frame["line"].map({**launch.line_labels(), "all": series_name(ALL_LINES)})
    frame["figure"] = frame["metric"].map(figure_name)
    frame["bound_label"] = frame["bound"].map(bound_label)
    frame["month"] = month_start(frame["month"])
    columns = ["month", "series", "metric", "figure", "value", "bound", "bound_label", "source"]
    return frame[columns].reset_index(drop=True)


def _reported_layer(points: alt.NamedData) -> alt.Chart:
    shapes = alt.Scale(domain=[bound_label(b) for b in BOUND_SHAPES], range=list(BOUND_SHAPES.values()))
    return (
        alt.Chart(points)
        .mark_point(filled=True, size=70, color="#111111", stroke="white", strokeWidth=0.8, opacity=0.9)
        .encode(
            x=MONTH_MID_X,
            y=alt.Y("value:Q"),
            shape=alt.Shape("bound_label:N", title=i18n.t("chart.reported_legend"), scale=shapes, legend=LEGEND_BELOW),
            tooltip=[
                month_tip(),
                alt.Tooltip("series:N", title=i18n.t("col.line")),
                alt.Tooltip("figure:N", title=i18n.t("chart.tip.figure")),
                alt.Tooltip("value:Q", title=i18n.t("sources.figure"), format=",.0f"),
                alt.Tooltip("bound_label:N", title=i18n.t("sources.bound")),
                alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
            ],
        )
    )


def deliveries_frames(run: sim.Run) -> dict[str, pa.Table]:
    """The run's tables of :func:`deliveries_layout`: deliveries by line, capacity, and months at capacity."""
    return {
        "bars": line_frame(run, ["deliveries"]),
        "capacity": total_frame(run, ["capacity"], series=series_name(CAPACITY)),
        "bound": binding.capacity_rows(run),
    }


def deliveries_reference(reported: pd.DataFrame, end: str) -> dict[str, pd.DataFrame]:
    """The reported figures of :func:`deliveries_layout` up to ``end``: monthly deliveries (same for every run)."""
    return {"reported": reported_points(reported, ["deliveries"], end)}


def deliveries_chart(run: sim.Run, reported: pd.DataFrame) -> alt.LayerChart:
    """Monthly deliveries stacked by line, plant capacity, and the reported monthly deliveries overlaid."""
    frames = {**deliveries_frames(run), **deliveries_reference(reported, run.params["end"])}
    return with_data(deliveries_layout(), frames)


def deliveries_layout() -> alt.LayerChart:
    """The deliveries chart over the datasets of :func:`deliveries_frames`."""
    bars = (
        alt.Chart(named("bars"))
        .mark_bar()
        .encode(
            x=MONTH_BAND_X,
            y=alt.Y("deliveries:Q", title=i18n.t("chart.deliveries.y"), stack="zero", axis=alt.Axis(format=",.0f")),
            color=_series_color(*line_series(), CAPACITY),
            order=alt.Order("line:N"),
            tooltip=[
                month_tip(),
                alt.Tooltip("series:N", title=i18n.t("col.line")),
                alt.Tooltip("deliveries:Q", title=i18n.t("chart.tip.deliveries"), format=",.0f"),
            ],
        )
    )
    capacity_line = (
        alt.Chart(named("capacity"))
        .mark_line(strokeDash=[5, 3], strokeWidth=2, interpolate="step")
        .encode(
            x=MONTH_MID_X,
            y=alt.Y("capacity:Q"),
            color=_series_color(*line_series(), CAPACITY),
            tooltip=[month_tip(), alt.Tooltip("capacity:Q", title=series_name(CAPACITY), format=",.0f")],
        )
    )
    shading = (
        alt.Chart(named("bound"))
        .mark_rect(color="#7f7f7f", opacity=0.12)
        .encode(
            x=alt.X("start:T"),
            x2=alt.X2("stop:T"),
            tooltip=[
                alt.Tooltip("plant:N", title=None),
                alt.Tooltip("start:T", title=i18n.t("chart.tip.from"), format="%b %Y"),
            ],
        )
    )
    return (
        alt.layer(shading, bars, capacity_line, _reported_layer(named("reported")))
        .resolve_scale(color="shared")
        .properties(
            height=HEIGHT,
            title=i18n.t("chart.deliveries.title"),
        )
    )


def year_to_date(run: sim.Run) -> pa.Table:
    """Deliveries since January of each year (all lines), by month: month, deliveries, year, ytd."""
    months, deliveries = run.total.index, run.total["deliveries"].to_numpy()
    ordinals = months.asi8  # months since 1970-01: January when divisible by 12 (cheaper than Period fields)
    cum = np.cumsum(deliveries)
    # cumulative deliveries at the end of the year before each month (0 in the run's first year)
    before_year = np.maximum.accumulate(np.where(ordinals % 12 == 0, cum - deliveries, 0.0))
    year = 1970 + ordinals // 12
    return table(month=month_start_values(months), deliveries=deliveries, year=year, ytd=cum - before_year)


def target_segments(targets: pd.DataFrame, months: pd.PeriodIndex) -> pd.DataFrame:
    """Yearly targets as horizontal segments over their year, clipped to the run's months (who set each, and
    when, in the page language)."""
    first, last = months[0], months[-1]
    rows = []
    for t in targets.itertuples():
        start, stop = max(pd.Period(f"{t.year}-01", freq="M"), first), min(pd.Period(f"{t.year}-12", freq="M"), last)
        if start <= stop:
            rows.append(
                dict(
                    start=start.to_timestamp(),
                    stop=(stop + 1).to_timestamp(),
                    value=t.value,
                    kind=t.kind,
                    who=target_label(t.kind),
                    year=t.year,
                    as_of=display.month(t.as_of.strftime("%Y-%m")),
                    source=t.source,
                )
            )
    return pd.DataFrame(rows, columns=["start", "stop", "value", "kind", "who", "year", "as_of", "source"])


def cumulative_frames(run: sim.Run) -> dict[str, pa.Table]:
    """The run's table of :func:`cumulative_layout`: deliveries since January."""
    return {"ytd": year_to_date(run)}


def cumulative_reference(reported: pd.DataFrame, targets: pd.DataFrame, end: str) -> dict[str, pd.DataFrame]:
    """The targets and reported year-to-date figures of :func:`cumulative_layout` up to ``end``.

    Reported cumulative figures from 2024 count from the SU7's launch in March 2024, i.e. year to date; later
    ones count since launch and are left out. The 75,000 article figure and the official 67,157 both show.
    """
    points = reported_points(reported, ["cum_deliveries", "deliveries_year"], end)
    points = points[(points["metric"] == "deliveries_year") | (points["month"].dt.year == 2024)]
    return {"goals": target_segments(targets, launch.package().months(end)), "reported": points}


def cumulative_chart(run: sim.Run, reported: pd.DataFrame, targets: pd.DataFrame) -> alt.LayerChart:
    """Deliveries since January of each year against that year's targets, with the reported year-to-date figures."""
    frames = {**cumulative_frames(run), **cumulative_reference(reported, targets, run.params["end"])}
    return with_data(cumulative_layout(), frames)


def cumulative_layout() -> alt.LayerChart:
    """The cumulative chart over the datasets of :func:`cumulative_frames`."""
    ytd = (
        alt.Chart(named("ytd"))
        .mark_line(point=alt.OverlayMarkDef(color="#222222", size=20), color="#222222")
        .encode(
            x=MONTH_X,
            y=alt.Y("ytd:Q", title=i18n.t("chart.cumulative.y"), axis=alt.Axis(format=",.0f")),
            detail=alt.Detail("year:O"),
            tooltip=[
                month_tip(),
                alt.Tooltip("ytd:Q", title=i18n.t("chart.tip.ytd"), format=",.0f"),
                alt.Tooltip("deliveries:Q", title=i18n.t("chart.tip.this_month"), format=",.0f"),
            ],
        )
    )
    goals = (
        alt.Chart(named("goals"))
        .mark_rule(strokeDash=[6, 3], strokeWidth=2, opacity=0.7)
        .encode(
            x=alt.X("start:T"),
            x2=alt.X2("stop:T"),
            y=alt.Y("value:Q"),
            color=alt.Color("who:N", title=i18n.t("chart.target"), scale=target_scale(), legend=LEGEND_BELOW),
            tooltip=[
                alt.Tooltip("year:O", title=i18n.t("chart.tip.year")),
                alt.Tooltip("value:Q", title=i18n.t("chart.target"), format=",.0f"),
                alt.Tooltip("who:N", title=i18n.t("chart.tip.set_by")),
                alt.Tooltip("as_of:N", title=i18n.t("chart.tip.as_of")),
                alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
            ],
        )
    )
    points = _reported_layer(named("reported")).encode(x=alt.X("month:T"))
    return alt.layer(goals, ytd, points).properties(height=HEIGHT, title=i18n.t("chart.cumulative.title"))


def backlog_frames(run: sim.Run) -> dict[str, pa.Table]:
    """The table of :func:`backlog_layout`: order book and pending reservations by line."""
    return {"book": line_frame(run, ["backlog", "pending"])}


def backlog_chart(run: sim.Run) -> alt.Chart:
    """The order book (locked orders not yet delivered) at each month's end, stacked by line."""
    return with_data(backlog_layout(), backlog_frames(run))


def backlog_layout() -> alt.Chart:
    """The order book chart over the dataset of :func:`backlog_frames`."""
    return (
        alt.Chart(named("book"))
        .mark_area(opacity=0.85)
        .encode(
            x=MONTH_X,
            y=alt.Y("backlog:Q", title=i18n.t("chart.backlog.y"), stack="zero", axis=alt.Axis(format=",.0f")),
            color=_series_color(*line_series()),
            order=alt.Order("line:N"),
            tooltip=[
                month_tip(),
                alt.Tooltip("series:N", title=i18n.t("col.line")),
                alt.Tooltip("backlog:Q", title=i18n.t("chart.tip.backlog"), format=",.0f"),
                alt.Tooltip("pending:Q", title=i18n.t("chart.tip.pending"), format=",.0f"),
            ],
        )
        .properties(height=HEIGHT, title=i18n.t("chart.backlog.title"))
    )


def wait_frames(run: sim.Run) -> dict[str, pa.Table]:
    """The tables of :func:`wait_layout`: waits per line (while it has a book), the average, buyer patience."""
    lines = line_frame(run, ["wait_months", "backlog", "orders"])
    return {
        "lines": lines.filter(pc.greater(pc.add(lines["backlog"], lines["orders"]), 0.5)),
        "average": total_frame(run, ["wait_months"], series=series_name(ALL_LINES)),
        "patience": table(patience=[run.params["patience_months"]]),
    }


def wait_chart(run: sim.Run) -> alt.LayerChart:
    """Waiting time quoted to a new buyer per line (while it has a book) and the book-weighted average."""
    return with_data(wait_layout(), wait_frames(run))


def wait_layout() -> alt.LayerChart:
    """The waiting-time chart over the datasets of :func:`wait_frames`."""
    tips = [
        month_tip(),
        alt.Tooltip("series:N", title=i18n.t("col.line")),
        alt.Tooltip("wait_months:Q", title=i18n.t("chart.tip.wait"), format=".1f"),
    ]
    y = alt.Y("wait_months:Q", title=i18n.t("chart.wait.y"))
    colors = _series_color(*line_series(), ALL_LINES)
    per_line = alt.Chart(named("lines")).mark_line().encode(x=MONTH_X, y=y, color=colors, tooltip=tips)
    average = (
        alt.Chart(named("average"))
        .mark_line(strokeDash=[4, 2], strokeWidth=2.5)
        .encode(x=alt.X("month:T"), y=alt.Y("wait_months:Q"), color=colors, tooltip=tips)
    )
    patience = (
        alt.Chart(named("patience"))
        .mark_rule(color="#999999", strokeDash=[2, 2])
        .encode(
            y=alt.Y("patience:Q"), tooltip=[alt.Tooltip("patience:Q", title=i18n.t("chart.tip.patience"), format=".1f")]
        )
    )
    return alt.layer(per_line, average, patience).properties(height=HEIGHT, title=i18n.t("chart.wait.title"))


def funnel_frame(run: sim.Run) -> pd.DataFrame:
    """Totals over the horizon per line and funnel stage: line, series, stage (and its words in ``step``), value."""
    totals = run.lines[list(FUNNEL)].groupby(level="line").sum()
    frame = totals.reset_index().melt(id_vars="line", var_name="stage", value_name="value")
    frame["series"] = frame["line"].map(launch.line_labels())
    frame["step"] = frame["stage"].map(lambda stage: i18n.t(f"chart.stage.{stage}"))
    return frame


def funnel_chart(run: sim.Run) -> alt.Chart:
    """The pre-order funnel per line over the horizon: interest, reservations, orders, deliveries, exits."""
    return with_data(funnel_layout(), funnel_frames(run))


def funnel_frames(run: sim.Run) -> dict[str, pd.DataFrame]:
    """The table of :func:`funnel_layout`."""
    return {"funnel": funnel_frame(run)}


def funnel_layout() -> alt.Chart:
    """The funnel chart over the dataset of :func:`funnel_frames`."""
    steps = [i18n.t(f"chart.stage.{stage}") for stage in FUNNEL]
    return (
        alt.Chart(named("funnel"))
        .mark_bar()
        .encode(
            x=alt.X("step:N", title=None, sort=steps, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("series:N", sort=list(series_colors())),
            y=alt.Y("value:Q", title=i18n.t("chart.funnel.y"), axis=alt.Axis(format=",.0f")),
            color=_series_color(*line_series()),
            tooltip=[
                alt.Tooltip("series:N", title=i18n.t("col.line")),
                alt.Tooltip("step:N", title=i18n.t("chart.tip.stage")),
                alt.Tooltip("value:Q", title=i18n.t("chart.tip.total"), format=",.0f"),
            ],
        )
        .properties(height=HEIGHT, title=i18n.t("chart.funnel.title"))
    )


MONEY_SERIES = {  # measure -> the catalogue key of its name
    "revenue": "col.revenue",
    "gross_profit": "col.gross_profit",
    "deposits_held": "col.deposits_held",
    "cum_forfeited": "chart.money.cum_forfeited",
}


def money_frame(run: sim.Run, currency: Currency) -> pd.DataFrame:
    """Monthly money in millions of ``currency``, long form: month, measure, value."""
    frame = total_frame(run, ["revenue", "gross_profit", "deposits_held", "forfeited_deposits"]).to_pandas()
    frame["cum_forfeited"] = frame["forfeited_deposits"].cumsum()
    long = frame.melt(id_vars="month", value_vars=list(MONEY_SERIES), var_name="key", value_name="rmb")
    long["measure"] = long["key"].map(lambda key: i18n.t(MONEY_SERIES[key]))
    long["value"] = currency.convert(long["rmb"]) / 1e6
    return long


def money_chart(run: sim.Run, currency: Currency) -> alt.Chart:
    """Revenue, gross profit, deposits held and cumulative forfeited deposits per month, in ``currency``."""
    return with_data(money_layout(currency.code), money_frames(run, currency))


def money_frames(run: sim.Run, currency: Currency) -> dict[str, pd.DataFrame]:
    """The table of :func:`money_layout`, in ``currency``."""
    return {"money": money_frame(run, currency)}


def money_layout(currency_code: str) -> alt.Chart:
    """The money chart over the dataset of :func:`money_frames`, titled in the currency ``currency_code``."""
    unit = i18n.t("unit.money_m", code=currency_code)
    names = [i18n.t(key) for key in MONEY_SERIES.values()]
    colors = alt.Scale(domain=names, range=["#1f77b4", "#2ca02c", "#ff7f0e", "#d62728"])
    return (
        alt.Chart(named("money"))
        .mark_line(point=alt.OverlayMarkDef(size=15))
        .encode(
            x=MONTH_X,
            y=alt.Y("value:Q", title=unit, axis=alt.Axis(format=",.0f")),
            color=alt.Color("measure:N", title=None, scale=colors, legend=LEGEND_BELOW),
            tooltip=[
                month_tip(),
                alt.Tooltip("measure:N", title=i18n.t("chart.tip.measure")),
                alt.Tooltip("value:Q", title=unit, format=",.1f"),
            ],
        )
        .properties(height=HEIGHT, title=i18n.t("chart.money.title", unit=unit))
    )


def margin_frames(run: sim.Run) -> dict[str, pd.DataFrame]:
    """The run's table of :func:`margin_layout`: monthly gross margin where there is revenue."""
    frame = total_frame(run, ["revenue", "gross_profit"]).to_pandas()
    return {"margin": frame[frame["revenue"] > 0].assign(margin=lambda f: f["gross_profit"] / f["revenue"])}


def margin_reference(economics: pd.DataFrame, end: str) -> dict[str, pd.DataFrame]:
    """The reported quarterly gross margins of :func:`margin_layout` up to ``end``."""
    quarters = economics[
        (economics["metric"] == "gross_margin") & (economics["quarter_end"] <= pd.Period(end, freq="M"))
    ].copy()
    return {"quarters": quarters.assign(month=month_start(quarters["quarter_end"]))[["month", "value", "source"]]}


def margin_chart(run: sim.Run, economics: pd.DataFrame | None = None) -> alt.LayerChart:
    """Monthly gross margin (gross profit / revenue), with the reported quarterly margins where given."""
    reference = {} if economics is None else margin_reference(economics, run.params["end"])
    return with_data(margin_layout(economics is not None), {**margin_frames(run), **reference})


def margin_layout(reported_quarters: bool = True) -> alt.LayerChart:
    """The gross margin chart over the datasets of :func:`margin_frames` (quarters only if ``reported_quarters``)."""
    line = (
        alt.Chart(named("margin"))
        .mark_line(color="#2ca02c")
        .encode(
            x=MONTH_X,
            y=alt.Y("margin:Q", title=i18n.t("chart.margin.y"), axis=alt.Axis(format=".0%")),
            tooltip=[month_tip(), alt.Tooltip("margin:Q", title=i18n.t("chart.margin.y"), format=".1%")],
        )
    )
    layers = [line]
    if reported_quarters:
        layers.append(
            alt.Chart(named("quarters"))
            .mark_point(filled=True, size=70, color="#111111", shape="diamond")
            .encode(
                x=alt.X("month:T"),
                y=alt.Y("value:Q"),
                tooltip=[
                    alt.Tooltip("month:T", title=i18n.t("chart.tip.quarter_end"), format="%b %Y"),
                    alt.Tooltip("value:Q", title=i18n.t("chart.tip.reported_margin"), format=".1%"),
                    alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
                ],
            )
        )
    return alt.layer(*layers).properties(height=HEIGHT, title=i18n.t("chart.margin.title"))
