"""Launches tab: Xiaomi's launch next to Tesla's Model 3 on a common clock, read-only.

It answers the seed article's comparative claim (Xiaomi is one of the fastest makers to 100,000 EVs) with each
launch's base run and reported figures by months since its first delivery (``sim.sidebyside``). Nothing here
depends on the levers, so the side-by-side computation is cached once for every session. The chart and table
builders are pure functions of the ``LaunchClock`` mapping; only :func:`render_launches_tab` touches Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

import sim
from sim.guidance import promises
from sim.sidebyside import LaunchClock, clock, side_by_side
from sim.tables import package_folder
from ui import display, i18n
from ui.charts import LEGEND_BELOW, TARGET_KINDS
from ui.context import PARAMS_HASH, PageContext

LAUNCH_COLORS = ("#ff6900", "#1f77b4", "#2ca02c", "#9467bd")  # by launch order: Xiaomi orange, Tesla blue, ...
SMALL_HEIGHT = 220
HEIGHT = 320
CLAIM_LEVEL = 100_000  # the seed article's milestone


def launch_name(key: str) -> str:
    """A launch's short name in the page language ('launch.<key>' in the catalogues); a key ending ':screen' is
    that launch's scenario on screen."""
    launch, _, screen = key.partition(":")
    name = i18n.t(f"launch.{launch}")
    return i18n.t("launches.on_screen", launch=name) if screen else name


def with_screen(clocks: Mapping[str, LaunchClock], screen: LaunchClock | None) -> dict[str, LaunchClock]:
    """The bases' clocks and, given one, the scenario on screen's (key '<launch>:screen', its model only)."""
    if screen is None:
        return dict(clocks)
    model_only = screen.series.assign(reported_deliveries=np.nan, reported_cum_deliveries=np.nan)
    return {**clocks, f"{screen.launch}:screen": replace(screen, series=model_only)}


def _color(clocks: Mapping[str, LaunchClock]) -> alt.Color:
    names = [launch_name(key) for key in clocks]
    scale = alt.Scale(domain=names, range=list(LAUNCH_COLORS[: len(names)]))
    return alt.Color("launch:N", title=None, scale=scale, legend=LEGEND_BELOW)


def clock_frame(clocks: Mapping[str, LaunchClock], columns: list[str]) -> pd.DataFrame:
    """``columns`` of every launch's series in long form: months (since first delivery), launch (name), month."""
    return pd.concat(
        [
            clock.series[["month", *columns]].rename_axis("months").reset_index().assign(launch=launch_name(key))
            for key, clock in clocks.items()
        ],
        ignore_index=True,
    )


def _x() -> alt.X:
    return alt.X("months:Q", title=i18n.t("launches.axis.months"), axis=alt.Axis(tickMinStep=1, format="d"))


def _tooltip(field: str, title_key: str, fmt: str = ",.0f") -> list[alt.Tooltip]:
    return [
        alt.Tooltip("launch:N", title=i18n.t("launches.col.launch")),
        alt.Tooltip("months:Q", title=i18n.t("launches.axis.months")),
        alt.Tooltip("month:N", title=i18n.t("launches.tip.month")),
        alt.Tooltip(f"{field}:Q", title=i18n.t(title_key), format=fmt),
    ]


def _model_and_reported(
    clocks: Mapping[str, LaunchClock], model: str, reported: str, axis_key: str, height: int
) -> alt.LayerChart:
    """Model ``model`` as lines and reported ``reported`` as points, both launches, on the common clock."""
    frame = clock_frame(clocks, [model, reported])
    y = alt.Y(f"{model}:Q", title=i18n.t(axis_key), axis=alt.Axis(format=",.0f"))
    lines = (
        alt.Chart(frame)
        .mark_line()
        .encode(_x(), y, color=_color(clocks), tooltip=_tooltip(model, "launches.tip.model"))
    )
    points = (
        alt.Chart(frame.dropna(subset=[reported]))
        .mark_point(filled=True, size=45)
        .encode(
            _x(),
            alt.Y(f"{reported}:Q"),
            color=_color(clocks),
            tooltip=_tooltip(reported, "launches.tip.reported"),
        )
    )
    return display.localized((lines + points).properties(height=height))


