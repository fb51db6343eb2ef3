"""What one parameter is: its name, words, kind and range (``ParamSpec``), and how a value is checked.

A value is coerced to the parameter's kind (a whole number, a number, a switch or a month 'YYYY-MM') and held to
its range; anything else raises ``InputError`` (``sim.errors``) with a code and the values the page words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.calendar import month_index, parse_month
from sim.errors import InputError

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
        """Return ``value`` in canonical form, or raise ``InputError`` naming this parameter and its range."""
        value = _coerce(self, value)
        low, high = (month_index(self.min), month_index(self.max)) if self.kind == "month" else (self.min, self.max)
        key = month_index(value) if self.kind == "month" else value
        if self.kind != "bool" and not low <= key <= high:
            raise InputError(
                f"Parameter '{self.name}' must be between {self.min} and {self.max}, got {value}.",
                code="out_of_range",
                name=self.name,
                value=value,
                low=self.min,
                high=self.max,
            )
        return value

    @property
    def range_text(self) -> str:
        """The allowed values, as an analyst reads them."""
        return "true or false" if self.kind == "bool" else f"{self.min} to {self.max} ({self.unit})"


_KIND_WORDS = {  # what a value of each kind must be, in messages
    "int": "a whole number",
    "float": "a number",
    "month": "a month written YYYY-MM",
}


def _wrong_kind(spec: ParamSpec, value: Any, *, words: str | None = None, code: str = "wrong_kind") -> InputError:
    """The error of a value that is not of ``spec``'s kind (the message names the range, but for a switch);
    ``words`` and ``code`` name a narrower fault (a number that is not finite)."""
    if spec.kind == "bool":
        message = f"Parameter '{spec.name}' must be true or false, got {value!r}."
        return InputError(message, code="not_bool", name=spec.name, got=value)
    bounds = f"between {spec.min} and {spec.max}"
    return InputError(
        f"Parameter '{spec.name}' must be {words or _KIND_WORDS[spec.kind]} {bounds}, got {value!r}.",
        code=code,
        name=spec.name,
        kind=spec.kind,
        low=spec.min,
        high=spec.max,
        got=value,
    )


def _coerce(spec: ParamSpec, value: Any) -> Any:
    if spec.kind == "month":
        try:
            return parse_month(value)
        except ValueError:
            raise _wrong_kind(spec, value) from None
    if spec.kind == "bool":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        raise _wrong_kind(spec, value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise _wrong_kind(spec, value)
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer beyond any float (JSON allows hundreds of digits): outside every range
        raise _wrong_kind(spec, value) from None
    if not finite:
        raise _wrong_kind(spec, value, words="a finite number", code="not_finite")
    if spec.kind == "int":
        if float(value) != int(value):
            raise _wrong_kind(spec, value)
        return int(value)
    return float(value)
