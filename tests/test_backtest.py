"""The backtest: fit at a cutoff, forecast after it, scored against what was reported."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import sim
from sim.backtest import known_priors
from sim.calibrate import FIT_BOXES
from sim.registry import PRIORS


@pytest.fixture(scope="module")
def october():
    """The backtest from the base scenario at the seed article's month."""
    return sim.backtest(sim.Params(), cutoff="2024-10")


def test_backtest_scores_only_figures_after_the_cutoff(october):
    """Every scored figure lies after the cutoff; quarters start after it."""
    assert (october.monthly["month"] > pd.Period("2024-10", freq="M")).all()
    assert list(october.quarterly["month"].astype(str)) == ["2025-03", "2025-06", "2025-09"]


def test_backtest_errors_are_forecast_minus_reported(october):
    """error = forecast - reported (an 'at least' figure: only the shortfall), error_pct = error / reported."""
    frame = october.monthly
    points = frame["bound"] != "at_least"
    assert np.allclose(frame.loc[points, "error"], (frame["forecast"] - frame["reported"])[points])
    shortfall = (frame["forecast"] - frame["reported"]).clip(upper=0.0)
    assert np.allclose(frame.loc[~points, "error"], shortfall[~points])
    assert (~points).any()  # the scores include the 'at least' figures
    assert np.allclose(frame["error_pct"], frame["error"] / frame["reported"])
    assert october.total_error_pct == pytest.approx(
        october.quarterly["forecast"].sum() / october.quarterly["reported"].sum() - 1
    )


def test_backtest_does_not_see_later_figures(october):
    """Levers no figure up to 2024-10 depends on stay at their priors; later facts are what was public then."""
    for name in ("plant2.ramp_months", "yu7.market_size", "yu7.bass_p"):
        assert october.fitted[name] == PRIORS[name]
    assert october.fitted["ultra.price"] == 814900  # the RMB 529,900 launch price came in Feb 2025
    assert october.fitted["plant2.peak"] == 12500  # phase 2 planned like phase 1: 150,000 a year
    assert not october.fitted["su7g2.enabled"] and october.fitted["su7.end_of_sale"] == "2030-12"
    assert any(october.fitted[n] != PRIORS[n] for n in FIT_BOXES)


def test_backtest_priors_are_dated_and_sourced_before_the_cutoff():
    """Every prior the October 2024 backtest uses was public by then and names its source."""
    rows = known_priors("2024-10")
    assert rows and all(r["as_of"] <= "2024-10" and r["source"] for r in rows)
    assert all(r["as_of"] <= "2024-06" for r in known_priors("2024-06"))


def test_fit_is_reproducible_from_its_seed():
    """The same seed gives the same fitted scenario."""
    assert sim.fit(sim.Params(), cutoff="2024-10", rounds=8) == sim.fit(sim.Params(), cutoff="2024-10", rounds=8)
