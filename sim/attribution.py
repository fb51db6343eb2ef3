"""Why did it change? The difference in a KPI between two scenarios, split over groups of parameters.

The split is the exact Shapley value over parameter groups: each group's contribution is its average marginal
effect on the KPI over every order in which the groups could be switched from the base scenario to the other one.
The contributions add up to the difference (to float rounding), a group whose parameters do not differ gets
nothing, and two groups that only matter together share their joint effect equally.

Groups, chosen to read like the page's expanders, are those of the scenarios' own launch (its lines):

- ``horizon``: the last month ``end``;
- ``production``: the plants (start, rates, ramp) and the learning rate;
- ``patience``: buyer patience and the cancellation rates;
- per line, ``<line>.timing``: reservations open, launch, first deliveries and end of sale, kept together because they
  must stay in order (switching one without the others could make an impossible scenario);
- per line, ``<line>.production``, ``<line>.pricing``, ``<line>.preorders``: the line's other parameters by topic.

Only groups with a changed parameter take part, so k groups cost 2^k scenarios, all run in one batch through
``simulate_arrays``. When ``end`` differs the coalitions split by horizon into two batches, each run on its own
horizon, so every coalition's KPI is exactly what ``simulate`` gives for that scenario (the last months of a run
depend on its horizon through the quoted wait). When more than ``MAX_GROUPS`` groups differ, each line's groups merge
into one group for the line, so a run never needs more than 2^6 scenarios.

Notes:
    phi_i = sum over S in N minus i of |S|! (k - |S| - 1)! / k! * (v(S + i) - v(S)), where v(S) is the KPI with the
    groups in S taken from the scenario and the rest from the base.
"""

from __future__ import annotations

from math import factorial

import numpy as np
import pandas as pd

from sim.kpis import TIMING_KPIS, kpi_arrays, kpi_names
from sim.model import batch_inputs, simulate_arrays
from sim.params import Params
from sim.registry import Launch, get_launch
from sim.spec import TOPICS

MAX_GROUPS = 10  # 2^10 = 1,024 scenarios in one batch (~0.1 s); more groups merge per line
TIMING = ("reservations_open", "launch", "deliveries_start", "end_of_sale")
COLUMNS = ("group", "contribution", "parameters", "key")


def group_key(name: str, *, by_line: bool = False, launch: str | Launch = "xiaomi") -> str:
    """The attribution group of parameter ``name`` of ``launch`` (see the module docstring); ``by_line`` merges a
    line's groups."""
    spec = get_launch(launch).parameters[name]
    if spec.line is None:
        return spec.topic
    if by_line:
        return spec.line
    return f"{spec.line}.timing" if name.split(".", 1)[1] in TIMING else f"{spec.line}.{spec.topic}"


def group_label(key: str, launch: str | Launch = "xiaomi") -> str:
    """How a group of ``launch`` reads on the page: 'Production and costs', 'SU7: pricing and market', 'YU7: all
    levers', 'Model 3: launch timing'."""
    if key in TOPICS:
        return TOPICS[key]
    line, _, topic = key.partition(".")
    what = "all levers" if not topic else "launch timing" if topic == "timing" else TOPICS[topic].lower()
    return f"{get_launch(launch).tables.lines[line].label}: {what}"


def group_order(launch: str | Launch = "xiaomi") -> list[str]:
    """Every fine group key of ``launch`` in the order the page lists them: global topics, then each line."""
    package = get_launch(launch)
    keys = [group_key(name, launch=package) for name in package.parameters]
    return list(dict.fromkeys(k for k in keys if "." not in k)) + list(dict.fromkeys(k for k in keys if "." in k))


def attribution_kpis(launch: str | Launch = "xiaomi") -> tuple[str, ...]:
    """The KPIs :func:`attribute` can split for ``launch`` (every numeric KPI; timing KPIs such as month_100k are
    months)."""
    return tuple(k for k in kpi_names(get_launch(launch).kpi_years) if k not in TIMING_KPIS)


def _changed_groups(base: Params, scenario: Params) -> dict[str, list[str]]:
    changed, launch = list(scenario.changes(base)), base.package
    groups: dict[str, list[str]] = {}
    by_line = len({group_key(n, launch=launch) for n in changed}) > MAX_GROUPS
    for name in changed:
        groups.setdefault(group_key(name, by_line=by_line, launch=launch), []).append(name)
    return groups


