"""The page's tabs. Each is one function ``render(context)``; ``app.py`` lists them, so a new tab is one line there.

The tabs are bound to the link and only the open one runs, so a slider change redraws only what is on screen.
A chart costs what its data costs: its Vega-Lite spec is built and validated once per process for each chart kind
and display currency (:func:`chart_template`), and each rerun sends that spec with the run's tables (see
``ui.charts``).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from functools import lru_cache
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.dataframe_util import (  # what st.vega_lite_chart does to a table
    convert_anything_to_arrow_bytes,
    convert_arrow_table_to_arrow_bytes,
)

import sim
from ui import charts, deposits, display, i18n, launch, summaries
from ui.context import PARAMS_HASH, PageContext, economics, reported, targets
from ui.display import Currency

LAYOUTS = {  # chart kind -> its layout over named datasets (``ui.charts``), called with the display options
    "deliveries": charts.deliveries_layout,
    "cumulative": charts.cumulative_layout,
    "backlog": charts.backlog_layout,
    "wait": charts.wait_layout,
    "funnel": charts.funnel_layout,
    "money": charts.money_layout,
    "margin": charts.margin_layout,
}


TABLE_KEY = "data_table"  # session: the Data tab's table (total or a line)


@lru_cache(maxsize=64)  # per process, as ``ui.context`` memoises what is keyed on a few strings
def chart_template(kind: str, lang: str, launch_key: str, *options: Hashable) -> dict[str, Any]:
    """The Vega-Lite spec of chart ``kind`` in language ``lang`` for launch ``launch_key`` (its lines' colours)
    with display ``options`` (e.g. the currency), without data.

    Built and validated once per process and shared by every session, so it is never changed: each rerun copies
    it with its own datasets (``charts.spec_with_data``).
    """
    return charts.chart_spec(LAYOUTS[kind](*options))


REFERENCES = {  # chart kind -> its reported figures and targets up to a horizon's last month (``ui.charts``)
    "deliveries": lambda end: charts.deliveries_reference(reported(), end),
    "cumulative": lambda end: charts.cumulative_reference(reported(), targets(), end),
    "margin": lambda end: charts.margin_reference(economics(), end),
}


@lru_cache(maxsize=64)
def chart_reference(kind: str, end: str, launch_key: str, lang: str) -> dict[str, bytes]:
    """The reported figures and targets of launch ``launch_key`` chart ``kind`` shows up to ``end`` in ``lang``
    (their series and words are in the page language), as the Arrow bytes Streamlit sends.

    The same for every run, so they are made and serialised once per horizon and language (Streamlit passes bytes
    through).
    """
    return {name: convert_anything_to_arrow_bytes(frame) for name, frame in REFERENCES[kind](end).items()}


def arrow_bytes(frame: charts.Table) -> bytes:
    """A chart's table as Arrow IPC bytes: an Arrow table as it is; a pandas frame from its columns, as Streamlit
    builds a Polars frame's (no pandas index or metadata, which a chart does not read), about half the cost of
    Streamlit's pandas path."""
    if not isinstance(frame, pa.Table):
        frame = pa.table({name: pa.array(frame[name].to_numpy(), from_pandas=True) for name in frame.columns})
    return convert_arrow_table_to_arrow_bytes(frame)


def _chart(kind: str, frames: Mapping[str, charts.Table], *options: Hashable, end: str | None = None) -> None:
    """Draw chart ``kind`` from its cached spec, the run's ``frames`` and (given ``end``) its reference figures."""
    key = launch.key()
    datasets = {name: arrow_bytes(frame) for name, frame in frames.items()}
    if end is not None:
        datasets.update(chart_reference(kind, end, key, i18n.lang()))
    template = chart_template(kind, i18n.lang(), key, *options)
    st.vega_lite_chart(charts.spec_with_data(template, datasets), width="stretch")


def render_deliveries_tab(context: PageContext) -> None:
    """Monthly deliveries with capacity and reported figures; cumulative deliveries against the targets."""
    end = context.params["end"]
    _chart("deliveries", charts.deliveries_frames(context.run), end=end)
    st.caption(summaries.deliveries(context.run))
    _chart("cumulative", charts.cumulative_frames(context.run), end=end)
    st.caption(summaries.cumulative(context.run))
    render_sources(["deliveries", "cum_deliveries", "deliveries_year"], end)


def render_orders_tab(context: PageContext) -> None:
    """The order book and waiting time side by side, then the pre-order funnel."""
    left, right = st.columns(2)
    with left:
        _chart("backlog", charts.backlog_frames(context.run))
    with right:
        _chart("wait", charts.wait_frames(context.run))
    st.caption(summaries.orders(context.run))
    _chart("funnel", charts.funnel_frames(context.run))
    st.caption(summaries.funnel(context.run))
    render_deposits(context)


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=PARAMS_HASH)
def cached_deposit_curves(p: sim.Params) -> pd.DataFrame:
    """``ui.deposits.deposit_curves`` memoised on the scenario (one batch through the model for every line)."""
    return deposits.deposit_curves(p)


DEPOSIT_LINE_KEY = "deposits.line"  # session: the line whose deposit curve is shown


