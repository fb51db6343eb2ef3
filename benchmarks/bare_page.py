"""The page's widgets alone, without the model, cards or charts: the floor for :mod:`benchmarks.page`."""

import streamlit as st

from ui import widgets

st.set_page_config(page_title="bare page", layout="wide")
widgets.clean_link(("Deliveries", "Orders and waits", "Money", "Data", "Model"))
st.title("Bare page")
widgets.sidebar()
