"""A launch as data: its lines, its plants and their dated life cycle, read from the launch's package folder.

Each launch is a folder under ``sim/launches`` (``xiaomi``, ``tesla_model3``, ...). ``launch.json`` names it (label,
currency, first month, default and last month, the fit's search boxes); ``lines.csv`` has one row per line (key,
label, rival, family, plant and the line's default values with their sources), ``plants.csv`` one row per plant
(ramp defaults and, optionally, the ramp's shape) and ``lifecycle.csv`` every dated fact (reservations opening,
launch, first deliveries, end of sale, plant start, dated price steps), each with its source. The registry, the
model, the widgets and the docs all read these tables, so adding a line is adding a row (and its dates), and adding
a launch is adding a folder.

The module-level names (``LINE_TABLE``, ``LINES``, ``PLANTS``, ...) are Xiaomi's launch, the default.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sim.production import RAMP_SHAPES


@dataclass(frozen=True)
class Line:
    """One line of cars: how it is named, what it is compared with, where it is built and its defaults."""

    key: str
    label: str
    rival: str
    color: str
    family: str
    plant: int
    price_range: tuple[int, int]
    defaults: Mapping[str, Any]
    source: str


@dataclass(frozen=True)
class Plant:
    """One plant: its key ('plant1'), label, ramp defaults (start comes from the life cycle) and ramp shape.

    ``ramp_shape`` names the curve from the initial to the peak rate (``sim.production.RAMP_SHAPES``:
    'smoothstep', the default, or 'logistic'): a fact about how the plant ramped, not a parameter to fit.
    """

    key: str
    label: str
    defaults: Mapping[str, Any]
    source: str
    ramp_shape: str = "smoothstep"
    lends_to: str = ""


@dataclass(frozen=True)
class Tables:
    """Every table of one launch package, read once.

    ``price_steps`` maps a line to its dated list prices from the life cycle, ((month, price), ...) in month order
    (empty for a line with a single price). ``fit_boxes`` maps each parameter the calibration may move to
    (low, high, log scale?); ``defaults`` are the launch's own defaults of global parameters (e.g. ``spill``).
    """

    key: str
    label: str
    currency: str
    first_month: str
    default_end: str
    last_month: str
    folder: Any = field(repr=False)
    lines: Mapping[str, Line] = field(repr=False)
    plants: Mapping[str, Plant] = field(repr=False)
    lifecycle: tuple[Mapping[str, str], ...] = field(repr=False)
    price_steps: Mapping[str, tuple[tuple[str, float], ...]] = field(repr=False)
    fit_boxes: Mapping[str, tuple[float, float, bool]] = field(repr=False)
    carried: Mapping[str, tuple[str, tuple[str, ...]]] = field(repr=False)
    defaults: Mapping[str, Any] = field(default_factory=dict, repr=False)
    headline: tuple[str, ...] = ()  # the levers the page shows above the expanders, in order
    sales_tax: float = 0.0  # tax inside the list prices, as a rate on the net price (China: 13 % VAT; US: none)
    sales_tax_source: str = ""
    backtest_cutoffs: tuple[str, ...] = ()  # the cutoff months the page offers a backtest at, the default first

    @property
    def families(self) -> Mapping[str, tuple[str, ...]]:
        """Family name -> its lines, in table order."""
        order = dict.fromkeys(v.family for v in self.lines.values())
        return {f: tuple(k for k, v in self.lines.items() if v.family == f) for f in order}

    @property
    def lending(self) -> tuple[str, str] | None:
        """(lending plant, the plant it lends to) of ``plants.csv``'s ``lends_to``, or None (at most one lends)."""
        return next(((key, plant.lends_to) for key, plant in self.plants.items() if plant.lends_to), None)


_INTS = {"plant", "price", "presale_price", "competitor_price", "price_min", "price_max", "deposit", "market_size"}
_INTS |= {"lock_lag_months", "unit_cost", "initial", "peak"}
LINE_MONTHS = ("reservations_open", "launch", "deliveries_start", "end_of_sale")  # life-cycle events that are params
PLANT_MONTHS = ("start",)


