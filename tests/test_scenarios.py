"""Portable scenarios (JSON document, link code, bundle, upload) and the "why did it change?" attribution."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import math
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim import bundle, scenarios
from sim.attribution import MAX_GROUPS, attribution_kpis, group_key, group_label, group_order
from tests.helpers import zip_of
from tests.strategies import full_params_strategy, scenario_pairs

NAMES = sorted(sim.PARAMETERS)
KPIS = ("deliveries_2025", "revenue_total", "gross_margin", "max_wait_months")


def document(**changes) -> str:
    """The base scenario's document with top-level fields replaced (None removes one)."""
    doc = json.loads(sim.Params().to_json())
    for key, value in changes.items():
        if value is None:
            doc.pop(key)
        else:
            doc[key] = value
    return json.dumps(doc)


def link_of(payload: bytes) -> str:
    """A link code around arbitrary bytes, compressed as the encoder does."""
    return "v1." + base64.urlsafe_b64encode(zlib.compress(payload, 9)).rstrip(b"=").decode()


# The scenario document


@pytest.mark.parametrize("name", list(sim.PRESETS))
def test_json_round_trip_every_preset(name):
    """Every preset reads back from its document as the identical Params."""
    p = sim.PRESETS[name]
    assert sim.Params.from_json(p.to_json()) == p


@settings(max_examples=150, deadline=None)
@given(p=full_params_strategy())
def test_property_json_round_trip_is_exact(p):
    """Any valid scenario survives to_json / from_json exactly, float bits and types included."""
    back = sim.Params.from_json(p.to_json())
    assert back == p
    assert all(type(back[n]) is type(p[n]) for n in NAMES)


def test_document_is_versioned_and_lists_every_parameter():
    """The document carries the schema and model versions and every parameter in registry order."""
    doc = json.loads(sim.PRESETS["bull"].to_json())
    assert doc["schema_version"] == scenarios.SCHEMA_VERSION
    assert doc["model_version"] == scenarios.MODEL_VERSION
    assert list(doc["parameters"]) == list(sim.PARAMETERS)
    assert doc["parameters"] == sim.PRESETS["bull"].values()


def test_old_document_without_a_parameter_loads_with_its_default():
    """A document written before a parameter existed still loads; the missing one takes its default."""
    doc = json.loads(sim.Params({"plant1.peak": 41000}).to_json())
    del doc["parameters"]["ultra.deposit"], doc["parameters"]["learning_rate"]
    p = sim.Params.from_json(json.dumps(doc))
    assert p["plant1.peak"] == 41000
    assert p["ultra.deposit"] == sim.PARAMETERS["ultra.deposit"].default


