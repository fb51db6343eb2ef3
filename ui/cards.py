"""KPI cards with their deltas against the chosen preset, and the "share this scenario" box.

:func:`kpi_cards` is pure (it returns ``Card`` values) so tests can check the numbers without a page;
:func:`render_cards` draws them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import numpy as np
import pandas as pd
import streamlit as st

from ui import display
from ui.context import PageContext

GOAL_2024 = 100_000  # the company's goal the October 2024 article measured against
ANALYSTS_2025 = 250_000  # the analysts' raised 2025 forecast in the same article
FALLBACK_URL = "http://localhost:8501/"


@dataclass(frozen=True)
class Card:
    """One KPI card: what it measures, its value, the change against the preset and a note under it."""

    label: str
    value: str
    delta: str | None
    note: str
    delta_color: str = "normal"
    help: str | None = None


def _delta(now: float, then: float, text) -> str | None:
    """The change as ``text`` writes it, or None when it rounds to nothing at the shown precision."""
    shown = text(now - then)
    return None if not re.search(r"[1-9]", shown) else shown


def _source(targets: pd.DataFrame, year: int, value: float) -> str:
    # NumPy on the columns: a pandas row filter cost about half a millisecond of every rerun
    rows = np.flatnonzero((targets["year"].to_numpy() == year) & (targets["value"].to_numpy() == value))
    return str(targets["source"].iloc[rows[0]]) if len(rows) else ""


def kpi_cards(context: PageContext) -> list[Card]:
    """The page's KPI cards for ``context``, each with its delta against the preset run."""
    k, ref, cur = context.run.kpis, context.preset_run.kpis, context.currency
    signed_count = lambda d: f"{d:+,.0f}"  # noqa: E731
    shift = display.months_between(ref["month_100k"], k["month_100k"])
    return [
        Card(
            "2024 deliveries",
            display.count(k["deliveries_2024"]),
            _delta(k["deliveries_2024"], ref["deliveries_2024"], signed_count),
            f"{k['deliveries_2024'] / GOAL_2024:.0%} of the {GOAL_2024:,} goal",
            help=_source(context.targets, 2024, GOAL_2024),
        ),
        Card(
            "2025 deliveries",
            display.count(k["deliveries_2025"]),
            _delta(k["deliveries_2025"], ref["deliveries_2025"], signed_count),
            f"{k['deliveries_2025'] / ANALYSTS_2025:.0%} of the analysts' {ANALYSTS_2025:,}",
            help=_source(context.targets, 2025, ANALYSTS_2025),
        ),
        Card(
            "100,000th delivery",
            display.month(k["month_100k"]),
            None if not shift else f"{shift:+d} months",
            "cumulative deliveries pass 100,000",
            delta_color="inverse",
        ),
        Card(
            "Peak waiting time",
            f"{k['max_wait_months']:.1f} months",
            _delta(k["max_wait_months"], ref["max_wait_months"], lambda d: f"{d:+.1f} months"),
            "longest wait quoted to a buyer",
            delta_color="inverse",
        ),
        Card(
            "2025 revenue",
            display.money(k["revenue_2025"], cur),
            _delta(k["revenue_2025"], ref["revenue_2025"], lambda d: _signed_money(d, cur)),
            "cars delivered in 2025",
        ),
        Card(
            "2025 gross margin",
            f"{k['gross_margin_2025']:.1%}",
            _delta(k["gross_margin_2025"], ref["gross_margin_2025"], lambda d: f"{d * 100:+.1f} pts"),
            "gross profit / revenue, 2025",
        ),
        Card(
            "Peak deposits held",
            display.money(k["peak_deposits_held"], cur),
            _delta(k["peak_deposits_held"], ref["peak_deposits_held"], lambda d: _signed_money(d, cur)),
            "on pending reservations and orders",
        ),
    ]


def _signed_money(amount_rmb: float, currency: display.Currency) -> str:
    text = display.money(abs(amount_rmb), currency)
    return ("+" if amount_rmb >= 0 else "-") + text


def render_cards(context: PageContext) -> None:
    """Draw the KPI cards in two rows, deltas read against the chosen preset."""
    cards = kpi_cards(context)
    against = f"vs {context.preset.replace('_', ' ')}"
    for row in (cards[:4], cards[4:]):
        for column, card in zip(st.columns(4), row, strict=False):
            with column.container(border=True):
                st.metric(
                    card.label,
                    card.value,
                    delta=card.delta,
                    delta_color=card.delta_color,
                    help=card.help,
                    delta_description=against if card.delta else None,
                )
                st.caption(card.note)


def share_link(base_url: str | None, query: dict[str, str]) -> str:
    """The address that reopens this exact scenario: the page's URL and its (non-default) query parameters."""
    parts = urlsplit(base_url or FALLBACK_URL)
    url = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    return f"{url}?{urlencode(query)}" if query else url


def render_share_box() -> None:
    """The "share this scenario" box with the current link and a copy button (call after the widgets)."""
    link = share_link(st.context.url, st.query_params.to_dict())
    st.caption("Share this scenario: copy this link (it is also the address in your browser).")
    st.code(link, language=None, wrap_lines=True)
