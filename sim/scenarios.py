"""Scenarios that travel: a JSON document per scenario, a compact code for links, and a download bundle.

Three forms, all read back through the registry so a scenario is validated the same way wherever it comes from:

- The scenario document (``to_json`` / ``from_json``): ``{"schema_version", "model_version", "launch",
  "parameters"}`` with the launch's key and every parameter by name, values as in ``Params.values()`` (months as
  'YYYY-MM'). Floats are written with Python's shortest round-trip repr, so reading a document back gives the
  identical ``Params``. A document from before a parameter was added still loads: the missing parameter takes its
  default; a document without ``launch`` (written before there were launches) is Xiaomi's. ``model_version`` says
  which model wrote it; it is kept for the record and does not block loading (the values are checked against
  today's registry).
- The link code (``encode_scenarios`` / ``decode_scenarios``): ``v2.`` + base64url (no padding) of the
  zlib-compressed JSON ``{name: changes from the defaults}`` when every scenario is Xiaomi's (as before there were
  launches), else ``v3.`` + the same of ``{name: {"launch": key, "changes": changes}}``, each scenario with its
  launch. Only changes travel, so a link stays short; like the page's own link, it reads the changes against the
  defaults of the model that opens it.
- The bundle lives in ``sim.bundle`` (it runs the model; this module does not).

A document or link without a launch is Xiaomi's. Whoever opens one may say which launch it expects; a scenario of
another launch is then refused with a message naming both launches, since its parameters are not the levers on
screen. Without one, each scenario opens in its own launch.

Scenario names are tidied by :func:`normalise_name` wherever they come in, and two names that are equal once tidied
are an error, never a silent merge.

Everything that reads outside input caps its size before and after decompression (no zip or zlib bombs), never
evaluates or unpickles anything, never uses a name from the input as a path, and raises ``InputError`` (a
``ValueError``, see ``sim.errors``) with a message an analyst can act on and a code the page words in its language.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
import zlib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from sim.errors import InputError
from sim.params import Params
from sim.registry import LAUNCHES, Launch, get_launch

SCHEMA_VERSION = 2  # layout of the scenario document and bundle; bump on any incompatible change
MODEL_VERSION = "0.3.0"  # the model's equations and calibration (pyproject version); bump when results change
LINK_PREFIX = "v2."  # version tag of the link code of Xiaomi's scenarios: {name: changes}
LAUNCHES_LINK_PREFIX = "v3."  # version tag of a link with another launch's scenarios: {name: {launch, changes}}
OLD_LINK_PREFIXES = ("v1.",)  # earlier link codes: the same layout (changes from the defaults), read as they are
# What changed from model v1 to v2, told once to whoever opens a v1 scenario document or compare link.
V1_NOTICE = (
    "This scenario was saved with model v1; it opens in model v2, where each line is built by its own plant (plant 1: "
    "the SU7 family, plant 2: the YU7), demand grows with the market instead of dying out, a refundable deposit "
    "weighs less than one the buyer can lose, the first-generation SU7 goes off sale in 2026-01 and a second "
    "generation follows, and the SU7 Ultra sells at its RMB 529,900 launch price. Values the file left at the v1 "
    "defaults take the v2 base; the ones you had changed are kept."
)

MAX_DOCUMENT_CHARS = 1_000_000  # a scenario document is ~3 kB; anything this big is not one
MAX_LINK_CHARS = 20_000  # the encoded link value; browsers and servers start refusing addresses around here
MAX_LINK_JSON_BYTES = 256_000  # the link's JSON after decompression (zlib bomb guard)
MAX_SCENARIOS = 20  # named scenarios in one link
MAX_NAME_CHARS = 60

_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")


def scenario_document(p: Params, name: str | None = None) -> dict[str, Any]:
    """The versioned document of ``p``: schema and model versions, its launch, optional name, every parameter."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "model_version": MODEL_VERSION, "launch": p.launch}
    if name is not None:
        document["name"] = name
    document["parameters"] = p.values()
    return document


def to_json(p: Params, name: str | None = None) -> str:
    """``p`` as a scenario document (indented JSON text); :func:`from_json` reads it back exactly."""
    return json.dumps(scenario_document(p, name), indent=2, allow_nan=False)


