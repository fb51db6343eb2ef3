"""Factory capacity: plants that ramp up from an initial to a peak rate; each line is built by its own plant.

A plant's ramp has one of two shapes, named in its launch's ``plants.csv`` (``ramp_shape``):

- ``smoothstep`` (the default): an S-curve from the initial to the peak rate over the ramp months, even in its
  steps. It suits a plant that starts at a sizeable rate (Xiaomi's Beijing plants).
- ``logistic``: the learning curve of a line that starts near zero and is freed one bottleneck after another, so
  output first grows geometrically (by the same factor each month) and then saturates at the peak, reaching 95 % of
  it after the ramp months. It suits a line that opens at a trickle and climbs through "production hell" (Tesla's
  Model 3 at Fremont, 2017-2018).

A plant's curve is a formula of the month, so it is computed past the run's horizon too: the wait a buyer is quoted
counts the capacity still to come, and the horizon never changes a month inside the run.
"""

from __future__ import annotations

import numpy as np

LOGISTIC_SHARE = 0.95  # the logistic ramp is at this share of peak after its ramp months
_LEAST_RATE = 1e-6  # cars/month: an initial rate of 0 read as this, so the logistic has a point to grow from


def smoothstep(x: np.ndarray) -> np.ndarray:
    """S(x) = 3x^2 - 2x^3 on [0, 1], 0 below and 1 above."""
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def smoothstep_ramp(since, initial, peak, ramp_months):
    """Capacity ``since`` months after the start along the S-curve (0 or more months; see :func:`plant_capacity`).

    Notes:
        initial + (peak - initial) * S(s / ramp_months); a ramp of 0 months runs at peak from the first month.
    """
    progress = np.where(ramp_months > 0, since / np.maximum(ramp_months, 1e-9), 1.0)
    return initial + (peak - initial) * smoothstep(progress)


def logistic_ramp(since, initial, peak, ramp_months):
    """Capacity ``since`` months after the start along the logistic learning curve (0 or more months).

    Notes:
        cap(s) = peak / (1 + A e^{-k s}), A = peak / initial - 1, k = ln(19 max(|A|, 1)) / ramp_months.

        So cap(0) = initial; while far below the peak, output grows by the factor e^k each month; and for an
        initial rate at most half the peak, cap(ramp_months) = peak / (1 + 1/19) = 95 % of peak exactly. Above
        half the peak (|A| < 1) the gap ratio (peak - cap) / cap shrinks 19-fold over the ramp instead, so the
        rate is past 95 % at its end and k never falls to 0; an initial rate above the peak decays to it the same
        way. An initial rate of 0 builds 0 in the first month and grows as if from 1e-6 cars a month (still 95 %
        of peak at the end of the ramp, now a nearly sharp step); a peak of 0 builds nothing after the first
        month; a ramp of 0 months runs at peak from the first month.
    """
    gap = peak / np.maximum(initial, _LEAST_RATE) - 1.0
    share = 1.0 / LOGISTIC_SHARE - 1.0  # 1/19: the gap ratio at the end of the ramp
    rate = np.log(np.maximum(np.abs(gap), 1.0) / share) / np.maximum(ramp_months, 1e-9)  # k, per month
    # 1 + A e^{-ks} >= min(1, 1 + A) > 0, except for a peak of 0 (A = -1): the floor keeps 0 / 0 out
    growing = peak / np.maximum(1.0 + gap * np.exp(-rate * np.maximum(since, 0.0)), 1e-12)
    return np.where(ramp_months > 0, np.where(since > 0, growing, initial), peak)


RAMP_SHAPES = {"smoothstep": smoothstep_ramp, "logistic": logistic_ramp}  # plants.csv's ramp_shape -> its curve


def plant_capacity(t, start, initial, peak, ramp_months, ramp_shape: str = "smoothstep"):
    """Cars a plant can build in month ``t``.

    Args:
        t: month indices; start: the plant's first month; initial, peak: cars a month in its first month and at
            full rate; ramp_months: length of the ramp (all arrays broadcast together).
        ramp_shape: a key of ``RAMP_SHAPES``, the same for every draw.

    Notes:
        0 before ``start``; then the ramp's curve of s = months since start (``smoothstep_ramp``,
        ``logistic_ramp``).
    """
    if ramp_shape not in RAMP_SHAPES:
        raise ValueError(f"Parameter 'ramp_shape' must be one of {', '.join(RAMP_SHAPES)}; got '{ramp_shape}'.")
    since = np.asarray(t, dtype=float) - np.asarray(start, dtype=float)  # as floats once, not cast in each step
    return np.where(since >= 0, RAMP_SHAPES[ramp_shape](since, initial, peak, ramp_months), 0.0)
