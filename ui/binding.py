"""What binds deliveries: the months each plant is at capacity, in words the page puts under the cards.

The model marks a line's month ``capacity_bound`` when its plant built less than the book asked for
(``run.lines["capacity_bound"]``). A plant is at capacity in a month when any of its lines is; plants are numbered
1..n in the order of the launch's plants and a line's plant is its ``<line>.plant`` parameter. Pure functions: no
Streamlit here.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa

import sim
from ui import display, i18n, kpis

DEMAND_TOPICS = ("pricing", "preorders")  # levers that move demand: they cannot add deliveries at capacity


@lru_cache(maxsize=16)
def bound_months(run: sim.Run) -> dict[int, pd.PeriodIndex]:
    """Plant number -> the months it is at capacity (any of its lines capacity-bound), for every plant.

    Kept for the last runs (a run is cached per scenario and read-only): the sentence, the chart's shading and the
    tornado's notes all ask for it on the same rerun.
    """
    n_months, index = len(run.total), run.lines.index
    level = index.names.index("line")  # the first month's rows name each line once, in order (from the index's codes)
    names = index.levels[level].tolist()
    lines = [names[code] for code in index.codes[level][: len(run.lines) // max(n_months, 1)]]
    bound = run.lines["capacity_bound"].to_numpy().reshape(n_months, len(lines))  # rows are (month, line) in order
    plant_of = np.array([int(run.params[f"{line}.plant"]) for line in lines])
    numbers = range(1, len(run.params.package.plants) + 1)
    return {number: run.total.index[bound[:, plant_of == number].any(axis=1)] for number in numbers}


def spans(months: pd.PeriodIndex) -> list[tuple[str, str]]:
    """Consecutive months as (first, last) 'YYYY-MM' pairs: [2024-04, 2024-05, 2024-07] -> two spans."""
    ordinals = np.sort(pd.PeriodIndex(months, freq="M").asi8)  # months since 1970-01
    labels = ordinals.astype("datetime64[M]").astype(str).tolist()  # as 'YYYY-MM'
    ends = np.flatnonzero(np.diff(ordinals) != 1)  # where one span ends and the next begins
    firsts, lasts = [0, *(ends + 1)], [*ends, len(labels) - 1]
    return [(labels[a], labels[b]) for a, b in zip(firsts, lasts, strict=True)] if labels else []


@lru_cache(maxsize=16)
def bound_spans(run: sim.Run) -> dict[int, list[tuple[str, str]]]:
    """Plant number -> the :func:`spans` of its months at capacity, kept for the last runs (the sentence under the
    cards and the chart's shading both read them on a rerun)."""
    return {number: spans(months) for number, months in bound_months(run).items()}


def _span_text(first: str, last: str) -> str:
    if first == last:
        return i18n.t("binds.in_month", month=display.month(first))
    return i18n.t("binds.from_to", first=display.month(first), last=display.month(last))


def capacity_sentence(run: sim.Run) -> str:
    """One sentence saying which months each plant limits deliveries and when demand takes over."""
    parts = []
    for number, plant_spans in bound_spans(run).items():
        if plant_spans:
            joined = i18n.t("binds.and").join(_span_text(*span) for span in plant_spans)
            parts.append(i18n.t("binds.plant", number=number, spans=joined))
    if not parts:
        return i18n.t("binds.demand_only")
    return i18n.t("binds.sentence", plants=i18n.t("binds.plants_and").join(parts))


def capacity_rows(run: sim.Run) -> pa.Table:
    """The capacity-bound spans for the deliveries chart: start, stop (month starts), plant (label)."""
    rows = [(number, *span) for number, plant_spans in bound_spans(run).items() for span in plant_spans]
    firsts, lasts = (np.array([row[i] for row in rows], dtype="datetime64[M]") for i in (1, 2))
    return pa.table(
        {
            "start": firsts.astype("datetime64[us]"),
            "stop": (lasts + 1).astype("datetime64[us]"),
            "plant": pa.array([i18n.t("binds.plant_at_capacity", number=row[0]) for row in rows], pa.string()),
        }
    )


def bound_in_year(run: sim.Run, year: int) -> int:
    """How many months of ``year`` some plant is at capacity."""
    months = set().union(*(set(m) for m in bound_months(run).values()))
    return sum(1 for m in months if m.year == year)


def cannot_move_note(run: sim.Run, kpi: str, levers: list[str]) -> str | None:
    """Why ``levers`` (those found to leave ``kpi`` unchanged) cannot move it, or None when none is given.

    For the deliveries of a year in which a plant is at capacity, the reason is the plants: prices and deposits
    then move orders, waits and cash, not deliveries.
    """
    if not levers:
        return None
    names = ", ".join(i18n.t(f"param.{n}") for n in levers[:4]) + (", …" if len(levers) > 4 else "")
    year = int(kpi[-4:]) if kpi.startswith("deliveries_") and kpi[-4:].isdigit() else None
    bound = bound_in_year(run, year) if year else 0
    parameters = run.params.package.parameters
    demand = any(parameters[n].topic in DEMAND_TOPICS for n in levers)
    if bound and demand:
        return i18n.t("binds.cannot_move", levers=names, kpi=kpis.label(kpi), bound=bound, year=year)
    return i18n.t("binds.no_effect", levers=names, kpi=kpis.label(kpi))
