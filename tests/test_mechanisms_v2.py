"""Model v2's mechanisms on tiny hand-computed scenarios: growing markets, end of sale, deposit weight, plants.

They reuse the pure one-line scenario of ``test_mechanisms`` (p = q = ln(2)/2, so F(1) = 1/3, F(2) = 3/5, F(3) = 7/9).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import sim
from tests.test_mechanisms import PURE_INTEREST, SLOW_PLANT, YU7_PURE, _line, _run


def test_growing_market_interest_is_the_increment_of_m_times_f():
    """interest = M(tau+1) F(tau+1) - M(tau) F(tau) with M(tau) = M (1 + g)^(tau / 12)."""
    run = _run(su7__market_growth=1.0)  # the market doubles in a year: M(tau) = 90,000 * 2^(tau / 12)
    m = [90000 * 2 ** (tau / 12) for tau in range(4)]
    f = [0.0, 1 / 3, 3 / 5, 7 / 9]
    # computed by hand from the Bass closed form: M(1) / 3, M(2) 3/5 - M(1) / 3, M(3) 7/9 - M(2) 3/5
    expected = [m[1] * f[1], m[2] * f[2] - m[1] * f[1], m[3] * f[3] - m[2] * f[2]]
    assert _line(run, "interest")[:3] == pytest.approx(expected, rel=1e-12)


def test_growing_market_demand_settles_at_the_growth():
    """Once the Bass curve is saturated, interest per month tends to M(tau) * ((1 + g)^(1/12) - 1), not to zero."""
    run = _run(end="2026-12", su7__market_growth=0.5, su7__end_of_sale="2030-12")
    interest = _line(run, "interest")
    tau = len(interest) - 1
    settled = 90000 * 1.5 ** (tau / 12) * (1.5 ** (1 / 12) - 1)  # the market's own growth in month tau
    assert interest[-1] == pytest.approx(settled, rel=1e-3)
    assert _line(_run(end="2026-12"), "interest")[-1] < 1e-3 * interest[-1]  # without growth demand dies out


def test_no_interest_after_the_end_of_sale_and_the_book_is_still_delivered():
    """After end_of_sale nothing new is reserved or ordered; the line's book is built and delivered after it."""
    run = _run(**SLOW_PLANT, su7__end_of_sale="2024-04", end="2024-08")
    assert _line(run, "interest")[:2] == pytest.approx(PURE_INTEREST[:2], rel=1e-12)
    assert _line(run, "interest")[2:].tolist() == [0.0] * 4
    assert _line(run, "orders")[2:].tolist() == [0.0] * 4
    assert _line(run, "deliveries")[2:] == pytest.approx([1000.0] * 4, rel=1e-12)  # the plant keeps building it


def test_end_of_sale_before_reservations_open_is_refused():
    """An end of sale before the line opens is an inconsistency that names both parameters."""
    with pytest.raises(ValueError, match="su7.end_of_sale.*su7.reservations_open"):
        sim.Params().with_values(
            {
                "su7.end_of_sale": "2024-05",
                "su7.reservations_open": "2024-06",
                "su7.launch": "2024-06",
                "su7.deliveries_start": "2024-06",
            }  # fmt: skip
        )


DEPOSIT = {
    "su7__deposit": 25000,
    "su7__deposit_sensitivity": 10 * math.log(2),  # x = 25,000 / 250,000 = 0.1: e^{-s x} = 1/2 at weight 1
    "su7__conversion": 0.5,
    "su7__deliveries_start": "2024-05",
}


@pytest.mark.parametrize("refundable,weight,deterred", [(False, 0.5, 0.5), (True, 0.5, 2**-0.5), (True, 0.0, 1.0)])
def test_a_refundable_deposit_deters_and_commits_by_its_weight(refundable, weight, deterred):
    """x = w deposit / price, w = 1 for a deposit the buyer can lose, refundable_weight for a refundable one."""
    run = _run(**DEPOSIT, su7__deposit_refundable=refundable, refundable_weight=weight)
    # computed by hand: e^{-s x} = 2^(-w) of the 30,000 interested reserve; c = 1 - 0.5 e^{-s x} of them lock
    assert _line(run, "reservations")[0] == pytest.approx(30000 * deterred, rel=1e-12)
    assert _line(run, "orders")[0] == pytest.approx(30000 * deterred * (1 - 0.5 * deterred), rel=1e-12)


