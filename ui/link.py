"""The page's address: the keys the page keeps in it, and the checks on a hand-edited link.

Streamlit silently drops a bound value it cannot read, so :func:`check_link` reads the address first and names
whatever it will not use; numbers and months must be written in ASCII ('２０２６-１１' is named, not silently
dropped). :func:`clean_link` drops those entries before any widget reads the address and returns one notice.
:func:`language_from_link` and :func:`launch_from_link` read the language and the launch first of all.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import streamlit as st

import sim
from sim.presets import RENAMED_PRESETS
from ui import i18n, launch
from ui.display import CURRENCIES
from ui.launch import LAUNCH_KEY

RATE_RANGE = (0.1, 100.0)  # RMB per EUR or USD the rate inputs accept
LEFT_KEY = "launch.left"  # session: the levers of the launch just left, which leave the link at the end of this run
PRESET_KEY, CURRENCY_KEY, TAB_KEY = "preset", "currency", "tab"
COMPARE_KEY = "compare"  # the saved scenarios to compare; ui.compare reads it and reports a broken one itself
RATE_KEYS = {"EUR": "eur_rmb", "USD": "usd_rmb"}
LANG_KEY = "lang"  # the page's language, in the link ('en', 'fr')
LinkCheck = Callable[[str, str], "str | None"]  # (key, text) -> what is wrong with it, or None


def parse_url_value(spec: sim.ParamSpec, text: str) -> Any:
    """The value a link's text stands for under ``spec``, checked against the registry.

    Raises:
        ValueError: naming the parameter, when the text is not a value ``spec`` allows.
    """
    if spec.kind == "bool":
        value: Any = {"true": True, "false": False}.get(text.lower(), text)  # as Streamlit reads a bound toggle
    elif spec.kind in ("int", "float"):
        try:
            value = float(text)
        except ValueError:
            value = text
    else:
        value = text
    checked = spec.check(value)
    if spec.kind == "month" and checked != text:
        raise ValueError(f"Parameter '{spec.name}' must be a month written YYYY-MM, got {text!r}.")
    return checked


def parameter_problem(spec: sim.ParamSpec, text: str) -> str:
    """What is wrong with the link text of a parameter that :func:`parse_url_value` refuses, in the page language."""
    if spec.kind == "bool":
        return i18n.t("link.bool", name=spec.name, text=repr(text))
    kind = i18n.t(f"link.kind.{spec.kind}")
    return i18n.t("link.kind_between", name=spec.name, kind=kind, low=spec.min, high=spec.max, text=repr(text))


def _page_key_problem(key: str, text: str, tabs: Iterable[str]) -> str | None:
    if key == PRESET_KEY and text.lower() not in launch.presets():
        return i18n.t("link.one_of", name=key, options=", ".join(launch.presets()), text=repr(text))
    if key == LAUNCH_KEY and text.lower() not in sim.LAUNCHES:
        return i18n.t("link.one_of", name=key, options=", ".join(sim.LAUNCHES), text=repr(text))
    if key == CURRENCY_KEY and text.upper() not in CURRENCIES:
        return i18n.t("link.one_of", name=key, options=", ".join(CURRENCIES), text=repr(text))
    if key == LANG_KEY and text.lower() not in i18n.LANGUAGES:
        return i18n.t("link.one_of", name=key, options=", ".join(i18n.LANGUAGES), text=repr(text))
    if key == TAB_KEY and text not in tabs:
        return i18n.t("link.one_of", name=key, options=", ".join(tabs), text=repr(text))
    if key in RATE_KEYS.values():
        try:
            rate = float(text)
        except ValueError:
            rate = math.nan
        if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
            return i18n.t("link.between", name=key, low=RATE_RANGE[0], high=RATE_RANGE[1], text=repr(text))
    return None


def check_link(
    query: Mapping[str, str | list[str]], tabs: Iterable[str] = (), settings: Mapping[str, LinkCheck] | None = None
) -> dict[str, str]:
    """The entries of a link the page cannot use, name -> what is wrong with it.

    Args:
        query: the address's query parameters, name -> text, or the list of texts of a repeated name (a name
            given more than once is a problem: Streamlit would seed its widget from every value).
        tabs: the tab labels the page has.
        settings: the link keys of the page's panels (e.g. Monte Carlo draws), each with its check:
            ``check(key, text)`` returns what is wrong or None.

    Returns:
        An empty dict when every entry is a known name with a valid value.
    """
    page_keys = {PRESET_KEY, CURRENCY_KEY, TAB_KEY, COMPARE_KEY, LANG_KEY, LAUNCH_KEY, *RATE_KEYS.values()}
    parameters = launch.parameters()
    tabs = tuple(tabs)
    problems = {}
    known = {*parameters, *(settings or {}), *page_keys}
    for key, given in query.items():
        texts = given if isinstance(given, list) else [given]
        text = texts[-1] if texts else ""
        if len(texts) > 1:
            problems[key] = i18n.t("link.repeated", name=key, count=len(texts))
        elif key in known and key not in (COMPARE_KEY, TAB_KEY) and not text.isascii():  # float() reads '２' as 2
            problems[key] = i18n.t("link.ascii", name=key, text=repr(text))
        elif key in parameters:
            try:
                parse_url_value(parameters[key], text)
            except ValueError:
                problems[key] = parameter_problem(parameters[key], text)
        elif settings and key in settings:
            problem = settings[key](key, text)
            if problem:
                problems[key] = problem
        elif key in page_keys:
            problem = _page_key_problem(key, text, tabs)
            if problem:
                problems[key] = problem
        else:
            problems[key] = i18n.t("link.unknown", name=key)
    return problems


def _canonical_case(key: str, spelled: Mapping[str, str]) -> None:
    """Read a link value given in another case ('eur') the way its widget spells it ('EUR').

    A bound widget reads the link as the session opened it, so the value goes to the widget's state instead and
    the widget writes it back to the link in its own spelling.
    """
    given = st.query_params.get_all(key)
    if len(given) == 1 and given[0] not in spelled.values() and given[0].lower() in spelled:
        with contextlib.suppress(KeyError, st.errors.StreamlitAPIException):
            del st.query_params[key]
            st.session_state[key] = spelled[given[0].lower()]


def launch_from_link() -> str:
    """Show the launch the picker holds, or on a fresh page the link's ('?launch=tesla_model3'); call first."""
    chosen = st.session_state.get(LAUNCH_KEY) or st.query_params.get(LAUNCH_KEY)
    return launch.use(chosen)


