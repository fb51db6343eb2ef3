"""Decisions: which inputs move a KPI most (``tornado``), and which lever value reaches a target (``goal_seek``).

Both evaluate many scenarios at once through the vectorised core: a tornado is one batch of 2 x parameters + 1
runs; a goal seek is one batch over a grid of the lever's range, then a bisection inside the bracket found.

The levers are the scenario's own launch's parameters (``p.package.parameters``). Timing KPIs (``month_100k``) and
month levers are handled as month indices counted from the launch's first month (``p.package.index``: 0 = 2024-03 for
Xiaomi, 2016-03 for Tesla's Model 3); a draw that never reaches the figure within the horizon counts as the month
after the horizon, so "never" sorts after every real month.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import month_label
from sim.kpis import TIMING_KPIS, kpi_arrays
from sim.kpis import kpi_names as launch_kpi_names
from sim.model import batch_inputs, simulate_arrays
from sim.params import MONTH_ORDER, Params, is_choice
from sim.registry import Launch, get_launch
from sim.spec import ParamSpec

GRID_POINTS = 65  # lever values of the bracketing grid (one batch)
TORNADO_STEP_RUNS = 64  # runs (two a lever) per batch: a batch is a real step of the page's progress bar
TOLERANCE = 0.01  # goal seek: the KPI must land within 1 % of the target (timing KPIs: in the target month)
_REFINE = 0.001  # bisection keeps going until 0.1 %, so the answer sits well inside the tolerance
_MAX_BISECTIONS = 60
_LEVER_KINDS = ("int", "float", "month")


def kpi_names(launch: str | Launch = "xiaomi") -> tuple[str, ...]:
    """Every KPI name ``sim.simulate`` reports for a scenario of ``launch``, in its order (its own years)."""
    return launch_kpi_names(get_launch(launch).kpi_years)


def evaluate(p: Params, overrides: Mapping[str, np.ndarray], kpi: str) -> np.ndarray:
    """``kpi`` for every draw of ``p`` with ``overrides`` (name -> (n,) array; months as indices), as floats.

    Timing KPIs come back as month indices, with "not reached" as the month after the horizon.
    """
    names = kpi_names(p.package)
    if kpi not in names:
        raise ValueError(f"Unknown KPI '{kpi}'; one of {', '.join(names)}.")
    months = p.package.months(p["end"])
    arrays = simulate_arrays(batch_inputs(p, overrides), len(months))
    values = kpi_arrays(arrays, months, p.package.kpi_years)[kpi].astype(float)
    return np.where(values < 0, len(months), values) if kpi in TIMING_KPIS else values


def lever_bounds(p: Params, name: str) -> tuple[float, float]:
    """The values ``name`` may take in ``p``: its registry range, and for a line's months also their order.

    Months come back as month indices of ``p``'s launch (open <= launch <= first deliveries and open <= end of sale
    hold for the line's other months in ``p``).
    """
    spec, index = _spec(p, name), p.package.index
    if spec.kind != "month":
        return float(spec.min), float(spec.max)
    low, high = index(spec.min), index(spec.max)
    if spec.line is not None:
        field = name.split(".", 1)[1]
        for before, after in MONTH_ORDER:
            if field == after:
                low = max(low, index(p[f"{spec.line}.{before}"]))
            if field == before:
                high = min(high, index(p[f"{spec.line}.{after}"]))
    return float(low), float(high)


def _spec(p: Params, name: str) -> ParamSpec:
    return p.package.parameters[name]


def _month_name(p: Params, index: float) -> str:
    """The 'YYYY-MM' of month ``index`` of ``p``'s launch (0 = its first month)."""
    return month_label(p.package.origin + round(index))


def _as_kind(p: Params, name: str, value: float) -> Any:
    kind = _spec(p, name).kind
    if kind == "month":
        return _month_name(p, value)
    return int(round(value)) if kind == "int" else float(value)


def _numeric(p: Params, name: str) -> float:
    return float(p.package.index(p[name]) if _spec(p, name).kind == "month" else p[name])


