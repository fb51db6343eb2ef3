"""The base run against its committed golden copy (``python -m tools.golden`` regenerates it on purpose)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tools.golden import COLUMNS, PATH, golden

RTOL = 1e-3  # a refactor may reorder float sums, not move a figure by a tenth of a percent


@pytest.fixture(scope="module")
def pair():
    """The committed golden run and a fresh one."""
    return json.loads(PATH.read_text()), golden()


def test_golden_months_match(pair):
    """The base run covers the same months as its golden copy."""
    saved, fresh = pair
    assert fresh["months"] == saved["months"]


@pytest.mark.parametrize("column", COLUMNS)
def test_golden_monthly_totals_match(pair, column):
    """Each monthly total of the base run stays within 0.1 % of the golden copy (waits, books, cash included)."""
    saved, fresh = pair
    np.testing.assert_allclose(fresh["total"][column], saved["total"][column], rtol=RTOL, atol=1e-6)


def test_golden_kpis_match(pair):
    """Every KPI of the base run stays within 0.1 % of the golden copy."""
    saved, fresh = pair
    assert fresh["kpis"].keys() == saved["kpis"].keys()
    for name, value in saved["kpis"].items():
        if isinstance(value, str) or value is None:
            assert fresh["kpis"][name] == value, name
        else:
            assert fresh["kpis"][name] == pytest.approx(value, rel=RTOL, abs=1e-6), name
