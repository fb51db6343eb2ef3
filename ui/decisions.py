"""Sensitivity and goal seek panels: which inputs move a KPI most, and what a lever must be to meet a target.

The tornado swings every input one at a time (``sim.tornado``); goal seek brackets the target on a grid of the
lever's range and bisects (``sim.goal_seek_detail``). Both run through the vectorised core in one batch and are
cached on the scenario, so moving the pickers back and forth costs nothing.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import sim
from sim.decisions import GoalSeek
from sim.kpis import TIMING_KPIS
from ui import binding, display, i18n, launch, param_words
from ui import kpis as kpi_info
from ui.context import PARAMS_HASH, PageContext, simulate
from ui.display import Currency
from ui.mc_runner import MonteCarloRunner
from ui.uncertainty import BAND_COLOR, kpi_label

NO_EFFECT = 0.5  # a KPI change below half a car (or unit) counts as none


SWING_KEY, LEVER_KEY, TARGET_MONTH_KEY = "tornado.swing", "goal.lever", "goal.target.m"  # session: the panels' inputs


@st.cache_resource(show_spinner=False)
def tornado_runner() -> MonteCarloRunner:
    """The process's tornado runs: one at a time, the last 32 tables kept (a progress bar can't live in st.cache)."""
    return MonteCarloRunner(32)


def cached_tornado(p: sim.Params, kpi: str, swing: float) -> pd.DataFrame:
    """``sim.tornado`` on the scenario, KPI and swing, stored by value; a progress bar moves by batch of levers."""
    status = st.empty()

    def compute() -> pd.DataFrame:
        bar = status.progress(0.0, text=i18n.t("tornado.running"))
        step = lambda done, total: bar.progress(  # noqa: E731
            done / total,
            text=i18n.t("tornado.progress", done=display.count(done // 2), total=display.count(total // 2)),
        )
        return sim.tornado(p, kpi, swing=swing, progress=step)

    table = tornado_runner().run((PARAMS_HASH[sim.Params](p), kpi, swing), compute)
    status.empty()
    return table


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=PARAMS_HASH)
def cached_goal_seek(p: sim.Params, lever: str, kpi: str, target: float | str) -> GoalSeek:
    """``sim.goal_seek_detail`` memoised on the scenario, lever, KPI and target."""
    return sim.goal_seek_detail(p, lever, kpi, target)


# ----- pure chart builders -----------------------------------------------------------------------------------


def _label(name: str, fallback: str = "") -> str:
    """A parameter's label in the page language (its registry label if the catalogues have none)."""
    return i18n.t(f"param.{name}") if i18n.has(f"param.{name}") else fallback or name


def _setting(name: str, value) -> str:
    """A parameter's value as the page writes it (numbers and months by Babel)."""
    spec = launch.parameters().get(name)
    return param_words.value_text(spec, value) if spec is not None else str(value)


def tornado_frame(
    table: pd.DataFrame,
    kpi: str | None = None,
    top: int = 12,
    end: str | None = None,
    currency: Currency | None = None,
) -> pd.DataFrame:
    """The ``top`` rows of a tornado with an effect, in long form: one bar per parameter and direction.

    ``end`` (the run's last month) lets a timing KPI past the horizon read 'not reached'; ``currency`` is the one a
    money KPI's values are written in. ``side`` is 'low' or 'high', ``side_label`` its words.
    """
    shown = table[table["effect"] > 0].head(top)
    rows = []
    for row in shown.itertuples():
        for side, setting, level in (("low", row.low, row.kpi_low), ("high", row.high, row.kpi_high)):
            rows.append(
                dict(
                    parameter=row.parameter,
                    label=_label(row.parameter, row.label),
                    side=side,
                    side_label=i18n.t(f"tornado.side.{side}"),
                    setting=_setting(row.parameter, setting),
                    value=_setting(row.parameter, row.value),
                    kpi=level,
                    base=row.kpi_base,
                    kpi_text=_kpi_text(kpi, level, end, currency),
                    order=row.Index,
                )
            )
    columns = ["parameter", "label", "side", "side_label", "setting", "value", "kpi", "base", "kpi_text", "order"]
    return pd.DataFrame(rows, columns=columns)


