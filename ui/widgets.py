"""The sidebar: widgets built from the launch's parameter registry, bound to the page's address, and its pickers.

Every parameter gets one widget keyed by its dotted name with ``bind="query-params"``: the address is always the
link to the scenario on screen, and values equal to the default stay out of it (``ui.link`` checks a hand-edited
address before any widget reads it).

A preset, an upload or a reset replaces every lever at once. :func:`keep_previous` remembers the levers as they
were drawn, and "Back to your previous scenario" restores them, link included. The sidebar is drawn inside
:func:`one_address`, so such a change reaches the browser as one new address (one history entry).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

import sim
from ui import i18n, launch, param_words
from ui.context import preset_label
from ui.display import CURRENCIES, DEFAULT_RATES, Currency
from ui.launch import LAUNCH_KEY
from ui.link import CURRENCY_KEY, LANG_KEY, LEFT_KEY, PRESET_KEY, RATE_KEYS, RATE_RANGE, TAB_KEY

TOPIC_ORDER = ("production", "pricing", "preorders", "patience", "horizon")
LAUNCH_LINK_KEY = "launch.linked"  # session: the launch the page last wrote to the link
BACK_KEY = "back"  # the "Back to your previous scenario" button
SHOWN_KEY = "undo.shown"  # session: the levers and display settings as last drawn
PREVIOUS_KEY = "undo.previous"  # session: the levers before the last preset, upload or reset
PRESET_LINK_KEY = "preset.linked"  # session: the preset the page last wrote to the link
LANG_SHOWN_KEY = "lang.shown"  # session: the language the page was last drawn in


RESET_KEY = "reset"  # the "Reset to base" button


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


def _link_choice(key: str, value: str, default: str, written_key: str) -> None:
    """Keep a picker's chosen ``value`` in the link under ``key`` (its ``default`` stays out of it, like every
    default), and note in the session (``written_key``) what the page wrote there."""
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value
    st.session_state[written_key] = value


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
    _link_choice(PRESET_KEY, preset, "base", PRESET_LINK_KEY)
    st.caption(i18n.t(f"preset.{preset}.note"))
    st.button(i18n.t("sidebar.reset"), on_click=_reset, key=RESET_KEY, help=i18n.t("sidebar.reset.help"))
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
    _link_choice(LAUNCH_KEY, chosen, launch.DEFAULT, LAUNCH_LINK_KEY)
    return chosen


def currency_picker() -> Currency:
    """The display currency and its editable rate to RMB (both in the link)."""
    own = launch.currency()  # the default: the launch's own currency, so its link stays bare
    code = st.segmented_control(
        i18n.t("sidebar.currency"), CURRENCIES, default=own, key=CURRENCY_KEY, bind="query-params", required=True
    )
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
    return currency_of(code, rates)


def currency_of(code: str | None, rates: Mapping[str, float]) -> Currency:
    """The display currency ``code`` (None: the launch's own) at ``rates`` (RMB per unit of EUR and USD)."""
    own = launch.currency()
    rmb = {"RMB": 1.0, **rates}  # RMB per unit of each currency
    code = code or own  # an empty 'currency=' in the link clears even a required control
    return Currency(code, rmb[code] / rmb[own], own)


def state_before_drawing() -> tuple[str, dict[str, Any], Currency] | None:
    """(preset, parameter values, currency) as the session holds them before the sidebar draws, when it holds every
    one (not on a session's first run, which reads them from the link). The widgets return these values unless
    the address changed under them (the browser's back and forward); :func:`sidebar` gives the drawn ones."""
    state = st.session_state.to_dict()  # every value in one pass: ~100 look-ups of st.session_state cost twice as much
    try:  # a missing lever (a first run) raises
        values = {name: state[name] for name in launch.parameters()}
        preset = state[PRESET_KEY]
    except KeyError:
        return None
    rates = {c: float(state.get(key, DEFAULT_RATES[c])) for c, key in RATE_KEYS.items()}
    return preset, values, currency_of(state.get(CURRENCY_KEY), rates)


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
