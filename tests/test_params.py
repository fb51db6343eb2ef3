"""The parameter registry and ``Params``: validation messages, immutability, values, defaults and presets."""

from __future__ import annotations

import math
import pickle
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

import sim
from sim.registry import PARAMETERS
from sim.spec import KINDS
from sim.tables import LINES
from tests.strategies import full_params_strategy, params_values

BASE = sim.Params()


def _raises_naming(changes: dict, name: str, *fragments: str) -> str:
    """Apply ``changes`` to the base, expect ValueError, check the message names ``name`` (and fragments)."""
    with pytest.raises(ValueError) as caught:
        BASE.with_values(changes)
    message = str(caught.value)
    assert f"'{name}'" in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_unknown_name_is_rejected_with_its_name():
    """A name outside the registry raises ValueError quoting the name."""
    _raises_naming({"plant3.peak": 1000}, "plant3.peak", "Unknown parameter")


def test_unknown_name_is_rejected_by_the_constructor_too():
    """``Params({...})`` validates names exactly as ``with_values`` does."""
    with pytest.raises(ValueError, match="Unknown parameter 'su8.price'"):
        sim.Params({"su8.price": 235000})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("su7.price", "235000"),  # text for a whole number
        ("patience_months", "8"),  # text for a number
        ("plant1.peak", 30000.5),  # a fraction for a whole number
        ("su7.lock_lag_months", 1.25),
        ("su7.enabled", 1),  # a number for true/false
        ("su7.deposit_refundable", 0.0),
        ("su7.enabled", "true"),  # text for true/false
        ("plant1.peak", True),  # true/false for a number
        ("end", "2026-13"),  # no such month
        ("end", "2026/12"),  # not written YYYY-MM
        ("plant2.start", "June 2025"),
        ("end", 202612),  # a number for a month
        ("su7.price", None),
        ("su7.price", [235000]),
    ],
)
def test_wrong_type_is_rejected_naming_the_parameter(name, value):
    """A value of the wrong kind raises ValueError naming the parameter."""
    _raises_naming({name: value}, name, "must be")


@pytest.mark.parametrize(
    ("name", "value", "bounds"),
    [
        ("su7.price", "235000", ("100000", "500000")),  # the su7 money range of the registry
        ("plant1.peak", 30000.5, ("0", "100000")),
        ("patience_months", math.nan, ("0.0", "36.0")),
        ("end", "2026/12", ("2024-03", "2030-12")),
    ],
)
def test_wrong_type_messages_name_the_allowed_range(name, value, bounds):
    """a wrong type raises ValueError naming the parameter and the allowed range."""
    _raises_naming({name: value}, name, *bounds)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, np.float64("nan")])
@pytest.mark.parametrize("name", ["patience_months", "su7.bass_q", "su7.price", "plant1.initial"])
def test_nan_and_infinity_are_rejected(name, value):
    """NaN and infinities are never accepted for a number, float or whole."""
    _raises_naming({name: value}, name, "finite")


@pytest.mark.parametrize("name", [n for n, s in PARAMETERS.items() if s.kind in ("int", "float")])
def test_numbers_outside_the_range_are_rejected_with_the_range(name):
    """Just below min and just above max raise ValueError naming the parameter and both bounds."""
    spec = PARAMETERS[name]
    nudge = 1 if spec.kind == "int" else 1e-9 * max(1.0, abs(spec.max))
    for value in (spec.min - nudge, spec.max + nudge):
        _raises_naming({name: value}, name, str(spec.min), str(spec.max))


@pytest.mark.parametrize("name", [n for n, s in PARAMETERS.items() if s.kind in ("int", "float")])
def test_numbers_at_the_bounds_are_accepted(name):
    """The bounds themselves are valid values (ranges are closed)."""
    spec = PARAMETERS[name]
    for value in (spec.min, spec.max):
        assert BASE.with_values({name: value})[name] == value


def test_months_outside_the_range_are_rejected_with_the_range():
    """A month before 2024-03 or after 2030-12 names the parameter and the range."""
    _raises_naming({"end": "2031-01"}, "end", "2024-03", "2030-12")
    _raises_naming({"plant1.start": "2024-02"}, "plant1.start", "2024-03", "2030-12")


def test_months_accept_periods_and_come_back_as_text():
    """A monthly ``pandas.Period`` is accepted and stored as 'YYYY-MM'."""
    p = BASE.with_values({"end": pd.Period("2027-05", freq="M")})
    assert p["end"] == "2027-05"
    assert p.month("end") == pd.Period("2027-05", freq="M")


