"""Each mechanism of the model (docs/model.md)'s Model on a tiny scenario whose numbers are worked out by hand.

Most cases use one line (the SU7) with p = q = ln(2)/2, so that e^{-(p+q)} = 1/2 and the Bass closed form gives
simple fractions: F(tau) = (1 - 2^-tau) / (1 + 2^-tau), i.e. F(1) = 1/3, F(2) = 3/5, F(3) = 7/9, F(4) = 15/17.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import sim
from sim.demand import bass_cdf
from sim.money import unit_cost_curve
from sim.orderbook import COUNTS, _OwnCurve, cumulative, months_to_deliver
from sim.production import RAMP_SHAPES, logistic_ramp, plant_capacity, smoothstep
from sim.registry import get_launch

HALF_LN2 = math.log(2) / 2  # p = q = ln(2)/2 makes e^{-(p+q) tau} = 2^-tau

# One line, no deposit, parity price, no elasticity, everyone locks, no cancellations, capacity far above demand.
PURE = {
    "end": "2024-08",
    "ultra.enabled": False,
    "yu7.enabled": False,
    "su7g2.enabled": False,
    "su7.market_growth": 0.0,
    "refundable_weight": 1.0,
    "su7.reservations_open": "2024-03",
    "su7.launch": "2024-03",
    "su7.deliveries_start": "2024-03",
    "su7.market_size": 90000,
    "su7.bass_p": HALF_LN2,
    "su7.bass_q": HALF_LN2,
    "su7.price": 250000,
    "su7.presale_price": 250000,
    "su7.competitor_price": 250000,
    "su7.price_elasticity": 0.0,
    "su7.deposit": 0,
    "su7.deposit_sensitivity": 0.0,
    "su7.conversion": 1.0,
    "su7.lock_lag_months": 0,
    "su7.unit_cost": 200000,
    "plant1.start": "2024-03",
    "plant1.initial": 60000,
    "plant1.peak": 100000,
    "plant1.ramp_months": 0.0,
    "plant2.initial": 0,
    "plant2.peak": 0,
    "plant1.lend": 0.0,  # dedicated plants unless a test lends
    "cancel_base": 0.0,
    "cancel_slope": 0.0,
    "learning_rate": 1.0,
}

# A second line with the same pure demand at a third of the size (30,000 buyers: 10,000, 8,000, ...), on plant 2.
YU7_PURE = {
    "yu7__enabled": True,
    "yu7__reservations_open": "2024-03",
    "yu7__launch": "2024-03",
    "yu7__deliveries_start": "2024-03",
    "yu7__market_size": 30000,
    "yu7__bass_p": HALF_LN2,
    "yu7__bass_q": HALF_LN2,
    "yu7__market_growth": 0.0,
    "yu7__deposit": 0,
    "yu7__conversion": 1.0,
    "yu7__lock_lag_months": 0,
    "yu7__price_elasticity": 0.0,
    "plant2__start": "2024-03",
    "plant2__ramp_months": 0.0,
}

# 90,000 buyers times the Bass increments F(1) - F(0) = 1/3, F(2) - F(1) = 4/15, F(3) - F(2) = 8/45
PURE_INTEREST = [30000.0, 24000.0, 16000.0]


def _run(**changes) -> sim.Run:
    """The pure scenario with ``changes`` (dotted names written with '__' for '.')."""
    return sim.simulate(sim.Params().with_values({**PURE, **{k.replace("__", "."): v for k, v in changes.items()}}))


def _line(run: sim.Run, column: str, line: str = "su7") -> np.ndarray:
    """One line's column as an array over the run's months."""
    return run.lines.xs(line, level="line")[column].to_numpy()


def test_bass_closed_form_values():
    """bass_cdf matches the closed form: F(0) = 0 and the fractions above for p = q = ln(2)/2."""
    tau = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    expected = [0.0, 1 / 3, 3 / 5, 7 / 9, 15 / 17]  # computed by hand: (1 - 2^-tau) / (1 + 2^-tau)
    assert bass_cdf(tau, HALF_LN2, HALF_LN2) == pytest.approx(expected, rel=1e-12)


def test_interest_follows_the_bass_increments():
    """Interest per month is market * (F(tau+1) - F(tau)) in a pure scenario."""
    run = _run()
    assert _line(run, "interest")[:3] == pytest.approx(PURE_INTEREST, rel=1e-12)
    assert run.total["interest"].to_numpy()[:3] == pytest.approx(PURE_INTEREST, rel=1e-12)
    # 90,000 * (F(4) - F(3)) = 90,000 * (15/17 - 7/9) = 90,000 * 16/153, computed by hand
    assert _line(run, "interest")[3] == pytest.approx(90000 * 16 / 153, rel=1e-12)


def test_no_interest_before_reservations_open():
    """Months before reservations_open have no interest; tau counts from the opening month."""
    run = _run(su7__reservations_open="2024-05", su7__launch="2024-05", su7__deliveries_start="2024-05")
    assert _line(run, "interest")[:5] == pytest.approx([0.0, 0.0, *PURE_INTEREST], rel=1e-12)


def test_elasticity_zero_ignores_the_price_gap():
    """With price_elasticity 0 a price twice the rival's leaves interest unchanged."""
    run = _run(su7__competitor_price=125000)
    assert _line(run, "interest")[:3] == pytest.approx(PURE_INTEREST, rel=1e-12)


