"""Fitting the model to the reported figures: weighted least squares, searched over many scenarios at once.

The loss is a weighted sum of squared relative errors against every reported figure up to a cutoff month
(``sim/data/reported.csv`` and ``economics.csv``): monthly, quarterly, yearly and cumulative deliveries (all lines,
per line and per family of lines), locked orders, reservations, quarterly gross margin and average selling price.
An 'at_least' figure counts only when the model falls short of it (and then in full); 'estimate' figures weigh half
as much as 'exact' ones. The per-line and per-family months weigh most: they are the only figures that split the
two plants. No acceptance band is in the loss (``sim.acceptance`` checks them afterwards, so they can fail). A weak
prior pulls each fitted parameter towards its starting value, so that parameters the data up to the cutoff cannot
see stay where they were.

The search is a cross-entropy method: each round runs a population of candidates through the vectorised core in
one call, keeps the best tenth, and draws the next round around them; it is seeded, so a fit is reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.calendar import month_index, month_range
from sim.model import batch_inputs, simulate_arrays
from sim.params import LINES, PARAMETERS, Params
from sim.reported import economics, reported
from sim.tables import FAMILIES

# Parameters the fit may move, with the box it searches (log scale for the wide ones). Everything else is a public
# fact (dates, list prices, deposits, plant assignments) or a stated prior.
FIT_BOXES = {
    "plant1.initial": (1000, 15000),
    "plant1.peak": (10000, 50000),
    "plant1.ramp_months": (2.0, 30.0),
    "plant2.initial": (1000, 20000),
    "plant2.peak": (10000, 60000),
    "plant2.ramp_months": (1.0, 24.0),
    "su7.market_size": (100000, 2000000),
    "su7.bass_p": (0.01, 0.5),
    "su7.bass_q": (0.0, 0.8),
    "su7.market_growth": (0.0, 1.0),
    "su7.conversion": (0.3, 1.0),
    "su7.unit_cost": (120000, 300000),
    "ultra.market_size": (5000, 200000),
    "ultra.bass_p": (0.005, 0.5),
    "ultra.unit_cost": (200000, 600000),
    "yu7.market_size": (100000, 2000000),
    "yu7.bass_p": (0.01, 0.8),
    "yu7.bass_q": (0.0, 0.8),
    "yu7.market_growth": (0.0, 1.0),
    "yu7.unit_cost": (120000, 350000),
    "learning_rate": (0.8, 1.0),
    "patience_months": (2.0, 24.0),
    "cancel_base": (0.0, 0.05),
    "cancel_slope": (0.0, 0.2),
}
_LOG_SCALE = {
    "plant1.initial",
    "plant2.initial",
    "su7.market_size",
    "ultra.market_size",
    "yu7.market_size",
    "su7.bass_p",
    "ultra.bass_p",
    "yu7.bass_p",
}
WEIGHTS = {"exact": 1.0, "derived": 1.0, "estimate": 0.5, "at_least": 1.0}
METRIC_WEIGHTS = {
    "deliveries_quarter": 4.0,
    "deliveries_year": 4.0,
    "cum_orders": 4.0,
    "gross_margin": 2.0,
    "asp_rmb": 2.0,
}
LINE_WEIGHT = 4.0  # a figure for one line or family: the only figures that split the plants
PRIOR_WEIGHT = 0.05


@dataclass(frozen=True)
class Observation:
    """One figure the fit compares against: the months it spans, which line, and how to read the model.

    ``bound`` is 'exact', 'derived', 'estimate' or 'at_least'; ``line`` is 'all', a line or a family of lines.
    """

    metric: str
    line: str
    first: int
    last: int
    value: float
    bound: str
    source: str = ""

    @property
    def weight(self) -> float:
        """How much this figure counts in the loss."""
        return WEIGHTS[self.bound] * METRIC_WEIGHTS.get(self.metric, 1.0) * (1.0 if self.line == "all" else LINE_WEIGHT)


def observations(cutoff: str | None = None) -> list[Observation]:
    """Every reported figure usable for fitting, up to ``cutoff`` (None = all)."""
    rows = []
    for r in reported().itertuples():
        last = month_index(r.month)
        first = {"deliveries_quarter": last - 2, "deliveries_year": month_index(f"{r.month.year}-01")}.get(
            r.metric, 0 if r.metric.startswith("cum_") else last
        )
        rows.append(Observation(r.metric, r.line, max(0, first), last, r.value, r.bound, r.source))
    for r in economics().itertuples():
        last = month_index(r.quarter_end)
        rows.append(Observation(r.metric, "all", max(0, last - 2), last, r.value, "exact", r.source))
    limit = month_index(cutoff) if cutoff else max(o.last for o in rows)
    return [o for o in rows if o.last <= limit]


def _series(arrays, metric: str, line: str) -> np.ndarray:
    key = {
        "deliveries_quarter": "deliveries",
        "deliveries_year": "deliveries",
        "cum_deliveries": "deliveries",
        "cum_orders": "orders",
    }.get(metric, metric)
    values = arrays[key]
    if line == "all":
        return values.sum(axis=1)
    return values[:, [LINES.index(k) for k in FAMILIES.get(line, (line,))]].sum(axis=1)


def predict(arrays, obs: list[Observation]) -> np.ndarray:
    """The model's value of each observation for each draw: (draws, observations)."""
    columns = []
    for o in obs:
        window = slice(o.first, o.last + 1)
        if o.metric in ("gross_margin", "asp_rmb"):
            top = _series(arrays, "gross_profit" if o.metric == "gross_margin" else "revenue", "all")[:, window]
            bottom = _series(arrays, "revenue" if o.metric == "gross_margin" else "deliveries", "all")[:, window]
            columns.append(top.sum(axis=1) / np.maximum(bottom.sum(axis=1), 1e-9))
        elif o.metric.startswith("cum_"):
            columns.append(_series(arrays, o.metric, o.line)[:, : o.last + 1].sum(axis=1))
        else:
            columns.append(_series(arrays, o.metric, o.line)[:, window].sum(axis=1))
    return np.stack(columns, axis=1)