def language_from_link() -> str:
    """Speak the language the picker holds, or on a fresh page the link's ('?lang=fr', any case); call first."""
    chosen = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    return i18n.use(chosen)


def _tab_spellings(tab_keys: Iterable[str]) -> dict[str, str]:
    """Every language's label of each tab (lower case) -> its label in the page's language."""
    return {
        catalogue.get(key, i18n.t(key)).lower(): i18n.t(key)
        for key in tab_keys
        for catalogue in i18n.CATALOGUES.values()
    }


def clean_link(tabs: Iterable[str], settings: Mapping[str, LinkCheck] | None = None) -> str | None:
    """Drop the address's unusable entries before any widget reads it; return one notice naming them, or None.

    ``tabs`` are the catalogue keys of the tab labels. A model v1 preset that v2 renamed is replaced in the address
    by the one that stands for it, and said so. Currency, language and tab are read in any case, and a tab in
    another language's words opens that tab.
    """
    tabs = tuple(tabs)
    _canonical_case(CURRENCY_KEY, {c.lower(): c for c in CURRENCIES})
    _canonical_case(LANG_KEY, {c: c for c in i18n.LANGUAGES})
    _canonical_case(TAB_KEY, _tab_spellings(tabs))
    tabs = [i18n.t(key) for key in tabs]
    linked_preset = st.query_params.get(PRESET_KEY, "")
    renamed = RENAMED_PRESETS.get(linked_preset)
    if renamed is not None and len(st.query_params.get_all(PRESET_KEY)) == 1:
        st.query_params[PRESET_KEY] = renamed[0]
    left = set(st.session_state.pop(LEFT_KEY, ())) - set(launch.parameters())  # Streamlit drops them after this run
    query = {k: st.query_params.get_all(k) for k in st.query_params if k not in left}
    problems = check_link(query, tabs, settings)
    for key in problems:
        # Already bound to a widget this session: Streamlit clears its invalid value itself.
        with contextlib.suppress(KeyError, st.errors.StreamlitAPIException):
            del st.query_params[key]
    notices = [i18n.t(f"preset.renamed.{linked_preset}")] if renamed is not None else []
    if problems:
        notices.append(i18n.t("link.notice", details=" ".join(problems.values())))
    return " ".join(notices) or None
