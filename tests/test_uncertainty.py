"""Monte Carlo: reproducible draws, ordered bands, sound probabilities, balances in every draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.calendar import month_range
from sim.model import batch_inputs, simulate_arrays
from sim.registry import PARAMETERS
from sim.uncertainty import (
    BANDED,
    UNCERTAIN,
    draw_parameters,
    monte_carlo,
    quantiles_over_draws,
    uncertain_parameters,
)

BASE = sim.Params()
PRESET_NAMES = sorted(sim.PRESETS)
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def result():
    """One 500-draw Monte Carlo of the base scenario, shared by the module's tests."""
    return monte_carlo(BASE, n=500, seed=1)


def test_result_has_the_spec_columns_and_shapes(result):
    """Quantiles by month with the spec's six columns; one KPI row and one draw row per draw."""
    assert isinstance(result, sim.MonteCarloResult)
    assert isinstance(result.quantiles.index, pd.PeriodIndex)
    assert result.quantiles.index.equals(month_range(BASE["end"]))
    for name in ("deliveries", "cum_deliveries"):
        assert {f"{name}_p10", f"{name}_p50", f"{name}_p90"} <= set(result.quantiles.columns)
    assert len(result.kpis) == len(result.draws) == 500
    assert set(sim.simulate(BASE).kpis) == set(result.kpis.columns)
    assert list(result.draws.columns) == list(UNCERTAIN)


def test_result_is_frozen(result):
    """The result cannot be changed after the run (the page caches and shares it)."""
    with pytest.raises(AttributeError):
        result.n = 3


def test_quantiles_are_ordered(result):
    """P10 <= P50 <= P90 for every banded series and month."""
    q = result.quantiles
    for name in BANDED:
        assert (q[f"{name}_p10"] <= q[f"{name}_p50"]).all()
        assert (q[f"{name}_p50"] <= q[f"{name}_p90"]).all()


def test_same_seed_same_numbers_other_seed_different():
    """A seed fixes every number; another seed gives other draws."""
    first, again, other = (monte_carlo(BASE, n=200, seed=s) for s in (7, 7, 8))
    pd.testing.assert_frame_equal(first.kpis, again.kpis)
    pd.testing.assert_frame_equal(first.quantiles, again.quantiles)
    pd.testing.assert_frame_equal(first.draws, again.draws)
    assert not np.allclose(first.kpis["deliveries_2025"], other.kpis["deliveries_2025"])


@pytest.mark.parametrize("preset", ["base", "bear", "bull"])
def test_zero_spread_is_the_deterministic_run(preset):
    """Spread 0: every draw is ``sim.simulate(p)`` (to float rounding), and so is every quantile."""
    p = sim.PRESETS[preset]
    run = sim.simulate(p)
    result = monte_carlo(p, n=4, seed=3, spread=0.0)
    for q in ("p10", "p50", "p90"):
        np.testing.assert_allclose(result.quantiles[f"deliveries_{q}"], run.total["deliveries"], rtol=1e-12)
        np.testing.assert_allclose(result.quantiles[f"cum_deliveries_{q}"], run.total["cum_deliveries"], rtol=1e-12)
        np.testing.assert_allclose(result.quantiles[f"backlog_{q}"], run.total["backlog"], rtol=1e-12, atol=1e-6)
        ytd = run.total["deliveries"].groupby(run.total.index.year).cumsum()
        np.testing.assert_allclose(result.quantiles[f"ytd_deliveries_{q}"], ytd, rtol=1e-12, atol=1e-6)
    for name, value in run.kpis.items():
        column = result.kpis[name]
        if name == "month_100k":
            assert column.astype(str).tolist() == [str(value) if value else "NaT"] * 4
        else:
            np.testing.assert_allclose(column, value, rtol=1e-12, atol=1e-9)
    for name in UNCERTAIN:
        assert (result.draws[name] == float(p[name])).all()


def test_draws_stay_in_range_and_centre_on_the_value():
    """Draws stay inside each registry range; lognormal draws have their median at the current value."""
    draws = draw_parameters(BASE, n=4000, seed=0, spread=0.3)
    for name, values in draws.items():
        spec = PARAMETERS[name]
        assert values.min() >= spec.min and values.max() <= spec.max
    # median of value * exp(0.3 z) is the value; 4,000 draws put the sample median within about 2 %
    assert np.median(draws["su7.market_size"]) == pytest.approx(BASE["su7.market_size"], rel=0.03)


def test_a_share_at_its_limit_stays_there():
    """Conversion 1 (the limiting case) is not drawn away from 1: the logit scale has no room there."""
    p = BASE.with_values({"su7.conversion": 1.0})
    assert (draw_parameters(p, n=100, seed=0)["su7.conversion"] == 1.0).all()