def test_price_above_the_rival_shrinks_the_market():
    """M_eff = market * (price / rival) ** -elasticity: twice the rival's price at elasticity 1 halves interest."""
    run = _run(su7__competitor_price=125000, su7__price_elasticity=1.0)
    # 90,000 * 2^-1 = 45,000 buyers, times 1/3, 4/15, 8/45, computed by hand
    assert _line(run, "interest")[:3] == pytest.approx([15000.0, 12000.0, 8000.0], rel=1e-12)


def test_pure_scenario_orders_and_delivers_everything_at_once():
    """No deposit, conversion 1, lag 0 and ample capacity: reservations = orders = deliveries = interest."""
    run = _run()
    for column in ("reservations", "orders", "deliveries"):
        assert _line(run, column)[:3] == pytest.approx(PURE_INTEREST, rel=1e-12), column
    assert np.allclose(_line(run, "backlog"), 0.0) and np.allclose(_line(run, "pending"), 0.0)


def test_smoothstep_values():
    """S(x) = 3x^2 - 2x^3 on [0, 1], clipped outside."""
    x = np.array([-1.0, 0.0, 0.25, 0.5, 0.75, 1.0, 2.0])
    # computed by hand: S(.25) = 3/16 - 2/64 = 0.15625, S(.5) = 0.5, S(.75) = 27/16 - 54/64 = 0.84375
    assert smoothstep(x) == pytest.approx([0.0, 0.0, 0.15625, 0.5, 0.84375, 1.0, 1.0], rel=1e-12)


def test_plant_capacity_ramps_along_the_smoothstep():
    """A plant builds 0 before start, initial in its first month, then the S-ramp to peak, then peak."""
    t = np.arange(8)
    capacity = plant_capacity(t, 1, 1000.0, 11000.0, 4.0)
    # computed by hand: 1000 + 10,000 * S(s / 4) for s = t - 1 = 0, 1, 2, 3, 4, 5, 6
    expected = [0.0, 1000.0, 2562.5, 6000.0, 9437.5, 11000.0, 11000.0, 11000.0]
    assert capacity == pytest.approx(expected, rel=1e-12)


def test_plant_without_ramp_runs_at_peak_from_its_first_month():
    """ramp_months = 0 means full rate from the start month (S of s/0 read as the end of the ramp)."""
    assert plant_capacity(np.arange(3), 1, 500.0, 800.0, 0.0) == pytest.approx([0.0, 800.0, 800.0])


# A logistic ramp from 100 to 2,000 cars a month over 4 months: A = 2000 / 100 - 1 = 19 and
# k = ln(19 * 19) / 4 = ln(19) / 2, so cap(s) = 2000 / (1 + 19 * 19^(-s/2)) = 2000 / (1 + 19^(1 - s/2)).
ROOT19 = math.sqrt(19.0)


