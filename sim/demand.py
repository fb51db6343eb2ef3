"""Interest (Bass diffusion) and reservations (deterred by the deposit).

Each line draws from a pool of ``market_size`` buyers (at price parity with its rival) along the Bass (1969)
curve: innovators (``bass_p``) come on their own, imitators (``bass_q``) follow earlier buyers. The price shown
scales the pool by a constant elasticity; the deposit, as a share of that price, turns casual interest away.
"""

from __future__ import annotations

import numpy as np


def bass_cdf(tau: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Cumulative share of the market adopted ``tau`` months after launch.

    Notes:
        F(tau) = (1 - exp(-(p+q) tau)) / (1 + (q/p) exp(-(p+q) tau)), F(0) = 0, F -> 1; requires p > 0.
    """
    decay = np.exp(-(p + q) * tau)
    return (1.0 - decay) / (1.0 + (q / p) * decay)


def shown_price(t: np.ndarray, launch: np.ndarray, price: np.ndarray, presale_price: np.ndarray) -> np.ndarray:
    """Price a buyer sees in month ``t``: the pre-sale price before launch, the price from launch on."""
    return np.where(t < launch, presale_price, price)


def interest(t, opens, enabled, shown, competitor_price, market_size, bass_p, bass_q, price_elasticity):
    """New interested buyers per month (Bass increments of the price-adjusted market).

    Notes:
        interest(t) = M_eff(t) * (F(tau+1) - F(tau)), tau = t - reservations_open,
        M_eff = market_size * (shown / competitor_price) ** -price_elasticity; zero before reservations open.
    """
    tau = np.maximum(t - opens, 0).astype(float)
    market = market_size * (shown / competitor_price) ** (-price_elasticity)
    increment = bass_cdf(tau + 1.0, bass_p, bass_q) - bass_cdf(tau, bass_p, bass_q)
    return np.where((t >= opens) & enabled, market * increment, 0.0)


def deterrence(deposit, shown, deposit_sensitivity):
    """Share of interested buyers the deposit does not turn away: exp(-sensitivity * deposit / price)."""
    return np.exp(-deposit_sensitivity * deposit / shown)
