"""Uncertainty and decisions on the page: the Monte Carlo fan chart and odds, the tornado, and goal seek.

The chart builders (:func:`fan_chart`, :func:`tornado_chart`, :func:`goal_seek_chart`) are pure functions that
tests call without a page. The ``render_*`` functions draw the panels; the Monte Carlo runs inside an
``st.fragment``, so moving its own widgets reruns only that panel, and its results are cached on the scenario
and the draw settings. Draws, spread and seed are in the link (keys in ``LINK_KEYS``).
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st

import sim
from sim.calendar import month_index, month_label, month_range
from sim.decisions import GoalSeek
from sim.kpis import TIMING_KPIS
from ui.charts import reported_points, target_segments
from ui.context import PageContext
from ui.display import month_start

DRAW_CHOICES = (200, 500, 1000, 2000, 5000, 10000)
DEFAULT_DRAWS, DEFAULT_SPREAD, DEFAULT_SEED = 2000, 0.2, 0
SPREAD_RANGE = (0.0, 0.6)
SEED_RANGE = (0, 2**31 - 1)
DRAWS_KEY, SPREAD_KEY, SEED_KEY = "mc.draws", "mc.spread", "mc.seed"
LINK_KEYS = (DRAWS_KEY, SPREAD_KEY, SEED_KEY)  # page settings this module binds to the link
CACHE_ENTRIES = 8  # Monte Carlo results kept; 10,000 draws are a few MB
GOAL_2024, GOAL_2025 = 100_000, 250_000  # the October 2024 article's 2024 goal and the analysts' 2025 forecast
YEARS = (2024, 2025, 2026)
KPI_LABELS = {
    "deliveries_2024": "Deliveries in 2024",
    "deliveries_2025": "Deliveries in 2025",
    "deliveries_2026": "Deliveries in 2026",
    "deliveries_total": "Deliveries over the horizon",
    "month_100k": "Month of the 100,000th delivery",
    "peak_backlog": "Peak order book",
    "max_wait_months": "Longest waiting time (months)",
    "orders_total": "Locked orders",
    "cancellations_total": "Cancellations",
    "revenue_total": "Revenue (RMB)",
    "gross_margin": "Gross margin",
    "peak_deposits_held": "Peak deposits held (RMB)",
}
BAND_COLOR = "#1f77b4"


def kpi_label(kpi: str) -> str:
    """The analyst's name of a KPI."""
    return KPI_LABELS.get(kpi, kpi.replace("_", " ").capitalize())


def link_problem(key: str, text: str) -> str | None:
    """What is wrong with the link value ``text`` of one of ``LINK_KEYS``, or None (for the page's link check)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if key == DRAWS_KEY and value not in DRAW_CHOICES:
        return f"Parameter '{key}' must be one of {', '.join(map(str, DRAW_CHOICES))}, got {text!r}."
    if key == SPREAD_KEY and not SPREAD_RANGE[0] <= value <= SPREAD_RANGE[1]:
        return f"Parameter '{key}' must be between {SPREAD_RANGE[0]} and {SPREAD_RANGE[1]}, got {text!r}."
    if key == SEED_KEY and not (math.isfinite(value) and value == int(value)):
        return f"Parameter '{key}' must be a whole number, got {text!r}."
    if key == SEED_KEY and not SEED_RANGE[0] <= value <= SEED_RANGE[1]:
        return f"Parameter '{key}' must be between {SEED_RANGE[0]} and {SEED_RANGE[1]}, got {text!r}."
    return None


def _params_key(p: sim.Params) -> tuple:
    return tuple(sorted(p.values().items()))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False, hash_funcs={sim.Params: _params_key})
def cached_monte_carlo(p: sim.Params, n: int, seed: int, spread: float) -> sim.MonteCarloResult:
    """``sim.monte_carlo`` memoised on the scenario's values and the draw settings."""
    return sim.monte_carlo(p, n=n, seed=seed, spread=spread)


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs={sim.Params: _params_key})
def cached_tornado(p: sim.Params, kpi: str, swing: float) -> pd.DataFrame:
    """``sim.tornado`` memoised on the scenario, KPI and swing."""
    return sim.tornado(p, kpi, swing=swing)