def test_document_from_another_model_version_still_loads():
    """The model version is a record, not a lock: values are checked against today's registry."""
    assert sim.Params.from_json(document(model_version="0.0.1")) == sim.Params()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ("{'schema_version': 1}", "not valid JSON"),
        ("[1, 2]", "not a scenario document"),
        ('{"schema_version": 1}', "not a scenario document"),
        (document(schema_version=3), "Unknown scenario schema version 3"),
        (document(schema_version="1"), "'schema_version' must be a whole number"),
        (document(schema_version=True), "'schema_version' must be a whole number"),
        (document(parameters=[1]), "'parameters' must be an object"),
        (document(parameters={"plant9.peak": 1}), "Unknown parameter 'plant9.peak'"),
        (document(parameters={"plant1.peak": 10**9}), "'plant1.peak' must be between 0 and 100000"),
        (document(parameters={"plant1.peak": "many"}), "'plant1.peak' must be a whole number"),
        (document(parameters={"su7.enabled": 1}), "'su7.enabled' must be true or false"),
        (document(parameters={"end": "2031-01"}), "'end' must be between"),
        (document(parameters={"su7.launch": "2024-02"}), "'su7.launch' must be between"),
        (document(parameters={"su7.launch": "2026-01"}), "'su7.deliveries_start'"),
        ('{"schema_version": 1, "parameters": {"patience_months": NaN}}', "NaN is not a number"),
        ('{"schema_version": 1, "parameters": {"patience_months": 1e999}}', "'patience_months' must be a finite"),
        ('{"schema_version": 1, "schema_version": 1, "parameters": {}}', "appears twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (" " * (scenarios.MAX_DOCUMENT_CHARS + 1), "too large"),
    ],
)
def test_bad_documents_are_rejected_with_a_clear_message(text, message):
    """Each kind of broken document raises ValueError saying what is wrong (and which parameter)."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        sim.Params.from_json(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_property_any_text_loads_or_raises_value_error(text):
    """No text makes from_json fail other than with ValueError."""
    with contextlib.suppress(ValueError):
        sim.Params.from_json(text)


# The link code


def test_link_code_round_trip_for_all_presets_in_order():
    """All presets in one code come back equal and in the order they were saved."""
    code = sim.encode_scenarios(sim.PRESETS)
    assert code.startswith("v2.")
    back = sim.decode_scenarios(code)
    assert list(back) == list(sim.PRESETS)
    assert back == dict(sim.PRESETS)


def test_link_code_is_url_safe_and_short():
    """The code uses only URL-safe characters and stays short: only changes from the defaults travel."""
    code = sim.encode_scenarios(sim.PRESETS)
    assert set(code[3:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert len(code) < 600


@settings(max_examples=60, deadline=None)
@given(
    named=st.dictionaries(
        st.text(min_size=1, max_size=20).map(scenarios.normalise_name).filter(bool), full_params_strategy(), max_size=4
    )
)
def test_property_link_code_round_trip_is_exact(named):
    """Any set of named valid scenarios (names already tidied) survives encode / decode exactly."""
    assert sim.decode_scenarios(sim.encode_scenarios(named)) == named


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "no version tag"),
        ("hello", "no version tag"),
        ("v9.abcd", "version 'v9'"),  # v3 is the link with launches
        ("v1.abc$", "damaged"),
        ("v1.abcde", "damaged"),
        ("v1.AAAA", "does not decompress"),
        ("v1." + "A" * (scenarios.MAX_LINK_CHARS), "too long"),
        (link_of(b"[1, 2]"), "does not hold named scenarios"),
        (link_of(b'{"a": 1}'), "does not hold named scenarios"),
        (link_of(b"not json"), "not valid JSON"),
        (link_of(b'{"": {}}'), "name must be non-empty"),
        (link_of(b'{"x": {"plant1.peak": -1}}'), "scenario 'x' that is not valid: Parameter 'plant1.peak'"),
        (link_of(b'{"x": {"nope": 1}}'), "Unknown parameter 'nope'"),
        (link_of(b" " * (scenarios.MAX_LINK_JSON_BYTES + 10) + b"{}"), "unpacks to more than"),
        (link_of(b"{}")[:-3], "damaged"),
        (link_of(b"{}") + "AAAA", "extra data"),
    ],
)
def test_broken_link_codes_are_rejected_with_a_clear_message(code, message):
    """Every kind of broken or hostile link code raises ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=message):
        sim.decode_scenarios(code)


def test_link_code_rejects_a_decompression_bomb_without_inflating_it():
    """A tiny code that would inflate to 10 MB is refused at the size cap."""
    code = link_of(b"[" + b" " * 10_000_000 + b"]")
    assert len(code) < scenarios.MAX_LINK_CHARS
    with pytest.raises(ValueError, match="unpacks to more than"):
        sim.decode_scenarios(code)


def test_encoding_refuses_blank_or_duplicate_names():
    """Names must be non-empty and distinct once tidied, so the link reads back the same set."""
    with pytest.raises(ValueError, match="non-empty"):
        sim.encode_scenarios({"  ": sim.Params()})
    with pytest.raises(ValueError, match="named 'a' once spaces are tidied"):
        sim.encode_scenarios({"a": sim.Params(), "a ": sim.Params()})


