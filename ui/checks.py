"""Checks in view: the stock-flow balances of the scenario on screen, each with its largest residual.

Per line and month, from the run's own tables:
- orders to date = deliveries to date + cancellations to date + order book;
- reservations to date = orders to date + refunds to date + reservations pending;
and for all lines together, deliveries never exceed the plants' capacity. A balance passes when its largest
residual is under half a car. Pure functions: no Streamlit here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import sim
from ui import display, i18n, launch

TOLERANCE = 0.5  # cars or people: a residual under half of one rounds to nothing on the page


def balances(run: sim.Run) -> pd.DataFrame:
    """One row per balance and line: check (catalogue key), line (key or 'all'), residual (largest), ok."""
    rows = []
    for line in [ln for ln in run.params.package.lines if ln in run.lines.index.unique("line")]:
        frame = run.lines.xs(line, level="line")
        orders = frame["cum_orders"] - frame["cum_deliveries"] - frame["cum_cancellations"] - frame["backlog"]
        reservations = frame["cum_reservations"] - frame["cum_orders"] - frame["cum_refunds"] - frame["pending"]
        for check, residual in (("checks.orders", orders), ("checks.reservations", reservations)):
            worst = float(np.abs(residual.to_numpy()).max())
            rows.append({"check": check, "line": line, "residual": worst, "ok": worst < TOLERANCE})
    excess = float(np.maximum(run.total["deliveries"] - run.total["capacity"], 0).max())
    rows.append({"check": "checks.capacity", "line": "all", "residual": excess, "ok": excess < TOLERANCE})
    return pd.DataFrame(rows, columns=["check", "line", "residual", "ok"])


def balances_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`balances` as the page shows it: the balance in words, the line, the residual and a pass mark."""
    labels = launch.line_labels()
    return pd.DataFrame(
        {
            i18n.t("checks.col.check"): table["check"].map(i18n.t),
            i18n.t("checks.col.line"): table["line"].map(lambda k: labels.get(k) or i18n.t("data.all_lines")),
            i18n.t("checks.col.residual"): table["residual"].map(lambda v: display.number(v, 6)),
            i18n.t("checks.col.ok"): table["ok"].map(lambda ok: "✓ " + i18n.t("checks.pass") if ok else "✗"),
        }
    )
