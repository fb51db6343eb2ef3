"""Properties of ``sim.simulate`` over random valid scenarios: balances, signs, shapes and monotone responses.

Scenarios come from the registry-driven strategies in ``tests/strategies.py``. Tolerances are float rounding,
scaled by the size of the numbers involved.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim.calendar import FIRST_MONTH, month_range
from sim.kpis import KPI_NAMES, kpi_arrays
from sim.model import batch_inputs, simulate_arrays
from sim.production import RAMP_SHAPES, plant_capacity
from sim.registry import PARAMETERS
from sim.tables import LINES
from tests.strategies import full_params_strategy, params_strategy, params_values, plant_ramps

ROUNDING = 1e-9  # relative tolerance for identities that hold exactly up to float rounding

# docs/model.md and the public API: the columns a run has
SPEC_TOTAL_COLUMNS = {
    "capacity",
    "interest",
    "reservations",
    "orders",
    "refunds",
    "cancellations",
    "deliveries",
    "backlog",
    "pending",
    "wait_months",
    "revenue",
    "gross_profit",
    "deposits_held",
    "forfeited_deposits",
    "cum_reservations",
    "cum_orders",
    "cum_deliveries",
    "cum_cancellations",
    "cum_refunds",
}
SPEC_KPIS = {
    "deliveries_2024",
    "deliveries_2025",
    "deliveries_2026",
    "month_100k",
    "peak_backlog",
    "max_wait_months",
    "reservations_total",
    "orders_total",
    "cancellations_total",
    "refunds_total",
    "revenue_total",
    "gross_margin",
    "peak_deposits_held",
}
SUMMED = ("interest", "reservations", "orders", "refunds", "cancellations", "deliveries", "backlog", "pending")
SUMMED += ("revenue", "gross_profit", "deposits_held", "forfeited_deposits")
CUMULATED = ("reservations", "orders", "deliveries", "cancellations", "refunds")
MONEY_SIGNED = ("gross_profit",)  # a price below unit cost makes a loss; every other column is a count or a stock

FAST = settings(max_examples=40, deadline=None)
SLOW = settings(max_examples=25, deadline=None)  # two runs per example


def _scale(*frames: pd.DataFrame) -> float:
    """The size of the numbers in ``frames`` (at least 1), for tolerances."""
    return max([1.0] + [float(np.nanmax(np.abs(f.to_numpy(dtype=float)))) for f in frames if f.size])


def _end(run: sim.Run, column: str, line: str | None = None) -> float:
    """A column's last value, for the total or one line."""
    frame = run.total if line is None else run.lines.xs(line, level="line")
    return float(frame[column].iloc[-1])


def _line(run: sim.Run, line: str) -> pd.DataFrame:
    """One line's rows, indexed by month."""
    return run.lines.xs(line, level="line")


@FAST
@given(p=full_params_strategy())
def test_property_stocks_and_flows_balance_per_line_and_month(p):
    """Both stock-flow balances of the model (docs/model.md) hold for every line and month, to float rounding."""
    # cum_orders = cum_deliveries + cum_cancellations + backlog; cum_reservations = cum_orders + cum_refunds + pending
    lines = sim.simulate(p).lines
    tol = ROUNDING * _scale(lines[["cum_reservations"]])  # the largest number in either identity
    np.testing.assert_allclose(
        lines["cum_orders"], lines["cum_deliveries"] + lines["cum_cancellations"] + lines["backlog"], rtol=0, atol=tol
    )
    np.testing.assert_allclose(
        lines["cum_reservations"], lines["cum_orders"] + lines["cum_refunds"] + lines["pending"], rtol=0, atol=tol
    )


@FAST
@given(p=params_strategy())
def test_property_cumulative_columns_are_running_sums(p):
    """Each cum_* column is the running sum of its flow, per line and in total."""
    run = sim.simulate(p)
    for flow in CUMULATED:
        tol = ROUNDING * _scale(run.total[[f"cum_{flow}"]])
        np.testing.assert_allclose(run.total[f"cum_{flow}"], run.total[flow].cumsum(), rtol=0, atol=tol)
        for line in run.lines.index.unique("line"):
            frame = _line(run, line)
            np.testing.assert_allclose(frame[f"cum_{flow}"], frame[flow].cumsum(), rtol=0, atol=tol)


