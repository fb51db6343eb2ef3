"""Small helpers several test modules share: finding a widget on an AppTest page, building a zip in memory."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from streamlit.testing.v1 import AppTest

from ui.display import LINK_BREAK


def widget(app: AppTest, key: str):
    """The widget with ``key``, whatever its kind."""
    for kind in ("slider", "select_slider", "toggle", "selectbox", "number_input", "button_group"):
        found = [w for w in getattr(app, kind) if w.key == key]
        if found:
            return found[0]
    raise KeyError(key)


def zip_of(files: dict[str, bytes]) -> bytes:
    """A zip holding ``files`` (name -> bytes), deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# What could open a link, an image or HTML in rendered markdown: an unescaped bracket or '<' in the source, and in
# the text once escapes are read, the bare URLs and e-mail addresses GFM links (unless ui.display.plain's invisible
# LINK_BREAK stands before 'http', 'www' or '@').
_STRUCTURE = re.compile(r"[\[\]<]")
_AUTOLINK = re.compile(rf"(?<!{LINK_BREAK})(?:https?|www)|[\w.+-]@", re.IGNORECASE)


def as_read(markdown: str) -> str:
    """What an analyst reads once ``markdown``'s backslash escapes are rendered ('\\[x\\]' reads '[x]')."""
    return _ESCAPED.sub(r"\1", markdown).replace(LINK_BREAK, "")


def live_markup(markdown: str) -> list[str]:
    """The unescaped characters in ``markdown`` that could make a link, an image or HTML (empty when inert)."""
    return _STRUCTURE.findall(_ESCAPED.sub("", markdown)) + _AUTOLINK.findall(_ESCAPED.sub(r"\1", markdown))


def control_characters(text: str) -> list[str]:
    """The Unicode control and format characters in ``text`` (newlines, bidi overrides, zero-width marks...), but
    for ``plain``'s own invisible LINK_BREAK."""
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c != LINK_BREAK]


def markdown_bodies(app: AppTest) -> list[str]:
    """Every text the page renders as markdown: banners, markdown and captions."""
    kinds = ("warning", "error", "info", "success", "markdown", "caption")
    return [element.value for kind in kinds for element in getattr(app, kind)]
