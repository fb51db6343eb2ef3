"""Fuzzing the validation path: any junk given to Params raises ValueError with the parameter's name, never more."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim.registry import PARAMETERS

NAMES = sorted(PARAMETERS)

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["2024-13", "2024-00", "1999-01", "2031-01", "2025-6", " 2025-06", "nan", "1e400", "-0"]),
    st.builds(lambda y, m: pd.Period(year=y, month=m, freq="M"), st.integers(1990, 2040), st.integers(1, 12)),
)


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(NAMES), value=junk)
def test_property_junk_values_raise_value_error_naming_the_parameter(name, value):
    """Any value for a known parameter is accepted within its spec or rejected by a ValueError naming it."""
    try:
        p = sim.Params().with_values({name: value})
    except ValueError as error:
        assert name.split(".")[-1] in str(error)
    else:
        spec = PARAMETERS[name]
        assert p[name] == spec.check(p[name])
        if spec.kind in ("int", "float"):
            assert math.isfinite(p[name]) and spec.min <= p[name] <= spec.max


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=40).filter(lambda n: n not in PARAMETERS), value=junk)
def test_property_unknown_names_are_rejected(name, value):
    """A name that is not in the registry is rejected with a ValueError that quotes it."""
    try:
        sim.Params().with_values({name: value})
    except ValueError as error:
        assert "Unknown parameter" in str(error)
    else:
        raise AssertionError(f"accepted unknown parameter {name!r}")
