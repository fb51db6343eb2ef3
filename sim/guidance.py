"""What a launch's maker and its analysts promised, and what happened: each promise against its reported outcome.

A launch's promises are its ``guidance.csv`` (stated month, who, metric, value, by month, outcome as reported and
its number where the source states one, source) and its ``targets.csv`` (yearly delivery goals and forecasts). An
outcome the source does not state as a number is read off the launch's reported figures (``reported.csv``):

- deliveries in a year: the reported year total, else the sum of that year's reported quarters;
- deliveries or production in a quarter: the reported quarter ending in the promise's month;
- production a month or a week: the average rate of the quarter holding the promise's month (quarter / 3 or / 13).

The outcome is NaN when nothing reported settles the promise yet (e.g. a goal for a year not over).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.registry import Launch, get_launch
from sim.reported import reported, targets, whole_launch

COLUMNS = ("stated", "who", "metric", "promised", "by", "outcome", "basis", "error", "as_reported", "source")
RATES = {  # a production-rate metric -> how many of it a quarter holds
    "monthly_production": 3.0,
    "weekly_production": 13.0,
}
BASES = ("stated", "reported", "quarter_average")  # where an outcome comes from: the source, a figure, a rate


def _figures(launch: Launch, metric: str) -> pd.Series:
    """The launch's reported ``metric`` by month, all lines together (a one-line launch reports its line)."""
    frame = whole_launch(reported(launch), launch)
    return frame[frame["metric"] == metric].groupby("month")["value"].sum()


def _quarter_end(month: pd.Period) -> pd.Period:
    return pd.Period(year=month.year, month=3 * ((month.month - 1) // 3 + 1), freq="M")


def outcome(launch: str | Launch, metric: str, by: pd.Period) -> float:
    """The reported outcome of a promise of ``metric`` due in month ``by`` (NaN when none settles it yet)."""
    launch = get_launch(launch)
    if metric == "year_deliveries":
        years = _figures(launch, "deliveries_year")
        if (at := years[years.index.year == by.year]).size:
            return float(at.iloc[-1])
        quarters = _figures(launch, "deliveries_quarter")
        in_year = quarters[quarters.index.year == by.year]
        return float(in_year.sum()) if in_year.size else np.nan
    kind = "deliveries_quarter" if metric == "quarter_deliveries" else "production_quarter"
    quarters = _figures(launch, kind)
    value = quarters.get(_quarter_end(by), np.nan)
    return float(value) / RATES.get(metric, 1.0)


def promises(launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """Every promise of ``launch`` with its outcome and error (outcome / promised - 1), in the order stated.

    Columns: stated and by (monthly Periods), who ('company' or 'analysts'), metric, promised, outcome, basis
    (one of ``BASES``: the source's number, a reported figure, or a quarter's average rate), error, as_reported
    (the outcome in the source's words, or ''), source.
    """
    launch = get_launch(launch)
    path = launch.tables.folder / "guidance.csv"
    rows = []
    if path.is_file():
        with path.open() as handle:
            guidance = pd.read_csv(handle, dtype=str)
        for row in guidance.itertuples():
            rows.append(
                {
                    "stated": pd.Period(row.stated, freq="M"),
                    "who": row.who,
                    "metric": row.metric,
                    "promised": float(row.value),
                    "by": pd.Period(row.by, freq="M"),
                    "as_reported": row.outcome,
                    "stated_outcome": float(row.outcome_value) if isinstance(row.outcome_value, str) else np.nan,
                    "source": row.source,
                }
            )
    for row in targets(launch).itertuples():
        rows.append(
            {
                "stated": row.as_of,
                "who": row.kind,
                "metric": "year_deliveries",
                "promised": float(row.value),
                "by": pd.Period(year=int(row.year), month=12, freq="M"),
                "as_reported": "",
                "stated_outcome": np.nan,
                "source": row.source,
            }
        )
    given = [c for c in COLUMNS if c not in ("outcome", "basis", "error")] + ["stated_outcome"]
    frame = pd.DataFrame(rows, columns=given).drop_duplicates(subset=["stated", "who", "metric", "promised", "by"])
    read = [outcome(launch, m, by) for m, by in zip(frame["metric"], frame["by"], strict=True)]
    stated = frame["stated_outcome"].notna()
    frame["outcome"] = frame["stated_outcome"].where(stated, read)
    rate = frame["metric"].isin(list(RATES))
    frame["basis"] = np.where(stated, "stated", np.where(rate, "quarter_average", "reported"))
    frame["error"] = frame["outcome"] / frame["promised"] - 1.0
    return frame.sort_values(["stated", "by"], kind="stable").reset_index(drop=True)[list(COLUMNS)]
