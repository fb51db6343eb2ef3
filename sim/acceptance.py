"""The acceptance bands of a launch's base calibration, checked on a run after the fit (they are not in its loss).

Each band is a row: what it checks, the model's value, the band and whether the run meets it. The calibration tests
and the fit report (``python -m tools.calibrate [launch]``, shown on the Model tab) read the same table. A launch
package states its bands as data in ``bands.csv`` (check, metric, period, reported, low, high: the model's
``metric`` over ``period`` must lie within [low, high] x reported); Xiaomi's bands, older and richer, are the code
below.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.model import Run
from sim.reported import economics
from sim.tables import FAMILIES

OFFICIAL_QUARTERS = {"2024Q2": 27307, "2024Q3": 39790, "2024Q4": 69697, "2025Q1": 75869, "2025Q2": 81302}
OFFICIAL_QUARTERS["2025Q3"] = 108796
LINE_MONTHS = (  # per-line CPCA months (family or line, month, reported)
    ("su7_family", "2025-07", 24410),
    ("su7_family", "2025-11", 12520),
    ("yu7", "2025-07", 6042),
    ("yu7", "2025-10", 33662),
    ("yu7", "2025-11", 33729),
)
CLIFF_SHARE = 0.5  # a month from 2025 on may not fall below half the month before unless a lever says why


def _row(check: str, model: float, low: float, high: float = np.inf) -> dict:
    return {"check": check, "model": float(model), "low": float(low), "high": float(high), "ok": low <= model <= high}


def _line_deliveries(run: Run, owner: str, month: str) -> float:
    keys = FAMILIES.get(owner, (owner,))
    frame = run.lines.xs(pd.Period(month, freq="M"), level="month")
    return float(frame.loc[frame.index.isin(keys), "deliveries"].sum())


def _quarter(frame: pd.DataFrame, quarter: str) -> pd.DataFrame:
    return frame[frame.index.asfreq("Q") == pd.Period(quarter, freq="Q")]


def acceptance(run: Run) -> pd.DataFrame:
    """Every acceptance band of the run's launch for ``run``: check, model, low, high, ok."""
    bands = run.params.package.tables.folder / "bands.csv"
    if bands.is_file():
        with bands.open() as handle:
            return _data_bands(run, pd.read_csv(handle, dtype={"period": str}))
    return _xiaomi(run)


def band_value(total: pd.DataFrame, metric: str, period: str) -> float:
    """The model's ``metric`` over ``period``: a flow summed over a year ('2018'), quarter ('2018Q1') or month, or a
    cumulative figure at the end of a month ('cum_reservations', 'net_reservations' = reservations - refunds)."""
    if metric == "net_reservations":
        return band_value(total, "cum_reservations", period) - band_value(total, "cum_refunds", period)
    if metric.startswith("cum_"):
        return float(total.loc[pd.Period(period, freq="M"), metric])
    freq = "Y" if len(period) == 4 else ("Q" if "Q" in period else "M")
    months = total.index.asfreq(freq) == pd.Period(period, freq=freq)
    return float(total.loc[months, metric].sum())


def _data_bands(run: Run, bands: pd.DataFrame) -> pd.DataFrame:
    rows = [
        _row(b.check, band_value(run.total, b.metric, b.period), b.reported * b.low, b.reported * b.high)
        for b in bands.itertuples()
    ]
    return pd.DataFrame(rows)


def _xiaomi(run: Run) -> pd.DataFrame:
    total, lines = run.total, run.lines
    rows = [_row("2024 deliveries within 5 % of 136,854", run.kpis["deliveries_2024"], 136854 * 0.95, 136854 * 1.05)]
    for quarter, official in OFFICIAL_QUARTERS.items():
        value = _quarter(total, quarter)["deliveries"].sum()
        rows.append(_row(f"{quarter} deliveries within 10 % of {official:,}", value, official * 0.9, official * 1.1))
    rows.append(_row("2025 deliveries between 410,000 and 435,000", run.kpis["deliveries_2025"], 410000, 435000))
    for owner, month, reported in LINE_MONTHS:
        value = _line_deliveries(run, owner, month)
        rows.append(_row(f"{owner} {month} within 25 % of {reported:,}", value, reported * 0.75, reported * 1.25))
    su7 = lines.xs("su7", level="line")
    rows.append(_row("SU7 locked orders by 2024-12 at least 248,000", su7.loc["2024-12", "cum_orders"], 248000))
    for month in ("2024-04", "2024-05", "2024-06"):
        rows.append(_row(f"SU7 wait {month} between 5 and 9 months", su7.loc[month, "wait_months"], 5, 9))
    ultra = lines.xs("ultra", level="line")
    rows.append(_row("Ultra reservations 2024-10 at least 3,600", ultra.loc["2024-10", "reservations"], 3600))
    rows.append(_row("Ultra deliveries before 2025-03 (none)", ultra.loc[:"2025-02", "deliveries"].sum(), 0, 0))
    money = _quarterly_money(total)
    for r in economics().itertuples():
        quarter = str(r.quarter_end.asfreq("Q"))
        if quarter not in money.index:
            continue
        if r.metric == "gross_margin":
            rows.append(_row(f"{quarter} gross margin within 3 points of {r.value:.1%}",
                             money.loc[quarter, "margin"], r.value - 0.03, r.value + 0.03))  # fmt: skip
        else:
            rows.append(_row(f"{quarter} selling price within 7 % of RMB {r.value:,.0f}",
                             money.loc[quarter, "price"], r.value * 0.93, r.value * 1.07))  # fmt: skip
    if pd.Period("2026-01", freq="M") in total.index:
        rows.append(_row("2026-01 deliveries at least 39,000", total.loc["2026-01", "deliveries"], 39000))
    deliveries = total.loc["2025-01":, "deliveries"]
    ratio = (deliveries / deliveries.shift(1)).iloc[1:]
    rows.append(_row("no month from 2025 on below half the month before", ratio.min() if len(ratio) else 1.0,
                     CLIFF_SHARE))  # fmt: skip
    return pd.DataFrame(rows)


def _quarterly_money(total: pd.DataFrame) -> pd.DataFrame:
    by_quarter = total[["revenue", "gross_profit", "deliveries"]].groupby(total.index.asfreq("Q")).sum()
    by_quarter.index = by_quarter.index.astype(str)
    return pd.DataFrame(
        {
            "margin": by_quarter["gross_profit"] / by_quarter["revenue"].where(by_quarter["revenue"] > 0),
            "price": by_quarter["revenue"] / by_quarter["deliveries"].where(by_quarter["deliveries"] > 0),
        }
    )
