"""``simulate``: the launch month by month, composed from the mechanisms in this package.

The core, :func:`simulate_arrays`, runs any number of scenarios ("draws") at once: every parameter is an array
with one value per draw, and every state is an array (draws, lines, months). ``simulate`` is the one-draw case
that wraps the arrays into DataFrames; Monte Carlo, sensitivity and fitting call the core directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import month_index, month_range
from sim.demand import deterrence, interest, shown_price
from sim.kpis import kpi_arrays, kpis_of_draw, total_wait
from sim.money import money_flows
from sim.orderbook import run_order_book
from sim.params import LINES, PARAMETERS, PLANTS, Params
from sim.preorders import decision_month, lock_share, settle
from sim.production import plant_capacity

FLOWS = (
    "interest",
    "reservations",
    "orders",
    "refunds",
    "cancellations",
    "deliveries",
    "revenue",
    "gross_profit",
    "forfeited_deposits",
)
STOCKS = ("backlog", "pending", "deposits_held")
CUMULATED = ("reservations", "orders", "deliveries", "cancellations", "refunds")
LINE_COLUMNS = FLOWS + STOCKS + ("wait_months",) + tuple(f"cum_{k}" for k in CUMULATED)
TOTAL_COLUMNS = ("capacity",) + LINE_COLUMNS


def batch_inputs(p: Params, draws: Mapping[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Every parameter as an array with one value per draw: ``p``'s value, or ``draws[name]`` where given.

    Months become integer indices (0 = 2024-03), booleans stay booleans, numbers become floats.
    """
    draws = dict(draws or {})
    n = max((np.size(v) for v in draws.values()), default=1)
    arrays = {}
    for name, spec in PARAMETERS.items():
        value = p[name]
        if spec.kind == "month":
            value = month_index(value)
        dtype = bool if spec.kind == "bool" else (int if spec.kind == "month" else float)
        arrays[name] = np.broadcast_to(np.asarray(draws.get(name, value), dtype=dtype), (n,))
    return arrays


def _per_line(x: Mapping[str, np.ndarray], field: str) -> np.ndarray:
    return np.stack([x[f"{line}.{field}"] for line in LINES], axis=1)[:, :, None]


def simulate_arrays(x: Mapping[str, np.ndarray], n_months: int) -> dict[str, np.ndarray]:
    """Run every draw in ``x`` (from :func:`batch_inputs`) for ``n_months`` months.

    Returns (draws, lines, months) arrays for every line column of the spec (without cumulative ones) plus
    ``book`` (the book each wait was read off), and ``capacity`` as (draws, months).
    """
    line = {
        f: _per_line(x, f)
        for f in (
            "enabled",
            "reservations_open",
            "launch",
            "deliveries_start",
            "price",
            "presale_price",
            "competitor_price",
            "market_size",
            "bass_p",
            "bass_q",
            "price_elasticity",
            "deposit",
            "deposit_refundable",
            "deposit_sensitivity",
            "conversion",
            "lock_lag_months",
            "unit_cost",
        )
    }
    t = np.arange(n_months)[None, None, :]
    shown = shown_price(t, line["launch"], line["price"], line["presale_price"])
    wanted = interest(
        t,
        line["reservations_open"],
        line["enabled"],
        shown,
        line["competitor_price"],
        line["market_size"],
        line["bass_p"],
        line["bass_q"],
        line["price_elasticity"],
    )
    deterred = deterrence(line["deposit"], shown, line["deposit_sensitivity"])
    reservations = wanted * deterred
    locks = lock_share(line["conversion"], deterred, line["price"], shown, line["price_elasticity"])
    decides = np.broadcast_to(decision_month(t, line["launch"], line["lock_lag_months"]), reservations.shape)
    orders, refunds, pending = settle(reservations, locks, decides)

    capacity = sum(
        plant_capacity(
            np.arange(n_months)[None, :],
            *(x[f"{plant}.{k}"][:, None] for k in ("start", "initial", "peak", "ramp_months")),
        )
        for plant in PLANTS
    )
    book = run_order_book(
        orders,
        capacity,
        line["deliveries_start"][:, :, 0],
        line["enabled"][:, :, 0],
        *(x[k][:, None] for k in ("patience_months", "cancel_base", "cancel_slope")),
    )
    money = money_flows(
        deliveries=book["deliveries"],
        refunds=refunds,
        cancellations=book["cancellations"],
        pending=pending,
        backlog=book["backlog"],
        price=line["price"],
        deposit=line["deposit"],
        deposit_refundable=line["deposit_refundable"],
        unit_cost=line["unit_cost"],
        learning_rate=x["learning_rate"][:, None, None],
    )
    return {
        "interest": wanted,
        "reservations": reservations,
        "orders": orders,
        "refunds": refunds,
        "pending": pending,
        "capacity": capacity,
        **book,
        **money,
    }


@dataclass(frozen=True, eq=False)
class Run:
    """One simulated scenario: its ``params``, the ``total`` and per-``lines`` monthly tables and the ``kpis``."""

    params: Params
    total: pd.DataFrame
    lines: pd.DataFrame
    kpis: dict[str, Any]


def _frames(arrays: Mapping[str, np.ndarray], months: pd.PeriodIndex, enabled: list[int]):
    keys = [LINES[i] for i in enabled]
    per_line = {k: arrays[k][0][enabled] for k in FLOWS + STOCKS + ("wait_months",)}  # (lines, months)
    per_line.update({f"cum_{k}": np.cumsum(per_line[k], axis=1) for k in CUMULATED})
    index = pd.MultiIndex.from_product([months, keys], names=["month", "line"])
    lines = pd.DataFrame({c: per_line[c].T.reshape(-1) for c in LINE_COLUMNS}, index=index)
    total = {k: v.sum(axis=0) for k, v in per_line.items()}
    total.update(capacity=arrays["capacity"][0], wait_months=total_wait(arrays)[0])
    return pd.DataFrame({c: total[c] for c in TOTAL_COLUMNS}, index=months), lines


def simulate(p: Params) -> Run:
    """Simulate scenario ``p`` month by month from 2024-03 to ``p['end']``.

    Args:
        p: the scenario; ``sim.Params()`` is the calibrated base.

    Returns:
        A :class:`Run` with ``total`` (by month), ``lines`` (by month and line, enabled lines only) and ``kpis``.
    """
    months = month_range(p["end"])
    arrays = simulate_arrays(batch_inputs(p), len(months))
    total, lines = _frames(arrays, months, [i for i, ln in enumerate(LINES) if p[f"{ln}.enabled"]])
    return Run(params=p, total=total, lines=lines, kpis=kpis_of_draw(kpi_arrays(arrays, months), 0, months))
