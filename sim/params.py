"""The parameter registry and the frozen ``Params`` that holds one scenario.

Every input of the model has a flat dotted name ('plant1.peak', 'su7.price') and one ``ParamSpec`` in
``PARAMETERS``: label, unit, kind, range, step, default and help. That registry is the single source of truth for
validation, sliders, links, JSON and docs; a parameter is added here and nowhere else.

Defaults are public facts (dates, list prices, deposits) or stated assumptions; the demand, ramp and cost
parameters are then overwritten by the fitted values in ``sim/data/calibration.json`` (written by
``python -m tools.calibrate``), so ``Params()`` is the calibrated base scenario.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import FIRST_MONTH, LAST_MONTH, month_index, parse_month
from sim.tables import LINE_LABELS as LINE_LABELS  # re-exported: the registry's names for the lines
from sim.tables import LINE_TABLE, LINES, PLANT_TABLE, PLANTS

KINDS = ("int", "float", "bool", "month")
TOPICS = {
    "horizon": "Horizon",
    "production": "Production and costs",
    "pricing": "Pricing and market",
    "preorders": "Pre-orders and deposits",
    "patience": "Buyer patience",
}


@dataclass(frozen=True)
class ParamSpec:
    """One input: its name, how it is shown, what values it may take and where it belongs."""

    name: str
    label: str
    unit: str
    kind: str
    min: Any
    max: Any
    step: Any
    default: Any
    help: str
    topic: str
    line: str | None = None

    def check(self, value: Any) -> Any:
        """Return ``value`` in canonical form, or raise ``ValueError`` naming this parameter and its range."""
        value = _coerce(self, value)
        low, high = (month_index(self.min), month_index(self.max)) if self.kind == "month" else (self.min, self.max)
        key = month_index(value) if self.kind == "month" else value
        if self.kind != "bool" and not low <= key <= high:
            raise ValueError(f"Parameter '{self.name}' must be between {self.min} and {self.max}, got {value}.")
        return value

    @property
    def range_text(self) -> str:
        """The allowed values, as an analyst reads them."""
        return "true or false" if self.kind == "bool" else f"{self.min} to {self.max} ({self.unit})"


def _coerce(spec: ParamSpec, value: Any) -> Any:
    bounds = "" if spec.kind == "bool" else f" between {spec.min} and {spec.max}"  # messages name the range
    bad = ValueError(f"Parameter '{spec.name}' must be {_KIND_WORDS[spec.kind]}{bounds}, got {value!r}.")
    if spec.kind == "month":
        try:
            return parse_month(value)
        except ValueError:
            raise bad from None
    if spec.kind == "bool":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        raise bad
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise bad
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer beyond any float (JSON allows hundreds of digits): outside every range
        raise bad from None
    if not finite:
        raise ValueError(f"Parameter '{spec.name}' must be a finite number{bounds}, got {value!r}.")
    if spec.kind == "int":
        if float(value) != int(value):
            raise bad
        return int(value)
    return float(value)


_KIND_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "month": "a month written YYYY-MM",
}


def _spec(name, label, unit, kind, low, high, step, default, help, topic, line=None) -> ParamSpec:
    return ParamSpec(name, label, unit, kind, low, high, step, default, help, topic, line)


def _global_specs() -> list[ParamSpec]:
    m0, m1 = FIRST_MONTH, LAST_MONTH
    # fmt: off
    return [
        _spec("end", "Last month", "month", "month", m0, m1, 1, "2026-12",
              "Last month of the run (it starts in 2024-03, when SU7 orders opened).", "horizon"),
        _spec("patience_months", "Buyer patience", "months", "float", 0.0, 36.0, 0.5, 8.0,
              "Waiting time buyers accept before cancellations start to climb.", "patience"),
        _spec("cancel_base", "Base cancellation rate", "share/month", "float", 0.0, 0.2, 0.001, 0.005,
              "Share of the order book cancelled every month whatever the wait.", "patience"),
        _spec("cancel_slope", "Cancellations per month of extra wait", "share/month per month", "float",
              0.0, 0.5, 0.005, 0.02,
              "Extra monthly cancellation share for each month the quoted wait exceeds buyer patience.", "patience"),
        _spec("learning_rate", "Learning rate", "cost multiplier per doubling", "float", 0.7, 1.0, 0.01, 0.92,
              "Unit cost is multiplied by this each time a line's cumulative output doubles (1 = no learning).",
              "production"),
        _spec("refundable_weight", "Weight of a refundable deposit", "share", "float", 0.0, 1.0, 0.05, 0.5,
              "How strongly a refundable deposit deters casual buyers and commits the rest, relative to a "
              "non-refundable one (1 = the same, 0 = not at all).", "preorders"),
        _spec("spill", "Capacity shared between plants", "share", "float", 0.0, 1.0, 0.05, 0.0,
              "Share of a plant's spare capacity (after its own lines' books) that may build the other plant's "
              "lines; 0 = fully dedicated plants, as at Xiaomi's Beijing site.", "production"),
    ]
    # fmt: on


def _plant_specs(plant: str) -> list[ParamSpec]:
    row = PLANT_TABLE[plant]
    start, initial, peak, ramp = (row.defaults[k] for k in ("start", "initial", "peak", "ramp_months"))
    label = row.label
    return [
        _spec(
            f"{plant}.start",
            f"{label} start",
            "month",
            "month",
            FIRST_MONTH,
            LAST_MONTH,
            1,
            start,
            f"First month {label.lower()} builds cars (0 before).",
            "production",
        ),
        _spec(
            f"{plant}.initial",
            f"{label} initial rate",
            "cars/month",
            "int",
            0,
            60000,
            100,
            initial,
            "Output in the plant's first month.",
            "production",
        ),
        _spec(
            f"{plant}.peak",
            f"{label} peak rate",
            "cars/month",
            "int",
            0,
            100000,
            500,
            peak,
            "Output at full rate, once the ramp-up is over.",
            "production",
        ),
        _spec(
            f"{plant}.ramp_months",
            f"{label} ramp-up",
            "months",
            "float",
            0.0,
            48.0,
            1.0,
            ramp,
            "Months from the initial rate to the peak rate (an S-shaped ramp).",
            "production",
        ),
    ]


def _line_specs(line: str) -> list[ParamSpec]:
    row = LINE_TABLE[line]
    f, name, rival = {"end_of_sale": LAST_MONTH, **row.defaults}, row.label, row.rival
    m0, m1 = FIRST_MONTH, LAST_MONTH
    money = row.price_range  # prices and costs, RMB: wide enough for any what-if, narrow enough for a slider
    # fmt: off
    rows = [
        ("enabled", "in the scenario", "", "bool", None, None, None, True,
         f"Include the {name}; a line that is off contributes nothing.", "production"),
        ("plant", "plant", "plant number", "int", 1, len(PLANTS), 1, row.plant,
         "Which plant builds the line (1 or 2).", "production"),
        ("reservations_open", "reservations open", "month", "month", m0, m1, 1, f["reservations_open"],
         "First month buyers can reserve with a deposit.", "preorders"),
        ("launch", "launch", "month", "month", m0, m1, 1, f["launch"],
         "Month the final price is announced; reservations before it decide from then on.", "pricing"),
        ("deliveries_start", "first deliveries", "month", "month", m0, m1, 1, f["deliveries_start"],
         "First month the line is delivered.", "production"),
        ("end_of_sale", "end of sale", "month", "month", m0, m1, 1, f["end_of_sale"],
         "Last month the line takes reservations and orders; its order book is still built and delivered after it.",
         "preorders"),
        ("price", "price", "RMB", "int", *money, 1000, f["price"],
         "Average selling price from launch on.", "pricing"),
        ("presale_price", "pre-sale price", "RMB", "int", *money, 1000, f["presale_price"],
         "Price shown while reservations are open before launch.", "pricing"),
        ("competitor_price", "rival price", "RMB", "int", *money, 1000, f["competitor_price"],
         f"Price of the rival ({rival}); demand is set at price parity with it.", "pricing"),
        ("market_size", "market size", "buyers", "int", 0, 3000000, 1000, f["market_size"],
         "Buyers over the whole diffusion at price parity with the rival.", "pricing"),
        ("bass_p", "innovation (Bass p)", "per month", "float", 0.0001, 0.9, 0.0001, f["bass_p"],
         "Share of the remaining market that reserves each month on its own (launch buzz).", "pricing"),
        ("bass_q", "imitation (Bass q)", "per month", "float", 0.0, 1.5, 0.001, f["bass_q"],
         "Word-of-mouth pull of earlier buyers.", "pricing"),
        ("market_growth", "market growth", "share/year", "float", 0.0, 1.0, 0.01, f["market_growth"],
         "Yearly growth of the line's market while it is on sale: demand settles at this growth instead of dying "
         "out once the first buyers are served.", "pricing"),
        ("price_elasticity", "price elasticity", "", "float", 0.0, 6.0, 0.1, f["price_elasticity"],
         "Demand falls by (price / rival price) to this power; 0 = price does not matter.", "pricing"),
        ("deposit", "deposit", "RMB", "int", 0, 100000, 500, f["deposit"],
         "Deposit paid to reserve.", "preorders"),
        ("deposit_refundable", "deposit refundable", "", "bool", None, None, None, f["deposit_refundable"],
         "Whether a reservation that does not lock gets its deposit back.", "preorders"),
        ("deposit_sensitivity", "deposit sensitivity", "", "float", 0.0, 100.0, 1.0, f["deposit_sensitivity"],
         "How strongly the deposit (as a share of price) deters casual reservations and commits the rest.",
         "preorders"),
        ("conversion", "conversion", "share", "float", 0.0, 1.0, 0.01, f["conversion"],
         "Share of reservations that lock into orders when there is no deposit.", "preorders"),
        ("lock_lag_months", "lock lag", "months", "int", 0, 12, 1, f["lock_lag_months"],
         "Months after reserving that a buyer decides (never before launch).", "preorders"),
        ("unit_cost", "unit cost", "RMB", "int", *money, 1000, f["unit_cost"],
         "Cost of each of the line's first 10,000 cars; later cars follow the learning rate.", "production"),
    ]
    # fmt: on
    return [
        _spec(f"{line}.{key}", f"{name} {label}", unit, kind, low, high, step, default, text, topic, line)
        for key, label, unit, kind, low, high, step, default, text, topic in rows
    ]


def _load_calibration() -> dict[str, Any]:
    path = resources.files("sim") / "data" / "calibration.json"
    return json.loads(path.read_text()).get("values", {}) if path.is_file() else {}


def _build_registry(specs: list[ParamSpec]) -> dict[str, ParamSpec]:
    registry = {s.name: s for s in specs}
    for name, value in _load_calibration().items():
        registry[name] = replace(registry[name], default=registry[name].check(value))
    return registry


_SPECS = _global_specs() + [s for p in PLANTS for s in _plant_specs(p)] + [s for ln in LINES for s in _line_specs(ln)]
LINE_FIELDS = tuple(s.name.split(".", 1)[1] for s in _SPECS if s.line == LINES[0])  # every line has the same fields
PRIORS: Mapping[str, Any] = MappingProxyType({s.name: s.default for s in _SPECS})  # before calibration
PARAMETERS: Mapping[str, ParamSpec] = MappingProxyType(_build_registry(_SPECS))


CHOICE_FIELDS = ("plant",)  # whole numbers that name a thing (which plant), not amounts: no swing, no goal seek


def is_choice(name: str) -> bool:
    """Whether parameter ``name`` picks one of a few things (a plant) rather than measuring an amount."""
    return name.rpartition(".")[2] in CHOICE_FIELDS


MONTH_ORDER = (  # (earlier, later) months of a line that must stay in this order
    ("reservations_open", "launch"),
    ("launch", "deliveries_start"),
    ("reservations_open", "end_of_sale"),
)


def check_consistency(values: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` if a line's months are out of ``MONTH_ORDER`` (e.g. a launch before reservations open)."""
    for line in LINES:
        for before, after in MONTH_ORDER:
            early, late = values[f"{line}.{before}"], values[f"{line}.{after}"]
            if month_index(late) < month_index(early):
                raise ValueError(f"Parameter '{line}.{after}' ({late}) must not be before '{line}.{before}' ({early}).")


