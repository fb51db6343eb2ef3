"""English and French: complete catalogues, Babel formats, and a French page with no English left in view."""

from __future__ import annotations

import re
import string

import pytest

import sim
from tests.helpers import as_read
from tests.test_app import open_page
from ui import display, i18n, param_words


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != i18n.DEFAULT])
def test_every_catalogue_has_every_key_with_the_same_fields(lang):
    """Each language has the English areas, each area exactly its English keys, and each text the same {fields}."""
    assert sorted(i18n.AREAS[lang]) == sorted(i18n.AREAS[i18n.DEFAULT])
    for area, english in i18n.AREAS[i18n.DEFAULT].items():
        other = i18n.AREAS[lang][area]
        assert sorted(set(english) - set(other)) == [], f"missing in {lang}/{area}.py"
        assert sorted(set(other) - set(english)) == [], f"missing in {i18n.DEFAULT}/{area}.py"
        for key, text in english.items():
            if not key.endswith(i18n.RAW_SUFFIX):
                assert _fields(text) == _fields(other[key]), key


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_parameter_has_a_label_and_a_help_in_every_language(lang):
    """Each registry parameter has its label (``param.<name>``) and its tooltip (``paramhelp.<name>``); in French
    every tooltip is its own text, not the English one."""
    catalogue = i18n.CATALOGUES[lang]
    for name in sim.PARAMETERS:
        assert catalogue.get(f"param.{name}") and catalogue.get(f"paramhelp.{name}"), name
        if lang != i18n.DEFAULT:
            assert catalogue[f"paramhelp.{name}"] != i18n.CATALOGUES[i18n.DEFAULT][f"paramhelp.{name}"], name


def test_a_parameter_tooltip_reads_its_range_in_the_page_language():
    """The slider's tooltip: the help, then the range with Babel numbers and the unit in words."""
    spec = sim.PARAMETERS["plant1.peak"]
    assert param_words.help_text(spec).endswith("Range: 0 to 100,000 (cars/month).")
    i18n.use("fr")
    try:
        assert param_words.help_text(spec) == (
            "Production à pleine cadence, une fois la montée en cadence terminée. "
            "Plage : de 0 à 100\u202f000 (voitures/mois)."
        )
        assert param_words.range_text(sim.PARAMETERS["su7.bass_p"]) == "Plage : de 0,0001 à 0,9 (par mois)."
        assert param_words.range_text(sim.PARAMETERS["end"]) == "Plage : de mars 2024 à déc. 2030."
    finally:
        i18n.use("en")


def test_french_formats_numbers_percentages_months_and_money():
    """Babel in French: 136 875 ; 12,6 mois ; 28,6 % ; déc. 2024 ; 1,0 Md EUR."""
    i18n.use("fr")
    try:
        assert display.count(136_875) == "136\u202f875"
        assert display.months(12.6) == "12,6 mois"
        assert display.percent(0.286) == "28,6\u00a0%"
        assert display.month("2024-12") == "déc. 2024"
        assert display.money(7.7e9, display.Currency("EUR", 7.7)) == "1,0 Md EUR"
    finally:
        i18n.use("en")


def test_plurals_follow_each_language_rule():
    """Babel's plural rules: English '0 changes', '1 change'; French '0 modification', '2 modifications'."""
    assert display.plural("compare.changes", 0) == "0 changes from base"
    assert display.plural("compare.changes", 1) == "1 change from base"
    i18n.use("fr")
    try:
        assert display.plural("compare.changes", 0) == "0 modification par rapport à la base"
        assert display.plural("compare.changes", 2) == "2 modifications par rapport à la base"
    finally:
        i18n.use("en")


def test_unknown_or_uppercase_language_codes():
    """'FR' speaks French; an unknown code speaks English."""
    assert i18n.use("FR") == "fr"
    assert i18n.use("xx") == "en"


def _english_left(texts: list[str]) -> list[str]:
    english = set(i18n.CATALOGUES["en"].values()) - set(i18n.CATALOGUES["fr"].values())
    return [text for text in texts if text in english]


def test_french_page_has_french_titles_cards_and_tabs():
    """?lang=fr: the title, tabs, card labels, card notes and the capacity sentence are French; no English key left."""
    app = open_page({"lang": "fr"})
    assert not app.exception
    assert app.title[0].value == i18n.CATALOGUES["fr"]["page.title"]
    tabs = [tab.label for tab in app.tabs]
    assert tabs[0] == "Livraisons" and "Données" in tabs
    labels = [m.label for m in app.metric]
    assert labels[0] == "Livraisons 2024" and not _english_left(labels + tabs)
    notes = [c.value for c in app.caption]
    assert any(note.startswith("publié 136\u202f854 · modèle") for note in notes)
    assert any(m.value.startswith("Les livraisons sont limitées par l'usine 1") for m in app.markdown)
    assert app.metric[3].value in ("nov. 2024", "oct. 2024", "déc. 2024")
    assert not _english_left(labels + tabs + notes + [app.title[0].value])
    sidebar = [w.label for w in app.sidebar.get("selectbox")] + [w.label for w in app.slider]
    assert not [label for label in sidebar if re.search(r"\b(price|deposit|plant|peak)\b", label)]


def test_language_link_reads_any_case_and_a_french_tab_name():
    """?lang=FR&tab=données opens the French Data tab."""
    app = open_page({"lang": "FR", "tab": "données"})
    assert not app.exception and not app.warning
    assert app.session_state["lang"] == "fr"
    assert len(app.get("download_button")) == 2


def test_french_link_notice_and_a_french_tab_with_accents():
    """?lang=fr with a bad entry: one French notice naming it; 'Données' as the browser writes it opens the Data tab."""
    app = open_page({"lang": "fr", "tab": "Données", "plant1.peak": "beaucoup"})
    assert not app.exception and len(app.warning) == 1
    notice = as_read(app.warning[0].value)
    assert notice.startswith("Ce lien contenait des valeurs inutilisables") and "« plant1.peak »" in notice
    assert "tab" not in notice and app.session_state["tab"] == "Données"
    assert len(app.get("download_button")) == 2
