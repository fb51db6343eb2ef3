"""Uncertainty on the page: the Monte Carlo fan chart and the odds of reaching the targets.

The chart builder :func:`fan_chart` is a pure function that tests call without a page (the tornado and goal seek
live in ``ui.decisions``). The ``render_*`` functions draw the panels; the Monte Carlo runs inside an
``st.fragment``, so moving its own widgets reruns only that panel. Draws, spread and seed are in the link (keys in
``LINK_KEYS``).

Capacity: one process runs one Monte Carlo at a time (``ui.mc_runner``; other sessions see "queued") in chunks of
draws with a progress bar, and keeps the last results for every session. Without a click the page runs at most
``UNCLICKED_DRAWS`` draws, so a link asking for 10,000 shows a stored result or 2,000 draws and a button. The draws
CSV is built only when downloaded.
"""

from __future__ import annotations

import math
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

import sim
from ui import context as page_cache
from ui import display, i18n, kpis, launch
from ui.cards import year_facts
from ui.charts import (
    ALL_LINES,
    BOUND_SHAPES,
    LEGEND_BELOW,
    bound_label,
    chart_spec,
    month_tip,
    named,
    reported_points,
    series_name,
    spec_with_data,
    target_scale,
    target_segments,
    with_data,
)
from ui.context import PARAMS_HASH, PageContext
from ui.display import month_start
from ui.link import language_from_link, launch_from_link
from ui.mc_runner import MonteCarloRunner

DRAW_CHOICES = (200, 500, 1000, 2000, 5000, 10000)
DEFAULT_DRAWS, DEFAULT_SPREAD, DEFAULT_SEED = 2000, 0.2, 0
SPREAD_RANGE = (0.0, 0.6)
SEED_RANGE = (0, 2**31 - 1)
DRAWS_KEY, SPREAD_KEY, SEED_KEY = "mc.draws", "mc.spread", "mc.seed"
LINK_KEYS = (DRAWS_KEY, SPREAD_KEY, SEED_KEY)  # page settings this module binds to the link
CACHE_ENTRIES = 8  # Monte Carlo results kept per process; 10,000 draws are a few MB
UNCLICKED_DRAWS = 2000  # the most draws a page runs without a click (a link may ask for more)
CHUNK_DRAWS = 1000  # draws through the model at once: bounds a run's memory (about 100 MB at 10,000 draws)
BAND_COLOR = "#1f77b4"


RUN_KEY, DOWNLOAD_KEY = "mc.run", "mc.download"  # the run-on-a-click and CSV buttons


def kpi_label(kpi: str) -> str:
    """The analyst's name of a KPI (``ui.kpis``)."""
    return kpis.label(kpi)


def link_problem(key: str, text: str) -> str | None:
    """What is wrong with the link value ``text`` of one of ``LINK_KEYS``, or None (for the page's link check)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if key in (DRAWS_KEY, SEED_KEY) and not (text.isascii() and text.isdigit()):  # plain whole numbers only
        value = math.nan
    if key == DRAWS_KEY and value not in DRAW_CHOICES:
        return i18n.t("link.one_of", name=key, options=", ".join(map(str, DRAW_CHOICES)), text=repr(text))
    if key == SPREAD_KEY and not SPREAD_RANGE[0] <= value <= SPREAD_RANGE[1]:
        return i18n.t("link.between", name=key, low=SPREAD_RANGE[0], high=SPREAD_RANGE[1], text=repr(text))
    if key == SEED_KEY and not (math.isfinite(value) and value == int(value)):
        return i18n.t("link.whole_number", name=key, text=repr(text))
    if key == SEED_KEY and not SEED_RANGE[0] <= value <= SEED_RANGE[1]:
        return i18n.t("link.between", name=key, low=SEED_RANGE[0], high=SEED_RANGE[1], text=repr(text))
    return None


@st.cache_resource(show_spinner=False)
def monte_carlo_runner() -> MonteCarloRunner:
    """The process's one Monte Carlo runner: one run at a time, the last ``CACHE_ENTRIES`` results kept."""
    return MonteCarloRunner(CACHE_ENTRIES)


def _run_key(p: sim.Params, n: int, seed: int, spread: float) -> tuple:
    return PARAMS_HASH[sim.Params](p), n, seed, spread


def run_monte_carlo(p: sim.Params, n: int, seed: int, spread: float) -> sim.MonteCarloResult:
    """``sim.monte_carlo`` through the process's runner: a stored result, or a run with a progress bar by chunk.

    While another session's run computes, this one shows that it is queued and waits.
    """
    status = st.empty()

    def queued() -> None:
        status.info(i18n.t("mc.queued"))

    def compute() -> sim.MonteCarloResult:
        bar = status.progress(0.0, text=i18n.t("mc.running", draws=display.count(n)))
        step = lambda done, total: bar.progress(  # noqa: E731
            done / total, text=i18n.t("mc.progress", done=display.count(done), total=display.count(total))
        )
        return sim.monte_carlo(p, n=n, seed=seed, spread=spread, chunk=CHUNK_DRAWS, progress=step)

    result = monte_carlo_runner().run(_run_key(p, n, seed, spread), compute, on_queued=queued)
    status.empty()
    return result


