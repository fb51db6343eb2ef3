"""A plant lending capacity to another plant's lines (``sim.lending``), on pure scenarios worked out by hand.

The SU7 (plant 1) has a book of 30,000 in its first month and the YU7 (plant 2) one of 10,000, nobody cancels; plant 1
builds 2,000 a month and lends up to ``plant1.lend`` of it, scaled by plant 2's ramp-up, to the YU7's unbuilt book.
"""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.calendar import month_range
from sim.lending import Lending
from sim.model import batch_inputs, simulate_arrays
from tests.test_mechanisms import YU7_PURE, _line, _run

PLANT1 = {"plant1__initial": 2000, "plant1__peak": 2000}


def test_a_plant_lends_up_to_its_share_and_keeps_the_rest():
    """Plant 2 builds 500 of the YU7's 10,000; plant 1 lends min(0.5 x 2,000, 9,500) = 1,000 and builds 1,000 SU7s."""
    run = _run(**PLANT1, **YU7_PURE, plant2__initial=500, plant2__peak=500, plant1__lend=0.5)
    assert _line(run, "deliveries", "yu7")[0] == pytest.approx(1500.0, rel=1e-12)
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(1000.0, rel=1e-12)
    # quotes at this month's lending (computed by hand): the YU7's 10,000 on 500 + 1,000 a month -> 6 2/3 months,
    # plant 1 lending 1,000 a month all that time, G = 6,667 in all; so the SU7's 30,000 waits for 30,000 + 6,667
    # of plant 1's 2,000 a month -> 18 1/3 months (1,000 a month for 6 2/3 months, then 2,000)
    assert _line(run, "wait_months", "yu7")[0] == pytest.approx(10000 / 1500, rel=1e-12)
    assert _line(run, "wait_months", "su7")[0] == pytest.approx((30000 + 10000 / 1.5) / 2000, rel=1e-12)


def test_what_the_receiver_does_not_need_stays_with_the_lender():
    """Plant 2 builds 9,600 of the YU7's 10,000: plant 1 lends only the 400 missing and builds 1,600 SU7s."""
    run = _run(**PLANT1, **YU7_PURE, plant2__initial=9600, plant2__peak=9600, plant1__lend=0.5)
    assert _line(run, "deliveries", "yu7")[0] == pytest.approx(10000.0, rel=1e-12)
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(1600.0, rel=1e-12)
    # 400 of the cap of 1,000 is used: the YU7's 10,000 on 9,600 + 400 a month -> 1 month; G = 400, so the SU7
    # waits for 30,000 + 400 of plant 1's 2,000 a month -> 15.2 months (computed by hand)
    assert _line(run, "wait_months", "yu7")[0] == pytest.approx(1.0, rel=1e-12)
    assert _line(run, "wait_months", "su7")[0] == pytest.approx(15.2, rel=1e-12)


def test_the_lent_share_grows_over_the_receivers_ramp_up_months():
    """Plant 2 ramps from 250 to 500 over 4 months: plant 1 may lend 1/5 of its share in plant 2's first month and
    2/5 in its second, i.e. 0.5 x 0.2 x 2,000 = 200, then 400."""
    ramping = {**YU7_PURE, "plant2__ramp_months": 4.0}
    run = _run(**PLANT1, **ramping, plant2__initial=250, plant2__peak=500, plant1__lend=0.5)
    # month 2: plant 2 builds 250 + 250 S(1/4) = 250 + 250 x 5/32 = 289.0625 (S(x) = 3x^2 - 2x^3), computed by hand
    assert _line(run, "deliveries", "yu7")[:2] == pytest.approx([250.0 + 200.0, 289.0625 + 400.0], rel=1e-12)
    assert _line(run, "deliveries", "su7")[:2] == pytest.approx([1800.0, 1600.0], rel=1e-12)


