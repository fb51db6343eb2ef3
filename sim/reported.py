"""The reported figures a launch is calibrated on and shown against, with their sources.

Copied from the project's shared data into each launch package (``sim/launches/<key>/*.csv``); each row keeps the
source it was taken from. Every function takes the launch's key (default Xiaomi).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from sim.registry import Launch, get_launch

BOUNDS = ("exact", "at_least", "estimate", "derived")


def _read(launch, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    path = get_launch(launch).tables.folder / name
    if not path.is_file():  # a launch without this table (e.g. no quarterly economics) has no such figures
        return pd.DataFrame({c: [] for c in columns})
    with path.open() as handle:
        return pd.read_csv(handle)


@lru_cache(maxsize=8)
def _reported(launch) -> pd.DataFrame:
    frame = _read(launch, "reported.csv", ("month", "line", "metric", "value", "bound", "source"))
    frame["month"] = pd.PeriodIndex(frame["month"].astype(str), freq="M")
    frame["value"] = frame["value"].astype(float)
    return frame[["month", "line", "metric", "value", "bound", "source"]]


def reported(launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """Reported figures: month (Period), line ('all' or a line key), metric, value, bound, source."""
    return _reported(launch).copy()


def whole_launch(frame: pd.DataFrame, launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """The rows of ``frame`` (reported figures) that count the whole launch: its ``all`` rows, and for a launch of
    one line (the Model 3) that line's rows, which are all of it. Families and single lines of a launch of several
    are left out."""
    lines = get_launch(launch).lines
    return frame[frame["line"].isin(["all", *lines] if len(lines) == 1 else ["all"])]


def targets(launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """Yearly delivery targets: year, value, kind ('company' or 'analysts'), as_of (Period), source."""
    frame = _read(launch, "targets.csv", ("year", "value", "kind", "as_of", "source"))
    frame["as_of"] = pd.PeriodIndex(frame["as_of"].astype(str), freq="M")
    frame["value"] = frame["value"].astype(float)
    return frame


def economics(launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """Quarterly gross margin and average selling price: quarter_end (Period), metric, value, source."""
    frame = _read(launch, "economics.csv", ("quarter_end", "metric", "value", "source"))
    frame["quarter_end"] = pd.PeriodIndex(frame["quarter_end"].astype(str), freq="M")
    frame["value"] = frame["value"].astype(float)
    return frame


def guidance(launch: str | Launch = "xiaomi") -> pd.DataFrame:
    """Company guidance and analysts' forecasts with their outcomes: stated, metric, value, by, outcome, source."""
    return _read(launch, "guidance.csv", ("stated", "metric", "value", "by", "outcome", "source"))
