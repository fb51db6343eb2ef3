"""Regenerate the golden run of the base scenario: ``python -m tools.golden`` writes ``tests/golden/base.json``.

The golden file holds the base run's monthly totals and KPIs; ``tests/test_golden.py`` compares a fresh run with it
to a tolerance, so a refactor that shifts a wait or a delivery fails. Regenerate it only on purpose: after a change
meant to change results (a new calibration, a new mechanism), and say so in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import sim

PATH = Path(__file__).resolve().parent.parent / "tests" / "golden" / "base.json"
COLUMNS = ("capacity", "orders", "deliveries", "cancellations", "backlog", "wait_months", "revenue", "deposits_held")


def golden() -> dict:
    """The base run's monthly totals (the columns above) and KPIs, as plain JSON values."""
    run = sim.simulate(sim.Params())
    return {
        "months": [str(m) for m in run.total.index],
        "total": {c: [float(v) for v in run.total[c]] for c in COLUMNS},
        "kpis": run.kpis,
    }


if __name__ == "__main__":
    PATH.write_text(json.dumps(golden(), indent=1) + "\n")
    print(f"wrote {PATH}")
