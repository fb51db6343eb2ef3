"""Factory capacity: plants that ramp up along a smooth S-curve; each line is built by its own plant.

A plant's curve is a formula of the month, so it is computed past the run's horizon too: the wait a buyer is quoted
counts the capacity still to come, and the horizon never changes a month inside the run.
"""

from __future__ import annotations

import numpy as np


def smoothstep(x: np.ndarray) -> np.ndarray:
    """S(x) = 3x^2 - 2x^3 on [0, 1], 0 below and 1 above."""
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def plant_capacity(t, start, initial, peak, ramp_months):
    """Cars a plant can build in month ``t``.

    Notes:
        0 before ``start``; then initial + (peak - initial) * S(s / ramp_months), s = months since start
        (a ramp of 0 months runs at peak from the first month).
    """
    since = t - start
    progress = np.where(ramp_months > 0, since / np.maximum(ramp_months, 1e-9), 1.0)
    return np.where(since >= 0, initial + (peak - initial) * smoothstep(progress), 0.0)
