"""A parameter's words on the page, in the page language: its label, its label with its unit, its help and its range.

The texts are the catalogues' ``param.<name>``, ``paramunit.<unit>`` and ``paramhelp.<name>`` (in English, the
registry's own: ``sim.PARAMETERS``); the range's numbers and months are formatted by Babel (``ui.display``), so a
French tooltip reads 'Plage : de 0 à 100 000 (voitures/mois).'. Pure functions: no Streamlit here.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import sim
from ui import display, i18n


def label(spec: sim.ParamSpec) -> str:
    """The parameter's label ('Plant 1 peak rate', 'Usine 1 : cadence de pointe')."""
    return i18n.t(f"param.{spec.name}")


def unit(spec: sim.ParamSpec) -> str:
    """The parameter's unit in words ('cars/month', 'voitures/mois'), or '' when it has none."""
    return i18n.t(f"paramunit.{spec.unit}") if spec.unit else ""


def title(spec: sim.ParamSpec) -> str:
    """The label with its unit, for a slider or an axis: 'Plant 1 peak rate (cars/month)'; a month has none."""
    return f"{label(spec)} ({unit(spec)})" if spec.unit and spec.kind != "month" else label(spec)


def _decimals(spec: sim.ParamSpec) -> int:
    return max(0, -math.floor(math.log10(spec.step))) if spec.kind == "float" and spec.step else 0


def value_text(spec: sim.ParamSpec, value: Any) -> str:
    """One value of the parameter as the page writes it: '26,562', '0.35', 'Jul 2025' ('26 562', 'juil. 2025')."""
    if spec.kind == "month":
        return display.month(str(value))
    if spec.kind == "bool":
        return i18n.t("yes") if value else i18n.t("no")
    return display.number(value, _decimals(spec), trim=True)


def range_text(spec: sim.ParamSpec) -> str:
    """The values the parameter takes, as a sentence: 'Range: 0 to 100,000 (cars/month).'."""
    if spec.kind == "bool":
        return i18n.t("paramhelp.range_bool")
    low, high = value_text(spec, spec.min), value_text(spec, spec.max)
    if spec.unit and spec.kind != "month":
        return i18n.t("paramhelp.range", low=low, high=high, unit=unit(spec))
    return i18n.t("paramhelp.range_no_unit", low=low, high=high)


def help_text(spec: sim.ParamSpec) -> str:
    """The tooltip of the parameter's widget: what it does, then its range.

    A help every launch shares but words with its own dates names the launch's first month as ``{first}`` (the
    horizon's: its lowest value). Worked out once per parameter and language: every rerun draws every widget.
    """
    return _help_text(spec, i18n.lang())


@cache
def _help_text(spec: sim.ParamSpec, lang: str) -> str:
    first = value_text(spec, spec.min) if spec.kind == "month" else ""
    return f"{i18n.t(f'paramhelp.{spec.name}', first=first)} {range_text(spec)}"