@settings(max_examples=300, deadline=None)
@given(code=st.one_of(st.text(max_size=80), st.text(max_size=80).map(lambda t: "v1." + t)))
def test_property_garbage_link_codes_raise_value_error(code):
    """Whatever text sits in the link, decoding returns scenarios or raises ValueError, nothing else."""
    with contextlib.suppress(ValueError):
        sim.decode_scenarios(code)


# Attribution


def difference(base: sim.Params, scenario: sim.Params, kpi: str) -> float:
    """The KPI difference ``simulate`` gives (the number the attribution must split)."""
    return sim.simulate(scenario).kpis[kpi] - sim.simulate(base).kpis[kpi]


def assert_adds_up(table: pd.DataFrame, expected: float) -> None:
    """Contributions add up to ``expected`` to float rounding."""
    assert math.isclose(table["contribution"].sum(), expected, rel_tol=1e-9, abs_tol=1e-6 * max(1.0, abs(expected)))


@pytest.mark.parametrize("kpi", KPIS)
@pytest.mark.parametrize("name", [n for n in sim.PRESETS if n != "base"])
def test_attribution_adds_up_to_the_difference_for_presets(name, kpi):
    """For every preset against base, the group contributions sum to the KPI difference simulate gives."""
    base, scenario = sim.PRESETS["base"], sim.PRESETS[name]
    table = sim.attribute(base, scenario, kpi)
    assert_adds_up(table, difference(base, scenario, kpi))
    # the batch sums in another order than a single run, so the endpoints agree to rounding, not to the bit
    assert math.isclose(table.attrs["base_value"], sim.simulate(base).kpis[kpi], rel_tol=1e-12)
    assert math.isclose(table.attrs["scenario_value"], sim.simulate(scenario).kpis[kpi], rel_tol=1e-12)


def test_attribution_is_empty_for_identical_scenarios():
    """Identical scenarios: no group differs, nothing to split, a total of zero."""
    table = sim.attribute(sim.PRESETS["bull"], sim.PRESETS["bull"], "deliveries_2025")
    assert list(table.columns) == ["group", "contribution", "parameters", "key"]
    assert len(table) == 0 and table["contribution"].sum() == 0


def test_attribution_groups_and_lists_the_changed_parameters():
    """The bull case changes plant peaks (production) and each line's market (pricing); rows name them."""
    table = sim.attribute(sim.Params(), sim.PRESETS["bull"], "deliveries_2025").set_index("key")
    assert set(table.index) == {"production", *(f"{line}.pricing" for line in sim.LINES)}
    assert table.loc["production", "parameters"] == "plant1.peak, plant2.peak"
    assert table.loc["su7.pricing", "group"] == "SU7: pricing and market"
    contributions = sim.attribute(sim.Params(), sim.PRESETS["bull"], "deliveries_2025")["contribution"]
    assert list(contributions.abs()) == sorted(contributions.abs(), reverse=True)


def test_single_group_gets_the_whole_difference():
    """With one group changed, its contribution is the whole difference (Shapley with one player)."""
    base, late = sim.PRESETS["base"], sim.PRESETS["plant2_late"]
    table = sim.attribute(base, late, "deliveries_2025")
    assert list(table["key"]) == ["production"]
    assert_adds_up(table, difference(base, late, "deliveries_2025"))


def test_attribution_with_a_different_horizon_adds_up_and_names_it():
    """When `end` differs it is its own group and each coalition runs on its own horizon, so the sum is exact."""
    base = sim.Params()
    scenario = base.with_values({"end": "2028-12", "plant1.peak": 40000, "su7.launch": "2024-04"})
    assert scenario["su7.deliveries_start"] >= scenario["su7.launch"]
    for kpi in ("deliveries_total", "revenue_total", "deliveries_2026"):
        table = sim.attribute(base, scenario, kpi)
        assert "horizon" in set(table["key"])
        assert_adds_up(table, difference(base, scenario, kpi))


