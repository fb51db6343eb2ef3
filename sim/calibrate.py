"""Fitting the model to the reported figures: weighted least squares, searched over many scenarios at once.

The loss is a weighted sum of squared relative errors against every reported figure up to a cutoff month
(the launch's ``reported.csv`` and ``economics.csv``): monthly, quarterly, yearly and cumulative deliveries (all
lines, per line and per family of lines), locked orders, reservations, quarterly gross margin and average selling price.
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

from sim.model import batch_inputs, simulate_arrays
from sim.params import Params
from sim.registry import XIAOMI, Launch, get_launch
from sim.reported import economics, reported

# Parameters the fit may move, with the box it searches (log scale for the wide ones), from the launch's
# ``launch.json``. Everything else is a public fact (dates, list prices, deposits, plant assignments) or a stated
# prior. FIT_BOXES and _LOG_SCALE are Xiaomi's.
FIT_BOXES = {name: (low, high) for name, (low, high, _) in XIAOMI.tables.fit_boxes.items()}
_LOG_SCALE = {name for name, (_, _, log) in XIAOMI.tables.fit_boxes.items() if log}
WEIGHTS = {"exact": 1.0, "derived": 1.0, "estimate": 0.5, "at_least": 1.0}
METRIC_WEIGHTS = {
    "deliveries_quarter": 4.0,
    "deliveries_year": 4.0,
    "cum_orders": 4.0,
    "gross_margin": 2.0,
    "asp_rmb": 2.0,
    "production_quarter": 0.0,  # the model has no cars in transit: production is reported beside it, not fitted
}
# Stocks, read at the figure's month, not summed: the arrays whose sum each one is.
STOCK_METRICS = {"open_reservations_and_orders": ("pending", "backlog"), "open_orders": ("backlog",)}
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


def observations(cutoff: str | None = None, launch: str | Launch = "xiaomi") -> list[Observation]:
    """Every reported figure of ``launch`` usable for fitting, up to ``cutoff`` (None = all)."""
    package = get_launch(launch)
    rows = []
    for r in reported(package).itertuples():
        last = package.index(r.month)
        first = {"deliveries_quarter": last - 2, "production_quarter": last - 2}.get(r.metric, last)
        first = package.index(f"{r.month.year}-01") if r.metric == "deliveries_year" else first
        first = 0 if r.metric.startswith("cum_") else first
        rows.append(Observation(r.metric, r.line, max(0, first), last, r.value, r.bound, r.source))
    for r in economics(package).itertuples():
        last = package.index(r.quarter_end)
        rows.append(Observation(r.metric, "all", max(0, last - 2), last, r.value, "exact", r.source))
    limit = package.index(cutoff) if cutoff else max(o.last for o in rows)
    return [o for o in rows if o.last <= limit]


def _series(arrays, metric: str, line: str, launch: Launch = XIAOMI) -> np.ndarray:
    key = {
        "deliveries_quarter": "deliveries",
        "deliveries_year": "deliveries",
        "production_quarter": "deliveries",
        "cum_deliveries": "deliveries",
        "cum_orders": "orders",
        "cum_reservations": "reservations",
        "cum_refunds": "refunds",
    }.get(metric, metric)
    values = sum(arrays[k] for k in STOCK_METRICS[metric]) if metric in STOCK_METRICS else arrays[key]
    if line == "all":
        return values.sum(axis=1)
    lines = launch.lines
    return values[:, [lines.index(k) for k in launch.tables.families.get(line, (line,))]].sum(axis=1)


def predict(arrays, obs: list[Observation], launch: Launch | None = None) -> np.ndarray:
    """The model's value of each observation for each draw: (draws, observations)."""
    launch = launch or XIAOMI
    columns = []
    for o in obs:
        window = slice(o.first, o.last + 1)
        if o.metric in ("gross_margin", "asp_rmb"):
            top = _series(arrays, "gross_profit" if o.metric == "gross_margin" else "revenue", "all")[:, window]
            bottom = _series(arrays, "revenue" if o.metric == "gross_margin" else "deliveries", "all")[:, window]
            columns.append(top.sum(axis=1) / np.maximum(bottom.sum(axis=1), 1e-9))
        elif o.metric in STOCK_METRICS:
            columns.append(_series(arrays, o.metric, o.line, launch)[:, o.last])
        elif o.metric.startswith("cum_"):
            columns.append(_series(arrays, o.metric, o.line, launch)[:, : o.last + 1].sum(axis=1))
        else:
            columns.append(_series(arrays, o.metric, o.line, launch)[:, window].sum(axis=1))
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

    def __init__(self, names: list[str], launch: Launch = XIAOMI):
        boxes = launch.tables.fit_boxes
        self.names = names
        self.low = np.array([boxes[n][0] for n in names], dtype=float)
        self.high = np.array([boxes[n][1] for n in names], dtype=float)
        self.log = np.array([boxes[n][2] for n in names])

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
        spec = p.package.parameters[name]
        value = min(max(float(value), spec.min), spec.max)
        changes[name] = int(round(value / spec.step) * spec.step) if spec.kind == "int" else float(f"{value:.4g}")
    return p.with_values(changes)


