"""The backtest panel: pure chart builder and the panel on a page."""

from __future__ import annotations

from pathlib import Path

import altair as alt
from streamlit.testing.v1 import AppTest

import sim
from sim.backtest import SEEDS
from ui.backtest import CUTOFF_KEY, backtest_chart

ROOT = Path(__file__).resolve().parent.parent


def test_backtest_chart_layers_forecast_reported_and_cutoff():
    """The chart has the forecast line, the reported points (with sources in tooltips) and the cutoff rule."""
    chart = backtest_chart(sim.backtest(sim.Params(), cutoff="2024-10"))
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point", "rule"]
    assert any(t.get("field") == "source" for t in spec["layer"][1]["encoding"]["tooltip"])


def test_backtest_panel_renders_metrics_and_moves_with_the_cutoff():
    """The panel shows the two error metrics, and a new cutoff changes them."""
    script = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + (ROOT / "tests" / "pages" / "backtest.py").read_text()
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.exception
    assert [m.label for m in at.tabs[0].metric] == [
        "Monthly error (MAPE, every figure)",
        "Quarterly totals after the cutoff",
    ]
    before = [m.value for m in at.tabs[0].metric]
    at.select_slider(key=f"{CUTOFF_KEY}.xiaomi").set_value("2024-06").run()
    assert not at.exception
    assert [m.value for m in at.tabs[0].metric] != before


def test_backtest_panel_shows_the_spread_over_seeds_on_a_click():
    """Switching the seed spread on fits every seed of sim.backtest.SEEDS and lists each one's error."""
    script = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + (ROOT / "tests" / "pages" / "backtest.py").read_text()
    at = AppTest.from_string(script, default_timeout=180).run()
    at.toggle(key="backtest.seeds").set_value(True).run()
    assert not at.exception
    spread = at.dataframe[-1].value
    assert list(spread["Seed"]) == list(SEEDS)
    assert spread["Quarters after the cutoff"].notna().all()
    assert "largest error" in at.tabs[0].caption[-1].value
