"""Running totals month by month: np.cumsum's numbers to the last bit, in every layout and size."""

from __future__ import annotations

import numpy as np
import pytest

from sim.running import running_total


@pytest.mark.parametrize("shape", [(3, 4, 34), (1000, 4, 34), (600, 2), (2000, 1), (700, 3, 0)])
@pytest.mark.parametrize("month_major", [False, True])
def test_running_total_is_cumsum_bit_for_bit(shape, month_major):
    """The month-by-month loop (many rows) and np.cumsum (few) both give np.cumsum's bits, months contiguous or not."""
    rng = np.random.default_rng(len(shape))
    values = rng.lognormal(size=shape) * 10.0 ** rng.integers(-3, 6, size=shape)
    if month_major:  # the order book's layout: months the outer axis in memory
        values = np.moveaxis(np.ascontiguousarray(np.moveaxis(values, -1, 0)), 0, -1)
    got = running_total(values)
    assert got.shape == values.shape
    np.testing.assert_array_equal(got.view(np.int64), np.cumsum(values, axis=-1).view(np.int64))
