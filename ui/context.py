"""Cached calls into the model and the ``PageContext`` every card, chart and tab renders from.

``simulate`` is cached on the parameter values (``Params`` is hashable), so moving a slider back, switching
presets or changing only the display currency never reruns the model. The cached ``Run`` is shared between
reruns and sessions: the page reads it and never changes it.

A page rerun asks for a dozen cached values; Streamlit's cache costs 0.1-0.3 ms a call to hash its arguments, so
what is keyed on a few short strings (a launch, a language, a year) and never calls the model is memoised per process
with ``functools.lru_cache`` instead, at about a microsecond a call.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd
import streamlit as st

import sim
from ui import i18n, launch
from ui.display import Currency
from ui.errors import error_text

CACHE_ENTRIES = 128  # scenarios kept; each Run is a few hundred kB
LAST_VALID_KEY = "_last_valid_values"  # session: the levers of the last scenario that worked
LAST_VALID_LAUNCH_KEY = "_last_valid_launch"  # session: its launch


@lru_cache(maxsize=CACHE_ENTRIES)
def _params_key(p: sim.Params) -> str:
    # One string, not a tuple of pairs: Streamlit hashes a string in one step, a tuple item by item (~1 ms a call).
    # Kept per scenario (a Params hashes in one step): the reference's key is asked for on every rerun.
    return p.launch + repr(sorted(p.values().items()))


PARAMS_HASH = {sim.Params: _params_key}  # st.cache_* hash a scenario by its values


@st.cache_resource(max_entries=CACHE_ENTRIES, hash_funcs=PARAMS_HASH, show_spinner=False)
def simulate(p: sim.Params) -> sim.Run:
    """``sim.simulate(p)``, cached on the values of ``p``."""
    return sim.simulate(p)


@lru_cache(maxsize=4)
def _reported(key: str) -> pd.DataFrame:
    return sim.reported(key)


@lru_cache(maxsize=4)
def _targets(key: str) -> pd.DataFrame:
    return sim.targets(key)


@lru_cache(maxsize=4)
def _economics(key: str) -> pd.DataFrame:
    return sim.economics(key)


def reported() -> pd.DataFrame:
    """The reported figures of the launch on screen, with their sources (``sim.reported(key)``), read once."""
    return _reported(launch.key())


def targets() -> pd.DataFrame:
    """The yearly delivery targets of the launch on screen, with their sources, read once."""
    return _targets(launch.key())


def economics() -> pd.DataFrame:
    """The reported quarterly gross margins and selling prices of the launch on screen, read once."""
    return _economics(launch.key())


@dataclass(frozen=True)
class PageContext:
    """What the page shows: the scenario, its run, the reference its deltas read against, and display settings.

    ``error`` is set while the levers are inconsistent: ``params`` is then the last valid scenario, not theirs.
    """

    params: sim.Params
    run: sim.Run
    preset: str
    reference: str
    reference_run: sim.Run
    currency: Currency
    reported: pd.DataFrame
    targets: pd.DataFrame
    economics: pd.DataFrame
    error: str | None = None

    @property
    def reference_label(self) -> str:
        """The reference's name as the page shows it: a preset's label, or a saved scenario's name."""
        return preset_label(self.reference) if self.reference in launch.presets() else self.reference


def preset_label(name: str) -> str:
    """A preset's name in the analyst's language ('plant2_late' -> 'Second plant six months late')."""
    return i18n.t(f"preset.{name}") if i18n.has(f"preset.{name}") else name.replace("_", " ").capitalize()


def scenario(values: dict[str, Any], checked: sim.Params | None = None) -> tuple[sim.Params, str | None]:
    """The scenario the widgets describe, and None; or the last valid one and the error naming the problem.

    Inconsistent combinations (a launch before reservations open) raise in ``sim.Params``; the page then keeps
    showing the last scenario that worked (the base one on a fresh page) and says why, in the page language.
    ``checked``: the scenario of these very values of this launch, when the rerun has already built it.
    """
    last_launch = st.session_state.get(LAST_VALID_LAUNCH_KEY, launch.DEFAULT)
    try:
        params = checked or sim.Params(values, launch=launch.key())
    except ValueError as exc:
        last = st.session_state.get(LAST_VALID_KEY)
        fallback = sim.Params(last, launch=launch.key()) if last and last_launch == launch.key() else launch.base()
        return fallback, i18n.t("page.inconsistent", problem=error_text(exc))
    st.session_state[LAST_VALID_KEY] = params.values()
    st.session_state[LAST_VALID_LAUNCH_KEY] = launch.key()
    return params, None


def page_context(
    *,
    params: sim.Params,
    preset: str,
    currency: Currency,
    error: str | None = None,
    reference: str = "base",
    reference_params: sim.Params | None = None,
) -> PageContext:
    """Run (or fetch from cache) the scenario and its reference and bundle them for rendering.

    ``reference`` names the scenario the deltas read against: a preset, or a saved scenario whose values are
    ``reference_params``. ``error``: see ``PageContext``.
    """
    return PageContext(
        params=params,
        run=simulate(params),
        preset=preset,
        reference=reference,
        reference_run=simulate(reference_params if reference_params is not None else launch.presets()[reference]),
        currency=currency,
        reported=reported(),
        targets=targets(),
        economics=economics(),
        error=error,
    )