def test_a_higher_peak_at_the_receiver_never_lends_less():
    """The lent share counts the receiver's months, not its rate: a higher plant 2 peak lends the same."""
    ramping = {**YU7_PURE, "plant2__ramp_months": 4.0, "plant1__lend": 0.5, "plant2__initial": 250}
    low, high = (_run(**PLANT1, **ramping, plant2__peak=peak) for peak in (500, 5000))
    np.testing.assert_allclose(_line(low, "deliveries", "su7")[:2], _line(high, "deliveries", "su7")[:2], rtol=1e-12)
    assert (_line(high, "deliveries", "yu7")[:2] >= _line(low, "deliveries", "yu7")[:2]).all()


@pytest.mark.parametrize("change", [{"yu7__enabled": False}, {"yu7__plant": 1}])
def test_a_plant_without_lines_borrows_nothing(change):
    """With the YU7 switched off or moved to plant 1, plant 1 lends nothing: the SU7 gets its 2,000 (or shares
    them with the YU7 by book, 30,000 : 10,000)."""
    run = _run(**PLANT1, **{**YU7_PURE, **change}, plant2__initial=500, plant2__peak=500, plant1__lend=0.5)
    expected = 2000.0 if "yu7__enabled" in change else 2000.0 * 30000 / 40000
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(expected, rel=1e-12)
    assert run.total["capacity"].to_numpy()[0] == pytest.approx(2500.0, rel=1e-12)


def test_lending_moves_capacity_between_plants_and_keeps_the_total():
    """The plants' capacities after lending add up to their own capacities every month, in a base-like run."""
    p = sim.Params().with_values({"plant1.lend": 0.6, "end": "2027-12"})
    months = month_range(p["end"])
    lent = simulate_arrays(batch_inputs(p), len(months))
    own = simulate_arrays(batch_inputs(p.with_values({"plant1.lend": 0.0})), len(months))
    np.testing.assert_allclose(lent["plant_capacity"].sum(axis=1), own["plant_capacity"].sum(axis=1), rtol=1e-12)
    moved = own["plant_capacity"][0, 0] - lent["plant_capacity"][0, 0]
    assert (moved >= -1e-9).all() and moved.max() > 0  # plant 1 only gives
    assert (moved <= 0.6 * own["plant_capacity"][0, 0] * (1 + 1e-12)).all()  # at most its share


def _two_lines(capacity: np.ndarray, *, draws: int = 1, start: float = 0.0, ramp: float = 0.0) -> Lending:
    """Lending from plant 1 to plant 2 (peak 500) at half, one line on each plant, reservations open from month 0."""
    return Lending.of(
        capacity,
        0,
        1,
        lend=np.full(draws, 0.5),
        plant={"start": np.full(draws, start), "ramp_months": np.full(draws, ramp), "peak": np.full(draws, 500.0)},
        plant_of=np.tile([0, 1], (draws, 1)),
        opens=np.zeros((draws, 2), dtype=np.int64),
        n_months=capacity.shape[-1],
    )


def test_books_to_clear_by_hand():
    """A receiver's book is divided by 1 + u cap / C_r; a lender's is the smaller of X / (1 - u lend progress) and
    X + G, G = u cap B_r / (C_r + u cap)."""
    capacity = np.array([[[2000.0], [250.0]]])  # (draws, plants, months): plant 2 at 250 in its first month
    lending = _two_lines(capacity, ramp=1.0)
    # progress 1 / (1 + 1) = 1/2, cap = 0.5 x 0.5 x 2,000 = 500. B_r = 1,250, short 1,000: u = 1; the receiver's
    # 1,250 on 250 + 500 a month; G = 500 x 1,250 / 750 = 833.3; the lender's 3,000 -> min(3,000 / 0.75, 3,833.3)
    cleared = lending.to_clear(0, np.array([[3000.0, 1250.0]]), np.array([[3000.0, 1250.0]]))
    assert cleared == pytest.approx(np.array([[3000 + 500 * 1250 / 750, 1250 / 3.0]]), rel=1e-12)
    # a small lender book clears while the receiver still borrows: 300 / 0.75 = 400 < 300 + 833.3
    cleared = lending.to_clear(0, np.array([[300.0, 1250.0]]), np.array([[300.0, 1250.0]]))
    assert cleared == pytest.approx(np.array([[400.0, 1250 / 3.0]]), rel=1e-12)
    # B_r = 500, short 250 of a cap of 500: u = 1/2, G = 250 x 500 / 500 = 250
    cleared = lending.to_clear(0, np.array([[3000.0, 500.0]]), np.array([[3000.0, 500.0]]))
    assert cleared == pytest.approx(np.array([[3250.0, 500 / 2.0]]), rel=1e-12)
    built, after = lending.build(0, capacity[:, :, 0], np.array([[5000.0, 1250.0]]))
    assert after == pytest.approx(np.array([[1500.0, 750.0]]), rel=1e-12)  # 500 lent
    assert built == pytest.approx(np.array([[1500.0, 750.0]]), rel=1e-12)


