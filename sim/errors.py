"""The problems outside input can have, each with a code the page can word in its own language.

Levers, links and uploaded files are checked in ``sim`` (``sim.spec``, ``sim.params``, ``sim.scenarios``,
``sim.bundle``), which raise an :class:`InputError`: a ``ValueError`` whose message is the English an analyst reads,
plus a ``code`` from ``CODES`` naming the problem and ``values`` holding what it is about, so another language can
say the same without parsing English. The values follow a few conventions the page relies on:

- ``name``, ``earlier``, ``later``: parameter names ('su7.launch'); ``value``, ``low``, ``high`` are values of the
  parameter in ``name``, ``early`` of ``earlier``'s and ``late`` of ``later``'s (months as 'YYYY-MM');
- ``got``: the value as it was given, not yet read as the parameter's kind; ``kind``: that kind ('int', 'float',
  'month', as in ``sim.spec.KINDS``);
- ``found``, ``wanted``: launch keys ('xiaomi', 'tesla_model3');
- ``subject``: what was being read, 'document' (a scenario document) or 'link' (a compare link);
- ``problem``: the error underneath this one (an ``InputError`` itself, or a ``ValueError`` from Python);
- anything else is a number, a scenario name or a word from the input, shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from types import MappingProxyType
from typing import Any

CODES: Mapping[str, str] = MappingProxyType(
    {
        # a parameter's value (sim.spec)
        "unknown_parameter": "a name that is not a parameter of the launch",
        "out_of_range": "a value outside the parameter's range",
        "wrong_kind": "a value that is not the parameter's kind (a whole number, a number, a month)",
        "not_bool": "a switch given something else than true or false",
        "not_finite": "a number that is infinite or not a number",
        "month_order": "a line's month before another that must come first (a launch before reservations open)",
        # reading JSON: a scenario document or a compare link (sim.scenarios)
        "not_text": "input that is not text at all",
        "not_utf8": "bytes that are not UTF-8 text",
        "too_long": "text longer than the most the page reads",
        "not_json": "text that is not JSON",
        "invalid_json": "JSON the page refuses (a repeated key, NaN, a number too long to read)",
        "repeated_key": "a key given twice in one JSON object",
        "not_a_number": "NaN or Infinity where a number is expected",
        "number_too_long": "a number with more digits than Python reads",
        "too_deep": "JSON nested too deeply to be a scenario",
        # a scenario document (sim.scenarios)
        "not_document": "JSON that is not a scenario document",
        "bad_schema_version": "a schema version that is not a whole number",
        "unknown_schema_version": "a schema version this simulator does not read",
        "bad_launch_field": "a document's launch that is not a launch's key",
        "bad_parameters": "a document's parameters that are not an object of name: value",
        "unknown_launch": "a scenario of a launch this simulator does not have",
        "other_launch": "a scenario of another launch than the one on screen",
        # a compare link (sim.scenarios)
        "no_version": "a compare link without a version tag",
        "unknown_version": "a compare link of a version this simulator does not read",
        "link_characters": "a compare link with characters or a length a link code cannot have",
        "link_not_compressed": "a compare link that does not decompress",
        "link_too_big": "a compare link that unpacks to too many bytes",
        "link_incomplete": "a compare link cut short or with extra data",
        "link_not_scenarios": "a compare link that does not hold named scenarios",
        "link_unknown_launch": "a compare link's scenario of a launch this simulator does not have",
        "link_other_launch": "a compare link's scenario of another launch than the one on screen",
        "link_invalid_scenario": "a compare link's scenario that is not valid",
        "too_many_scenarios": "more named scenarios than a link holds",
        "repeated_name": "two scenarios with the same name once spaces are tidied",
        "empty_name": "a scenario name that is empty",
        "name_too_long": "a scenario name longer than the most allowed",
        "save_too_long": "saved scenarios that make the link too long",
        # an uploaded file (sim.bundle)
        "upload_empty": "an empty upload",
        "upload_too_large": "an upload larger than the most the page reads",
        "upload_binary": "an upload that is binary but not a zip",
        "upload_not_text": "an upload that is not text",
        "zip_damaged": "a zip that cannot be read",
        "zip_too_many_files": "a zip with more files than a bundle has",
        "zip_no_scenario": "a zip without the scenario document",
        "zip_scenario_too_large": "a bundle whose scenario document is too large once unpacked",
    }
)


class InputError(ValueError):
    """A problem with outside input: ``str(exc)`` is the English message, ``code`` (a key of ``CODES``) names the
    problem and ``values`` holds what it is about (see the module's conventions).

    Example:
        ``InputError("Unknown parameter 'x'.", code="unknown_parameter", name="x")``
    """

    def __init__(self, message: str, *, code: str, **values: Any):
        if code not in CODES:
            raise KeyError(f"'{code}' is not a code of sim.errors.CODES")
        super().__init__(message)
        self.code = code
        self.values: Mapping[str, Any] = MappingProxyType(values)

    def __reduce__(self):
        # Pickled like any exception (a Monte Carlo worker's, a cache's), with its code and values.
        return (partial(InputError, code=self.code, **self.values), (str(self),))