def visible_levers(p: Params, names: list[str], obs: list[Observation], n_months: int) -> list[str]:
    """The levers that move at least one observation: the others are left where they are (one batch run)."""
    box = _Box(names, p.package)
    base = box.to_unit(np.array([p[n] for n in names], dtype=float))
    probes = np.repeat(base[None, :], len(names) + 1, axis=0)
    probes[1:] += np.where(base < 0.5, 0.1, -0.1) * np.eye(len(names))
    arrays = simulate_arrays(batch_inputs(p, dict(zip(names, box.from_unit(probes).T, strict=True))), n_months)
    pred = predict(arrays, obs, p.package)
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
    """Calibrate ``p`` to the reported figures of its launch up to ``cutoff``.

    Args:
        p: the starting scenario; also the centre of the weak prior.
        cutoff: last month of data used ('YYYY-MM'); None uses every figure.
        levers: the parameters to fit (default: every name in the launch's fit boxes).
        seed: seeds the search; the same seed gives the same fit.
        rounds, population: search effort of each search.
        restarts: further searches from random points of the box; the best of all is kept.

    Returns:
        A new Params with the fitted values (whole numbers on their slider step, floats to 4 significant
        digits). Levers that
        no figure up to the cutoff depends on (e.g. the second plant for a 2024 cutoff) keep their values.
    """
    obs = observations(cutoff, p.package)
    n_months = max(o.last for o in obs) + 1
    names = visible_levers(p, list(levers or p.package.tables.fit_boxes), obs, n_months)
    if not names:
        return p
    box = _Box(names, p.package)
    start = box.to_unit(np.array([p[n] for n in names], dtype=float))

    def loss(unit: np.ndarray) -> np.ndarray:
        arrays = simulate_arrays(batch_inputs(p, dict(zip(names, box.from_unit(unit).T, strict=True))), n_months)
        return data_loss(predict(arrays, obs, p.package), obs) + PRIOR_WEIGHT * ((unit - start) ** 2).sum(axis=1)

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
    obs = observations(cutoff, p.package)
    n_months = max(o.last for o in obs) + 1
    pred = predict(simulate_arrays(batch_inputs(p), n_months), obs, p.package)[0]
    frame = pd.DataFrame([o.__dict__ for o in obs])
    months = p.package.months(p.package.tables.last_month)
    frame["month"] = [str(months[o.last]) for o in obs]
    frame["model"] = pred
    frame["error"] = pred / frame["value"] - 1.0
    return frame.drop(columns=["first", "last"])


def total_loss(p: Params, cutoff: str | None = None) -> float:
    """The data loss of scenario ``p`` against the figures up to ``cutoff`` (no prior term)."""
    obs = observations(cutoff, p.package)
    arrays = simulate_arrays(batch_inputs(p), max(o.last for o in obs) + 1)
    return float(data_loss(predict(arrays, obs, p.package), obs)[0])
