"""Scenarios side by side: save the scenario on screen, compare the saved ones, explain a difference, export, import.

What the page gets:

- a save box: the scenario on screen saved under a name; several kept, any one removed;
- the comparison: cumulative and monthly deliveries of every saved scenario (and the one on screen) overlaid, a KPI
  table with deltas against a chosen reference, and a waterfall of ``sim.attribute`` splitting one KPI's
  difference between the reference and another scenario over the parameter groups;
- export (a zip bundle from ``sim.scenario_bundle``) and import (``sim.load_upload``) of the scenario on screen.

Contract with the page script (``app.py``):

1. ``apply_pending_scenario()`` is called at the top of every run, before any parameter widget is built. Widgets can
   only be given a value from code before they are drawn, so an upload does not touch them: its callback stores the
   scenario under ``PENDING_KEY`` and this function writes it into ``st.session_state`` under every parameter's
   widget key, which is its dotted name (months as 'YYYY-MM' strings, bools, ints and floats as in the registry,
   exactly ``Params.values()``). The widgets then draw with those values and, being bound to the link, put them in
   the address. The levers it replaces are kept for "Back to your previous scenario" (``ui.widgets``).
2. The saved scenarios live in ``st.session_state[SAVED_KEY]`` (name -> ``sim.Params``, in saving order) and in the
   link's ``LINK_KEY`` ('compare') query parameter as ``sim.encode_scenarios`` writes it, so the address reopens the
   same comparison. :func:`sync_link` reads the link (the link wins when it differs from what the session last
   wrote); a broken code, or one using a name the page shows itself (:func:`name_problem`), shows one ``st.error``
   where it is called, is dropped from the address, and the session keeps the scenarios it had. The page's link
   check (``ui.widgets.check_link``) leaves 'compare' to this module.
3. :func:`render_compare_tab` draws everything from the ``PageContext`` and fits the page's ``TABS``. While the
   levers are inconsistent (``context.error``) Save and the download are off: the page shows another scenario
   than the levers describe, and neither may store it under the analyst's name.

Names and file names come from outside: every one is shown through ``ui.display.plain`` (never as markdown).

Chart and table builders are pure functions of runs and tables, so tests call them without a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

import sim
from sim.attribution import attribution_kpis
from sim.bundle import MAX_UPLOAD_BYTES, upload_notice
from sim.scenarios import MAX_SCENARIOS, OLD_LINK_PREFIXES, V1_NOTICE, normalise_name
from ui import context as page_cache
from ui import kpis as kpi_info
from ui import launch
from ui.display import Currency, month_start, months_between, plain
from ui.widgets import COMPARE_KEY, keep_previous

LINK_KEY = COMPARE_KEY  # query parameter holding the saved scenarios ('compare')
SAVED_KEY = "compare.saved"  # session: name -> sim.Params
SYNCED_KEY = "compare.synced"  # session: the link code last read or written
PENDING_KEY = "compare.pending"  # session: a scenario waiting to be put on the widgets
SAVE_NOTICE_KEY, UPLOAD_NOTICE_KEY = "compare.save_notice", "compare.upload_notice"  # session: (kind, message)
NAME_KEY, UPLOAD_KEY = "compare.name", "compare.upload"
REFERENCE_KEY, TARGET_KEY, KPI_KEY = "compare.reference", "compare.scenario", "compare.kpi"
ON_SCREEN = "On screen"  # the scenario the sliders describe; reserved, not a saved name
REFERENCE_SUFFIX, DELTA_PREFIX = " (reference)", "Δ "  # the KPI table's column names: 'x (reference)', 'Δ x'
# Names the page shows itself; a saved scenario may not take one (compared case-insensitively).
RESERVED_NAMES = frozenset(
    n.casefold()
    for presets in map(sim.presets_for, sim.LAUNCHES)
    for n in (ON_SCREEN, "KPI", *presets, *(p.replace("_", " ") for p in presets))
)
DEFAULT_SEED = 0  # the Monte Carlo seed recorded in the bundle when the page has none of its own


def kpi_names() -> tuple[str, ...]:
    """The KPI table's rows for the launch on screen, in the model's order (labels and formats: ui.kpis)."""
    return tuple(kpi_info.KPIS)


INCONSISTENT = "Off while the levers are inconsistent (see the error above): the page shows the last valid scenario."
WATERFALL_COLORS = {"total": "#555555", "increase": "#2ca02c", "decrease": "#d62728"}


# Pure builders


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
    return (
        alt.Chart(frame, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
            y=alt.Y("value:Q", title=title, axis=alt.Axis(format=",.0f")),
            color=alt.Color("scenario:N", title="Scenario", sort=list(runs), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("scenario:N", title="Scenario"),
                alt.Tooltip("month:T", title="Month", format="%b %Y"),
                alt.Tooltip("value:Q", title=title, format=",.0f"),
            ],
        )
        .properties(height=300)
    )


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
    table = pd.DataFrame({"KPI": [kpi_info.label(k) for k in kpi_names()]})
    table[f"{reference}{REFERENCE_SUFFIX}"] = [
        kpi_info.fmt(k, deltas.loc[(k, reference), "value"], currency) for k in kpi_names()
    ]
    for name in kpis:
        if name != reference:
            table[name] = [kpi_info.fmt(k, deltas.loc[(k, name), "value"], currency) for k in kpi_names()]
            table[f"{DELTA_PREFIX}{name}"] = [
                kpi_info.fmt(k, deltas.loc[(k, name), "delta"], currency, signed=True) for k in kpi_names()
            ]
    return table


def waterfall_frame(attribution: pd.DataFrame, *, reference: str, scenario: str, scale: float = 1.0) -> pd.DataFrame:
    """The bars of a waterfall: the reference's KPI, one step per group, the scenario's KPI.

    Columns: step (label), order, start, end, amount, kind ('total', 'increase', 'decrease'), parameters. Values
    are multiplied by ``scale`` (e.g. RMB to the display currency).
    """
    base = attribution.attrs["base_value"] * scale
    rows = [{"step": reference, "start": 0.0, "end": base, "amount": base, "kind": "total", "parameters": ""}]
    level = base
    for group, contribution, parameters in attribution[["group", "contribution", "parameters"]].itertuples(index=False):
        amount = contribution * scale
        kind = "increase" if amount >= 0 else "decrease"
        rows.append(
            {
                "step": group,
                "start": level,
                "end": level + amount,
                "amount": amount,
                "kind": kind,
                "parameters": parameters,
            }
        )
        level += amount
    final = attribution.attrs["scenario_value"] * scale
    rows.append({"step": scenario, "start": 0.0, "end": final, "amount": final, "kind": "total", "parameters": ""})
    frame = pd.DataFrame(rows)
    frame["order"] = range(len(frame))
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
                "kind:N",
                title=None,
                scale=alt.Scale(domain=list(WATERFALL_COLORS), range=list(WATERFALL_COLORS.values())),
            ),
            tooltip=[
                alt.Tooltip("step:N", title="Step"),
                alt.Tooltip("amount:Q", title="Amount", format=fmt),
                alt.Tooltip("end:Q", title="Running total", format=fmt),
                alt.Tooltip("parameters:N", title="Changed parameters"),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, fontSize=11, clip=True)
        .encode(y=y, x=alt.X("right:Q", scale=x_scale), text=alt.Text("amount:Q", format=fmt))
        .transform_calculate(right="max(datum.start, datum.end)")
    )
    return (bars + text).properties(height=36 * len(frame) + 40)


# Session state: the saved set, the link and a scenario waiting for the widgets


def apply_pending_scenario() -> None:
    """Put a scenario waiting under ``PENDING_KEY`` on the parameter widgets (call before the widgets are drawn);
    the levers it replaces are kept for "Back to your previous scenario"."""
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending is not None:
        keep_previous()
        st.session_state.update(pending.values())


def name_problem(name: str) -> str | None:
    """What keeps ``name`` (already normalised) from naming a saved scenario, or None.

    The page shows 'On screen', the presets and the KPI table's own column names; a scenario named like one of them
    would pass its figures off as the page's (a saved 'On screen' showed other deliveries than the cards).
    """
    folded = name.casefold()
    if (
        folded in RESERVED_NAMES
        or folded.startswith(DELTA_PREFIX.casefold())
        or folded.endswith(REFERENCE_SUFFIX.casefold())
    ):
        return f"'{name}' is a name the page uses itself ('{ON_SCREEN}', a preset, a table column); pick another name."
    return None


def _checked_names(saved: dict[str, sim.Params]) -> dict[str, sim.Params]:
    problems = [problem for problem in map(name_problem, saved) if problem]
    if problems:
        raise ValueError(" ".join(problems))
    return saved


def _write_link(saved: Mapping[str, sim.Params]) -> None:
    code = sim.encode_scenarios(saved) if saved else None
    if code:
        st.query_params[LINK_KEY] = code
    elif LINK_KEY in st.query_params:
        del st.query_params[LINK_KEY]
    st.session_state[SYNCED_KEY] = code


def sync_link() -> dict[str, sim.Params]:
    """The saved scenarios, read from the link when it changed; a broken link shows one error and is dropped."""
    state = st.session_state
    code = st.query_params.get(LINK_KEY)
    if code is not None and code != state.get(SYNCED_KEY):
        try:
            state[SAVED_KEY] = _checked_names(sim.decode_scenarios(code))
            state[SYNCED_KEY] = code
            if code.startswith(OLD_LINK_PREFIXES):
                st.info(V1_NOTICE)
        except ValueError as exc:
            st.error(plain(f"The saved scenarios in this link could not be read, so they were left out. {exc}"))
            _write_link(state.get(SAVED_KEY, {}))
    return state.setdefault(SAVED_KEY, {})


def of_launch(saved: Mapping[str, sim.Params]) -> dict[str, sim.Params]:
    """The saved scenarios of the launch on screen (the link keeps the others for when it switches back)."""
    return {name: p for name, p in saved.items() if p.launch == launch.key()}


def _notify(key: str, kind: str, message: str) -> None:
    st.session_state[key] = (kind, message)


def save_scenario(name: str, params: sim.Params, *, error: str | None = None) -> str | None:
    """Save ``params`` under ``name`` (normalised; replacing one of that name) and update the link.

    Args:
        name: the name typed; tidied by ``normalise_name`` and checked by :func:`name_problem`.
        params: the scenario on screen.
        error: the page's error while the levers are inconsistent; then nothing is saved, since ``params`` is not
            what the levers describe.

    Returns:
        What kept it from being saved, or None.
    """
    if error:
        return f"Nothing was saved: the levers are inconsistent, so the page shows another scenario. {error}"
    name = normalise_name(name)
    saved = dict(sync_link())
    if not name:
        return "Give the scenario a name to save it."
    if problem := name_problem(name):
        return problem
    if name not in saved and len(saved) >= MAX_SCENARIOS:
        return f"At most {MAX_SCENARIOS} scenarios can be saved; remove one first."
    saved[name] = params
    try:
        _write_link(saved)
    except ValueError as exc:
        return str(exc)
    st.session_state[SAVED_KEY] = saved
    return None


def remove_scenario(name: str) -> None:
    """Forget the saved scenario ``name`` and update the link."""
    saved = {k: v for k, v in sync_link().items() if k != name}
    _write_link(saved)
    st.session_state[SAVED_KEY] = saved


def _on_save(params: sim.Params, error: str | None) -> None:
    name = normalise_name(st.session_state.get(NAME_KEY, ""))
    replaced = name in sync_link()
    problem = save_scenario(name, params, error=error)
    if problem:
        _notify(SAVE_NOTICE_KEY, "error", problem)
    else:
        done = f"Saved '{name}', replacing the scenario of that name." if replaced else f"Saved '{name}'."
        _notify(SAVE_NOTICE_KEY, "success", done)
        st.session_state[NAME_KEY] = ""


def restore_upload(data: bytes) -> sim.Params:
    """Read an uploaded scenario (.json or bundle .zip) and queue it for the widgets; raises ``ValueError``."""
    params = sim.load_upload(data, launch=launch.key())  # another launch's scenario: a message naming both
    st.session_state[PENDING_KEY] = params
    return params


def _on_upload() -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        return
    try:
        restore_upload(uploaded.getvalue())
    except ValueError as exc:
        _notify(
            UPLOAD_NOTICE_KEY,
            "error",
            f"'{uploaded.name}' could not be restored: {exc} The scenario on the page is unchanged.",
        )
    else:
        notice = upload_notice(uploaded.getvalue())
        _notify(UPLOAD_NOTICE_KEY, "success", f"Restored the scenario from '{uploaded.name}'. {notice or ''}".strip())


def _show_notice(key: str) -> None:
    notice = st.session_state.pop(key, None)
    if notice:
        kind, message = notice
        (st.error if kind == "error" else st.success)(plain(message))


# Rendering


@st.cache_data(max_entries=64, show_spinner=False)
def cached_attribution(base: sim.Params, scenario: sim.Params, kpi: str) -> pd.DataFrame:
    """``sim.attribute`` memoised on the two scenarios and the KPI."""
    return sim.attribute(base, scenario, kpi)


def render_save_box(params: sim.Params, *, error: str | None = None) -> dict[str, sim.Params]:
    """Save the scenario on screen under a name; list the saved ones, each with a remove button. Returns them.

    While ``error`` (the levers are inconsistent) the save button is off and a caption says why.
    """
    saved = sync_link()
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Name", key=NAME_KEY, placeholder="e.g. Ultra at 529,900", max_chars=60)
    right.button(
        "Save scenario",
        key="compare.save",
        on_click=_on_save,
        args=(params, error),
        width="stretch",
        disabled=bool(error),
    )
    if error:
        st.caption(INCONSISTENT)
    _show_notice(SAVE_NOTICE_KEY)
    for name, p in saved.items():
        label, button = st.columns([4, 1], vertical_alignment="center")
        changes = p.changes()
        label.markdown(f"**{plain(name)}** · {len(changes)} change{'s' * (len(changes) != 1)} from base")
        button.button("Remove", key=f"compare.remove.{name}", on_click=remove_scenario, args=(name,))
    return saved


def render_comparison(scenarios: Mapping[str, sim.Params], currency: Currency) -> None:
    """Deliveries overlaid, the KPI table against a chosen reference, and the waterfall of one KPI's difference."""
    runs = {name: page_cache.simulate(p) for name, p in scenarios.items()}
    names = list(scenarios)
    reference = st.selectbox("Reference", names, key=REFERENCE_KEY, help="Deltas and the waterfall start here.")
    reference = reference if reference in scenarios else names[0]
    left, right = st.columns(2)
    left.altair_chart(overlay_chart(runs, "cum_deliveries", "Cumulative deliveries"), width="stretch")
    right.altair_chart(overlay_chart(runs, "deliveries", "Deliveries per month"), width="stretch")
    table = kpi_table({n: r.kpis for n, r in runs.items()}, reference, currency)
    st.dataframe(table, hide_index=True, width="stretch")
    others = [n for n in names if n != reference]
    if not others:
        st.info("Save another scenario to see what explains the difference.")
        return
    st.subheader("Why did it change?")
    choose_kpi, choose_scenario = st.columns(2)
    names = [k for k in kpi_names() if k in attribution_kpis(launch.key())]
    kpi = choose_kpi.selectbox(
        "KPI", names, index=names.index(f"deliveries_{launch.kpi_years()[1]}"), key=KPI_KEY, format_func=kpi_info.label
    )
    target = choose_scenario.selectbox("Scenario", others, key=TARGET_KEY)
    attribution = cached_attribution(scenarios[reference], scenarios[target], kpi)
    if attribution.empty:
        st.info(plain(f"'{target}' and '{reference}' have the same parameters: nothing to explain."))
        return
    scale = 1.0 / kpi_info.axis_scale(kpi, currency)
    title = kpi_info.title(kpi, currency)
    fmt = {"share": ".1%", "months": ",.1f", "money": ",.1f"}.get(kpi_info.KPIS[kpi].unit, ",.0f")
    chart = waterfall_chart(attribution, reference=reference, scenario=target, title=title, scale=scale, fmt=fmt)
    st.altair_chart(chart, width="stretch")
    st.caption(
        "Each bar is a group's share of the difference: its average effect over every order in which the groups "
        "could change (Shapley values), so the bars add up exactly. A line's launch months move together. "
        "The axis spans the steps, so the two totals are cut at its left edge."
    )