def from_json(text: str | bytes, *, launch: str | Launch | None = None) -> Params:
    """The scenario a document describes.

    Args:
        text: a scenario document as written by :func:`to_json` (str, or UTF-8 bytes).
        launch: the launch the caller expects (a key of ``sim.LAUNCHES`` or a loaded ``Launch``); None takes the
            document's own. A document without a launch is Xiaomi's.

    Returns:
        The ``Params`` of the document's launch; parameters missing from the document take their defaults.

    Raises:
        InputError: the text is not JSON, not a scenario document, has an unknown schema version, is for another
            launch than ``launch`` or one this simulator does not have, or names an unknown parameter or a value
            outside its range (the message says which).
    """
    document = _parse_json(text, subject="document", limit=MAX_DOCUMENT_CHARS)
    _schema_version(document)
    package = _document_launch(document, launch)
    return Params(_document_parameters(document, package), launch=package)


def launch_label(launch: str | Launch) -> str:
    """How the analyst knows a launch: 'Xiaomi SU7 / YU7', 'Tesla Model 3 (2016-2019)'."""
    return get_launch(launch).tables.label


def _opened_as(found: str, wanted: str | Launch | None, scenario: str | None = None) -> Launch:
    """The launch a scenario of launch ``found`` opens in, or an ``InputError`` an analyst can act on.

    ``scenario`` names the scenario of a compare link; None is a scenario document's.
    """
    if wanted is not None and found == get_launch(wanted).key:
        return get_launch(wanted)
    what = "scenario" if scenario is None else f"compare link's scenario '{scenario}'"
    named = {} if scenario is None else {"scenario": scenario}
    if found not in LAUNCHES:
        raise InputError(
            f"This {what} is for a launch this simulator does not have; it cannot be opened here.",
            code="unknown_launch" if scenario is None else "link_unknown_launch",
            found=found,
            **named,
        )
    if wanted is None:
        return get_launch(found)
    raise InputError(
        f"This {what} is for the {launch_label(found)}, not the {launch_label(wanted)}; switch the launch to open it.",
        code="other_launch" if scenario is None else "link_other_launch",
        found=found,
        wanted=get_launch(wanted).key,
        **named,
    )


def _document_launch(document: dict[str, Any], wanted: str | Launch | None) -> Launch:
    found = "xiaomi" if document["schema_version"] == 1 else document.get("launch", "xiaomi")  # v1 knew one launch
    if not isinstance(found, str):
        raise InputError(
            "The scenario document's 'launch' must be the name of a launch, as this page saves it.",
            code="bad_launch_field",
            got=found,
        )
    return _opened_as(found, wanted)


_SUBJECTS = {"document": "scenario document", "link": "compare link"}  # what _parse_json reads, in messages


def _parse_json(text: str | bytes, *, subject: str, limit: int) -> Any:
    """The JSON in ``text``, read as a ``subject`` ('document' or 'link', a key of ``_SUBJECTS``) at most ``limit``
    characters long."""
    what = _SUBJECTS[subject]
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"This {what} is not UTF-8 text.", code="not_utf8", subject=subject) from None
    if not isinstance(text, str):
        kind = type(text).__name__
        raise InputError(f"A {what} must be text, got {kind}.", code="not_text", subject=subject, got=kind)
    if len(text) > limit:
        raise InputError(
            f"This {what} is too large ({len(text):,} characters; at most {limit:,}).",
            code="too_long",
            subject=subject,
            size=len(text),
            limit=limit,
        )
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"This {what} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).",
            code="not_json",
            subject=subject,
            detail=exc.msg,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except ValueError as exc:  # a repeated key, NaN or a number too long to read (Python's own message)
        problem = exc if isinstance(exc, InputError) else InputError(str(exc), code="number_too_long")
        raise InputError(
            f"This {what} is not valid: {exc}.", code="invalid_json", subject=subject, problem=problem
        ) from None
    except RecursionError:
        raise InputError(
            f"This {what} is nested too deeply to be a scenario.", code="too_deep", subject=subject
        ) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"the key '{key}' appears twice", code="repeated_key", entry=key)
        out[key] = value
    return out


def _reject_constant(name: str) -> None:
    raise InputError(f"{name} is not a number a scenario may hold", code="not_a_number", constant=name)


def _schema_version(document: Any) -> int:
    """The schema version of a scenario document (1 or ``SCHEMA_VERSION``), or an ``InputError`` on anything else."""
    if not isinstance(document, dict) or "parameters" not in document:
        raise InputError(
            "This is not a scenario document: expected a JSON object with 'schema_version' and 'parameters'.",
            code="not_document",
        )
    version = document.get("schema_version")
    if type(version) is not int:
        raise InputError(
            f"The scenario document's 'schema_version' must be a whole number, got {version!r}.",
            code="bad_schema_version",
            got=version,
        )
    if version not in (1, SCHEMA_VERSION):
        raise InputError(
            f"Unknown scenario schema version {version}: this simulator reads version {SCHEMA_VERSION}. "
            "Export the scenario again from a matching version of the simulator.",
            code="unknown_schema_version",
            version=version,
            expected=SCHEMA_VERSION,
        )
    return version


