"""The page's body: settings from the link, the sidebar, the notices, the KPI cards and the tabs, in that order.

``app.py`` calls :func:`render_page` with every tab; a test page calls it with the tabs it checks, so tests run the
real page (its link checks, sidebar, cards and share box), never a copy of its wiring.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ui import cards, compare, launch, layout, link, notes, widgets
from ui.context import PageContext, page_context, scenario
from ui.display import month, plain
from ui.i18n import t
from ui.link import LinkCheck

Tab = Callable[[PageContext], None]  # draws one tab from the page's context


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

    compare.apply_pending_scenario()  # an uploaded scenario lands in the widgets before they are drawn
    preset, values, currency = widgets.sidebar(tabs)
    params, error = scenario(values)
    with notices:
        if link_notice:
            st.warning(plain(link_notice))  # it quotes the link: shown as typed, never as markdown
        if error:
            st.error(plain(error))
        saved = compare.sync_link()
    reference, reference_params = cards.reference_picker(compare.of_launch(saved))
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
    cards.render_cards(context)
    labels = [t(key) for key in tabs]
    for tab, render in zip(st.tabs(labels, key=widgets.TAB_KEY, bind="query-params"), tabs.values(), strict=True):
        if tab.open:
            with tab:
                render(context)
    with share_box:
        cards.render_share_box()
    return context