def data_loss(pred: np.ndarray, obs: list[Observation]) -> np.ndarray:
    """Weighted sum of squared relative errors, (draws,)."""
    total = np.zeros(pred.shape[0])
    for j, o in enumerate(obs):
        error = (pred[:, j] - o.value) / o.value
        if o.bound == "at_least":
            error = np.minimum(error, 0.0)
        total += o.weight * error**2
    return total


class _Box:
    """Maps fitted parameters to the unit cube (log scale where marked) and back."""

    def __init__(self, names: list[str]):
        self.names = names
        self.low = np.array([FIT_BOXES[n][0] for n in names], dtype=float)
        self.high = np.array([FIT_BOXES[n][1] for n in names], dtype=float)
        self.log = np.array([n in _LOG_SCALE for n in names])

    def to_unit(self, values: np.ndarray) -> np.ndarray:
        low, high, v = (np.where(self.log, np.log(np.maximum(a, 1e-12)), a) for a in (self.low, self.high, values))
        return np.clip((v - low) / (high - low), 0.0, 1.0)

    def from_unit(self, unit: np.ndarray) -> np.ndarray:
        low, high = (np.where(self.log, np.log(np.maximum(a, 1e-12)), a) for a in (self.low, self.high))
        v = low + np.clip(unit, 0.0, 1.0) * (high - low)
        return np.where(self.log, np.exp(np.where(self.log, v, 0.0)), v)


def _rounded(p: Params, names: list[str], values: np.ndarray) -> Params:
    changes = {}
    for name, value in zip(names, values, strict=True):
        spec = PARAMETERS[name]
        value = min(max(float(value), spec.min), spec.max)
        changes[name] = int(round(value / spec.step) * spec.step) if spec.kind == "int" else float(f"{value:.4g}")
    return p.with_values(changes)


def visible_levers(p: Params, names: list[str], obs: list[Observation], n_months: int) -> list[str]:
    """The levers that move at least one observation: the others are left where they are (one batch run)."""
    box = _Box(names)
    base = box.to_unit(np.array([p[n] for n in names], dtype=float))
    probes = np.repeat(base[None, :], len(names) + 1, axis=0)
    probes[1:] += np.where(base < 0.5, 0.1, -0.1) * np.eye(len(names))
    arrays = simulate_arrays(batch_inputs(p, dict(zip(names, box.from_unit(probes).T, strict=True))), n_months)
    pred = predict(arrays, obs)
    moved = np.abs(pred[1:] - pred[0]).max(axis=1) > 1e-9 * np.maximum(np.abs(pred[0]).max(), 1.0)
    return [name for name, seen in zip(names, moved, strict=True) if seen]


