"""Re-fit the base scenario to every reported figure and write the calibration and its report to the launch's folder.

Run: ``python -m tools.calibrate``. It starts from the registry's prior defaults (``sim.registry.PRIORS``: public
facts and stated assumptions), fits the parameters in ``sim.calibrate.FIT_BOXES`` with ``sim.calibrate.fit`` on
all reported figures (no cutoff; no acceptance band is in the loss), carries the first-generation SU7's demand and
cost over to the second generation (which has no figures yet), and writes:

- ``calibration.json``: the fitted values, the loss before and after, the seed and search effort;
- ``fit_report.csv``: every figure the fit saw, with the model's value and the error;
- ``acceptance.csv``: the acceptance bands of the base (``sim.acceptance``), with the model's value and a pass mark.

``sim.Params.base(launch)`` reads ``calibration.json``, so the base scenario is whatever this script last wrote.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from sim.acceptance import acceptance
from sim.calibrate import fit, fit_report, observations, total_loss
from sim.model import simulate
from sim.money import unit_cost_curve
from sim.params import Params
from sim.registry import XIAOMI, get_launch

SEED = 0
ROUNDS = 80
POPULATION = 800
RESTARTS = 12
LAUNCHES_DIR = Path(__file__).resolve().parent.parent / "sim" / "launches"
# Xiaomi's second-generation SU7 has no figures yet: it takes the first generation's fitted market and conversion.
CARRIED = dict(XIAOMI.tables.carried)


def carried_over(fitted: Params) -> dict:
    """The values a line without figures takes from its predecessor, unit cost at the end of the predecessor's sale.

    The new line is built on the same plant by the same people: its first cars cost what the predecessor's last
    ones did (the predecessor's learning curve at its end of sale).
    """
    run = simulate(fitted)
    values = {}
    for line, (source, fields) in fitted.package.tables.carried.items():
        values.update({f"{line}.{f}": fitted[f"{source}.{f}"] for f in fields})
        deliveries = run.lines.xs(source, level="line")["deliveries"].to_numpy()
        cost = unit_cost_curve(deliveries, fitted[f"{source}.unit_cost"], fitted["learning_rate"])
        last = min(len(cost) - 1, run.total.index.get_loc(fitted.month(f"{source}.end_of_sale")))
        values[f"{line}.unit_cost"] = int(round(cost[last], -3))
    return values


ABOUT = {
    "xiaomi": "Written by `python -m tools.calibrate`: sim.calibrate.fit from sim.registry.PRIORS on every "
    "reported figure in sim/launches/xiaomi (no acceptance band in the loss); the second-generation SU7 carries the "
    "first generation's market, conversion and end-of-sale unit cost.",
}


def main(key: str = "xiaomi") -> None:
    """Fit launch ``key``, write its calibration and reports, and print the fit report and the acceptance table."""
    launch = get_launch(key)
    data = LAUNCHES_DIR / key
    prior = Params(dict(launch.priors), launch=key)
    fitted = fit(prior, cutoff=None, seed=SEED, rounds=ROUNDS, population=POPULATION, restarts=RESTARTS)
    fitted = fitted.with_values(carried_over(fitted))
    about = ABOUT.get(key) or (
        f"Written by `python -m tools.calibrate {key}`: sim.calibrate.fit from the launch's priors on every reported "
        f"figure in sim/launches/{key} (no acceptance band in the loss)."
    )
    document = {
        "about": about,
        "date": date.today().isoformat(),
        "seed": SEED,
        "rounds": ROUNDS,
        "population": POPULATION,
        "restarts": RESTARTS,
        "figures_fitted": len(observations(None, launch)),
        "loss_prior": round(total_loss(prior), 6),
        "loss_fitted": round(total_loss(fitted), 6),
        "values": {name: fitted[name] for name in [*launch.tables.fit_boxes, *carried_over(fitted)]},
    }
    (data / "calibration.json").write_text(json.dumps(document, indent=2) + "\n")
    report = fit_report(fitted)
    report.to_csv(data / "fit_report.csv", index=False, float_format="%.6g")
    bands = acceptance(simulate(fitted))
    bands.to_csv(data / "acceptance.csv", index=False, float_format="%.6g")
    print(report[["month", "metric", "line", "value", "bound", "model", "error"]].to_string())
    print(bands.to_string())
    print(f"loss {document['loss_prior']:.3f} -> {document['loss_fitted']:.3f}; {int(bands['ok'].sum())} of "
          f"{len(bands)} bands met; wrote {data}")  # fmt: skip


if __name__ == "__main__":
    main(*sys.argv[1:2])
