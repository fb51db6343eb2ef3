"""The launch as data: its lines, its plants and their dated life cycle, read from ``sim/data``.

``lines.csv`` has one row per line (key, label, rival, family, plant and the line's default values with their
sources), ``plants.csv`` one row per plant (ramp defaults) and ``lifecycle.csv`` every dated fact (reservations
opening, launch, first deliveries, end of sale, plant start), each with its source. The registry, the model, the
widgets and the docs all read these tables, so adding a line is adding a row (and its dates).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any


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
    """One plant: its key ('plant1'), label and ramp defaults (start comes from the life cycle)."""

    key: str
    label: str
    defaults: Mapping[str, Any]
    source: str


_INTS = {"plant", "price", "presale_price", "competitor_price", "price_min", "price_max", "deposit", "market_size"}
_INTS |= {"lock_lag_months", "unit_cost", "initial", "peak"}


def _rows(name: str) -> list[dict[str, str]]:
    with (resources.files("sim") / "data" / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _value(field: str, text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    return int(text) if field in _INTS else float(text)


def lifecycle() -> list[dict[str, str]]:
    """The dated facts: line (a line or plant key), event (a month parameter's field), month, source."""
    return _rows("lifecycle.csv")


def _dates(owner: str) -> dict[str, str]:
    return {row["event"]: row["month"] for row in lifecycle() if row["line"] == owner}


def _load_lines() -> dict[str, Line]:
    lines = {}
    for row in _rows("lines.csv"):
        key, source = row.pop("key"), row.pop("source")
        label, rival, color, family = (row.pop(k) for k in ("label", "rival", "color", "family"))
        values = {field: _value(field, text) for field, text in row.items()}
        price_range = (values.pop("price_min"), values.pop("price_max"))
        plant = values.pop("plant")
        lines[key] = Line(key, label, rival, color, family, plant, price_range, {**values, **_dates(key)}, source)
    return lines


def _load_plants() -> dict[str, Plant]:
    plants = {}
    for row in _rows("plants.csv"):
        key, label, source = row.pop("key"), row.pop("label"), row.pop("source")
        values = {field: _value(field, text) for field, text in row.items()}
        plants[key] = Plant(key, label, {**values, **_dates(key)}, source)
    return plants


LINE_TABLE: Mapping[str, Line] = MappingProxyType(_load_lines())
PLANT_TABLE: Mapping[str, Plant] = MappingProxyType(_load_plants())
LINES: tuple[str, ...] = tuple(LINE_TABLE)
LINE_LABELS: Mapping[str, str] = MappingProxyType({k: v.label for k, v in LINE_TABLE.items()})
PLANTS: tuple[str, ...] = tuple(PLANT_TABLE)
FAMILIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        f: tuple(k for k, v in LINE_TABLE.items() if v.family == f)
        for f in dict.fromkeys(v.family for v in LINE_TABLE.values())
    }
)