def test_swapping_base_and_scenario_flips_every_contribution():
    """Attribution is antisymmetric: explaining A from B gives minus B from A, group by group."""
    a, b = sim.PRESETS["bear"], sim.PRESETS["price_war"]
    forward = sim.attribute(a, b, "revenue_total").set_index("key")["contribution"]
    backward = sim.attribute(b, a, "revenue_total").set_index("key")["contribution"]
    pd.testing.assert_series_equal(forward.sort_index(), -backward.sort_index(), rtol=1e-9, atol=1e-3)


def test_many_changed_groups_merge_per_line():
    """With more than MAX_GROUPS groups changed, each line's groups merge so the batch stays small."""
    base, other = sim.Params(), sim.PRESETS["bear"]
    changes = {n: other[n] for n in other.changes(base)}
    for line in sim.LINES:
        changes |= {f"{line}.price_elasticity": 1.0, f"{line}.deposit": 0, f"{line}.lock_lag_months": 2}
        changes |= {f"{line}.deliveries_start": "2026-06"}
    scenario = base.with_values(changes)
    assert len({group_key(n) for n in scenario.changes(base)}) > MAX_GROUPS
    table = sim.attribute(base, scenario, "deliveries_total")
    assert set(table["key"]) == {"production", "patience", *sim.LINES}
    assert "SU7: all levers" in set(table["group"])
    assert_adds_up(table, difference(base, scenario, "deliveries_total"))


def test_attribution_rejects_month_and_unknown_kpis():
    """month_100k is a month, not an amount; an unknown name lists the KPIs that can be split."""
    with pytest.raises(ValueError, match="is a month"):
        sim.attribute(sim.Params(), sim.PRESETS["bull"], "month_100k")
    with pytest.raises(ValueError, match="deliveries_2025"):
        sim.attribute(sim.Params(), sim.PRESETS["bull"], "deliveries")


def test_every_parameter_has_a_group_with_a_label():
    """Every registry parameter falls in a listed group, and every group reads as a label."""
    order = group_order()
    assert {group_key(n) for n in sim.PARAMETERS} == set(order)
    assert len(order) == 4 + 4 * len(sim.LINES)  # horizon, patience, production, pre-orders; 4 groups a line
    assert all(group_label(k) for k in order + list(sim.LINES))
    assert "max_wait_months" in attribution_kpis() and "month_100k" not in attribution_kpis()


@settings(max_examples=40, deadline=None)
@given(pair=scenario_pairs(), kpi=st.sampled_from(KPIS))
def test_property_attribution_adds_up_to_the_difference(pair, kpi):
    """For random pairs of scenarios the contributions sum to the difference, and only changed groups appear."""
    base, scenario = pair
    table = sim.attribute(base, scenario, kpi)
    assert_adds_up(table, difference(base, scenario, kpi))
    assert set(table["key"]) == {group_key(n) for n in scenario.changes(base)}
    assert table["contribution"].map(math.isfinite).all()


# Bundle and upload


def test_bundle_holds_scenario_monthly_kpis_versions_and_seed():
    """The bundle has the four files; the document, table and KPIs match a fresh run of the scenario."""
    p = sim.PRESETS["ultra_presale_price"]
    data = sim.scenario_bundle(p, seed=42, name="Ultra at 529,900")
    run = sim.simulate(p)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == list(bundle.BUNDLE_FILES)
        assert sim.Params.from_json(archive.read("scenario.json").decode()) == p
        kpis = json.loads(archive.read("kpis.json"))
        manifest = json.loads(archive.read("manifest.json"))
        monthly = pd.read_csv(io.BytesIO(archive.read("monthly.csv")))
    assert kpis["kpis"] == run.kpis
    assert (kpis["seed"], kpis["model_version"], manifest["seed"], manifest["name"]) == (
        42,
        scenarios.MODEL_VERSION,
        42,
        "Ultra at 529,900",
    )
    assert len(monthly) == len(run.total) + len(run.lines)
    assert set(monthly["line"]) == {"all", *sim.LINES}
    total = monthly[monthly["line"] == "all"]
    assert total["deliveries"].tolist() == run.total["deliveries"].tolist()


