"""The saved scenarios of the Compare tab: session state, the link that carries them, saves, removals and uploads.

Contract with the page script (``app.py``, through ``ui.compare``):

1. ``apply_pending_scenario()`` is called at the top of every run, before any parameter widget is built. Widgets can
   only be given a value from code before they are drawn, so an upload does not touch them: its callback stores the
   scenario under ``PENDING_KEY`` and this function writes it into ``st.session_state`` under every parameter's
   widget key, which is its dotted name (months as 'YYYY-MM' strings, bools, ints and floats as in the registry,
   exactly ``Params.values()``). The widgets then draw with those values and, being bound to the link, put them in
   the address. The levers it replaces are kept for "Back to your previous scenario" (``ui.widgets``).
2. The saved scenarios live in ``st.session_state[SAVED_KEY]`` (name -> ``sim.Params``, in saving order) and in the
   link's ``LINK_KEY`` ('compare') query parameter as ``sim.encode_scenarios`` writes it, so the address reopens the
   same comparison. :func:`sync_link` reads the link (the link wins when it differs from what the session last
   wrote); a broken code, or one using a name the page shows itself (:func:`name_problem`), shows one ``st.error``
   where it is called, is dropped from the address, and the session keeps the scenarios it had. The page's link
   check (``ui.link.check_link``) leaves 'compare' to this module.
3. A save or an upload happens in a widget's callback, before the page draws; what came of it waits under
   ``SAVE_NOTICE_KEY`` or ``UPLOAD_NOTICE_KEY`` until the Compare tab shows it (:func:`take_notice`).

Names and file names come from outside: the page shows every one through ``ui.display.plain`` (never as markdown).
Messages are in the page language, those of ``sim`` too (``ui.errors.error_text``); a callback runs before the page
script, so it first speaks the page's language again (``ui.widgets.language_from_link``). The scenario on screen is
named in the page language, and no saved scenario may take its name, nor the KPI table's column names, in any
language.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

import sim
from sim.bundle import upload_notice
from sim.scenarios import MAX_SCENARIOS, OLD_LINK_PREFIXES, normalise_name
from ui import i18n, launch
from ui.compare_charts import KPI_COLUMN, column_patterns
from ui.display import plain
from ui.errors import error_text
from ui.link import COMPARE_KEY, language_from_link
from ui.widgets import keep_previous

LINK_KEY = COMPARE_KEY  # query parameter holding the saved scenarios ('compare')
SAVED_KEY = "compare.saved"  # session: name -> sim.Params
SYNCED_KEY = "compare.synced"  # session: the link code last read or written
PENDING_KEY = "compare.pending"  # session: a scenario waiting to be put on the widgets
SAVE_NOTICE_KEY, UPLOAD_NOTICE_KEY = "compare.save_notice", "compare.upload_notice"  # session: (kind, message)
NAME_KEY, UPLOAD_KEY = "compare.name", "compare.upload"  # session: the name box and the uploader
ON_SCREEN = "compare.on_screen"  # catalogue key of the scenario the sliders describe; reserved, not a saved name


def _every_language(key: str) -> tuple[str, ...]:
    return tuple(catalogue[key] for catalogue in i18n.CATALOGUES.values())


# Names the page shows itself, in any language; a saved scenario may not take one (compared case-insensitively).
RESERVED_NAMES = frozenset(
    n.casefold()
    for presets in map(sim.presets_for, sim.LAUNCHES)
    for n in (
        *_every_language(ON_SCREEN),
        *_every_language(KPI_COLUMN),
        *presets,
        *(p.replace("_", " ") for p in presets),
    )
)


def on_screen_name() -> str:
    """The scenario on screen as the Compare tab names it, in the page language ('On screen', 'À l'écran')."""
    return i18n.t(ON_SCREEN)


def apply_pending_scenario() -> None:
    """Put a scenario waiting under ``PENDING_KEY`` on the parameter widgets (call before the widgets are drawn);
    the levers it replaces are kept for "Back to your previous scenario"."""
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending is not None:
        keep_previous()
        st.session_state.update(pending.values())


def name_problem(name: str) -> str | None:
    """What keeps ``name`` (already normalised) from naming a saved scenario, or None.

    The page shows 'On screen', the presets and the KPI table's own column names (in every language); a scenario
    named like one of them would pass its figures off as the page's (a saved 'On screen' showed other deliveries
    than the cards).
    """
    folded = name.casefold()
    column = any(
        folded.startswith(prefix.casefold()) and folded.endswith(suffix.casefold())
        for prefix, suffix in column_patterns()
    )
    if folded in RESERVED_NAMES or column:
        return i18n.t("compare.name_taken", name=name, on_screen=on_screen_name())
    return None


def _checked_names(saved: dict[str, sim.Params]) -> dict[str, sim.Params]:
    problems = [problem for problem in map(name_problem, saved) if problem]
    if problems:
        raise ValueError(" ".join(problems))
    return saved


def _write_link(saved: Mapping[str, sim.Params]) -> None:
    code = sim.encode_scenarios(saved) if saved else None
    if code:
        st.query_params[LINK_KEY] = code
    elif LINK_KEY in st.query_params:
        del st.query_params[LINK_KEY]
    st.session_state[SYNCED_KEY] = code


def sync_link() -> dict[str, sim.Params]:
    """The saved scenarios, read from the link when it changed; a broken link shows one error and is dropped."""
    state = st.session_state
    code = st.query_params.get(LINK_KEY)
    if code is not None and code != state.get(SYNCED_KEY):
        try:
            state[SAVED_KEY] = _checked_names(sim.decode_scenarios(code))
            state[SYNCED_KEY] = code
            if code.startswith(OLD_LINK_PREFIXES):
                st.info(i18n.t("compare.v1_notice"))
        except ValueError as exc:
            st.error(plain(i18n.t("compare.link_error", problem=error_text(exc))))
            _write_link(state.get(SAVED_KEY, {}))
    return state.setdefault(SAVED_KEY, {})


def of_launch(saved: Mapping[str, sim.Params]) -> dict[str, sim.Params]:
    """The saved scenarios of the launch on screen (the link keeps the others for when it switches back)."""
    return {name: p for name, p in saved.items() if p.launch == launch.key()}


def _notify(key: str, kind: str, message: str) -> None:
    st.session_state[key] = (kind, message)


def take_notice(key: str) -> tuple[str, str] | None:
    """The (kind, message) waiting under ``key`` (``SAVE_NOTICE_KEY``, ``UPLOAD_NOTICE_KEY``), now taken, or None."""
    return st.session_state.pop(key, None) or None


def save_scenario(name: str, params: sim.Params, *, error: str | None = None) -> str | None:
    """Save ``params`` under ``name`` (normalised; replacing one of that name) and update the link.

    Args:
        name: the name typed; tidied by ``normalise_name`` and checked by :func:`name_problem`.
        params: the scenario on screen.
        error: the page's error while the levers are inconsistent; then nothing is saved, since ``params`` is not
            what the levers describe.

    Returns:
        What kept it from being saved, or None.
    """
    if error:
        return i18n.t("compare.save.inconsistent", error=error)
    name = normalise_name(name)
    saved = dict(sync_link())
    if not name:
        return i18n.t("compare.save.no_name")
    if problem := name_problem(name):
        return problem
    if name not in saved and len(saved) >= MAX_SCENARIOS:
        return i18n.t("compare.save.too_many", most=MAX_SCENARIOS)
    saved[name] = params
    try:
        _write_link(saved)
    except ValueError as exc:  # the link would be too long
        return error_text(exc)
    st.session_state[SAVED_KEY] = saved
    return None


def remove_scenario(name: str) -> None:
    """Forget the saved scenario ``name`` and update the link."""
    saved = {k: v for k, v in sync_link().items() if k != name}
    _write_link(saved)
    st.session_state[SAVED_KEY] = saved


def on_save(params: sim.Params, error: str | None) -> None:
    """The save button's callback: save the scenario on screen under the name in ``NAME_KEY`` and say how it went."""
    language_from_link()  # a callback runs before the page script, maybe in a fresh thread
    name = normalise_name(st.session_state.get(NAME_KEY, ""))
    replaced = name in sync_link()
    problem = save_scenario(name, params, error=error)
    if problem:
        _notify(SAVE_NOTICE_KEY, "error", problem)
    else:
        _notify(
            SAVE_NOTICE_KEY, "success", i18n.t("compare.saved.replaced" if replaced else "compare.saved", name=name)
        )
        st.session_state[NAME_KEY] = ""


def restore_upload(data: bytes) -> sim.Params:
    """Read an uploaded scenario (.json or bundle .zip) and queue it for the widgets; raises ``ValueError``."""
    params = sim.load_upload(data, launch=launch.key())  # another launch's scenario: a message naming both
    st.session_state[PENDING_KEY] = params
    return params


def on_upload() -> None:
    """The uploader's callback: queue the file in ``UPLOAD_KEY`` for the widgets and say how it went."""
    language_from_link()  # a callback runs before the page script, maybe in a fresh thread
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        return
    try:
        restore_upload(uploaded.getvalue())
    except ValueError as exc:
        problem = error_text(exc)
        _notify(UPLOAD_NOTICE_KEY, "error", i18n.t("compare.upload.error", file=uploaded.name, problem=problem))
    else:
        notice = i18n.t("compare.v1_notice") if upload_notice(uploaded.getvalue()) else ""
        _notify(UPLOAD_NOTICE_KEY, "success", f"{i18n.t('compare.upload.done', file=uploaded.name)} {notice}".strip())
