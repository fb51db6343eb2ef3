"""sim's errors on the page read in the page language: the inconsistent-levers banner, a broken compare link, an upload
that cannot be restored and a save the link cannot hold; in English they read as sim words them."""

from __future__ import annotations

import json
import re

import pytest

import sim
from sim import scenarios
from sim.errors import CODES
from tests.helpers import as_read
from tests.test_compare_ui import open_page
from tests.test_fuzz_inputs import link_of
from tests.test_i18n import _english_left
from tests.test_input_errors import CASES, raised
from ui import i18n, saved
from ui.errors import PARAMETER_FIELDS, _word, error_text

TESLA = sim.Params.base("tesla_model3")
# English words of sim's messages; none may be left in a French text once its quotes (« ... ») are taken out.
ENGLISH = re.compile(
    r"\b(the|this|must|is|not|be|of|with|from|has|got|between|before|unknown|parameter|switch|cannot|damaged|link|"
    r"uploaded|file|too|large|valid)\b",
    re.IGNORECASE,
)


def english_words(text: str) -> list[str]:
    """The English words of ``text`` outside its « quotes » (names, labels and values as given)."""
    return ENGLISH.findall(re.sub(r"«[^»]*»", "", text))


@pytest.fixture
def french():
    """Speak French for the test, English again after it (AppTest formats a picker's value in the test's thread, so a
    French page's pickers need French here too)."""
    i18n.use("fr")
    yield
    i18n.use("en")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_code_has_a_text_in_every_language(lang):
    """Each code of ``sim.errors.CODES`` has its ``error.<code>`` in every catalogue, and every such key is a code."""
    keys = {k for k in i18n.CATALOGUES[lang] if k.startswith("error.") and not k.startswith("error.subject.")}
    assert keys == {f"error.{code}" for code in CODES}


@pytest.mark.parametrize(("action", "code", "values"), CASES, ids=[f"{i}-{case[1]}" for i, case in enumerate(CASES)])
def test_english_words_every_code_with_labels_not_code_names(action, code, values):
    """In English too each error is its catalogue text: a lever by its label, never by its dotted name."""
    error = raised(action)
    text = error_text(error)
    assert text == i18n.t(
        f"error.{error.code}", **{f: _word(f, v, dict(error.values)) for f, v in error.values.items()}
    )
    for field in PARAMETER_FIELDS:
        name = error.values.get(field)
        if name in sim.PARAMETERS or name in TESLA.package.parameters:
            assert f"'{name}'" not in text and i18n.t(f"param.{name}") in text


@pytest.mark.parametrize(("action", "code", "values"), CASES, ids=[f"{i}-{case[1]}" for i, case in enumerate(CASES)])
def test_french_words_every_code(french, action, code, values):
    """In French each error is the catalogue's text for its code, with no English word of sim's message left."""
    error = raised(action)
    text = error_text(error)
    assert text != str(error) and english_words(text) == [] and _english_left([text]) == []


def test_french_names_parameters_by_label_and_writes_months_and_numbers_as_the_page(french):
    """A parameter is named by its French label, its months and numbers as Babel writes them in French."""
    order = raised(lambda: sim.Params({"ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"}))
    assert error_text(order) == (
        "Le paramètre « SU7 Ultra : lancement » (mai 2024) ne peut pas précéder "
        "« SU7 Ultra : ouverture des réservations » (août 2024)."
    )
    peak = raised(lambda: sim.Params({"plant1.peak": 10**6}))
    assert error_text(peak) == (
        "Le paramètre « Usine 1 : cadence de pointe » doit être compris entre 0 et 100\u202f000 ; "
        "reçu 1\u202f000\u202f000."
    )


def test_french_words_the_problem_underneath(french):
    """A compare link's invalid scenario and a document's repeated key say what is wrong underneath, in French."""
    code = link_of(json.dumps({"rapide": {"plant1.peak": -1}}).encode())
    link = error_text(raised(lambda: sim.decode_scenarios(code)))
    assert link.startswith("Le lien de comparaison contient un scénario « rapide » qui n'est pas valide : Le paramètre")
    repeated = error_text(raised(lambda: sim.load_upload(b'{"a": 1, "a": 2}')))
    assert repeated == "Ce document de scénario n'est pas valide : la clé « a » apparaît deux fois."


