"""Interest (Bass diffusion on a growing market) and reservations (deterred by the deposit).

Each line draws on a market of ``market_size`` buyers (at price parity with its rival) along the Bass (1969) curve:
innovators (``bass_p``) come on their own, imitators (``bass_q``) follow earlier buyers. The market itself grows by
``market_growth`` a year while the line is on sale (Mahajan & Peterson's dynamic-potential Bass model), so demand
settles at the market's growth instead of dying out once the first buyers are served. The price shown scales the
market by a constant elasticity; the deposit, as a share of that price, turns casual interest away, and a refundable
deposit weighs only ``refundable_weight`` as much as one the buyer can lose.
"""

from __future__ import annotations

import numpy as np

from sim.masked import exp_or_one


def bass_cdf(tau: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Cumulative share of the market adopted ``tau`` months after launch.

    Notes:
        F(tau) = (1 - exp(-(p+q) tau)) / (1 + (q/p) exp(-(p+q) tau)), F(0) = 0, F -> 1; requires p > 0.
    """
    decay = exp_or_one(-(p + q) * tau)
    return (1.0 - decay) / (1.0 + (q / p) * decay)


def market_at(shown, competitor_price, market_size, price_elasticity):
    """Buyers over the whole diffusion at the price shown: M_eff = market_size * (shown / competitor_price) ** -e."""
    return market_size * (shown / competitor_price) ** (-price_elasticity)


def interest(t, *, opens, end_of_sale, enabled, market, bass_p, bass_q, market_growth):
    """New interested buyers per month: the increments of a growing market times the Bass curve.

    ``t`` holds consecutive months along its last axis; ``market`` is M_eff of each month (:func:`market_at`).

    Notes:
        tau = t - reservations_open; M(tau) = M_eff * (1 + market_growth) ** (tau / 12);
        interest(t) = M(tau+1) F(tau+1) - M(tau) F(tau), M_eff = market_size * (shown / competitor_price) **
        -price_elasticity; zero before reservations open and after the end of sale. With market_growth >= 0 each
        increment is >= 0, and once F is near 1 it tends to M(tau) * ln(1 + market_growth) / 12 a month.
    """
    log_growth = np.log1p(market_growth) / 12.0  # of a month: (1 + g) ** (tau / 12) = exp(tau * log_growth)
    # (1 + g) ** (tau / 12) F(tau) at the start of every month and of the month after the last, so that each month's
    # increment reads the curve computed once (months before reservations open read 0 and are never on sale)
    tau = np.maximum(np.concatenate([t, t[..., -1:] + 1], axis=-1) - opens, 0).astype(float)
    adopted = exp_or_one(tau * log_growth) * bass_cdf(tau, bass_p, bass_q)  # exp, not a power of every month
    increment = adopted[..., 1:] - adopted[..., :-1]
    on_sale = (t >= opens) & (t <= end_of_sale) & enabled
    return np.where(on_sale, market * increment, 0.0)


def deposit_weight(deposit_refundable, refundable_weight):
    """How much the deposit counts: 1 for a deposit the buyer can lose, ``refundable_weight`` for a refundable one."""
    return np.where(deposit_refundable, refundable_weight, 1.0)


def deterrence(deposit, shown, deposit_sensitivity, weight):
    """Share of interested buyers the deposit does not turn away: exp(-sensitivity * weight * deposit / price)."""
    return np.exp(-deposit_sensitivity * weight * deposit / shown)