def cumulative_chart(clocks: Mapping[str, LaunchClock]) -> alt.LayerChart:
    """Cumulative deliveries by months since first delivery: model lines, reported points, one colour a launch."""
    return _model_and_reported(clocks, "cum_deliveries", "reported_cum_deliveries", "launches.axis.cumulative", HEIGHT)


def monthly_chart(clocks: Mapping[str, LaunchClock]) -> alt.LayerChart:
    """Deliveries per month by months since first delivery: model lines, reported points (quarter spread evenly)."""
    return _model_and_reported(clocks, "deliveries", "reported_deliveries", "launches.axis.monthly", HEIGHT)


def _small_lines(
    clocks: Mapping[str, LaunchClock], frame: pd.DataFrame, field: str, axis_key: str, tip_format: str, **encoding
) -> alt.Chart:
    """A small line chart of ``field`` on the common clock, one colour a launch; ``encoding`` adds channels."""
    tooltip = _tooltip(field, axis_key, tip_format)
    if "strokeDash" in encoding:  # name the dashed measure before its value
        tooltip.insert(3, alt.Tooltip("measure:N", title=i18n.t("launches.tip.measure")))
    chart = (
        alt.Chart(frame)
        .mark_line()
        .encode(
            _x(),
            alt.Y(f"{field}:Q", title=i18n.t(axis_key), axis=alt.Axis(format=",.0f")),
            color=_color(clocks),
            tooltip=tooltip,
            **encoding,
        )
        .properties(height=SMALL_HEIGHT)
    )
    return display.localized(chart)


def orders_chart(clocks: Mapping[str, LaunchClock]) -> alt.Chart:
    """Order book (locked, not yet delivered) and reservations not yet ordered, both launches."""
    frame = clock_frame(clocks, ["order_book", "pending"]).melt(
        id_vars=["months", "month", "launch"], var_name="measure", value_name="people"
    )
    frame["measure"] = frame["measure"].map(lambda m: i18n.t(f"launches.measure.{m}"))
    dash = alt.StrokeDash("measure:N", title=None, legend=LEGEND_BELOW)
    return _small_lines(clocks, frame, "people", "launches.axis.people", ",.0f", strokeDash=dash)


def wait_chart(clocks: Mapping[str, LaunchClock]) -> alt.Chart:
    """The wait quoted to a new buyer of each launch's first line, in months."""
    return _small_lines(clocks, clock_frame(clocks, ["wait_months"]), "wait_months", "launches.axis.wait", ",.1f")


def _whole_months(value: float | None) -> str:
    return i18n.t("not_reached") if value is None or pd.isna(value) else display.number(int(value))


def milestones_table(clocks: Mapping[str, LaunchClock]) -> pd.DataFrame:
    """Months from first delivery to each of ``LEVELS`` deliveries, model and reported, one row a launch and level."""
    rows = [
        {
            i18n.t("launches.col.launch"): launch_name(key),
            i18n.t("launches.col.level"): display.count(row.level),
            i18n.t("launches.col.model"): _whole_months(row.model),
            i18n.t("launches.col.reported"): _whole_months(row.reported),
        }
        for key, clock in clocks.items()
        for row in clock.milestones.itertuples(index=False)
    ]
    return pd.DataFrame(rows)


def _months_to(clock: LaunchClock, level: int) -> tuple[float | None, bool]:
    """Months to ``level``: the reported figure when there is one (True), else the model's (False)."""
    row = clock.milestones.set_index("level").loc[level]
    if row["reported"] is not None and not pd.isna(row["reported"]):
        return row["reported"], True
    return row["model"], False