def test_each_plant_builds_its_own_lines():
    """SU7 on plant 1 and YU7 on plant 2 do not share: each line gets its own plant's capacity and wait."""
    run = _run(**SLOW_PLANT, **YU7_PURE, plant2__initial=500, plant2__peak=500)
    # SU7: book 30,000 on 1,000 a month -> 1,000 delivered, wait 30; YU7: 10,000 on 500 -> 500, wait 20
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(1000.0, rel=1e-12)
    assert _line(run, "deliveries", "yu7")[0] == pytest.approx(500.0, rel=1e-12)
    assert _line(run, "wait_months", "su7")[0] == pytest.approx(30.0, rel=1e-12)
    assert _line(run, "wait_months", "yu7")[0] == pytest.approx(20.0, rel=1e-12)


def test_spill_lends_a_share_of_the_spare_capacity():
    """spill x the other plant's spare capacity builds a plant's remaining book, and shortens its quoted wait."""
    run = _run(**SLOW_PLANT, **YU7_PURE, plant2__initial=20000, plant2__peak=20000, spill=0.5)
    # plant 2 builds the YU7's 10,000 and has 10,000 spare; half of it (5,000) builds SU7 cars: 1,000 + 5,000
    assert _line(run, "deliveries", "yu7")[0] == pytest.approx(10000.0, rel=1e-12)
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(6000.0, rel=1e-12)
    # SU7 wait: n months of plant 1 (1,000 n) plus half of plant 2's capacity beyond its 10,000 book
    # (0.5 * (20,000 n - 10,000)) must reach 30,000: 11,000 n = 35,000 -> n = 3 + 2,000 / 11,000 (computed by hand)
    assert _line(run, "wait_months", "su7")[0] == pytest.approx(3 + 2000 / 11000, rel=1e-12)


def test_capacity_bound_marks_the_months_a_plant_cannot_build_its_book():
    """capacity_bound is true where the line's plant left part of its book unbuilt, false where demand limits it."""
    run = _run(**SLOW_PLANT, **YU7_PURE, plant2__initial=50000, plant2__peak=50000)
    assert _line(run, "capacity_bound", "su7").all()  # 1,000 a month never clears the SU7's book
    assert not _line(run, "capacity_bound", "yu7").any()  # 50,000 a month builds every YU7 order at once


def test_a_line_whose_plant_never_starts_waits_and_delivers_nothing():
    """A line on a plant that has not started is quoted the capped wait and delivers nothing (not an error)."""
    run = _run(**{**YU7_PURE, "plant2__start": "2030-12", "plant2__initial": 500, "plant2__peak": 500})
    assert _line(run, "deliveries", "yu7").sum() == 0.0
    assert _line(run, "wait_months", "yu7")[0] == 60.0


@pytest.mark.parametrize("early,late", [("2024-10", "2026-12"), ("2025-12", "2026-12"), ("2024-03", "2030-12")])
def test_the_horizon_never_changes_a_month_inside_it(early, late):
    """The base scenario run to two horizons agrees on every column of every month they share."""
    short = sim.simulate(sim.Params().with_values({"end": early}))
    long = sim.simulate(sim.Params().with_values({"end": late}))
    shared = short.total.index
    np.testing.assert_allclose(short.total.to_numpy(), long.total.loc[shared].to_numpy(), rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(
        short.lines.drop(columns="capacity_bound").to_numpy(),
        long.lines.loc[shared].drop(columns="capacity_bound").to_numpy(),
        rtol=1e-12,
        atol=1e-9,
    )
    assert (short.lines["capacity_bound"] == long.lines.loc[shared, "capacity_bound"]).all()