def test_plant_capacity_ramps_along_the_logistic():
    """A logistic plant builds 0 before start, initial in its first month, half the peak mid-ramp, 95 % at its end."""
    capacity = plant_capacity(np.arange(9), 1, 100.0, 2000.0, 4.0, ramp_shape="logistic")
    # computed by hand from cap(s) = 2000 / (1 + 19^(1 - s/2)), s = t - 1 = 0 .. 7
    expected = [
        0.0,
        100.0,  # s = 0: 2000 / (1 + 19) = the initial rate
        2000.0 / (1.0 + ROOT19),  # s = 1: 373.2
        1000.0,  # s = 2: 2000 / (1 + 1), half the peak
        2000.0 / (1.0 + 1.0 / ROOT19),  # s = 3: 1,626.8
        1900.0,  # s = 4 = ramp_months: 2000 / (1 + 1/19) = 95 % of the peak
        2000.0 / (1.0 + 1.0 / (19.0 * ROOT19)),  # s = 5
        2000.0 * 361.0 / 362.0,  # s = 6: 2000 / (1 + 1/361)
        2000.0 / (1.0 + 1.0 / (361.0 * ROOT19)),  # s = 7
    ]
    assert capacity == pytest.approx(expected, rel=1e-12)


def test_logistic_ramp_grows_by_a_steady_factor_while_far_below_its_peak():
    """Far below the peak the logistic grows geometrically: cap(s+1) / cap(s) tends to e^k from below."""
    since = np.arange(6.0)
    # initial 1, peak 1e6, ramp 10: k = ln(19 (1e6 - 1)) / 10, about 1.677 a month (a factor of about 5.35)
    rate = math.log(19.0 * (1e6 - 1.0)) / 10.0
    capacity = logistic_ramp(since, 1.0, 1e6, 10.0)
    growth = capacity[1:] / capacity[:-1]
    # the factor is e^k (1 + x) / (e^k + x), x = A e^{-ks}: below e^k by about (e^k - 1) cap / peak, 4e-6 at s = 0
    assert growth[0] == pytest.approx(math.exp(rate), rel=1e-4)
    assert (growth < math.exp(rate)).all() and (np.diff(growth) < 0).all()  # and slows as the plant nears its peak


def test_logistic_ramp_edge_cases_stay_finite_and_between_initial_and_peak():
    """Initial at or above the peak, an initial of 0, a peak of 0 and a ramp of 0 give finite rates between the two."""
    since = np.arange(0.0, 60.0)
    with np.errstate(divide="raise", over="raise", invalid="raise"):  # e^{-ks} may underflow to 0, nothing else
        flat = logistic_ramp(since, 800.0, 800.0, 6.0)
        falling = logistic_ramp(since, 1200.0, 800.0, 6.0)
        high_start = logistic_ramp(since, 700.0, 800.0, 6.0)
        from_zero = logistic_ramp(since, 0.0, 800.0, 6.0)
        nothing = logistic_ramp(since, 500.0, 0.0, 6.0)
        at_once = logistic_ramp(since, 100.0, 800.0, 0.0)
    assert flat == pytest.approx(np.full(60, 800.0), rel=1e-12)
    # initial 1,200 above the peak: A = 800/1200 - 1 = -1/3, k = ln(19) / 6; decays from 1,200 to 800
    assert falling[0] == pytest.approx(1200.0) and (np.diff(falling) < 0).all() and falling[-1] == pytest.approx(800.0)
    assert falling[6] == pytest.approx(800.0 / (1.0 - 1.0 / 57.0), rel=1e-12)  # the gap shrank 19-fold: A/19 = -1/57
    # initial 700 above half the peak: A = 1/7, the gap ratio shrinks 19-fold, to 1/133, over the ramp (k stays > 0)
    assert high_start[0] == pytest.approx(700.0) and high_start[6] == pytest.approx(800.0 / (1.0 + 1.0 / 133.0))
    assert from_zero[0] == 0.0 and from_zero[6] == pytest.approx(760.0, rel=1e-6)  # still 95 % at the ramp's end
    assert nothing[0] == 500.0 and (nothing[1:] == 0.0).all() and at_once == pytest.approx(np.full(60, 800.0))


