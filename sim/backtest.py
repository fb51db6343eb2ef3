"""Backtest: fit on the figures known at a cutoff month, then compare the forecast with what was reported after.

To be honest about what was known, the fitted parameters start from their priors (``sim.params.PRIORS``), not
from the base calibration, which saw the later figures; every other parameter is the scenario's own.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sim.calendar import month_index
from sim.calibrate import FIT_BOXES, fit
from sim.model import simulate
from sim.params import PRIORS, Params
from sim.reported import reported

POINT_BOUNDS = ("exact", "estimate", "derived")


@dataclass(frozen=True)
class Backtest:
    """A fit at ``cutoff`` and its forecast against the reported figures after it.

    Attributes:
        cutoff: last month of data the fit saw ('YYYY-MM').
        fitted: the fitted scenario.
        monthly: one row per reported monthly all-lines delivery figure after the cutoff: month, reported, bound,
            forecast, error (forecast - reported), error_pct, source.
        quarterly: the same for the official quarterly totals of quarters that start after the cutoff.
        forecast: the fitted run's monthly total deliveries (at least through 2025-12), indexed by month.
    """

    cutoff: str
    fitted: Params
    monthly: pd.DataFrame
    quarterly: pd.DataFrame
    forecast: pd.Series

    @property
    def mape(self) -> float:
        """Mean absolute percentage error over the monthly point figures (exact, estimate, derived)."""
        points = self.monthly[self.monthly["bound"].isin(POINT_BOUNDS)]
        return float(points["error_pct"].abs().mean()) if len(points) else float("nan")

    @property
    def total_error_pct(self) -> float:
        """Error of the forecast's sum over the quarters after the cutoff, against the official sum."""
        if self.quarterly.empty:
            return float("nan")
        return float(self.quarterly["forecast"].sum() / self.quarterly["reported"].sum() - 1.0)


def backtest(p: Params, cutoff: str = "2024-10", *, seed: int = 0) -> Backtest:
    """Fit ``p`` on the figures up to ``cutoff`` (fitted parameters reset to their priors first) and score it."""
    start = p.with_values({name: PRIORS[name] for name in FIT_BOXES})
    fitted = fit(start, cutoff=cutoff, seed=seed)
    horizon = fitted.with_values({"end": max(fitted["end"], "2025-12")})
    total = simulate(horizon).total
    figures = reported()
    after = figures[(figures["line"] == "all") & (figures["month"] > pd.Period(cutoff, freq="M"))]
    after = after[after["month"] <= total.index[-1]]

    monthly = after[after["metric"] == "deliveries"].copy()
    monthly["forecast"] = total.loc[monthly["month"], "deliveries"].to_numpy()
    quarterly = after[after["metric"] == "deliveries_quarter"].copy()
    quarterly = quarterly[[month_index(m) - 2 > month_index(cutoff) for m in quarterly["month"]]]
    quarterly["forecast"] = [total.loc[m - 2 : m, "deliveries"].sum() for m in quarterly["month"]]
    return Backtest(
        cutoff=cutoff,
        fitted=fitted,
        monthly=_scored(monthly),
        quarterly=_scored(quarterly),
        forecast=total["deliveries"],
    )


def _scored(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.rename(columns={"value": "reported"})
    frame["error"] = frame["forecast"] - frame["reported"]
    frame["error_pct"] = frame["error"] / frame["reported"]
    return frame[["month", "reported", "bound", "forecast", "error", "error_pct", "source"]].reset_index(drop=True)
