"""The uncertainty panels: pure chart builders, link checks and the panels on a page (AppTest)."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pytest
from streamlit.testing.v1 import AppTest

import sim
from ui import display
from ui.charts import chart_spec, records, spec_with_data
from ui.decisions import goal_seek_chart, tornado_chart, tornado_frame
from ui.uncertainty import (
    DRAWS_KEY,
    SEED_KEY,
    SPREAD_KEY,
    UNCLICKED_DRAWS,
    draws_csv,
    fan_chart,
    fan_frames,
    fan_layout,
    fan_reference,
    link_problem,
    monte_carlo_runner,
    probability_cards,
)

ROOT = Path(__file__).resolve().parent.parent
BASE = sim.Params()


@pytest.fixture(scope="module")
def result():
    """A small Monte Carlo of the base scenario."""
    return sim.monte_carlo(BASE, n=200, seed=0)


def test_fan_chart_has_bands_reported_points_and_targets(result):
    """Two panels: band + median + reported points, and band + median + target rules + reported points."""
    chart = fan_chart(result.quantiles, sim.reported(), sim.targets())
    assert isinstance(chart, alt.VConcatChart)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    top, bottom = spec["vconcat"]
    assert [layer["mark"]["type"] for layer in top["layer"][0]["layer"]] == ["area", "line"]
    assert top["layer"][1]["mark"]["type"] == "point"
    assert [layer["mark"]["type"] for layer in bottom["layer"][1:]] == ["rule", "point"]
    tips = [t.get("field") for t in top["layer"][1]["encoding"]["tooltip"]]
    assert "source" in tips


def test_tornado_chart_keeps_the_largest_effects_in_order():
    """The chart shows the parameters with an effect, largest first, a low and a high bar each."""
    table = sim.tornado(BASE, "deliveries_2025")
    frame = tornado_frame(table, "deliveries_2025", top=5)
    assert list(dict.fromkeys(frame["parameter"])) == list(table[table["effect"] > 0]["parameter"].head(5))
    assert set(frame["side"]) == {"low", "high"}
    tornado_chart(table, "deliveries_2025").to_dict()


def test_tornado_chart_on_a_timing_kpi_labels_months():
    """For month_100k the tooltip text is a month, or 'not reached' past the horizon."""
    frame = tornado_frame(sim.tornado(BASE, "month_100k"), "month_100k", end=BASE["end"])
    assert frame["kpi_text"].str.match(r"^[A-Z][a-z]{2} \d{4}$|^not reached$").all()


def test_goal_seek_chart_marks_the_answer():
    """A found lever value adds a point on the curve; an unreachable target has none."""
    found = sim.goal_seek_detail(BASE, "plant1.peak", "deliveries_2024", 150_000)
    missed = sim.goal_seek_detail(BASE, "plant1.peak", "deliveries_2025", 5_000_000)
    assert len(goal_seek_chart(found).to_dict()["layer"]) == 3
    assert len(goal_seek_chart(missed).to_dict()["layer"]) == 2


def test_probability_cards_match_prob(result):
    """The cards are the result's probabilities of the latest goals (Xiaomi's targets.csv), as percentages."""
    cards = probability_cards(result, 2026, 300_000)
    odds = result.prob("deliveries_2024", 130_000)  # a share of the draws, e.g. 0.575 for 1,150 of 2,000
    assert cards[0][1] == display.percent(odds, 0) and abs(float(cards[0][1].rstrip("%")) - 100 * odds) <= 0.5 + 1e-9
    assert [c[0] for c in cards[:3]] == [
        "P(≥ 130,000 delivered in 2024)",
        "P(≥ 400,000 delivered in 2025)",
        "P(≥ 250,000 delivered in 2025)",
    ]
    assert cards[3][0] == "P(≥ 300,000 delivered in 2026)"


@pytest.mark.parametrize(
    ("key", "text", "ok"),
    [
        (DRAWS_KEY, "2000", True),
        (DRAWS_KEY, "7", False),
        (SPREAD_KEY, "0.3", True),
        (SPREAD_KEY, "lots", False),
        (SEED_KEY, "42", True),
        (SEED_KEY, "4.5", False),
        (SEED_KEY, "-1", False),
    ],
)
def test_link_problem(key, text, ok):
    """Link values of the draw settings are accepted or named as the page's link check needs."""
    problem = link_problem(key, text)
    assert (problem is None) == ok
    if not ok:
        assert key in problem