def test_logistic_past_the_horizon_is_the_same_formula():
    """A logistic plant's capacity in any month is the formula of that month alone, wherever the run ends."""
    late = np.arange(0, 400)
    whole = plant_capacity(late, 3, 50.0, 21000.0, 12.0, ramp_shape="logistic")
    for t in (5, 60, 399):  # each month on its own, as a quoted wait reads it past the horizon
        alone = plant_capacity(np.array([t]), 3, 50.0, 21000.0, 12.0, ramp_shape="logistic")
        assert alone[0] == whole[t]
    # after 12 months it is at 95 % of its peak (19,950) and keeps closing on the peak, never past it
    assert whole[15] == pytest.approx(19950.0, rel=1e-12) and (np.diff(whole) >= 0).all() and whole[-1] <= 21000.0


def test_plant_capacity_rejects_an_unknown_ramp_shape():
    """A ramp shape outside sim.production.RAMP_SHAPES raises a ValueError naming the shapes."""
    assert set(RAMP_SHAPES) == {"smoothstep", "logistic"}
    with pytest.raises(ValueError, match="must be one of smoothstep, logistic"):
        plant_capacity(np.arange(3), 0, 1.0, 2.0, 3.0, ramp_shape="linear")


def test_capacity_is_the_sum_of_the_plants():
    """run.total.capacity adds both plants, each with its own start and ramp."""
    run = _run(
        plant1__initial=1000,
        plant1__peak=11000,
        plant1__ramp_months=4.0,
        plant2__start="2024-06",
        plant2__initial=500,
        plant2__peak=500,
    )
    # plant 1 as in the ramp test above; plant 2 adds 500 from 2024-06 (t = 3) on
    expected = [1000.0, 2562.5, 6000.0, 9437.5 + 500, 11000.0 + 500, 11000.0 + 500]
    assert run.total["capacity"].to_numpy() == pytest.approx(expected, rel=1e-12)


PRICE_CUT = {
    "su7__launch": "2024-05",
    "su7__deliveries_start": "2024-05",
    "su7__presale_price": 300000,
    "su7__price": 250000,
    "su7__competitor_price": 300000,
    "su7__price_elasticity": 1.0,
    "su7__conversion": 0.5,
}


def test_cohorts_reserved_before_launch_decide_at_launch_with_the_price_cut():
    """Pre-launch cohorts lock at min(1, c * (price / presale) ** -e) in the launch month; the rest are refunds."""
    run = _run(**PRICE_CUT)
    # interest at the presale price (parity): 30,000 and 24,000; from launch M_eff = 90,000 * (250/300)^-1
    # = 108,000, so 2024-05 has 108,000 * 8/45 = 19,200 (computed by hand)
    assert _line(run, "reservations")[:3] == pytest.approx([30000.0, 24000.0, 19200.0], rel=1e-12)
    # pre-launch cohorts: c' = 0.5 * 1.2 = 0.6 of 54,000; the launch cohort reserved at 250,000: c = 0.5 of 19,200
    assert _line(run, "orders")[:3] == pytest.approx([0.0, 0.0, 0.6 * 54000 + 0.5 * 19200], rel=1e-12)
    assert _line(run, "refunds")[:3] == pytest.approx([0.0, 0.0, 0.4 * 54000 + 0.5 * 19200], rel=1e-12)
    assert _line(run, "pending")[:3] == pytest.approx([30000.0, 54000.0, 0.0], abs=1e-9)


def test_price_cut_lock_share_is_capped_at_one():
    """c * (price / presale) ** -e above 1 locks the whole cohort, no more."""
    run = _run(**{**PRICE_CUT, "su7__conversion": 0.9})
    # 0.9 * 1.2 = 1.08 -> 1 for the 54,000 pre-launch reservations; 0.9 of the 19,200 launch-month ones
    assert _line(run, "orders")[2] == pytest.approx(54000 + 0.9 * 19200, rel=1e-12)
    assert _line(run, "refunds")[2] == pytest.approx(0.1 * 19200, rel=1e-12)


DEPOSIT = {
    "su7__deposit": 25000,
    "su7__deposit_sensitivity": 10 * math.log(2),  # x = 25,000 / 250,000 = 0.1, so e^{-s x} = 1/2
    "su7__conversion": 0.5,
    "su7__deliveries_start": "2024-05",
}


