"""Fuzzing every reader of outside input in sim.scenarios: the scenario document, the compare link code and uploads.

Whatever they are given (random JSON structures, valid documents and codes with keys dropped or added, wrong types,
NaN, huge numbers, deep nesting, damaged zips, sizes at and just over the caps), they return a valid scenario or
raise ``ValueError`` with a message, nothing else; and what they accept round-trips. tests/test_scenarios.py has the
hand-picked cases and plain random text and bytes; this file mutates valid input so the fuzz reaches the inner checks.
Markdown, control characters and non-ASCII digits (issue 12) are refused or tidied, and every message is inert once
shown through ``ui.display.plain``.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim import bundle, scenarios
from tests.helpers import control_characters, live_markup, zip_of
from tests.strategies import markdown_text, months, non_ascii_numbers
from ui.display import plain

NAMES = sorted(sim.PARAMETERS)
PRESETS = sorted(sim.PRESETS)
VALID_CODE = sim.encode_scenarios({"base": sim.Params(), "bull": sim.PRESETS["bull"], "bear": sim.PRESETS["bear"]})
VALID_BUNDLE = sim.scenario_bundle(sim.PRESETS["bull"], seed=1, name="bull")

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),  # beyond any float
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "nan", "1e999", "2025-06", "2025-13", "true", ""]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def outcome(read: Callable[[Any], Any], data: Any) -> Any:
    """``read(data)``, or None when it raises ValueError with a message; any other exception fails the test."""
    try:
        return read(data)
    except ValueError as exc:
        assert str(exc).strip(), f"empty message from {read.__name__}"
        return None


def assert_round_trips(p: sim.Params) -> None:
    """An accepted scenario is a valid one: its document and its link code read back identically."""
    assert isinstance(p, sim.Params)
    assert sim.Params.from_json(p.to_json()) == p
    assert sim.decode_scenarios(sim.encode_scenarios({"read": p})) == {"read": p}


def link_of(payload: bytes) -> str:
    """A well-formed link code around arbitrary bytes (compressed as the encoder does)."""
    return "v1." + base64.urlsafe_b64encode(zlib.compress(payload, 9)).rstrip(b"=").decode()


@st.composite
def mutated_text(draw, text: str, alphabet: st.SearchStrategy[str]) -> str:
    """``text`` with a few characters deleted, replaced or inserted, or cut short."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        if not chars:
            break
        at = draw(st.integers(0, len(chars) - 1))
        action = draw(st.sampled_from(["delete", "replace", "insert", "cut"]))
        if action == "delete":
            del chars[at]
        elif action == "replace":
            chars[at] = draw(alphabet)
        elif action == "insert":
            chars.insert(at, draw(alphabet))
        else:
            chars = chars[:at]
    return "".join(chars)


@st.composite
def mutated_bytes(draw, data: bytes) -> bytes:
    """``data`` with a few bytes flipped, deleted or inserted, or cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert", "cut"]))
        if action == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del out[at]
        elif action == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del out[at:]
    return bytes(out)


@st.composite
def mutated_documents(draw) -> str:
    """A preset's document with keys dropped or added, values of the wrong type, NaN, huge or deeply nested."""
    doc = json.loads(sim.PRESETS[draw(st.sampled_from(PRESETS))].to_json())
    nested = None
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["drop", "add", "retype", "top", "nest"]))
        parameters = doc.get("parameters")
        where = parameters if isinstance(parameters, dict) and parameters and draw(st.booleans()) else doc
        if action == "drop" and where:
            where.pop(draw(st.sampled_from(sorted(where))))
        elif action == "add":
            where[draw(st.one_of(st.text(max_size=12), st.sampled_from(NAMES)))] = draw(json_values)
        elif action == "retype" and isinstance(parameters, dict):
            parameters[draw(st.sampled_from(NAMES))] = draw(json_values)
        elif action == "top":
            doc[draw(st.sampled_from(["schema_version", "model_version", "parameters", "name"]))] = draw(json_values)
        elif action == "nest" and isinstance(parameters, dict):
            nested = (draw(st.sampled_from(NAMES)), draw(st.integers(1, 5000)))
            parameters[nested[0]] = "NESTED"
    text = json.dumps(doc, allow_nan=True)
    if nested:
        text = text.replace('"NESTED"', "[" * nested[1] + "]" * nested[1], 1)
    return text


# The scenario document


@settings(max_examples=200, deadline=None)
@given(value=json_values, wrap=st.booleans(), version=st.one_of(st.just(1), json_scalars))
def test_property_any_json_structure_loads_or_raises_value_error(value, wrap, version):
    """Any JSON structure, bare or as a document's 'parameters', gives a valid scenario or a ValueError."""
    document = {"schema_version": version, "parameters": value} if wrap else value
    p = outcome(sim.Params.from_json, json.dumps(document, allow_nan=True))
    if p is not None:
        assert_round_trips(p)


