"""Running totals along the months axis, one whole month at a time.

``np.cumsum`` along the last axis adds element by element, row after row, and over the many short rows of a Monte
Carlo chunk ((draws, lines, months) arrays) it takes several times longer than one addition of whole months per
month. The sums are the same to the last bit: each running total adds its months in the same order either way.
Few rows (one run) keep ``np.cumsum``, which is then the faster.
"""

from __future__ import annotations

import numpy as np

_LOOP_FROM_ROWS = 512  # rows (e.g. draws x lines) from which the month-by-month loop beats np.cumsum, measured


def running_total(values: np.ndarray) -> np.ndarray:
    """``np.cumsum(values, axis=-1)`` of a float array, bit for bit; month by month when there are many rows.

    Returns:
        The running totals, of ``values``' shape; with many rows a view of a month-major array (months the outer
        axis in memory, as the order book lays its arrays out), which is also where whole months are added fastest.
    """
    n_months = values.shape[-1]
    if n_months < 2 or values.size < _LOOP_FROM_ROWS * n_months:
        return np.cumsum(values, axis=-1)
    by_month = np.moveaxis(values, -1, 0)
    out = np.empty(by_month.shape)
    out[0] = by_month[0]
    for t in range(1, n_months):
        np.add(out[t - 1], by_month[t], out=out[t])
    return np.moveaxis(out, 0, -1)
