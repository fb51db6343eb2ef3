"""Launches side by side: each launch's base run and its reported figures on a common clock.

The clock is months since the launch's first delivery month (0 = that month), so Xiaomi's SU7 (first deliveries
2024-04) and Tesla's Model 3 (2017-07) can be read against each other. Reported deliveries come as quarterly totals;
within a quarter they are spread evenly over its months (the cumulative curve is linear between quarter ends).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.model import simulate
from sim.params import Params
from sim.registry import LAUNCHES
from sim.reported import reported, whole_launch

LEVELS = (10_000, 50_000, 100_000)  # the delivery milestones compared


@dataclass(frozen=True)
class LaunchClock:
    """One launch on the common clock.

    Attributes:
        launch: its key; currency: the currency of its money columns.
        series: indexed by months since first delivery: month, deliveries, cum_deliveries, reservations,
            cum_reservations, order_book (locked orders not yet delivered), pending (reservations not yet ordered),
            wait_months (the wait quoted to a new buyer of the first line), reported_deliveries and
            reported_cum_deliveries (NaN where nothing is reported).
        milestones: one row per level: level, model (months to reach it), reported (months, None if not reached).
    """

    launch: str
    currency: str
    series: pd.DataFrame
    milestones: pd.DataFrame


def months_to(cumulative: pd.Series, level: float) -> int | None:
    """The first clock month whose cumulative value reaches ``level`` (None if it never does)."""
    reached = cumulative.to_numpy() >= level
    return int(cumulative.index[np.argmax(reached)]) if reached.any() else None


def _reported_monthly(launch: str, months: pd.PeriodIndex) -> pd.Series:
    figures = whole_launch(reported(launch), launch)
    quarters = figures[figures["metric"] == "deliveries_quarter"]
    monthly = pd.Series(np.nan, index=months)
    for row in quarters.groupby("month")["value"].sum().items():
        end, value = row
        for m in pd.period_range(end - 2, end, freq="M"):
            if m in monthly.index:
                monthly[m] = value / 3.0
    return monthly


def clock(p: Params) -> LaunchClock:
    """Scenario ``p`` (e.g. a launch's base) and its launch's reported deliveries on the common clock."""
    run = simulate(p)
    launch = p.package
    first_line = launch.lines[0]
    first = min(p.month(f"{ln}.deliveries_start") for ln in launch.lines if p[f"{ln}.enabled"])
    total = run.total.loc[first:]
    wait = run.lines.xs(first_line, level="line")["wait_months"].loc[first:]
    reported_monthly = _reported_monthly(p.package, total.index)
    reported_cum = reported_monthly.cumsum().where(reported_monthly.notna())
    series = pd.DataFrame(
        {
            "month": total.index.astype(str),
            "deliveries": total["deliveries"].to_numpy(),
            "cum_deliveries": total["cum_deliveries"].to_numpy(),
            "reservations": total["reservations"].to_numpy(),
            "cum_reservations": total["cum_reservations"].to_numpy(),
            "order_book": total["backlog"].to_numpy(),
            "pending": total["pending"].to_numpy(),
            "wait_months": wait.to_numpy(),
            "reported_deliveries": reported_monthly.to_numpy(),
            "reported_cum_deliveries": reported_cum.to_numpy(),
        },
        index=pd.RangeIndex(len(total), name="months_since_first_delivery"),
    )
    milestones = pd.DataFrame(
        [
            {
                "level": level,
                "model": months_to(series["cum_deliveries"], level),
                "reported": months_to(series["reported_cum_deliveries"].fillna(-1.0), level),
            }
            for level in LEVELS
        ]
    )
    return LaunchClock(p.launch, launch.currency, series, milestones)


def side_by_side(launches: tuple[str, ...] = LAUNCHES) -> dict[str, LaunchClock]:
    """Every launch's base run on the common clock, by launch key."""
    return {key: clock(Params.base(key)) for key in launches}