def _kpi_text(kpi: str | None, level: float, end: str | None = None, currency: Currency | None = None) -> str:
    """A KPI value of the tornado or goal seek as the page writes it (a timing KPI's month index as its month)."""
    if kpi in TIMING_KPIS:
        past = end is not None and level > launch.month_index(end)
        return i18n.t("not_reached") if past else display.month(launch.month_label(round(level)))
    if kpi in kpi_info.KPIS:
        return kpi_info.fmt(kpi, level, currency)
    return display.number(level) if abs(level) >= 100 else display.number(level, 3, trim=True)


def tornado_table(
    table: pd.DataFrame, kpi: str, end: str | None = None, currency: Currency | None = None
) -> pd.DataFrame:
    """A tornado (``sim.tornado``) as the page's table shows it: every parameter in words, values and KPIs written
    as on the cards, largest effect first."""
    names = table["parameter"].tolist()
    settings = lambda column: [_setting(n, v) for n, v in zip(names, table[column], strict=True)]  # noqa: E731
    kpis = lambda column: [_kpi_text(kpi, v, end, currency) for v in table[column]]  # noqa: E731
    effect = [display.months(v) for v in table["effect"]] if kpi in TIMING_KPIS else kpis("effect")
    return pd.DataFrame(
        {
            i18n.t("tornado.col.parameter"): [_label(n, lb) for n, lb in zip(names, table["label"], strict=True)],
            i18n.t("tornado.col.now"): settings("value"),
            i18n.t("tornado.col.low"): settings("low"),
            i18n.t("tornado.col.high"): settings("high"),
            i18n.t("tornado.col.kpi_low"): kpis("kpi_low"),
            i18n.t("tornado.col.kpi_high"): kpis("kpi_high"),
            i18n.t("tornado.col.effect"): effect,
        }
    )


def _as_month(index: float) -> pd.Timestamp:
    """A month index (0 = the launch's first month) as its month's first day, for a time axis."""
    return pd.Period(launch.month_label(round(index)), freq="M").to_timestamp()


def tornado_chart(
    table: pd.DataFrame,
    kpi: str | None = None,
    top: int = 12,
    end: str | None = None,
    currency: Currency | None = None,
) -> alt.LayerChart:
    """Bars from the base KPI to the KPI at each parameter's low and high setting, largest effect on top.

    Args:
        table: ``sim.tornado(...)``.
        kpi: the KPI's name, for titles and (timing KPIs) a month axis.
        top: how many parameters to show (those without an effect are left out).
        end: the run's last month, so a timing KPI past it reads 'not reached'.
        currency: the display currency of a money KPI's axis (billions of it).
    """
    frame = tornado_frame(table, kpi, top, end, currency)
    timing = kpi in TIMING_KPIS
    base_value = float(table["kpi_base"].iloc[0]) if len(table) else 0.0
    if timing:
        frame = frame.assign(kpi=frame["kpi"].map(_as_month), base=frame["base"].map(_as_month))
        x_type, base_shown, axis = "T", _as_month(base_value), alt.Axis(format="%b %Y")
    else:
        scale = kpi_info.axis_scale(kpi, currency) if kpi in kpi_info.KPIS else 1.0
        frame = frame.assign(kpi=frame["kpi"] / scale, base=frame["base"] / scale)
        x_type, base_shown, axis = "Q", base_value / scale, alt.Axis(format=",.1f" if scale > 1 else ",.4~g")
    x_title = kpi_info.title(kpi, currency) if kpi in kpi_info.KPIS else i18n.t("decisions.kpi")
    sides = alt.Scale(domain=[i18n.t(f"tornado.side.{side}") for side in ("low", "high")], range=["#d62728", "#2ca02c"])
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                title=None,
                sort=alt.EncodingSortField("order", order="ascending"),
                axis=alt.Axis(labelOverlap=False, labelLimit=260),  # every bar named
            ),
            x=alt.X(f"kpi:{x_type}", title=x_title, scale=alt.Scale(zero=False), axis=axis),
            x2="base",
            color=alt.Color(
                "side_label:N", title=i18n.t("tornado.set_to"), scale=sides, legend=alt.Legend(orient="bottom")
            ),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.t("tornado.col.parameter")),
                alt.Tooltip("value:N", title=i18n.t("tornado.col.now")),
                alt.Tooltip("setting:N", title=i18n.t("tornado.tip.set_to")),
                alt.Tooltip("kpi_text:N", title=kpi_label(kpi or f"deliveries_{launch.kpi_years()[1]}")),
            ],
        )
    )
    rule = alt.Chart(pd.DataFrame({"base": [base_shown]})).mark_rule(color="#333333").encode(x=alt.X(f"base:{x_type}"))
    return display.localized(alt.layer(bars, rule).properties(height=max(120, 26 * frame["parameter"].nunique())))


