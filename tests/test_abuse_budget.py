"""The abuse budget (README, "What one page load can cost"): the most model work one anonymous page load can start.

Work is counted, not timed: every call into the vectorised core (``sim.model.simulate_arrays``, wherever a module
imported it) adds draws x months, the number of simulated scenario-months. The worst link for each tab asks for
the longest horizon (2030-12, 82 months), the most Monte Carlo draws the link accepts, and twenty saved scenarios
that each differ from base in every group; the caches are cleared first, so nothing is free. The README turns the
counts into CPU seconds and megabytes at the measured rate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import sim
from sim import model
from sim.calendar import LAST_MONTH, month_range
from sim.scenarios import MAX_SCENARIOS
from ui import link, uncertainty, widgets
from ui.deposits import CURVE_POINTS

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TABS = ("Deliveries", "Orders and waits", "Money", "Uncertainty", "Sensitivity and goal seek", "Backtest",
        "Compare", "Data", "Model")  # fmt: skip
LONGEST = len(month_range(LAST_MONTH))  # 82 months
LINK_DRAWS_CAP = 2_000  # Monte Carlo draws a page opened from a link may run; more need a click (issue 12)
# What one page load may cost at most, in simulated draw x months (README: "What one page load can cost").
BUDGET = {
    "Deliveries": 3 * LONGEST,
    "Orders and waits": 3 * LONGEST + len(sim.LINES) * CURVE_POINTS * LONGEST,  # + the deposit curves: one batch
    "Money": 3 * LONGEST,
    "Uncertainty": 3 * LONGEST + LINK_DRAWS_CAP * LONGEST,
    "Sensitivity and goal seek": 40_000,  # measured 15,286: a tornado (2 runs a parameter) and a goal seek
    "Backtest": 600_000,  # measured 512,430: three searches (the priors and two restarts) of the cutoff fit
    "Compare": 3 * LONGEST + MAX_SCENARIOS * LONGEST + 1_024 * LONGEST,  # + one attribution of <= 2^10 coalitions
    "Data": 3 * LONGEST,
    "Model": 3 * LONGEST,
}
PAGE_LOAD_BUDGET = max(BUDGET.values())


def _worst_saved_set() -> str:
    """Twenty saved scenarios, each moving every parameter group off base, on the longest horizon."""
    saved = {}
    for i in range(MAX_SCENARIOS):
        changes = {"end": LAST_MONTH}
        for name, spec in sim.PARAMETERS.items():
            if spec.kind in ("int", "float") and spec.max > spec.default:
                step = (spec.max - spec.default) * (i + 1) / (MAX_SCENARIOS + 1)
                changes[name] = spec.default + (round(step) if spec.kind == "int" else step)
        saved[f"scenario {i}"] = sim.Params().with_values(changes)
    return sim.encode_scenarios(saved)


def worst_link(tab: str) -> dict[str, str]:
    """The link that asks the most of ``tab``: longest horizon, most draws, the largest saved set."""
    return {
        widgets.TAB_KEY: tab,
        "end": LAST_MONTH,
        uncertainty.DRAWS_KEY: str(max(uncertainty.DRAW_CHOICES)),
        link.COMPARE_KEY: _worst_saved_set(),
    }


@pytest.fixture
def count_work(monkeypatch) -> list[int]:
    """Patch every module's ``simulate_arrays`` to add draws x months to the returned list."""
    done: list[int] = []
    original = model.simulate_arrays

    def counted(x, n_months, **options):
        done.append(len(next(iter(x.values()))) * n_months)
        return original(x, n_months, **options)

    for module in list(sys.modules.values()):
        if getattr(module, "simulate_arrays", None) is original:
            monkeypatch.setattr(module, "simulate_arrays", counted)
    return done


def page_load_work(tab: str, done: list[int]) -> int:
    """Draws x months one fresh session opening ``tab``'s worst link simulates, with cold caches."""
    st.cache_data.clear()
    st.cache_resource.clear()
    done.clear()
    app = AppTest.from_file(APP, default_timeout=300)
    app.query_params = worst_link(tab)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return sum(done)


@pytest.mark.parametrize("tab", TABS)
def test_one_page_load_stays_within_its_budget(tab, count_work):
    """The worst link for each tab simulates at most its budget of draws x months (with the caches cold)."""
    work = page_load_work(tab, count_work)
    assert 0 < work <= BUDGET[tab] <= PAGE_LOAD_BUDGET, (tab, work)
