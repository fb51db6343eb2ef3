"""Finding 1 of issue 12: text from outside (link values and names, scenario names, file names, upload contents)
is shown as plain text, never as markdown. A crafted link must not put a working link or an external image (which
the browser would fetch, leaking each analyst's address) inside the page's own banners.

Every place that echoes outside text is fed markdown, HTML and Unicode control characters; every markdown body the
page then renders must be inert: no unescaped '[', ']', '<' or URL, no control characters, and the text still
readable as typed.
"""

from __future__ import annotations

import base64
import json
import unicodedata
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import sim
from tests.helpers import as_read, control_characters, live_markup, markdown_bodies
from ui import display, link, saved, widgets

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PHISHING = "[Session expired - sign in again](https://evil.example/login)"
PAYLOADS = {
    "link": PHISHING,
    "image": "![p](http://host.example/pixel.png)",
    "html": '<img src="http://host.example/p.png">',
    "autolink": "<https://evil.example> www.evil.example",
    "styles": "**bold** _it_ `code` :red[x] $x^2$ # h",
    "controls": "a\u202eb\u200bc\x1b[31md\ne\x00f",
}


def open_page(query: dict[str, str]) -> AppTest:
    """A fresh session of the page opened with ``query``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params = dict(query)
    return app.run()


def assert_inert(app: AppTest) -> None:
    """Every markdown body on the page is inert: no live link, image or HTML, no control characters."""
    assert not app.exception, [e.message for e in app.exception]
    for body in markdown_bodies(app):
        assert not live_markup(body), body
        assert not control_characters(body), body


def _as_typed(text: str) -> str:
    """``text`` with format characters (bidi overrides, zero-width) dropped and other controls as spaces."""
    kept = (c for c in text if unicodedata.category(c) != "Cf")
    return "".join(" " if control_characters(c) else c for c in kept)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_plain_text_renders_as_typed_and_inert(text):
    """``plain`` escapes every markdown character and blanks control characters; read back it is the text typed."""
    shown = display.plain(text)
    assert not live_markup(shown) and not control_characters(shown)
    assert as_read(shown) == _as_typed(text)


def test_the_phishing_link_of_the_issue_is_named_but_not_a_link():
    """'?preset=[Session expired - sign in again](https://evil...)' is named in the warning, as plain text."""
    app = open_page({widgets.PRESET_KEY: PHISHING})
    assert_inert(app)
    assert PHISHING in as_read(app.warning[0].value)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_link_values_and_names_are_echoed_inert(text):
    """A hostile value of a parameter and of a setting, and a hostile unknown name, all show inert in the notice."""
    app = open_page({"plant1.peak": text, widgets.TAB_KEY: text, text[:40] or "x": "1"})
    assert len(app.warning) == 1
    assert_inert(app)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_scenario_names_in_a_compare_link_are_shown_inert(text):
    """Saved scenarios named with markdown show inert in the save box, the notices and the comparison."""
    code = sim.encode_scenarios({text[:60]: sim.PRESETS["bull"], "mine": sim.Params()})
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code})
    assert_inert(app)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_broken_compare_link_echoes_its_scenario_name_inert(text):
    """The error for an invalid scenario in a compare link names it, inert."""
    payload = {text[:60]: {"plant1.peak": -1}}
    raw = zlib.compress(json.dumps(payload).encode())
    code = "v1." + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    app = open_page({widgets.TAB_KEY: "Compare", link.COMPARE_KEY: code})
    assert len(app.error) == 1
    assert_inert(app)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_saved_name_is_echoed_inert(text):
    """Saving under a hostile name: the notice and the saved list show it inert."""
    app = open_page({widgets.TAB_KEY: "Compare"})
    app.text_input(key=saved.NAME_KEY).input(text[:60]).run()
    app.button(key="compare.save").click().run()
    assert_inert(app)


@pytest.mark.parametrize("text", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_upload_file_names_and_contents_are_echoed_inert(text):
    """An upload whose file name and unknown parameter name are hostile: the error shows both inert."""
    document = json.dumps({"schema_version": 1, "parameters": {text: 1}})
    app = open_page({widgets.TAB_KEY: "Compare"})
    upload = app.file_uploader(key=saved.UPLOAD_KEY)
    file_name = text.replace("\x00", "") + ".json"  # Streamlit itself refuses a file name with a null byte
    upload.set_value((file_name, document.encode(), "application/json")).run()
    assert len(app.error) == 1
    assert_inert(app)
