"""The launch simulator page: levers in the sidebar, KPI cards, and tabs of charts, data and the model.

Run with ``streamlit run app.py``. Every lever is in the address, so the address is the link to the scenario.
This script only wires the pieces in ``ui/`` together; a new tab is one line in ``TABS``.
"""

import streamlit as st

from ui import backtest, cards, compare, decisions, notes, tabs, uncertainty, widgets
from ui.context import page_context, scenario
from ui.display import plain
from ui.model_doc import render_model

TABS = {
    "Deliveries": tabs.render_deliveries_tab,
    "Orders and waits": tabs.render_orders_tab,
    "Money": tabs.render_money_tab,
    "Uncertainty": uncertainty.render_uncertainty,
    "Sensitivity and goal seek": decisions.render_decisions,
    "Backtest": backtest.render_backtest_tab,
    "Compare": lambda context: compare.render_compare_tab(context, seed=uncertainty.current_seed()),
    "Data": tabs.render_data_tab,
    "Model": render_model,
}
LINK_SETTINGS = dict.fromkeys(uncertainty.LINK_KEYS, uncertainty.link_problem)  # panel settings kept in the link

st.set_page_config(page_title="EV launch simulator", page_icon="🚗", layout="wide")
link_notice = widgets.clean_link(TABS, LINK_SETTINGS)
st.title("Xiaomi EV launch simulator")
st.caption("What-if for the SU7, SU7 Ultra and YU7, 2024 on: move a lever, read the cards and charts.")
notices, share_box = st.container(), st.container()

compare.apply_pending_scenario()  # an uploaded scenario lands in the widgets before they are drawn
preset, values, currency = widgets.sidebar()
params, error = scenario(values)
with notices:
    if link_notice:
        st.warning(plain(link_notice))  # it quotes the link: shown as typed, never as markdown
    if error:
        st.error(plain(error))
    saved = compare.sync_link()
reference, reference_params = cards.reference_picker(saved)
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
for tab, render in zip(st.tabs(list(TABS), key=widgets.TAB_KEY, bind="query-params"), TABS.values(), strict=True):
    if tab.open:
        with tab:
            render(context)
with share_box:
    cards.render_share_box()
