"""The page's body: settings from the link, the sidebar, the notices, the KPI cards and the tabs, in that order.

The cards are drawn first in time when the session already holds every lever (see :func:`_early_cards`), and again
only if the sidebar's values differ.

``app.py`` calls :func:`render_page` with every tab; a test page calls it with the tabs it checks, so tests run the
real page (its link checks, sidebar, cards and share box), never a copy of its wiring.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import streamlit as st

import sim
from ui import cards, compare, launch, layout, link, notes, widgets
from ui.context import PageContext, page_context, scenario
from ui.display import month, plain
from ui.i18n import t
from ui.link import LinkCheck

Tab = Callable[[PageContext], None]  # draws one tab from the page's context


class EarlyCards(NamedTuple):
    """The cards drawn before the sidebar: the levers they read, what they were drawn from (as the page compares it
    after the sidebar: scenario, preset, currency, reference, its values, error) and their context."""

    values: dict[str, Any]
    drawn_from: tuple
    context: PageContext


def render_page(tabs: Mapping[str, Tab], link_settings: Mapping[str, LinkCheck] | None = None) -> PageContext:
    """Draw the whole page with ``tabs`` (catalogue key of the tab's label -> its renderer); return its context.

    Args:
        tabs: the page's tabs in order; only the open one is drawn.
        link_settings: the link keys of the tabs' own settings (e.g. Monte Carlo draws), each with its check.
    """
    link.language_from_link()  # every word below is in the page's language
    link.launch_from_link()  # and about the launch the picker (or the link) holds
    st.set_page_config(page_title=t("page.browser_title"), page_icon="🚗", layout="wide", initial_sidebar_state="auto")
    layout.apply_phone_layout()
    link_notice = link.clean_link(tabs, link_settings)
    st.title(t("page.title"))
    st.caption(t("page.caption", launch=launch.label(), start=month(launch.package().tables.first_month, long=True)))
    notices, share_box = st.container(), st.container()
    picker_area, cards_area = st.container(), st.empty()

    compare.apply_pending_scenario()  # an uploaded scenario lands in the widgets before they are drawn
    early = _early_cards(cards_area)
    preset, values, currency = widgets.sidebar(tabs)
    params, error = scenario(values, early.context.params if early and early.values == values else None)
    with notices:
        if link_notice:
            st.warning(plain(link_notice))  # it quotes the link: shown as typed, never as markdown
        if error:
            st.error(plain(error))
        saved = compare.sync_link()
    with picker_area:
        reference, reference_params = cards.reference_picker(compare.of_launch(saved))
    drawn_from = (params, preset, currency, reference, reference_params, error)
    if early and early.drawn_from == drawn_from:
        context = early.context  # the cards' context is the page's: not built twice
    else:
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
    if not early or early.drawn_from != drawn_from:
        with cards_area:  # the cards are one container: drawn again, it replaces the first drawing
            cards.render_cards(context, redrawn=early is not None)
    labels = [t(key) for key in tabs]
    for tab, render in zip(st.tabs(labels, key=widgets.TAB_KEY, bind="query-params"), tabs.values(), strict=True):
        if tab.open:
            with tab:
                render(context)
    with share_box:
        cards.render_share_box()
    return context


def _early_cards(area) -> EarlyCards | None:
    """Draw the KPI cards into ``area`` from the levers the session holds, before the sidebar draws its widgets.

    A rerun's messages reach the browser in bursts, the cards with the ~100 widgets' when they come after them;
    drawn first, the cards of a slider move show before the sidebar is redrawn. Returns the levers and context they
    were drawn from, or None when the session cannot tell yet: its first run, a saved scenario as the reference,
    inconsistent levers.
    """
    state = widgets.state_before_drawing()
    reference = st.session_state.get(cards.REFERENCE_KEY, "base")
    if state is None or reference not in launch.presets():
        return None
    preset, values, currency = state
    try:
        params = sim.Params(values, launch=launch.key())
    except ValueError:
        return None
    context = page_context(params=params, preset=preset, currency=currency, reference=reference)
    with area:
        cards.render_cards(context)
    return EarlyCards(values, (params, preset, currency, reference, None, None), context)