@settings(max_examples=200, deadline=None)
@given(text=mutated_documents())
def test_property_mutated_documents_load_or_raise_value_error(text):
    """Documents with keys dropped or added, wrong types, NaN, huge ints or deep nesting: scenario or ValueError."""
    p = outcome(sim.Params.from_json, text)
    if p is not None:
        assert_round_trips(p)
    p = outcome(sim.Params.from_json, text.encode())  # the same document as uploaded bytes
    if p is not None:
        assert_round_trips(p)


@settings(max_examples=150, deadline=None)
@given(text=mutated_text(sim.PRESETS["bear"].to_json(), st.sampled_from('{}[]",:0123456789.eE-+ nNaIfty\\')))
def test_property_damaged_document_text_loads_or_raises_value_error(text):
    """A document with characters deleted, replaced, inserted or cut off: a valid scenario or a ValueError."""
    p = outcome(sim.Params.from_json, text)
    if p is not None:
        assert_round_trips(p)


@pytest.mark.parametrize("digits", [310, 400, 4000])
@pytest.mark.parametrize("name", ["plant1.peak", "patience_months", "su7.price"])
def test_a_number_too_big_for_a_float_is_rejected_naming_the_parameter(name, digits):
    """An integer with hundreds of digits (valid JSON) is out of range: ValueError naming it, not OverflowError."""
    doc = json.loads(sim.Params().to_json())
    doc["parameters"][name] = 10**digits
    with pytest.raises(ValueError, match=f"'{name}'"):
        sim.Params.from_json(json.dumps(doc))
    with pytest.raises(ValueError, match=f"'{name}'"):
        sim.decode_scenarios(link_of(json.dumps({"big": {name: -(10**digits)}}).encode()))


@pytest.mark.parametrize("text", [None, 3, 2.5, [], {}, bytearray(b"\xff\xfe")])
def test_a_document_that_is_not_text_is_rejected(text):
    """from_json given something other than text raises ValueError, not TypeError."""
    with pytest.raises(ValueError, match=r"\w"):
        sim.Params.from_json(text)


def test_a_document_at_the_size_cap_loads_and_one_more_character_does_not():
    """A valid document padded to exactly MAX_DOCUMENT_CHARS loads; one character more is refused as too large."""
    text = sim.PRESETS["bull"].to_json()
    padded = text + " " * (scenarios.MAX_DOCUMENT_CHARS - len(text))
    assert sim.Params.from_json(padded) == sim.PRESETS["bull"]
    with pytest.raises(ValueError, match="too large"):
        sim.Params.from_json(padded + " ")


# The compare link code


@settings(max_examples=200, deadline=None)
@given(
    code=mutated_text(
        VALID_CODE, st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/")
    )
)
def test_property_damaged_link_codes_decode_or_raise_value_error(code):
    """A real link code with characters changed, added, removed or cut off: scenarios or a ValueError."""
    decoded = outcome(sim.decode_scenarios, code)
    if decoded is not None:
        assert sim.decode_scenarios(sim.encode_scenarios(decoded)) == decoded
        for p in decoded.values():
            assert_round_trips(p)


@settings(max_examples=200, deadline=None)
@given(payload=st.one_of(json_values, st.dictionaries(st.text(max_size=8), json_values, max_size=3)))
def test_property_well_formed_codes_of_any_json_decode_or_raise_value_error(payload):
    """A code that decompresses fine but holds any JSON at all: valid named scenarios or a ValueError."""
    decoded = outcome(sim.decode_scenarios, link_of(json.dumps(payload, allow_nan=True).encode()))
    if decoded is not None:
        assert all(name.strip() == name and name for name in decoded)
        assert sim.decode_scenarios(sim.encode_scenarios(decoded)) == decoded


@settings(max_examples=200, deadline=None)
@given(
    changes=st.dictionaries(
        st.sampled_from(NAMES), st.one_of(json_values, st.sampled_from(NAMES)), min_size=1, max_size=4
    ),
    name=st.text(max_size=70),
)
def test_property_codes_with_bad_changes_decode_or_raise_value_error(changes, name):
    """Real parameter names with random values and names (empty, long, padded): a valid scenario or a ValueError."""
    decoded = outcome(sim.decode_scenarios, link_of(json.dumps({name: changes}, allow_nan=True).encode()))
    if decoded is not None:  # names are kept normalised: control characters are spaces, ends trimmed ('0\x1b' -> '0')
        assert list(decoded) == [scenarios.normalise_name(name)]
        assert_round_trips(decoded[scenarios.normalise_name(name)])


@pytest.mark.parametrize("code", [None, 1, b"v1.abc", ["v1."], {"v1.": 1}])
def test_a_link_code_that_is_not_text_is_rejected(code):
    """decode_scenarios given something other than text raises ValueError, not TypeError."""
    with pytest.raises(ValueError, match="must be text"):
        sim.decode_scenarios(code)