def test_whole_floats_and_numpy_numbers_are_canonicalised():
    """30000.0 and numpy scalars become plain int/float/bool of the spec's kind."""
    p = BASE.with_values({"plant1.peak": 30000.0, "patience_months": np.float32(6.5), "su7.enabled": np.bool_(True)})
    assert p["plant1.peak"] == 30000 and type(p["plant1.peak"]) is int
    assert p["patience_months"] == 6.5 and type(p["patience_months"]) is float
    assert p["su7.enabled"] is True
    assert type(BASE.with_values({"cancel_base": 0})["cancel_base"]) is float


@pytest.mark.parametrize("line", LINES)
def test_launch_before_reservations_open_is_rejected(line):
    """launch before reservations_open raises ValueError naming the launch parameter."""
    opens = BASE.month(f"{line}.reservations_open")
    if str(opens) == "2024-03":
        changes = {f"{line}.reservations_open": "2024-05", f"{line}.launch": "2024-04"}
    else:
        changes = {f"{line}.launch": str(opens - 1)}
    _raises_naming(changes, f"{line}.launch", f"{line}.reservations_open")


@pytest.mark.parametrize("line", LINES)
def test_deliveries_before_launch_are_rejected(line):
    """deliveries_start before launch raises ValueError naming the deliveries_start parameter."""
    launch = BASE.month(f"{line}.launch")
    changes = {f"{line}.deliveries_start": str(launch - 1)} if str(launch) != "2024-03" else {}
    if not changes:
        changes = {f"{line}.launch": "2024-05", f"{line}.deliveries_start": "2024-04"}
    _raises_naming(changes, f"{line}.deliveries_start", f"{line}.launch")


def test_equal_months_are_consistent():
    """reservations_open == launch == deliveries_start is allowed (open <= launch <= deliveries_start)."""
    same = {f"su7.{k}": "2025-01" for k in ("reservations_open", "launch", "deliveries_start")}
    assert BASE.with_values(same)["su7.deliveries_start"] == "2025-01"


def test_with_values_returns_a_new_object_and_leaves_the_old_one_alone():
    """with_values never mutates: the original keeps its values, the copy has the change."""
    before = BASE.values()
    changed = BASE.with_values({"plant1.peak": 40000})
    assert changed is not BASE
    assert changed["plant1.peak"] == 40000
    assert BASE.values() == before
    assert sim.Params() == BASE


def test_a_failed_change_leaves_the_original_alone():
    """A rejected with_values leaves the original scenario exactly as it was."""
    before = BASE.values()
    with pytest.raises(ValueError):
        BASE.with_values({"plant1.peak": 40000, "su7.price": -1})
    assert BASE.values() == before


def test_params_are_immutable():
    """Setting an attribute raises; the values dict handed out is a copy."""
    with pytest.raises(AttributeError):
        BASE.end = "2030-12"  # type: ignore[misc]
    values = BASE.values()
    values["end"] = "2030-12"
    assert BASE["end"] == PARAMETERS["end"].default


def test_values_cover_every_registry_name():
    """values() has exactly the registry's names, each with a valid value."""
    values = BASE.values()
    assert list(values) == list(PARAMETERS)
    for name, value in values.items():
        assert PARAMETERS[name].check(value) == value


def test_params_are_hashable_and_equal_by_value():
    """Equal scenarios are equal and hash alike, so they work as cache keys; different ones differ."""
    same = sim.Params({"plant1.peak": 40000})
    again = BASE.with_values({"plant1.peak": 40000})
    other = BASE.with_values({"plant1.peak": 45000})
    assert same == again and hash(same) == hash(again)
    assert same != other
    assert len({same, again, other, BASE}) == 3
    assert {same: 1}[again] == 1
    assert BASE.values() != BASE


def test_params_pickle_round_trip():
    """A pickled Params comes back equal (the page caches rely on it)."""
    p = BASE.with_values({"su7.price": 240000, "end": "2028-06"})
    assert pickle.loads(pickle.dumps(p)) == p


def test_every_spec_is_well_formed():
    """Each spec has a known kind, a name matching its key, ordered bounds and a help text."""
    for name, spec in PARAMETERS.items():
        assert spec.name == name
        assert spec.kind in KINDS
        assert spec.label and spec.help
        if spec.kind in ("int", "float"):
            assert spec.min < spec.max, name
            assert spec.step > 0, name
        if spec.kind == "month":
            assert spec.min <= spec.max, name


