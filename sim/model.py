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

from sim.calendar import MAX_WAIT_MONTHS
from sim.demand import deposit_weight, deterrence, interest, market_at
from sim.kpis import kpi_arrays, kpis_of_draw, total_wait
from sim.lending import RECEIVER_FIELDS, Lending
from sim.money import money_flows
from sim.orderbook import Queue, run_order_book
from sim.params import Params
from sim.preorders import decision_month, lock_share, settle
from sim.production import plant_capacity
from sim.registry import XIAOMI, Launch

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
_MONTHLY = FLOWS + STOCKS + ("wait_months",)  # the line columns read off the core; the cumulative ones add up
_CUMULATED_ROWS = [_MONTHLY.index(k) for k in CUMULATED]
# The tables' column labels, built once: pandas takes ~0.1 ms to build an Index of strings.
_LINE_HEADER, _TOTAL_HEADER = pd.Index(LINE_COLUMNS), pd.Index(TOTAL_COLUMNS)


class Inputs(dict):
    """The arrays of :func:`batch_inputs`, name -> (draws,), that also know their ``launch``."""

    launch: Launch = XIAOMI


def batch_inputs(p: Params, draws: Mapping[str, np.ndarray] | None = None) -> Inputs:
    """Every parameter as an array with one value per draw: ``p``'s value, or ``draws[name]`` where given.

    Months become integer indices from the launch's first month (0 = 2024-03 for Xiaomi), booleans stay booleans,
    numbers become floats.
    """
    draws = dict(draws or {})
    n = max((np.size(v) for v in draws.values()), default=1)
    launch = p.package
    arrays = Inputs()
    arrays.launch = launch
    rows = {}
    for dtype, names in _names_by_dtype(launch).items():  # one block per dtype, a row per parameter: ~130 a run
        values = [launch.index(p[name]) if dtype is int else p[name] for name in names]
        block = np.empty((len(names), n), dtype=dtype)
        block[...] = np.asarray(values, dtype=dtype)[:, None]
        rows.update(zip(names, block, strict=True))
    for name in launch.parameters:
        if name in draws:
            arrays[name] = np.broadcast_to(np.asarray(draws[name], dtype=rows[name].dtype), (n,))
        else:
            arrays[name] = rows[name]
    return arrays


@lru_cache(maxsize=16)
def _names_by_dtype(launch: Launch) -> dict[type, tuple[str, ...]]:
    """The launch's parameters by the dtype of their arrays: bool, int (months as indices) or float."""
    by_dtype: dict[type, list[str]] = {bool: [], int: [], float: []}
    for name, spec in launch.parameters.items():
        by_dtype[bool if spec.kind == "bool" else (int if spec.kind == "month" else float)].append(name)
    return {dtype: tuple(names) for dtype, names in by_dtype.items()}


def _launch_of(x: Mapping[str, np.ndarray]) -> Launch:
    return getattr(x, "launch", XIAOMI)


def _per_line(x: Mapping[str, np.ndarray], field: str) -> np.ndarray:
    return np.stack([x[f"{line}.{field}"] for line in _launch_of(x).lines], axis=1)[:, :, None]


