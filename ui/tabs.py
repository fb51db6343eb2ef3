"""The page's tabs. Each is one function ``render(context)``; ``app.py`` lists them, so a new tab is one line there.

The tabs are bound to the link and only the open one runs, so a slider change redraws only what is on screen.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import sim
from ui import charts
from ui.context import PageContext

# Altair validates a chart against the Vega-Lite schema when it is built and again when Streamlit serialises it.
# The page keeps the second check only: it halves the cost of a chart on every rerun (tests validate builders).
alt.utils.schemapi.disable_debug_mode()


def _chart(chart: alt.TopLevelMixin) -> None:
    st.altair_chart(chart, width="stretch")


def render_deliveries_tab(context: PageContext) -> None:
    """Monthly deliveries with capacity and reported figures; cumulative deliveries against the targets."""
    _chart(charts.deliveries_chart(context.run, context.reported))
    _chart(charts.cumulative_chart(context.run, context.reported, context.targets))


def render_orders_tab(context: PageContext) -> None:
    """The order book and waiting time side by side, then the pre-order funnel."""
    left, right = st.columns(2)
    with left:
        _chart(charts.backlog_chart(context.run))
    with right:
        _chart(charts.wait_chart(context.run))
    _chart(charts.funnel_chart(context.run))


def render_money_tab(context: PageContext) -> None:
    """Revenue, gross profit and deposits in the display currency; gross margin against the reported quarters."""
    left, right = st.columns(2)
    with left:
        _chart(charts.money_chart(context.run, context.currency))
    with right:
        _chart(charts.margin_chart(context.run, context.economics))


def monthly_table(run: sim.Run, line: str | None = None) -> pd.DataFrame:
    """The monthly table of the run (``line`` None: all lines), months as 'YYYY-MM' in the first column."""
    frame = run.total if line is None else run.lines.xs(line, level="line")
    return frame.reset_index(names="month").assign(month=lambda f: f["month"].astype(str))


def long_table(run: sim.Run) -> pd.DataFrame:
    """Every line and the total in one table: month, line ('all' for the total), then the columns."""
    total = monthly_table(run).assign(line="all")
    lines = run.lines.reset_index().assign(month=lambda f: f["month"].astype(str))
    columns = ["month", "line"] + [c for c in total.columns if c not in ("month", "line")]
    return pd.concat([total, lines], ignore_index=True)[columns]


def render_data_tab(context: PageContext) -> None:
    """The monthly table (total or one line) and CSV downloads. Money in RMB, counts in cars or people."""
    run = context.run
    keys = ["total"] + sorted(run.lines.index.unique("line"), key=sim.LINES.index)
    choice = st.segmented_control(
        "Table",
        keys,
        default="total",
        key="data_table",
        required=True,
        format_func=lambda k: "All lines" if k == "total" else sim.LINE_LABELS[k],
    )
    table = monthly_table(run, None if choice in (None, "total") else choice)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format="localized") for c in table.columns[1:]},
    )
    st.caption("Money columns are in RMB; wait_months in months; everything else in cars or people per month.")
    left, right = st.columns(2)
    left.download_button(
        "Download this table (CSV)",
        table.to_csv(index=False),
        file_name=f"launch_{choice}.csv",
        mime="text/csv",
        key="download_table",
    )
    right.download_button(
        "Download all lines and total (CSV)",
        long_table(run).to_csv(index=False),
        file_name="launch_all.csv",
        mime="text/csv",
        key="download_all",
    )
