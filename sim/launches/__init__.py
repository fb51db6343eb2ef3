"""Launch packages: one folder per launch (``xiaomi``, ``tesla_model3``), each its tables, figures and calibration.

A third launch is a new folder and nothing else: ``launch.json`` (label, currency, first month, default end, last
month, the fit's search boxes), ``lines.csv``, ``plants.csv``, ``lifecycle.csv`` and ``reported.csv``; optionally
``calibration.json``, ``bands.csv`` (its acceptance bands), ``targets.csv``, ``guidance.csv``, ``economics.csv`` and
``backtest_priors.csv``. ``LAUNCHES`` lists the packaged ones; :func:`load` reads any folder (e.g. a launch under
test), and ``sim.Params(launch=load(folder))`` runs it.
"""

from __future__ import annotations

from pathlib import Path

from sim.registry import LAUNCHES, Launch, build_launch, get_launch
from sim.tables import read_tables

__all__ = ["LAUNCHES", "Launch", "get", "load"]


def load(folder: str | Path, key: str | None = None) -> Launch:
    """The launch package in ``folder`` (its key defaults to the folder's name); raises on a missing table."""
    return build_launch(read_tables(Path(folder), key))


def get(key: str) -> Launch:
    """The packaged launch ``key`` (one of ``LAUNCHES``); raises ``ValueError`` for an unknown key."""
    return get_launch(key)
