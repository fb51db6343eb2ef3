"""Checks in view and the charts' text: balances on the Model tab, one-line summaries, sources as a table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import sim
from tests.test_app import open_page
from ui import checks, summaries
from ui.tabs import SOURCES_KEY

BASE = sim.simulate(sim.PRESETS["base"])


def test_balances_pass_for_the_base_with_tiny_residuals():
    """Every stock-flow balance of the base holds to under half a car, per line and for capacity."""
    table = checks.balances(BASE)
    assert set(table["check"]) == {"checks.orders", "checks.reservations", "checks.capacity"}
    assert table["ok"].all() and (table["residual"] < checks.TOLERANCE).all()


def test_model_tab_shows_the_balances_and_cites_the_seed_article():
    """The Model tab has the balances table with pass marks and names the French-language seed article."""
    app = open_page({"tab": "Model"})
    assert not app.exception
    table = app.dataframe[0].value
    assert "Balance" in table.columns and table["Result"].str.startswith("✓").all()
    assert any("French-language news article of October 2024" in m.value for m in app.markdown)


def test_model_tab_states_the_sales_tax_in_the_prices_with_its_source():
    """Xiaomi's list prices include 13 % VAT, cited; the Model 3's US prices carry none (in French too)."""
    xiaomi = [c.value for c in open_page({"tab": "Model"}).caption]
    assert any("include 13% sales tax" in c and "2019 No. 39" in c for c in xiaomi), xiaomi
    tesla = [c.value for c in open_page({"tab": "Model", "launch": "tesla_model3", "lang": "fr"}).caption]
    assert any("hors taxe" in c for c in tesla), tesla


def test_deliveries_summary_names_each_year_and_its_peak_month():
    """'2025: 418,129 delivered, 49,260 in the peak month (Oct)': the run's own sums."""
    text = summaries.deliveries(BASE)
    year = BASE.total["deliveries"][BASE.total.index.year == 2025]
    peak = year.idxmax().strftime("%b")
    assert f"2025: {year.sum():,.0f} delivered, {year.max():,.0f} in the peak month ({peak})" in text


def test_deliveries_tab_has_a_summary_under_each_chart_and_a_sources_table():
    """The Deliveries tab shows the charts' summaries and the reported figures with their sources in a table."""
    app = open_page()
    captions = [c.value for c in app.caption]
    assert summaries.deliveries(BASE) in captions and summaries.cumulative(BASE) in captions
    assert not app.dataframe  # the table is drawn when its expander is opened, not on every slider move
    app.session_state[SOURCES_KEY] = True  # what opening the expander does
    sources = app.run().dataframe[0].value
    assert "Sources" in sources.columns and sources["Sources"].str.contains("136,854").any()


def test_model_tab_quotes_the_fitted_lending_share_and_open_book_from_the_calibration():
    """The calibration text fills plant 1's share and the model's March 2025 book from the fit, in both languages."""
    share = round(100 * sim.PRESETS["base"]["plant1.lend"])
    report = pd.read_csv(Path(sim.__file__).parent / "launches" / "xiaomi" / "fit_report.csv")
    book = round(float(report.loc[report["metric"] == "open_orders", "model"].iloc[0]), -3)
    expected = (("en", f"({share}%)", f"{book:,.0f} in the model"), ("fr", f"({share}", f"{book // 1000:.0f}"))
    for lang, share_text, book_text in expected:
        texts = [m.value for m in open_page({"tab": "Model", "lang": lang}).markdown]
        text = next(m for m in texts if share_text in m and "YU7" in m)
        assert book_text in text and "{" not in text
    tesla = [m.value for m in open_page({"tab": "Model", "launch": "tesla_model3"}).markdown]
    assert not any("{lend}" in m or "{open_book}" in m for m in tesla)
