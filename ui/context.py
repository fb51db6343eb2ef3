"""Cached calls into the model and the ``PageContext`` every card, chart and tab renders from.

``simulate`` is cached on the parameter values (``Params`` is hashable), so moving a slider back, switching
presets or changing only the display currency never reruns the model. The cached ``Run`` is shared between
reruns and sessions: the page reads it and never changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

import sim
from ui import i18n
from ui.display import Currency

CACHE_ENTRIES = 128  # scenarios kept; each Run is a few hundred kB


def _params_key(p: sim.Params) -> str:
    # One string, not a tuple of pairs: Streamlit hashes a string in one step, a tuple item by item (~1 ms a call).
    return repr(sorted(p.values().items()))


PARAMS_HASH = {sim.Params: _params_key}  # st.cache_* hash a scenario by its values


@st.cache_resource(max_entries=CACHE_ENTRIES, hash_funcs=PARAMS_HASH, show_spinner=False)
def simulate(p: sim.Params) -> sim.Run:
    """``sim.simulate(p)``, cached on the values of ``p``."""
    return sim.simulate(p)


@st.cache_resource(max_entries=1, show_spinner=False)
def reported() -> pd.DataFrame:
    """The reported figures with their sources (``sim.reported()``), read once."""
    return sim.reported()


@st.cache_resource(max_entries=1, show_spinner=False)
def targets() -> pd.DataFrame:
    """The yearly delivery targets with their sources (``sim.targets()``), read once."""
    return sim.targets()


@st.cache_resource(max_entries=1, show_spinner=False)
def economics() -> pd.DataFrame:
    """The reported quarterly gross margins and selling prices (``sim.economics()``), read once."""
    return sim.economics()


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
        return preset_label(self.reference) if self.reference in sim.PRESETS else self.reference


def preset_label(name: str) -> str:
    """A preset's name in the analyst's language ('plant2_late' -> 'Second plant six months late')."""
    return i18n.t(f"preset.{name}")


def scenario(values: dict[str, Any]) -> tuple[sim.Params, str | None]:
    """The scenario the widgets describe, and None; or the last valid one and the error naming the problem.

    Inconsistent combinations (a launch before reservations open) raise in ``sim.Params``; the page then keeps
    showing the last scenario that worked (the base one on a fresh page) and says why.
    """
    try:
        params = sim.Params(values)
    except ValueError as exc:
        last = st.session_state.get("_last_valid_values")
        fallback = sim.Params(last) if last else sim.PRESETS["base"]
        return fallback, f"{exc} The page shows the last valid scenario until this is fixed."
    st.session_state["_last_valid_values"] = params.values()
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
        reference_run=simulate(reference_params if reference_params is not None else sim.PRESETS[reference]),
        currency=currency,
        reported=reported(),
        targets=targets(),
        economics=economics(),
        error=error,
    )