def _coalition_values(base: Params, scenario: Params, groups: dict[str, list[str]], kpi: str) -> np.ndarray:
    """v(S) for every coalition S, indexed by the bit mask of its groups (bit i = the i-th group of ``groups``)."""
    k = len(groups)
    masks = np.arange(2**k)
    b, s = batch_inputs(base), batch_inputs(scenario)
    draws = {}
    for bit, names in enumerate(groups.values()):
        takes_scenario = (masks >> bit) & 1 == 1
        for name in names:
            draws[name] = np.where(takes_scenario, s[name][0], b[name][0])
    horizon = draws.get("end", np.full(masks.shape, b["end"][0]))
    values = np.empty(masks.shape)
    for end in np.unique(horizon):
        rows = horizon == end
        months = base.package.months(scenario["end"] if end == s["end"][0] else base["end"])
        x = batch_inputs(base, {name: column[rows] for name, column in draws.items()})
        values[rows] = kpi_arrays(simulate_arrays(x, len(months)), months, base.package.kpi_years)[kpi]
    return values


def _shapley(values: np.ndarray, k: int) -> np.ndarray:
    masks = np.arange(2**k)
    sizes = np.array([bin(m).count("1") for m in masks])
    contributions = np.zeros(k)
    for i in range(k):
        without = masks[(masks >> i) & 1 == 0]
        s = sizes[without]
        weights = np.array([factorial(n) * factorial(k - n - 1) for n in s], dtype=float) / factorial(k)
        contributions[i] = np.sum(weights * (values[without | (1 << i)] - values[without]))
    return contributions


def attribute(base: Params, scenario: Params, kpi: str) -> pd.DataFrame:
    """Split ``kpi(scenario) - kpi(base)`` over the parameter groups that differ (exact Shapley values).

    Args:
        base: the reference scenario.
        scenario: the scenario to explain, of the same launch as ``base``.
        kpi: a numeric KPI name of ``run.kpis`` for the scenarios' launch (e.g. 'deliveries_2025' for Xiaomi,
            'deliveries_2018' for Tesla's Model 3; see :func:`attribution_kpis`).

    Returns:
        One row per group with a changed parameter, largest effect first: ``group`` (label), ``contribution``
        (in the KPI's unit), ``parameters`` (the changed parameters, comma-separated) and ``key`` (group key).
        ``attrs`` holds ``kpi``, ``base_value`` and ``scenario_value``; the contributions sum to their
        difference. Identical scenarios give no rows (a total of zero).

    Raises:
        ValueError: ``kpi`` is unknown or is a month (month_100k), which has no difference to split, or the two
            scenarios are of different launches (their parameters are not the same levers).
    """
    allowed = attribution_kpis(base.package)
    if kpi not in allowed:
        why = "is a month, not an amount" if kpi in TIMING_KPIS else "is not a KPI"
        raise ValueError(f"'{kpi}' {why}; attribute one of: {', '.join(allowed)}.")
    if base.launch != scenario.launch:
        raise ValueError(
            f"The two scenarios are of different launches ({base.package.tables.label} and "
            f"{scenario.package.tables.label}); a difference can only be split between scenarios of one launch."
        )
    groups = _changed_groups(base, scenario)
    values = _coalition_values(base, scenario, groups, kpi)
    contributions = _shapley(values, len(groups))
    launch = base.package
    order = {key: i for i, key in enumerate(group_order(launch) + list(launch.lines))}
    table = pd.DataFrame(
        {
            "group": [group_label(key, launch) for key in groups],
            "contribution": contributions,
            "parameters": [", ".join(names) for names in groups.values()],
            "key": list(groups),
        },
        columns=list(COLUMNS),
    )
    rank = [(-abs(c), order[key]) for c, key in zip(contributions, groups, strict=True)]
    table = table.iloc[sorted(range(len(table)), key=rank.__getitem__)].reset_index(drop=True)
    table.attrs.update(kpi=kpi, base_value=float(values[0]), scenario_value=float(values[-1]))
    return table
