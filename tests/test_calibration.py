"""The base preset against the calibration targets of SPEC.md, and the fit that produced it."""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd
import pytest

import sim
from sim.calibrate import FIT_BOXES, fit, total_loss
from sim.params import PRIORS


@pytest.fixture(scope="module")
def base():
    """The base scenario's run."""
    return sim.simulate(sim.PRESETS["base"])


def _between(value, target, tolerance):
    return abs(value / target - 1.0) <= tolerance


def test_deliveries_2024_within_7_percent(base):
    """2024 deliveries within 7 % of the official 136,854 (Xiaomi FY2024 results)."""
    assert _between(base.kpis["deliveries_2024"], 136854, 0.07)


@pytest.mark.parametrize("quarter,official", [("2024Q2", 27307), ("2024Q3", 39790), ("2024Q4", 69697)])
def test_quarters_2024_within_15_percent(base, quarter, official):
    """Each 2024 quarter within 15 % of Xiaomi's quarterly results."""
    months = base.total.index.asfreq("Q") == pd.Period(quarter, freq="Q")
    assert _between(base.total.loc[months, "deliveries"].sum(), official, 0.15)


def test_october_2024_above_20000(base):
    """October 2024 above 20,000 (the seed article's figure)."""
    assert base.total.loc["2024-10", "deliveries"] > 20000


def test_january_to_october_2024_between_article_and_official(base):
    """Jan-Oct 2024 between the article's 75,000 and 92,000 (official 67,157 by September + ~20,700 October)."""
    assert 75000 <= base.total.loc[:"2024-10", "deliveries"].sum() <= 92000


def test_su7_locked_orders_april_2024(base):
    """SU7 locked orders by end of April 2024 within 20 % of the reported 88,063."""
    assert _between(base.lines.loc[("2024-04", "su7"), "cum_orders"], 88063, 0.20)


def test_su7_wait_spring_2024(base):
    """SU7 quoted waiting time between 5 and 9 months in April, May and June 2024."""
    waits = base.lines.xs("su7", level="line").loc["2024-04":"2024-06", "wait_months"]
    assert ((waits >= 5) & (waits <= 9)).all(), waits.tolist()


def test_ultra_reservations_and_first_delivery(base):
    """At least 3,600 Ultra reservations in October 2024 and no Ultra delivery before 2025-03."""
    ultra = base.lines.xs("ultra", level="line")
    assert ultra.loc["2024-10", "reservations"] >= 3600
    assert ultra.loc[:"2025-02", "deliveries"].sum() == 0
    assert ultra.loc["2025-03", "deliveries"] > 0


def test_deliveries_2025_within_10_percent(base):
    """2025 deliveries within 10 % of the 410,000 Lei Jun reported."""
    assert _between(base.kpis["deliveries_2025"], 410000, 0.10)


def test_base_is_the_recorded_fit():
    """Params() carries exactly the values tools/calibrate.py wrote, for every fitted parameter."""
    document = json.loads((resources.files("sim") / "data" / "calibration.json").read_text())
    assert set(document["values"]) == set(FIT_BOXES)
    assert all(sim.Params()[name] == value for name, value in document["values"].items())
    assert total_loss(sim.Params()) == pytest.approx(document["loss_fitted"], rel=1e-4)


def test_fit_from_priors_reproduces_the_calibration_quality():
    """Re-running the calibration fit from the priors lands a loss as low as the recorded one (within 10 %)."""
    document = json.loads((resources.files("sim") / "data" / "calibration.json").read_text())
    prior = sim.Params(dict(PRIORS))
    refit = fit(prior, cutoff=None, seed=document["seed"], rounds=document["rounds"], population=document["population"])
    assert total_loss(refit) <= document["loss_fitted"] * 1.10
    assert total_loss(refit) < total_loss(prior) / 10


def test_fit_improves_a_bad_start():
    """Fitting to data up to 2024-10 from a deliberately bad plant ramp cuts the loss on those figures."""
    bad = sim.Params().with_values({"plant1.peak": 60000, "plant1.ramp_months": 3.0, "plant1.initial": 14000})
    fitted = fit(bad, cutoff="2024-10", rounds=20)
    assert total_loss(fitted, cutoff="2024-10") < 0.5 * total_loss(bad, cutoff="2024-10")
