"""The backtest: fit at a cutoff, forecast after it, scored against what was reported."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import sim
from sim.calibrate import FIT_BOXES
from sim.params import PRIORS


@pytest.fixture(scope="module")
def october():
    """The backtest from the base scenario at the seed article's month."""
    return sim.backtest(sim.Params(), cutoff="2024-10")


def test_backtest_scores_only_figures_after_the_cutoff(october):
    """Every scored figure lies after the cutoff; quarters start after it."""
    assert (october.monthly["month"] > pd.Period("2024-10", freq="M")).all()
    assert list(october.quarterly["month"].astype(str)) == ["2025-03", "2025-06", "2025-09"]


def test_backtest_errors_are_forecast_minus_reported(october):
    """error = forecast - reported and error_pct = error / reported, row by row."""
    frame = october.monthly
    assert np.allclose(frame["error"], frame["forecast"] - frame["reported"])
    assert np.allclose(frame["error_pct"], frame["error"] / frame["reported"])
    assert october.total_error_pct == pytest.approx(
        october.quarterly["forecast"].sum() / october.quarterly["reported"].sum() - 1
    )


def test_backtest_does_not_see_later_figures(october):
    """Levers no figure up to 2024-10 depends on (the second plant, the YU7) stay at their priors."""
    for name in ("plant2.peak", "plant2.ramp_months", "yu7.market_size", "yu7.bass_p"):
        assert october.fitted[name] == PRIORS[name]
    assert any(october.fitted[n] != PRIORS[n] for n in FIT_BOXES)


def test_fit_is_reproducible_from_its_seed():
    """The same seed gives the same fitted scenario."""
    assert sim.fit(sim.Params(), cutoff="2024-10", rounds=8) == sim.fit(sim.Params(), cutoff="2024-10", rounds=8)
