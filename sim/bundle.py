"""The download bundle: a zip with the scenario document, its monthly table and KPIs, and a manifest.

``scenario_bundle`` writes scenario.json, monthly.csv (the total and each line), kpis.json and manifest.json (model
version, schema version, the launch, its currency and the Monte Carlo seed); ``load_upload`` reads back either a
scenario document or a bundle, in its own launch or the one the caller expects. Everything read from outside is
capped in size before and after decompression, nothing is evaluated, unpickled or extracted to disk, and every
problem is an ``InputError`` (a ``ValueError``, see ``sim.errors``) an analyst can act on.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib

import pandas as pd

from sim.errors import InputError
from sim.model import Run, simulate
from sim.params import Params
from sim.registry import Launch
from sim.scenarios import MAX_DOCUMENT_CHARS, MODEL_VERSION, SCHEMA_VERSION, document_notice, from_json, to_json

MAX_UPLOAD_BYTES = 1_000_000  # uploads (document or bundle), before decompression
MAX_BUNDLE_MEMBERS = 16
SCENARIO_FILE, MONTHLY_FILE, KPIS_FILE, MANIFEST_FILE = "scenario.json", "monthly.csv", "kpis.json", "manifest.json"
BUNDLE_FILES = (SCENARIO_FILE, MONTHLY_FILE, KPIS_FILE, MANIFEST_FILE)
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_TIME = (2024, 3, 1, 0, 0, 0)  # fixed member timestamps: the same scenario gives the same bytes


def monthly_table(run: Run) -> pd.DataFrame:
    """A run's months in long form: month ('YYYY-MM'), line ('all' for the total, else the line key), columns."""
    total = run.total.reset_index(names="month").assign(line="all")
    lines = run.lines.reset_index()
    table = pd.concat([total, lines], ignore_index=True)
    table["month"] = table["month"].astype(str)
    return table[["month", "line", *run.total.columns]]


def scenario_bundle(p: Params, *, seed: int, name: str | None = None) -> bytes:
    """A zip to download: scenario.json, monthly.csv, kpis.json and manifest.json (versions, seed).

    Args:
        p: the scenario (of any launch; its launch is recorded in scenario.json, kpis.json and the manifest).
        seed: the Monte Carlo seed the page used, recorded so the uncertainty bands can be reproduced.
        name: an optional name stored in scenario.json and the manifest.

    Returns:
        The zip file's bytes; the same arguments give the same bytes.
    """
    if type(seed) is not int:
        raise ValueError(f"The Monte Carlo seed must be a whole number, got {seed!r}.")
    run = simulate(p)
    versions = {
        "schema_version": SCHEMA_VERSION,
        "model_version": MODEL_VERSION,
        "launch": p.launch,
        "currency": p.package.currency,  # of every amount in monthly.csv and kpis.json
        "seed": seed,
    }
    files = {
        SCENARIO_FILE: to_json(p, name),
        MONTHLY_FILE: monthly_table(run).to_csv(index=False),
        KPIS_FILE: json.dumps({**versions, "kpis": run.kpis}, indent=2, allow_nan=False),
        MANIFEST_FILE: json.dumps(
            {**versions, "name": name, "files": [SCENARIO_FILE, MONTHLY_FILE, KPIS_FILE]}, indent=2
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, text in files.items():
            archive.writestr(zipfile.ZipInfo(filename, date_time=_ZIP_TIME), text, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def load_upload(data: bytes, *, launch: str | Launch | None = None) -> Params:
    """The scenario in an uploaded file: a scenario document (.json) or a bundle (.zip) from :func:`scenario_bundle`.

    Args:
        data: the file's bytes.
        launch: the launch the caller expects (a key of ``sim.LAUNCHES`` or a loaded ``Launch``): a scenario of
            another launch is then refused. None (the default) takes the file's own; a file without one is Xiaomi's.

    Raises:
        InputError: the upload is empty, too large, binary, a damaged or oversized zip, a zip without
            scenario.json, or a document :func:`from_json` rejects (one for another launch than ``launch`` among
            them: the message names both launches).
    """
    if not isinstance(data, (bytes, bytearray)):
        raise ValueError(f"An upload must be bytes, got {type(data).__name__}.")  # the caller's mistake, not the file's
    if not data:
        raise InputError("The uploaded file is empty.", code="upload_empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"The uploaded file is too large ({len(data):,} bytes; at most {MAX_UPLOAD_BYTES:,}).",
            code="upload_too_large",
            size=len(data),
            limit=MAX_UPLOAD_BYTES,
        )
    if bytes(data[:4]) == _ZIP_MAGIC:
        return from_json(_bundle_scenario(bytes(data)), launch=launch)
    if b"\x00" in data:
        raise InputError(
            "The uploaded file is binary: upload a scenario .json or a bundle .zip from this page.",
            code="upload_binary",
        )
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "The uploaded file is not text: upload a scenario .json or a bundle .zip.", code="upload_not_text"
        ) from None
    return from_json(text, launch=launch)


def upload_notice(data: bytes) -> str | None:
    """What the user should know about an upload that :func:`load_upload` accepts (a model v1 scenario), or None."""
    try:
        text = _bundle_scenario(bytes(data)) if bytes(data[:4]) == _ZIP_MAGIC else bytes(data)
    except ValueError:
        return None
    return document_notice(text)


def _bundle_scenario(data: bytes) -> bytes:
    """scenario.json's bytes from a bundle, read with its size capped; nothing is extracted to disk."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            found = [m for m in members if m.filename == SCENARIO_FILE]
            member = found[0] if found and len(members) <= MAX_BUNDLE_MEMBERS else None
            content = b""
            if member is not None and member.file_size <= MAX_DOCUMENT_CHARS:
                with archive.open(member) as handle:
                    content = handle.read(MAX_DOCUMENT_CHARS + 1)  # the declared size may lie: read no further
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError,
            NotImplementedError):  # fmt: skip
        raise InputError(
            "The uploaded zip is damaged or uses a feature a bundle does not (e.g. encryption).", code="zip_damaged"
        ) from None
    if len(members) > MAX_BUNDLE_MEMBERS:
        raise InputError(
            f"The uploaded zip has {len(members)} files; a bundle from this page has {len(BUNDLE_FILES)}.",
            code="zip_too_many_files",
            count=len(members),
            expected=len(BUNDLE_FILES),
        )
    if member is None:
        raise InputError(
            f"The uploaded zip has no {SCENARIO_FILE}: it is not a bundle from this page.",
            code="zip_no_scenario",
            file=SCENARIO_FILE,
        )
    if member.file_size > MAX_DOCUMENT_CHARS or len(content) > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"The bundle's {SCENARIO_FILE} is too large once unpacked (at most {MAX_DOCUMENT_CHARS:,} bytes).",
            code="zip_scenario_too_large",
            file=SCENARIO_FILE,
            limit=MAX_DOCUMENT_CHARS,
        )
    return content
