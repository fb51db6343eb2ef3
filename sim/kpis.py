"""Headline figures of a run, computed for every draw at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import MAX_WAIT_MONTHS
from sim.running import running_total

TIMING_KPIS = ("month_100k",)  # KPIs that are months; stored as month indices (-1 = never) in the arrays
YEARS = (2024, 2025, 2026)  # Xiaomi's KPI years; a launch's are ``Launch.kpi_years``


def kpi_names(years: tuple[int, ...] = YEARS) -> tuple[str, ...]:
    """Every KPI, in the order :func:`kpi_arrays` returns them for a launch whose KPI years are ``years``.

    A launch reports deliveries in each of its three first years of deliveries, and revenue and margin in the
    second (its first full year): Xiaomi 2024-2026 and 2025, the Model 3 2017-2019 and 2018.
    """
    return (
        *(f"deliveries_{y}" for y in years),
        "month_100k",
        "peak_backlog",
        "max_wait_months",
        "reservations_total",
        "orders_total",
        "cancellations_total",
        "refunds_total",
        "revenue_total",
        "deliveries_total",
        "gross_profit_total",
        "gross_margin",
        f"revenue_{years[1]}",
        f"gross_margin_{years[1]}",
        "peak_deposits_held",
    )


KPI_NAMES = kpi_names()  # Xiaomi's (a test holds them to kpi_arrays)


TOTALLED = (
    "deliveries",
    "reservations",
    "orders",
    "cancellations",
    "refunds",
    "revenue",
    "gross_profit",
    "backlog",
    "deposits_held",
)  # the monthly totals (all lines) the KPIs read, with the book-weighted wait


def line_total(values: np.ndarray) -> np.ndarray:
    """(draws, months) sum over the lines of (draws, lines, months) ``values``, line by line in order.

    The same numbers, laid out the same way, as ``values.sum(axis=1)``, which takes several times longer on the
    order book's month-major arrays.
    """
    total = values[:, 0].copy(order="K")
    for line in range(1, values.shape[1]):
        total += values[:, line]
    return total


def line_totals(arrays: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The monthly totals of ``TOTALLED`` and the book-weighted ``wait_months``, each (draws, months)."""
    totals = {k: line_total(arrays[k]) for k in TOTALLED}
    totals["wait_months"] = total_wait(arrays)
    return totals


def kpi_arrays(
    arrays: Mapping[str, np.ndarray],
    months: pd.PeriodIndex,
    years: tuple[int, ...] = YEARS,
    totals: Mapping[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Every KPI as a (draws,) array for a launch whose KPI years are ``years`` (see :func:`kpi_names`).

    ``month_100k`` is a month index, -1 where never reached. ``totals``: the run's :func:`line_totals`, if at hand.
    """
    total = line_totals(arrays) if totals is None else totals
    first = months[0]  # the year of each month by arithmetic: PeriodIndex.year takes ~30 us
    year_of = first.year + (first.month - 1 + np.arange(len(months))) // 12
    kpis = {f"deliveries_{y}": total["deliveries"][:, year_of == y].sum(axis=1) for y in years}
    cum = running_total(total["deliveries"])
    reached = cum >= 100_000
    kpis["month_100k"] = np.where(reached.any(axis=1), reached.argmax(axis=1), -1)
    kpis["peak_backlog"] = total["backlog"].max(axis=1)
    kpis["max_wait_months"] = total["wait_months"].max(axis=1)
    for k in ("reservations", "orders", "cancellations", "refunds", "revenue"):
        kpis[f"{k}_total"] = total[k].sum(axis=1)
    kpis["deliveries_total"] = cum[:, -1]
    kpis["gross_profit_total"] = total["gross_profit"].sum(axis=1)
    kpis["gross_margin"] = _ratio(kpis["gross_profit_total"], kpis["revenue_total"])
    focus = years[1]
    in_focus = year_of == focus
    kpis[f"revenue_{focus}"] = total["revenue"][:, in_focus].sum(axis=1)
    kpis[f"gross_margin_{focus}"] = _ratio(total["gross_profit"][:, in_focus].sum(axis=1), kpis[f"revenue_{focus}"])
    kpis["peak_deposits_held"] = total["deposits_held"].max(axis=1)
    return kpis


def total_wait(arrays: Mapping[str, np.ndarray]) -> np.ndarray:
    """Book-weighted average of the lines' waits, (draws, months); 0 where no line has a book."""
    book = arrays["book"]
    weight = line_total(book)
    average = np.divide(line_total(arrays["wait_months"] * book), weight, out=np.zeros_like(weight), where=weight > 0)
    return np.minimum(average, MAX_WAIT_MONTHS)  # an average of capped waits, kept under the cap despite rounding


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)


def kpis_of_draw(kpis: Mapping[str, np.ndarray], draw: int, months: pd.PeriodIndex) -> dict[str, Any]:
    """The KPIs of one draw as plain Python values; ``month_100k`` as 'YYYY-MM' or None."""
    out: dict[str, Any] = {k: float(v[draw]) for k, v in kpis.items() if k not in TIMING_KPIS}
    for k in TIMING_KPIS:
        index = int(kpis[k][draw])
        out[k] = str(months[index]) if index >= 0 else None
    return out
