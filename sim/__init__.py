"""Launch what-if simulator: Xiaomi's SU7, SU7 Ultra and YU7, month by month (2024-2030).

Public API: ``Params``, ``ParamSpec``, ``PARAMETERS``, ``PRESETS``, ``simulate``, ``Run``, ``reported``,
``targets``, ``attribute``, ``encode_scenarios``, ``decode_scenarios``, ``scenario_bundle``,
``load_upload``. See SPEC.md for the model.
"""

from sim.attribution import attribute
from sim.backtest import Backtest, backtest
from sim.calibrate import fit
from sim.model import Run, simulate
from sim.params import LINE_LABELS, LINES, PARAMETERS, TOPICS, Params, ParamSpec
from sim.presets import PRESET_NOTES, PRESETS
from sim.reported import economics, reported, targets
from sim.scenarios import (
    MODEL_VERSION,
    SCHEMA_VERSION,
    decode_scenarios,
    encode_scenarios,
    load_upload,
    scenario_bundle,
)

__all__ = [
    "MODEL_VERSION",
    "SCHEMA_VERSION",
    "attribute",
    "decode_scenarios",
    "encode_scenarios",
    "load_upload",
    "scenario_bundle",
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