# ----- pure chart builders -----------------------------------------------------------------------------------


def band_frame(quantiles: pd.DataFrame, name: str) -> pd.DataFrame:
    """The P10, P50 and P90 of ``name`` by month, month as a Timestamp column."""
    frame = quantiles[[f"{name}_p10", f"{name}_p50", f"{name}_p90"]].copy()
    frame.columns = ["p10", "p50", "p90"]
    return frame.reset_index(names="month").assign(month=lambda f: month_start(f["month"]))


def _fan(frame: pd.DataFrame, title: str, y_title: str) -> alt.LayerChart:
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40))
    tips = [
        alt.Tooltip("month:T", title="Month", format="%b %Y"),
        alt.Tooltip("p10:Q", title="P10", format=",.0f"),
        alt.Tooltip("p50:Q", title="P50 (median)", format=",.0f"),
        alt.Tooltip("p90:Q", title="P90", format=",.0f"),
    ]
    band = (
        alt.Chart(frame)
        .mark_area(opacity=0.25, color=BAND_COLOR)
        .encode(x=x, y=alt.Y("p10:Q", title=y_title, axis=alt.Axis(format=",.0f")), y2="p90:Q", tooltip=tips)
    )
    median = alt.Chart(frame).mark_line(color=BAND_COLOR, strokeWidth=2).encode(x=x, y="p50:Q", tooltip=tips)
    return alt.layer(band, median).properties(title=title, height=280)