def test_link_codes_at_the_caps_and_just_over():
    """A code at MAX_LINK_CHARS is read (and found damaged or not), one over is too long; JSON at the unpacked cap
    is read, one byte more is refused before it is parsed."""
    at_cap = "v1." + "A" * (scenarios.MAX_LINK_CHARS - 3)
    with pytest.raises(ValueError, match="does not decompress|damaged"):
        sim.decode_scenarios(at_cap)
    with pytest.raises(ValueError, match="too long"):
        sim.decode_scenarios(at_cap + "A")
    body = b'{"a": {"plant1.peak": 40000}}'
    padded = body + b" " * (scenarios.MAX_LINK_JSON_BYTES - len(body))
    assert sim.decode_scenarios(link_of(padded))["a"]["plant1.peak"] == 40000
    with pytest.raises(ValueError, match="unpacks to more than"):
        sim.decode_scenarios(link_of(padded + b" "))


# Uploads


@settings(max_examples=200, deadline=None)
@given(data=mutated_bytes(VALID_BUNDLE))
def test_property_damaged_bundles_load_or_raise_value_error(data):
    """A real bundle with bytes flipped, deleted, inserted or cut off: a valid scenario or a ValueError."""
    p = outcome(sim.load_upload, data)
    if p is not None:
        assert_round_trips(p)


@settings(max_examples=100, deadline=None)
@given(
    document=st.one_of(mutated_documents(), json_values.map(lambda v: json.dumps(v, allow_nan=True))),
    extra=st.dictionaries(
        st.sampled_from(["kpis.json", "notes.txt", "a/b.csv", "scenario.JSON"]), st.binary(max_size=20)
    ),
)
def test_property_bundles_around_any_document_load_or_raise_value_error(document, extra):
    """A zip whose scenario.json holds a damaged document (and other members): a valid scenario or a ValueError."""
    p = outcome(sim.load_upload, zip_of({**extra, "scenario.json": document.encode()}))
    if p is not None:
        assert_round_trips(p)
    p = outcome(sim.load_upload, b"\xef\xbb\xbf" + document.encode())  # the same document uploaded as .json
    if p is not None:
        assert_round_trips(p)


@pytest.mark.parametrize("data", [None, "text", 1, memoryview(b"{}"), [b"{}"]])
def test_an_upload_that_is_not_bytes_is_rejected(data):
    """load_upload given something other than bytes raises ValueError, not TypeError."""
    with pytest.raises(ValueError, match="must be bytes"):
        sim.load_upload(data)


def test_uploads_at_the_size_cap_and_just_over():
    """A document or bundle at the cap loads; one byte over the upload cap, or a scenario.json one byte over the
    document cap inside a small zip, is refused."""
    text = sim.PRESETS["bear"].to_json().encode()
    assert sim.load_upload(text + b" " * (bundle.MAX_UPLOAD_BYTES - len(text))) == sim.PRESETS["bear"]
    with pytest.raises(ValueError, match="too large"):
        sim.load_upload(text + b" " * (bundle.MAX_UPLOAD_BYTES - len(text) + 1))
    with pytest.raises(ValueError, match="too large"):
        sim.load_upload(VALID_BUNDLE + b"\x00" * (bundle.MAX_UPLOAD_BYTES - len(VALID_BUNDLE) + 1))
    inner = text + b" " * (scenarios.MAX_DOCUMENT_CHARS - len(text))
    assert sim.load_upload(zip_of({"scenario.json": inner})) == sim.PRESETS["bear"]
    with pytest.raises(ValueError, match="too large once unpacked"):
        sim.load_upload(zip_of({"scenario.json": inner + b" "}))


# Markdown and Unicode from outside (issue 12): refused or tidied, and any message shown inert

MONTH_NAMES = sorted(n for n, s in sim.PARAMETERS.items() if s.kind == "month")


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(MONTH_NAMES), text=non_ascii_numbers(months()))
def test_property_months_in_non_ascii_digits_are_refused_in_uploads_and_links(name, text):
    """'２０２５-０９' in an upload or a compare code is refused naming the parameter (before: read as 2025-09)."""
    document = json.dumps({"schema_version": 1, "parameters": {name: text}})
    with pytest.raises(ValueError, match=name):
        sim.load_upload(document.encode())
    with pytest.raises(ValueError, match=name):
        sim.decode_scenarios(link_of(json.dumps({"mine": {name: text}}).encode()))


@settings(max_examples=200, deadline=None)
@given(names=st.lists(markdown_text(), min_size=1, max_size=4), key=markdown_text())
def test_property_crafted_names_are_tidied_or_refused_and_messages_shown_inert(names, key):
    """Scenario names with markdown and control characters decode to their tidied form (or a ValueError); an upload
    naming a crafted parameter is refused; every message, shown through ``plain``, is inert."""
    messages, payload = [], {n: {} for n in names}
    try:
        decoded = sim.decode_scenarios(link_of(json.dumps(payload).encode()))
    except ValueError as exc:
        messages.append(str(exc))
    else:
        assert all(name == scenarios.normalise_name(name) and not control_characters(name) for name in decoded)
        assert len(decoded) == len(payload)
    with pytest.raises(ValueError) as refused:
        sim.load_upload(json.dumps({"schema_version": 1, "parameters": {key: 1}}).encode())
    messages.append(str(refused.value))
    for message in messages:
        shown = plain(message)
        assert not live_markup(shown) and not control_characters(shown)