def _document_parameters(document: dict[str, Any], launch: Launch) -> dict[str, Any]:
    if document["schema_version"] == 1:
        return _from_v1(document["parameters"])
    parameters = document["parameters"]
    _check_parameters(parameters, launch.parameters)
    return parameters


def _check_parameters(parameters: Any, known: Mapping[str, Any]) -> None:
    """Raise ``InputError`` unless a document's ``parameters`` is an object whose names are all ``known``."""
    if not isinstance(parameters, dict):
        raise InputError(
            "The scenario document's 'parameters' must be an object of name: value.", code="bad_parameters"
        )
    unknown = [name for name in parameters if name not in known]
    if unknown:
        raise InputError(
            f"Unknown parameter '{unknown[0]}' in the scenario document.", code="unknown_parameter", name=unknown[0]
        )


def _v1_defaults() -> dict[str, Any]:
    path = resources.files("sim") / "launches" / "xiaomi" / "v1_defaults.json"
    return json.loads(path.read_text())["values"]


def _from_v1(parameters: Any) -> dict[str, Any]:
    """A v1 document's parameters in v2: values still at the v1 defaults were not chosen and take the v2 base."""
    defaults = _v1_defaults()
    _check_parameters(parameters, defaults)
    return {name: value for name, value in parameters.items() if value != defaults[name]}


