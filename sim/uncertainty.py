"""Monte Carlo: how sure is a scenario? Every uncertain input drawn around its value, every draw run at once.

A scenario's demand, ramp, patience and cost parameters are estimates. :func:`monte_carlo` draws ``n`` versions of
the scenario, each uncertain parameter independently around its current value, runs them in one call to the
vectorised core (no Python loop over draws) and returns the spread of the outcomes: P10-P50-P90 bands by month,
every KPI per draw, and the probability of reaching a figure.

Distributions (``spread`` is the standard deviation on the transformed scale; ``z`` is standard normal):

- Positive scale quantities (market sizes, Bass p and q, price elasticities, deposit sensitivities, plant initial
  and peak rates and ramp-up months, unit costs, buyer patience, base and slope cancellation rates): lognormal with
  median at the current value, ``value * exp(spread * z)``, so spread 0.2 puts about 68 % of the draws within
  -18 % / +22 % of the value. A value of 0 stays 0.
- Bounded quantities (conversion shares; the learning rate inside its 0.7-1 range): normal on the logit scale of
  the value's position in its [min, max], ``min + (max - min) * expit(logit(u) + spread * z)``, so draws stay
  inside the range and move less near its ends. A value at either end (conversion 1) stays there.

The parameters drawn are those of the scenario's own launch (its plants and lines: :func:`uncertain_parameters`).
Every draw is clipped to the parameter's registry [min, max]. Draws are independent between parameters (no
correlations: a deliberately simple, stated assumption) and continuous, also for whole-number parameters. Dates,
prices, deposits, switches and the horizon are the analyst's decisions, not estimates, and are never drawn.
Randomness comes only from ``numpy.random.default_rng(seed)``: the same seed gives the same numbers, and spread 0
reproduces ``sim.simulate(p)`` in every draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim.kpis import TIMING_KPIS, kpi_arrays, line_totals
from sim.model import batch_inputs, simulate_arrays
from sim.params import Params
from sim.registry import Launch, get_launch
from sim.running import running_total

CHUNK = 1000  # draws run through the core at once: bounds a run's memory, not its numbers
QUANTILES = {"p10": 0.1, "p50": 0.5, "p90": 0.9}
# Monthly totals (all lines) whose P10-P50-P90 bands ``MonteCarloResult.quantiles`` carries.
# ytd_deliveries counts since January of each year, the figure the yearly targets are set in.
BANDED = ("deliveries", "cum_deliveries", "ytd_deliveries", "orders", "backlog", "wait_months", "capacity", "revenue")

_SCALE_FIELDS = ("initial", "peak", "ramp_months")  # of every plant
_LINE_SCALE_FIELDS = (
    "market_size",
    "bass_p",
    "bass_q",
    "market_growth",
    "price_elasticity",
    "deposit_sensitivity",
    "unit_cost",
)
_GLOBAL_SCALE = ("patience_months", "cancel_base", "cancel_slope")
_GLOBAL_BOUNDED = ("learning_rate", "refundable_weight")


def uncertain_parameters(launch: str | Launch = "xiaomi") -> dict[str, str]:
    """The parameters of ``launch`` that Monte Carlo draws, name -> law ('lognormal' or 'logit'), in registry order.

    Registry order, so that a seed always maps to the same parameter's draws.
    """
    package = get_launch(launch)
    scale = (
        _GLOBAL_SCALE
        + tuple(f"{plant}.{k}" for plant in package.plants for k in _SCALE_FIELDS)
        + tuple(f"{line}.{k}" for line in package.lines for k in _LINE_SCALE_FIELDS)
    )
    lending = () if package.tables.lending is None else (f"{package.tables.lending[0]}.lend",)
    bounded = _GLOBAL_BOUNDED + lending + tuple(f"{line}.conversion" for line in package.lines)
    return {name: ("lognormal" if name in scale else "logit") for name in package.parameters if name in scale + bounded}


UNCERTAIN: dict[str, str] = uncertain_parameters("xiaomi")  # Xiaomi's; ``uncertain_parameters(key)`` for another


def draw_parameters(p: Params, *, n: int = 2000, seed: int = 0, spread: float = 0.2) -> dict[str, np.ndarray]:
    """Draw every uncertain parameter of ``p``'s launch (:func:`uncertain_parameters`) around its value in ``p``.

    Args:
        p: the scenario to draw around.
        n: number of draws (at least 1).
        seed: seed of ``numpy.random.default_rng``.
        spread: standard deviation on the log or logit scale (0 = no uncertainty).

    Returns:
        name -> (n,) array: the overrides ``sim.model.batch_inputs`` takes; parameters not drawn keep ``p``'s value
        in every draw.
    """
    if n < 1:
        raise ValueError(f"Parameter 'n' must be at least 1, got {n}.")
    if not np.isfinite(spread) or spread < 0:
        raise ValueError(f"Parameter 'spread' must be 0 or more, got {spread}.")
    uncertain = uncertain_parameters(p.package)
    z = np.random.default_rng(seed).standard_normal((len(uncertain), n))
    draws = {}
    for row, (name, law) in enumerate(uncertain.items()):
        spec, value, shift = p.package.parameters[name], float(p[name]), spread * z[row]
        if law == "lognormal":
            drawn = value * np.exp(shift)
        else:
            width = spec.max - spec.min
            u = (value - spec.min) / width
            inside = 0.0 < u < 1.0
            logit = np.log(u / (1.0 - u)) if inside else 0.0
            drawn = spec.min + width * (1.0 / (1.0 + np.exp(-(logit + shift)))) if inside else np.full(n, value)
        # Exactly the value where nothing moved, so spread 0 is the deterministic run to the last bit.
        draws[name] = np.clip(np.where(shift == 0.0, value, drawn), spec.min, spec.max)
    return draws


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """The outcome of :func:`monte_carlo`.

    Attributes:
        params: the scenario drawn around; n, seed, spread: as passed.
        quantiles: by month (PeriodIndex, freq M): ``{x}_p10``, ``{x}_p50``, ``{x}_p90`` for every x in ``BANDED``
            (totals of all lines; wait_months is the book-weighted average wait). Each month's quantile is taken
            on its own, so a P50 curve is not the path of any one draw.
        kpis: one row per draw (index 'draw'), one column per KPI of ``sim.simulate``. ``month_100k`` is a
            monthly ``Period`` column with NaT where 100,000 is not reached within the horizon, so
            ``kpis[kpis.month_100k <= "2024-12"]`` keeps the draws that got there by December 2024.
        draws: one row per draw, one column per parameter drawn (:func:`uncertain_parameters` of the
            scenario's launch): the values that draw ran with.
    """

    params: Params
    n: int
    seed: int
    spread: float
    quantiles: pd.DataFrame
    kpis: pd.DataFrame
    draws: pd.DataFrame

    def prob(self, kpi: str, at_least: Any) -> float:
        """Share of draws whose ``kpi`` is at least ``at_least``, in [0, 1].

        For the timing KPI ``month_100k``, ``at_least`` is a month ('YYYY-MM' or ``Period``) and the answer is
        the share of draws that reach 100,000 deliveries *by* that month (in it or earlier): "at least 100,000
        by then". It therefore rises as the month gets later; for every other KPI it falls as ``at_least`` rises.
        """
        if kpi not in self.kpis.columns:
            raise ValueError(f"Unknown KPI '{kpi}'; one of {', '.join(self.kpis.columns)}.")
        values = self.kpis[kpi]
        if kpi in TIMING_KPIS:
            reached = values.notna() & (values <= pd.Period(at_least, freq="M"))
            return float(reached.mean())
        return float((values >= at_least).mean())

    def summary(self) -> pd.DataFrame:
        """P10, P50, P90 and mean of every numeric KPI (rows) over the draws."""
        numeric = self.kpis.drop(columns=list(TIMING_KPIS))
        table = numeric.quantile(list(QUANTILES.values())).T
        table.columns = list(QUANTILES)
        return table.assign(mean=numeric.mean())


def quantiles_over_draws(series: np.ndarray, levels: list[float]) -> np.ndarray:
    """``np.quantile(series, levels, axis=-1)`` (its default 'linear' method), ``series`` reordered in place.

    Returns:
        (levels, ...) array: the quantiles of every series along the last axis.

    Notes:
        The linear quantile q of n values lies g = h - floor(h) of the way from the value of rank floor(h) (0 = the
        smallest) to the next one, h = (n - 1) q. Those two values are found by a few partitions of shrinking
        parts of each series (:func:`_ranked`), several times faster than a sort or np.quantile's own search of
        several ranks at once, and np.quantile interpolates between them: the quantile g of the two values alone
        is the same interpolation by the same code, so the numbers are np.quantile's to the last bit (but for the
        sign of a zero: -0.0 and 0.0 tie, and may trade places). As np.quantile, a series with a NaN has NaN
        quantiles.
    """
    n = series.shape[-1]
    positions = [(n - 1) * np.float64(q) for q in levels]
    below = [int(np.floor(position)) for position in positions]
    has_nan = np.isnan(series.max(axis=-1))  # before the partitions, which move NaN to the ends of their parts
    ranked = _ranked(series, sorted(set(below)), 0, None)
    by_level = [
        np.quantile(np.stack(ranked[low], axis=-1), position - low, axis=-1)
        for position, low in zip(positions, below, strict=True)
    ]
    result = np.stack(by_level)
    result[:, has_nan] = np.nan
    return result


def _ranked(part: np.ndarray, ranks: list[int], first: int, following: np.ndarray | None) -> dict:
    """rank -> (value of that rank, value of the next rank) in ``part``, a series' values of ranks first, first + 1 ..

    ``following``: the value of the rank just after ``part`` (None at the end of the series: the last value is
    then its own next one, as np.quantile's top level reads it). ``part`` is partitioned in place, one rank at a
    time (NumPy partitions one rank far faster than several), at the middle wanted rank; the ranks below are
    then found in the part below it, those above in the part above it. The rank after each one is the smallest
    value above it.
    """
    if not ranks:
        return {}
    middle = ranks[len(ranks) // 2]
    at = middle - first
    part.partition(at, axis=-1)
    value, above = part[..., at].copy(), part[..., at + 1 :]
    last = value if following is None else following  # the next rank when the part ends at this one
    found = {middle: (value, above.min(axis=-1) if above.shape[-1] else last)}
    found.update(_ranked(part[..., :at], [r for r in ranks if r < middle], first, value))
    found.update(_ranked(above, [r for r in ranks if r > middle], middle + 1, following))
    return found


def _banded_totals(
    arrays: dict[str, np.ndarray], months: pd.PeriodIndex, totals: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    deliveries = totals["deliveries"]
    cum = running_total(deliveries)
    january = np.asarray(months.month) == 1
    # cumulative deliveries at the end of the year before each month (0 in the first year of the run)
    before_year = np.maximum.accumulate(np.where(january, cum - deliveries, 0.0), axis=1)
    return {
        "deliveries": deliveries,
        "cum_deliveries": cum,
        "ytd_deliveries": cum - before_year,
        "orders": totals["orders"],
        "backlog": totals["backlog"],
        "wait_months": totals["wait_months"],
        "capacity": arrays["capacity"],
        "revenue": totals["revenue"],
    }


def monte_carlo(
    p: Params,
    n: int = 2000,
    seed: int = 0,
    spread: float = 0.2,
    *,
    chunk: int = CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarloResult:
    """Run ``n`` draws of scenario ``p`` with every uncertain parameter drawn around its value (see module doc).

    Args:
        p: the scenario.
        n: number of draws; 2,000 gives P10/P90 to within about a percent, 10,000 takes well under a second.
        seed: seed of ``numpy.random.default_rng``; the same seed gives the same numbers.
        spread: standard deviation of the draws on the log (or logit) scale; 0 reproduces ``sim.simulate(p)``.
        chunk: draws run through the vectorised core at once. Every parameter is drawn for all ``n`` draws up
            front, so the numbers do not depend on ``chunk`` (to the last bit from 2 draws a chunk on; single-draw
            chunks sum in another order); it only bounds the memory of a run.
        progress: called as ``progress(done, n)`` after each chunk.

    Returns:
        A frozen :class:`MonteCarloResult` with ``quantiles``, ``kpis``, ``draws`` and ``prob``.

    Notes:
        Quantiles over draws do not reduce chunk by chunk, so each chunk keeps only what the bands need: the
        monthly totals of ``BANDED``, (banded, months, draws), 8 bytes each, about 52 MB for 10,000 draws over
        82 months, and its KPIs per draw; the (draws, lines, months) arrays of the core are dropped after each chunk.
    """
    if chunk < 1:
        raise ValueError(f"Parameter 'chunk' must be at least 1, got {chunk}.")
    months = p.package.months(p["end"])
    drawn = draw_parameters(p, n=n, seed=seed, spread=spread)
    # Draws on the last, contiguous axis: the partitions behind the quantiles are then several times faster.
    by_month = np.empty((len(BANDED), len(months), n))
    kpi_parts = []
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        arrays = simulate_arrays(batch_inputs(p, {k: v[start:stop] for k, v in drawn.items()}), len(months))
        totals = line_totals(arrays)
        bands = _banded_totals(arrays, months, totals)
        for ib, name in enumerate(BANDED):
            by_month[ib, :, start:stop] = bands[name].T
        kpi_parts.append(kpi_arrays(arrays, months, p.package.kpi_years, totals))
        del arrays, totals, bands  # the big (draws, lines, months) arrays go before the next chunk's are made
        if progress is not None:
            progress(stop, n)
    levels = quantiles_over_draws(by_month, list(QUANTILES.values()))
    quantiles = pd.DataFrame(
        {f"{name}_{q}": levels[iq, ib] for ib, name in enumerate(BANDED) for iq, q in enumerate(QUANTILES)},
        index=months,
    )
    kpis = pd.DataFrame({k: np.concatenate([part[k] for part in kpi_parts]) for k in kpi_parts[0]}).rename_axis("draw")
    for k in TIMING_KPIS:
        index = kpis[k].to_numpy()
        kpis[k] = pd.Series(months[np.maximum(index, 0)], index=kpis.index).where(index >= 0)
    return MonteCarloResult(
        params=p,
        n=n,
        seed=seed,
        spread=spread,
        quantiles=quantiles,
        kpis=kpis,
        draws=pd.DataFrame(drawn).rename_axis("draw"),
    )