@FAST
@given(p=full_params_strategy())
def test_property_nothing_is_negative(p):
    """Every count, stock, wait and money flow is >= 0 (gross profit aside, which is a loss when price < cost)."""
    run = sim.simulate(p)
    for frame in (run.total, run.lines):
        counts = frame.drop(columns=list(MONEY_SIGNED))
        assert (counts.to_numpy(dtype=float) >= 0).all(), counts.columns[(counts < 0).any()].tolist()
    assert all(v >= 0 for k, v in run.kpis.items() if isinstance(v, float) and "gross" not in k)


@FAST
@given(p=full_params_strategy())
def test_property_no_nan_or_infinity_anywhere(p):
    """Total, lines and every numeric KPI are finite for any parameters inside their ranges."""
    run = sim.simulate(p)
    assert np.isfinite(run.total.to_numpy(dtype=float)).all()
    assert np.isfinite(run.lines.to_numpy(dtype=float)).all()
    for key, value in run.kpis.items():
        assert value is None or isinstance(value, str) or np.isfinite(value), key


@FAST
@given(p=full_params_strategy())
def test_property_deliveries_never_exceed_capacity(p):
    """Total deliveries in a month are at most the plants' capacity that month."""
    total = sim.simulate(p).total
    assert (total["deliveries"] <= total["capacity"] * (1 + 1e-12) + 1e-9).all()


@FAST
@given(p=full_params_strategy())
def test_property_waits_lie_between_zero_and_the_cap(p):
    """Every quoted wait is between 0 and 60 months (the total, a weighted average, to float rounding)."""
    run = sim.simulate(p)
    assert run.lines["wait_months"].between(0.0, 60.0).all()
    assert run.total["wait_months"].between(0.0, 60.0 * (1 + ROUNDING)).all()


@FAST
@given(p=params_strategy())
def test_property_total_is_the_sum_of_the_lines(p):
    """Every flow and stock in run.total is the sum over the lines; the total wait is the book-weighted average."""
    run = sim.simulate(p)
    by_month = run.lines.groupby(level="month", sort=True).sum().reindex(run.total.index, fill_value=0.0)
    for column in SUMMED:
        tol = ROUNDING * _scale(run.total[[column]], run.lines[[column]])
        np.testing.assert_allclose(run.total[column], by_month[column], rtol=0, atol=tol, err_msg=column)
    # the book the wait is read off: last month's backlog plus this month's orders, per line
    book = run.lines["backlog"].groupby(level="line").shift(1, fill_value=0.0) + run.lines["orders"]
    weight = book.groupby(level="month").sum().reindex(run.total.index, fill_value=0.0)
    weighted = (book * run.lines["wait_months"]).groupby(level="month").sum().reindex(run.total.index, fill_value=0.0)
    expected = np.divide(weighted, weight, out=np.zeros(len(weight)), where=weight.to_numpy() > 0)
    np.testing.assert_allclose(run.total["wait_months"], expected, rtol=1e-9, atol=1e-9)


@FAST
@given(p=full_params_strategy())
def test_property_total_columns_and_index_follow_the_spec(p):
    """run.total has the spec's columns and a monthly PeriodIndex 2024-03 .. end; run.lines is (month, line)."""
    run = sim.simulate(p)
    expected_months = pd.period_range(FIRST_MONTH, p["end"], freq="M")
    assert isinstance(run.total.index, pd.PeriodIndex)
    assert run.total.index.freqstr == "M"
    assert run.total.index.equals(expected_months)
    assert set(run.total.columns) == SPEC_TOTAL_COLUMNS
    assert set(run.lines.columns) == SPEC_TOTAL_COLUMNS - {"capacity"} | {"capacity_bound"}
    assert run.lines["capacity_bound"].dtype == bool
    assert list(run.lines.index.names) == ["month", "line"]
    enabled = [line for line in LINES if p[f"{line}.enabled"]]
    assert run.lines.index.equals(pd.MultiIndex.from_product([expected_months, enabled], names=["month", "line"]))