def goal_seek_chart(detail: GoalSeek) -> alt.LayerChart:
    """The KPI across the lever's range (the bracketing grid), the target as a rule and the answer as a point.

    A month lever is plotted on a time axis; the lever's axis names it with its unit.
    """
    curve = detail.curve
    target = detail.target
    if detail.kpi in TIMING_KPIS:
        target = launch.month_index(target)
    spec = launch.parameters().get(detail.lever)
    month_lever = spec is not None and spec.kind == "month"
    if month_lever:
        curve = curve.assign(lever=curve["lever"].map(_as_month))
    x_type = "T" if month_lever else "Q"
    x_title = param_words.title(spec) if spec is not None else detail.lever
    line = (
        alt.Chart(curve)
        .mark_line(color=BAND_COLOR)
        .encode(
            x=alt.X(f"lever:{x_type}", title=x_title if spec else detail.lever),
            y=alt.Y("kpi:Q", title=kpi_label(detail.kpi), scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f")),
            tooltip=[
                alt.Tooltip(
                    f"lever:{x_type}",
                    title=x_title if spec else detail.lever,
                    **({"format": "%b %Y"} if month_lever else {"format": ",.0f"}),
                ),
                alt.Tooltip("kpi:Q", title=kpi_label(detail.kpi), format=",.0f"),
            ],
        )
    )
    rule = alt.Chart(pd.DataFrame({"target": [float(target)]})).mark_rule(strokeDash=[4, 3]).encode(y="target:Q")
    layers = [line, rule]
    if detail.value is not None:
        x = detail.value
        if isinstance(x, str):
            x = launch.month_index(x)
        found = pd.DataFrame({"lever": [_as_month(x) if month_lever else float(x)], "kpi": [detail.achieved]})
        layers.append(
            alt.Chart(found).mark_point(size=90, filled=True, color="#d62728").encode(x=f"lever:{x_type}", y="kpi:Q")
        )
    return display.localized(alt.layer(*layers).properties(height=240))


def why_not(detail: GoalSeek, end: str | None = None, currency: Currency | None = None) -> str:
    """Why no value of the lever meets the target (``detail.why``), in the page language and the analyst's words:
    the lever's label, its values and the KPI's as the page writes them."""
    spec = launch.parameters()[detail.lever]
    points = []
    for row in detail.near:
        lever, level = detail.curve["lever"].iloc[row], detail.curve["kpi"].iloc[row]
        if spec.kind == "month":
            value = launch.month_label(round(lever))
        else:
            value = round(lever) if spec.kind == "int" else lever
        points.append((param_words.value_text(spec, value), _kpi_text(detail.kpi, level, end, currency)))
    (at, level), (at2, level2) = points[0], points[-1]
    return i18n.t(
        f"goal.why.{detail.why}",
        lever=param_words.label(spec),
        kpi=kpi_label(detail.kpi),
        at=at,
        level=level,
        at2=at2,
        level2=level2,
    )


# ----- panels --------------------------------------------------------------------------------------------------


def _kpi_picker(key: str) -> str:
    """A KPI of the launch on screen; its first full year's deliveries by default."""
    names = list(kpi_info.KPIS)
    default = f"deliveries_{launch.kpi_years()[1]}"
    return st.selectbox(i18n.t("decisions.kpi"), names, index=names.index(default), key=key, format_func=kpi_label)


def render_sensitivity_tab(p: sim.Params, currency: Currency | None = None) -> None:
    """The tornado: which inputs move the chosen KPI most when each moves ±swing on its own."""
    left, right = st.columns(2)
    with left:
        kpi = _kpi_picker("tornado.kpi")
    swing = right.slider(
        i18n.t("tornado.swing"), 0.05, 0.5, 0.2, 0.05, key=SWING_KEY, help=i18n.t("tornado.swing.help")
    )
    table = cached_tornado(p, kpi, swing)
    st.altair_chart(tornado_chart(table, kpi, end=p["end"], currency=currency), width="stretch")
    st.caption(i18n.t("tornado.caption", swing=display.percent(swing, 0), months=3))
    no_effect = table.loc[table["effect"] <= NO_EFFECT, "parameter"].tolist()
    demand = [n for n in no_effect if p.package.parameters[n].topic in binding.DEMAND_TOPICS]
    note = binding.cannot_move_note(simulate(p), kpi, demand or no_effect)
    if note:
        st.caption(note)
    with st.expander(i18n.t("tornado.all")):
        st.dataframe(tornado_table(table, kpi, p["end"], currency), hide_index=True)


def _levers() -> list[str]:
    return [n for n, s in launch.parameters().items() if s.kind in ("int", "float", "month") and n != "end"]


def render_goal_seek(p: sim.Params) -> None:
    """Goal seek: pick a lever, a KPI and a target; see the lever value that meets it, or why none does."""
    levers = _levers()
    left, middle, right = st.columns(3)
    lever = left.selectbox(
        i18n.t("goal.lever"),
        levers,
        index=levers.index(launch.headline()[0]),
        key=LEVER_KEY,
        format_func=lambda n: i18n.t(f"param.{n}"),
    )
    with middle:
        kpi = _kpi_picker("goal.kpi")
    current = simulate(p).kpis[kpi]
    if kpi in TIMING_KPIS:
        options = [str(m) for m in p.package.months(p["end"])]
        target = right.select_slider(
            i18n.t("goal.target_month"),
            options=options,
            value=current or options[-1],
            key=TARGET_MONTH_KEY,
            format_func=display.month,
        )
    else:
        share = kpi_info.KPIS[kpi].unit in ("share", "months")
        target = right.number_input(
            i18n.t("goal.target", kpi=kpi_label(kpi)),
            value=float(current) if share else int(round(current)),
            step=0.01 if share else 1000,
            format="%.2f" if share else "%d",
            key=f"goal.target.{kpi}",
        )
    detail = cached_goal_seek(p, lever, kpi, target)
    spec = p.package.parameters[lever]
    if detail.value is None:
        st.warning(i18n.t("goal.none", lever=param_words.label(spec), why=why_not(detail, p["end"])))
        flat = len(detail.curve) and float(detail.curve["kpi"].max() - detail.curve["kpi"].min()) <= NO_EFFECT
        note = binding.cannot_move_note(simulate(p), kpi, [lever]) if flat else None
        if note:
            st.info(note)
    else:
        unit = f" {param_words.unit(spec)}" if spec.kind != "month" and spec.unit else ""
        st.success(
            i18n.t(
                "goal.found",
                lever=param_words.label(spec),
                value=param_words.value_text(spec, detail.value) + unit,
                now=param_words.value_text(spec, p[lever]),
                kpi=kpi_label(kpi),
                achieved=_kpi_text(kpi, detail.achieved, p["end"]),
            )
        )
    st.altair_chart(goal_seek_chart(detail), width="stretch")


def render_decisions_tab(context: PageContext) -> None:
    """The tornado and goal seek as one page tab."""
    render_sensitivity_tab(context.params, context.currency)
    st.subheader(i18n.t("goal.heading"))
    render_goal_seek(context.params)
