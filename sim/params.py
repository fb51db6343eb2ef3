"""The frozen ``Params`` that holds one scenario of one launch, and the rules its values must keep together.

``Params()`` is Xiaomi's calibrated base scenario and ``Params.base("tesla_model3")`` another launch's; each value is
checked against its launch's registry (``sim.registry``), and a line's months must keep ``MONTH_ORDER``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from sim.calendar import month_index
from sim.errors import InputError
from sim.registry import LAUNCHES, Launch, get_launch
from sim.tables import LINES

CHOICE_FIELDS = ("plant",)  # whole numbers that name a thing (which plant), not amounts: no swing, no goal seek


def is_choice(name: str) -> bool:
    """Whether parameter ``name`` picks one of a few things (a plant) rather than measuring an amount."""
    return name.rpartition(".")[2] in CHOICE_FIELDS


MONTH_ORDER = (  # (earlier, later) months of a line that must stay in this order
    ("reservations_open", "launch"),
    ("launch", "deliveries_start"),
    ("reservations_open", "end_of_sale"),
)


def check_consistency(values: Mapping[str, Any], lines: tuple[str, ...] = LINES) -> None:
    """Raise ``InputError`` if a line's months are out of ``MONTH_ORDER`` (e.g. a launch before reservations open)."""
    for line in lines:
        for before, after in MONTH_ORDER:
            earlier, later = f"{line}.{before}", f"{line}.{after}"
            early, late = values[earlier], values[later]
            if month_index(late) < month_index(early):
                raise InputError(
                    f"Parameter '{later}' ({late}) must not be before '{earlier}' ({early}).",
                    code="month_order",
                    later=later,
                    late=late,
                    earlier=earlier,
                    early=early,
                )


class Params:
    """One scenario of one launch: a validated, immutable value for every parameter of the launch's registry.

    ``Params()`` is Xiaomi's calibrated base scenario; ``Params.base("tesla_model3")`` (or
    ``Params(launch="tesla_model3")``) another launch's; ``Params({"plant1.peak": 40000})`` or
    ``p.with_values(...)`` change some values. Any bad name or value raises ``InputError`` (a ``ValueError``, see
    ``sim.errors``) naming the parameter.
    ``p.launch`` is the launch's key and ``p.package`` its :class:`Launch` (tables, registry, calendar, currency).
    """

    __slots__ = ("_values", "_hash", "_launch")

    def __init__(self, values: Mapping[str, Any] | None = None, launch: str | Launch = "xiaomi"):
        package = get_launch(launch)
        registry = package.parameters
        merged = {name: spec.default for name, spec in registry.items()}
        for name, value in (values or {}).items():
            if name not in registry:
                raise InputError(f"Unknown parameter '{name}'.", code="unknown_parameter", name=name)
            merged[name] = registry[name].check(value)
        check_consistency(merged, package.lines)
        object.__setattr__(self, "_values", merged)
        object.__setattr__(self, "_launch", package)
        object.__setattr__(self, "_hash", hash((package.key, *merged.items())))

    @classmethod
    def base(cls, launch: str | Launch = "xiaomi") -> Params:
        """The calibrated base scenario of ``launch`` (a key of ``sim.LAUNCHES`` or a loaded ``Launch``)."""
        return cls(None, launch=launch)

    @property
    def launch(self) -> str:
        """The key of this scenario's launch ('xiaomi', 'tesla_model3')."""
        return self._launch.key

    @property
    def package(self) -> Launch:
        """This scenario's launch package: tables, registry, calendar and currency."""
        return self._launch

    def __setattr__(self, name, value):
        raise AttributeError("Params is immutable: use with_values()")

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Params) and self.launch == other.launch and self._values == other._values

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        launch = self.launch if self.launch in LAUNCHES else self._launch
        return (Params, (self._values, launch))

    def __repr__(self) -> str:
        if self.launch == "xiaomi":
            return f"Params({self.changes()!r})"
        return f"Params({self.changes()!r}, launch={self.launch!r})"

    def values(self) -> dict[str, Any]:
        """Every parameter, name -> value (months as 'YYYY-MM')."""
        return dict(self._values)

    def with_values(self, changes: Mapping[str, Any]) -> Params:
        """A new Params with ``changes`` applied; raises ``ValueError`` on any bad name or value."""
        return Params({**self._values, **dict(changes)}, launch=self._launch)

    def changes(self, reference: Params | None = None) -> dict[str, Any]:
        """The values that differ from ``reference`` (default: the registry defaults)."""
        registry = self._launch.parameters
        ref = reference.values() if reference is not None else {n: s.default for n, s in registry.items()}
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