def test_bad_arguments_raise():
    """No draws or a negative spread are refused with a message naming the argument."""
    with pytest.raises(ValueError, match="'n'"):
        monte_carlo(BASE, n=0)
    with pytest.raises(ValueError, match="'spread'"):
        monte_carlo(BASE, spread=-0.1)


def test_prob_of_the_page_cards(result):
    """P(>= 100,000 in 2024) and P(>= 250,000 in 2025) are the shares of draws counted by hand."""
    assert result.prob("deliveries_2024", 100_000) == (result.kpis["deliveries_2024"] >= 100_000).mean()
    assert result.prob("deliveries_2025", 250_000) == (result.kpis["deliveries_2025"] >= 250_000).mean()


def test_prob_of_a_month_is_reached_by_then(result):
    """prob('month_100k', m) is the share that reached 100,000 in m or earlier; never-reached draws do not count."""
    months = result.kpis["month_100k"]
    by_december = (months.notna() & (months <= pd.Period("2024-12", freq="M"))).mean()
    assert result.prob("month_100k", "2024-12") == by_december
    assert result.prob("month_100k", "2024-03") <= result.prob("month_100k", "2024-12")
    assert result.prob("month_100k", BASE["end"]) == months.notna().mean()


def test_kpis_filter_on_the_month_column(result):
    """An analyst filters draws on month_100k with a 'YYYY-MM' string; NaT (never) never passes."""
    early = result.kpis[result.kpis["month_100k"] <= "2024-11"]
    assert (early["month_100k"].astype(str) <= "2024-11").all()


def test_unknown_kpi_raises(result):
    """A misspelt KPI names the known ones."""
    with pytest.raises(ValueError, match="deliveries_2025"):
        result.prob("deliveries_2052", 1)


def test_summary_is_ordered(result):
    """The KPI summary has P10 <= P50 <= P90 for every numeric KPI."""
    table = result.summary()
    assert (table["p10"] <= table["p50"]).all() and (table["p50"] <= table["p90"]).all()


@SLOW
@given(
    preset=st.sampled_from(PRESET_NAMES),
    seed=st.integers(0, 2**32 - 1),
    spread=st.floats(0.0, 1.0),
    thresholds=st.lists(st.floats(0, 1e6), min_size=2, max_size=6),
)
def test_property_probabilities_in_unit_interval_and_monotone(preset, seed, spread, thresholds):
    """prob() is in [0, 1] and never rises as the threshold rises."""
    result = monte_carlo(sim.PRESETS[preset], n=64, seed=seed, spread=spread)
    for kpi in ("deliveries_2025", "peak_backlog"):
        probs = [result.prob(kpi, t) for t in sorted(thresholds)]
        assert all(0.0 <= pr <= 1.0 for pr in probs)
        assert all(a >= b for a, b in zip(probs, probs[1:], strict=False))


@SLOW
@given(preset=st.sampled_from(PRESET_NAMES), seed=st.integers(0, 2**32 - 1), spread=st.floats(0.0, 1.5))
def test_property_balances_hold_in_every_draw(preset, seed, spread):
    """Per line and month of every draw: orders = deliveries + cancellations + backlog, and reservations =
    orders + refunds + pending (cumulated); nothing negative, nothing NaN."""
    p = sim.PRESETS[preset]
    n_months = len(month_range(p["end"]))
    arrays = simulate_arrays(batch_inputs(p, draw_parameters(p, n=64, seed=seed, spread=spread)), n_months)

    def cum(key):
        return np.cumsum(arrays[key], axis=2)

    scale = 1e-9 * max(1.0, cum("reservations").max())
    np.testing.assert_allclose(
        cum("orders"), cum("deliveries") + cum("cancellations") + arrays["backlog"], rtol=1e-9, atol=scale
    )
    np.testing.assert_allclose(cum("reservations"), cum("orders") + cum("refunds") + arrays["pending"], atol=scale)
    for key in ("reservations", "orders", "deliveries", "cancellations", "refunds", "backlog", "pending"):
        assert np.isfinite(arrays[key]).all() and (arrays[key] >= -scale).all()
    assert (arrays["deliveries"].sum(axis=1) <= arrays["capacity"] * (1 + 1e-12) + 1e-9).all()


@SLOW
@given(seed=st.integers(0, 2**32 - 1), spread=st.floats(0.01, 1.0))
def test_property_quantiles_ordered_for_any_seed_and_spread(seed, spread):
    """P10 <= P50 <= P90 holds whatever the seed and spread."""
    q = monte_carlo(BASE, n=50, seed=seed, spread=spread).quantiles
    for name in BANDED:
        assert (q[f"{name}_p10"] <= q[f"{name}_p50"]).all() and (q[f"{name}_p50"] <= q[f"{name}_p90"]).all()


