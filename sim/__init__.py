"""Launch what-if simulator: Xiaomi's SU7, SU7 Ultra and YU7 (2024-2030) and Tesla's Model 3 (2016-2019), month by
month. Each launch is a data package in ``sim/launches`` (``LAUNCHES``); the module-level tables are Xiaomi's.

Public API: ``Params`` (``Params.base(key)``, ``p.launch``), ``ParamSpec``, ``PARAMETERS``, ``LAUNCHES``, ``PRESETS``
(Xiaomi's; ``presets_for(key)`` and ``preset_notes_for(key)`` any launch's), ``simulate``, ``Run``, ``reported(key)``
(``whole_launch`` keeps the rows that count the whole launch), ``targets(key)``, ``side_by_side``, ``attribute``,
``encode_scenarios``, ``decode_scenarios(code, launch=key)``, ``scenario_bundle``, ``load_upload(data, launch=key)``,
``launch_label``; uncertainty and decisions: ``monte_carlo`` (a ``MonteCarloResult``), ``tornado``, ``goal_seek``
(``goal_seek_detail`` gives a ``GoalSeek`` with the reason when no value works). Everything that takes a ``Params``
works on that scenario's own launch. Bad outside input (levers, links, uploads) raises ``InputError``, a ``ValueError``
with a code and values (``sim.errors``). docs/model.md describes the model.
"""

from sim.attribution import attribute
from sim.backtest import Backtest, backtest
from sim.backtest import against_analysts as backtest_against_analysts
from sim.bundle import load_upload, scenario_bundle
from sim.calibrate import fit
from sim.decisions import GoalSeek, goal_seek, goal_seek_detail, tornado
from sim.errors import InputError
from sim.model import Run, simulate
from sim.params import Params
from sim.presets import PRESET_NOTES, PRESETS, preset_notes_for, presets_for
from sim.registry import LAUNCHES, PARAMETERS
from sim.reported import economics, reported, targets, whole_launch
from sim.scenarios import MODEL_VERSION, SCHEMA_VERSION, decode_scenarios, encode_scenarios, launch_label
from sim.sidebyside import side_by_side
from sim.spec import TOPICS, ParamSpec
from sim.tables import LINE_LABELS, LINES, PLANTS
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
    "backtest_against_analysts",
    "fit",
    "GoalSeek",
    "goal_seek",
    "goal_seek_detail",
    "InputError",
    "LAUNCHES",
    "launch_label",
    "LINES",
    "LINE_LABELS",
    "PLANTS",
    "MonteCarloResult",
    "PARAMETERS",
    "PRESETS",
    "PRESET_NOTES",
    "presets_for",
    "preset_notes_for",
    "TOPICS",
    "Params",
    "ParamSpec",
    "Run",
    "economics",
    "monte_carlo",
    "reported",
    "whole_launch",
    "side_by_side",
    "simulate",
    "targets",
    "tornado",
]
