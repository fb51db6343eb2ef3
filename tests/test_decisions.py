"""Tornado and goal seek: sorted effects, swings inside the ranges, targets met within 1 % or an honest None."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.calendar import month_index
from sim.decisions import TOLERANCE, goal_seek_detail, kpi_names, lever_bounds
from sim.registry import PARAMETERS

BASE = sim.Params()
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def table():
    """The tornado of 2025 deliveries for the base scenario."""
    return sim.tornado(BASE, "deliveries_2025")


def test_tornado_columns_and_sorting(table):
    """The spec's columns are there and the largest effect comes first."""
    assert {"parameter", "low", "high", "kpi_low", "kpi_high", "kpi_base", "effect"} <= set(table.columns)
    assert table["effect"].is_monotonic_decreasing
    assert table["effect"].iloc[0] > 0


def test_tornado_base_is_the_deterministic_kpi(table):
    """kpi_base is what ``sim.simulate`` reports for the scenario."""
    assert table["kpi_base"].iloc[0] == pytest.approx(sim.simulate(BASE).kpis["deliveries_2025"], rel=1e-12)


def test_tornado_rows_match_single_runs(table):
    """The batch row of the top three parameters equals a separate ``simulate`` with that value."""
    for row in table.head(3).itertuples():
        low = sim.simulate(BASE.with_values({row.parameter: row.low})).kpis["deliveries_2025"]
        high = sim.simulate(BASE.with_values({row.parameter: row.high})).kpis["deliveries_2025"]
        assert (row.kpi_low, row.kpi_high) == pytest.approx((low, high), rel=1e-9)


def test_tornado_swings_stay_in_range(table):
    """Every low and high is a valid value of its parameter (the scenario accepts it)."""
    for row in table.itertuples():
        BASE.with_values({row.parameter: row.low})
        BASE.with_values({row.parameter: row.high})


def test_tornado_swing_is_relative(table):
    """plant1.peak swings to 80 % and 120 % of its value (rounded to whole cars)."""
    row = table.set_index("parameter").loc["plant1.peak"]
    assert (row["low"], row["high"]) == (round(BASE["plant1.peak"] * 0.8), round(BASE["plant1.peak"] * 1.2))


def test_tornado_on_a_timing_kpi():
    """month_100k works as a month index: a bigger plant 1 reaches 100,000 no later."""
    table = sim.tornado(BASE, "month_100k").set_index("parameter")
    base = month_index(sim.simulate(BASE).kpis["month_100k"])
    assert table["kpi_base"].iloc[0] == base
    assert table.loc["plant1.peak", "kpi_high"] <= base <= table.loc["plant1.peak", "kpi_low"]


def test_tornado_without_month_shifts():
    """shift_months=0 leaves the timing parameters out."""
    table = sim.tornado(BASE, "deliveries_2024", shift_months=0)
    assert set(table["kind"]) <= {"int", "float"}


def test_goal_seek_meets_a_reachable_target():
    """Plant 1's peak rate that delivers 150,000 cars in 2024 (a capacity-bound year), checked by simulate."""
    value = sim.goal_seek(BASE, "plant1.peak", "deliveries_2024", 150_000)
    assert isinstance(value, int)
    achieved = sim.simulate(BASE.with_values({"plant1.peak": value})).kpis["deliveries_2024"]
    assert achieved == pytest.approx(150_000, rel=TOLERANCE)


def test_goal_seek_on_a_month_lever():
    """A month lever answers with a month, and the KPI meets a target another month of it reaches."""
    target = sim.simulate(BASE.with_values({"plant2.start": "2025-10"})).kpis["deliveries_2025"]
    value = sim.goal_seek(BASE, "plant2.start", "deliveries_2025", target)
    assert isinstance(value, str) and len(value) == 7
    achieved = sim.simulate(BASE.with_values({"plant2.start": value})).kpis["deliveries_2025"]
    assert achieved == pytest.approx(target, rel=TOLERANCE)


def test_goal_seek_on_a_timing_kpi():
    """The plant 1 peak that brings the 100,000th delivery to October 2024 does exactly that."""
    value = sim.goal_seek(BASE, "plant1.peak", "month_100k", "2024-10")
    assert sim.simulate(BASE.with_values({"plant1.peak": value})).kpis["month_100k"] == "2024-10"


def test_goal_seek_returns_none_above_reach_with_the_reason():
    """Ten times the plant's best is out of reach: None, and the reason names the best value and where."""
    detail = goal_seek_detail(BASE, "plant1.peak", "deliveries_2025", 5_000_000)
    assert detail.value is None
    assert detail.reason.startswith("target above what plant1.peak can reach")
    assert detail.achieved == pytest.approx(detail.curve["kpi"].max())
    assert sim.goal_seek(BASE, "plant1.peak", "deliveries_2025", 5_000_000) is None