def test_deposit_deters_reservations_and_commits_the_rest():
    """reservations = interest * e^{-s x} and c = 1 - (1 - conversion) * e^{-s x}, x = deposit / price."""
    run = _run(**DEPOSIT)
    # computed by hand: half of 30,000 reserve; c = 1 - 0.5 * 0.5 = 0.75 of them lock
    assert _line(run, "reservations")[0] == pytest.approx(15000.0, rel=1e-12)
    assert _line(run, "orders")[0] == pytest.approx(11250.0, rel=1e-12)
    assert _line(run, "refunds")[0] == pytest.approx(3750.0, rel=1e-12)


def test_deposits_held_and_forfeited():
    """deposits_held = deposit * (pending + backlog); refunds forfeit only non-refundable deposits."""
    refundable = _run(**DEPOSIT)
    # not delivering before 2024-05, no cancellations: the 11,250 orders of 2024-03 wait in the book
    assert _line(refundable, "deposits_held")[0] == pytest.approx(25000 * 11250, rel=1e-12)
    assert _line(refundable, "forfeited_deposits")[0] == 0.0
    kept = _run(**DEPOSIT, su7__deposit_refundable=False)
    assert _line(kept, "forfeited_deposits")[0] == pytest.approx(25000 * 3750, rel=1e-12)


def test_lock_lag_delays_the_decision():
    """A cohort decides lock_lag_months after reserving; until then it is pending."""
    run = _run(su7__lock_lag_months=1, su7__conversion=0.5)
    assert _line(run, "orders")[:3] == pytest.approx([0.0, 0.5 * 30000, 0.5 * 24000], rel=1e-12)
    assert _line(run, "pending")[:3] == pytest.approx([30000.0, 24000.0, 16000.0], rel=1e-12)


SLOW_PLANT = {"plant1__initial": 1000, "plant1__peak": 1000, "patience_months": 10.0}


def test_cancellations_climb_with_the_wait_beyond_patience():
    """hazard = cancel_base + cancel_slope * (wait - patience); cancellations = hazard * book."""
    run = _run(**SLOW_PLANT, cancel_base=0.01, cancel_slope=0.02)
    # 2024-03: book 30,000 at 1,000 cars/month -> wait 30; hazard 0.01 + 0.02 * 20 = 0.41 -> 12,300 cancel,
    # 1,000 delivered, 16,700 left. 2024-04: book 16,700 + 24,000 = 40,700 -> wait 40.7; hazard
    # 0.01 + 0.02 * 30.7 = 0.624 -> 25,396.8 cancel, 1,000 delivered, 14,303.2 left (computed by hand)
    assert _line(run, "wait_months")[:2] == pytest.approx([30.0, 40.7], rel=1e-12)
    assert _line(run, "cancellations")[:2] == pytest.approx([12300.0, 25396.8], rel=1e-12)
    assert _line(run, "deliveries")[:2] == pytest.approx([1000.0, 1000.0], rel=1e-12)
    assert _line(run, "backlog")[:2] == pytest.approx([16700.0, 14303.2], rel=1e-12)


def test_cancellations_within_patience_are_the_base_rate():
    """With the wait under patience, only cancel_base applies."""
    run = _run(**{**SLOW_PLANT, "patience_months": 36.0}, cancel_base=0.01, cancel_slope=0.02)
    assert _line(run, "cancellations")[0] == pytest.approx(0.01 * 30000, rel=1e-12)  # wait 30 < 36


def test_cancellation_hazard_is_capped_at_one():
    """A hazard above 1 cancels the whole book and no more."""
    run = _run(**{**SLOW_PLANT, "patience_months": 0.0}, cancel_base=0.01, cancel_slope=0.5)
    assert _line(run, "cancellations")[0] == pytest.approx(30000.0, rel=1e-12)  # 0.01 + 0.5 * 30 > 1
    assert _line(run, "deliveries")[0] == 0.0


def test_wait_of_a_line_not_yet_delivering_adds_the_months_to_its_start():
    """Before deliveries_start the quoted wait is months until start plus months of capacity for its own book."""
    run = _run(**SLOW_PLANT, su7__deliveries_start="2024-05")
    # 2024-03: 2 months to start + 30,000 / 1,000 = 32; 2024-04: 1 + 54,000 / 1,000 = 55, computed by hand
    assert _line(run, "wait_months")[:2] == pytest.approx([32.0, 55.0], rel=1e-12)
    assert _line(run, "deliveries")[:2] == pytest.approx([0.0, 0.0])


