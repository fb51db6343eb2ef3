"""Errors from outside input carry a code and values (sim.errors), so the page can word them in its own language."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim.errors import CODES, InputError
from tests.helpers import zip_of
from tests.test_fuzz_inputs import (
    VALID_BUNDLE,
    VALID_CODE,
    link_of,
    mutated_bytes,
    mutated_documents,
    mutated_text,
)

TESLA = sim.Params.base("tesla_model3")
LINK_ALPHABET = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/")


def raised(action: Callable[[], Any]) -> InputError:
    """The ``InputError`` ``action`` raises (failing the test if it raises nothing or another exception)."""
    with pytest.raises(InputError) as error:
        action()
    return error.value


CASES = [  # (what is read, its code, values the error must hold)
    (lambda: sim.Params({"ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"}), "month_order",
     {"later": "ultra.launch", "late": "2024-05", "earlier": "ultra.reservations_open", "early": "2024-08"}),
    (lambda: sim.Params({"plant1.peak": 10**6}), "out_of_range",
     {"name": "plant1.peak", "value": 10**6, "low": 0, "high": 100_000}),
    (lambda: sim.Params({"plant1.peak": "x"}), "wrong_kind", {"name": "plant1.peak", "kind": "int", "got": "x"}),
    (lambda: sim.Params({"su7.launch": "May"}), "wrong_kind", {"name": "su7.launch", "kind": "month", "got": "May"}),
    (lambda: sim.Params({"su7.enabled": "yes"}), "not_bool", {"name": "su7.enabled", "got": "yes"}),
    (lambda: sim.Params({"su7.price": float("inf")}), "not_finite", {"name": "su7.price"}),
    (lambda: sim.Params({"su8.price": 1}), "unknown_parameter", {"name": "su8.price"}),
    (lambda: sim.decode_scenarios("v9.xxx"), "unknown_version", {"version": "v9", "expected": "v2."}),
    (lambda: sim.decode_scenarios("xxx"), "no_version", {"expected": "v2."}),
    (lambda: sim.decode_scenarios("v2.!!"), "link_characters", {}),
    (lambda: sim.decode_scenarios("v2.AAAA"), "link_not_compressed", {}),
    (lambda: sim.decode_scenarios("v2." + "A" * 20_000), "too_long", {"subject": "link", "limit": 20_000}),
    (lambda: sim.decode_scenarios(sim.encode_scenarios({"Mine": TESLA}), launch="xiaomi"), "link_other_launch",
     {"scenario": "Mine", "found": "tesla_model3", "wanted": "xiaomi"}),
    (lambda: sim.load_upload(TESLA.to_json().encode(), launch="xiaomi"), "other_launch",
     {"found": "tesla_model3", "wanted": "xiaomi"}),
    (lambda: sim.load_upload(b'{"schema_version": 2, "parameters": {"plant9.peak": 1}}'), "unknown_parameter",
     {"name": "plant9.peak"}),
    (lambda: sim.load_upload(b'{"schema_version": 2, "launch": "nio", "parameters": {}}'), "unknown_launch",
     {"found": "nio"}),
    (lambda: sim.load_upload(b"{not json"), "not_json", {"subject": "document", "line": 1, "column": 2}),
    (lambda: sim.load_upload(b"\x00\x01"), "upload_binary", {}),
    (lambda: sim.load_upload(b""), "upload_empty", {}),
    (lambda: sim.load_upload(b"PK\x03\x04broken"), "zip_damaged", {}),
    (lambda: sim.load_upload(zip_of({"other.json": b"{}"})), "zip_no_scenario", {"file": "scenario.json"}),
    (lambda: sim.load_upload(b'{"schema_version": 7, "parameters": {}}'), "unknown_schema_version",
     {"version": 7, "expected": 2}),
    (lambda: sim.encode_scenarios({" ": sim.Params()}), "empty_name", {}),
]  # fmt: skip


@pytest.mark.parametrize(("action", "code", "values"), CASES, ids=[f"{i}-{case[1]}" for i, case in enumerate(CASES)])
def test_a_bad_input_raises_its_code_and_values(action, code, values):
    """Each problem raises an ``InputError`` (a ``ValueError``) with its code and what it is about."""
    error = raised(action)
    assert isinstance(error, ValueError) and error.code == code
    assert {k: error.values.get(k) for k in values} == values


def test_a_nested_problem_keeps_its_own_code():
    """A repeated JSON key and a compare link's invalid scenario say what is wrong underneath, as an InputError."""
    repeated = raised(lambda: sim.load_upload(b'{"a": 1, "a": 2}'))
    assert repeated.code == "invalid_json" and repeated.values["problem"].code == "repeated_key"
    bad = raised(lambda: sim.decode_scenarios(link_of(json.dumps({"fast": {"plant1.peak": -1}}).encode())))
    assert bad.code == "link_invalid_scenario" and bad.values["scenario"] == "fast"
    assert bad.values["problem"].code == "out_of_range"
    too_long = raised(lambda: sim.load_upload(b'{"schema_version": 2, "parameters": {"x": ' + b"1" * 5000 + b"}}"))
    assert too_long.values["problem"].code == "number_too_long"


def test_the_message_is_the_english_one_and_survives_pickling():
    """``str(exc)`` is the English message; a pickled error (a worker's, a cache's) keeps message, code and values."""
    error = raised(lambda: sim.Params({"ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"}))
    assert str(error) == "Parameter 'ultra.launch' (2024-05) must not be before 'ultra.reservations_open' (2024-08)."
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.code, dict(again.values)) == (str(error), error.code, dict(error.values))


def test_an_unknown_code_is_a_programming_error():
    """Every code is one of ``CODES``: a misspelt code fails where it is raised, not on the page."""
    with pytest.raises(KeyError):
        InputError("Something.", code="no_such_code")
    assert all(code.isidentifier() and code == code.lower() for code in CODES)


def _input_error_or_nothing(read: Callable[[Any], Any], data: Any) -> None:
    try:
        read(data)
    except InputError as error:
        assert error.code in CODES
        problem = error.values.get("problem")
        assert problem is None or isinstance(problem, InputError)


@settings(max_examples=150, deadline=None)
@given(text=mutated_documents())
def test_property_every_refused_document_says_why_with_a_code(text):
    """A mutated scenario document is read or refused with an ``InputError`` (never a bare ``ValueError``)."""
    _input_error_or_nothing(lambda t: sim.load_upload(t.encode(), launch="xiaomi"), text)


@settings(max_examples=150, deadline=None)
@given(data=mutated_bytes(VALID_BUNDLE))
def test_property_every_refused_upload_says_why_with_a_code(data):
    """A damaged bundle is read or refused with an ``InputError``."""
    _input_error_or_nothing(lambda d: sim.load_upload(d, launch="xiaomi"), data)


@settings(max_examples=150, deadline=None)
@given(code=st.one_of(mutated_text(VALID_CODE, LINK_ALPHABET), st.text(max_size=40)))
def test_property_every_refused_compare_link_says_why_with_a_code(code):
    """A damaged or random compare link is read or refused with an ``InputError``."""
    _input_error_or_nothing(lambda c: sim.decode_scenarios(c, launch="xiaomi"), code)
