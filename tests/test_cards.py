"""The KPI cards tell the truth: reported figures and gaps, the latest goals, deltas against a reference."""

from __future__ import annotations

import sim
from tests.test_app import open_page
from ui import cards, display, kpis
from ui.context import PageContext

BASE = sim.simulate(sim.PRESETS["base"])


def _context(run: sim.Run, reference_run: sim.Run, reference: str = "base") -> PageContext:
    return PageContext(
        params=run.params,
        run=run,
        preset="base",
        reference=reference,
        reference_run=reference_run,
        currency=display.Currency(),
        reported=sim.reported(),
        targets=sim.targets(),
        economics=sim.economics(),
    )


def test_year_cards_show_the_reported_figure_the_gap_and_the_latest_goals():
    """2024: reported 136,854 and goal 130,000; 2025: at least 410,000, goal more than 400,000, analysts 250,000."""
    shown = cards.kpi_cards(_context(BASE, BASE))
    gap_2024 = (BASE.kpis["deliveries_2024"] - 136_854) / 136_854  # Xiaomi FY2024 results (reported.csv)
    sign = "+" if gap_2024 >= 0 else ""
    assert f"reported 136,854 · model {sign}{gap_2024:.1%}" in shown[0].note
    assert "company goal 130,000" in shown[0].note and "100,000" not in shown[0].note
    assert "reported at least 410,000" in shown[1].note
    assert "company goal more than 400,000" in shown[1].note and "analysts 250,000" in shown[1].note
    assert "company goal 550,000" in shown[2].note and "reported" not in shown[2].note
    assert all(card.delta is None for card in shown)


def test_the_latest_company_goal_is_the_one_shown():
    """year_facts picks the goal with the latest 'as of' date: 130,000 for 2024, not 76,000, 100,000 or 120,000."""
    facts = cards.year_facts(sim.reported(), sim.targets(), 2024)
    assert facts.goal == 130_000 and not facts.goal_more_than and facts.reported == 136_854


def test_preset_link_opens_the_preset_with_deltas_against_the_base():
    """?preset=plant2_late opens that scenario (plant 2 six months late) and its cards read against the base."""
    app = open_page({"preset": "plant2_late"})
    assert not app.exception
    late = sim.PRESETS["plant2_late"]
    assert app.session_state["plant2.start"] == late["plant2.start"]
    assert app.selectbox(key="preset").value == "plant2_late"
    run = sim.simulate(late)
    assert app.metric[1].value == kpis.fmt("deliveries_2025", run.kpis["deliveries_2025"])
    assert app.metric[1].delta == kpis.delta(
        "deliveries_2025", run.kpis["deliveries_2025"], BASE.kpis["deliveries_2025"]
    )
    assert app.metric[1].delta.startswith("-")
    assert app.query_params.get("preset") == "plant2_late"


def test_preset_picker_shows_labels_and_keeps_keys_in_the_link():
    """The picker reads 'Second plant six months late'; the link keeps 'plant2_late'."""
    app = open_page()
    picker = app.selectbox(key="preset")
    assert "Second plant six months late" in picker.options and "plant2_late" not in picker.options
    picker.set_value("plant2_late").run()
    assert not app.exception
    assert app.query_params.get("preset") == "plant2_late"
    assert app.metric[1].delta  # against the base, a preset shows its change


def test_reference_picker_reads_the_deltas_against_another_preset():
    """With the reference set to the preset on screen, its cards show no deltas."""
    app = open_page({"preset": "plant2_late"})
    app.selectbox(key=cards.REFERENCE_KEY).set_value("plant2_late").run()
    assert not app.exception
    assert all(not metric.delta for metric in app.metric)


def test_preset_and_currency_links_read_any_case():
    """?preset=PLANT2_LATE&currency=eur are read as plant2_late and EUR, without a notice."""
    app = open_page({"preset": "PLANT2_LATE", "currency": "eur"})
    assert not app.exception and not app.warning
    assert app.selectbox(key="preset").value == "plant2_late"
    assert app.metric[5].value.startswith("EUR ")