def fit(
    p: Params,
    cutoff: str | None = "2024-10",
    *,
    levers: list[str] | None = None,
    seed: int = 0,
    rounds: int = 40,
    population: int = 400,
    restarts: int = 0,
) -> Params:
    """Calibrate ``p`` to the reported figures up to ``cutoff``.

    Args:
        p: the starting scenario; also the centre of the weak prior.
        cutoff: last month of data used ('YYYY-MM'); None uses every figure.
        levers: the parameters to fit (default: every name in ``FIT_BOXES``).
        seed: seeds the search; the same seed gives the same fit.
        rounds, population: search effort of each search.
        restarts: further searches from random points of the box; the best of all is kept.

    Returns:
        A new Params with the fitted values (whole numbers on their slider step, floats to 4 significant
        digits). Levers that
        no figure up to the cutoff depends on (e.g. the second plant for a 2024 cutoff) keep their values.
    """
    obs = observations(cutoff)
    n_months = max(o.last for o in obs) + 1
    names = visible_levers(p, list(levers or FIT_BOXES), obs, n_months)
    if not names:
        return p
    box = _Box(names)
    start = box.to_unit(np.array([p[n] for n in names], dtype=float))

    def loss(unit: np.ndarray) -> np.ndarray:
        arrays = simulate_arrays(batch_inputs(p, dict(zip(names, box.from_unit(unit).T, strict=True))), n_months)
        return data_loss(predict(arrays, obs), obs) + PRIOR_WEIGHT * ((unit - start) ** 2).sum(axis=1)

    rng = np.random.default_rng(seed)
    # One search from the scenario itself, then ``restarts`` more from random points of the box: the loss has
    # separate basins (e.g. a plant that binds all along against demand that runs out), and one search settles in
    # the first it finds.
    starts = [start] + [rng.uniform(0.0, 1.0, len(names)) for _ in range(restarts)]
    found = [_cross_entropy(loss, s, rng, rounds=rounds, population=population) for s in starts]
    best = min(found, key=lambda f: f[1])[0]
    if restarts:  # polish the best basin with a narrower search
        best = _cross_entropy(loss, best, rng, rounds=rounds, population=population, spread=0.05)[0]
    return _rounded(p, names, box.from_unit(best))


def _cross_entropy(loss, start, rng, *, rounds: int, population: int, spread: float = 0.3) -> tuple[np.ndarray, float]:
    """The best point a cross-entropy search from ``start`` finds in the unit cube, and its loss."""
    mean, spread = start.copy(), np.full(start.size, spread)
    best, best_loss = start, float(loss(start[None, :])[0])
    n_elite = max(2, population // 10)
    for _ in range(rounds):
        candidates = np.clip(mean + spread * rng.standard_normal((population, start.size)), 0.0, 1.0)
        candidates[0] = best
        losses = loss(candidates)
        order = np.argsort(losses)
        if losses[order[0]] < best_loss:
            best, best_loss = candidates[order[0]].copy(), float(losses[order[0]])
        elite = candidates[order[:n_elite]]
        mean = elite.mean(axis=0)
        spread = np.maximum(0.7 * elite.std(axis=0) + 0.3 * spread * 0.5, 0.002)
    return best, best_loss


def fit_report(p: Params, cutoff: str | None = None) -> pd.DataFrame:
    """Each observation next to the model's value for ``p``: metric, line, month, value, bound, model, error."""
    obs = observations(cutoff)
    n_months = max(o.last for o in obs) + 1
    pred = predict(simulate_arrays(batch_inputs(p), n_months), obs)[0]
    frame = pd.DataFrame([o.__dict__ for o in obs])
    frame["month"] = [str(month_range("2030-12")[o.last]) for o in obs]
    frame["model"] = pred
    frame["error"] = pred / frame["value"] - 1.0
    return frame.drop(columns=["first", "last"])


def total_loss(p: Params, cutoff: str | None = None) -> float:
    """The data loss of scenario ``p`` against the figures up to ``cutoff`` (no prior term)."""
    obs = observations(cutoff)
    arrays = simulate_arrays(batch_inputs(p), max(o.last for o in obs) + 1)
    return float(data_loss(predict(arrays, obs), obs)[0])
