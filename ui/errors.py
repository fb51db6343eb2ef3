"""The page's words for the problems of outside input that ``sim`` raises (``sim.errors.InputError``).

``sim`` words its errors in English and gives each a code and what it is about. :func:`error_text` words the code
with the catalogue's ``error.<code>`` and fills it in the page's language: a parameter by its label (never its dotted
name), a launch by its name, a parameter's values as its widget shows them (Babel numbers and months), the problem
underneath by its own words.
Any other error is shown as its message. What comes from the input (names, values) is quoted as given: the page shows
the result through ``ui.display.plain``. Pure functions: no Streamlit here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import sim
from sim.errors import InputError
from sim.registry import get_launch
from ui import display, i18n, param_words

PARAMETER_FIELDS = ("name", "earlier", "later")  # values that are parameter names
VALUE_FIELDS = {"value": "name", "low": "name", "high": "name", "early": "earlier", "late": "later"}  # -> its parameter
LAUNCH_FIELDS = ("found", "wanted")  # values that are launch keys


@cache
def _specs() -> dict[str, sim.ParamSpec]:
    """Every launch's parameters by name (a name two launches share has the same kind and step in both)."""
    return {name: spec for key in sim.LAUNCHES for name, spec in get_launch(key).parameters.items()}


def _word(field: str, value: Any, values: dict[str, Any]) -> str:
    """One value of an error as the page writes it in its language (see the conventions of ``sim.errors``)."""
    specs = _specs()
    if isinstance(value, BaseException):
        return error_text(value)
    if field in PARAMETER_FIELDS:
        return param_words.label(specs[value]) if value in specs else str(value)
    if field in VALUE_FIELDS and values.get(VALUE_FIELDS[field]) in specs:
        return param_words.value_text(specs[values[VALUE_FIELDS[field]]], value)
    if field in LAUNCH_FIELDS:
        return sim.launch_label(value) if value in sim.LAUNCHES else str(value)
    if field == "got":
        return repr(value)
    if field == "kind":
        return i18n.t(f"link.kind.{value}")
    if field == "subject":
        return i18n.t(f"error.subject.{value}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return display.number(value)
    return str(value)


def error_text(exc: BaseException) -> str:
    """``exc``'s message in the page language: ``error.<code>`` filled with its values for an ``InputError``, the
    message itself for anything else."""
    if not isinstance(exc, InputError):
        return str(exc)
    values = dict(exc.values)
    return i18n.t(f"error.{exc.code}", **{field: _word(field, value, values) for field, value in values.items()})