def test_every_default_lies_within_its_range():
    """Each spec's default passes its own check unchanged (so Params() is valid)."""
    for name, spec in PARAMETERS.items():
        assert spec.check(spec.default) == spec.default, name
        if spec.kind in ("int", "float"):
            assert spec.min <= spec.default <= spec.max, name


def test_ranges_reach_the_limiting_cases():
    """Ranges reach the limiting cases: deposit 0, conversion 1, no cancellations, price_elasticity 0."""
    limits = {"cancel_base": 0.0, "cancel_slope": 0.0}
    for line in LINES:
        limits.update({f"{line}.deposit": 0, f"{line}.conversion": 1.0, f"{line}.price_elasticity": 0.0})
    p = BASE.with_values(limits)
    assert all(p[name] == value for name, value in limits.items())


def test_learning_rate_range_is_the_spec_range():
    """learning_rate is a unit cost multiplier per doubling between 0.7 and 1."""
    spec = PARAMETERS["learning_rate"]
    assert (spec.min, spec.max) == (0.7, 1.0)


def test_horizon_defaults_and_range_match_the_spec():
    """the run ends at ``end``, default 2026-12, at most 2030-12."""
    assert PARAMETERS["end"].default == "2026-12"
    assert PARAMETERS["end"].max == "2030-12"


def test_registry_has_every_parameter_the_spec_names():
    """Every global, plant and line parameter the model (docs/model.md) lists is in the registry, and nothing else."""
    expected = {"end", "patience_months", "cancel_base", "cancel_slope", "learning_rate", "refundable_weight", "spill"}
    expected |= {f"{plant}.{k}" for plant in ("plant1", "plant2") for k in ("start", "initial", "peak", "ramp_months")}
    expected |= {"plant1.lend"}  # plant 1 lends to plant 2 (lends_to in plants.csv); plant 2 lends to none
    line_keys = [
        "enabled",
        "reservations_open",
        "launch",
        "deliveries_start",
        "end_of_sale",
        "plant",
        "price",
        "presale_price",
        "competitor_price",
        "market_size",
        "bass_p",
        "bass_q",
        "market_growth",
        "price_elasticity",
        "deposit",
        "deposit_refundable",
        "deposit_sensitivity",
        "conversion",
        "lock_lag_months",
        "unit_cost",
        "invite_lead_months",
        "giveup_slope",
    ]
    expected |= {f"{line}.{k}" for line in LINES for k in line_keys}
    assert set(PARAMETERS) == expected


def test_presets_are_valid_params_with_a_base():
    """PRESETS holds Params, has 'base' equal to Params(), and each preset has a note."""
    assert sim.PRESETS["base"] == sim.Params()
    assert set(sim.PRESET_NOTES) == set(sim.PRESETS)
    for name, preset in sim.PRESETS.items():
        assert isinstance(preset, sim.Params), name
        assert sim.Params(preset.values()) == preset, name


LINK_SAFE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)*")  # snake_case: the page's ?preset= value needs no escaping


@pytest.mark.parametrize("launch", sim.LAUNCHES)
def test_presets_of_every_launch_simulate_with_a_one_sentence_note(launch):
    """Each launch's presets: base first and equal to its base, link-safe names, one sentence each, and each runs."""
    presets, notes = sim.presets_for(launch), sim.preset_notes_for(launch)
    assert next(iter(presets)) == "base" and presets["base"] == sim.Params.base(launch)
    assert list(notes) == list(presets) and len(presets) >= 3
    for name, preset in presets.items():
        assert LINK_SAFE.fullmatch(name), name
        assert preset.launch == launch, name
        assert notes[name].endswith(".") and not re.search(r"[.!?] +[A-Z]", notes[name]), notes[name]
        run = sim.simulate(preset)
        assert run.total["deliveries"].sum() > 0 and np.isfinite(run.total.to_numpy()).all(), name


def test_xiaomi_presets_are_still_sim_presets():
    """presets_for('xiaomi') is sim.PRESETS (same scenarios, same notes, same order); the default launch is Xiaomi."""
    assert dict(sim.presets_for("xiaomi")) == sim.PRESETS == dict(sim.presets_for())
    assert dict(sim.preset_notes_for("xiaomi")) == sim.PRESET_NOTES