def test_before_the_receiver_starts_quotes_count_the_planned_lending():
    """Plant 2 not started (cap 0) with a YU7 book: the receiver's book is divided by 1 + lend x C_i / peak_r, the
    lender's is its own (it gives nothing yet), and nothing is lent."""
    capacity = np.array([[[2000.0], [0.0]]])
    lending = _two_lines(capacity, start=1.0)
    cleared = lending.to_clear(0, np.array([[30000.0, 10000.0]]), np.array([[30000.0, 10000.0]]))
    assert cleared == pytest.approx(np.array([[30000.0, 10000 / (1 + 0.5 * 2000 / 500)]]), rel=1e-12)
    built, _ = lending.build(0, capacity[:, :, 0], np.array([[30000.0, 10000.0]]))
    assert built == pytest.approx(np.array([[2000.0, 0.0]]), rel=1e-12)


def test_nothing_is_lent_at_a_share_of_zero():
    """A share of 0 everywhere gives no lending at all (the order book then skips it)."""
    capacity = np.array([[[2000.0], [500.0]]])
    plant = {"start": np.zeros(1), "ramp_months": np.zeros(1), "peak": np.full(1, 500.0)}
    kwargs = dict(plant=plant, plant_of=np.array([[0, 1]]), opens=np.zeros((1, 2)), n_months=1)
    assert Lending.of(capacity, 0, 1, lend=np.array([0.0]), **kwargs) is None


def test_each_draw_is_quoted_from_its_own_books():
    """A draw's books to clear do not depend on the other draws of the batch (one draw short, the other not)."""
    capacity = np.array([[[2000.0], [500.0]], [[2000.0], [500.0]]])
    books = np.array([[3000.0, 1500.0], [3000.0, 0.0]])
    cleared = _two_lines(capacity, draws=2).to_clear(0, books, books)
    # draw 1: cap 1,000, u = 1, G = 1,000 x 1,500 / 1,500 = 1,000: min(6,000, 4,000); the receiver's 1,500 / 3
    assert cleared == pytest.approx(np.array([[4000.0, 500.0], [3000.0, 0.0]]), rel=1e-12)


def test_the_preset_without_yu7s_at_plant_1_moves_the_split_not_the_total():
    """'Plant 1 builds no YU7s': with both plants at capacity all 2025, the year's deliveries stay the same while
    the SU7 family gets more of the second half and the YU7 less."""
    presets = sim.presets_for("xiaomi")
    base, dedicated = (sim.simulate(presets[name]) for name in ("base", "plant1_no_yu7"))
    assert dedicated.params["plant1.lend"] == 0.0 < base.params["plant1.lend"]
    assert dedicated.kpis["deliveries_2025"] == pytest.approx(base.kpis["deliveries_2025"], rel=1e-9)
    half = {name: run.lines["deliveries"].unstack("line").loc["2025-07":"2025-12"].sum() for name, run in
            (("base", base), ("dedicated", dedicated))}  # fmt: skip
    assert half["dedicated"]["su7"] > half["base"]["su7"] and half["dedicated"]["yu7"] < half["base"]["yu7"]