def _points(points: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(points)
        .mark_point(filled=True, size=60, color="#111111")
        .encode(
            x="month:T",
            y="value:Q",
            shape=alt.Shape("bound_label:N", title="Reported (hover for source)"),
            tooltip=[
                alt.Tooltip("month:T", title="Month", format="%b %Y"),
                alt.Tooltip("metric:N", title="Figure"),
                alt.Tooltip("value:Q", title="Reported", format=",.0f"),
                alt.Tooltip("bound_label:N", title="Bound"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
    )


def fan_chart(quantiles: pd.DataFrame, reported: pd.DataFrame, targets: pd.DataFrame) -> alt.VConcatChart:
    """Monthly deliveries and deliveries since January: P10-P90 band, P50 line, reported figures and targets.

    Args:
        quantiles: ``MonteCarloResult.quantiles`` (needs the deliveries and ytd_deliveries bands).
        reported: ``sim.reported()``; all-line monthly deliveries go on the top panel, 2024 cumulative and
            yearly totals on the bottom one (2024 cumulative figures count from March, i.e. since January).
        targets: ``sim.targets()``, drawn as a segment over their year.
    """
    months = pd.PeriodIndex(quantiles.index, freq="M")
    end = str(months[-1])
    monthly = reported_points(reported, ["deliveries"], end)
    monthly = monthly[monthly["series"] == "All lines"]
    top = alt.layer(_fan(band_frame(quantiles, "deliveries"), "Monthly deliveries", "Cars per month"), _points(monthly))
    yearly = reported_points(reported, ["cum_deliveries", "deliveries_year"], end)
    yearly = yearly[(yearly["series"] == "All lines")]
    yearly = yearly[(yearly["metric"] == "deliveries_year") | (yearly["month"].dt.year == 2024)]
    goals = (
        alt.Chart(target_segments(targets, months))
        .mark_rule(strokeDash=[6, 3], strokeWidth=2)
        .encode(
            x="start:T",
            x2="stop:T",
            y="value:Q",
            color=alt.Color("kind:N", title="Target", scale=alt.Scale(range=["#d62728", "#2ca02c"])),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("value:Q", title="Target", format=",.0f"),
                alt.Tooltip("kind:N", title="Set by"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
    )
    bottom = alt.layer(
        _fan(band_frame(quantiles, "ytd_deliveries"), "Deliveries since January against the targets", "Cars"),
        goals,
        _points(yearly),
    )
    return alt.vconcat(top, bottom).resolve_scale(shape="shared")


def tornado_frame(table: pd.DataFrame, kpi: str | None = None, top: int = 12, end: str | None = None) -> pd.DataFrame:
    """The ``top`` rows of a tornado with an effect, in long form: one bar per parameter and direction.

    ``end`` (the run's last month) lets a timing KPI past the horizon read 'not reached'.
    """
    shown = table[table["effect"] > 0].head(top)
    rows = []
    for row in shown.itertuples():
        for side, setting, level in (("low", row.low, row.kpi_low), ("high", row.high, row.kpi_high)):
            rows.append(
                dict(
                    parameter=row.parameter,
                    label=row.label,
                    side=side,
                    setting=str(setting),
                    value=str(row.value),
                    kpi=level,
                    base=row.kpi_base,
                    kpi_text=_kpi_text(kpi, level, end),
                    order=row.Index,
                )
            )
    return pd.DataFrame(
        rows, columns=["parameter", "label", "side", "setting", "value", "kpi", "base", "kpi_text", "order"]
    )


def _kpi_text(kpi: str | None, level: float, end: str | None = None) -> str:
    if kpi in TIMING_KPIS:
        return "not reached" if end is not None and level > month_index(end) else month_label(round(level))
    return f"{level:,.0f}" if abs(level) >= 100 else f"{level:.3g}"


def tornado_chart(table: pd.DataFrame, kpi: str | None = None, top: int = 12, end: str | None = None) -> alt.LayerChart:
    """Bars from the base KPI to the KPI at each parameter's low and high setting, largest effect on top.

    Args:
        table: ``sim.tornado(...)``.
        kpi: the KPI's name, for titles and (timing KPIs) month labels in tooltips.
        top: how many parameters to show (those without an effect are left out).
        end: the run's last month, so a timing KPI past it reads 'not reached'.
    """
    frame = tornado_frame(table, kpi, top, end)
    timing = kpi in TIMING_KPIS
    x_title = f"{kpi_label(kpi)} (month index, 0 = Mar 2024)" if timing else kpi_label(kpi or "KPI")
    sides = alt.Scale(domain=["low", "high"], range=["#d62728", "#2ca02c"])
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=alt.EncodingSortField("order", order="ascending")),
            x=alt.X("kpi:Q", title=x_title, scale=alt.Scale(zero=False)),
            x2="base:Q",
            color=alt.Color("side:N", title="Parameter set to", scale=sides),
            tooltip=[
                alt.Tooltip("label:N", title="Parameter"),
                alt.Tooltip("value:N", title="Now"),
                alt.Tooltip("setting:N", title="Set to"),
                alt.Tooltip("kpi_text:N", title=kpi_label(kpi or "KPI")),
            ],
        )
    )
    base_value = float(table["kpi_base"].iloc[0]) if len(table) else 0.0
    rule = alt.Chart(pd.DataFrame({"base": [base_value]})).mark_rule(color="#333333").encode(x="base:Q")
    return alt.layer(bars, rule).properties(height=max(120, 26 * frame["parameter"].nunique()))


def goal_seek_chart(detail: GoalSeek) -> alt.LayerChart:
    """The KPI across the lever's range (the bracketing grid), the target as a rule and the answer as a point."""
    curve = detail.curve
    target = detail.target
    if detail.kpi in TIMING_KPIS:
        target = month_index(target)
    line = (
        alt.Chart(curve)
        .mark_line(color=BAND_COLOR)
        .encode(
            x=alt.X("lever:Q", title=detail.lever),
            y=alt.Y("kpi:Q", title=kpi_label(detail.kpi), scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("lever:Q", format=",.4g"), alt.Tooltip("kpi:Q", format=",.4g")],
        )
    )
    rule = alt.Chart(pd.DataFrame({"target": [float(target)]})).mark_rule(strokeDash=[4, 3]).encode(y="target:Q")
    layers = [line, rule]
    if detail.value is not None:
        x = detail.value
        if isinstance(x, str):
            x = month_index(x)
        found = pd.DataFrame({"lever": [float(x)], "kpi": [detail.achieved]})
        layers.append(alt.Chart(found).mark_point(size=90, filled=True, color="#d62728").encode(x="lever:Q", y="kpi:Q"))
    return alt.layer(*layers).properties(height=240)


# ----- panels --------------------------------------------------------------------------------------------------


def current_seed() -> int:
    """The Monte Carlo seed of this scenario (from the widget or the link; checked by the link check)."""
    value = st.session_state.get(SEED_KEY, st.query_params.get(SEED_KEY, DEFAULT_SEED))
    return int(float(value))


def _settings() -> tuple[int, float, int]:
    left, middle, right = st.columns(3)
    draws = left.select_slider(
        "Draws",
        options=DRAW_CHOICES,
        value=DEFAULT_DRAWS,
        key=DRAWS_KEY,
        bind="query-params",
        help="Scenarios drawn around this one; 2,000 gives P10 and P90 to about a percent.",
    )
    spread = middle.slider(
        "Spread",
        min_value=SPREAD_RANGE[0],
        max_value=SPREAD_RANGE[1],
        value=DEFAULT_SPREAD,
        step=0.05,
        key=SPREAD_KEY,
        bind="query-params",
        help="Standard deviation of the draws on the log scale (0.2: most draws within about ±20 %).",
    )
    seed = right.number_input(
        "Seed",
        min_value=SEED_RANGE[0],
        max_value=SEED_RANGE[1],
        value=DEFAULT_SEED,
        step=1,
        key=SEED_KEY,
        bind="query-params",
        help="The same seed gives the same draws, so results can be shared.",
    )
    return int(draws), float(spread), int(seed)


def probability_cards(result: sim.MonteCarloResult, year: int, target: float) -> list[tuple[str, str, str]]:
    """The odds the page shows: (label, value, help) for the article's two figures and the analyst's target."""
    return [
        (
            f"P(≥ {GOAL_2024:,} delivered in 2024)",
            f"{result.prob('deliveries_2024', GOAL_2024):.0%}",
            "Share of draws meeting the 2024 goal in the October 2024 article.",
        ),
        (
            f"P(≥ {GOAL_2025:,} delivered in 2025)",
            f"{result.prob('deliveries_2025', GOAL_2025):.0%}",
            "Share of draws meeting the analysts' raised 2025 forecast.",
        ),
        (
            f"P(≥ {target:,.0f} delivered in {year})",
            f"{result.prob(f'deliveries_{year}', target):.0%}",
            "Share of draws meeting the target you typed.",
        ),
    ]


@st.fragment
def _uncertainty_panel(p: sim.Params, reported: pd.DataFrame, targets: pd.DataFrame) -> None:
    draws, spread, seed = _settings()
    with st.spinner(f"Running {draws:,} scenarios at once..."):
        result = cached_monte_carlo(p, draws, seed, spread)
    left, right = st.columns([1, 2])
    year = left.selectbox("Your target: year", YEARS, index=1, key="mc.target_year")
    target = right.number_input(
        "Your target: deliveries in that year",
        min_value=0,
        max_value=5_000_000,
        value=400_000,
        step=10_000,
        key="mc.target",
    )
    for column, (label, value, help_text) in zip(st.columns(3), probability_cards(result, year, target), strict=True):
        column.metric(label, value, help=help_text)
    reached = result.prob("month_100k", "2024-12")
    st.caption(
        f"{reached:.0%} of the draws reach 100,000 deliveries by December 2024. Bands: P10 to P90 of each month "
        "taken on its own; line: the median. Demand, ramp, patience and cost parameters are drawn around their "
        "values (lognormal, shares on the logit scale, independent); dates, prices and deposits stay fixed."
    )
    st.altair_chart(fan_chart(result.quantiles, reported, targets), width="stretch")
    with st.expander("KPIs over the draws (P10, P50, P90, mean)"):
        st.dataframe(
            result.summary(),
            column_config={c: st.column_config.NumberColumn(format="localized") for c in ("p10", "p50", "p90", "mean")},
        )
        st.download_button(
            "Download every draw (CSV)",
            result.kpis.join(result.draws).to_csv(),
            file_name=f"monte_carlo_seed{seed}.csv",
            mime="text/csv",
            key="mc.download",
        )


def render_uncertainty_tab(p: sim.Params, reported: pd.DataFrame, targets: pd.DataFrame) -> None:
    """The Monte Carlo panel: draw settings (in the link), the odds of the targets and the fan chart."""
    _uncertainty_panel(p, reported, targets)


def _kpi_picker(key: str, default: str = "deliveries_2025") -> str:
    names = list(sim.decisions.kpi_names())
    return st.selectbox("KPI", names, index=names.index(default), key=key, format_func=kpi_label)


def render_sensitivity_tab(p: sim.Params) -> None:
    """The tornado: which inputs move the chosen KPI most when each moves ±swing on its own."""
    left, right = st.columns(2)
    with left:
        kpi = _kpi_picker("tornado.kpi")
    swing = right.slider("Swing", 0.05, 0.5, 0.2, 0.05, key="tornado.swing", help="Each number ± this share.")
    table = cached_tornado(p, kpi, swing)
    st.altair_chart(tornado_chart(table, kpi, end=p["end"]), width="stretch")
    st.caption(
        f"Each number moved ±{swing:.0%} (within its range) and each date ±3 months, one at a time, "
        "all in one batch. Bars run from the scenario's value to the KPI at the low and high setting."
    )
    with st.expander("All parameters"):
        st.dataframe(table.astype({"value": str, "low": str, "high": str}), hide_index=True)


def _levers() -> list[str]:
    return [n for n, s in sim.PARAMETERS.items() if s.kind in ("int", "float", "month") and n != "end"]


def render_goal_seek(p: sim.Params) -> None:
    """Goal seek: pick a lever, a KPI and a target; see the lever value that meets it, or why none does."""
    levers = _levers()
    left, middle, right = st.columns(3)
    lever = left.selectbox(
        "Lever",
        levers,
        index=levers.index("plant1.peak"),
        key="goal.lever",
        format_func=lambda n: sim.PARAMETERS[n].label,
    )
    with middle:
        kpi = _kpi_picker("goal.kpi")
    current = sim.simulate(p).kpis[kpi]
    if kpi in TIMING_KPIS:
        options = [str(m) for m in month_range(p["end"])]
        target = right.select_slider("Target month", options=options, value=current or options[-1], key="goal.target.m")
    else:
        target = right.number_input(f"Target ({kpi_label(kpi)})", value=float(current), key=f"goal.target.{kpi}")
    detail = sim.goal_seek_detail(p, lever, kpi, target)
    spec = sim.PARAMETERS[lever]
    if detail.value is None:
        st.warning(f"No value of {spec.label} in its range meets the target: {detail.reason}")
    else:
        shown, now = (f"{v:,}" if spec.kind != "month" else v for v in (detail.value, p[lever]))
        unit = f" {spec.unit}" if spec.kind != "month" and spec.unit else ""
        achieved = _kpi_text(kpi, detail.achieved, p["end"])
        st.success(f"{spec.label}: {shown}{unit} (now {now}) gives {kpi_label(kpi)} {achieved}.")
    st.altair_chart(goal_seek_chart(detail), width="stretch")


def render_uncertainty(context: PageContext) -> None:
    """The Monte Carlo panel as a page tab (``app.py``'s ``TABS`` take a ``PageContext``)."""
    render_uncertainty_tab(context.params, context.reported, context.targets)


def render_decisions(context: PageContext) -> None:
    """The tornado and goal seek as one page tab."""
    render_sensitivity_tab(context.params)
    st.subheader("Goal seek")
    render_goal_seek(context.params)
