"""Launch what-if simulator: Xiaomi's SU7, SU7 Ultra and YU7, month by month (2024-2030).

Public API: ``Params``, ``ParamSpec``, ``PARAMETERS``, ``PRESETS``, ``simulate``, ``Run``, ``reported``,
``targets``. See SPEC.md for the model.
"""

from sim.backtest import Backtest, backtest
from sim.calibrate import fit
from sim.model import Run, simulate
from sim.params import LINE_LABELS, LINES, PARAMETERS, TOPICS, Params, ParamSpec
from sim.presets import PRESET_NOTES, PRESETS
from sim.reported import economics, reported, targets

__all__ = [
    "Backtest",
    "backtest",
    "fit",
    "LINES",
    "LINE_LABELS",
    "PARAMETERS",
    "PRESETS",
    "PRESET_NOTES",
    "TOPICS",
    "Params",
    "ParamSpec",
    "Run",
    "economics",
    "reported",
    "simulate",
    "targets",
]
