"""KPI cards against the facts and a reference scenario (the base unless picked), and the "share" box.

A year's deliveries card shows the reported figure and the model's gap to it, the latest company goal and the
analysts' forecast, each sourced in its help.

:func:`kpi_cards` is pure (it returns ``Card`` values) so tests can check the numbers without a page;
:func:`render_cards` draws them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

import sim
from ui import binding, display, i18n, kpis, launch
from ui import context as page_cache
from ui.context import PageContext, preset_label

FALLBACK_URL = "http://localhost:8501/"
REFERENCE_KEY = "reference"  # session: the scenario the cards' deltas read against
CARD_COLUMNS = 4  # cards per row on a wide screen (two on a phone: see ui.layout)


@dataclass(frozen=True)
class Card:
    """One KPI card: what it measures, its value, the change against the reference and notes under it (one a line)."""

    label: str
    value: str
    delta: str | None
    note: str
    delta_color: str = "normal"
    help: str | None = None


@dataclass(frozen=True)
class YearFacts:
    """What was reported and targeted for one year's deliveries, each with its source."""

    reported: float | None = None
    reported_at_least: bool = False
    reported_source: str = ""
    goal: float | None = None
    goal_more_than: bool = False
    goal_as_of: str = ""
    goal_source: str = ""
    analysts: float | None = None
    analysts_as_of: str = ""
    analysts_source: str = ""


def year_facts(reported: pd.DataFrame, targets: pd.DataFrame, year: int) -> YearFacts:
    """The reported deliveries of ``year`` and its latest company goal and analysts' forecast.

    A goal counts as 'more than' when its source says so ('goal raised to more than 400,000').
    """
    facts: dict = {}
    rows = sim.whole_launch(reported, launch.package())
    rows = rows[(rows["metric"] == "deliveries_year") & (rows["month"].dt.year == year)]
    if len(rows):
        row = rows.iloc[-1]
        facts.update(reported=float(row["value"]), reported_at_least=row["bound"] == "at_least")
        facts["reported_source"] = str(row["source"])
    for kind in ("company", "analysts"):
        rows = targets[(targets["year"] == year) & (targets["kind"] == kind)].sort_values("as_of")
        if len(rows):
            row = rows.iloc[-1]
            prefix = "goal" if kind == "company" else "analysts"
            facts[prefix] = float(row["value"])
            facts[f"{prefix}_as_of"] = display.month(str(row["as_of"]))
            facts[f"{prefix}_source"] = str(row["source"])
            if kind == "company":
                facts["goal_more_than"] = "more than" in str(row["source"])
    return YearFacts(**facts)


@lru_cache(maxsize=32)  # per process, as ``ui.context`` memoises what is keyed on a few strings
def cached_year_facts(year: int, language: str, launch_key: str) -> YearFacts:
    """``year_facts`` of the launch's figures, once per year, language (its dates are in it) and launch."""
    return year_facts(page_cache.reported(), page_cache.targets(), year)


def _gap(model: float, reported: float) -> str:
    share = (model - reported) / reported
    return ("+" if share >= 0 else "") + display.percent(share)


def facts_note(model: float, facts: YearFacts) -> tuple[str, str]:
    """The lines under a year's deliveries card (reported figure and gap; goals) and their sources for the help."""
    lines, sources = [], []
    if facts.reported is not None:
        key = "cards.reported_at_least" if facts.reported_at_least else "cards.reported"
        lines.append(i18n.t(key, value=display.count(facts.reported), gap=_gap(model, facts.reported)))
        sources.append(facts.reported_source)
    targets = []
    if facts.goal is not None:
        key = "cards.goal_more_than" if facts.goal_more_than else "cards.goal"
        targets.append(i18n.t(key, value=display.count(facts.goal), as_of=facts.goal_as_of))
        sources.append(facts.goal_source)
    if facts.analysts is not None:
        targets.append(i18n.t("cards.analysts", value=display.count(facts.analysts), as_of=facts.analysts_as_of))
        sources.append(facts.analysts_source)
    if targets:
        lines.append(" · ".join(targets))
    return "\n".join(lines), " ".join(sources)