def _line_arrays(x: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every line field as a (draws, lines, 1) array, stacked one dtype at a time (one stack each, not one a field)."""
    launch = _launch_of(x)
    lines = launch.lines
    by_dtype: dict[np.dtype, list[str]] = {}
    for field in launch.line_fields:
        by_dtype.setdefault(x[f"{lines[0]}.{field}"].dtype, []).append(field)
    arrays = {}
    for fields in by_dtype.values():
        block = np.stack([x[f"{line}.{field}"] for field in fields for line in lines], axis=-1)
        block = block.reshape(block.shape[0], len(fields), len(lines))
        arrays.update((field, block[:, i, :, None]) for i, field in enumerate(fields))
    return arrays


def _capacity(x: Mapping[str, np.ndarray], n_months: int) -> np.ndarray:
    """(draws, plants, months) capacity from the run's first month on, as far as the order book reads it.

    That is 61 months past the last month a wait is quoted from: the run's last month or a line's first deliveries.
    """
    last_quote = max(n_months, int(np.max(_per_line(x, "deliveries_start"))) + 1)
    t = np.arange(last_quote + MAX_WAIT_MONTHS + 2)[None, :]
    plants = _launch_of(x).tables.plants
    return np.stack(
        [
            plant_capacity(
                t,
                **{k: x[f"{plant}.{k}"][:, None] for k in ("start", "initial", "peak", "ramp_months")},
                ramp_shape=row.ramp_shape,
            )
            for plant, row in plants.items()
        ],
        axis=1,
    )


def _lending(x: Mapping[str, np.ndarray], line, capacity: np.ndarray, n_months: int) -> Lending | None:
    """What the launch's lending plant (``lends_to`` in ``plants.csv``) may give, or None (``sim.lending``);
    ``line``: the line fields of :func:`_line_arrays`."""
    launch = _launch_of(x)
    plants = list(launch.tables.plants)
    if launch.tables.lending is None or not np.any(x[f"{launch.tables.lending[0]}.lend"] > 0):
        return None  # none lends: the order book skips it all
    lender, receiver = launch.tables.lending
    enabled, plant, opens = (line[f][:, :, 0] for f in ("enabled", "plant", "reservations_open"))
    plant_of = np.where(enabled, plant.astype(np.int64) - 1, -1)  # (draws, lines); -1: the line is off
    lend = x[f"{lender}.lend"] * (plant_of == plants.index(receiver)).any(axis=1)  # a receiver without lines: none
    return Lending.of(
        capacity,
        plants.index(lender),
        plants.index(receiver),
        lend=lend,
        plant={f: x[f"{receiver}.{f}"].astype(float) for f in RECEIVER_FIELDS},
        plant_of=plant_of,
        opens=opens,
        n_months=n_months,
    )


def _market(line: Mapping[str, np.ndarray], shown: np.ndarray) -> np.ndarray:
    """M_eff of every line at the price ``shown``."""
    return market_at(shown, line["competitor_price"], line["market_size"], line["price_elasticity"])


def _commitment(line: Mapping[str, np.ndarray], *, weight, shown, decided_price):
    """(share of interest the deposit does not deter, lock share) of cohorts shown the price ``shown``."""
    deterred = deterrence(
        deposit=line["deposit"], shown=shown, deposit_sensitivity=line["deposit_sensitivity"], weight=weight
    )
    locks = lock_share(
        conversion=line["conversion"],
        deterred=deterred,
        price=decided_price,
        shown=shown,
        price_elasticity=line["price_elasticity"],
    )
    return deterred, locks


def simulate_arrays(x: Mapping[str, np.ndarray], n_months: int, *, bound: bool = False) -> dict[str, np.ndarray]:
    """Run every draw in ``x`` (from :func:`batch_inputs`) for ``n_months`` months.

    Returns (draws, lines, months) arrays for every line column of the spec (without cumulative ones) plus
    ``book`` (the book each wait was read off), ``capacity`` as (draws, months) and ``plant_capacity`` as
    (draws, plants, months); with ``bound`` also ``capacity_bound`` (the tables of one run show it; Monte Carlo,
    fits and sweeps read totals and skip it). Month t of the result does not depend on ``n_months``.
    """
    launch = _launch_of(x)
    line = _line_arrays(x)
    t = np.arange(n_months)[None, None, :]
    ratio = launch.price_ratio(n_months)[None]
    price = line["price"] * ratio  # the dated price schedule (ratio 1 without one)
    steady = line["price"] if (ratio == 1.0).all() else price  # without dated steps: one price for every month
    before_launch = t < line["launch"]
    # What depends on the price shown (the pre-sale price before launch, the price from launch on) is worked out at
    # each of the two prices and picked month by month: the same numbers, without a power of every month's price.
    presale = line["presale_price"]
    market = np.where(before_launch, _market(line, presale), _market(line, steady))
    wanted = interest(
        t,
        opens=line["reservations_open"],
        end_of_sale=line["end_of_sale"],
        enabled=line["enabled"],
        market=market,
        bass_p=line["bass_p"],
        bass_q=line["bass_q"],
        market_growth=line["market_growth"],
    )
    weight = deposit_weight(
        deposit_refundable=line["deposit_refundable"], refundable_weight=x["refundable_weight"][:, None, None]
    )
    decides = np.broadcast_to(
        decision_month(t, launch=line["launch"], lock_lag_months=line["lock_lag_months"]), wanted.shape
    )
    # A cohort decides at the price of its decision month (the same in every month without dated price steps).
    decided_price = steady
    if steady.shape[-1] > 1:
        decided_price = np.take_along_axis(np.broadcast_to(price, wanted.shape), np.minimum(decides, n_months - 1), -1)
    (deterred_early, locks_early), (deterred, locks) = (
        _commitment(line, weight=weight, shown=shown, decided_price=decided_price) for shown in (presale, steady)
    )
    deterred = np.where(before_launch, deterred_early, deterred)
    locks = np.where(before_launch, locks_early, locks)
    reservations = wanted * deterred
    queued = np.any(line["invite_lead_months"] < MAX_WAIT_MONTHS) or np.any(line["giveup_slope"] > 0)
    if queued:
        queue = Queue(reservations, locks, decides, line["invite_lead_months"][:, :, 0], line["giveup_slope"][:, :, 0])
        orders = np.zeros_like(reservations)
    else:  # every cohort locks as it decides: no queue to step
        queue = None
        orders, refunds, pending = settle(reservations, locks=locks, decides=decides)

    capacity = _capacity(x, n_months)
    book = run_order_book(
        orders,
        capacity=capacity,
        plant_of=line["plant"][:, :, 0].astype(np.int64) - 1,
        deliveries_start=line["deliveries_start"][:, :, 0],
        enabled=line["enabled"][:, :, 0],
        queue=queue,
        lending=_lending(x, line, capacity, n_months),
        bound=bound,
        **{k: x[k][:, None] for k in ("spill", "patience_months", "cancel_base", "cancel_slope")},
    )
    if queued:
        orders, refunds, pending = (book.pop(k) for k in ("orders", "refunds", "pending"))
    # Nobody is quoted before reservations open; picked month-major, as the order book lays the waits out.
    not_open = np.arange(n_months)[:, None, None] < line["reservations_open"][:, :, 0]
    book["wait_months"] = np.moveaxis(np.where(not_open, 0.0, np.moveaxis(book["wait_months"], -1, 0)), 0, -1)
    money = money_flows(
        deliveries=book["deliveries"],
        refunds=refunds,
        cancellations=book["cancellations"],
        pending=pending,
        backlog=book["backlog"],
        price=price,
        deposit=line["deposit"],
        deposit_refundable=line["deposit_refundable"],
        unit_cost=line["unit_cost"],
        learning_rate=x["learning_rate"][:, None, None],
        sales_tax=launch.tables.sales_tax,
    )
    return {
        "interest": wanted,
        "reservations": reservations,
        "orders": orders,
        "refunds": refunds,
        "pending": pending,
        "plant_capacity": book.pop("plant_capacity", capacity[:, :, :n_months]),  # after lending
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
def _line_index(first: pd.Period, end: pd.Period, keys: tuple[str, ...]) -> pd.MultiIndex:
    """The (month, line) index of a run to ``end`` with these lines (built once: pandas takes ms to factorise it)."""
    months = pd.period_range(first, end, freq="M", name="month")
    return pd.MultiIndex.from_product([months, list(keys)], names=["month", "line"])


def _frames(arrays: Mapping[str, np.ndarray], months: pd.PeriodIndex, enabled: list[int], all_lines: tuple[str, ...]):
    """The one-draw run's ``total`` (by month) and ``lines`` (by month and enabled line) tables, each from one block."""
    keys = [all_lines[i] for i in enabled]
    monthly = np.stack([arrays[k][0] for k in _MONTHLY])[:, enabled]  # (columns, lines, months)
    block = np.concatenate([monthly, np.cumsum(monthly[_CUMULATED_ROWS], axis=-1)])  # LINE_COLUMNS, in order
    index = _line_index(months[0], months[-1], tuple(keys))
    lines = pd.DataFrame(block.transpose(2, 1, 0).reshape(-1, len(LINE_COLUMNS)), index=index, columns=_LINE_HEADER)
    lines.insert(len(LINE_COLUMNS), "capacity_bound", arrays["capacity_bound"][0][enabled].T.reshape(-1))
    totals = block.sum(axis=1)  # line by line, in order
    totals[LINE_COLUMNS.index("wait_months")] = total_wait(arrays)[0]
    total = np.concatenate([arrays["capacity"][:1], totals]).T
    return pd.DataFrame(total, index=months, columns=_TOTAL_HEADER), lines


def simulate(p: Params) -> Run:
    """Simulate scenario ``p`` month by month from its launch's first month (Xiaomi: 2024-03) to ``p['end']``.

    Args:
        p: the scenario; ``sim.Params()`` is Xiaomi's calibrated base, ``sim.Params.base(key)`` another launch's.

    Returns:
        A :class:`Run` with ``total`` (by month), ``lines`` (by month and line, enabled lines only) and ``kpis``.
    """
    launch = p.package
    months = launch.months(p["end"])
    arrays = simulate_arrays(batch_inputs(p), len(months), bound=True)
    enabled = [i for i, ln in enumerate(launch.lines) if p[f"{ln}.enabled"]]
    total, lines = _frames(arrays, months, enabled, launch.lines)
    kpis = kpis_of_draw(kpi_arrays(arrays, months, launch.kpi_years), 0, months)
    return Run(params=p, total=total, lines=lines, kpis=kpis)