def draws_csv(result: sim.MonteCarloResult) -> str:
    """Every draw's KPIs and parameter values as CSV (built when the download is clicked)."""
    return result.kpis.join(result.draws).to_csv()


# ----- pure chart builders -----------------------------------------------------------------------------------


def band_frame(quantiles: pd.DataFrame, name: str) -> pd.DataFrame:
    """The P10, P50 and P90 of ``name`` by month, month as a Timestamp column."""
    frame = quantiles[[f"{name}_p10", f"{name}_p50", f"{name}_p90"]].copy()
    frame.columns = ["p10", "p50", "p90"]
    return frame.reset_index(names="month").assign(month=lambda f: month_start(f["month"]))


def _fan(band: alt.NamedData, title: str, y_title: str) -> alt.LayerChart:
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40))
    tips = [
        month_tip(),
        alt.Tooltip("p10:Q", title=i18n.t("mc.col.p10"), format=",.0f"),
        alt.Tooltip("p50:Q", title=i18n.t("mc.col.p50"), format=",.0f"),
        alt.Tooltip("p90:Q", title=i18n.t("mc.col.p90"), format=",.0f"),
    ]
    area = (
        alt.Chart(band)
        .mark_area(opacity=0.25, color=BAND_COLOR)
        .encode(x=x, y=alt.Y("p10:Q", title=y_title, axis=alt.Axis(format=",.0f")), y2="p90:Q", tooltip=tips)
    )
    median = alt.Chart(band).mark_line(color=BAND_COLOR, strokeWidth=2).encode(x=x, y="p50:Q", tooltip=tips)
    return alt.layer(area, median).properties(title=title, height=280)


def _points(points: alt.NamedData) -> alt.Chart:
    return (
        alt.Chart(points)
        .mark_point(filled=True, size=60, color="#111111")
        .encode(
            x="month:T",
            y="value:Q",
            shape=alt.Shape(
                "bound_label:N",
                title=i18n.t("chart.reported_legend"),
                scale=alt.Scale(domain=[bound_label(b) for b in BOUND_SHAPES], range=list(BOUND_SHAPES.values())),
                legend=LEGEND_BELOW,
            ),
            tooltip=[
                month_tip(),
                alt.Tooltip("figure:N", title=i18n.t("chart.tip.figure")),
                alt.Tooltip("value:Q", title=i18n.t("sources.figure"), format=",.0f"),
                alt.Tooltip("bound_label:N", title=i18n.t("sources.bound")),
                alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
            ],
        )
    )