class Params:
    """One scenario: a validated, immutable value for every parameter in ``PARAMETERS``.

    ``Params()`` is the calibrated base scenario; ``Params({"plant1.peak": 40000})`` or
    ``p.with_values(...)`` change some values. Any bad value raises ``ValueError`` naming the parameter.
    """

    __slots__ = ("_values", "_hash")

    def __init__(self, values: Mapping[str, Any] | None = None):
        merged = {name: spec.default for name, spec in PARAMETERS.items()}
        for name, value in (values or {}).items():
            if name not in PARAMETERS:
                raise ValueError(f"Unknown parameter '{name}'.")
            merged[name] = PARAMETERS[name].check(value)
        check_consistency(merged)
        object.__setattr__(self, "_values", merged)
        object.__setattr__(self, "_hash", hash(tuple(merged.items())))

    def __setattr__(self, name, value):
        raise AttributeError("Params is immutable: use with_values()")

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Params) and self._values == other._values

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        return (Params, (self._values,))

    def __repr__(self) -> str:
        return f"Params({self.changes()!r})"

    def values(self) -> dict[str, Any]:
        """Every parameter, name -> value (months as 'YYYY-MM')."""
        return dict(self._values)

    def with_values(self, changes: Mapping[str, Any]) -> Params:
        """A new Params with ``changes`` applied; raises ``ValueError`` on any bad name or value."""
        return Params({**self._values, **dict(changes)})

    def changes(self, reference: Params | None = None) -> dict[str, Any]:
        """The values that differ from ``reference`` (default: the registry defaults)."""
        ref = reference.values() if reference is not None else {n: s.default for n, s in PARAMETERS.items()}
        return {n: v for n, v in self._values.items() if v != ref[n]}

    def month(self, name: str) -> pd.Period:
        """A month parameter as a ``pandas.Period``."""
        return pd.Period(self._values[name], freq="M")

    def to_json(self) -> str:
        """This scenario as a versioned JSON document (see ``sim.scenarios``); ``Params.from_json`` reads it back."""
        from sim.scenarios import to_json  # late import: sim.scenarios imports this module

        return to_json(self)

    @classmethod
    def from_json(cls, text: str) -> Params:
        """The scenario in a JSON document from :meth:`to_json`; raises ``ValueError`` on a bad document."""
        from sim.scenarios import from_json  # late import: sim.scenarios imports this module

        return from_json(text)