def test_any_other_error_is_shown_as_its_message(french):
    """An error that is not an ``InputError`` (the page's own, already worded) is shown as it is."""
    assert error_text(ValueError("« x » est un nom que la page utilise.")) == "« x » est un nom que la page utilise."


def test_a_save_the_link_cannot_hold_is_refused_in_french(french, monkeypatch):
    """A save that would make the link too long is refused in French: sim's ``save_too_long``."""
    monkeypatch.setattr(scenarios, "MAX_LINK_CHARS", 10)
    error = raised(lambda: sim.encode_scenarios({"prudent": sim.Params()}))
    assert error.code == "save_too_long"
    assert error_text(error).startswith("Ces scénarios rendent le lien trop long (")


# The French page


def test_french_page_words_inconsistent_levers():
    """?lang=fr with a launch before reservations open: one French banner naming both levers by their labels."""
    app = open_page({"lang": "fr", "ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"})
    assert not app.exception and len(app.error) == 1
    shown = as_read(app.error[0].value)
    assert shown.startswith("Le paramètre « SU7 Ultra : lancement » (mai 2024) ne peut pas précéder")
    assert shown.endswith(i18n.CATALOGUES["fr"]["page.inconsistent"].format(problem="").strip())
    assert english_words(shown) == [] and _english_left([shown]) == []


def test_french_page_words_a_broken_compare_link():
    """?lang=fr&compare=v9.xxx: one French error saying the link's version is not one the simulator reads."""
    app = open_page({"lang": "fr", "compare": "v9.xxx"})
    assert not app.exception and len(app.error) == 1
    shown = as_read(app.error[0].value)
    assert shown.startswith("Les scénarios enregistrés dans ce lien n'ont pas pu être lus")
    assert "ce simulateur ne lit pas la version « v9 »" in shown
    assert english_words(shown) == [] and _english_left([shown]) == []
    assert "compare" not in app.query_params


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (TESLA.to_json().encode(), "appartient au lancement « Tesla Model 3 (2016-2019) », pas à « Xiaomi SU7 / YU7 »"),
        (b'{"schema_version": 2, "parameters": {"plant9.peak": 1}}', "Paramètre inconnu : « plant9.peak »."),
    ],
    ids=["other-launch", "unknown-parameter"],
)
def test_french_page_words_an_upload_it_cannot_restore(french, data, says):
    """?lang=fr: another launch's scenario or a file with an unknown parameter is refused with one French error."""
    app = open_page({"lang": "fr"})
    app.file_uploader(key=saved.UPLOAD_KEY).set_value(("scenario.json", data, "application/json")).run()
    assert not app.exception and len(app.error) == 1
    shown = as_read(app.error[0].value)
    assert shown.startswith("« scenario.json » n'a pas pu être restauré : ") and says in shown
    assert shown.endswith("Le scénario de la page est inchangé.")
    assert english_words(shown) == [] and _english_left([shown]) == []


def test_french_page_refuses_a_save_the_link_cannot_hold(french, monkeypatch):
    """?lang=fr: a save that would make the link too long gives one French error, and nothing is saved."""
    app = open_page({"lang": "fr"})
    monkeypatch.setattr(scenarios, "MAX_LINK_CHARS", 10)
    app.text_input(key=saved.NAME_KEY).input("prudent").run()
    app.button(key="compare.save").click().run()
    assert not app.exception and len(app.error) == 1
    shown = as_read(app.error[0].value)
    assert shown.startswith("Ces scénarios rendent le lien trop long (")
    assert english_words(shown) == [] and "compare" not in app.query_params


def test_english_page_names_inconsistent_levers_by_their_labels():
    """The English page's banner names the two levers by their labels, in its English frame."""
    app = open_page({"ultra.launch": "2024-05", "ultra.reservations_open": "2024-08"})
    shown = as_read(app.error[0].value)
    assert "SU7 Ultra launch" in shown and "SU7 Ultra reservations open" in shown and "ultra.launch" not in shown
    assert shown.endswith("The page shows the last valid scenario until this is fixed.")
