"""The page's widgets alone, without the model, cards or charts: the floor for the page and latency benchmarks.

It draws every widget of the real sidebar (``ui.widgets.sidebar``) and one metric that changes whenever a lever
does (a short digest of the lever values), so a browser can time a key press to a metric's new text.
"""

import hashlib

import streamlit as st

from ui import widgets

st.set_page_config(page_title="bare page", layout="wide")
widgets.clean_link(("Deliveries", "Orders and waits", "Money", "Data", "Model"))
st.title("Bare page")
preset, values, currency = widgets.sidebar()
st.metric("Levers", hashlib.sha1(repr(sorted(values.items())).encode()).hexdigest()[:8])
