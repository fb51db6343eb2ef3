"""English and French: complete catalogues, Babel formats, and a French page with no English left in view."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import sim
from sim.registry import get_launch
from tests.helpers import as_read, visible_texts
from tests.test_app import open_page
from ui import charts, deposits, display, i18n, param_words, saved


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


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_launch_preset_has_a_label_and_a_note(lang):
    """Each launch's presets (sim.presets_for) are named and explained in every language: the sidebar shows both."""
    for launch in sim.LAUNCHES:
        for name in sim.presets_for(launch):
            assert i18n.CATALOGUES[lang].get(f"preset.{name}") and i18n.CATALOGUES[lang].get(f"preset.{name}.note")


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


def test_counts_are_written_as_babel_writes_whole_numbers():
    """``display.count`` (a whole number, grouped by hand) reads as Babel's '#,##0' in every language, signed or not."""
    values = [0, 0.4, -0.4, 0.5, 1.5, 2.5, -2.5, 7, -7, 999.5, 1000, -1000, 117157.4, 136_875, -4_250_000.6, 1.23e12]
    try:
        for lang in i18n.LANGUAGES:
            i18n.use(lang)
            for value in values:
                for signed in (False, True):
                    assert display.count(value, signed=signed) == display.number(round(value), signed=signed), value
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


def test_french_charts_carry_a_valid_vega_locale():
    """In French a chart's axes and tooltips read French months and separators: its spec carries a Vega locale from
    Babel (valid Vega-Lite); in English none (Vega's own)."""
    run = sim.simulate(sim.PRESETS["base"])
    assert "config" not in charts.chart_spec(charts.backlog_layout())
    i18n.use("fr")
    try:
        spec = charts.chart_spec(charts.backlog_layout())
        alt.Chart.from_dict(spec)  # validates against the Vega-Lite schema
        locale = spec["config"]["locale"]
        assert locale["time"]["shortMonths"][11] == "déc." and locale["number"]["thousands"] == "\u202f"
        deposit = deposits.deposit_chart(deposits.deposit_curves(run.params, points=3), "su7", 5000).to_dict()
        assert deposit["config"]["locale"] == locale
    finally:
        i18n.use("en")


def test_unknown_or_uppercase_language_codes():
    """'FR' speaks French; an unknown code speaks English."""
    assert i18n.use("FR") == "fr"
    assert i18n.use("xx") == "en"


MIN_FRAGMENT = 12  # an English catalogue text (or a piece of it between {fields}) this long is looked for inside texts


def _english_only() -> tuple[set[str], set[str]]:
    """The English catalogue's texts whose French differs: whole texts (matched exactly, any length) and pieces of
    at least ``MIN_FRAGMENT`` characters between their {fields} (matched inside a text). A text or piece that some
    French text also holds (a name such as 'Tesla Model 3', the word 'Source') is not English-only."""
    english, french = i18n.CATALOGUES["en"], i18n.CATALOGUES["fr"]
    french_texts = set(french.values())
    whole, pieces = set(), set()
    for key, text in english.items():
        if french[key] == text:
            continue
        parts = [text] if key.endswith(i18n.RAW_SUFFIX) else re.split(r"\{[^{}]*\}", text)
        if len(parts) == 1 and text not in french_texts:
            whole.add(text)
        for part in (p.strip() for p in parts):
            if len(part) >= MIN_FRAGMENT and not any(part in f for f in french_texts):
                pieces.add(part)
    return whole, pieces


def _quoted() -> list[str]:
    """What the page quotes as published, in its own language: every launch's sources, the promises' outcomes as
    their sources word them and the acceptance bands' checks as the calibration wrote them (every ``source``,
    ``outcome`` and ``check`` of the launch packages' tables; longest first, so a longer quote goes first)."""
    tables = [pd.read_csv(path) for path in sorted((Path(sim.__file__).parent / "launches").glob("*/*.csv"))]
    columns = [table[c] for table in tables for c in ("source", "outcome", "check") if c in table]
    quotes = {str(text) for column in columns for text in column.dropna()}
    return sorted(quotes, key=len, reverse=True)


def _english_left(texts: list[str]) -> list[str]:
    """The texts that are, or hold, an English-only catalogue text (see ``_english_only``) once the quoted sources
    and checks are taken out of them."""
    whole, pieces = _english_only()
    quotes = _quoted()
    left = set()
    for text in texts:
        for quote in quotes:
            text = text.replace(quote, "")
        if text in whole or any(piece in text for piece in pieces):
            left.add(text)
    return sorted(left)


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


FRENCH_TABS = {key: i18n.CATALOGUES["fr"][key] for key in i18n.CATALOGUES["fr"] if key.startswith("tab.")}


TAB_CASES = [
    pytest.param(tab, launch, id=key if launch == "xiaomi" else f"{key}-{launch}")
    for launch in sim.LAUNCHES
    for key, tab in FRENCH_TABS.items()
]


@pytest.mark.parametrize(("tab", "launch"), TAB_CASES)
def test_french_tab_shows_no_english_catalogue_text(tab, launch):
    """?lang=fr on each tab of each launch: no visible text (markdown, captions, labels, help, options, table columns
    and cells, metrics, banners, chart titles, legends and tooltips' data) is or holds an English-only catalogue
    text."""
    app = open_page({"lang": "fr", "tab": tab, "launch": launch})
    assert not app.exception
    texts = visible_texts(app.main)
    assert tab in texts and len(texts) > 50
    assert _english_left(texts) == []