def _page(query: dict[str, str] | None = None) -> AppTest:
    script = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + (ROOT / "tests/pages/uncertainty.py").read_text()
    at = AppTest.from_string(script, default_timeout=120)
    at.query_params = dict(query or {})
    return at


def test_panels_render_with_probability_cards():
    """The three panels render without an exception, with the three P cards and a goal-seek answer; twice."""
    at = _page().run()
    assert not at.exception
    labels = [m.label for m in at.tabs[0].metric]
    assert labels[:3] == [
        "P(≥ 130,000 delivered in 2024)",
        "P(≥ 400,000 delivered in 2025)",
        "P(≥ 250,000 delivered in 2025)",
    ]
    assert labels[3].startswith("P(≥ 400,000 delivered in 2025")
    assert all(m.value.endswith("%") for m in at.tabs[0].metric)
    assert len(at.success) == 1
    at.run()
    assert not at.exception


def test_link_sets_the_draw_settings():
    """A link with draws, spread and seed opens with those settings and the same odds as setting them by hand."""
    by_hand = _page().run()
    by_hand.select_slider(key=DRAWS_KEY).set_value(500)
    by_hand.slider(key=SPREAD_KEY).set_value(0.3)
    by_hand.number_input(key=SEED_KEY).set_value(3).run()
    by_link = _page({DRAWS_KEY: "500", SPREAD_KEY: "0.3", SEED_KEY: "3"}).run()
    assert not by_hand.exception and not by_link.exception
    assert by_link.select_slider(key=DRAWS_KEY).value == 500 and by_link.number_input(key=SEED_KEY).value == 3
    assert [m.value for m in by_link.metric] == [m.value for m in by_hand.metric]
    default = _page().run()
    assert [m.value for m in by_link.metric] != [m.value for m in default.metric]


def test_unreachable_goal_shows_the_reason():
    """A target no lever value reaches shows one warning with the reason, not an error."""
    at = _page().run()
    at.number_input(key="goal.target.deliveries_2025").set_value(9_000_000.0).run()
    assert not at.exception
    assert len(at.warning) == 1 and "target above" in at.warning[0].value


def _panel_only(query: dict[str, str]) -> AppTest:
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "import sim\nfrom ui.uncertainty import render_uncertainty_panel\n"
        "render_uncertainty_panel(sim.Params(), sim.reported(), sim.targets())\n"
    )
    at = AppTest.from_string(script, default_timeout=120)
    at.query_params = query
    return at


def test_link_never_starts_more_than_2000_draws(monkeypatch):
    """A link asking for 10,000 draws runs 2,000 and offers a button; only the click runs 10,000."""
    monte_carlo_runner.clear()
    started = []
    real = sim.monte_carlo
    monkeypatch.setattr(sim, "monte_carlo", lambda p, n, **kw: started.append(n) or real(p, n, **kw))
    at = _panel_only({DRAWS_KEY: "10000", SEED_KEY: "424242"}).run()
    assert not at.exception
    assert started == [UNCLICKED_DRAWS]
    at.run()  # a rerun of the opened link starts nothing new
    assert started == [UNCLICKED_DRAWS]
    assert len(at.button) == 1 and "2,000 draws" in at.info[0].value
    at.button(key="mc.run").click().run()
    assert not at.exception and started == [UNCLICKED_DRAWS, 10000]
    assert "10,000 draws" in at.caption[0].value and not at.info  # the offer goes once its run is shown


def test_draws_csv_has_a_row_per_draw(result):
    """The CSV built on download holds every draw's KPIs and parameter values."""
    lines = draws_csv(result).splitlines()
    assert len(lines) == result.n + 1 and lines[0].startswith("draw,deliveries_2024")


def test_cached_fan_spec_with_new_data_equals_a_fresh_build(result):
    """The fan chart's cached spec with a run's bands and reference figures equals a fresh to_dict() of fan_chart."""
    template = chart_spec(fan_layout())
    other = sim.monte_carlo(BASE.with_values({"end": "2027-06"}), n=100, seed=4)
    frames = {**fan_frames(other.quantiles), **fan_reference(sim.reported(), sim.targets(), "2027-06")}
    fresh = fan_chart(other.quantiles, sim.reported(), sim.targets()).to_dict()
    fresh.pop("config", None)  # Altair's default theme, which Streamlit leaves out too
    assert spec_with_data(template, {name: records(frame) for name, frame in frames.items()}) == fresh