def _swing_values(p: Params, name: str, swing: float, shift_months: int) -> tuple[float, float]:
    spec, value = _spec(p, name), _numeric(p, name)
    low, high = lever_bounds(p, name)
    if spec.kind == "month":
        return max(low, value - shift_months), min(high, value + shift_months)
    down, up = np.clip([value * (1 - swing), value * (1 + swing)], low, high)
    return (float(np.round(down)), float(np.round(up))) if spec.kind == "int" else (float(down), float(up))


def _steps(runs: int, size: int, progress: Callable[[int, int], None] | None):
    """Slices of ``size`` runs covering ``runs``, calling ``progress(done, total)`` after each one is yielded."""
    for start in range(0, runs, size):
        yield slice(start, min(start + size, runs))
        if progress is not None:
            progress(min(start + size, runs), runs)


def tornado(
    p: Params,
    kpi: str,
    swing: float = 0.2,
    shift_months: int = 3,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """One-at-a-time sensitivity of ``kpi`` to every numeric and month parameter of ``p``'s launch, largest first.

    Each int or float parameter goes to value x (1 - swing) and x (1 + swing), clipped to its range (so a
    parameter at 0 does not move); each month parameter (except ``end``) moves ``shift_months`` earlier and
    later, within its range and the order of its line's months. All 2 x parameters + 1 runs are one batch.

    Args:
        p: the scenario.
        kpi: a KPI name of ``p``'s launch (see :func:`kpi_names`); timing KPIs as month indices, "never" = the
            month after the end.
        swing: relative change of numeric parameters (0.2 = plus and minus 20 %).
        shift_months: months to shift timing parameters; 0 leaves them out.
        progress: called as ``progress(runs done, runs in all)`` after each batch of levers (the page's bar).

    Returns:
        DataFrame with columns parameter, label, kind, value, low, high (in the parameter's kind: numbers, or
        'YYYY-MM' for months), kpi_low, kpi_high (KPI with the parameter at low and high), kpi_base, and
        effect = the width of the bar drawn through base, max(kpi_low, kpi_high, kpi_base) - min(...).
        Sorted by effect, largest first (ties in registry order).
    """
    if not 0 <= swing < 1:
        raise ValueError(f"Parameter 'swing' must be between 0 and 1, got {swing}.")
    kinds = ("int", "float", "month") if shift_months > 0 else ("int", "float")
    registry = p.package.parameters
    names = [n for n, s in registry.items() if s.kind in kinds and n != "end" and not is_choice(n)]
    runs = 2 * len(names) + 1  # run 0 is the base, runs 2i+1 and 2i+2 swing parameter i down and up
    overrides, swings = {}, {}
    for i, name in enumerate(names):
        swings[name] = _swing_values(p, name, swing, shift_months)
        column = np.full(runs, _numeric(p, name))
        column[[2 * i + 1, 2 * i + 2]] = swings[name]
        overrides[name] = column.astype(int) if registry[name].kind == "month" else column
    result = np.concatenate(
        [
            evaluate(p, {k: v[rows] for k, v in overrides.items()}, kpi)
            for rows in _steps(runs, TORNADO_STEP_RUNS, progress)
        ]
    )
    base, down, up = result[0], result[1::2], result[2::2]
    effect = np.maximum(np.maximum(down, up), base) - np.minimum(np.minimum(down, up), base)
    effect[effect <= 1e-9 * max(1.0, abs(base))] = 0.0  # float rounding of sums, not an effect
    table = pd.DataFrame(
        {
            "parameter": names,
            "label": [registry[n].label for n in names],
            "kind": [registry[n].kind for n in names],
            "value": pd.Series([p[n] for n in names], dtype=object),
            "low": pd.Series([_as_kind(p, n, swings[n][0]) for n in names], dtype=object),
            "high": pd.Series([_as_kind(p, n, swings[n][1]) for n in names], dtype=object),
            "kpi_low": down,
            "kpi_high": up,
            "kpi_base": base,
            "effect": effect,
        }
    )
    return table.sort_values("effect", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class GoalSeek:
    """The answer of :func:`goal_seek_detail`.

    Attributes:
        lever, kpi, target: as asked (a timing target as 'YYYY-MM').
        value: the lever value (in its kind) whose KPI meets the target, or None.
        achieved: the KPI at ``value``; when ``value`` is None, the KPI closest to the target the lever reaches.
        reason: None on success, else a sentence (in English) saying why no value works.
        curve: the bracketing grid, columns lever (numeric; months as indices of the scenario's launch) and kpi.
        why: the reason as data, for a page to word it in its own language: None on success, else 'jumps' (the KPI
            jumps over the target), 'earlier' or 'later' (a timing target out of reach), 'above' or 'below'.
        near: the rows of ``curve`` the reason names: the two around the jump, else the closest one.
    """

    lever: str
    kpi: str
    target: Any
    value: Any
    achieved: float
    reason: str | None
    curve: pd.DataFrame
    why: str | None = None
    near: tuple[int, ...] = ()


def _target_number(p: Params, kpi: str, target: Any) -> float:
    if kpi not in TIMING_KPIS:
        return float(target)
    first, last = p.package.tables.first_month, p["end"]
    index = p.package.index(target)
    if not 0 <= index <= p.package.index(last):
        raise ValueError(f"Target for '{kpi}' must be a month from {first} to {last}, got {target!r}.")
    return float(index)


def _show(kpi: str, value: float, p: Params) -> str:
    if kpi in TIMING_KPIS:
        return _month_name(p, value) if value < len(p.package.months(p["end"])) else "not reached"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.4g}"


def _grid(low: float, high: float, kind: str) -> np.ndarray:
    if kind == "float":
        return np.linspace(low, high, GRID_POINTS)
    return np.unique(np.round(np.linspace(low, high, GRID_POINTS)))  # int and month levers: whole steps


def goal_seek_detail(p: Params, lever: str, kpi: str, target: Any) -> GoalSeek:
    """Find the value of ``lever`` at which ``kpi`` meets ``target``, or say why none does.

    Notes:
        1. Bracket: run ``GRID_POINTS`` lever values evenly spread over the lever's range in one batch and keep
           every pair of neighbours where kpi - target changes sign (or touches 0).
        2. Bisect the brackets, nearest to the lever's current value first, until the KPI is within 0.1 % of
           the target (timing KPIs: exactly the target month) or the bracket is one step wide (whole numbers and
           months) or 1e-12 of the range. The first answer within ``TOLERANCE`` (1 %) is returned.
        3. With no bracket, a grid point within 1 % is returned; otherwise ``value`` is None and ``reason`` says
           whether the target is above or below everything the lever reaches (with the best value and where it
           is), or that the KPI jumps over the target.
        With several solutions, the one nearest the current value wins: the smallest change that does it.
    """
    spec = p.package.parameters.get(lever)
    if spec is None or spec.kind not in _LEVER_KINDS or lever == "end" or is_choice(lever):
        raise ValueError(f"Lever '{lever}' must be a number or month parameter other than 'end' or a plant choice.")
    goal = _target_number(p, kpi, target)
    target_shown = _show(kpi, goal, p) if kpi in TIMING_KPIS else target
    timing = kpi in TIMING_KPIS
    tolerance = 0.0 if timing else TOLERANCE * abs(goal)
    refine = 0.0 if timing else _REFINE * abs(goal)
    low, high = lever_bounds(p, lever)
    current = _numeric(p, lever)

    def kpi_at(values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        return evaluate(p, {lever: values.astype(int) if spec.kind == "month" else values}, kpi)

    grid = _grid(low, high, spec.kind)
    levels = kpi_at(grid)
    curve = pd.DataFrame({"lever": grid, "kpi": levels})
    gap = levels - goal

    def answer(x: float, level: float) -> GoalSeek:
        return GoalSeek(lever, kpi, target_shown, _as_kind(p, lever, x), float(level), None, curve)

    crossings = np.flatnonzero(gap[:-1] * gap[1:] <= 0)
    distance = np.maximum(0.0, np.maximum(grid[crossings] - current, current - grid[crossings + 1]))
    for i in crossings[np.argsort(distance, kind="stable")]:
        x, level = _bisect(kpi_at, grid[i], grid[i + 1], levels[i], levels[i + 1], goal, refine, spec.kind)
        if abs(level - goal) <= tolerance:
            return answer(x, level)
    close = np.flatnonzero(np.abs(gap) <= tolerance)
    if close.size:
        best = close[np.argmin(np.abs(grid[close] - current))]
        return answer(grid[best], levels[best])
    achieved, reason, why, near = _why_not(p, lever, kpi, grid, levels, gap, crossings)
    return GoalSeek(lever, kpi, target_shown, None, achieved, reason, curve, why, near)


def _bisect(kpi_at, a, b, level_a, level_b, goal, refine, kind):
    """Shrink [a, b] (where kpi - goal changes sign) around the target; return the best point seen."""
    best = min(((a, level_a), (b, level_b)), key=lambda point: abs(point[1] - goal))
    whole = kind != "float"
    for _ in range(_MAX_BISECTIONS):
        if abs(best[1] - goal) <= refine or (b - a <= 1 if whole else b - a <= 1e-12 * max(1.0, abs(b))):
            break
        middle = np.floor((a + b) / 2) if whole else (a + b) / 2
        level = float(kpi_at(np.array([middle]))[0])
        if abs(level - goal) < abs(best[1] - goal):
            best = (middle, level)
        if (level_a - goal) * (level - goal) <= 0:
            b, level_b = middle, level
        else:
            a, level_a = middle, level
    return best


def _why_not(p, lever, kpi, grid, levels, gap, crossings) -> tuple[float, str, str, tuple[int, ...]]:
    """(KPI closest to the target, the reason in English, its kind and the grid rows it names)."""

    def at(i):
        return f"{lever} = {_show_lever(p, lever, grid[i])}"

    if crossings.size:
        i = int(crossings[0])
        return (
            float(levels[i]),
            f"{kpi} jumps over the target between {at(i)} ({_show(kpi, levels[i], p)}) and "
            f"{at(i + 1)} ({_show(kpi, levels[i + 1], p)}); no value in between lands within 1 %.",
            "jumps",
            (i, i + 1),
        )
    if kpi in TIMING_KPIS:
        if (gap > 0).all():
            i = int(np.argmin(levels))
            text = f"target earlier than {lever} can reach: the earliest is {_show(kpi, levels[i], p)} at {at(i)}."
            return float(levels[i]), text, "earlier", (i,)
        i = int(np.argmax(levels))
        latest = _show(kpi, levels[i], p)
        text = f"target later than every value of {lever} gives: the latest is {latest} at {at(i)}."
        return float(levels[i]), text, "later", (i,)
    if (gap < 0).all():
        i = int(np.argmax(levels))
        text = f"target above what {lever} can reach: best is {_show(kpi, levels[i], p)} at {at(i)}."
        return float(levels[i]), text, "above", (i,)
    i = int(np.argmin(levels))
    text = f"target below what {lever} can reach: lowest is {_show(kpi, levels[i], p)} at {at(i)}."
    return float(levels[i]), text, "below", (i,)


def _show_lever(p: Params, lever: str, value: float) -> str:
    shown = _as_kind(p, lever, value)
    return f"{shown:,}" if _spec(p, lever).kind == "int" else (f"{shown:.4g}" if isinstance(shown, float) else shown)


def goal_seek(p: Params, lever: str, kpi: str, target: Any) -> Any:
    """The value of ``lever`` (in its kind, within its range) at which ``kpi`` is within 1 % of ``target``.

    Args:
        p: the scenario; only ``lever`` changes.
        lever: an int, float or month parameter of ``p``'s launch (not ``end``).
        kpi: a KPI name; for ``month_100k`` the target is a month 'YYYY-MM' and must be met exactly.
        target: the KPI value wanted.

    Returns:
        The lever value, or None when no value in the lever's range meets the target; see
        :func:`goal_seek_detail` for the reason and the method.
    """
    return goal_seek_detail(p, lever, kpi, target).value
