"""Plain-words notes on scenarios whose charts would otherwise look broken: nothing enabled, no capacity, no demand.

Pure: :func:`scenario_notes` reads a run and returns sentences; the page shows each as an info box.
"""

from __future__ import annotations

import sim
from sim.calendar import MAX_WAIT_MONTHS


def scenario_notes(run: sim.Run) -> list[str]:
    """What an analyst should know to read this run's cards and charts, most basic first (empty when all is normal)."""
    p, total = run.params, run.total
    end = p["end"]
    labels = {k: line.label for k, line in p.package.tables.lines.items()}
    enabled = [labels[line] for line in labels if p[f"{line}.enabled"]]
    if not enabled:
        return [
            "No line is enabled, so nothing is reserved, ordered or delivered. Switch a line on in its "
            f"expander ({', '.join(f'{label} line' for label in labels.values())}) under the levers."
        ]
    notes = []
    if total["capacity"].sum() == 0:
        notes.append(
            f"No plant builds a car before {end}: both plants start later or have no capacity, so "
            "nothing is delivered and waits sit at their 60-month cap."
        )
    if total["interest"].sum() == 0:
        notes.append(
            f"No buyer shows interest before {end}: the enabled lines' markets are empty or their "
            "reservations open after the last month."
        )
    elif total["orders"].sum() > 0 and total["deliveries"].sum() == 0 and total["capacity"].sum() > 0:
        notes.append(
            f"Orders come in but nothing is delivered before {end}: first deliveries start after the last month."
        )
    if total["capacity"].sum() > 0 and total["wait_months"].max() >= MAX_WAIT_MONTHS - 1e-9:
        notes.append("Quoted waits reach the 60-month cap: the order book is far beyond what the plants can build.")
    notes += _idle_plant_notes(run)
    if len(total) == 1:
        first = total.index[0]
        notes.append(f"The run is a single month ({first}): yearly figures after {first.year} are zero by design.")
    return notes


def _idle_plant_notes(run: sim.Run) -> list[str]:
    """A note for each plant that builds an enabled line's orders but no car within the run."""
    p, notes = run.params, []
    launch = p.package
    for number, plant in enumerate(launch.plants, start=1):
        keys = [ln for ln in launch.lines if p[f"{ln}.enabled"] and p[f"{ln}.plant"] == number]
        lines = [launch.tables.lines[ln].label for ln in keys]
        orders = run.lines.loc[run.lines.index.get_level_values("line").isin(keys), "orders"].sum()
        starts_late = p.month(f"{plant}.start") > p.month("end") or max(p[f"{plant}.initial"], p[f"{plant}.peak"]) == 0
        if lines and orders > 0 and starts_late:
            notes.append(
                f"Plant {number} builds the {' and '.join(lines)} but no car before {p['end']}: those orders wait "
                "(and cancel) until it starts. Start it earlier, give it capacity, or move the line to the other plant."
            )
    return notes
