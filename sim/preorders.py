"""Reservation cohorts converting into locked orders or refunds.

Each month's reservations form a cohort that decides ``lock_lag_months`` later, but never before launch. A higher
deposit commits the cohort (the lock share rises towards 1), and a price that moved since the cohort reserved
changes its mind by the same elasticity as demand. Cohorts still undecided are the pending reservations.
"""

from __future__ import annotations

import numpy as np

from sim.running import running_total


def lock_share(conversion, deterred, price, shown, price_elasticity):
    """Probability a cohort locks: c = 1 - (1 - conversion) * deterrence, scaled by the price move, at most 1.

    Notes:
        c' = min(1, c * (price / price_at_reservation) ** -price_elasticity).
    """
    committed = 1.0 - (1.0 - conversion) * deterred
    return np.minimum(1.0, committed * (price / shown) ** (-price_elasticity))


def decision_month(t, launch, lock_lag_months):
    """Month each cohort decides, as an integer index: max(t + lock lag, launch)."""
    return np.maximum(t + np.rint(lock_lag_months).astype(np.int64), launch)


def settle(reservations, locks, decides):
    """Move each cohort to its decision month.

    Args:
        reservations: (draws, lines, months) new reservations per month.
        locks: same shape, the share of each cohort that locks.
        decides: same shape, integer decision month of each cohort (may lie past the horizon).

    Returns:
        orders, refunds, pending: (draws, lines, months); cohorts deciding after the horizon stay pending.
    """
    n_months = reservations.shape[-1]
    rows = np.arange(reservations.shape[0] * reservations.shape[1]).reshape(reservations.shape[:2] + (1,))
    size = reservations.size
    # each cohort's slot in the flat result; those deciding past the horizon share one more slot, dropped after
    slots = np.where(decides < n_months, rows * n_months + decides, size).ravel()

    def scatter(weights):
        return np.bincount(slots, weights=weights.ravel(), minlength=size + 1)[:size].reshape(reservations.shape)

    orders = scatter(reservations * locks)
    refunds = scatter(reservations * (1.0 - locks))
    decided = scatter(reservations)
    pending = running_total(reservations) - running_total(decided)
    return orders, refunds, np.maximum(pending, 0.0)