def document_notice(text: str | bytes) -> str | None:
    """What the reader of this scenario document should know before using it (a v1 document), or None."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return V1_NOTICE if isinstance(document, dict) and document.get("schema_version") == 1 else None


def encode_scenarios(scenarios: Mapping[str, Params]) -> str:
    """A compact, URL-safe code for named scenarios: a version tag + base64url(zlib(JSON of each one's changes)).

    Xiaomi's scenarios alone are written as before there were launches (``v2.``, ``{name: changes}``), so links of
    Xiaomi's scenarios are the same as ever; with any other launch's, each scenario records its launch (``v3.``).

    Raises:
        InputError: a name is empty, too long or repeated after trimming, there are too many scenarios, or the link
            would be too long.
    """
    payload: dict[str, Any] = {}
    for name, p in scenarios.items():
        label = _check_name(name)
        if label in payload:
            raise InputError(
                f"Two scenarios are named '{label}' once spaces are tidied; give them different names.",
                code="repeated_name",
                scenario=label,
            )
        payload[label] = p
    if len(payload) > MAX_SCENARIOS:
        raise InputError(
            f"At most {MAX_SCENARIOS} scenarios fit in a link, got {len(payload)}.",
            code="too_many_scenarios",
            count=len(payload),
            limit=MAX_SCENARIOS,
        )
    if all(p.launch == "xiaomi" for p in payload.values()):
        prefix, document = LINK_PREFIX, {name: p.changes() for name, p in payload.items()}
    else:
        prefix = LAUNCHES_LINK_PREFIX
        document = {name: {"launch": p.launch, "changes": p.changes()} for name, p in payload.items()}
    raw = json.dumps(document, separators=(",", ":"), allow_nan=False).encode()
    code = prefix + base64.urlsafe_b64encode(zlib.compress(raw, 9)).rstrip(b"=").decode("ascii")
    if len(code) > MAX_LINK_CHARS:
        raise InputError(
            f"These scenarios make a link too long ({len(code):,} characters); remove some.",
            code="save_too_long",
            size=len(code),
            limit=MAX_LINK_CHARS,
        )
    return code


def decode_scenarios(code: str, *, launch: str | Launch | None = None) -> dict[str, Params]:
    """The named scenarios a code from :func:`encode_scenarios` holds, in their saved order.

    Args:
        code: the link code.
        launch: the launch the caller expects (a key of ``sim.LAUNCHES`` or a loaded ``Launch``): a scenario of
            another launch is then refused. None (the default) opens each scenario in its own launch; a scenario
            without one (a ``v1.`` or ``v2.`` link) is Xiaomi's.

    Raises:
        InputError: the code is damaged, from an unknown version, too large, holds a scenario of another launch
            than ``launch`` (the message names both launches) or one that is not valid (the message names the
            scenario and the parameter).
    """
    what = "The compare link"
    if not isinstance(code, str):
        raise InputError(f"{what} must be text.", code="not_text", subject="link", got=type(code).__name__)
    if len(code) > MAX_LINK_CHARS:
        raise InputError(
            f"{what} is too long ({len(code):,} characters; at most {MAX_LINK_CHARS:,}).",
            code="too_long",
            subject="link",
            size=len(code),
            limit=MAX_LINK_CHARS,
        )
    prefix = next((p for p in (LINK_PREFIX, LAUNCHES_LINK_PREFIX, *OLD_LINK_PREFIXES) if code.startswith(p)), None)
    if prefix is None:
        version = code.split(".", 1)[0] if "." in code else ""
        known = f"version '{version}' is not one this simulator reads" if version else "it has no version tag"
        raise InputError(
            f"{what} cannot be read: {known} (expected it to start with '{LINK_PREFIX}').",
            code="unknown_version" if version else "no_version",
            **({"version": version} if version else {}),
            expected=LINK_PREFIX,
        )
    body = code[len(prefix) :]
    if not _BASE64URL.match(body) or len(body) % 4 == 1:
        raise InputError(
            f"{what} is damaged: it has characters or a length a link code cannot have.", code="link_characters"
        )
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(compressed, MAX_LINK_JSON_BYTES + 1)
    except (binascii.Error, zlib.error):
        raise InputError(
            f"{what} is damaged: it does not decompress (was it cut short when copied?).", code="link_not_compressed"
        ) from None
    if len(raw) > MAX_LINK_JSON_BYTES or inflater.unconsumed_tail:
        raise InputError(
            f"{what} unpacks to more than {MAX_LINK_JSON_BYTES:,} bytes; it is not one this page made.",
            code="link_too_big",
            limit=MAX_LINK_JSON_BYTES,
        )
    if not inflater.eof or inflater.unused_data:
        raise InputError(
            f"{what} is damaged: it is incomplete or has extra data (was it cut short when copied?).",
            code="link_incomplete",
        )
    payload = _parse_json(raw, subject="link", limit=MAX_LINK_JSON_BYTES)
    if not isinstance(payload, dict) or not all(isinstance(v, dict) for v in payload.values()):
        raise InputError(f"{what} does not hold named scenarios.", code="link_not_scenarios")
    if len(payload) > MAX_SCENARIOS:
        raise InputError(
            f"{what} holds {len(payload)} scenarios; at most {MAX_SCENARIOS} are allowed.",
            code="too_many_scenarios",
            count=len(payload),
            limit=MAX_SCENARIOS,
        )
    scenarios = {}
    for name, entry in payload.items():
        label = _check_name(name)
        if label in scenarios:
            raise InputError(
                f"{what} has two scenarios named '{label}' once spaces are tidied; name them apart.",
                code="repeated_name",
                scenario=label,
            )
        found, changes = _link_entry(entry, prefix == LAUNCHES_LINK_PREFIX, what)
        package = _opened_as(found, launch, label)
        try:
            scenarios[label] = Params(changes, launch=package)
        except ValueError as exc:
            raise InputError(
                f"{what} has a scenario '{label}' that is not valid: {exc}",
                code="link_invalid_scenario",
                scenario=label,
                problem=exc,
            ) from None
    return scenarios


def _link_entry(entry: dict[str, Any], with_launch: bool, what: str) -> tuple[str, dict[str, Any]]:
    """(launch key, changes) of one scenario of a link: ``{launch, changes}`` in a ``v3.`` link, else Xiaomi's."""
    if not with_launch:
        return "xiaomi", entry
    if set(entry) != {"launch", "changes"} or not isinstance(entry["launch"], str):
        raise InputError(f"{what} does not hold named scenarios with their launch.", code="link_not_scenarios")
    if not isinstance(entry["changes"], dict):
        raise InputError(f"{what} does not hold named scenarios with their changes.", code="link_not_scenarios")
    return entry["launch"], entry["changes"]


def normalise_name(name: str) -> str:
    """A scenario name as it is kept and compared: NFC, each run of spaces, line breaks, control and format
    characters one space, ends trimmed (' My\u202e  plan ' -> 'My plan')."""
    text = unicodedata.normalize("NFC", name)
    spaced = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return " ".join(spaced.split())


def _check_name(name: Any) -> str:
    label = normalise_name(name) if isinstance(name, str) else ""
    if not label:
        raise InputError("A scenario name must be non-empty text.", code="empty_name")
    if len(label) > MAX_NAME_CHARS:
        raise InputError(
            f"A scenario name must be at most {MAX_NAME_CHARS} characters, got {len(label)}.",
            code="name_too_long",
            count=len(label),
            limit=MAX_NAME_CHARS,
        )
    return label