def _rows(folder: Traversable | Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _value(field: str, text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    return int(text) if field in _INTS else float(text)


def _dates(lifecycle: list[dict[str, str]], owner: str, events: tuple[str, ...]) -> dict[str, str]:
    return {row["event"]: row["month"] for row in lifecycle if row["line"] == owner and row["event"] in events}


def _load_lines(folder, lifecycle) -> dict[str, Line]:
    lines = {}
    for row in _rows(folder, "lines.csv"):
        key, source = row.pop("key"), row.pop("source")
        label, rival, color, family = (row.pop(k) for k in ("label", "rival", "color", "family"))
        values = {field: _value(field, text) for field, text in row.items()}
        price_range = (values.pop("price_min"), values.pop("price_max"))
        plant = values.pop("plant")
        defaults = {**values, **_dates(lifecycle, key, LINE_MONTHS)}
        lines[key] = Line(key, label, rival, color, family, plant, price_range, MappingProxyType(defaults), source)
    return lines


def _load_plants(folder, lifecycle) -> dict[str, Plant]:
    plants = {}
    for row in _rows(folder, "plants.csv"):
        key, label, source = row.pop("key"), row.pop("label"), row.pop("source")
        shape = row.pop("ramp_shape", "") or "smoothstep"  # the column is optional
        lends_to, lend = row.pop("lends_to", ""), row.pop("lend", "")  # optional too: a plant that lends capacity
        if shape not in RAMP_SHAPES:
            raise ValueError(f"Plant '{key}': ramp_shape must be one of {', '.join(RAMP_SHAPES)}; got '{shape}'.")
        values = {field: _value(field, text) for field, text in row.items()}
        if lends_to:
            values["lend"] = float(lend or 0.0)
        defaults = MappingProxyType({**values, **_dates(lifecycle, key, PLANT_MONTHS)})
        plants[key] = Plant(key, label, defaults, source, ramp_shape=shape, lends_to=lends_to)
    receivers = [plant.lends_to for plant in plants.values() if plant.lends_to]
    for key, plant in plants.items():
        if plant.lends_to and (plant.lends_to not in plants or plant.lends_to == key):
            raise ValueError(f"Plant '{key}': lends_to must name another plant of the launch; got '{plant.lends_to}'.")
    if len(receivers) > 1:
        raise ValueError(f"One plant of a launch may lend capacity (lends_to); got {len(receivers)}.")
    return plants


def _price_steps(lifecycle, lines) -> dict[str, tuple[tuple[str, float], ...]]:
    steps = {}
    for key in lines:
        rows = [(r["month"], float(r["value"])) for r in lifecycle if r["line"] == key and r["event"] == "price"]
        steps[key] = tuple(sorted(rows))
    return steps


def read_tables(folder: Traversable | Path, key: str | None = None) -> Tables:
    """Read the launch package in ``folder`` (its key defaults to the folder's name)."""
    folder = Path(folder) if isinstance(folder, str) else folder
    meta = json.loads((folder / "launch.json").read_text())
    lifecycle = _rows(folder, "lifecycle.csv")
    lines = _load_lines(folder, lifecycle)
    boxes = {name: (float(box[0]), float(box[1]), "log" in box[2:]) for name, box in meta["fit_boxes"].items()}
    carried = {line: (source, tuple(fields)) for line, (source, fields) in meta.get("carried", {}).items()}
    return Tables(
        key=key or meta.get("key") or folder.name,
        label=meta["label"],
        headline=tuple(meta.get("headline", ())),
        backtest_cutoffs=tuple(meta.get("backtest_cutoffs", ())),
        currency=meta["currency"],
        sales_tax=float(meta.get("sales_tax", 0.0)),
        sales_tax_source=meta.get("sales_tax_source", ""),
        first_month=meta["first_month"],
        default_end=meta["default_end"],
        last_month=meta["last_month"],
        folder=folder,
        lines=MappingProxyType(lines),
        plants=MappingProxyType(_load_plants(folder, lifecycle)),
        lifecycle=tuple(MappingProxyType(r) for r in lifecycle),
        price_steps=MappingProxyType(_price_steps(lifecycle, lines)),
        fit_boxes=MappingProxyType(boxes),
        carried=MappingProxyType(carried),
        defaults=MappingProxyType(dict(meta.get("defaults", {}))),
    )


def package_folder(key: str) -> Traversable:
    """The folder of the packaged launch ``key`` inside ``sim/launches``."""
    return resources.files("sim") / "launches" / key


def packaged_keys() -> tuple[str, ...]:
    """The packaged launches: every folder under ``sim/launches`` with a ``launch.json``, Xiaomi first."""
    root = resources.files("sim") / "launches"
    keys = sorted(d.name for d in root.iterdir() if d.is_dir() and (d / "launch.json").is_file())
    return tuple(sorted(keys, key=lambda k: k != "xiaomi"))


XIAOMI_TABLES = read_tables(package_folder("xiaomi"))
LINE_TABLE: Mapping[str, Line] = XIAOMI_TABLES.lines
PLANT_TABLE: Mapping[str, Plant] = XIAOMI_TABLES.plants
LINES: tuple[str, ...] = tuple(LINE_TABLE)
LINE_LABELS: Mapping[str, str] = MappingProxyType({k: v.label for k, v in LINE_TABLE.items()})
PLANTS: tuple[str, ...] = tuple(PLANT_TABLE)
FAMILIES: Mapping[str, tuple[str, ...]] = MappingProxyType(XIAOMI_TABLES.families)


def lifecycle() -> list[dict[str, str]]:
    """Xiaomi's dated facts: line (a line or plant key), event (a month parameter's field), month, source."""
    return [dict(r) for r in XIAOMI_TABLES.lifecycle]