def kpi_cards(context: PageContext) -> list[Card]:
    """The page's KPI cards for ``context``, each with its delta against the reference run."""
    k, ref, cur = context.run.kpis, context.reference_run.kpis, context.currency
    cards = []
    years = launch.kpi_years()  # a deliveries card for each: reported figure and gap, goals
    for year in years:
        name = f"deliveries_{year}"
        note, sources = facts_note(k[name], cached_year_facts(year, i18n.lang(), launch.key()))
        cards.append(
            Card(
                kpis.label(name),
                kpis.fmt(name, k[name]),
                kpis.delta(name, k[name], ref[name]),
                note,
                help=" ".join(filter(None, (kpis.KPIS[name].help, sources))),
            )
        )
    notes = {
        "month_100k": ("cards.month_100k.note", "inverse"),
        "max_wait_months": ("cards.wait.note", "inverse"),
        f"revenue_{years[1]}": ("cards.revenue.note", "normal"),
        f"gross_margin_{years[1]}": ("cards.margin.note", "normal"),
        "peak_deposits_held": ("cards.deposits.note", "normal"),
    }
    for name, (note, color) in notes.items():
        cards.append(
            Card(
                kpis.label(name),
                kpis.fmt(name, k[name], cur),
                kpis.delta(name, k[name], ref[name], cur),
                i18n.t(note, year=years[1]),
                delta_color=color,
                help=kpis.KPIS[name].help,
            )
        )
    return cards


def reference_picker(saved: Mapping[str, sim.Params]) -> tuple[str, sim.Params | None]:
    """The "deltas against" picker: the base (default), a preset or a saved scenario.

    Returns:
        The reference's name and, for a saved scenario, its values (None for a preset).
    """
    presets = launch.presets()
    options = [*presets, *(name for name in saved if name not in presets)]
    column, _ = st.columns([1, 2])
    name = column.selectbox(
        i18n.t("cards.reference"),
        options,
        index=0,
        key=REFERENCE_KEY,
        format_func=lambda n: preset_label(n) if n in presets else n,
        help=i18n.t("cards.reference.help"),
    )
    return name, (None if name in presets else saved[name])


# The cards' container: ui.layout puts two cards a row on a phone. A rerun may draw the cards twice (before the
# sidebar, then again if the sidebar's values differ, see ui.page); the second drawing needs a key of its own.
CARDS_KEYS = ("kpi_cards", "kpi_cards_redrawn")


def render_cards(context: PageContext, *, redrawn: bool = False) -> None:
    """Draw the KPI cards in rows and the capacity sentence under them, all in one container, deltas read against
    the reference scenario (``redrawn``: the run's second drawing of them, replacing the first)."""
    cards = kpi_cards(context)
    against = i18n.t("cards.vs", name=context.reference_label)
    with st.container(key=CARDS_KEYS[redrawn]):
        for start in range(0, len(cards), CARD_COLUMNS):
            row = cards[start : start + CARD_COLUMNS]
            for column, card in zip(st.columns(CARD_COLUMNS), row, strict=False):
                with column.container(border=True):
                    st.metric(
                        card.label,
                        card.value,
                        delta=card.delta,
                        delta_color=card.delta_color,
                        help=card.help,
                        delta_description=against if card.delta else None,
                    )
                    for line in card.note.split("\n"):  # one caption a line: captions stay one line each
                        st.caption(line)
        st.markdown(binding.capacity_sentence(context.run))


def share_link(base_url: str | None, query: dict[str, str]) -> str:
    """The address that reopens this exact scenario: the page's URL and its (non-default) query parameters."""
    parts = urlsplit(base_url or FALLBACK_URL)
    url = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    return f"{url}?{urlencode(query)}" if query else url


def render_share_box() -> None:
    """The "share this scenario" box with the current link and a copy button (call after the widgets)."""
    link = share_link(st.context.url, st.query_params.to_dict())
    st.caption(i18n.t("share.caption"))
    st.code(link, language=None, wrap_lines=True)
