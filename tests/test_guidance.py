"""Promises against outcomes (``sim.guidance``): each outcome read from the launch's figures or its source."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import sim
from sim.guidance import BASES, RATES, outcome, promises


@pytest.mark.parametrize("launch", sim.LAUNCHES)
def test_every_promise_has_its_outcome_and_error(launch):
    """Error is outcome / promised - 1 wherever an outcome is known; every basis is one of BASES."""
    frame = promises(launch)
    assert len(frame) and set(frame["basis"]) <= set(BASES)
    settled = frame.dropna(subset=["outcome"])
    assert (settled["error"] - (settled["outcome"] / settled["promised"] - 1)).abs().max() < 1e-12
    assert set(frame["who"]) <= {"company", "analysts"}


def test_xiaomi_goals_are_settled_by_the_reported_year():
    """A goal for 2024 is settled by the reported 2024 deliveries; a goal for a year not reported stays open."""
    figures = sim.reported("xiaomi")
    year_2024 = figures[(figures["metric"] == "deliveries_year") & (figures["month"] == pd.Period("2024-12"))]
    frame = promises("xiaomi")
    goals_2024 = frame[frame["by"] == pd.Period("2024-12")]
    assert len(goals_2024) == (sim.targets("xiaomi")["year"] == 2024).sum()
    assert (goals_2024["outcome"] == year_2024["value"].iloc[0]).all()
    assert frame[frame["by"] == pd.Period("2026-12")]["outcome"].isna().all()


def test_tesla_rates_without_a_stated_outcome_use_the_quarter_average():
    """A production rate the source gives no number for is the quarter's production over its months or weeks."""
    figures = sim.reported("tesla_model3")
    q4 = figures[(figures["metric"] == "production_quarter") & (figures["month"] == pd.Period("2017-12"))]
    frame = promises("tesla_model3")
    averaged = frame[frame["basis"] == "quarter_average"]
    assert len(averaged) >= 1
    for row in averaged.itertuples():
        assert row.by == pd.Period("2017-12")
        assert math.isclose(row.outcome, q4["value"].iloc[0] / RATES[row.metric])


def test_tesla_stated_outcomes_agree_with_the_reported_figures_where_both_exist():
    """Where the source states a deliveries outcome, the reported figures give the same number."""
    frame = promises("tesla_model3")
    stated = frame[(frame["basis"] == "stated") & frame["metric"].str.endswith("deliveries")]
    assert len(stated) >= 3
    for row in stated.itertuples():
        assert outcome("tesla_model3", row.metric, row.by) == row.outcome


@pytest.mark.parametrize("launch", sim.LAUNCHES)
def test_whole_launch_rows_count_every_line_once(launch):
    """A launch of several lines keeps its 'all' rows only (no family, no single line); a launch of one line keeps
    that line's rows. The quarters kept add up to the year where both are reported."""
    frame = sim.reported(launch)
    kept = sim.whole_launch(frame, launch)
    lines = sim.Params.base(launch).package.lines
    assert set(kept["line"]) == ({"all"} if len(lines) > 1 else {"all", *lines} & set(frame["line"]))
    assert len(kept) < len(frame) if len(lines) > 1 else len(kept) == len(frame)
    quarters = kept[kept["metric"] == "deliveries_quarter"]
    for year_row in kept[kept["metric"] == "deliveries_year"].itertuples():
        in_year = quarters[quarters["month"].dt.year == year_row.month.year]
        if len(in_year) == 4:
            assert abs(in_year["value"].sum() / year_row.value - 1) < 0.02
