"""``simulate``: the launch month by month, composed from the mechanisms in this package.

The core, :func:`simulate_arrays`, runs any number of scenarios ("draws") at once: every parameter is an array
with one value per draw, and every state is an array (draws, lines, months). ``simulate`` is the one-draw case
that wraps the arrays into DataFrames; Monte Carlo, sensitivity and fitting call the core directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import LAST_MONTH, MAX_WAIT_MONTHS, month_index, month_range
from sim.demand import deposit_weight, deterrence, interest, shown_price
from sim.kpis import kpi_arrays, kpis_of_draw, total_wait
from sim.money import money_flows
from sim.orderbook import run_order_book
from sim.params import LINE_FIELDS, LINES, PARAMETERS, PLANTS, Params
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
AHEAD_MONTHS = month_index(LAST_MONTH) + MAX_WAIT_MONTHS + 2  # capacity is looked ahead past any quoting month


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
        if name in draws:
            arrays[name] = np.broadcast_to(np.asarray(draws[name], dtype=dtype), (n,))
        else:  # np.full is several times cheaper than broadcasting a scalar, and a run takes ~130 of them
            arrays[name] = np.full(n, value, dtype=dtype)
    return arrays


def _per_line(x: Mapping[str, np.ndarray], field: str) -> np.ndarray:
    return np.stack([x[f"{line}.{field}"] for line in LINES], axis=1)[:, :, None]


def _capacity(x: Mapping[str, np.ndarray]) -> np.ndarray:
    """(draws, plants, months) capacity from the run's first month to 61 months past the last allowed one."""
    t = np.arange(AHEAD_MONTHS)[None, :]
    return np.stack(
        [
            plant_capacity(t, **{k: x[f"{plant}.{k}"][:, None] for k in ("start", "initial", "peak", "ramp_months")})
            for plant in PLANTS
        ],
        axis=1,
    )


def simulate_arrays(x: Mapping[str, np.ndarray], n_months: int) -> dict[str, np.ndarray]:
    """Run every draw in ``x`` (from :func:`batch_inputs`) for ``n_months`` months.

    Returns (draws, lines, months) arrays for every line column of the spec (without cumulative ones) plus
    ``book`` (the book each wait was read off), ``capacity`` as (draws, months) and ``plant_capacity`` as
    (draws, plants, months). Month t of the result does not depend on ``n_months``.
    """
    line = {field: _per_line(x, field) for field in LINE_FIELDS}
    t = np.arange(n_months)[None, None, :]
    shown = shown_price(t, launch=line["launch"], price=line["price"], presale_price=line["presale_price"])
    wanted = interest(
        t,
        opens=line["reservations_open"],
        end_of_sale=line["end_of_sale"],
        enabled=line["enabled"],
        shown=shown,
        competitor_price=line["competitor_price"],
        market_size=line["market_size"],
        bass_p=line["bass_p"],
        bass_q=line["bass_q"],
        market_growth=line["market_growth"],
        price_elasticity=line["price_elasticity"],
    )
    weight = deposit_weight(
        deposit_refundable=line["deposit_refundable"], refundable_weight=x["refundable_weight"][:, None, None]
    )
    deterred = deterrence(
        deposit=line["deposit"], shown=shown, deposit_sensitivity=line["deposit_sensitivity"], weight=weight
    )
    reservations = wanted * deterred
    locks = lock_share(
        conversion=line["conversion"],
        deterred=deterred,
        price=line["price"],
        shown=shown,
        price_elasticity=line["price_elasticity"],
    )
    decides = decision_month(t, launch=line["launch"], lock_lag_months=line["lock_lag_months"])
    orders, refunds, pending = settle(reservations, locks=locks, decides=np.broadcast_to(decides, reservations.shape))

    capacity = _capacity(x)
    book = run_order_book(
        orders,
        capacity=capacity,
        plant_of=line["plant"][:, :, 0].astype(np.int64) - 1,
        deliveries_start=line["deliveries_start"][:, :, 0],
        enabled=line["enabled"][:, :, 0],
        **{k: x[k][:, None] for k in ("spill", "patience_months", "cancel_base", "cancel_slope")},
    )
    book["wait_months"] = np.where(t < line["reservations_open"], 0.0, book["wait_months"])  # nobody is quoted yet
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
        "plant_capacity": capacity[:, :, :n_months],
        "capacity": capacity[:, :, :n_months].sum(axis=1),
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


@lru_cache(maxsize=64)
def _line_index(end: pd.Period, keys: tuple[str, ...]) -> pd.MultiIndex:
    """The (month, line) index of a run to ``end`` with these lines (built once: pandas takes ms to factorise it)."""
    return pd.MultiIndex.from_product([month_range(str(end)), list(keys)], names=["month", "line"])


def _frames(arrays: Mapping[str, np.ndarray], months: pd.PeriodIndex, enabled: list[int]):
    keys = [LINES[i] for i in enabled]
    per_line = {k: arrays[k][0][enabled] for k in FLOWS + STOCKS + ("wait_months",)}  # (lines, months)
    per_line.update({f"cum_{k}": np.cumsum(per_line[k], axis=1) for k in CUMULATED})
    index = _line_index(months[-1], tuple(keys))
    block = np.stack([per_line[c] for c in LINE_COLUMNS], axis=-1)  # (lines, months, columns): one block, fast
    lines = pd.DataFrame(block.transpose(1, 0, 2).reshape(-1, len(LINE_COLUMNS)), index=index, columns=LINE_COLUMNS)
    lines["capacity_bound"] = arrays["capacity_bound"][0][enabled].T.reshape(-1)
    total = {k: v.sum(axis=0) for k, v in per_line.items()}
    total.update(capacity=arrays["capacity"][0], wait_months=total_wait(arrays)[0])
    return pd.DataFrame(
        np.stack([total[c] for c in TOTAL_COLUMNS], axis=-1), index=months, columns=TOTAL_COLUMNS
    ), lines


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