def render_deposits(context: PageContext) -> None:
    """Each line's funnel rates, and the deposit curve of one line with its deposit now marked."""
    st.subheader(i18n.t("deposits.heading"))
    st.dataframe(deposits.rates_table(deposits.funnel_rates(context.run)), hide_index=True, width="stretch")
    st.caption(i18n.t("deposits.rates.caption"))
    lines = [ln for ln in launch.lines() if ln in context.run.lines.index.unique("line")]
    line = st.segmented_control(
        i18n.t("deposits.pick"),
        lines,
        default="ultra" if "ultra" in lines else lines[0],
        key=DEPOSIT_LINE_KEY,
        required=True,
        format_func=launch.line_labels().get,
    )
    line = line if line in lines else lines[0]
    curve = cached_deposit_curves(context.params)
    current = context.params[f"{line}.deposit"]
    st.altair_chart(deposits.deposit_chart(curve, line, current), width="stretch")
    st.caption(deposits.curve_summary(curve, line, current))
    st.caption(i18n.t("deposits.curve.caption"))


def render_money_tab(context: PageContext) -> None:
    """Revenue, gross profit and deposits in the display currency; gross margin against the reported quarters."""
    left, right = st.columns(2)
    with left:
        _chart("money", charts.money_frames(context.run, context.currency), context.currency.code)
    with right:
        _chart("margin", charts.margin_frames(context.run), True, end=context.params["end"])
    st.caption(summaries.money(context.run, context.currency))


@st.cache_resource(max_entries=32, show_spinner=False)
def sources_table(metrics: tuple[str, ...], end: str, language: str, launch_key: str) -> pd.DataFrame:
    """The reported figures of ``metrics`` up to ``end`` with their sources, in words (once per language and launch)."""
    frame = reported()
    rows = frame[frame["metric"].isin(metrics) & (frame["month"] <= pd.Period(end, freq="M"))]
    return pd.DataFrame(
        {
            i18n.t("col.month"): rows["month"].astype(str).map(display.month),
            i18n.t("col.line"): rows["line"].map(launch.figure_line),
            i18n.t("sources.figure"): rows["value"].map(display.count),
            i18n.t("sources.bound"): rows["bound"].map(lambda b: i18n.t(f"bound.{b}")),
            i18n.t("sources.heading"): rows["source"],
        }
    )


SOURCES_KEY = "sources.open"  # session: whether the sources table under the deliveries charts is open


def render_sources(metrics: list[str], end: str) -> None:
    """The reported figures a chart plots, with their sources, as a table (not only in the hovers).

    The table is drawn only while its expander is open (opening it reruns the page), so a slider move does not
    serialise a table nobody sees.
    """
    expander = st.expander(i18n.t("sources.table"), key=SOURCES_KEY, on_change="rerun")
    if expander.open:
        table = sources_table(tuple(metrics), end, i18n.lang(), launch.key())
        expander.dataframe(table, hide_index=True, width="stretch")


def monthly_table(run: sim.Run, line: str | None = None) -> pd.DataFrame:
    """The monthly table of the run (``line`` None: all lines), months as 'YYYY-MM' in the first column."""
    frame = run.total if line is None else run.lines.xs(line, level="line")
    return frame.reset_index(names="month").assign(month=lambda f: f["month"].astype(str))


MONEY_COLUMNS = ("revenue", "gross_profit", "forfeited_deposits", "deposits_held")
DURATION_COLUMNS = ("wait_months",)


def shown_table(table: pd.DataFrame, currency: Currency) -> pd.DataFrame:
    """A monthly table as the page shows it: plain column names with units, whole cars and people, money in
    millions of the display currency with one decimal, months as words. The CSV keeps the exact values."""
    shown = {}
    for column in table.columns:
        values = table[column]
        if column == "month":
            shown[i18n.t("col.month")] = values.map(display.month)
        elif column == "capacity_bound":
            shown[i18n.t("col.capacity_bound")] = values.map(lambda v: i18n.t("yes") if v else i18n.t("no"))
        elif column in MONEY_COLUMNS:
            title = i18n.t("kpi.title", label=i18n.t(f"col.{column}"), unit=i18n.t("unit.money_m", code=currency.code))
            shown[title] = (currency.convert(values) / 1e6).map(lambda v: display.number(v, 1))
        elif column in DURATION_COLUMNS:
            shown[i18n.t(f"col.{column}")] = values.map(lambda v: display.number(v, 1))
        else:
            shown[i18n.t(f"col.{column}")] = values.map(display.count)
    return pd.DataFrame(shown)


def long_table(run: sim.Run) -> pd.DataFrame:
    """Every line and the total in one table: month, line ('all' for the total), then the columns."""
    total = monthly_table(run).assign(line="all")
    lines = run.lines.reset_index().assign(month=lambda f: f["month"].astype(str))
    columns = ["month", "line"] + [c for c in total.columns if c not in ("month", "line")]
    return pd.concat([total, lines], ignore_index=True)[columns]


def render_data_tab(context: PageContext) -> None:
    """The monthly table (total or one line) as words and units, and CSV downloads with the exact values in RMB."""
    run = context.run
    keys = ["total"] + sorted(run.lines.index.unique("line"), key=launch.lines().index)
    choice = st.segmented_control(
        i18n.t("data.table"),
        keys,
        default="total",
        key=TABLE_KEY,
        required=True,
        format_func=lambda k: i18n.t("data.all_lines") if k == "total" else launch.line_labels()[k],
    )
    table = monthly_table(run, None if choice in (None, "total") else choice)
    st.dataframe(shown_table(table, context.currency), hide_index=True, width="stretch")
    st.caption(i18n.t("data.caption", code=context.currency.code))
    left, right = st.columns(2)
    left.download_button(
        i18n.t("data.download_table"),
        table.to_csv(index=False),
        file_name=f"launch_{choice}.csv",
        mime="text/csv",
        key=f"{TABLE_KEY}.download",
    )
    right.download_button(
        i18n.t("data.download_all"),
        long_table(run).to_csv(index=False),
        file_name="launch_all.csv",
        mime="text/csv",
        key=f"{TABLE_KEY}.download_all",
    )
