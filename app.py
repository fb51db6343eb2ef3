"""The launch simulator page: levers in the sidebar, KPI cards, and tabs of charts, data and the model.

Run with ``streamlit run app.py``. Every lever is in the address, so the address is the link to the scenario.
This script only wires the pieces in ``ui/`` together; a new tab is one line in ``TABS``. Every tab is drawn by a
``render_<name>_tab(context)`` taking the ``PageContext``.
"""

import altair as alt
import streamlit as st

from ui import backtest, cards, compare, decisions, launch, launches_tab, layout, notes, tabs, uncertainty, widgets
from ui.context import page_context, scenario
from ui.display import month, plain
from ui.i18n import t
from ui.model_doc import render_model_tab

TABS = {  # catalogue key of the tab's label -> its renderer
    "tab.deliveries": tabs.render_deliveries_tab,
    "tab.orders": tabs.render_orders_tab,
    "tab.money": tabs.render_money_tab,
    "tab.uncertainty": uncertainty.render_uncertainty_tab,
    "tab.decisions": decisions.render_decisions_tab,
    "tab.backtest": backtest.render_backtest_tab,
    "tab.compare": lambda context: compare.render_compare_tab(context, seed=uncertainty.current_seed()),
    "tab.launches": launches_tab.render_launches_tab,
    "tab.data": tabs.render_data_tab,
    "tab.model": render_model_tab,
}
# Altair validates a chart against the Vega-Lite schema when it is built and again when Streamlit serialises it.
# The page keeps the second check only: it halves the cost of a chart on every rerun (tests validate builders).
alt.utils.schemapi.disable_debug_mode()
LINK_SETTINGS = dict.fromkeys(uncertainty.LINK_KEYS, uncertainty.link_problem)  # panel settings kept in the link

widgets.language_from_link()  # every word below is in the page's language
widgets.launch_from_link()  # and about the launch the picker (or the link) holds
st.set_page_config(page_title=t("page.browser_title"), page_icon="🚗", layout="wide", initial_sidebar_state="auto")
layout.apply_phone_layout()
link_notice = widgets.clean_link(TABS, LINK_SETTINGS)
st.title(t("page.title"))
st.caption(t("page.caption", launch=launch.label(), start=month(launch.package().tables.first_month, long=True)))
notices, share_box = st.container(), st.container()

compare.apply_pending_scenario()  # an uploaded scenario lands in the widgets before they are drawn
preset, values, currency = widgets.sidebar(TABS)
params, error = scenario(values)
with notices:
    if link_notice:
        st.warning(plain(link_notice))  # it quotes the link: shown as typed, never as markdown
    if error:
        st.error(plain(error))
    saved = compare.sync_link()
reference, reference_params = cards.reference_picker(compare.of_launch(saved))
context = page_context(
    params=params,
    preset=preset,
    currency=currency,
    error=error,
    reference=reference,
    reference_params=reference_params,
)
with notices:
    for note in notes.scenario_notes(context.run):
        st.info(note)
cards.render_cards(context)
tab_labels = [t(key) for key in TABS]
for tab, render in zip(st.tabs(tab_labels, key=widgets.TAB_KEY, bind="query-params"), TABS.values(), strict=True):
    if tab.open:
        with tab:
            render(context)
with share_box:
    cards.render_share_box()