def test_goal_seek_reason_as_data_points_at_the_curve():
    """An unreachable target says why as data too: its kind and the curve row it names (the best value and where)."""
    above = goal_seek_detail(BASE, "plant1.peak", "deliveries_2025", 5_000_000)
    assert above.why == "above" and len(above.near) == 1
    assert above.curve["kpi"].iloc[above.near[0]] == above.achieved == above.curve["kpi"].max()
    below = goal_seek_detail(BASE, "plant1.peak", "deliveries_2025", 1000)
    assert below.why == "below" and below.curve["kpi"].iloc[below.near[0]] == below.curve["kpi"].min()
    found = goal_seek_detail(BASE, "plant1.peak", "deliveries_2024", 150_000)
    assert found.why is None and found.near == ()


def test_goal_seek_returns_none_below_reach():
    """1,000 cars in 2025 cannot come from plant 1's peak alone (plant 2 builds the YU7 whatever it is)."""
    detail = goal_seek_detail(BASE, "plant1.peak", "deliveries_2025", 1000)
    assert detail.value is None and detail.reason.startswith("target below")


def test_goal_seek_refuses_bad_levers_and_targets():
    """A switch, the horizon or a target month past the end are refused with a message."""
    with pytest.raises(ValueError, match="Lever"):
        sim.goal_seek(BASE, "su7.enabled", "deliveries_2025", 1)
    with pytest.raises(ValueError, match="Lever"):
        sim.goal_seek(BASE, "end", "deliveries_2025", 1)
    with pytest.raises(ValueError, match="Lever"):
        sim.goal_seek(BASE, "yu7.plant", "deliveries_2025", 1)
    with pytest.raises(ValueError, match="Target"):
        sim.goal_seek(BASE, "plant1.peak", "month_100k", "2029-01")


def test_tornado_leaves_out_plant_choices_and_finds_demand_levers_where_demand_binds():
    """A plant number is not swung. In the base both plants build at capacity all 2025 (the SU7's book of about
    136,000 in March 2025 and the YU7's of 240,000 at launch), so only the plants move 2025 deliveries; in 2026 the
    YU7's book runs down and its demand levers move deliveries too."""
    year = sim.tornado(BASE, "deliveries_2025").set_index("parameter")
    assert not any(name.endswith(".plant") for name in year.index)
    assert year.loc["plant1.peak", "effect"] > 0 and year.loc["plant2.peak", "effect"] > 0
    assert year.loc["su7.price", "effect"] == 0 and year.loc["yu7.market_size", "effect"] == 0
    later = sim.tornado(BASE, "deliveries_2026").set_index("parameter")
    assert later.loc["yu7.price", "effect"] > 0 and later.loc["yu7.market_size", "effect"] > 0


def test_lever_bounds_keep_the_end_of_sale_after_the_opening():
    """A line's end of sale may not move before its reservations open, nor the opening after the end of sale."""
    low, _ = lever_bounds(BASE, "su7.end_of_sale")
    assert low == month_index(BASE["su7.reservations_open"])
    _, high = lever_bounds(BASE, "su7g2.reservations_open")
    assert high <= month_index(BASE["su7g2.end_of_sale"])


def test_lever_bounds_respect_month_order():
    """A line's launch may only move between its reservations opening and first deliveries."""
    low, high = lever_bounds(BASE, "ultra.launch")
    assert (low, high) == (month_index(BASE["ultra.reservations_open"]), month_index(BASE["ultra.deliveries_start"]))


def test_kpi_names_are_the_simulate_kpis():
    """The KPIs decisions know are exactly those ``sim.simulate`` reports."""
    assert set(kpi_names()) == set(sim.simulate(BASE).kpis)


@SLOW
@given(
    lever=st.sampled_from(["plant1.peak", "plant1.ramp_months", "su7.market_size", "su7.price", "plant2.peak"]),
    share=st.floats(0.0, 1.0),
)
def test_property_goal_seek_finds_any_value_the_lever_reaches(lever, share):
    """Pick a lever value, take its 2025 deliveries as the target: goal seek finds a value meeting it within 1 %."""
    spec = PARAMETERS[lever]
    chosen = spec.min + share * (spec.max - spec.min)
    chosen = round(chosen) if spec.kind == "int" else chosen
    target = sim.simulate(BASE.with_values({lever: chosen})).kpis["deliveries_2025"]
    value = sim.goal_seek(BASE, lever, "deliveries_2025", target)
    assert value is not None
    achieved = sim.simulate(BASE.with_values({lever: value})).kpis["deliveries_2025"]
    assert achieved == pytest.approx(target, rel=TOLERANCE)


@SLOW
@given(
    kpi=st.sampled_from(["deliveries_2024", "deliveries_2025", "gross_margin", "max_wait_months", "month_100k"]),
    swing=st.floats(0.01, 0.5),
)
def test_property_tornado_sorted_and_effects_non_negative(kpi, swing):
    """Whatever the KPI and swing, effects are >= 0, sorted, and span the bar through base."""
    table = sim.tornado(BASE, kpi, swing=swing)
    assert (table["effect"] >= 0).all() and table["effect"].is_monotonic_decreasing
    bars = table[["kpi_low", "kpi_high", "kpi_base"]]
    span = bars.max(axis=1) - bars.min(axis=1)
    assert np.all((table["effect"] == 0) | np.isclose(table["effect"], span))


