"""The launch picker: a link with ``launch`` opens that launch, the picker switches launches, bad links are named."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read, widget
from tests.test_app import kpis, notices, open_page
from ui import i18n
from ui.launch import LAUNCH_KEY

TESLA = "tesla_model3"
TABS = (
    "tab.deliveries",
    "tab.orders",
    "tab.money",
    "tab.uncertainty",
    "tab.decisions",
    "tab.backtest",
    "tab.compare",
    "tab.launches",
    "tab.data",
    "tab.model",
)


@pytest.fixture(scope="module")
def tesla_page() -> AppTest:
    return open_page({LAUNCH_KEY: TESLA})


def test_a_tesla_link_opens_the_model_3_with_its_years_levers_and_currency(tesla_page):
    """Cards report the Model 3's years in dollars; the sidebar holds its levers and none of Xiaomi's."""
    assert not tesla_page.exception
    labels = [m.label for m in tesla_page.metric]
    assert labels[:3] == ["2017 deliveries", "2018 deliveries", "2019 deliveries"]
    assert "2018 revenue" in labels
    revenue = next(m.value for m in tesla_page.metric if m.label == "2018 revenue")
    assert revenue.startswith("USD ")
    keys = {w.key for kind in ("slider", "select_slider", "toggle") for w in getattr(tesla_page, kind)}
    assert set(sim.Params.base(TESLA).values()) - {"model3.plant"} <= keys | {"model3.plant"}
    assert "plant1.peak" not in keys and "su7.price" not in keys
    assert tesla_page.selectbox(key=LAUNCH_KEY).value == TESLA


def test_tesla_cards_show_the_reported_deliveries_and_the_gap(tesla_page):
    """The 2018 card quotes Tesla's reported 2018 deliveries and the model's gap to them."""
    reported = sim.reported(TESLA)
    year = reported[(reported["metric"] == "deliveries_year") & (reported["month"].dt.year == 2018)]
    value = f"{int(year['value'].iloc[-1]):,}"
    model = sim.simulate(sim.Params.base(TESLA)).kpis["deliveries_2018"]
    gap = (model - year["value"].iloc[-1]) / year["value"].iloc[-1]
    captions = [as_read(c.value) for c in tesla_page.caption]
    assert any(value in c and f"{gap:+.1%}" in c for c in captions), captions


def test_a_tesla_link_reproduces_a_slider_move():
    """A link with a Tesla lever shows the same KPIs as moving that lever by hand after switching."""
    by_hand = open_page()
    by_hand.selectbox(key=LAUNCH_KEY).set_value(TESLA).run()
    widget(by_hand, "fremont.peak").set_value(25000).run()
    by_link = open_page({LAUNCH_KEY: TESLA, "fremont.peak": "25000"})
    assert notices(by_link) == [] and notices(by_hand) == []
    assert widget(by_link, "fremont.peak").value == 25000
    assert kpis(by_link) == kpis(by_hand)
    assert kpis(by_link) != kpis(open_page({LAUNCH_KEY: TESLA}))


def test_switching_launch_opens_its_base_and_back_again():
    """The picker opens the other launch's base scenario (its own currency), the link naming the launch only."""
    app = open_page({"plant1.peak": "40000", "currency": "EUR"})
    app.selectbox(key=LAUNCH_KEY).set_value(TESLA).run()
    assert not app.exception and notices(app) == []
    assert dict(app.query_params) == {LAUNCH_KEY: TESLA}
    assert kpis(app) == kpis(open_page({LAUNCH_KEY: TESLA}))
    for name, value in sim.Params.base(TESLA).values().items():
        if name in ("fremont.peak", "patience_months", "end"):
            assert widget(app, name).value == value
    app.selectbox(key=LAUNCH_KEY).set_value("xiaomi").run()
    assert not app.exception and notices(app) == []
    assert kpis(app) == kpis(open_page())
    assert LAUNCH_KEY not in app.query_params


def test_a_link_without_launch_opens_xiaomi_and_an_unknown_launch_is_named():
    """No launch: Xiaomi as before. An unknown launch: Xiaomi, with a notice naming the entry."""
    assert kpis(open_page({LAUNCH_KEY: "ford_t"})) == kpis(open_page())
    assert any("launch" in n for n in notices(open_page({LAUNCH_KEY: "ford_t"})))
    assert (
        widget(open_page({LAUNCH_KEY: "TESLA_MODEL3"}), "fremont.peak").value == sim.Params.base(TESLA)["fremont.peak"]
    )


def test_a_xiaomi_lever_in_a_tesla_link_is_named_and_left_out():
    """Levers of the other launch are unknown to this one: one notice names them, the rest of the link is kept."""
    app = open_page({LAUNCH_KEY: TESLA, "plant1.peak": "40000", "fremont.peak": "25000"})
    assert any("plant1.peak" in n for n in notices(app))
    assert widget(app, "fremont.peak").value == 25000


@pytest.mark.parametrize("tab", TABS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_tab_runs_for_tesla(tab, lang):
    """Each tab draws for the Model 3 in both languages without an exception or an error banner."""
    i18n.use(lang)
    try:
        label = i18n.t(tab)
    finally:
        i18n.use("en")
    app = open_page({LAUNCH_KEY: TESLA, "tab": label, "lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    assert [e.value for e in app.error] == []


def test_a_tesla_scenario_upload_on_the_xiaomi_page_names_both_launches_and_changes_nothing():
    """Restoring the Model 3's scenario file while Xiaomi is on screen raises the message naming both launches."""
    from ui import compare

    tesla = sim.Params.base(TESLA).with_values({"fremont.peak": 25000})
    bundle = sim.scenario_bundle(tesla, seed=0)
    app = open_page()
    with pytest.raises(ValueError, match="Tesla Model 3") as raised:
        sim.load_upload(bundle, launch="xiaomi")
    assert "Xiaomi" in str(raised.value)
    assert not app.exception
    assert compare.of_launch({"mine": tesla}) == {}  # the Xiaomi page lists no Tesla scenario