def test_bundle_is_reproducible_and_round_trips_through_upload():
    """The same scenario and seed give the same bytes, and uploading the bundle restores the scenario."""
    p = sim.PRESETS["bear"]
    assert sim.scenario_bundle(p, seed=1) == sim.scenario_bundle(p, seed=1)
    assert sim.load_upload(sim.scenario_bundle(p, seed=1)) == p


def test_upload_accepts_the_plain_document_with_or_without_bom():
    """A scenario .json upload (UTF-8, with or without a byte-order mark) restores the scenario."""
    p = sim.PRESETS["price_war"]
    assert sim.load_upload(p.to_json().encode()) == p
    assert sim.load_upload(b"\xef\xbb\xbf" + p.to_json().encode()) == p


def _bomb() -> bytes:
    """A zip whose scenario.json inflates to 5 MB from a few kB."""
    return zip_of({"scenario.json": b" " * 5_000_000})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"x" * (bundle.MAX_UPLOAD_BYTES + 1), "too large"),
        (bytes(range(256)), "binary"),
        (b"\xff\xfe\xfa not utf-8", "not text"),
        (b"hello", "not valid JSON"),
        (b'{"schema_version": 9, "parameters": {}}', "schema version 9"),
        (b"PK\x03\x04 this is not really a zip", "zip is damaged"),
        (zip_of({"notes.txt": b"hi"}), "no scenario.json"),
        (zip_of({"../scenario.json": sim.Params().to_json().encode()}), "no scenario.json"),
        (zip_of({f"f{i}": b"" for i in range(40)} | {"scenario.json": b"{}"}), "has 41 files"),
        (_bomb(), "too large once unpacked"),
        (zip_of({"scenario.json": b'{"schema_version": 1, "parameters": {"su7.price": 1}}'}), "'su7.price'"),
    ],
)
def test_bad_uploads_are_rejected_with_a_clear_message(data, message):
    """Every kind of bad upload raises ValueError saying what is wrong; nothing is extracted or evaluated."""
    with pytest.raises(ValueError, match=message):
        sim.load_upload(data)


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b)))
def test_property_garbage_uploads_raise_value_error(data):
    """Whatever bytes are uploaded, load_upload returns a scenario or raises ValueError, nothing else."""
    with contextlib.suppress(ValueError):
        sim.load_upload(data)


def test_a_v1_document_opens_in_v2_keeping_only_what_the_analyst_changed():
    """A v1 document's values at the v1 defaults take the v2 base; changed ones are kept; the notice says why."""
    path = Path(sim.__file__).parent / "launches" / "xiaomi" / "v1_defaults.json"
    v1_defaults = json.loads(path.read_text())["values"]
    parameters = {**v1_defaults, "plant1.peak": 31000}  # a v1 file lists every value; the analyst changed one
    text = json.dumps({"schema_version": 1, "model_version": "0.1.0", "parameters": parameters})
    assert sim.Params.from_json(text) == sim.Params().with_values({"plant1.peak": 31000})
    assert scenarios.document_notice(text) == scenarios.V1_NOTICE
    assert "own plant" in scenarios.V1_NOTICE and scenarios.document_notice(sim.Params().to_json()) is None
    assert bundle.upload_notice(text.encode()) == scenarios.V1_NOTICE


def test_a_v1_document_naming_an_unknown_parameter_is_refused():
    """A v1 document with a name v1 never had gets the same clear message as any unknown name."""
    text = json.dumps({"schema_version": 1, "parameters": {"plant9.peak": 1}})
    with pytest.raises(ValueError, match="Unknown parameter 'plant9.peak'"):
        sim.Params.from_json(text)


