"""Small helpers several test modules share: finding a widget on an AppTest page, building a zip in memory."""

from __future__ import annotations

import io
import zipfile

from streamlit.testing.v1 import AppTest


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