@pytest.mark.parametrize("launch", sim.LAUNCHES)
def test_french_sidebar_shows_no_english_catalogue_text(launch):
    """?lang=fr: every lever's label, unit and tooltip (help and range), the pickers and expanders are French."""
    app = open_page({"lang": "fr", "launch": launch})
    texts = visible_texts(app.sidebar)
    helps = [w.help for kind in ("slider", "select_slider", "toggle") for w in getattr(app.sidebar, kind)]
    assert len(helps) == len(get_launch(launch).parameters)
    assert all("Plage : de" in h or h.endswith("désactivé.") for h in helps)
    assert _english_left(texts) == []


def test_french_flows_show_no_english_catalogue_text():
    """?lang=fr through the messages a click brings: two saved scenarios and the waterfall (and the save notice), an
    unreachable goal, an extreme scenario's notes and a bad link entry."""
    i18n.use("fr")  # AppTest formats a picker's value in the test's thread: the pickers' labels are French
    try:
        compare = open_page({"lang": "fr", "tab": FRENCH_TABS["tab.compare"]})
        compare.text_input(key=saved.NAME_KEY).input("prudent").run()
        compare.button(key="compare.save").click().run()
        assert compare.success[0].value.startswith("Scénario « prudent » enregistré")
        compare.slider(key="plant1.peak").set_value(40000).run()
        compare.text_input(key=saved.NAME_KEY).input("rapide").run()
        compare.button(key="compare.save").click().run()
        assert len(compare.get("vega_lite_chart")) == 3  # the two overlays and the waterfall
        goal = open_page({"lang": "fr", "tab": FRENCH_TABS["tab.decisions"]})
        goal.number_input(key="goal.target.deliveries_2025").set_value(9_000_000.0).run()
        assert as_read(goal.warning[0].value).startswith("Aucune valeur de « Usine 1 : cadence de pointe »")
    finally:
        i18n.use("en")
    extreme = open_page({"lang": "fr", **{f"{line}.enabled": "false" for line in sim.LINES}, "end": "x"})
    assert extreme.info and extreme.warning
    for app in (compare, goal, extreme):
        assert not app.exception
        assert _english_left(visible_texts(app.main)) == []


ROOT = Path(__file__).resolve().parent.parent
TEXT_CALLS = {  # Streamlit calls whose first argument is shown as text
    "title", "header", "subheader", "markdown", "caption", "text", "write", "info", "warning", "error", "success",
    "toast", "metric", "button", "download_button", "link_button", "selectbox", "multiselect", "radio", "slider",
    "select_slider", "number_input", "text_input", "text_area", "toggle", "checkbox", "segmented_control", "pills",
    "expander", "popover", "tabs", "file_uploader", "progress", "spinner", "status", "latex", "date_input",
    "form_submit_button",
}  # fmt: skip
TEXT_KEYWORDS = {"label", "help", "placeholder", "text", "body", "title", "caption", "page_title", "delta_description"}
WORD = re.compile(r"[A-Za-z]{2,}")


def _words(node: ast.AST) -> list[str]:
    """The words in a literal (a string, an f-string's fixed parts, a list or tuple of them); none for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return WORD.findall(node.value)
    if isinstance(node, ast.JoinedStr):
        return [w for part in node.values if isinstance(part, ast.Constant) for w in WORD.findall(str(part.value))]
    if isinstance(node, ast.List | ast.Tuple):
        return [w for item in node.elts for w in _words(item)]
    return []


def _bare(source: str) -> list[int]:
    """The lines where ``source`` passes a literal with words as a text argument: the first argument of a
    ``TEXT_CALLS`` call (on ``st``, a column, a placeholder...) or a ``TEXT_KEYWORDS`` keyword of any call (an
    Altair tooltip's or axis's ``title`` too)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        given = [keyword.value for keyword in node.keywords if keyword.arg in TEXT_KEYWORDS]
        if name in TEXT_CALLS and node.args:
            given.insert(0, node.args[0])
        lines += [value.lineno for value in given if _words(value)]
    return sorted(lines)


def test_ui_passes_no_bare_english_literal_to_streamlit():
    """No module of ``ui/`` hands Streamlit (or a chart's title) a literal with words in it: every word comes from
    the catalogues. Empty strings, format-only strings ('**{x}**', '%b %Y', 'P10') and catalogue lookups pass."""
    modules = [path for path in sorted((ROOT / "ui").rglob("*.py")) if "i18n" not in path.parts]
    found = {str(path.relative_to(ROOT)): _bare(path.read_text()) for path in modules}
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_static_check_finds_a_bare_english_literal():
    """The check itself: an English label, help, f-string or title is found; a lookup, a format and '' are not."""
    source = (
        "st.button('Save scenario')\n"
        "left.metric(i18n.t('x'), f'{v:.1%}', help='forecast vs official')\n"
        "st.caption(f'{n} draws reach 100,000')\n"
        "alt.Tooltip('month:T', title='Month', format='%b %Y')\n"
        "st.markdown(f'**{i18n.t(key)}**'); st.caption(''); alt.X('p10:Q', title='P10')\n"
    )
    assert _bare(source) == [1, 2, 3, 4]
