"""Extreme but valid scenarios: finite, balanced, never negative, and the KPIs still make sense."""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.registry import PARAMETERS
from sim.tables import LINES


def _every_line(field, value):
    return {f"{line}.{field}": value for line in LINES}


EXTREMES = {
    "one-month horizon": {"end": "2024-03"},
    "longest horizon": {"end": "2030-12"},
    "every line disabled": _every_line("enabled", False),
    "zero demand": _every_line("market_size", 0),
    "no capacity at all": {"plant1.initial": 0, "plant1.peak": 0, "plant2.initial": 0, "plant2.peak": 0},
    "capacity only at the end": {"plant1.start": "2030-11", "plant2.start": "2030-12", "end": "2030-12"},
    "huge backlog": {**_every_line("market_size", 3_000_000), **_every_line("bass_p", 0.9), "plant1.peak": 1000},
    "everyone cancels": {"cancel_base": 0.2, "cancel_slope": 0.5, "patience_months": 0.0},
    "prohibitive deposit": {**_every_line("deposit", 100_000), **_every_line("deposit_sensitivity", 100.0)},
    "price far above rival": {
        **{f"{line}.price": PARAMETERS[f"{line}.price"].max for line in LINES},
        **{f"{line}.competitor_price": PARAMETERS[f"{line}.competitor_price"].min for line in LINES},
        **_every_line("price_elasticity", 6.0),
    },
    "all-range minimums": {n: s.min for n, s in PARAMETERS.items() if s.kind in ("int", "float")},
    "all-range maximums": {n: s.max for n, s in PARAMETERS.items() if s.kind in ("int", "float")},
}


@pytest.fixture(scope="module", params=sorted(EXTREMES))
def extreme(request):
    """A run of one extreme scenario, with its name."""
    return request.param, sim.simulate(sim.Params().with_values(EXTREMES[request.param]))


def test_extreme_results_are_finite_and_non_negative(extreme):
    """No NaN, no infinity and nothing negative in either table or in the numeric KPIs."""
    name, run = extreme
    for frame in (run.total, run.lines):
        values = frame.to_numpy(dtype=float)
        assert np.isfinite(values).all(), name
        assert (values[:, [frame.columns.get_loc(c) for c in frame.columns if c != "gross_profit"]] >= -1e-6).all()
    assert all(np.isfinite(v) for v in run.kpis.values() if isinstance(v, float)), name


def test_extreme_results_balance(extreme):
    """Both stock-flow identities hold per line and month, and deliveries never exceed capacity."""
    name, run = extreme
    lines = run.lines
    scale = 1.0 + lines["cum_reservations"].abs().max() if len(lines) else 1.0
    assert np.allclose(
        lines["cum_orders"], lines["cum_deliveries"] + lines["cum_cancellations"] + lines["backlog"], atol=1e-6 * scale
    ), name
    assert np.allclose(
        lines["cum_reservations"], lines["cum_orders"] + lines["cum_refunds"] + lines["pending"], atol=1e-6 * scale
    ), name
    assert (run.total["deliveries"] <= run.total["capacity"] * (1 + 1e-12) + 1e-9).all(), name


def test_every_line_disabled_gives_an_empty_lines_table_and_zero_totals():
    """With no line enabled the per-line table is empty and every total is zero (capacity aside)."""
    run = sim.simulate(sim.Params().with_values(EXTREMES["every line disabled"]))
    assert run.lines.empty
    assert (run.total.drop(columns="capacity") == 0).all().all()
    assert run.kpis["month_100k"] is None and run.kpis["gross_margin"] == 0.0


def test_no_capacity_quotes_the_longest_wait():
    """With no capacity ever, buyers are quoted the 60-month cap and nothing is delivered."""
    run = sim.simulate(sim.Params().with_values(EXTREMES["no capacity at all"]))
    assert run.total["deliveries"].sum() == 0
    assert run.kpis["max_wait_months"] == pytest.approx(60.0)