def claim_sentence(clocks: Mapping[str, LaunchClock], level: int = CLAIM_LEVEL) -> str:
    """One sentence answering the claim: months to ``level`` deliveries for the first launch and each other one."""
    (first, first_clock), *others = clocks.items()
    months, is_reported = _months_to(first_clock, level)
    parts = [
        i18n.t(
            "launches.claim.other",
            launch=launch_name(key),
            months=_whole_months(m),
            source=i18n.t("launches.reported" if r else "launches.modelled"),
        )
        for key, (m, r) in ((key, _months_to(clock, level)) for key, clock in others)
    ]
    return i18n.t(
        "launches.claim",
        level=display.count(level),
        launch=launch_name(first),
        months=_whole_months(months),
        source=i18n.t("launches.reported" if is_reported else "launches.modelled"),
        others=i18n.t("launches.and").join(parts),
    )


def bands_met(key: str) -> tuple[int, int]:
    """How many of a launch's acceptance bands its base calibration meets, and how many there are."""
    with (package_folder(key) / "acceptance.csv").open() as bands:
        ok = pd.read_csv(bands)["ok"].astype(bool)
    return int(ok.sum()), len(ok)


def calibration_caption(clocks: Mapping[str, LaunchClock]) -> str:
    """Each compared launch's currency and calibration quality, and how quarterly figures become months."""
    first, *others = clocks
    notes = [
        i18n.t(
            "launches.caption.launch",
            launch=launch_name(key),
            currency=clocks[key].currency,
            met=met,
            bands=total,
        )
        for key in others
        for met, total in [bands_met(key)]
    ]
    return " ".join([*notes, i18n.t("launches.caption.spread")])


@st.cache_data(show_spinner=False)
def cached_side_by_side() -> dict[str, LaunchClock]:
    """``sim.sidebyside.side_by_side()`` computed once: it depends on nothing the user changes."""
    return side_by_side()


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=PARAMS_HASH)
def cached_clock(p: sim.Params) -> LaunchClock:
    """``sim.sidebyside.clock(p)`` for the scenario on screen, memoised on its values."""
    return clock(p)


OVERLAY_KEY = "launches.overlay"  # session: whether the charts overlay the scenario on screen


def render_launches_tab(context: PageContext) -> None:
    """The Launches tab: the claim answered, the milestones table, the charts (with the scenario on screen, unless
    it is its launch's base), then promises against outcomes."""
    clocks = cached_side_by_side()
    st.markdown(i18n.t("launches.intro"))
    st.markdown(claim_sentence(clocks))
    st.dataframe(milestones_table(clocks), hide_index=True, width="stretch")
    st.caption(calibration_caption(clocks))
    moved = context.params != sim.Params.base(context.params.launch)
    overlay = st.toggle(
        i18n.t("launches.overlay"),
        value=True,
        key=OVERLAY_KEY,
        disabled=not moved,
        help=i18n.t("launches.overlay.help"),
    )
    shown = with_screen(clocks, cached_clock(context.params) if overlay and moved else None)
    st.subheader(i18n.t("launches.cumulative.title"))
    st.altair_chart(cumulative_chart(shown), width="stretch")
    st.subheader(i18n.t("launches.monthly.title"))
    st.altair_chart(monthly_chart(shown), width="stretch")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{i18n.t('launches.orders.title')}**")
        st.altair_chart(orders_chart(clocks), width="stretch")
    with right:
        st.markdown(f"**{i18n.t('launches.wait.title')}**")
        st.altair_chart(wait_chart(clocks), width="stretch")
    render_promises()