@FAST
@given(p=params_strategy(max_end="2030-12"))
def test_property_kpis_have_the_spec_keys_and_agree_with_the_tables(p):
    """kpis has every key the model (docs/model.md) lists, with values that match run.total."""
    run = sim.simulate(p)
    kpis, total = run.kpis, run.total
    assert set(kpis) >= SPEC_KPIS
    years = total.index.year
    tol = ROUNDING * _scale(total[["cum_deliveries"]])
    for year in (2024, 2025, 2026):
        assert abs(kpis[f"deliveries_{year}"] - total["deliveries"][years == year].sum()) <= tol
    for flow in ("reservations", "orders", "cancellations", "refunds"):
        assert abs(kpis[f"{flow}_total"] - total[f"cum_{flow}"].iloc[-1]) <= ROUNDING * _scale(total[[f"cum_{flow}"]])
    assert abs(kpis["revenue_total"] - total["revenue"].sum()) <= ROUNDING * max(1.0, total["revenue"].sum())
    assert kpis["peak_backlog"] == total["backlog"].max()
    assert kpis["max_wait_months"] == total["wait_months"].max()
    assert kpis["peak_deposits_held"] == total["deposits_held"].max()
    revenue = total["revenue"].sum()
    margin = total["gross_profit"].sum() / revenue if revenue > 0 else 0.0
    assert abs(kpis["gross_margin"] - margin) <= 1e-9 * max(1.0, abs(margin))
    reached = total.index[total["cum_deliveries"] >= 100_000]
    assert kpis["month_100k"] == (str(reached[0]) if len(reached) else None)


@SLOW
@given(p=params_strategy())
def test_property_same_parameters_give_the_same_run(p):
    """simulate is deterministic: the same scenario gives identical tables and KPIs."""
    first, second = sim.simulate(p), sim.simulate(p)
    pd.testing.assert_frame_equal(first.total, second.total)
    pd.testing.assert_frame_equal(first.lines, second.lines)
    assert first.kpis == second.kpis


def _with_line(values: dict, line: str, **fields) -> dict:
    """``values`` with ``line`` enabled and some of its fields set."""
    return {**values, f"{line}.enabled": True, **{f"{line}.{k}": v for k, v in fields.items()}}


def _at_least(low: float, name: str) -> st.SearchStrategy:
    """A value of ``name`` from ``low`` up to its max."""
    spec = PARAMETERS[name]
    if spec.kind == "int":
        return st.integers(low, spec.max)
    return st.floats(low, spec.max, allow_nan=False)


@SLOW
@given(values=params_values(), line=st.sampled_from(LINES), data=st.data())
def test_property_higher_price_gives_fewer_orders(values, line, data):
    """Without a deposit, raising a line's price never raises its cumulative orders (in any month)."""
    values = _with_line(values, line, deposit=0)
    # With a deposit, a higher price also makes the deposit a smaller share of it, which deters fewer buyers and
    # can raise orders when price_elasticity is small; the claim is about the price effect alone.
    higher = data.draw(_at_least(values[f"{line}.price"], f"{line}.price"), label="higher price")
    low = sim.simulate(sim.Params(values))
    high = sim.simulate(sim.Params({**values, f"{line}.price": higher}))
    a, b = _line(low, line)["cum_orders"], _line(high, line)["cum_orders"]
    assert (b <= a * (1 + ROUNDING) + ROUNDING).all()


@SLOW
@given(values=params_values(), line=st.sampled_from(LINES), data=st.data())
def test_property_rival_price_cut_costs_orders(values, line, data):
    """A lower rival price never raises a line's interest, reservations or cumulative orders."""
    values = _with_line(values, line)
    spec = PARAMETERS[f"{line}.competitor_price"]
    cut = data.draw(st.integers(spec.min, values[f"{line}.competitor_price"]), label="cut rival price")
    before = _line(sim.simulate(sim.Params(values)), line)
    after = _line(sim.simulate(sim.Params({**values, f"{line}.competitor_price": cut})), line)
    for column in ("interest", "cum_reservations", "cum_orders"):
        assert (after[column] <= before[column] * (1 + ROUNDING) + ROUNDING).all(), column


