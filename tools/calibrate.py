"""Re-fit the base scenario to every reported figure and write ``sim/data/calibration.json``.

Run: ``python -m tools.calibrate``. It starts from the registry's prior defaults (``sim.params.PRIORS``: public
facts and stated assumptions), fits the parameters in ``sim.calibrate.FIT_BOXES`` with ``sim.calibrate.fit`` on
all reported figures (no cutoff) and the spec's acceptance bands, and records the values, the loss and the seed.
``sim.Params()`` reads the file, so the base scenario is whatever this script last wrote.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sim.calibrate import FIT_BOXES, fit, fit_report, observations, total_loss
from sim.params import PRIORS, Params

SEED = 0
ROUNDS = 60
POPULATION = 400
OUT = Path(__file__).resolve().parent.parent / "sim" / "data" / "calibration.json"


def main() -> None:
    """Fit, print the comparison with the reported figures, and write the calibration file."""
    prior = Params(dict(PRIORS))
    fitted = fit(prior, cutoff=None, seed=SEED, rounds=ROUNDS, population=POPULATION)
    report = fit_report(fitted)
    print(report.round(3).to_string())
    document = {
        "about": "Written by `python -m tools.calibrate`: sim.calibrate.fit from sim.params.PRIORS on every "
        "reported figure in sim/data and the acceptance bands of SPEC.md's Calibration section.",
        "date": date.today().isoformat(),
        "seed": SEED,
        "rounds": ROUNDS,
        "population": POPULATION,
        "figures_fitted": len(observations(None)),
        "loss_prior": round(total_loss(prior), 6),
        "loss_fitted": round(total_loss(fitted), 6),
        "values": {name: fitted[name] for name in FIT_BOXES},
    }
    OUT.write_text(json.dumps(document, indent=2) + "\n")
    print(f"loss {document['loss_prior']:.3f} -> {document['loss_fitted']:.3f}; wrote {OUT}")


if __name__ == "__main__":
    main()
