"""The page's widgets alone, without the model, cards or charts: the floor for the page and latency benchmarks.

It draws every widget of the real sidebar (``ui.widgets.sidebar``) and one metric that changes whenever a lever
does (a short digest of the lever values), so a browser can time a key press to a metric's new text. The metric
comes after the sidebar; ``bare_page_first.py`` draws it first when the session holds every lever, as the page
draws its cards (``ui.page``).
"""

import hashlib

import streamlit as st

from ui import i18n, layout, link, widgets

TAB_KEYS = [key for key in i18n.CATALOGUES[i18n.DEFAULT] if key.startswith("tab.")]  # the page's tabs, as app.py


def _digest(values: dict) -> str:
    return hashlib.sha1(repr(sorted(values.items())).encode()).hexdigest()[:8]


def bare_page(*, metric_first: bool = False) -> None:
    """Draw the bare page; ``metric_first``: its metric before the sidebar (again after it only if they differ)."""
    link.language_from_link()
    link.launch_from_link()
    st.set_page_config(page_title="bare page", layout="wide", initial_sidebar_state="auto")
    layout.apply_phone_layout()
    link.clean_link(TAB_KEYS)
    st.title("Bare page")
    slot = st.empty()
    early = widgets.state_before_drawing() if metric_first else None
    if early is not None:
        slot.metric("Levers", _digest(early[1]))
    _, values, _ = widgets.sidebar(TAB_KEYS)
    if early is None or early[1] != values:
        slot.metric("Levers", _digest(values))


if __name__ == "__main__":
    bare_page()