def test_wait_is_capped_at_sixty_months():
    """A book that would take longer than 60 months is quoted 60."""
    run = _run(**SLOW_PLANT, su7__market_size=600000)  # 200,000 in the first month at 1,000 a month
    assert _line(run, "wait_months")[0] == 60.0


def test_delivering_lines_share_capacity_in_proportion_to_their_books():
    """deliveries_i = book_i * min(1, capacity / sum of books); both lines are quoted the whole book's wait."""
    run = _run(**SLOW_PLANT, **YU7_PURE, yu7__plant=1)
    # both on plant 1: books 30,000 (SU7) and 10,000 (YU7) on 1,000 cars/month: 750 and 250 delivered, each
    # waits 40 months
    assert _line(run, "deliveries", "su7")[0] == pytest.approx(750.0, rel=1e-12)
    assert _line(run, "deliveries", "yu7")[0] == pytest.approx(250.0, rel=1e-12)
    assert _line(run, "wait_months", "yu7")[0] == pytest.approx(40.0, rel=1e-12)
    assert run.total["wait_months"].iloc[0] == pytest.approx(40.0, rel=1e-12)  # book-weighted average of 40 and 40


def _available(capacity: list[float], t: int):
    """Capacity of the n months from ``t`` on, read off a hand-made curve (as the order book reads its plant's)."""
    cum = cumulative(np.array(capacity))
    return lambda n: cum[t + n] - cum[t]


def test_fractional_wait_on_a_hand_made_capacity():
    """months_to_deliver: n + (book - A(n)) / (A(n+1) - A(n)) for the largest n with A(n) < book."""
    capacity = [0.0, 100.0, 200.0] + [300.0] * 70  # the curve continues past any horizon
    cases = [
        # (t, book, wait) computed by hand; A(n) = capacity of months t .. t+n-1
        (0, 250.0, 2.75),  # A(2) = 100 < 250 <= A(3) = 300: 2 + 150 / 200
        (0, 100.0, 2.0),  # exactly the first two months' capacity: 1 + 100 / 100
        (1, 250.0, 1.75),  # A(1) = 100: 1 + 150 / 200
        (3, 1000.0, 3 + 100 / 300),  # 300 a month from t = 3 on: A(3) = 900
        (2, 0.0, 0.0),  # nothing to deliver
        (0, 10.0**9, 60.0),  # capped
    ]
    for t, book, wait in cases:
        assert months_to_deliver(np.array([[book]]), _available(capacity, t))[0, 0] == pytest.approx(wait, rel=1e-12)


def test_fractional_wait_without_any_capacity_is_the_cap():
    """With no capacity ever, any book waits the 60-month cap."""
    waits = months_to_deliver(np.array([[1.0, 0.0]]), _available([0.0] * 70, 0))
    assert waits[0].tolist() == [60.0, 0.0]


def test_halving_steps_and_the_table_of_counts_quote_the_same_waits():
    """Many books are searched by halving steps, a table of every count is counted off: the same waits, to the bit."""
    rng = np.random.default_rng(7)
    rows, width = 300, 90  # more books than a table is read for: the function of n is searched by halving steps
    capacity = rng.uniform(0.0, 500.0, (rows, width)) * (rng.random((rows, width)) > 0.3)  # idle months too
    flat = cumulative(capacity).ravel()
    start = (np.arange(rows) * (width + 1) + rng.integers(0, 25, rows))[:, None, None]

    def available(n):
        return flat[start + n] - flat[start]

    table = available(COUNTS)  # (rows, 1, 62)
    ahead = table[:, 0, :-1]
    on_a_count = ahead[np.arange(rows), rng.integers(0, 61, rows)]
    # books between two counts, on a count exactly (A(n) = book is not short of it), none, and beyond the cap
    choices = [on_a_count * rng.uniform(0.5, 1.0, rows), on_a_count, np.zeros(rows), ahead[:, -1] + 1.0]
    book = np.choose(rng.integers(0, 4, rows), choices)[:, None]
    halving = months_to_deliver(book, available)
    np.testing.assert_array_equal(halving, months_to_deliver(book, table))
    assert halving.min() == 0.0 and halving.max() == 60.0


