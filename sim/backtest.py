"""Backtest: fit on the figures known at a cutoff month, then compare the forecast with what was reported after.

To be honest about what was known, the fitted parameters start from their priors (``sim.registry.PRIORS``), not
from the base calibration, which saw the later figures, and every fact learned after the cutoff is replaced by what
was public then (the launch package's ``backtest_priors.csv``: each value with the month it was public and its
source). Scores
count every figure after the cutoff: point figures by their error, 'at least' figures by how far the forecast falls
short of them (zero when it clears them).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.calendar import month_index
from sim.calibrate import fit
from sim.model import simulate
from sim.params import Params
from sim.registry import Launch, get_launch
from sim.reported import guidance as reported_guidance
from sim.reported import reported, whole_launch

POINT_BOUNDS = ("exact", "estimate", "derived")
SEEDS = (0, 1, 2, 3, 4)  # the seeds the page and the tests show the spread over
RESTARTS = 2  # searches from random points besides the priors: one search alone can settle in a poor basin


def known_priors(cutoff: str, launch: str | Launch = "xiaomi") -> list[dict[str, str]]:
    """The backtest's priors of ``launch`` public by ``cutoff``: name, value, as_of, source."""
    path = get_launch(launch).tables.folder / "backtest_priors.csv"
    if not path.is_file():
        return []
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if month_index(r["as_of"]) <= month_index(cutoff)]


def _value(name: str, text: str, launch: Launch):
    kind = launch.parameters[name].kind
    return {"bool": lambda t: t == "true", "month": str, "int": lambda t: int(float(t)), "float": float}[kind](text)


@dataclass(frozen=True)
class Backtest:
    """A fit at ``cutoff`` and its forecast against the reported figures after it.

    Attributes:
        cutoff: last month of data the fit saw ('YYYY-MM'); seed: the search's seed.
        fitted: the fitted scenario.
        monthly: one row per reported monthly all-lines delivery figure after the cutoff: month, reported, bound,
            forecast, error (forecast - reported; for an 'at least' figure only a shortfall counts), error_pct,
            source.
        quarterly: the same for the official quarterly totals of quarters that start after the cutoff.
        yearly: the same for the reported yearly totals of years that start after the cutoff.
        forecast: the fitted run's monthly total deliveries (at least through the launch's forecast end: Xiaomi
            2025-12, the last reported month otherwise), indexed by month.
    """

    cutoff: str
    seed: int
    fitted: Params
    monthly: pd.DataFrame
    quarterly: pd.DataFrame
    forecast: pd.Series
    yearly: pd.DataFrame | None = None

    @property
    def mape(self) -> float:
        """Mean absolute percentage error over every monthly figure ('at least' ones by their shortfall)."""
        return float(self.monthly["error_pct"].abs().mean()) if len(self.monthly) else float("nan")

    @property
    def total_error_pct(self) -> float:
        """Error of the forecast's sum over the quarters after the cutoff, against the official sum."""
        if self.quarterly.empty:
            return float("nan")
        return float(self.quarterly["forecast"].sum() / self.quarterly["reported"].sum() - 1.0)


def backtest(p: Params, cutoff: str = "2024-10", *, seed: int = 0) -> Backtest:
    """Fit ``p`` on the figures up to ``cutoff`` (from the priors and the facts public then) and score it."""
    launch = p.package.as_of(cutoff)  # no price step announced after the cutoff
    known = {r["name"]: _value(r["name"], r["value"], launch) for r in known_priors(cutoff, launch)}
    start = Params({**p.values(), **{n: launch.priors[n] for n in launch.tables.fit_boxes}, **known}, launch=launch)
    fitted = fit(start, cutoff=cutoff, seed=seed, restarts=RESTARTS)
    horizon = fitted.with_values({"end": max(fitted["end"], _forecast_end(launch))})
    total = simulate(horizon).total
    figures = whole_launch(reported(launch), launch)
    after = figures[figures["month"] > pd.Period(cutoff, freq="M")]
    after = after[after["month"] <= total.index[-1]]

    monthly = after[after["metric"] == "deliveries"].copy()
    monthly["forecast"] = total.loc[monthly["month"], "deliveries"].to_numpy()
    quarterly = after[after["metric"] == "deliveries_quarter"].copy()
    quarterly = quarterly[np.array([month_index(m) - 2 > month_index(cutoff) for m in quarterly["month"]], dtype=bool)]
    quarterly["forecast"] = [total.loc[m - 2 : m, "deliveries"].sum() for m in quarterly["month"]]
    yearly = after[after["metric"] == "deliveries_year"].copy()
    yearly = yearly[np.array([month_index(f"{m.year}-01") > month_index(cutoff) for m in yearly["month"]], dtype=bool)]
    yearly["forecast"] = [total.loc[f"{m.year}-01" : f"{m.year}-12", "deliveries"].sum() for m in yearly["month"]]
    return Backtest(
        cutoff=cutoff,
        seed=seed,
        fitted=fitted,
        monthly=_scored(monthly),
        quarterly=_scored(quarterly),
        yearly=_scored(yearly),
        forecast=total["deliveries"],
    )


def _forecast_end(launch: Launch) -> str:
    return "2025-12" if launch.key == "xiaomi" else str(reported(launch)["month"].max())


def _scored(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.rename(columns={"value": "reported"})
    error = frame["forecast"] - frame["reported"]
    frame["error"] = error.where(frame["bound"] != "at_least", error.clip(upper=0.0))  # clearing 'at least' is no error
    frame["error_pct"] = frame["error"] / frame["reported"]
    return frame[["month", "reported", "bound", "forecast", "error", "error_pct", "source"]].reset_index(drop=True)


def spread(p: Params, cutoff: str = "2024-10", seeds=SEEDS) -> pd.DataFrame:
    """The backtest over several seeds: seed, error over the later quarters, monthly MAPE."""
    rows = []
    for seed in seeds:
        result = backtest(p, cutoff, seed=seed)
        rows.append({"seed": seed, "total_error_pct": result.total_error_pct, "mape": result.mape})
    return pd.DataFrame(rows)


def _first_number(text: str) -> float:
    match = re.search(r"[0-9][0-9,]*", str(text))
    return float(match.group(0).replace(",", "")) if match else float("nan")


def against_analysts(result: Backtest) -> pd.DataFrame:
    """The backtest's forecast of each year after its cutoff beside the analysts' delivery forecasts (guidance.csv).

    Returns one row per forecast: who, stated (month the forecast was made), period, forecast, reported, error_pct
    (forecast / reported - 1) and source. The analysts' outcomes are the reported figures their rows cite.
    """
    rows = [
        {
            "who": f"model, fitted on the figures to {result.cutoff} (seed {result.seed})",
            "stated": result.cutoff,
            "period": str(r.month.year),
            "forecast": r.forecast,
            "reported": r.reported,
            "source": r.source,
        }
        for r in (result.yearly if result.yearly is not None else pd.DataFrame()).itertuples()
    ]
    guidance = reported_guidance(result.fitted.package)
    for g in guidance[guidance["metric"].isin(["year_deliveries", "quarter_deliveries"])].itertuples():
        by = pd.Period(g.by, freq="M")
        period = str(by.year) if g.metric == "year_deliveries" else str(by.asfreq("Q"))
        who = g.source.split(",")[0]
        rows.append({"who": who, "stated": g.stated, "period": period, "forecast": float(g.value),
                     "reported": _first_number(g.outcome), "source": g.source})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["who", "stated", "period", "forecast", "reported", "source"])
    frame.insert(5, "error_pct", frame["forecast"] / frame["reported"] - 1.0)
    return frame
