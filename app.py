"""The launch simulator page: levers in the sidebar, KPI cards, and tabs of charts, data and the model.

Run with ``streamlit run app.py``. Every lever is in the address, so the address is the link to the scenario.
This script lists the tabs and draws the page (``ui.page``); a new tab is one line in ``TABS``. Every tab is drawn
by a ``render_<name>_tab(context)`` taking the ``PageContext``.
"""

import altair as alt

from ui import backtest, compare, decisions, launches_tab, page, tabs, uncertainty
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

page.render_page(TABS, LINK_SETTINGS)