def fan_frames(quantiles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The Monte Carlo's tables of :func:`fan_layout`: the monthly and since-January bands."""
    return {"monthly_band": band_frame(quantiles, "deliveries"), "ytd_band": band_frame(quantiles, "ytd_deliveries")}


def fan_reference(reported: pd.DataFrame, targets: pd.DataFrame, end: str) -> dict[str, pd.DataFrame]:
    """The reported all-line figures and the targets of :func:`fan_layout` up to ``end`` (the launch's first year's
    cumulative figures count from its first month, i.e. since January); its series and words are in the page
    language."""
    monthly = reported_points(reported, ["deliveries"], end)
    yearly = reported_points(reported, ["cum_deliveries", "deliveries_year"], end)
    first_year = pd.Period(launch.package().tables.first_month, freq="M").year
    yearly = yearly[(yearly["series"] == series_name(ALL_LINES))]
    yearly = yearly[(yearly["metric"] == "deliveries_year") | (yearly["month"].dt.year == first_year)]
    return {
        "monthly_reported": monthly[monthly["series"] == series_name(ALL_LINES)],
        "goals": target_segments(targets, launch.package().months(end)),
        "yearly_reported": yearly,
    }


FAN_PARTS = {  # each part of the fan chart and the datasets it draws
    "monthly": ("monthly_band", "monthly_reported"),
    "ytd": ("ytd_band", "goals", "yearly_reported"),
}


def fan_layout() -> alt.VConcatChart:
    """The fan chart over the datasets of :func:`fan_frames` and :func:`fan_reference`, its parts one above the
    other (the page draws each part as its own chart, so each stretches to the container's width)."""
    top, bottom = fan_parts()
    return alt.vconcat(top, bottom).resolve_scale(shape="shared")


def fan_parts() -> tuple[alt.LayerChart, alt.LayerChart]:
    """The fan chart's two parts (keys of ``FAN_PARTS``): monthly deliveries, and deliveries since January."""
    top = alt.layer(
        _fan(named("monthly_band"), i18n.t("fan.monthly"), i18n.t("chart.deliveries.y")),
        _points(named("monthly_reported")),
    )
    goals = (
        alt.Chart(named("goals"))
        .mark_rule(strokeDash=[6, 3], strokeWidth=2)
        .encode(
            x="start:T",
            x2="stop:T",
            y="value:Q",
            color=alt.Color("who:N", title=i18n.t("chart.target"), scale=target_scale(), legend=LEGEND_BELOW),
            tooltip=[
                alt.Tooltip("year:O", title=i18n.t("chart.tip.year")),
                alt.Tooltip("value:Q", title=i18n.t("chart.target"), format=",.0f"),
                alt.Tooltip("who:N", title=i18n.t("chart.tip.set_by")),
                alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
            ],
        )
    )
    bottom = alt.layer(
        _fan(named("ytd_band"), i18n.t("chart.cumulative.title"), i18n.t("chart.cumulative.y")),
        goals,
        _points(named("yearly_reported")),
    )
    return top, bottom


def fan_chart(quantiles: pd.DataFrame, reported: pd.DataFrame, targets: pd.DataFrame) -> alt.VConcatChart:
    """Monthly deliveries and deliveries since January: P10-P90 band, P50 line, reported figures and targets.

    Args:
        quantiles: ``MonteCarloResult.quantiles`` (needs the deliveries and ytd_deliveries bands).
        reported: ``sim.reported()``; all-line monthly deliveries go on the top panel, 2024 cumulative and
            yearly totals on the bottom one.
        targets: ``sim.targets()``, drawn as a segment over their year.
    """
    end = str(pd.PeriodIndex(quantiles.index, freq="M")[-1])
    return with_data(fan_layout(), {**fan_frames(quantiles), **fan_reference(reported, targets, end)})


@st.cache_resource(max_entries=4, show_spinner=False)
def fan_template(part: str, lang: str) -> dict:
    """The Vega-Lite spec of a part of the fan chart (``FAN_PARTS``) in ``lang``, without data, built and
    validated once per process (never changed)."""
    return chart_spec(dict(zip(FAN_PARTS, fan_parts(), strict=True))[part])


@st.cache_resource(max_entries=32, show_spinner=False)
def _fan_reference(
    end: str, launch_key: str, lang: str, _reported: pd.DataFrame, _targets: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """:func:`fan_reference` once per horizon, launch and language (its series and words are in that language)."""
    return fan_reference(_reported, _targets, end)


# ----- panels --------------------------------------------------------------------------------------------------


def current_seed() -> int:
    """The Monte Carlo seed of this scenario (from the widget or the link; checked by the link check)."""
    value = st.session_state.get(SEED_KEY, st.query_params.get(SEED_KEY, DEFAULT_SEED))
    return int(float(value))


def _settings() -> tuple[int, float, int]:
    left, middle, right = st.columns(3)
    draws = left.select_slider(
        i18n.t("mc.draws"),
        options=DRAW_CHOICES,
        value=DEFAULT_DRAWS,
        key=DRAWS_KEY,
        bind="query-params",
        help=i18n.t("mc.draws.help", draws=display.count(2000)),
    )
    spread = middle.slider(
        i18n.t("mc.spread"),
        min_value=SPREAD_RANGE[0],
        max_value=SPREAD_RANGE[1],
        value=DEFAULT_SPREAD,
        step=0.05,
        key=SPREAD_KEY,
        bind="query-params",
        help=i18n.t("mc.spread.help", spread=display.number(0.2, 1), share=display.percent(0.2, 0)),
    )
    seed = right.number_input(
        i18n.t("mc.seed"),
        min_value=SEED_RANGE[0],
        max_value=SEED_RANGE[1],
        value=DEFAULT_SEED,
        step=1,
        key=SEED_KEY,
        bind="query-params",
        help=i18n.t("mc.seed.help"),
    )
    return int(draws), float(spread), int(seed)


def goal_figures(targets: pd.DataFrame) -> list[tuple[int, float, str]]:
    """(year, deliveries, who set it) of the latest company goals for the launch's first two KPI years and the
    analysts' forecast for the second (Xiaomi: 2024, 2025)."""
    first, second = launch.kpi_years()[:2]
    facts = {year: year_facts(page_cache.reported(), targets, year) for year in (first, second)}
    figures = [(first, facts[first].goal, "company"), (second, facts[second].goal, "company")]
    figures.append((second, facts[second].analysts, "analysts"))
    return [(year, value, who) for year, value, who in figures if value is not None]


def _default_target(targets: pd.DataFrame, year: int) -> int:
    """'Your target' to start from: the latest company goal for ``year`` (10,000 cars a step), else 100,000."""
    goal = year_facts(page_cache.reported(), targets, year).goal
    return int(round(goal / 10_000) * 10_000) if goal else 100_000


def probability_cards(
    result: sim.MonteCarloResult, year: int, target: float, targets: pd.DataFrame | None = None
) -> list[tuple[str, str, str]]:
    """The odds the page shows: (label, value, help) for the latest company goals, the analysts' 2025 forecast and
    the analyst's own target."""
    odds = lambda year, value: display.percent(result.prob(f"deliveries_{year}", value), 0)  # noqa: E731
    cards = [
        (
            i18n.t("odds.label", value=display.count(value), year=year),
            odds(year, value),
            i18n.t(f"odds.help.{who}", year=year),
        )
        for year, value, who in goal_figures(page_cache.targets() if targets is None else targets)
    ]
    cards.append(
        (i18n.t("odds.label", value=display.count(target), year=year), odds(year, target), i18n.t("odds.help.yours"))
    )
    return cards


@st.fragment
def _uncertainty_panel(p: sim.Params, reported: pd.DataFrame, targets: pd.DataFrame) -> None:
    language_from_link()  # a fragment's rerun may run in a fresh thread: speak the page's language again
    launch_from_link()  # and show its launch
    asked, spread, seed = _settings()
    draws, offer = asked, st.empty()
    if asked > UNCLICKED_DRAWS and monte_carlo_runner().cached(_run_key(p, asked, seed, spread)) is None:
        note, button = offer.container().columns([3, 1], vertical_alignment="center")
        note.info(i18n.t("mc.offer", asked=display.count(asked), shown=display.count(UNCLICKED_DRAWS)))
        if not button.button(i18n.t("mc.run", draws=display.count(asked)), key=RUN_KEY):
            draws = UNCLICKED_DRAWS
    result = run_monte_carlo(p, draws, seed, spread)
    if result.n == asked:
        offer.empty()  # the click's run is done: the offer goes
    left, right = st.columns([1, 2])
    years = launch.kpi_years()
    year = left.selectbox(i18n.t("mc.target_year"), years, index=1, key=f"mc.target_year.{p.launch}")
    target = right.number_input(
        i18n.t("mc.target"),
        min_value=0,
        max_value=5_000_000,
        value=_default_target(targets, year),
        step=10_000,
        key=f"mc.target.{p.launch}",
    )
    odds = probability_cards(result, year, target, targets)
    for column, (label, value, help_text) in zip(st.columns(len(odds)), odds, strict=True):
        column.metric(label, value, help=help_text)
    reached = result.prob("month_100k", f"{years[0]}-12")
    st.caption(
        i18n.t(
            "mc.caption",
            share=display.percent(reached, 0),
            draws=display.count(result.n),
            level=display.count(100_000),
            month=display.month(f"{years[0]}-12", long=True),
        )
    )
    datasets = {**fan_frames(result.quantiles), **_fan_reference(p["end"], p.launch, i18n.lang(), reported, targets)}
    for part, names in FAN_PARTS.items():
        shown = {name: datasets[name] for name in names}
        st.vega_lite_chart(spec_with_data(fan_template(part, i18n.lang()), shown), width="stretch")
    with st.expander(i18n.t("mc.summary")):
        st.dataframe(summary_table(result.summary()), hide_index=True, width="stretch")
        st.download_button(
            i18n.t("mc.download"),
            partial(draws_csv, result),
            file_name=f"monte_carlo_seed{seed}.csv",
            mime="text/csv",
            key=DOWNLOAD_KEY,
        )


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """``MonteCarloResult.summary()`` as the page shows it: KPI labels, values formatted by the KPI table."""
    rows = [name for name in summary.index if name in kpis.KPIS]
    table = {i18n.t("mc.col.kpi"): [kpis.label(name) for name in rows]}
    for column in ("p10", "p50", "p90", "mean"):
        table[i18n.t(f"mc.col.{column}")] = [kpis.fmt(name, summary.loc[name, column]) for name in rows]
    return pd.DataFrame(table)


def render_uncertainty_panel(p: sim.Params, reported: pd.DataFrame, targets: pd.DataFrame) -> None:
    """The Monte Carlo panel: draw settings (in the link), the odds of the targets and the fan chart."""
    _uncertainty_panel(p, reported, targets)


def render_uncertainty_tab(context: PageContext) -> None:
    """The Monte Carlo panel as a page tab (``app.py``'s ``TABS`` take a ``PageContext``)."""
    render_uncertainty_panel(context.params, context.reported, context.targets)