def render_export_import(params: sim.Params, *, seed: int = DEFAULT_SEED, error: str | None = None) -> None:
    """Download the scenario on screen as a bundle; upload a scenario .json or bundle .zip to put it on the page.

    While ``error`` (the levers are inconsistent) the download is off and a caption says why.
    """
    left, right = st.columns(2)
    left.download_button(
        "Download this scenario (zip)",
        data=partial(sim.scenario_bundle, params, seed=seed),
        file_name="launch_scenario.zip",
        mime="application/zip",
        key="compare.export",
        on_click="ignore",
        disabled=bool(error),
        help="scenario.json, monthly.csv (total and per line), kpis.json and the model version and seed.",
    )
    right.file_uploader(
        "Restore a scenario (.json or .zip)",
        type=["json", "zip"],
        key=UPLOAD_KEY,
        on_change=_on_upload,
        max_upload_size=max(1, MAX_UPLOAD_BYTES // 1_000_000),
        help="A scenario.json or a bundle downloaded from this page; it replaces the scenario on the sliders.",
    )
    if error:
        left.caption(INCONSISTENT)
    _show_notice(UPLOAD_NOTICE_KEY)


def render_compare_tab(context: page_cache.PageContext, *, seed: int = DEFAULT_SEED) -> None:
    """The compare tab: save box, comparison of the scenario on screen with the saved ones, export and import."""
    st.markdown("Save the scenario on screen, move the levers, save again, and compare. The link carries them all.")
    saved = of_launch(render_save_box(context.params, error=context.error))
    render_comparison({ON_SCREEN: context.params, **saved}, context.currency)
    st.subheader("Take it anywhere")
    render_export_import(context.params, seed=seed, error=context.error)
