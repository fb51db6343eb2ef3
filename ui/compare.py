"""The Compare tab: save the scenario on screen, compare the saved ones, explain a difference, export, import.

What the page gets:

- a save box: the scenario on screen saved under a name; several kept, any one removed;
- the comparison: cumulative and monthly deliveries of every saved scenario (and the one on screen) overlaid, a KPI
  table with deltas against a chosen reference, and a waterfall of ``sim.attribute`` splitting one KPI's
  difference between the reference and another scenario over the parameter groups;
- export (a zip bundle from ``sim.scenario_bundle``) and import (``sim.load_upload``) of the scenario on screen.

The tab is three modules: the charts and the table (``ui.compare_charts``, pure), the saved scenarios' session
state and link (``ui.saved``, whose contract with ``app.py`` it states) and the drawing here.
:func:`render_compare_tab` draws everything from the ``PageContext`` and fits the page's ``TABS``; the page script
also calls :func:`apply_pending_scenario`, :func:`sync_link` and :func:`of_launch`, which this module passes on from
``ui.saved``.
While the levers are inconsistent (``context.error``) Save and the download are off: the page shows another
scenario than the levers describe, and neither may store it under the analyst's name.

Names and file names come from outside: every one is shown through ``ui.display.plain`` (never as markdown).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

import pandas as pd
import streamlit as st

import sim
from sim.attribution import attribution_kpis
from sim.bundle import MAX_UPLOAD_BYTES
from ui import context as page_cache
from ui import i18n, launch
from ui import kpis as kpi_info
from ui import saved as saved_state
from ui.compare_charts import kpi_names, kpi_table, overlay_chart, waterfall_chart
from ui.display import Currency, plain, plural
from ui.saved import apply_pending_scenario as apply_pending_scenario  # re-exported: app.py calls it
from ui.saved import of_launch as of_launch  # re-exported: app.py calls it
from ui.saved import sync_link as sync_link  # re-exported: app.py calls it

REFERENCE_KEY, TARGET_KEY, KPI_KEY = "compare.reference", "compare.scenario", "compare.kpi"  # session: the pickers
DEFAULT_SEED = 0  # the Monte Carlo seed recorded in the bundle when the page has none of its own


SAVE_KEY, EXPORT_KEY = "compare.save", "compare.export"  # the save and download buttons


def _show_notice(key: str) -> None:
    notice = saved_state.take_notice(key)
    if notice:
        kind, message = notice
        (st.error if kind == "error" else st.success)(plain(message))


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
    left.text_input(
        i18n.t("compare.name"), key=saved_state.NAME_KEY, placeholder=i18n.t("compare.name.placeholder"), max_chars=60
    )
    right.button(
        i18n.t("compare.save"),
        key=SAVE_KEY,
        on_click=saved_state.on_save,
        args=(params, error),
        width="stretch",
        disabled=bool(error),
    )
    if error:
        st.caption(i18n.t("compare.inconsistent"))
    _show_notice(saved_state.SAVE_NOTICE_KEY)
    for name, p in saved.items():
        label, button = st.columns([4, 1], vertical_alignment="center")
        changes = p.changes()
        label.markdown(f"**{plain(name)}** · {plural('compare.changes', len(changes))}")
        button.button(
            i18n.t("compare.remove"), key=f"compare.remove.{name}", on_click=saved_state.remove_scenario, args=(name,)
        )
    return saved


def render_comparison(scenarios: Mapping[str, sim.Params], currency: Currency) -> None:
    """Deliveries overlaid, the KPI table against a chosen reference, and the waterfall of one KPI's difference."""
    runs = {name: page_cache.simulate(p) for name, p in scenarios.items()}
    names = list(scenarios)
    reference = st.selectbox(
        i18n.t("compare.reference"), names, key=REFERENCE_KEY, help=i18n.t("compare.reference.help")
    )
    reference = reference if reference in scenarios else names[0]
    left, right = st.columns(2)
    left.altair_chart(overlay_chart(runs, "cum_deliveries", i18n.t("compare.cumulative")), width="stretch")
    right.altair_chart(overlay_chart(runs, "deliveries", i18n.t("compare.monthly")), width="stretch")
    table = kpi_table({n: r.kpis for n, r in runs.items()}, reference, currency)
    st.dataframe(table, hide_index=True, width="stretch")
    others = [n for n in names if n != reference]
    if not others:
        st.info(i18n.t("compare.save_another"))
        return
    st.subheader(i18n.t("compare.why"))
    choose_kpi, choose_scenario = st.columns(2)
    names = [k for k in kpi_names() if k in attribution_kpis(launch.key())]
    kpi = choose_kpi.selectbox(
        i18n.t("compare.col.kpi"),
        names,
        index=names.index(f"deliveries_{launch.kpi_years()[1]}"),
        key=KPI_KEY,
        format_func=kpi_info.label,
    )
    target = choose_scenario.selectbox(i18n.t("compare.scenario"), others, key=TARGET_KEY)
    attribution = cached_attribution(scenarios[reference], scenarios[target], kpi)
    if attribution.empty:
        st.info(plain(i18n.t("compare.same", target=target, reference=reference)))
        return
    scale = 1.0 / kpi_info.axis_scale(kpi, currency)
    title = kpi_info.title(kpi, currency)
    fmt = {"share": ".1%", "months": ",.1f", "money": ",.1f"}.get(kpi_info.KPIS[kpi].unit, ",.0f")
    chart = waterfall_chart(attribution, reference=reference, scenario=target, title=title, scale=scale, fmt=fmt)
    st.altair_chart(chart, width="stretch")
    st.caption(i18n.t("compare.waterfall.caption"))


def render_export_import(params: sim.Params, *, seed: int = DEFAULT_SEED, error: str | None = None) -> None:
    """Download the scenario on screen as a bundle; upload a scenario .json or bundle .zip to put it on the page.

    While ``error`` (the levers are inconsistent) the download is off and a caption says why.
    """
    left, right = st.columns(2)
    left.download_button(
        i18n.t("compare.download"),
        data=partial(sim.scenario_bundle, params, seed=seed),
        file_name="launch_scenario.zip",
        mime="application/zip",
        key=EXPORT_KEY,
        on_click="ignore",
        disabled=bool(error),
        help=i18n.t("compare.download.help"),
    )
    right.file_uploader(
        i18n.t("compare.upload"),
        type=["json", "zip"],
        key=saved_state.UPLOAD_KEY,
        on_change=saved_state.on_upload,
        max_upload_size=max(1, MAX_UPLOAD_BYTES // 1_000_000),
        help=i18n.t("compare.upload.help"),
    )
    if error:
        left.caption(i18n.t("compare.inconsistent"))
    _show_notice(saved_state.UPLOAD_NOTICE_KEY)


def render_compare_tab(context: page_cache.PageContext, *, seed: int = DEFAULT_SEED) -> None:
    """The compare tab: save box, comparison of the scenario on screen with the saved ones, export and import."""
    st.markdown(i18n.t("compare.intro"))
    saved = saved_state.of_launch(render_save_box(context.params, error=context.error))
    render_comparison({saved_state.on_screen_name(): context.params, **saved}, context.currency)
    st.subheader(i18n.t("compare.export"))
    render_export_import(context.params, seed=seed, error=context.error)
