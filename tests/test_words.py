"""Words, not code: tables and charts speak in labels and units, cars are whole, money in the display currency."""

from __future__ import annotations

import re

import sim
from tests.test_app import open_page
from ui import display, tabs
from ui.decisions import goal_seek_chart, why_not

SNAKE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


def test_data_tab_shows_plain_columns_whole_cars_and_the_display_currency():
    """The Data tab's columns have no snake_case, deliveries are whole cars and money is in millions of EUR."""
    app = open_page({"tab": "Data", "currency": "EUR"})
    assert not app.exception
    table = app.dataframe[0].value
    assert not [c for c in table.columns if SNAKE.search(c)]
    assert table["Deliveries (cars)"].str.fullmatch(r"[\d,]+").all()
    assert "Revenue (EUR million)" in table.columns
    assert table["Month"].iloc[0] == "Mar 2024"


def test_shown_table_converts_money_and_keeps_counts_whole():
    """Revenue in a month: RMB / 7.7 / 1e6 with one decimal; deliveries rounded to whole cars."""
    run = sim.simulate(sim.PRESETS["base"])
    raw = tabs.monthly_table(run)
    shown = tabs.shown_table(raw, display.Currency("EUR", 7.7))
    row = raw["revenue"].idxmax()
    assert shown["Revenue (EUR million)"].iloc[row] == f"{raw['revenue'].iloc[row] / 7.7 / 1e6:,.1f}"
    assert shown["Deliveries (cars)"].iloc[row] == f"{raw['deliveries'].iloc[row]:,.0f}"


def test_goal_seek_plots_a_month_lever_as_months_and_names_it():
    """A month lever's goal-seek curve is on a time axis titled by its label; the reason has no code names."""
    base = sim.PRESETS["base"]
    detail = sim.goal_seek_detail(base, "plant2.start", "deliveries_2025", 5_000_000)
    spec = goal_seek_chart(detail).to_dict()
    x = spec["layer"][0]["encoding"]["x"]
    assert x["type"] == "temporal" and x["title"] == sim.PARAMETERS["plant2.start"].label
    if detail.value is None:
        reason = why_not(detail, base["end"])
        assert "deliveries_2025" not in reason and "plant2.start" not in reason


def test_backtest_table_speaks_words_and_whole_cars():
    """The backtest's table has plain column names, whole cars and errors in %."""
    from ui.backtest import backtest_table

    result = sim.backtest(sim.PRESETS["base"], "2024-10", seed=0)
    table = backtest_table(result)
    assert not [c for c in table.columns if SNAKE.search(c)]
    assert table["Reported (cars)"].str.fullmatch(r"[\d,]+|–").all()
    assert table["Error (%)"].str.endswith("%").any()