def test_tornado_reports_real_progress_and_gives_the_same_table():
    """The tornado in batches calls progress after each one, ending at all runs, and matches the one-batch table."""
    calls = []
    table = sim.tornado(BASE, "deliveries_2025", progress=lambda done, total: calls.append((done, total)))
    runs = calls[-1][1]
    assert len(calls) == -(-runs // sim.decisions.TORNADO_STEP_RUNS) and calls[-1][0] == runs
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    pd.testing.assert_frame_equal(table, sim.tornado(BASE, "deliveries_2025"))


# Another launch: Tesla's Model 3

TESLA = sim.Params.base("tesla_model3")


def test_tesla_tornado_names_only_tesla_levers_and_demand_moves_reservations():
    """Tesla's tornado swings its own parameters only, and a bigger market brings more reservations."""
    table = sim.tornado(TESLA, "reservations_total")
    registry = TESLA.package.parameters
    assert set(table["parameter"]) <= set(registry) and "fremont.peak" in set(table["parameter"])
    assert not {n.split(".")[0] for n in table["parameter"]} & {*sim.LINES, *sim.PLANTS}
    assert table["kpi_base"].iloc[0] == pytest.approx(sim.simulate(TESLA).kpis["reservations_total"], rel=1e-12)
    market = table.set_index("parameter").loc["model3.market_size"]
    assert market["kpi_low"] < market["kpi_base"] < market["kpi_high"] and market["effect"] > 0
    # a month lever moves 3 months either way on Tesla's own calendar
    ga4 = table.set_index("parameter").loc["ga4.start"]
    start = TESLA.month("ga4.start")
    assert (ga4["low"], ga4["high"]) == (str(start - 3), str(start + 3))


def test_tesla_month_lever_bounds_count_from_its_first_month():
    """Tesla's month levers are indices from 2016-03: first deliveries can go no earlier than the launch."""
    low, high = lever_bounds(TESLA, "model3.deliveries_start")
    assert low == 16  # 2016-03 -> 2017-07 (launch, first 30 cars handed over 28 Jul 2017) is 16 months
    assert high == TESLA.package.index(TESLA.package.tables.last_month)


def test_tesla_goal_seek_on_a_month_lever_returns_a_month_in_its_range():
    """Goal seek moves Tesla's first deliveries to a month in its range that reaches 100,000 in the target month."""
    reached = pd.Period(sim.simulate(TESLA).kpis["month_100k"], freq="M")
    target = str(reached + 2)
    detail = goal_seek_detail(TESLA, "model3.deliveries_start", "month_100k", target)
    assert detail.reason is None and detail.target == target
    months = TESLA.package.months(TESLA.package.tables.last_month)
    assert TESLA["model3.launch"] <= detail.value <= str(months[-1])
    assert sim.simulate(TESLA.with_values({"model3.deliveries_start": detail.value})).kpis["month_100k"] == target


def test_tesla_goal_seek_on_a_plant_start_meets_a_delivery_target():
    """Goal seek on the GA4 line's start lands Tesla's 2016-2019 deliveries within 1 % of a reachable target."""
    earlier = str(TESLA.month("ga4.start") - 4)
    target = sim.simulate(TESLA.with_values({"ga4.start": earlier})).kpis["deliveries_total"]
    value = sim.goal_seek(TESLA, "ga4.start", "deliveries_total", target)
    assert value is not None and TESLA.package.tables.first_month <= value <= TESLA.package.tables.last_month
    achieved = sim.simulate(TESLA.with_values({"ga4.start": value})).kpis["deliveries_total"]
    assert achieved == pytest.approx(target, rel=TOLERANCE)


def test_tesla_goal_seek_speaks_of_its_own_months_and_levers():
    """A target month before Tesla's first month names Tesla's range; a Xiaomi lever is not one of Tesla's."""
    with pytest.raises(ValueError, match="from 2016-03 to 2019-12"):
        goal_seek_detail(TESLA, "fremont.peak", "month_100k", "2016-02")
    with pytest.raises(ValueError, match="Lever 'plant1.peak'"):
        goal_seek_detail(TESLA, "plant1.peak", "deliveries_total", 300_000)


def test_tesla_kpis_are_its_own_years():
    """Tesla's tornado and goal seek know its KPI years (2017-2019) and not Xiaomi's."""
    assert set(kpi_names("tesla_model3")) == set(sim.simulate(TESLA).kpis)
    table = sim.tornado(TESLA, "deliveries_2018", shift_months=0)
    assert table["kpi_base"].iloc[0] == pytest.approx(sim.simulate(TESLA).kpis["deliveries_2018"], rel=1e-12)
    with pytest.raises(ValueError, match="Unknown KPI 'deliveries_2025'"):
        sim.tornado(TESLA, "deliveries_2025")
