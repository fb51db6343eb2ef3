"""The page's widgets alone, without the model, cards or charts: the floor for the page and latency benchmarks.

It draws every widget of the real sidebar (``ui.widgets.sidebar``) and one metric that changes whenever a lever
does (a short digest of the lever values), so a browser can time a key press to a metric's new text.
"""

import hashlib

import streamlit as st

from ui import i18n, layout, link, widgets

TAB_KEYS = [key for key in i18n.CATALOGUES[i18n.DEFAULT] if key.startswith("tab.")]  # the page's tabs, as app.py

link.language_from_link()
link.launch_from_link()
st.set_page_config(page_title="bare page", layout="wide", initial_sidebar_state="auto")
layout.apply_phone_layout()
link.clean_link(TAB_KEYS)
st.title("Bare page")
preset, values, currency = widgets.sidebar(TAB_KEYS)
st.metric("Levers", hashlib.sha1(repr(sorted(values.items())).encode()).hexdigest()[:8])
