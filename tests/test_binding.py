"""What binds: the capacity sentence under the cards, the shaded months, and why a lever cannot move a KPI."""

from __future__ import annotations

import pandas as pd

import sim
from tests.test_app import open_page
from ui import binding, charts

BASE = sim.PRESETS["base"]
# Markets at a tenth of the base and both plants at their fastest: demand is short of capacity in every month
# (checked by hand against run.lines["capacity_bound"]: no month is bound).
DEMAND_BOUND = {
    **{f"{line}.market_size": int(BASE[f"{line}.market_size"] * 0.1) for line in sim.LINES},
    "plant1.initial": 60000,
    "plant1.peak": 100000,
    "plant2.initial": 60000,
    "plant2.peak": 100000,
}


def test_spans_join_consecutive_months():
    """Months 2024-04, 2024-05 and 2024-07 are two spans."""
    months = pd.PeriodIndex(["2024-04", "2024-05", "2024-07"], freq="M")
    assert binding.spans(months) == [("2024-04", "2024-05"), ("2024-07", "2024-07")]


def test_base_sentence_names_each_plant_and_its_months():
    """The base is capacity-bound at both plants: the sentence names plant 1 and 2 with their first bound month."""
    run = sim.simulate(BASE)
    months = binding.bound_months(run)
    first_1, first_2 = str(months[1][0]), str(months[2][0])
    sentence = binding.capacity_sentence(run)
    assert sentence.startswith("Deliveries are limited by plant 1 from ")
    assert "by plant 2 from " in sentence and "demand limits them in the other months" in sentence
    assert first_1 == "2024-04" and "Apr 2024" in sentence
    assert pd.Period(first_2, freq="M").strftime("%b %Y") in sentence


def test_demand_bound_scenario_says_demand_limits_every_month():
    """With small markets and fast plants no month is bound, and the sentence says demand limits them."""
    run = sim.simulate(BASE.with_values(DEMAND_BOUND))
    assert not run.lines["capacity_bound"].any()
    assert binding.capacity_sentence(run).startswith("Demand limits deliveries in every month")
    assert binding.capacity_rows(run).num_rows == 0


def test_page_shows_the_capacity_sentence_for_the_base_and_a_demand_bound_link():
    """Under the cards: the base's sentence names the plants; a demand-bound link's says demand limits."""
    base = open_page()
    assert any(m.value.startswith("Deliveries are limited by plant 1") for m in base.markdown)
    small = open_page({k: str(v) for k, v in DEMAND_BOUND.items()})
    assert not small.exception
    assert any(m.value.startswith("Demand limits deliveries in every month") for m in small.markdown)


def test_deliveries_chart_shades_the_bound_months():
    """The deliveries chart carries one shaded span per plant and run of bound months."""
    run = sim.simulate(BASE)
    spec = charts.deliveries_chart(run, sim.reported()).to_dict()
    rows = next(v for k, v in spec["datasets"].items() if k == "bound")
    assert len(rows) == sum(len(binding.spans(m)) for m in binding.bound_months(run).values()) > 0


def test_cannot_move_note_names_the_plants_for_a_bound_year():
    """A price lever without effect on 2025 deliveries is explained by the plants at capacity in 2025."""
    note = binding.cannot_move_note(sim.simulate(BASE), "deliveries_2025", ["ultra.deposit"])
    assert "no effect on 2025 deliveries" in note and "at capacity in 12 of the 12 months of 2025" in note
    assert binding.cannot_move_note(sim.simulate(BASE), "deliveries_2025", []) is None
