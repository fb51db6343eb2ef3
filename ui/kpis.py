"""The KPI table: every KPI's label, unit, format and help, defined once.

The cards, Compare, Uncertainty, the tornado and goal seek all name and format a KPI through this module, so a KPI
reads the same everywhere and in every language (labels and help are in the catalogues, ``kpi.<name>`` and
``kpi.<name>.help``). ``unit`` is what a value counts: 'cars' (whole cars or people), 'month' (a calendar month),
'months' (a duration), 'money' (in the launch's currency, shown in the display currency) or 'share' (a fraction
shown as a percentage).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from sim.calendar import month_label
from sim.kpis import KPI_NAMES, kpi_names
from ui import display, i18n, launch
from ui.display import Currency

_YEARLY = re.compile(r"^(deliveries|revenue|gross_margin)_(\d{4})$")  # a KPI of one calendar year


@dataclass(frozen=True)
class Kpi:
    """One KPI: its model name and what its values count (see the module docstring)."""

    name: str
    unit: str

    def _text(self, suffix: str = "") -> str:
        yearly = _YEARLY.match(self.name)
        if yearly:  # 'deliveries_2025' reads the catalogue's 'kpi.deliveries_year' with the year filled in
            return i18n.t(f"kpi.{yearly[1]}_year{suffix}", year=yearly[2])
        return i18n.t(f"kpi.{self.name}{suffix}")

    @property
    def label(self) -> str:
        """The KPI's name in the page language."""
        return self._text()

    @property
    def help(self) -> str:
        """One sentence on what the KPI measures, in the page language."""
        return self._text(".help")


UNITS = {
    "month_100k": "month",
    "max_wait_months": "months",
    "revenue_total": "money",
    "gross_profit_total": "money",
    "peak_deposits_held": "money",
    "gross_margin": "share",
}
YEARLY_UNITS = {"deliveries": "cars", "revenue": "money", "gross_margin": "share"}


@lru_cache(maxsize=256)  # the cards ask for each KPI several times a rerun
def kpi(name: str) -> Kpi:
    """The KPI ``name`` of any launch ('deliveries_2018', 'revenue_2025', 'peak_backlog').

    Raises:
        KeyError: when ``name`` is no KPI of any launch.
    """
    yearly = _YEARLY.match(name)
    if yearly:
        return Kpi(name, YEARLY_UNITS[yearly[1]])
    if name not in KPI_NAMES:
        raise KeyError(name)
    return Kpi(name, UNITS.get(name, "cars"))


class _KpiTable(Mapping[str, Kpi]):
    """Every KPI of the launch on screen, in the model's order; any launch's KPI can be looked up."""

    def __getitem__(self, name: str) -> Kpi:
        return kpi(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in KPI_NAMES or bool(_YEARLY.match(name)))

    def __iter__(self) -> Iterator[str]:
        return iter(kpi_names(launch.kpi_years()))

    def __len__(self) -> int:
        return len(KPI_NAMES)


KPIS: Mapping[str, Kpi] = _KpiTable()


def label(name: str) -> str:
    """The analyst's name of KPI ``name`` in the page language."""
    return KPIS[name].label


def title(name: str, currency: Currency | None = None) -> str:
    """The KPI's label with its unit, for an axis: 'Peak deposits held (RMB bn)', 'Deliveries in 2025 (cars)'."""
    unit = KPIS[name].unit
    if unit == "money":
        return i18n.t("kpi.title", label=label(name), unit=i18n.t("unit.money_bn", code=(currency or Currency()).code))
    if unit == "month":
        return label(name)
    return i18n.t("kpi.title", label=label(name), unit=i18n.t(f"unit.{unit}"))


def axis_scale(name: str, currency: Currency | None = None) -> float:
    """What a model value of KPI ``name`` is divided by on an axis titled by :func:`title` (money in billions)."""
    return (currency or Currency()).per_unit * 1e9 if KPIS[name].unit == "money" else 1.0


def fmt(name: str, value: Any, currency: Currency | None = None, *, signed: bool = False) -> str:
    """A value (or, ``signed``, a change) of KPI ``name`` as the page shows it.

    A month KPI's value is 'YYYY-MM' or None and its change a whole number of months (None when either is missing).
    """
    unit, currency = KPIS[name].unit, currency or Currency()
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–" if signed else i18n.t("not_reached")
    if unit == "month":
        if signed:
            return i18n.t("unit.month_shift", value=display.number(int(value), signed=True))
        return display.month(value if isinstance(value, str) else month_label(int(value)))
    if unit == "money":
        return display.money(value, currency, signed=signed)
    if unit == "share":
        return display.points(value) if signed else display.percent(value)
    if unit == "months":
        return display.months(value, signed=signed)
    return display.count(value, signed=signed)


def delta(name: str, now: Any, then: Any, currency: Currency | None = None) -> str | None:
    """The change of KPI ``name`` from ``then`` to ``now`` as shown, or None when it rounds to nothing."""
    if KPIS[name].unit == "month":
        change = display.months_between(then, now)
        return None if not change else fmt(name, change, currency, signed=True)
    shown = fmt(name, now - then, currency, signed=True)
    return shown if any(c in "123456789" for c in shown) else None
