"""Months as the model counts them.

The run starts in 2024-03, the month SU7 orders opened (28 March 2024). Inside the model a month is an integer
index (0 = 2024-03); at the edges (parameters, links, tables) it is a 'YYYY-MM' string or a ``pandas.Period``.
"""

from __future__ import annotations

import re

import pandas as pd

FIRST_MONTH = "2024-03"
LAST_MONTH = "2030-12"
MAX_WAIT_MONTHS = 60  # waiting times are capped here, and capacity is looked ahead this far

_MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # ASCII digits only: \d would read '２０２５-０９' as 2025-09
_FIRST_YEAR, _FIRST_MON = 2024, 3


def parse_month(value: object) -> str:
    """Return ``value`` as a canonical 'YYYY-MM' string.

    Accepts 'YYYY-MM' strings in ASCII digits and monthly ``pandas.Period`` objects; raises ``ValueError``
    otherwise.
    """
    if isinstance(value, pd.Period):
        if value.freqstr not in ("M", "ME"):
            raise ValueError(f"expected a monthly period, got {value!r}")
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str):
        match = _MONTH_RE.match(value.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return value.strip()
    raise ValueError(f"expected a month written YYYY-MM, got {value!r}")


def month_index(month: str | pd.Period) -> int:
    """Months since 2024-03 (0 for 2024-03 itself; negative before it)."""
    year, mon = (int(part) for part in parse_month(month).split("-"))
    return (year - _FIRST_YEAR) * 12 + (mon - _FIRST_MON)


def month_label(index: int) -> str:
    """The 'YYYY-MM' name of month ``index`` (inverse of :func:`month_index`)."""
    total = _FIRST_YEAR * 12 + (_FIRST_MON - 1) + int(index)
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def month_range(end: str) -> pd.PeriodIndex:
    """The run's months, 2024-03 .. ``end`` inclusive, as a monthly PeriodIndex named 'month'."""
    return pd.period_range(FIRST_MONTH, parse_month(end), freq="M", name="month")
