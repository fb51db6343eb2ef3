"""Backtest panel: a model fitted on the figures known at a cutoff month, against what was reported after it."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import sim
from sim.backtest import SEEDS, Backtest
from ui import display, i18n
from ui.context import PARAMS_HASH

CUTOFF_KEY = "backtest.cutoff"  # session: the cutoff picked, one per launch ('backtest.cutoff.xiaomi')


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=PARAMS_HASH)
def cached_backtest(p: sim.Params, cutoff: str, seed: int = 0) -> Backtest:
    """``sim.backtest`` memoised on the scenario, cutoff and seed (a fit takes a few seconds)."""
    return sim.backtest(p, cutoff=cutoff, seed=seed)


def seed_spread(p: sim.Params, cutoff: str) -> pd.DataFrame:
    """The backtest's error over the later quarters and its monthly error for each seed in ``sim.backtest.SEEDS``.

    A progress bar moves after each seed's fit (each takes a few seconds when it is not cached).
    """
    rows, bar = [], st.progress(0.0, text=f"Fitting with {len(SEEDS)} seeds...")
    for done, seed in enumerate(SEEDS, start=1):
        result = cached_backtest(p, cutoff, seed)
        bar.progress(done / len(SEEDS), text=f"Fitted {done} of {len(SEEDS)} seeds")
        rows.append({"Seed": seed, "Quarters after the cutoff": result.total_error_pct, "Monthly error": result.mape})
    bar.empty()
    return pd.DataFrame(rows)


def backtest_chart(result: Backtest) -> alt.Chart:
    """Monthly deliveries: the fitted forecast as a line, reported figures as points, the cutoff as a rule."""
    forecast = result.forecast.rename("deliveries").rename_axis("month").reset_index()
    forecast["month"] = forecast["month"].dt.to_timestamp()
    points = result.monthly.assign(month=result.monthly["month"].dt.to_timestamp())
    points["kind"] = points["bound"].map(lambda b: "at least" if b == "at_least" else "reported")
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y"))
    line = (
        alt.Chart(forecast)
        .mark_line(color="#1f77b4")
        .encode(
            x,
            y=alt.Y("deliveries:Q", title="Deliveries per month", axis=alt.Axis(format=",.0f")),
            tooltip=[alt.Tooltip("month:T", format="%b %Y"), alt.Tooltip("deliveries:Q", format=",.0f")],
        )
    )
    marks = (
        alt.Chart(points)
        .mark_point(filled=True, size=70, color="#d62728")
        .encode(
            x,
            y="reported:Q",
            shape=alt.Shape("kind:N", scale=alt.Scale(domain=["reported", "at least"], range=["circle", "triangle"])),
            tooltip=[
                alt.Tooltip("month:T", format="%b %Y"),
                alt.Tooltip("reported:Q", format=",.0f"),
                "bound:N",
                alt.Tooltip("forecast:Q", format=",.0f"),
                alt.Tooltip("error_pct:Q", format="+.1%", title="error"),
                "source:N",
            ],
        )
    )
    cutoff = pd.DataFrame({"month": [pd.Period(result.cutoff, freq="M").to_timestamp(how="end")]})
    rule = alt.Chart(cutoff).mark_rule(strokeDash=[4, 4], color="gray").encode(x="month:T")
    return (line + marks + rule).properties(height=320)


def render_backtest(p: sim.Params) -> None:
    """The backtest panel: pick a cutoff, see the forecast against what came after, errors in numbers."""
    st.markdown(
        "Fit the ramp, demand and cost parameters only on the figures known at the cutoff (starting from their "
        "priors, so nothing later leaks in), then compare the forecast with what Xiaomi reported afterwards."
    )
    offered = p.package.tables.backtest_cutoffs  # the launch's cutoffs, its default first (launch.json)
    cutoff = st.select_slider(
        "Data known up to", options=sorted(offered), value=offered[0], key=f"{CUTOFF_KEY}.{p.launch}"
    )
    with st.spinner("Fitting on the figures known at the cutoff..."):
        result = cached_backtest(p, cutoff)
    left, right = st.columns(2)
    left.metric("Monthly error (MAPE, every figure)", f"{result.mape:.1%}")
    right.metric("Quarterly totals after the cutoff", f"{result.total_error_pct:+.1%}", help="forecast vs official")
    st.altair_chart(backtest_chart(result), width="stretch")
    st.dataframe(backtest_table(result), hide_index=True, width="stretch")
    st.caption("'At least' figures are lower bounds: a forecast above one is no error; one below counts its shortfall.")
    if st.toggle("Show the spread over search seeds", key="backtest.seeds"):
        spread = seed_spread(p, cutoff)
        st.dataframe(
            spread,
            hide_index=True,
            column_config={c: st.column_config.NumberColumn(format="percent") for c in spread.columns[1:]},
        )
        worst = spread["Quarters after the cutoff"].abs().max()
        st.caption(f"The largest error over the quarters after the cutoff across seeds: {worst:.1%}.")


def backtest_table(result: sim.Backtest) -> pd.DataFrame:
    """Every scored figure after the cutoff as the page shows it: words for columns, whole cars, errors in %."""
    table = pd.concat([result.monthly.assign(period="month"), result.quarterly.assign(period="quarter")])
    return pd.DataFrame(
        {
            "Period": table["period"],
            "Month": table["month"].astype(str).map(display.month),
            "Reported (cars)": table["reported"].map(display.count),
            "Bound": table["bound"].map(lambda b: i18n.t(f"bound.{b}") if i18n.has(f"bound.{b}") else b),
            "Forecast (cars)": table["forecast"].map(display.count),
            "Error (cars)": table["error"].map(lambda v: display.count(v, signed=True)),
            "Error (%)": table["error_pct"].map(lambda v: "–" if pd.isna(v) else display.percent(v)),
            "Source": table["source"],
        }
    )


def render_backtest_tab(context) -> None:
    """The backtest panel as a page tab (``app.py``'s ``TABS`` take a ``PageContext``)."""
    render_backtest(context.params)
