"""The parameter registry of each launch and the ``Launch`` that holds a package's tables, registry and calendar.

Every input of the model has a flat dotted name ('plant1.peak', 'su7.price') and one ``ParamSpec`` in its launch's
registry: label, unit, kind, range, step, default and help. That registry is the single source of truth for
validation, sliders, links, JSON and docs; a parameter is added here and nowhere else.

Defaults are public facts (dates, list prices, deposits) or stated assumptions; the demand, ramp and cost
parameters are then overwritten by the fitted values in the launch package's ``calibration.json`` (written by
``python -m tools.calibrate [launch]``).

Each launch (``sim/launches/<key>/``, see ``sim.tables``) has its own registry: its lines' and plants' own keys
(``model3.price``, ``fremont.peak``) and its own months (indices count from the launch's first month).
``PARAMETERS``, ``LINE_FIELDS`` and ``PRIORS`` are Xiaomi's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from sim.calendar import MAX_WAIT_MONTHS, month_index, parse_month
from sim.spec import ParamSpec
from sim.tables import Tables, package_folder, packaged_keys, read_tables


def _spec(name, label, unit, kind, low, high, step, default, help, topic, line=None) -> ParamSpec:
    return ParamSpec(name, label, unit, kind, low, high, step, default, help, topic, line)


def _global_specs(tables: Tables) -> list[ParamSpec]:
    m0, m1 = tables.first_month, tables.last_month
    # fmt: off
    return [
        _spec("end", "Last month", "month", "month", m0, m1, 1, tables.default_end,
              f"Last month of the run (it starts in {m0}, the launch's first month).", "horizon"),
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
              "lines; 0 = no spare capacity shared.", "production"),
    ]
    # fmt: on


# A logistic ramp grows from its initial rate by a factor each month, so that rate counts on a log scale: tens of
# cars a month matter (Fremont built about 50 Model 3 in its first month), not only hundreds.
_INITIAL_STEP = {"smoothstep": 100, "logistic": 10}
_RAMP_HELP = {  # the ramp-up's meaning under each shape of sim.production.RAMP_SHAPES
    "smoothstep": "Months from the initial rate to the peak rate (an S-shaped ramp).",
    "logistic": "Months from the initial rate to 95 % of the peak rate (a logistic learning curve: geometric growth "
    "from a trickle, then saturation).",
}


def _plant_specs(tables: Tables, plant: str) -> list[ParamSpec]:
    row = tables.plants[plant]
    start, initial, peak, ramp = (row.defaults[k] for k in ("start", "initial", "peak", "ramp_months"))
    label = row.label
    return [
        _spec(
            f"{plant}.start",
            f"{label} start",
            "month",
            "month",
            tables.first_month,
            tables.last_month,
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
            _INITIAL_STEP[row.ramp_shape],
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
            _RAMP_HELP[row.ramp_shape],
            "production",
        ),
    ] + _lend_specs(tables, plant)


def _lend_specs(tables: Tables, plant: str) -> list[ParamSpec]:
    row = tables.plants[plant]
    if not row.lends_to:
        return []
    other = tables.plants[row.lends_to].label
    return [
        _spec(
            f"{plant}.lend",
            f"{row.label} share building {other}'s lines",
            "share",
            "float",
            0.0,
            1.0,
            0.05,
            row.defaults["lend"],
            f"Share of {row.label.lower()}'s capacity that builds {other.lower()}'s lines first when "
            f"{other.lower()} cannot (0 = dedicated plants). It grows over {other.lower()}'s ramp-up months; what "
            f"{other.lower()} does not need goes back to {row.label.lower()}'s own lines the same month.",
            "production",
        )
    ]


_LINE_FIELD_DEFAULTS = {"invite_lead_months": float(MAX_WAIT_MONTHS), "giveup_slope": 0.0}  # neutral: Xiaomi's


def _line_specs(tables: Tables, line: str) -> list[ParamSpec]:
    row = tables.lines[line]
    f = {"end_of_sale": tables.last_month, **_LINE_FIELD_DEFAULTS, **row.defaults}
    name, rival, currency = row.label, row.rival, tables.currency
    m0, m1 = tables.first_month, tables.last_month
    money = row.price_range  # prices and costs: wide enough for any what-if, narrow enough for a slider
    # fmt: off
    rows = [
        ("enabled", "in the scenario", "", "bool", None, None, None, True,
         f"Include the {name}; a line that is off contributes nothing.", "production"),
        ("plant", "plant", "plant number", "int", 1, len(tables.plants), 1, row.plant,
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
        ("price", "price", currency, "int", *money, 1000, f["price"],
         "Average list price from launch on, sales tax included (revenue is booked net of it); a line with dated "
         "price steps (life cycle) moves them in proportion.",
         "pricing"),
        ("presale_price", "pre-sale price", currency, "int", *money, 1000, f["presale_price"],
         "Price shown while reservations are open before launch.", "pricing"),
        ("competitor_price", "rival price", currency, "int", *money, 1000, f["competitor_price"],
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
        ("deposit", "deposit", currency, "int", 0, 100000, 500, f["deposit"],
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
        ("unit_cost", "unit cost", currency, "int", *money, 1000, f["unit_cost"],
         "Cost of each of the line's first 10,000 cars; later cars follow the learning rate.", "production"),
        ("invite_lead_months", "invitation lead", "months", "float", 1.0, float(MAX_WAIT_MONTHS), 1.0,
         f["invite_lead_months"],
         "A pending reservation is invited to order only when its plant can build it within this many months "
         f"({MAX_WAIT_MONTHS} = invited as soon as it decides).", "preorders"),
        ("giveup_slope", "give-up rate per month of extra wait", "share/month per month", "float", 0.0, 0.5, 0.005,
         f["giveup_slope"],
         "Monthly share of pending reservations that give up (and take their deposit back if it is refundable) for "
         "each month the quoted wait exceeds buyer patience (0 = reservations wait for their invitation).",
         "preorders"),
    ]
    # fmt: on
    return [
        _spec(f"{line}.{key}", f"{name} {label}", unit, kind, low, high, step, default, text, topic, line)
        for key, label, unit, kind, low, high, step, default, text, topic in rows
    ]


def _load_calibration(folder) -> dict[str, Any]:
    path = folder / "calibration.json"
    return json.loads(path.read_text()).get("values", {}) if path.is_file() else {}


def _build_registry(specs: list[ParamSpec], calibration: Mapping[str, Any]) -> dict[str, ParamSpec]:
    registry = {s.name: s for s in specs}
    for name, value in calibration.items():
        registry[name] = replace(registry[name], default=registry[name].check(value))
    return registry


@dataclass(frozen=True, eq=False)
class Launch:
    """One launch package: its tables, its parameter registry (calibrated and prior) and its calendar.

    Month indices inside the model count from ``first_month`` (0 = the launch's first month).
    """

    tables: Tables
    parameters: Mapping[str, ParamSpec]
    priors: Mapping[str, Any]
    line_fields: tuple[str, ...]

    @property
    def key(self) -> str:
        """The launch's key ('xiaomi', 'tesla_model3')."""
        return self.tables.key

    @property
    def currency(self) -> str:
        """The currency of its prices, costs and deposits ('RMB', 'USD')."""
        return self.tables.currency

    @property
    def lines(self) -> tuple[str, ...]:
        """Its line keys, in table order."""
        return tuple(self.tables.lines)

    @property
    def plants(self) -> tuple[str, ...]:
        """Its plant keys, in table order (plant number n is ``plants[n - 1]``)."""
        return tuple(self.tables.plants)

    @cached_property
    def origin(self) -> int:
        """Its first month on the shared calendar (``sim.calendar.month_index``)."""
        return month_index(self.tables.first_month)

    @property
    def kpi_years(self) -> tuple[int, int, int]:
        """The three calendar years its KPIs report, from the year of its first default deliveries (Xiaomi 2024)."""
        first = min(self.priors[f"{line}.deliveries_start"] for line in self.lines)
        year = int(str(first)[:4])
        return (year, year + 1, year + 2)

    def index(self, month: str | pd.Period) -> int:
        """Months since the launch's first month (0 for the first month itself)."""
        return month_index(month) - self.origin

    def months(self, end: str | pd.Period) -> pd.PeriodIndex:
        """The run's months, first month .. ``end`` inclusive, as a monthly PeriodIndex named 'month'."""
        return _month_range(self.tables.first_month, parse_month(end))

    def as_of(self, cutoff: str) -> Launch:
        """This launch as it was known at ``cutoff``: dated price steps announced later are dropped (itself if none)."""
        steps = {
            line: tuple(s for s in rows if month_index(s[0]) <= month_index(cutoff))
            for line, rows in self.tables.price_steps.items()
        }
        if steps == dict(self.tables.price_steps):
            return self
        return build_launch(replace(self.tables, price_steps=MappingProxyType(steps)))

    def price_ratio(self, n_months: int) -> np.ndarray:
        """(lines, months) dated price steps as multiples of each line's default price (1 without steps).

        Notes:
            ratio(t) = step(t) / price_default, step(t) = the last dated price at or before month t; 1 before the
            first step. The model multiplies the ``price`` parameter by it, so the slider moves the whole schedule.
        """
        ratio = np.ones((len(self.lines), n_months))
        for i, line in enumerate(self.lines):
            base = float(self.priors[f"{line}.price"])
            for month, value in self.tables.price_steps[line]:
                ratio[i, max(self.index(month), 0) :] = value / base
        return ratio


@lru_cache(maxsize=256)
def _month_range(first: str, last: str) -> pd.PeriodIndex:
    """The monthly PeriodIndex 'month' from ``first`` to ``last`` (built once: pandas takes ~0.1 ms to build one)."""
    return pd.period_range(first, last, freq="M", name="month")


def build_launch(tables: Tables) -> Launch:
    """The registry and calendar of the launch package ``tables`` (calibrated by its ``calibration.json``)."""
    specs = (
        [
            replace(s, default=s.check(tables.defaults[s.name])) if s.name in tables.defaults else s
            for s in _global_specs(tables)
        ]  # fmt: skip
        + [s for p in tables.plants for s in _plant_specs(tables, p)]
        + [s for ln in tables.lines for s in _line_specs(tables, ln)]
    )
    first = next(iter(tables.lines))
    return Launch(
        tables=tables,
        parameters=MappingProxyType(_build_registry(specs, _load_calibration(tables.folder))),
        priors=MappingProxyType({s.name: s.default for s in specs}),  # before calibration
        line_fields=tuple(s.name.split(".", 1)[1] for s in specs if s.line == first),  # every line has the same
    )


LAUNCHES: tuple[str, ...] = packaged_keys()


@cache
def _packaged(key: str) -> Launch:
    return build_launch(read_tables(package_folder(key), key))


def get_launch(launch: str | Launch) -> Launch:
    """The ``Launch`` of a packaged key ('xiaomi', 'tesla_model3'), or ``launch`` itself if it is one."""
    if isinstance(launch, Launch):
        return launch
    if launch not in LAUNCHES:
        raise ValueError(f"Unknown launch '{launch}'; the launches are {', '.join(LAUNCHES)}.")
    return _packaged(launch)


XIAOMI = get_launch("xiaomi")
LINE_FIELDS = XIAOMI.line_fields
PRIORS: Mapping[str, Any] = XIAOMI.priors  # Xiaomi's, before calibration
PARAMETERS: Mapping[str, ParamSpec] = XIAOMI.parameters
