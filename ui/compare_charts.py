"""The Compare tab's charts and table: pure functions of runs, KPIs and attributions, so tests call them without a
page.

- :func:`overlay_chart`: one line per scenario of an all-lines monthly column (deliveries, cumulative deliveries);
- :func:`kpi_table`: every KPI of the reference, then each other scenario's value and its delta against it;
- :func:`waterfall_chart`: ``sim.attribute``'s split of one KPI's difference between two scenarios over the
  parameter groups, from the reference's value to the other's.

Every word is in the page language (``compare.*`` in the catalogues), the groups and parameters included.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

import sim
from sim.spec import TOPICS
from ui import display, i18n
from ui import kpis as kpi_info
from ui.charts import month_tip
from ui.display import Currency, month_start, months_between

KPI_COLUMN = "compare.col.kpi"  # catalogue keys of the KPI table's own column names: 'KPI', 'x (reference)', 'Δ x'
REFERENCE_COLUMN, DELTA_COLUMN = "compare.col.reference", "compare.col.delta"
WATERFALL_COLORS = {"total": "#555555", "increase": "#2ca02c", "decrease": "#d62728"}


def kpi_names() -> tuple[str, ...]:
    """The KPI table's rows for the launch on screen, in the model's order (labels and formats: ui.kpis)."""
    return tuple(kpi_info.KPIS)


def column_patterns() -> list[tuple[str, str]]:
    """Every language's (prefix, suffix) of the KPI table's scenario columns: ('', ' (reference)'), ('Δ ', '')..."""
    return [
        tuple(catalogue[key].split("{name}"))  # type: ignore[misc]
        for catalogue in i18n.CATALOGUES.values()
        for key in (REFERENCE_COLUMN, DELTA_COLUMN)
    ]


def group_name(key: str) -> str:
    """A parameter group of ``sim.attribute`` in the page language: 'Production and costs', 'SU7: launch timing'."""
    if key in TOPICS:
        return i18n.t(f"topic.{key}")
    line, _, topic = key.partition(".")
    if not topic:
        what = i18n.t("compare.group.all")
    elif topic == "timing":
        what = i18n.t("compare.group.timing")
    else:
        what = i18n.t(f"topic.{topic}").lower()
    return i18n.t("compare.group.line", line=sim.LINE_LABELS.get(line, line), what=what)


def parameter_names(names: str) -> str:
    """``sim.attribute``'s comma-separated parameter names as their labels in the page language."""
    return ", ".join(i18n.t(f"param.{n}") if i18n.has(f"param.{n}") else n for n in names.split(", ") if n)


def overlay_frame(runs: Mapping[str, sim.Run], column: str) -> pd.DataFrame:
    """The all-lines monthly ``column`` of every run in long form: month (Timestamp), scenario, value."""
    frames = [
        pd.DataFrame({"month": month_start(run.total.index), "scenario": name, "value": run.total[column].to_numpy()})
        for name, run in runs.items()
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["month", "scenario", "value"])


def overlay_chart(runs: Mapping[str, sim.Run], column: str, title: str) -> alt.Chart:
    """One line per scenario of the all-lines monthly ``column`` (e.g. deliveries, cum_deliveries)."""
    frame = overlay_frame(runs, column)
    chart = (
        alt.Chart(frame, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
            y=alt.Y("value:Q", title=title, axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "scenario:N", title=i18n.t("compare.scenario"), sort=list(runs), legend=alt.Legend(orient="bottom")
            ),
            tooltip=[
                alt.Tooltip("scenario:N", title=i18n.t("compare.scenario")),
                month_tip(),
                alt.Tooltip("value:Q", title=title, format=",.0f"),
            ],
        )
        .properties(height=300)
    )
    return display.localized(chart)


def kpi_deltas(kpis: Mapping[str, Mapping[str, Any]], reference: str) -> pd.DataFrame:
    """Every KPI of every scenario against ``reference``: kpi, scenario, value, delta (months for month_100k).

    Args:
        kpis: scenario name -> ``run.kpis``.
        reference: the scenario the deltas are read against (its own deltas are 0).
    """
    ref = kpis[reference]
    rows = []
    for kpi in kpi_names():
        for name, values in kpis.items():
            value = values[kpi]
            delta = months_between(ref[kpi], value) if kpi == "month_100k" else value - ref[kpi]
            rows.append({"kpi": kpi, "scenario": name, "value": value, "delta": delta})
    return pd.DataFrame(rows, columns=["kpi", "scenario", "value", "delta"])