def test_a_v1_compare_link_still_opens():
    """A 'v1.' compare code (changes from the defaults, like v2's) decodes into the same scenarios."""
    code = sim.encode_scenarios({"Bull": sim.PRESETS["bull"]})
    old = "v1." + code.removeprefix(scenarios.LINK_PREFIX)
    assert sim.decode_scenarios(old) == {"Bull": sim.PRESETS["bull"]}


# Another launch: Tesla's Model 3

TESLA = sim.Params.base("tesla_model3")
TESLA_LABEL, XIAOMI_LABEL = "Tesla Model 3 (2016-2019)", "Xiaomi SU7 / YU7"  # launch.json labels


def test_tesla_attribution_groups_are_its_lines_and_topics():
    """A Tesla difference splits over Tesla's groups (its Model 3 line, its plants) and adds up."""
    scenario = TESLA.with_values(
        {
            "fremont.peak": 21700,
            "model3.market_size": 500_000,
            "model3.launch": "2017-09",
            "model3.deliveries_start": "2017-09",
        }
    )
    table = sim.attribute(TESLA, scenario, "deliveries_total")
    assert set(table["key"]) == {"production", "model3.pricing", "model3.timing"}
    assert {"Production and costs", "Model 3: pricing and market", "Model 3: launch timing"} == set(table["group"])
    assert_adds_up(table, difference(TESLA, scenario, "deliveries_total"))
    order = group_order("tesla_model3")
    assert {group_key(n, launch="tesla_model3") for n in TESLA.package.parameters} == set(order)
    assert len(order) == 4 + 4 * len(TESLA.package.lines)  # horizon, patience, production, pre-orders; 4 a line
    assert group_label("model3.preorders", "tesla_model3") == "Model 3: pre-orders and deposits"
    assert "revenue_2018" in attribution_kpis("tesla_model3") and "revenue_2025" not in attribution_kpis("tesla_model3")
    by_year = sim.attribute(TESLA, scenario, "deliveries_2018")
    assert_adds_up(by_year, difference(TESLA, scenario, "deliveries_2018"))


def test_attribution_refuses_scenarios_of_two_launches():
    """A Xiaomi scenario and a Tesla one have different levers: the message names both launches."""
    with pytest.raises(ValueError, match="different launches") as error:
        sim.attribute(sim.Params(), TESLA, "deliveries_total")
    assert TESLA_LABEL in str(error.value) and XIAOMI_LABEL in str(error.value)


def test_tesla_scenario_round_trips_with_its_launch():
    """A Tesla scenario keeps its launch through the document, the link code and the bundle."""
    p = sim.presets_for("tesla_model3")["no_ga4"]
    doc = json.loads(p.to_json())
    assert doc["launch"] == "tesla_model3" and list(doc["parameters"]) == list(TESLA.package.parameters)
    assert sim.Params.from_json(p.to_json()) == p
    assert scenarios.from_json(p.to_json(), launch="tesla_model3") == p
    code = sim.encode_scenarios({"No GA4": p, "Base": TESLA})
    assert code.startswith(scenarios.LAUNCHES_LINK_PREFIX)
    assert sim.decode_scenarios(code, launch="tesla_model3") == {"No GA4": p, "Base": TESLA}
    assert sim.decode_scenarios(code)["No GA4"].launch == "tesla_model3"
    data = sim.scenario_bundle(p, seed=3, name="No GA4")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert (manifest["launch"], manifest["currency"]) == ("tesla_model3", "USD")
    assert sim.load_upload(data, launch="tesla_model3") == p
    assert sim.load_upload(p.to_json().encode()) == p


def _opened(kind: str, p: sim.Params, launch: str):
    """Open ``p`` saved as ``kind`` (document, bundle or link) the way the page does, expecting ``launch``."""
    if kind == "link":
        return sim.decode_scenarios(sim.encode_scenarios({"Mine": p}), launch=launch)
    data = p.to_json().encode() if kind == "document" else sim.scenario_bundle(p, seed=0)
    return sim.load_upload(data, launch=launch)


