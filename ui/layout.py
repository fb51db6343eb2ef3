"""The page's layout on narrow screens: what Streamlit's own CSS does not do on a phone.

Streamlit stacks columns one per row under 640 px, so eight KPI cards would fill four screens of a phone. This keeps
them two a row (the cards' container has a key starting ``kpi_cards``, see ``ui.cards.CARDS_KEYS``). The sidebar is
collapsed on narrow screens by ``st.set_page_config(initial_sidebar_state="auto")``; legends sit below the charts
(``ui.charts.LEGEND_BELOW``).
"""

from __future__ import annotations

import streamlit as st

PHONE_CSS = """
<style>
@media (max-width: 640px) {
  [class*="st-key-kpi_cards"] [data-testid="stHorizontalBlock"] {
    flex-direction: row !important;
    flex-wrap: wrap !important;
    gap: 0.5rem !important;
  }
  [class*="st-key-kpi_cards"] [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important;
    min-width: calc(50% - 0.5rem) !important;
  }
  [class*="st-key-kpi_cards"] [data-testid="stMetricValue"] { font-size: 1.4rem; }
}
</style>
"""


def apply_phone_layout() -> None:
    """Add the page's narrow-screen CSS (two KPI cards a row on a phone)."""
    st.html(PHONE_CSS)