def kpi_table(kpis: Mapping[str, Mapping[str, Any]], reference: str, currency: Currency) -> pd.DataFrame:
    """The KPI table as shown: one row per KPI, the reference's value, then each other scenario's value and delta."""
    deltas = kpi_deltas(kpis, reference).set_index(["kpi", "scenario"])
    table = pd.DataFrame({i18n.t(KPI_COLUMN): [kpi_info.label(k) for k in kpi_names()]})
    table[i18n.t(REFERENCE_COLUMN, name=reference)] = [
        kpi_info.fmt(k, deltas.loc[(k, reference), "value"], currency) for k in kpi_names()
    ]
    for name in kpis:
        if name != reference:
            table[name] = [kpi_info.fmt(k, deltas.loc[(k, name), "value"], currency) for k in kpi_names()]
            table[i18n.t(DELTA_COLUMN, name=name)] = [
                kpi_info.fmt(k, deltas.loc[(k, name), "delta"], currency, signed=True) for k in kpi_names()
            ]
    return table


def waterfall_frame(attribution: pd.DataFrame, *, reference: str, scenario: str, scale: float = 1.0) -> pd.DataFrame:
    """The bars of a waterfall: the reference's KPI, one step per group, the scenario's KPI.

    Columns: step (label), order, start, end, amount, kind ('total', 'increase', 'decrease') and its words in
    kind_label, parameters (their labels). Groups and parameters are named in the page language; values are
    multiplied by ``scale`` (e.g. RMB to the display currency).
    """
    base = attribution.attrs["base_value"] * scale
    rows = [{"step": reference, "start": 0.0, "end": base, "amount": base, "kind": "total", "parameters": ""}]
    level = base
    for key, contribution, parameters in attribution[["key", "contribution", "parameters"]].itertuples(index=False):
        amount = contribution * scale
        kind = "increase" if amount >= 0 else "decrease"
        rows.append(
            {
                "step": group_name(key),
                "start": level,
                "end": level + amount,
                "amount": amount,
                "kind": kind,
                "parameters": parameter_names(parameters),
            }
        )
        level += amount
    final = attribution.attrs["scenario_value"] * scale
    rows.append({"step": scenario, "start": 0.0, "end": final, "amount": final, "kind": "total", "parameters": ""})
    frame = pd.DataFrame(rows)
    frame["order"] = range(len(frame))
    frame["kind_label"] = frame["kind"].map(lambda kind: i18n.t(f"compare.kind.{kind}"))
    return frame


def waterfall_domain(frame: pd.DataFrame) -> list[float]:
    """The value axis of a waterfall: the span of the running totals, padded, so small steps stay visible.

    The two totals start at zero and are cut at the axis edge; zooming on the levels the steps walk through is
    what makes a step of a few percent readable next to a total.
    """
    levels = pd.concat([frame["start"].iloc[1:-1], frame["end"]])
    low, high = float(levels.min()), float(levels.max())
    pad = 0.15 * (high - low) if high > low else 0.05 * max(abs(high), 1.0)
    return [low - pad, high + pad]


def waterfall_chart(
    attribution: pd.DataFrame, *, reference: str, scenario: str, title: str, scale: float = 1.0, fmt: str = ",.0f"
) -> alt.LayerChart:
    """Waterfall of an attribution, one row per step: reference total, each group (green up, red down), scenario.

    Args:
        attribution: a table from ``sim.attribute`` (its ``attrs`` hold the two KPI values).
        reference, scenario: names of the two ends.
        title: the KPI as the axis reads it.
        scale: multiplies every value (currency conversion); fmt: d3 format of the values.
    """
    frame = waterfall_frame(attribution, reference=reference, scenario=scenario, scale=scale)
    order: list[str] = []
    for step in frame["step"]:  # a saved scenario may be named like a group: pad repeats to keep the bars apart
        while step in order:
            step += " "
        order.append(step)
    frame["label"] = order
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    x_scale = alt.Scale(domain=waterfall_domain(frame), zero=False, nice=False)
    bars = (
        alt.Chart(frame)
        .mark_bar(size=22, clip=True)
        .encode(
            y=y,
            x=alt.X("start:Q", title=title, scale=x_scale, axis=alt.Axis(format=fmt)),
            x2="end:Q",
            color=alt.Color(
                "kind_label:N",
                title=None,
                scale=alt.Scale(
                    domain=[i18n.t(f"compare.kind.{kind}") for kind in WATERFALL_COLORS],
                    range=list(WATERFALL_COLORS.values()),
                ),
            ),
            tooltip=[
                alt.Tooltip("step:N", title=i18n.t("compare.tip.step")),
                alt.Tooltip("amount:Q", title=i18n.t("compare.tip.amount"), format=fmt),
                alt.Tooltip("end:Q", title=i18n.t("compare.tip.total"), format=fmt),
                alt.Tooltip("parameters:N", title=i18n.t("compare.tip.parameters")),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, fontSize=11, clip=True)
        .encode(y=y, x=alt.X("right:Q", scale=x_scale), text=alt.Text("amount:Q", format=fmt))
        .transform_calculate(right="max(datum.start, datum.end)")
    )
    return display.localized((bars + text).properties(height=36 * len(frame) + 40))
