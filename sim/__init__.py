"""Launch what-if simulator: Xiaomi's SU7, SU7 Ultra and YU7, month by month (2024-2030).

Public API: ``Params``, ``ParamSpec``, ``PARAMETERS``, ``PRESETS``, ``simulate``, ``Run``, ``reported``,
``targets``, ``attribute``, ``encode_scenarios``, ``decode_scenarios``, ``scenario_bundle``,
``load_upload``; uncertainty and decisions: ``monte_carlo`` (a ``MonteCarloResult``), ``tornado``,
``goal_seek`` (``goal_seek_detail`` gives a ``GoalSeek`` with the reason when no value works). docs/model.md
describes the model.
"""

from sim.attribution import attribute
from sim.backtest import Backtest, backtest
from sim.bundle import load_upload, scenario_bundle
from sim.calibrate import fit
from sim.decisions import GoalSeek, goal_seek, goal_seek_detail, tornado
from sim.model import Run, simulate
from sim.params import LINE_LABELS, LINES, PARAMETERS, PLANTS, TOPICS, Params, ParamSpec
from sim.presets import PRESET_NOTES, PRESETS
from sim.reported import economics, reported, targets
from sim.scenarios import MODEL_VERSION, SCHEMA_VERSION, decode_scenarios, encode_scenarios
from sim.uncertainty import MonteCarloResult, monte_carlo

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
    "GoalSeek",
    "goal_seek",
    "goal_seek_detail",
    "LINES",
    "LINE_LABELS",
    "PLANTS",
    "MonteCarloResult",
    "PARAMETERS",
    "PRESETS",
    "PRESET_NOTES",
    "TOPICS",
    "Params",
    "ParamSpec",
    "Run",
    "economics",
    "monte_carlo",
    "reported",
    "simulate",
    "targets",
    "tornado",
]
