"""Widgets built from the parameter registry, bound to the page's address, and the checks on hand-edited links.

Every parameter gets one widget keyed by its dotted name with ``bind="query-params"``: the address is always the
link to the scenario on screen, and values equal to the default stay out of it. Streamlit silently drops a bound
value it cannot read, so :func:`check_link` reads the address first and names whatever it will not use; numbers
and months must be written in ASCII ('２０２６-１１' is named, not silently dropped).

A preset, an upload or a reset replaces every lever at once. :func:`keep_previous` remembers the levers as they
were drawn, and "Back to your previous scenario" restores them, link included. The sidebar is drawn inside
:func:`one_address`, so such a change reaches the browser as one new address (one history entry).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

import sim
from sim.presets import RENAMED_PRESETS
from ui import i18n, launch, param_words
from ui.context import preset_label
from ui.display import CURRENCIES, DEFAULT_RATES, Currency
from ui.launch import LAUNCH_KEY

TOPIC_ORDER = ("production", "pricing", "preorders", "patience", "horizon")
RATE_RANGE = (0.1, 100.0)  # RMB per EUR or USD the rate inputs accept
LAUNCH_LINK_KEY = "launch.linked"  # session: the launch the page last wrote to the link
LEFT_KEY = "launch.left"  # session: the levers of the launch just left, which leave the link at the end of this run
# Keys of the page settings that live in the link next to the parameters.
PRESET_KEY, CURRENCY_KEY, TAB_KEY = "preset", "currency", "tab"
COMPARE_KEY = "compare"  # the saved scenarios to compare; ui.compare reads it and reports a broken one itself
RATE_KEYS = {"EUR": "eur_rmb", "USD": "usd_rmb"}
BACK_KEY = "back"  # the "Back to your previous scenario" button
SHOWN_KEY = "undo.shown"  # session: the levers and display settings as last drawn
PREVIOUS_KEY = "undo.previous"  # session: the levers before the last preset, upload or reset
PRESET_LINK_KEY = "preset.linked"  # session: the preset the page last wrote to the link
LANG_KEY = "lang"  # the page's language, in the link ('en', 'fr')
LANG_SHOWN_KEY = "lang.shown"  # session: the language the page was last drawn in
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


def _on_language_change(tab_keys: tuple[str, ...]) -> None:
    """Keep the open tab open when its label (one of ``tab_keys``' texts) changes language."""
    open_tab = st.session_state.get(TAB_KEY)
    shown = st.session_state.get(LANG_SHOWN_KEY, i18n.DEFAULT)
    new = st.session_state.get(LANG_KEY) or i18n.DEFAULT
    for key in tab_keys:
        if open_tab is not None and i18n.CATALOGUES[shown].get(key) == open_tab:
            st.session_state[TAB_KEY] = i18n.CATALOGUES[new].get(key) or i18n.CATALOGUES[i18n.DEFAULT][key]


def language_picker(tab_keys: Iterable[str] = ()) -> str:
    """The language picker (key ``lang``, values 'en' and 'fr', in the link); returns the language code."""
    code = st.segmented_control(
        i18n.t("page.language"),
        i18n.LANGUAGES,
        default=i18n.DEFAULT,
        key=LANG_KEY,
        bind="query-params",
        required=True,
        on_change=_on_language_change,
        args=(tuple(tab_keys),),
        help=i18n.t("page.language.help"),
    )
    st.session_state[LANG_SHOWN_KEY] = code or i18n.DEFAULT
    return code or i18n.DEFAULT


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


def _number_format(spec: sim.ParamSpec) -> str:
    if spec.kind == "int":
        return "localized" if spec.max >= 10_000 else "%d"
    decimals = max(0, -math.floor(math.log10(spec.step))) if spec.step else 2
    return f"%.{decimals}f"


def param_label(spec: sim.ParamSpec) -> str:
    """A parameter's label in the page language (``param.<name>`` in the catalogues)."""
    return i18n.t(f"param.{spec.name}")


def _label(spec: sim.ParamSpec) -> str:
    if spec.unit and spec.kind != "month":
        return f"{param_label(spec)} ({i18n.t(f'paramunit.{spec.unit}')})"
    return param_label(spec)


def parameter_widget(spec: sim.ParamSpec) -> Any:
    """Draw the widget for one parameter, keyed by its name and bound to the link; return its value."""
    common = dict(key=spec.name, help=param_words.help_text(spec), bind="query-params")
    if spec.kind == "bool":
        return st.toggle(param_label(spec), value=spec.default, **common)
    if spec.kind == "month":
        options = [str(m) for m in pd.period_range(spec.min, spec.max, freq="M")]
        return st.select_slider(param_label(spec), options=options, value=spec.default, **common)
    cast = int if spec.kind == "int" else float
    return st.slider(
        _label(spec),
        min_value=cast(spec.min),
        max_value=cast(spec.max),
        value=cast(spec.default),
        step=cast(spec.step),
        format=_number_format(spec),
        **common,
    )


def _topic_specs(topic: str, line: str | None) -> list[sim.ParamSpec]:
    headline = launch.headline()
    return [s for s in launch.parameters().values() if s.topic == topic and s.line == line and s.name not in headline]


def parameter_widgets() -> dict[str, Any]:
    """Every parameter's widget: the headline levers in view, the rest in expanders by topic and by line."""
    values = {}
    st.subheader(i18n.t("sidebar.headline"))
    parameters = launch.parameters()
    for name in launch.headline():
        values[name] = parameter_widget(parameters[name])
    for topic in TOPIC_ORDER:
        specs = _topic_specs(topic, None)
        if specs:
            with st.expander(i18n.t(f"topic.{topic}")):
                values.update({s.name: parameter_widget(s) for s in specs})
    labels = launch.line_labels()
    for line in launch.lines():
        with st.expander(i18n.t("sidebar.line", line=labels[line])):
            for topic in TOPIC_ORDER:
                specs = _topic_specs(topic, line)
                if specs:
                    st.caption(i18n.t(f"topic.{topic}"))
                    values.update({s.name: parameter_widget(s) for s in specs})
    return values


def _undoable_keys() -> tuple[str, ...]:
    return (*launch.parameters(), PRESET_KEY, CURRENCY_KEY, *RATE_KEYS.values())


def _remember_shown() -> None:
    """Note the levers and display settings as just drawn: what Back restores after the next wholesale change."""
    st.session_state[SHOWN_KEY] = {key: st.session_state[key] for key in _undoable_keys() if key in st.session_state}


def keep_previous() -> None:
    """Keep the scenario as last drawn for "Back to your previous scenario" (call before replacing every lever)."""
    shown = st.session_state.get(SHOWN_KEY)
    if shown:
        st.session_state[PREVIOUS_KEY] = dict(shown)


def _back() -> None:
    """Restore the levers, preset and display settings kept by :func:`keep_previous` (before the widgets draw)."""
    previous = st.session_state.pop(PREVIOUS_KEY, None)
    if previous:
        st.session_state.update(previous)


@contextlib.contextmanager
def one_address() -> Iterator[None]:
    """Send the browser the page's new address once, after the widgets inside have drawn.

    Each bound widget whose value was set from code (a preset, an upload, Back, Reset) sends its own new address,
    and the browser adds a history entry for every one: eight half-applied states for one preset. Held here and
    sent once, the change is one entry. Streamlit has no public batch for bound widgets, so this holds the
    session's query-params object's send for the length of the block.
    """
    with get_session_state().query_params() as query:
        pass  # only the object: its lock must not be held while widgets register
    held: list[bool] = []
    query._send_query_param_msg = lambda: held.append(True)  # noqa: SLF001
    try:
        yield
    finally:
        del query._send_query_param_msg  # noqa: SLF001
        if held:
            query._send_query_param_msg()  # noqa: SLF001


def _apply_preset() -> None:
    """Set every parameter widget to the chosen preset's values (runs before the widgets are drawn)."""
    keep_previous()
    st.session_state.update(launch.presets()[st.session_state[PRESET_KEY]].values())


def _reset() -> None:
    """Back to the base scenario and the default display: every value at its default, so the link is bare."""
    keep_previous()
    st.session_state.update(launch.base().values())
    st.session_state.update({PRESET_KEY: "base", CURRENCY_KEY: launch.currency()})
    st.session_state.update({key: DEFAULT_RATES[code] for code, key in RATE_KEYS.items()})


def preset_from_link() -> None:
    """Pick the link's preset when the link names one the session did not write (a fresh page, Back, a pasted link).

    The picker shows the presets' labels, so it is not bound to the link (a bound picker would write its label
    there); the link keeps the preset's key ('?preset=plant2_late'). On a session's first run the preset's values
    go onto every lever the link does not set, so the link opens that preset's scenario plus its overrides.
    """
    linked = st.query_params.get(PRESET_KEY, "base").lower()
    written = st.session_state.get(PRESET_LINK_KEY)
    presets = launch.presets()
    if linked == written or linked not in presets:
        return
    st.session_state[PRESET_KEY] = linked
    if written is None and linked != "base":
        given = set(st.query_params)
        st.session_state.update({k: v for k, v in presets[linked].values().items() if k not in given})
    st.session_state[PRESET_LINK_KEY] = linked


def _link_preset(preset: str) -> None:
    """Keep the chosen preset's key in the link ('base' stays out of it, like every default)."""
    if preset == "base":
        if PRESET_KEY in st.query_params:
            del st.query_params[PRESET_KEY]
    elif st.query_params.get(PRESET_KEY) != preset:
        st.query_params[PRESET_KEY] = preset
    st.session_state[PRESET_LINK_KEY] = preset


def preset_picker() -> str:
    """The preset picker (its key in the link, its label on screen) and the reset button; returns the preset."""
    preset_from_link()
    names = list(launch.presets())
    preset = st.selectbox(
        i18n.t("sidebar.preset"),
        names,
        index=names.index("base"),
        key=PRESET_KEY,
        format_func=preset_label,
        on_change=_apply_preset,
        help=i18n.t("sidebar.preset.help"),
    )
    _link_preset(preset)
    st.caption(i18n.t(f"preset.{preset}.note"))
    st.button(i18n.t("sidebar.reset"), on_click=_reset, key="reset", help=i18n.t("sidebar.reset.help"))
    st.button(
        i18n.t("sidebar.back"),
        on_click=_back,
        key=BACK_KEY,
        disabled=PREVIOUS_KEY not in st.session_state,
        help=i18n.t("sidebar.back.help"),
    )
    return preset


def _switch_launch() -> None:
    """Open the new launch's base scenario: its levers at their defaults, its currency, no preset (before drawing).

    The levers of the launch left behind leave the session and the link; Back does not cross launches.
    """
    new = st.session_state[LAUNCH_KEY]
    old = st.session_state.get(LAUNCH_LINK_KEY, launch.DEFAULT)
    st.session_state[LEFT_KEY] = tuple(launch.package(old).parameters)
    for name in launch.package(old).parameters:
        st.session_state.pop(name, None)
        with contextlib.suppress(KeyError, st.errors.StreamlitAPIException):
            del st.query_params[name]
    for key in (PRESET_LINK_KEY, PREVIOUS_KEY, SHOWN_KEY):
        st.session_state.pop(key, None)
    with contextlib.suppress(KeyError):
        del st.query_params[PRESET_KEY]
    st.session_state.update(sim.Params.base(new).values())
    st.session_state.update({PRESET_KEY: "base", CURRENCY_KEY: launch.package(new).currency})
    launch.use(new)


def _link_launch(key: str) -> None:
    """Keep the launch's key in the link (Xiaomi, the default, stays out of it)."""
    if key == launch.DEFAULT:
        if LAUNCH_KEY in st.query_params:
            del st.query_params[LAUNCH_KEY]
    elif st.query_params.get(LAUNCH_KEY) != key:
        st.query_params[LAUNCH_KEY] = key
    st.session_state[LAUNCH_LINK_KEY] = key


def launch_picker() -> str:
    """The launch picker (its key in the link, its label on screen); returns the launch's key.

    Like the preset picker it is not bound to the link (a bound picker would write its label there); a fresh page
    takes the link's launch (read by :func:`launch_from_link`), in any case.
    """
    if LAUNCH_KEY not in st.session_state:
        st.session_state[LAUNCH_KEY] = launch.key()
        st.session_state[LAUNCH_LINK_KEY] = launch.key()
    chosen = st.selectbox(
        i18n.t("sidebar.launch"),
        sim.LAUNCHES,
        key=LAUNCH_KEY,
        format_func=launch.label,
        on_change=_switch_launch,
        help=i18n.t("sidebar.launch.help"),
    )
    _link_launch(chosen)
    return chosen


def currency_picker() -> Currency:
    """The display currency and its editable rate to RMB (both in the link)."""
    own = launch.currency()  # the default: the launch's own currency, so its link stays bare
    code = st.segmented_control(
        i18n.t("sidebar.currency"), CURRENCIES, default=own, key=CURRENCY_KEY, bind="query-params", required=True
    )
    code = code or own  # an empty 'currency=' in the link clears even a required control
    rates = {
        c: st.number_input(
            i18n.t("sidebar.rate", code=c),
            min_value=RATE_RANGE[0],
            max_value=RATE_RANGE[1],
            value=DEFAULT_RATES[c],
            step=0.05,
            format="%.2f",
            key=key,
            bind="query-params",
        )
        for c, key in RATE_KEYS.items()
    }
    rmb = {"RMB": 1.0, **rates}  # RMB per unit of each currency
    return Currency(code, rmb[code] / rmb[own], own)


def sidebar(tab_keys: Iterable[str] = ()) -> tuple[str, dict[str, Any], Currency]:
    """The whole sidebar: language, preset, levers, display settings. Returns (preset, parameter values, currency).

    ``tab_keys`` are the catalogue keys of the page's tab labels, so a change of language keeps the open tab.
    """
    with st.sidebar, one_address():
        language_picker(tab_keys)
        launch_picker()
        preset = preset_picker()
        values = parameter_widgets()
        with st.expander(i18n.t("sidebar.display")):
            currency = currency_picker()
    _remember_shown()
    return preset, values, currency
