"""The launch the page shows (Xiaomi's SU7 family or the Tesla Model 3), and everything of it the page reads.

The picker in the sidebar holds the launch (key ``launch`` in the link; Xiaomi when the link has none). The page
calls :func:`use` once at the top of a run; the choice lives in a context variable like the language, so sessions
(each run in its own thread) never see each other's launch. Everything that differs between launches (levers,
lines, plants, presets, currency) is read here, from the launch's data package; its reported figures and targets
are cached in ``ui.context``.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

import pandas as pd

import sim
from sim.registry import Launch, get_launch
from ui import i18n

LAUNCH_KEY = "launch"  # the picker's key, in the link
DEFAULT = "xiaomi"
_CURRENT: ContextVar[str] = ContextVar("launch", default=DEFAULT)


def use(key: str | None) -> str:
    """Show launch ``key`` (any case) for the rest of this run; an unknown or missing key shows Xiaomi's."""
    code = (key or DEFAULT).lower()
    code = code if code in sim.LAUNCHES else DEFAULT
    _CURRENT.set(code)
    return code


def key() -> str:
    """The key of the launch this run shows ('xiaomi', 'tesla_model3')."""
    return _CURRENT.get()


def package(launch: str | None = None) -> Launch:
    """The data package of ``launch`` (default: the one on screen)."""
    return get_launch(launch or key())


def label(launch: str | None = None) -> str:
    """The launch's name as the page shows it ('Tesla Model 3 (2016-2019)')."""
    return package(launch).tables.label


def parameters() -> Mapping[str, sim.ParamSpec]:
    """The levers of the launch on screen, by dotted name."""
    return package().parameters


def lines() -> tuple[str, ...]:
    """The line keys of the launch on screen, in table order."""
    return package().lines


def line_labels() -> dict[str, str]:
    """Line key -> its label, for the launch on screen."""
    return {k: row.label for k, row in package().tables.lines.items()}


def plant_labels() -> list[str]:
    """The plants' labels of the launch on screen, in order (plant number n is the n-th)."""
    return [row.label for row in package().tables.plants.values()]


def line_colors() -> dict[str, str]:
    """Line key -> its chart colour, for the launch on screen."""
    return {k: row.color for k, row in package().tables.lines.items()}


def currency() -> str:
    """The currency the launch on screen prices in ('RMB', 'USD')."""
    return package().currency


def kpi_years() -> tuple[int, int, int]:
    """The three calendar years the launch's KPIs report (Xiaomi 2024-2026, Model 3 2017-2019)."""
    return package().kpi_years


def presets() -> Mapping[str, sim.Params]:
    """The named scenarios of the launch on screen, base first."""
    return sim.presets_for(key())


def base() -> sim.Params:
    """The calibrated base scenario of the launch on screen."""
    return presets()["base"]


def headline() -> tuple[str, ...]:
    """The levers analysts move most, shown above the expanders (the launch's ``headline`` in launch.json)."""
    return package().tables.headline


def month_index(month: str) -> int:
    """Months from the first month of the launch on screen to ``month`` ('YYYY-MM'), as the model counts them."""
    return package().index(month)


def month_label(index: int) -> str:
    """The 'YYYY-MM' of month ``index`` of the launch on screen (inverse of :func:`month_index`)."""
    return str(pd.Period(package().tables.first_month, freq="M") + int(index))


def figure_line(key: str) -> str:
    """The line a reported figure is about, in words: a line's label, a family of lines ('su7_family'), or all."""
    labels = line_labels()
    if key in labels:
        return labels[key]
    if key == "all":
        return i18n.t("data.all_lines")
    return i18n.t(f"family.{key}") if i18n.has(f"family.{key}") else key