def test_search_on_a_plant_curve_and_the_table_of_counts_quote_the_same_waits():
    """The order book's own-curve search (positions along the flat curves) quotes a table's waits, to the bit."""
    rng = np.random.default_rng(11)
    rows, width = 300, 90
    capacity = rng.uniform(0.0, 500.0, (rows, width)) * (rng.random((rows, width)) > 0.3)  # idle months too
    flat = cumulative(capacity).ravel()
    start = (np.arange(rows) * (width + 1) + rng.integers(0, 25, rows))[:, None, None]
    curve = _OwnCurve(flat, start, flat[start], start + 59)  # the last A(n + 1) is read 60 months on
    table = flat[start + COUNTS] - flat[start]  # (rows, 1, 62)
    book = table[np.arange(rows), 0, rng.integers(0, 62, rows)][:, None] * rng.uniform(0.5, 1.2, (rows, 1))
    book[:5] = [[0.0], [table[1, 0, -1] + 1.0], [table[2, 0, 1]], [1e12], [1e-9]]  # none, past the cap, on a count
    searched = months_to_deliver(book, curve)
    np.testing.assert_array_equal(searched.view(np.int64), months_to_deliver(book, table).view(np.int64))
    assert searched.min() == 0.0 and searched.max() == 60.0


def test_learning_curve_unit_cost():
    """unit cost = unit_cost * max(1, N / 10,000) ** log2(learning_rate), N = deliveries before the month."""
    cost = unit_cost_curve(np.array([10000.0, 10000.0, 20000.0, 40000.0]), 200000.0, 0.9)
    # N = 0, 10,000, 20,000, 40,000 -> multipliers 1, 1, 0.9, 0.81, computed by hand
    assert cost == pytest.approx([200000.0, 200000.0, 180000.0, 162000.0], rel=1e-12)


def test_revenue_and_gross_profit_follow_the_learning_curve():
    """revenue = deliveries * price / (1 + VAT); gross_profit = deliveries * (that net price - unit cost on the
    curve). Xiaomi's list prices include China's 13 % VAT, which its reported revenue leaves out."""
    run = _run(learning_rate=0.9)
    deliveries = PURE_INTEREST  # everything is delivered in the month it is ordered
    net = 250000 / 1.13  # the RMB 250,000 list price without its 13 % VAT
    assert _line(run, "revenue")[:3] == pytest.approx([d * net for d in deliveries], rel=1e-12)
    # N before each month: 0, 30,000, 54,000 -> cost 200,000 * (N / 10,000) ** log2(0.9) from the first 10,000 on
    costs = [200000.0, 200000 * 3 ** math.log2(0.9), 200000 * 5.4 ** math.log2(0.9)]
    expected = [d * (net - c) for d, c in zip(deliveries, costs, strict=True)]
    assert _line(run, "gross_profit")[:3] == pytest.approx(expected, rel=1e-12)


def test_sales_tax_is_the_launchs_own():
    """Xiaomi books its list prices net of 13 % VAT; Tesla's US prices carry no sales tax, so revenue is
    deliveries times price there, to the cent."""
    assert get_launch("xiaomi").tables.sales_tax == pytest.approx(0.13)
    assert get_launch("tesla_model3").tables.sales_tax == 0.0
    model3 = sim.simulate(sim.Params(launch="tesla_model3")).lines.xs("model3", level="line").loc["2018-01"]
    assert model3["revenue"] / model3["deliveries"] == pytest.approx(49000, rel=1e-12)  # the $49,000 step
    xiaomi = sim.simulate(sim.Params())
    su7 = xiaomi.lines.xs("su7", level="line").loc["2024-06"]
    assert su7["revenue"] / su7["deliveries"] == pytest.approx(sim.Params()["su7.price"] / 1.13, rel=1e-12)


def test_disabled_line_has_no_rows_and_adds_nothing():
    """A line that is not enabled is absent from run.lines and the totals are the enabled lines' sums."""
    run = _run()
    assert set(run.lines.index.get_level_values("line")) == {"su7"}
    assert run.total["orders"].to_numpy() == pytest.approx(_line(run, "orders"), rel=1e-12)