@SLOW
@given(values=params_values(), plant=st.sampled_from(["plant1", "plant2"]), data=st.data())
def test_property_more_capacity_never_fewer_deliveries(values, plant, data):
    """A higher plant peak never gives fewer cumulative deliveries by the end (or in any month before it)."""
    # cancel_slope = 0: the wait-driven hazard acts on the whole book, so more capacity can keep more early orders
    # alive, lengthen next month's quote for everyone and cancel more in total. E.g. SU7 alone as in
    # test_mechanisms.PURE with deliveries_start 2024-05, patience 6, cancel_slope 0.5: 4,000 cars/month deliver
    # 32,000 by 2024-12, 4,500 cars/month only 19,824 (April's survivors push May's quote to 8 months, hazard 1).
    values = {**values, "cancel_slope": 0.0}
    higher = data.draw(_at_least(values[f"{plant}.peak"], f"{plant}.peak"), label="higher peak")
    low = sim.simulate(sim.Params(values)).total["cum_deliveries"]
    high = sim.simulate(sim.Params({**values, f"{plant}.peak": higher})).total["cum_deliveries"]
    assert high.iloc[-1] >= low.iloc[-1] * (1 - ROUNDING) - ROUNDING
    assert (high >= low * (1 - ROUNDING) - ROUNDING).all()


@SLOW
@given(values=params_values(), line=st.sampled_from(LINES), data=st.data())
def test_property_higher_deposit_fewer_reservations_higher_conversion(values, line, data):
    """A higher deposit never raises reservations and never lowers the conversion share orders / (orders + refunds)."""
    # Every cohort decides inside the run: lock lag 0 and launch <= end (the strategy keeps months inside the
    # run). presale_price = price, so every cohort is deterred alike and the share is not a mix effect.
    values = _with_line(values, line, lock_lag_months=0, presale_price=values[f"{line}.price"])
    values[f"{line}.market_size"] = max(values[f"{line}.market_size"], 1000)
    higher = data.draw(_at_least(values[f"{line}.deposit"], f"{line}.deposit"), label="higher deposit")
    low = _line(sim.simulate(sim.Params(values)), line)
    high = _line(sim.simulate(sim.Params({**values, f"{line}.deposit": higher})), line)
    assert low["pending"].iloc[-1] == 0.0 and high["pending"].iloc[-1] == 0.0
    assert (high["cum_reservations"] <= low["cum_reservations"] * (1 + ROUNDING) + ROUNDING).all()

    def share(frame):
        orders, refunds = frame["cum_orders"].iloc[-1], frame["cum_refunds"].iloc[-1]
        return orders / (orders + refunds)

    if low["cum_reservations"].iloc[-1] > 0 and high["cum_reservations"].iloc[-1] > 0:
        assert share(high) >= share(low) - ROUNDING


@SLOW
@given(values=params_values(), line=st.sampled_from(LINES))
def test_property_disabled_line_contributes_nothing(values, line):
    """A disabled line has no rows, and the totals equal those of the same line enabled with no demand at all."""
    values = _with_line(values, line)
    off = sim.simulate(sim.Params({**values, f"{line}.enabled": False}))
    silent = sim.simulate(sim.Params({**values, f"{line}.market_size": 0}))
    on = sim.simulate(sim.Params(values))
    assert line not in off.lines.index.unique("line")
    assert (silent.lines.xs(line, level="line").drop(columns="wait_months") == 0).all().all()
    pd.testing.assert_frame_equal(off.total, silent.total, rtol=1e-12, atol=1e-9)
    for other in off.lines.index.unique("line"):  # demand of the other lines does not depend on this one
        for column in ("interest", "reservations", "orders", "refunds", "pending"):
            pd.testing.assert_series_equal(_line(off, other)[column], _line(on, other)[column])


@SLOW
@given(values=params_values())
def test_property_every_line_disabled_gives_zero_totals(values):
    """With no line enabled, run.lines is empty and every total but capacity is zero."""
    run = sim.simulate(sim.Params({**values, **{f"{line}.enabled": False for line in LINES}}))
    assert run.lines.empty
    assert (run.total.drop(columns="capacity") == 0).all().all()