@pytest.mark.parametrize("kind", ["document", "bundle", "link"])
@pytest.mark.parametrize(
    ("saved", "opened_as", "saved_label", "opened_label"),
    [(TESLA, "xiaomi", TESLA_LABEL, XIAOMI_LABEL), (sim.Params(), "tesla_model3", XIAOMI_LABEL, TESLA_LABEL)],
)
def test_a_scenario_of_another_launch_gets_a_message_naming_both(kind, saved, opened_as, saved_label, opened_label):
    """Opening a scenario of launch A as launch B says which launch it is for, by the analyst's names, not keys."""
    with pytest.raises(ValueError, match="switch the launch") as error:
        _opened(kind, saved, opened_as)
    message = str(error.value)
    assert f"is for the {saved_label}, not the {opened_label}" in message
    assert "tesla_model3" not in message and "xiaomi" not in message


def test_a_link_keeps_scenarios_of_both_launches_each_in_its_own():
    """The page's link keeps every saved scenario, of either launch: each comes back in its own launch and order."""
    saved = {"Mine": sim.PRESETS["bull"], "No GA4": sim.presets_for("tesla_model3")["no_ga4"], "T": TESLA}
    code = sim.encode_scenarios(saved)
    assert code.startswith(scenarios.LAUNCHES_LINK_PREFIX)
    back = sim.decode_scenarios(code)
    assert back == saved and list(back) == list(saved)
    assert [p.launch for p in back.values()] == ["xiaomi", "tesla_model3", "tesla_model3"]
    with pytest.raises(ValueError, match="scenario 'Mine' is for the Xiaomi SU7 / YU7, not the Tesla"):
        sim.decode_scenarios(code, launch="tesla_model3")


def test_a_xiaomi_file_without_a_launch_opens_as_xiaomi():
    """A document saved before launches existed (no 'launch' key) is Xiaomi's, as asked or not."""
    p = sim.PRESETS["bull"]
    saved = json.loads(p.to_json())
    del saved["launch"]
    text = json.dumps(saved)
    assert sim.load_upload(text.encode()) == p and sim.load_upload(text.encode(), launch="xiaomi") == p
    with pytest.raises(ValueError, match="switch the launch"):
        sim.load_upload(text.encode(), launch="tesla_model3")


def test_a_xiaomi_link_is_written_as_before_launches():
    """A Xiaomi link's JSON is still {name: changes}, so links already shared and older pages read it unchanged."""
    code = sim.encode_scenarios({"Bull": sim.PRESETS["bull"]})
    body = code.removeprefix(scenarios.LINK_PREFIX)
    payload = json.loads(zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))))
    assert payload == {"Bull": sim.PRESETS["bull"].changes()}


def test_a_launch_this_simulator_does_not_have_is_refused():
    """A document or a link naming no known launch cannot be opened, and the message says so in plain words."""
    for launch, message in (("nio", "a launch this simulator does not have"), (3, "must be the name of a launch")):
        with pytest.raises(ValueError, match=message):
            sim.load_upload(document(launch=launch).encode())
    raw = json.dumps({"Mine": {"launch": "nio", "changes": {}}}).encode()
    code = scenarios.LAUNCHES_LINK_PREFIX + base64.urlsafe_b64encode(zlib.compress(raw)).rstrip(b"=").decode()
    with pytest.raises(ValueError, match="scenario 'Mine' is for a launch this simulator does not have"):
        sim.decode_scenarios(code)
    for entry in ({"launch": 3, "changes": {}}, {"changes": {}}, {"launch": "xiaomi", "changes": []}):
        raw = json.dumps({"Mine": entry}).encode()
        code = scenarios.LAUNCHES_LINK_PREFIX + base64.urlsafe_b64encode(zlib.compress(raw)).rstrip(b"=").decode()
        with pytest.raises(ValueError, match="does not hold named scenarios"):
            sim.decode_scenarios(code)
