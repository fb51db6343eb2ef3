"""A page with the sidebar levers, the KPI cards and the compare tab, for AppTest (app.py minus the other tabs)."""

import streamlit as st

from ui import cards, compare, widgets
from ui.context import page_context, scenario

compare.apply_pending_scenario()
preset, values, currency = widgets.sidebar()
params, error = scenario(values)
if error:
    st.error(error)
context = page_context(params=params, preset=preset, currency=currency, error=error)
cards.render_cards(context)
compare.render_compare_tab(context, seed=7)