def test_kpi_names_list_every_kpi_in_order():
    """sim.kpis.KPI_NAMES is exactly the KPIs the core computes, in its order, and those simulate reports."""
    months = month_range("2024-05")
    arrays = simulate_arrays(batch_inputs(sim.Params()), len(months))
    assert tuple(kpi_arrays(arrays, months)) == KPI_NAMES
    assert set(sim.simulate(sim.Params()).kpis) == set(KPI_NAMES)


@FAST
@given(p=full_params_strategy())
def test_property_each_plant_builds_at_most_its_capacity_plus_what_it_borrows(p):
    """Per plant and month, its lines' deliveries are at most its capacity plus spill x the other plant's spare."""
    months = month_range(p["end"])
    arrays = simulate_arrays(batch_inputs(p), len(months))
    capacity = arrays["plant_capacity"][0]  # (plants, months)
    plant_of = np.array([p[f"{line}.plant"] - 1 for line in LINES])
    built = np.stack([arrays["deliveries"][0][plant_of == k].sum(axis=0) for k in range(capacity.shape[0])])
    spare = np.maximum(capacity - built, 0.0).sum(axis=0)
    assert (built <= capacity + p["spill"] * spare * (1 + 1e-12) + 1e-6 * np.maximum(capacity, 1.0)).all()
    assert (built.sum(axis=0) <= capacity.sum(axis=0) * (1 + 1e-12) + 1e-6).all()


@FAST
@given(p=full_params_strategy())
def test_property_lending_moves_capacity_and_keeps_the_total(p):
    """Plant 1 gives at most its share of its own capacity to plant 2, and the plants' capacities add up as before."""
    months = month_range(p["end"])
    lent = simulate_arrays(batch_inputs(p), len(months))["plant_capacity"][0]
    own = simulate_arrays(batch_inputs(p.with_values({"plant1.lend": 0.0})), len(months))["plant_capacity"][0]
    np.testing.assert_allclose(lent.sum(axis=0), own.sum(axis=0), rtol=1e-12, atol=1e-9)
    given_away = own[0] - lent[0]
    assert (given_away >= -1e-9).all()
    assert (given_away <= p["plant1.lend"] * own[0] * (1 + 1e-12) + 1e-9).all()


@SLOW
@given(values=params_values(max_end="2026-12"))
def test_property_the_horizon_never_changes_a_month_inside_it(values):
    """A run to ``end`` equals the first months of the same scenario run to 2030-12, column by column."""
    short = sim.simulate(sim.Params(values))
    long = sim.simulate(sim.Params({**values, "end": "2030-12"}))
    shared = short.total.index
    np.testing.assert_allclose(short.total.to_numpy(), long.total.loc[shared].to_numpy(), rtol=1e-9, atol=1e-6)
    inside = long.lines[long.lines.index.get_level_values("month") <= shared[-1]]
    assert inside.index.equals(short.lines.index)
    np.testing.assert_allclose(short.lines.to_numpy(dtype=float), inside.to_numpy(dtype=float), rtol=1e-9, atol=1e-6)


@FAST
@given(ramp=plant_ramps(), shape=st.sampled_from(sorted(RAMP_SHAPES)))
def test_property_a_ramp_moves_monotonically_from_initial_to_peak(ramp, shape):
    """Every ramp shape starts at the initial rate and moves monotonically towards the peak, never past it."""
    initial, peak, ramp_months = ramp
    with np.errstate(divide="raise", over="raise", invalid="raise"):
        capacity = plant_capacity(np.arange(-2, 240), 0, initial, peak, ramp_months, ramp_shape=shape)
    scale = ROUNDING * max(initial, peak, 1.0)
    assert np.isfinite(capacity).all() and (capacity[:2] == 0.0).all()
    built = capacity[2:]
    if ramp_months > 0:
        assert abs(built[0] - initial) <= scale  # the first month builds the initial rate
    low, high = min(initial, peak), max(initial, peak)
    assert (built >= low - scale).all() and (built <= high + scale).all()
    step = np.diff(built) * np.sign(peak - initial)
    assert (step >= -scale).all()
