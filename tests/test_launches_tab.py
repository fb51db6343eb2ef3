"""The Launches tab: Xiaomi and the Model 3 on a common clock, its builders, table, sentence and page."""

from __future__ import annotations

import pytest

from sim.sidebyside import LEVELS, side_by_side
from tests.test_app import open_page
from ui import i18n, launches_tab

NAMES = ("Xiaomi", "Tesla Model 3")


@pytest.fixture(scope="module")
def clocks():
    """Both launches' base runs on the common clock (computed once for the module)."""
    return side_by_side()


def _launches_per_layer(spec: dict) -> list[set[str]]:
    """The launches named in each layer's data (Altair keeps a chart's tables in ``datasets``)."""
    layers = spec.get("layer", [spec])
    return [
        {row["launch"] for row in spec["datasets"][layer.get("data", spec.get("data"))["name"]]} for layer in layers
    ]


@pytest.mark.parametrize(
    "builder",
    [
        launches_tab.cumulative_chart,
        launches_tab.monthly_chart,
        launches_tab.orders_chart,
        launches_tab.wait_chart,
    ],
)
def test_chart_builders_show_both_launches(clocks, builder):
    """Each chart validates against Vega-Lite and every layer (model lines, reported points) has both launches."""
    spec = builder(clocks).to_dict(validate=True)
    assert all(names == set(NAMES) for names in _launches_per_layer(spec))


def test_model_and_reported_charts_have_lines_and_points(clocks):
    """The cumulative chart draws the model as lines and the reported figures as points."""
    spec = launches_tab.cumulative_chart(clocks).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point"]


def test_milestones_table_has_three_levels_for_both_launches(clocks):
    """The table has 10,000, 50,000 and 100,000 for each launch, months model and reported in whole numbers."""
    table = launches_tab.milestones_table(clocks)
    assert list(table["Launch"]) == [name for name in NAMES for _ in LEVELS]
    assert list(table["Deliveries"]) == ["10,000", "50,000", "100,000"] * 2
    assert table[["Months (model)", "Months (reported)"]].map(str.isdigit).all().all()


def test_claim_sentence_reads_the_table(clocks):
    """The sentence quotes the months to 100,000 from the milestones (reported: Xiaomi 7, Model 3 15)."""
    xiaomi, tesla = (int(clocks[k].milestones.set_index("level").loc[100_000, "reported"]) for k in clocks)
    assert launches_tab.claim_sentence(clocks) == (
        f"100,000 deliveries took Xiaomi {xiaomi} months from its first delivery (reported) "
        f"and Tesla Model 3 {tesla} (reported)."
    )


def test_caption_reads_the_acceptance_bands(clocks):
    """The caption counts Tesla's met bands from its acceptance.csv (6 of 12 when written) and names USD."""
    met, total = launches_tab.bands_met("tesla_model3")
    caption = launches_tab.calibration_caption(clocks)
    assert f"meets {met} of its {total}" in caption and "USD" in caption


def test_launches_tab_from_the_link():
    """?tab=Launches opens the tab without exception or warning: the sentence, four charts and the promises chart."""
    app = open_page({"tab": "Launches"})
    assert not app.exception and not app.warning
    assert any(m.value.startswith("100,000 deliveries took Xiaomi") for m in app.markdown)
    assert len(app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")) == 5


def test_french_page_names_the_launches_tab():
    """?lang=fr&tab=Launches shows the French label 'Lancements' and the French sentence."""
    app = open_page({"lang": "fr", "tab": "Launches"})
    assert not app.exception
    assert i18n.CATALOGUES["fr"]["tab.launches"] in [tab.label for tab in app.tabs]
    assert any(m.value.startswith("Atteindre 100\u202f000 livraisons") for m in app.markdown)


def test_the_scenario_on_screen_overlays_the_deliveries_charts(clocks):
    """A moved lever adds '<launch>: scenario on screen' (model only, no reported points) to the deliveries charts."""
    import sim
    from sim.sidebyside import clock

    moved = sim.Params().with_values({"plant1.peak": 30000})
    shown = launches_tab.with_screen(clocks, clock(moved))
    spec = launches_tab.cumulative_chart(shown).to_dict(validate=True)
    lines, points = _launches_per_layer(spec)
    assert lines == {*NAMES, "Xiaomi: scenario on screen"} and points == set(NAMES)
    screen = shown["xiaomi:screen"].series
    assert screen["cum_deliveries"].iloc[-1] != clocks["xiaomi"].series["cum_deliveries"].iloc[-1]
    assert launches_tab.with_screen(clocks, None) == dict(clocks)


def test_launches_tab_overlays_a_moved_scenario_and_not_the_base():
    """The overlay toggle is live when a lever moved, and disabled at the base."""
    moved = open_page({"tab": "Launches", "plant1.peak": "30000"})
    base = open_page({"tab": "Launches"})
    assert not moved.exception and not base.exception
    assert not moved.toggle(key=launches_tab.OVERLAY_KEY).disabled
    assert base.toggle(key=launches_tab.OVERLAY_KEY).disabled


def test_promises_table_and_chart_speak_words_and_cover_both_launches():
    """Every promise of both launches is a row in words; the chart has a bar for each settled one."""
    frame = launches_tab.cached_promises.__wrapped__()
    table = launches_tab.promises_table(frame)
    assert set(table["Launch"]) == set(NAMES) and len(table) == len(frame)
    assert not any("_" in str(v) for v in table.drop(columns=["Source"]).to_numpy().ravel())
    spec = launches_tab.promises_chart(frame).to_dict(validate=True)
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == frame["error"].notna().sum()
    summary = launches_tab.promises_summary(frame)
    assert "Tesla Model 3, the company" in summary and "Xiaomi, analysts" in summary
