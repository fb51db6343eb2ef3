"""The reported figures the model is calibrated on and shown against, with their sources.

Copied from the project's shared data (``sim/data/*.csv``); each row keeps the source it was taken from.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

BOUNDS = ("exact", "at_least", "estimate", "derived")


def _read(name: str) -> pd.DataFrame:
    with (resources.files("sim") / "data" / name).open() as handle:
        return pd.read_csv(handle)


@lru_cache(maxsize=1)
def _reported() -> pd.DataFrame:
    frame = _read("reported.csv")
    frame["month"] = pd.PeriodIndex(frame["month"], freq="M")
    frame["value"] = frame["value"].astype(float)
    return frame[["month", "line", "metric", "value", "bound", "source"]]


def reported() -> pd.DataFrame:
    """Reported figures: month (Period), line ('all' or a line key), metric, value, bound, source."""
    return _reported().copy()


def targets() -> pd.DataFrame:
    """Yearly delivery targets: year, value, kind ('company' or 'analysts'), as_of (Period), source."""
    frame = _read("targets.csv")
    frame["as_of"] = pd.PeriodIndex(frame["as_of"], freq="M")
    frame["value"] = frame["value"].astype(float)
    return frame


def economics() -> pd.DataFrame:
    """Quarterly gross margin and average selling price: quarter_end (Period), metric, value, source."""
    frame = _read("economics.csv")
    frame["quarter_end"] = pd.PeriodIndex(frame["quarter_end"], freq="M")
    return frame
