"""Deposits made visible: each line's funnel rates and its deposit curve.

The funnel rates read a run's totals over the horizon: of the reservations, the share that locked into orders and
the share refunded; of the orders, the share cancelled before delivery. The deposit curve answers "what does a
higher deposit do?": the line's reservations, orders and conversion with its deposit set from 0 to the lever's
maximum, every other input as on screen, all points in one batch through the vectorised core
(``sim.model.simulate_arrays``). Pure functions: no Streamlit here.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

import sim
from sim.model import batch_inputs, simulate_arrays
from ui import display, i18n, launch
from ui.charts import HEIGHT

CURVE_POINTS = 21  # deposits from 0 to the maximum: 5,000 apart for a RMB 100,000 lever


def _share(part: float, whole: float) -> float:
    return part / whole if whole > 0 else float("nan")


def funnel_rates(run: sim.Run) -> pd.DataFrame:
    """Per line over the horizon: reservations, orders, conversion, refund rate and cancellation rate.

    Columns: line (key), reservations, orders, refunds, cancellations, conversion (orders / reservations),
    refund_rate (refunds / reservations), cancellation_rate (cancellations / orders); NaN where the base is 0.
    """
    totals = run.lines[["reservations", "orders", "refunds", "cancellations"]].groupby(level="line").sum()
    rows = []
    for line in [ln for ln in run.params.package.lines if ln in totals.index]:
        t = totals.loc[line]
        rows.append(
            {
                "line": line,
                **{c: float(t[c]) for c in totals.columns},
                "conversion": _share(t["orders"], t["reservations"]),
                "refund_rate": _share(t["refunds"], t["reservations"]),
                "cancellation_rate": _share(t["cancellations"], t["orders"]),
            }
        )
    return pd.DataFrame(rows)


def rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """:func:`funnel_rates` as the page shows it: plain column names, whole people and percentages."""
    percent = lambda v: "–" if pd.isna(v) else display.percent(v)  # noqa: E731
    return pd.DataFrame(
        {
            i18n.t("deposits.col.line"): rates["line"].map(launch.line_labels()),
            i18n.t("deposits.col.reservations"): rates["reservations"].map(display.count),
            i18n.t("deposits.col.orders"): rates["orders"].map(display.count),
            i18n.t("deposits.col.conversion"): rates["conversion"].map(percent),
            i18n.t("deposits.col.refund_rate"): rates["refund_rate"].map(percent),
            i18n.t("deposits.col.cancellation_rate"): rates["cancellation_rate"].map(percent),
        }
    )


def deposit_curves(p: sim.Params, points: int = CURVE_POINTS) -> pd.DataFrame:
    """Every line's reservations, orders and conversion over the horizon against its deposit, in one batch.

    Row block i moves line i's deposit from 0 to its maximum, every other input as in ``p``.

    Returns:
        Columns: line (key), deposit (the launch's currency), reservations, orders, conversion (orders / reservations).
    """
    lines, parameters = list(p.package.lines), p.package.parameters
    n = len(lines) * points
    draws = {}
    for i, line in enumerate(lines):
        values = np.full(n, float(p[f"{line}.deposit"]))
        values[i * points : (i + 1) * points] = np.linspace(0, parameters[f"{line}.deposit"].max, points)
        draws[f"{line}.deposit"] = values
    arrays = simulate_arrays(batch_inputs(p, draws), len(p.package.months(p["end"])))
    reservations, orders = arrays["reservations"].sum(axis=2), arrays["orders"].sum(axis=2)  # (draws, lines)
    frames = []
    for i, line in enumerate(lines):
        rows = slice(i * points, (i + 1) * points)
        res, ords = reservations[rows, i], orders[rows, i]
        frames.append(
            pd.DataFrame(
                {
                    "line": line,
                    "deposit": draws[f"{line}.deposit"][rows],
                    "reservations": res,
                    "orders": ords,
                    "conversion": np.divide(ords, res, out=np.full_like(ords, np.nan), where=res > 0),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def deposit_chart(curve: pd.DataFrame, line: str, current: float) -> alt.LayerChart:
    """One line's reservations and orders (left axis) and conversion (right axis) against its deposit, its numbers
    in the page language's separators."""
    return display.localized(_deposit_layers(curve, line, current))


def _deposit_layers(curve: pd.DataFrame, line: str, current: float) -> alt.LayerChart:
    frame = curve[curve["line"] == line]
    counts = frame.melt(id_vars="deposit", value_vars=["reservations", "orders"], var_name="key", value_name="value")
    counts["measure"] = counts["key"].map({k: i18n.t(f"deposits.{k}") for k in ("reservations", "orders")})
    deposit_x = alt.X("deposit:Q", title=i18n.t("deposits.axis.deposit"), axis=alt.Axis(format=",.0f"))
    color = launch.line_colors()[line]
    count_lines = (
        alt.Chart(counts)
        .mark_line(color=color)
        .encode(
            x=deposit_x,
            y=alt.Y("value:Q", title=i18n.t("deposits.axis.people"), axis=alt.Axis(format=",.0f")),
            strokeDash=alt.StrokeDash("measure:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("deposit:Q", title=i18n.t("deposits.axis.deposit"), format=",.0f"),
                alt.Tooltip("measure:N", title=i18n.t("deposits.measure")),
                alt.Tooltip("value:Q", title=i18n.t("deposits.total"), format=",.0f"),
            ],
        )
    )
    conversion = (
        alt.Chart(frame)
        .mark_line(color="#555555", point=alt.OverlayMarkDef(size=12, color="#555555"))
        .encode(
            x=deposit_x,
            y=alt.Y("conversion:Q", title=i18n.t("deposits.axis.conversion"), axis=alt.Axis(format=".0%")),
            tooltip=[
                alt.Tooltip("deposit:Q", title=i18n.t("deposits.axis.deposit"), format=",.0f"),
                alt.Tooltip("conversion:Q", title=i18n.t("deposits.col.conversion"), format=".1%"),
            ],
        )
    )
    now = (
        alt.Chart(pd.DataFrame({"deposit": [float(current)]}))
        .mark_rule(color="#d62728", strokeDash=[4, 3])
        .encode(x="deposit:Q", tooltip=[alt.Tooltip("deposit:Q", title=i18n.t("deposits.current"), format=",.0f")])
    )
    return (
        alt.layer(alt.layer(count_lines, now), conversion)
        .resolve_scale(y="independent")
        .properties(height=HEIGHT, title=i18n.t("deposits.title", line=launch.line_labels()[line]))
    )


def curve_summary(curve: pd.DataFrame, line: str, current: float) -> str:
    """One sentence on the curve: reservations and conversion at no deposit, now and at the maximum."""
    frame = curve[curve["line"] == line].reset_index(drop=True)
    low, high = frame.iloc[0], frame.iloc[-1]
    return i18n.t(
        "deposits.summary",
        line=launch.line_labels()[line],
        low_res=display.count(low["reservations"]),
        low_conv=display.percent(low["conversion"]) if pd.notna(low["conversion"]) else "–",
        high=display.count(high["deposit"]),
        high_res=display.count(high["reservations"]),
        high_conv=display.percent(high["conversion"]) if pd.notna(high["conversion"]) else "–",
        current=display.count(current),
    )
