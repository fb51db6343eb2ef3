"""Small helpers several test modules share: finding a widget on an AppTest page, building a zip in memory."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile

import pandas as pd
import pyarrow as pa
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


_TEXT_ATTRIBUTES = ("value", "label", "help", "placeholder")
_NOT_TEXT = ("html", "code")  # the page's CSS and the share link: not words


def _strings(values) -> list[str]:
    return [str(v) for v in pd.unique(pd.Series(list(values), dtype=object).dropna())]


def _table_texts(frame: pd.DataFrame, *, names: bool = True) -> list[str]:
    """A table's column names (unless not ``names``) and the distinct texts in its text columns."""
    texts = [str(column) for column in frame.columns] if names else []
    for column in frame.columns:
        values = frame[column]
        if not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)):
            texts += _strings(values)
    return texts


def _spec_texts(spec) -> list[str]:
    """Every title and every text of a scale domain in a Vega-Lite spec (axes, legends, tooltips, chart titles)."""
    if isinstance(spec, dict):
        texts = [v for k, v in spec.items() if k == "title" and isinstance(v, str)]
        domain = spec.get("domain") if isinstance(spec.get("domain"), list) else []
        texts += [v for v in domain if isinstance(v, str)]
        return texts + [t for v in spec.values() for t in _spec_texts(v)]
    if isinstance(spec, list):
        return [t for v in spec for t in _spec_texts(v)]
    return []


def _fields(spec) -> set[str]:
    """The data fields a Vega-Lite spec encodes (axes, colours, shapes, text, tooltips): what its data shows."""
    if isinstance(spec, dict):
        own = {spec["field"]} if isinstance(spec.get("field"), str) else set()
        return own.union(*(_fields(v) for v in spec.values()))
    if isinstance(spec, list):
        return set().union(*(_fields(v) for v in spec))
    return set()


def _chart_texts(proto) -> list[str]:
    """A chart's titles, legend entries and the texts its data shows (the encoded fields of its datasets)."""
    spec = json.loads(proto.spec)
    texts, shown = _spec_texts(spec), _fields(spec)
    tables = [dataset.data.data for dataset in proto.datasets] + ([proto.data.data] if proto.data.data else [])
    for data in tables:
        frame = pa.ipc.open_stream(data).read_all().to_pandas()
        texts += _table_texts(frame[[c for c in frame.columns if c in shown]], names=False)
    return texts


def visible_texts(node) -> list[str]:
    """Every text an AppTest element tree shows: markdown, captions, titles, banners, widget labels, help, placeholders
    and options, metric labels and help, expander and tab labels, table columns and cells, chart titles, legends and
    data (read from the chart's spec and datasets)."""
    texts: list[str] = []
    kind = getattr(node, "type", "")
    for child in (getattr(node, "children", None) or {}).values():
        texts += visible_texts(child)
    if kind in _NOT_TEXT:
        return texts
    if kind == "vega_lite_chart":
        return texts + _chart_texts(node.proto)
    if kind == "dataframe":
        return texts + _table_texts(node.value)
    for attribute in _TEXT_ATTRIBUTES:
        try:
            value = getattr(node, attribute)
        except Exception:  # an element without the attribute, or one AppTest cannot compute it for
            continue
        if isinstance(value, str) and value:
            texts.append(value)
    options = getattr(node, "options", None)
    if isinstance(options, list | tuple):
        texts += [str(option) for option in options]
    return texts