def test_tesla_presets_change_what_their_notes_say():
    """Tesla's what-ifs change only the levers their notes name, to the values of its sourced life cycle."""
    tesla = sim.presets_for("tesla_model3")
    base = tesla["base"]
    assert set(tesla) == {"base", "no_ga4", "standard_range_at_launch", "fremont_as_guided"}
    assert tesla["no_ga4"].changes(base) == {"ga4.initial": 0, "ga4.peak": 0}
    # the $35,000 Standard Range, launched 28 Feb 2019 (life cycle), as the price from the first deliveries
    assert tesla["standard_range_at_launch"].changes(base) == {"model3.price": 35000}
    # 5,000 a week x 52 / 12 = 21,667 a month, rounded to 21,700; from the 2017-07 start to 2017-12 is 5 months
    assert tesla["fremont_as_guided"].changes(base) == {"fremont.peak": 21700, "fremont.ramp_months": 5.0}
    no_ga4 = sim.simulate(tesla["no_ga4"]).total
    assert (no_ga4.loc["2018-06":, "capacity"] < sim.simulate(base).total.loc["2018-06":, "capacity"]).all()


def _scaled(names, factor):
    """Base values scaled by ``factor`` and rounded, as the preset notes describe."""
    return {n: round(BASE[n] * factor) for n in names}


MARKETS = [f"{line}.market_size" for line in LINES]
PEAKS = ["plant1.peak", "plant2.peak"]
RIVALS = [f"{line}.competitor_price" for line in LINES]


def test_bull_preset_is_larger_markets_and_faster_plants():
    """Bull: markets 25 % larger and plant peaks 15 % higher than base, nothing else changed."""
    changes = sim.PRESETS["bull"].changes(BASE)
    assert changes == {**_scaled(MARKETS, 1.25), **_scaled(PEAKS, 1.15)}


def test_bear_preset_is_smaller_markets_slower_plants_less_patience():
    """Bear: markets 25 % smaller, peaks 10 % lower, buyers 3 months less patient, nothing else changed."""
    changes = sim.PRESETS["bear"].changes(BASE)
    expected = {**_scaled(MARKETS, 0.75), **_scaled(PEAKS, 0.9), "patience_months": BASE["patience_months"] - 3}
    assert changes == pytest.approx(expected)
    assert set(changes) == set(expected)


def test_price_war_preset_cuts_every_rival_price_by_ten_percent():
    """Price war: every line's rival price 10 % lower than base, nothing else changed."""
    assert sim.PRESETS["price_war"].changes(BASE) == _scaled(RIVALS, 0.9)


def test_base_prices_the_ultra_at_its_launch_price_and_a_preset_keeps_the_presale_one():
    """Base: the Ultra sells at RMB 529,900 from launch (814,900 pre-sale); a preset keeps the pre-sale price."""
    assert BASE["ultra.price"] == 529900 and BASE["ultra.presale_price"] == 814900
    assert sim.PRESETS["ultra_presale_price"].changes(BASE) == {"ultra.price": 814900}


def test_su7g2_late_preset_moves_the_second_generation_three_months():
    """Second-generation SU7 late: its launch and first deliveries three months later, nothing else changed."""
    late = {f"su7g2.{k}": str(BASE.month(f"su7g2.{k}") + 3) for k in ("launch", "deliveries_start")}
    assert sim.PRESETS["su7g2_late"].changes(BASE) == late


def test_plant2_late_preset_starts_the_second_plant_six_months_late():
    """Plant 2 late: plant2.start six months after base, nothing else changed."""
    late = str(BASE.month("plant2.start") + 6)
    assert sim.PRESETS["plant2_late"].changes(BASE) == {"plant2.start": late}


def test_spec_presets_are_present():
    """A bull, a bear, a price war, the Ultra at its pre-sale price, plant 2 and the 2nd-gen SU7 late."""
    assert {"base", "bull", "bear", "price_war", "ultra_presale_price", "plant2_late", "su7g2_late"} <= set(sim.PRESETS)


@settings(max_examples=60, deadline=None)
@given(values=params_values())
def test_property_valid_values_round_trip(values):
    """Any valid set of values is accepted, kept exactly, and rebuilding from values() gives an equal Params."""
    p = sim.Params(values)
    assert p.values() == {name: PARAMETERS[name].check(values[name]) for name in PARAMETERS}
    assert sim.Params(p.values()) == p
    assert BASE.with_values(p.values()) == p
    assert hash(sim.Params(p.values())) == hash(p)


@settings(max_examples=40, deadline=None)
@given(p=full_params_strategy())
def test_property_changes_rebuild_the_scenario(p):
    """Applying a scenario's changes() to the defaults rebuilds the same scenario (what links rely on)."""
    assert sim.Params(p.changes()) == p
