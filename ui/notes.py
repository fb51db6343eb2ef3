"""Plain-words notes on scenarios whose charts would otherwise look broken: nothing enabled, no capacity, no demand.

Pure: :func:`scenario_notes` reads a run and returns sentences in the page language (``notes.*`` in the
catalogues); the page shows each as an info box.
"""

from __future__ import annotations

import sim
from sim.calendar import MAX_WAIT_MONTHS
from ui import display, i18n


def scenario_notes(run: sim.Run) -> list[str]:
    """What an analyst should know to read this run's cards and charts, most basic first (empty when all is normal)."""
    p, total = run.params, run.total
    end = display.month(p["end"])
    labels = {k: line.label for k, line in p.package.tables.lines.items()}
    enabled = [labels[line] for line in labels if p[f"{line}.enabled"]]
    if not enabled:
        return [
            i18n.t(
                "notes.no_lines",
                expanders=", ".join(i18n.t("sidebar.line", line=label) for label in labels.values()),
            )
        ]
    notes = []
    capacity = total["capacity"].sum()  # read once: each look-up of a column costs tens of microseconds
    if capacity == 0:
        notes.append(i18n.t("notes.no_capacity", end=end, cap=MAX_WAIT_MONTHS))
    if total["interest"].sum() == 0:
        notes.append(i18n.t("notes.no_interest", end=end))
    elif total["orders"].sum() > 0 and total["deliveries"].sum() == 0 and capacity > 0:
        notes.append(i18n.t("notes.no_deliveries", end=end))
    if capacity > 0 and total["wait_months"].max() >= MAX_WAIT_MONTHS - 1e-9:
        notes.append(i18n.t("notes.wait_cap", cap=MAX_WAIT_MONTHS))
    notes += _idle_plant_notes(run)
    if len(total) == 1:
        first = total.index[0]
        notes.append(i18n.t("notes.one_month", month=display.month(str(first)), year=first.year))
    return notes


def _idle_plant_notes(run: sim.Run) -> list[str]:
    """A note for each plant that builds an enabled line's orders but no car within the run."""
    p, notes = run.params, []
    launch = p.package
    for number, plant in enumerate(launch.plants, start=1):
        # months are 'YYYY-MM': as strings they sort as months do
        starts_late = p[f"{plant}.start"] > p["end"] or max(p[f"{plant}.initial"], p[f"{plant}.peak"]) == 0
        if not starts_late:  # the usual case, read without the run's tables
            continue
        keys = [ln for ln in launch.lines if p[f"{ln}.enabled"] and p[f"{ln}.plant"] == number]
        lines = [launch.tables.lines[ln].label for ln in keys]
        orders = run.lines.loc[run.lines.index.get_level_values("line").isin(keys), "orders"].sum()
        if lines and orders > 0:
            notes.append(
                i18n.t(
                    "notes.idle_plant",
                    number=number,
                    lines=i18n.t("binds.and").join(lines),
                    end=display.month(p["end"]),
                )
            )
    return notes
