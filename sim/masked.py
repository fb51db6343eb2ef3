"""exp and power taken only in the cells where they change something: 1 is exact there, and the numbers the same.

exp(0) = 1 and 1 ** y = 1 exactly. In a Monte Carlo chunk's (draws, lines, months) arrays a third to a half of the
cells are such (months before a line opens; a line's first 10,000 cars), and NumPy's masked loop skips them for
less than exp or pow costs there. On one run's small arrays the mask costs more than it saves: those take the
plain function.
"""

from __future__ import annotations

import numpy as np

MASK_FROM = 4096  # cells from which skipping the cells of 1 is the faster, measured


def exp_or_one(x):
    """``np.exp(x)``, skipping the cells where x is 0 (exp(0) = 1) in big arrays."""
    if np.size(x) < MASK_FROM:
        return np.exp(x)
    return np.exp(x, out=np.ones(np.shape(x)), where=x != 0.0)


def power_or_one(base: np.ndarray, exponent):
    """``base ** exponent``, skipping the cells where base is 1 (1 ** y = 1) in a big ``base`` of the result's shape."""
    if base.size < MASK_FROM or base.shape != np.broadcast_shapes(base.shape, np.shape(exponent)):
        return base**exponent
    return np.power(base, exponent, out=np.ones_like(base), where=base != 1.0)  # laid out like ``base``