@pytest.mark.parametrize("chunk", [2, 7, 64, 1000])
def test_chunked_run_gives_the_numbers_of_one_batch(chunk):
    """Draws run in chunks give exactly the quantiles, KPIs and draws of one batch with the same seed."""
    p = BASE.with_values({"end": "2027-06"})
    whole = monte_carlo(p, n=150, seed=11, spread=0.4, chunk=150)
    chunked = monte_carlo(p, n=150, seed=11, spread=0.4, chunk=chunk)
    pd.testing.assert_frame_equal(chunked.quantiles, whole.quantiles, check_exact=True)
    pd.testing.assert_frame_equal(chunked.kpis, whole.kpis, check_exact=True)
    pd.testing.assert_frame_equal(chunked.draws, whole.draws, check_exact=True)


def test_progress_reports_every_chunk():
    """The progress callback hears (done, n) after each chunk, ending at n."""
    calls = []
    monte_carlo(BASE, n=250, seed=0, chunk=100, progress=lambda done, n: calls.append((done, n)))
    assert calls == [(100, 250), (200, 250), (250, 250)]


def test_chunk_below_one_raises():
    """A chunk of 0 draws is refused with the parameter's name."""
    with pytest.raises(ValueError, match="'chunk'"):
        monte_carlo(BASE, n=10, chunk=0)


@pytest.mark.parametrize("n", [1, 2, 3, 10, 999, 1000, 1001, 10_000])
@pytest.mark.parametrize("levels", [[0.1, 0.5, 0.9], [0.0, 0.1, 0.25, 0.5, 0.9, 1.0], [0.5], [0.9, 0.1, 0.9]])
def test_quantiles_are_numpys(n, levels):
    """The bands' quantiles are np.quantile's to the last bit (zeros' signs aside), with ties, NaN and inf too."""
    rng = np.random.default_rng(n)
    series = np.round(rng.standard_normal((4, 3, n)) * 10.0 ** rng.integers(-2, 5, (4, 3, 1)), 1)
    series[1, 2, rng.integers(n)], series[2, 0, 0], series[3, 1] = np.nan, np.inf, 7.0
    with np.errstate(invalid="ignore"):  # inf - inf between the two values around a level: NaN, in both
        expected = np.quantile(series, levels, axis=-1)
        got = quantiles_over_draws(series, levels)

    # -0.0 and 0.0 tie, so a zero's sign may differ (x + 0.0 drops it); every other bit is the same
    def bits(values):
        return np.where(np.isnan(values), np.nan, values + 0.0).view(np.int64)

    np.testing.assert_array_equal(bits(got), bits(expected))


# Another launch: Tesla's Model 3

TESLA = sim.Params.base("tesla_model3")
XIAOMI_KEYS = {*sim.LINES, *sim.PLANTS}  # Xiaomi's line and plant keys: none may appear in a Tesla draw


def test_tesla_monte_carlo_draws_tesla_levers_and_is_reproducible():
    """A Tesla run draws its own plants' and line's parameters over its own months; a seed fixes every number."""
    first, again, other = (monte_carlo(TESLA, n=64, seed=s) for s in (5, 5, 6))
    pd.testing.assert_frame_equal(first.kpis, again.kpis)
    pd.testing.assert_frame_equal(first.draws, again.draws)
    pd.testing.assert_frame_equal(first.quantiles, again.quantiles)
    assert not np.allclose(first.kpis["deliveries_total"], other.kpis["deliveries_total"])
    drawn = list(first.draws.columns)
    assert drawn == list(uncertain_parameters("tesla_model3"))
    assert {"fremont.peak", "ga4.peak", "shanghai.ramp_months", "model3.market_size", "model3.conversion"} <= set(drawn)
    assert not {name.split(".")[0] for name in drawn} & XIAOMI_KEYS
    assert all(first.draws[name].std() > 0 for name in drawn if TESLA[name] != 0)
    assert first.quantiles.index.equals(TESLA.package.months(TESLA["end"]))
    assert str(first.quantiles.index[0]) == "2016-03"  # Tesla's first month (reservations opened 31 Mar 2016)
    assert set(first.kpis.columns) == set(sim.simulate(TESLA).kpis)  # its own KPI years (deliveries_2017, ...)


def test_tesla_zero_spread_is_its_deterministic_run():
    """Spread 0 on Tesla's base gives ``sim.simulate`` of that base in every draw (so the right launch ran)."""
    run = sim.simulate(TESLA)
    result = monte_carlo(TESLA, n=3, seed=0, spread=0.0)
    np.testing.assert_allclose(result.kpis["deliveries_total"], run.kpis["deliveries_total"], rtol=1e-12)
    np.testing.assert_allclose(result.quantiles["deliveries_p50"], run.total["deliveries"], rtol=1e-12, atol=1e-9)
    assert result.kpis["month_100k"].astype(str).tolist() == [run.kpis["month_100k"]] * 3