def promises_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Promises (``sim.guidance.promises``) as the page shows them: who, what, when, promised, outcome, error."""
    percent = lambda v: "–" if pd.isna(v) else ("+" if v >= 0 else "") + display.percent(v)  # noqa: E731
    return pd.DataFrame(
        {
            i18n.t("promises.col.launch"): frame["launch"].map(launch_name),
            i18n.t("promises.col.stated"): frame["stated"].astype(str).map(display.month),
            i18n.t("promises.col.who"): frame["who"].map(lambda w: i18n.t(f"promises.who.{w}")),
            i18n.t("promises.col.what"): frame["metric"].map(lambda m: i18n.t(f"promises.metric.{m}")),
            i18n.t("promises.col.by"): frame["by"].astype(str).map(display.month),
            i18n.t("promises.col.promised"): frame["promised"].map(display.count),
            i18n.t("promises.col.outcome"): frame["outcome"].map(lambda v: "–" if pd.isna(v) else display.count(v)),
            i18n.t("promises.col.error"): frame["error"].map(percent),
            i18n.t("promises.col.basis"): frame["basis"].map(lambda b: i18n.t(f"promises.basis.{b}")),
            i18n.t("promises.col.source"): frame["source"],
        }
    )


def promises_chart(frame: pd.DataFrame) -> alt.Chart:
    """How far off each settled promise was (outcome / promised - 1), one bar a promise, coloured by who made it."""
    settled = frame.dropna(subset=["error"]).reset_index(drop=True)
    settled = settled.assign(
        label=[
            i18n.t(
                "promises.label",
                launch=launch_name(row.launch),
                stated=display.month(str(row.stated)),
                what=i18n.t(f"promises.metric.{row.metric}"),
                by=display.month(str(row.by)),
            )
            for row in settled.itertuples()
        ],
        who_label=settled["who"].map(lambda w: i18n.t(f"promises.who.{w}")),
        order=range(len(settled)),
    )
    kinds = [k for k in TARGET_KINDS if k in set(settled["who"])]
    scale = alt.Scale(domain=[i18n.t(f"promises.who.{k}") for k in kinds], range=[TARGET_KINDS[k] for k in kinds])
    return (
        alt.Chart(settled)
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                title=None,
                sort=alt.EncodingSortField("order"),
                axis=alt.Axis(labelLimit=320, labelOverlap=False),
            ),
            x=alt.X("error:Q", title=i18n.t("promises.axis.error"), axis=alt.Axis(format="+.0%")),
            color=alt.Color("who_label:N", title=None, scale=scale, legend=LEGEND_BELOW),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.t("promises.col.what")),
                alt.Tooltip("promised:Q", title=i18n.t("promises.col.promised"), format=",.0f"),
                alt.Tooltip("outcome:Q", title=i18n.t("promises.col.outcome"), format=",.0f"),
                alt.Tooltip("error:Q", title=i18n.t("promises.col.error"), format="+.1%"),
                alt.Tooltip("source:N", title=i18n.t("promises.col.source")),
            ],
        )
        .properties(height=max(160, 22 * len(settled)))
    )


@st.cache_data(show_spinner=False)
def cached_promises() -> pd.DataFrame:
    """Every launch's promises against outcomes (``sim.guidance.promises``), read once."""
    return pd.concat([promises(key).assign(launch=key) for key in sim.LAUNCHES], ignore_index=True)


def render_promises() -> None:
    """Promises against outcomes: what each maker and its analysts promised and what happened, chart and table."""
    frame = cached_promises()
    st.subheader(i18n.t("promises.title"))
    st.markdown(i18n.t("promises.intro"))
    st.altair_chart(promises_chart(frame), width="stretch")
    st.caption(promises_summary(frame))
    st.dataframe(promises_table(frame), hide_index=True, width="stretch")


def promises_summary(frame: pd.DataFrame) -> str:
    """One sentence per launch and side: the median error of its settled promises."""
    parts = [
        i18n.t(
            "promises.summary",
            launch=launch_name(launch),
            who=i18n.t(f"promises.who.{who}"),
            n=len(group),
            median=("+" if group.median() >= 0 else "") + display.percent(group.median()),
        )
        for (launch, who), group in frame.dropna(subset=["error"]).groupby(["launch", "who"], sort=False)["error"]
    ]
    return " ".join(parts)
