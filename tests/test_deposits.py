"""Deposits made visible: funnel rates per line and the deposit curve on the Orders tab."""

from __future__ import annotations

import pytest

import sim
from tests.test_app import open_page
from ui import deposits

BASE = sim.PRESETS["base"]


def test_funnel_rates_are_the_run_totals_ratios():
    """Conversion = orders / reservations, refunds / reservations, cancellations / orders (sums of run.lines)."""
    run = sim.simulate(BASE)
    rates = deposits.funnel_rates(run).set_index("line")
    ultra = run.lines.xs("ultra", level="line")
    assert rates.loc["ultra", "conversion"] == pytest.approx(ultra["orders"].sum() / ultra["reservations"].sum())
    assert rates.loc["ultra", "refund_rate"] == pytest.approx(ultra["refunds"].sum() / ultra["reservations"].sum())
    assert rates.loc["ultra", "cancellation_rate"] == pytest.approx(
        ultra["cancellations"].sum() / ultra["orders"].sum()
    )
    assert (rates["conversion"] + rates["refund_rate"] <= 1 + 1e-9).all()  # the rest are still pending


def test_deposit_curve_matches_single_runs_and_trades_reservations_for_conversion():
    """Batch points equal simulate() at those deposits; a higher deposit: fewer reservations, higher conversion."""
    curve = deposits.deposit_curves(BASE, points=5)
    ultra = curve[curve["line"] == "ultra"].reset_index(drop=True)
    assert ultra["deposit"].tolist() == [0, 25_000, 50_000, 75_000, 100_000]
    single = sim.simulate(BASE.with_values({"ultra.deposit": 50_000})).lines.xs("ultra", level="line")
    assert ultra.loc[2, "reservations"] == pytest.approx(single["reservations"].sum())
    assert ultra.loc[2, "orders"] == pytest.approx(single["orders"].sum())
    assert ultra["reservations"].is_monotonic_decreasing and ultra["conversion"].is_monotonic_increasing


def test_orders_tab_shows_the_rates_and_the_deposit_curve():
    """The Orders tab shows a rates table with plain column names and a deposit curve for the Ultra."""
    app = open_page({"tab": "Orders and waits"})
    assert not app.exception
    table = app.dataframe[0].value
    assert "Reservation → order conversion" in table.columns and "SU7 Ultra" in table["Line"].tolist()
    assert table["Reservation → order conversion"].str.endswith("%").all()
    assert any(c.value.startswith("SU7 Ultra: with no deposit") for c in app.caption)
