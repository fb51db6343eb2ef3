"""Backtest panel: a model fitted on the figures known at a cutoff month, against what was reported after it."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import sim
from sim.backtest import SEEDS, Backtest
from ui import display, i18n
from ui.charts import bound_label, month_tip
from ui.context import PARAMS_HASH

CUTOFF_KEY = "backtest.cutoff"  # session: the cutoff picked, one per launch ('backtest.cutoff.xiaomi')


SEEDS_KEY = "backtest.seeds"  # session: whether the spread over seeds is shown


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=PARAMS_HASH)
def cached_backtest(p: sim.Params, cutoff: str, seed: int = 0) -> Backtest:
    """``sim.backtest`` memoised on the scenario, cutoff and seed (a fit takes a few seconds)."""
    return sim.backtest(p, cutoff=cutoff, seed=seed)


def seed_spread(p: sim.Params, cutoff: str) -> pd.DataFrame:
    """The backtest's error over the later quarters and its monthly error for each seed in ``sim.backtest.SEEDS``.

    A progress bar moves after each seed's fit (each takes a few seconds when it is not cached).
    """
    rows, bar = [], st.progress(0.0, text=i18n.t("backtest.seeds.running", seeds=len(SEEDS)))
    for done, seed in enumerate(SEEDS, start=1):
        result = cached_backtest(p, cutoff, seed)
        bar.progress(done / len(SEEDS), text=i18n.t("backtest.seeds.progress", done=done, seeds=len(SEEDS)))
        rows.append(
            {
                i18n.t("backtest.seeds.seed"): seed,
                i18n.t("backtest.seeds.quarters"): result.total_error_pct,
                i18n.t("backtest.seeds.monthly"): result.mape,
            }
        )
    bar.empty()
    return pd.DataFrame(rows)


def backtest_chart(result: Backtest) -> alt.Chart:
    """Monthly deliveries: the fitted forecast as a line, reported figures as points, the cutoff as a rule."""
    forecast = result.forecast.rename("deliveries").rename_axis("month").reset_index()
    forecast["month"] = forecast["month"].dt.to_timestamp()
    points = result.monthly.assign(month=result.monthly["month"].dt.to_timestamp())
    kinds = {kind: i18n.t(f"backtest.kind.{kind}") for kind in ("reported", "at_least")}
    points["kind"] = points["bound"].map(lambda b: kinds["at_least" if b == "at_least" else "reported"])
    points["bound_label"] = points["bound"].map(bound_label)
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y"))
    line = (
        alt.Chart(forecast)
        .mark_line(color="#1f77b4")
        .encode(
            x,
            y=alt.Y("deliveries:Q", title=i18n.t("chart.deliveries.y"), axis=alt.Axis(format=",.0f")),
            tooltip=[month_tip(), alt.Tooltip("deliveries:Q", title=i18n.t("backtest.forecast"), format=",.0f")],
        )
    )
    marks = (
        alt.Chart(points)
        .mark_point(filled=True, size=70, color="#d62728")
        .encode(
            x,
            y="reported:Q",
            shape=alt.Shape(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=list(kinds.values()), range=["circle", "triangle"]),
            ),
            tooltip=[
                month_tip(),
                alt.Tooltip("reported:Q", title=i18n.t("sources.figure"), format=",.0f"),
                alt.Tooltip("bound_label:N", title=i18n.t("sources.bound")),
                alt.Tooltip("forecast:Q", title=i18n.t("backtest.forecast"), format=",.0f"),
                alt.Tooltip("error_pct:Q", format="+.1%", title=i18n.t("backtest.error")),
                alt.Tooltip("source:N", title=i18n.t("chart.tip.source")),
            ],
        )
    )
    cutoff = pd.DataFrame({"month": [pd.Period(result.cutoff, freq="M").to_timestamp(how="end")]})
    rule = alt.Chart(cutoff).mark_rule(strokeDash=[4, 4], color="gray").encode(x="month:T")
    return display.localized((line + marks + rule).properties(height=320))


def render_backtest(p: sim.Params) -> None:
    """The backtest panel: pick a cutoff, see the forecast against what came after, errors in numbers."""
    st.markdown(i18n.t("backtest.intro"))
    offered = p.package.tables.backtest_cutoffs  # the launch's cutoffs, its default first (launch.json)
    cutoff = st.select_slider(
        i18n.t("backtest.cutoff"),
        options=sorted(offered),
        value=offered[0],
        key=f"{CUTOFF_KEY}.{p.launch}",
        format_func=display.month,
    )
    with st.spinner(i18n.t("backtest.fitting")):
        result = cached_backtest(p, cutoff)
    left, right = st.columns(2)
    left.metric(i18n.t("backtest.mape"), display.percent(result.mape))
    right.metric(
        i18n.t("backtest.quarters"), _signed_percent(result.total_error_pct), help=i18n.t("backtest.quarters.help")
    )
    st.altair_chart(backtest_chart(result), width="stretch")
    st.dataframe(backtest_table(result), hide_index=True, width="stretch")
    st.caption(i18n.t("backtest.at_least"))
    if st.toggle(i18n.t("backtest.seeds"), key=SEEDS_KEY):
        spread = seed_spread(p, cutoff)
        st.dataframe(
            spread,
            hide_index=True,
            column_config={c: st.column_config.NumberColumn(format="percent") for c in spread.columns[1:]},
        )
        worst = spread[i18n.t("backtest.seeds.quarters")].abs().max()
        st.caption(i18n.t("backtest.seeds.worst", worst=display.percent(worst)))


def _signed_percent(share: float) -> str:
    return ("+" if share >= 0 else "") + display.percent(share)


def _bound(bound: str) -> str:
    return i18n.t(f"bound.{bound}") if i18n.has(f"bound.{bound}") else bound


def _percent_or_dash(share: float) -> str:
    return "–" if pd.isna(share) else display.percent(share)


def backtest_table(result: sim.Backtest) -> pd.DataFrame:
    """Every scored figure after the cutoff as the page shows it: words for columns, whole cars, errors in %."""
    table = pd.concat([result.monthly.assign(period="month"), result.quarterly.assign(period="quarter")])
    return pd.DataFrame(
        {
            i18n.t("backtest.col.period"): table["period"].map(lambda period: i18n.t(f"backtest.period.{period}")),
            i18n.t("col.month"): table["month"].astype(str).map(display.month),
            i18n.t("backtest.col.reported"): table["reported"].map(display.count),
            i18n.t("sources.bound"): table["bound"].map(
                lambda b: i18n.t(f"bound.{b}") if i18n.has(f"bound.{b}") else b
            ),
            i18n.t("backtest.col.forecast"): table["forecast"].map(display.count),
            i18n.t("backtest.col.error"): table["error"].map(lambda v: display.count(v, signed=True)),
            i18n.t("backtest.col.error_pct"): table["error_pct"].map(
                lambda v: "–" if pd.isna(v) else display.percent(v)
            ),
            i18n.t("chart.tip.source"): table["source"],
        }
    )


def render_backtest_tab(context) -> None:
    """The backtest panel as a page tab (``app.py``'s ``TABS`` take a ``PageContext``)."""
    render_backtest(context.params)
