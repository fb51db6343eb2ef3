"""How numbers, money, months and outside text are shown on the page. Pure functions: no Streamlit here.

The model counts money in RMB; the page may show EUR or USD at rates the analyst can edit. Text from outside the
page (link values and names, scenario names, file names, upload contents) goes through :func:`plain` before any
element that renders markdown shows it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

CURRENCIES = ("RMB", "EUR", "USD")
DEFAULT_RATES = {"RMB": 1.0, "EUR": 7.7, "USD": 7.1}  # RMB per unit of the currency (page defaults)


@dataclass(frozen=True)
class Currency:
    """A display currency: its code and how many RMB one unit is worth."""

    code: str = "RMB"
    rmb_per_unit: float = 1.0

    def convert(self, amount_rmb):
        """``amount_rmb`` (a number, array or Series) in this currency."""
        return amount_rmb / self.rmb_per_unit


_MARKDOWN_CHARACTERS = re.compile(r"([!-/:-@\[-`{-~])")  # all ASCII punctuation; CommonMark escapes each one
_BLANKED = ("Cc", "Zl", "Zp")  # controls and line breaks: shown as a space, so a message stays on one line
# GFM turns bare URLs and e-mail addresses into links after escapes are read, unless the character before 'http'
# or 'www' is a space or punctuation and '@' follows the address's letters directly. An invisible word joiner there
# keeps them text.
LINK_BREAK = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)(?=https?|www|@)")


def plain(text: object) -> str:
    """``text`` as markdown that renders exactly as typed: inert, never a link, image, HTML, style or formula.

    Every ASCII punctuation character is backslash-escaped (CommonMark renders ``\\[`` as ``[``), control
    characters and line breaks become spaces, and format characters (bidi overrides, zero-width marks) are dropped,
    so outside text can neither add markup nor disguise itself in a banner. Bare URLs and e-mail addresses get an
    invisible ``LINK_BREAK`` before 'http', 'www' and '@', which GFM would otherwise make links. Use it on every
    string from outside the page before ``st.markdown``, ``st.caption`` or a banner (``st.warning``, ...) shows it.
    """
    kept = (c for c in str(text) if unicodedata.category(c) != "Cf")
    spaced = "".join(" " if unicodedata.category(c) in _BLANKED else c for c in kept)
    return _MARKDOWN_CHARACTERS.sub(r"\\\1", _AUTOLINK_STARTS.sub(LINK_BREAK, spaced))


def count(value: float | None) -> str:
    """A number of cars or orders with thousands separators: 117157.4 -> '117,157'."""
    return "–" if value is None or not math.isfinite(value) else f"{value:,.0f}"


def money(amount_rmb: float, currency: Currency) -> str:
    """A sum of money, shortened to fit a card: 1.2288e11 RMB -> 'RMB 123 bn', 1.2e9 -> 'RMB 1.2 bn'."""
    value = currency.convert(amount_rmb)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            scaled = value / size
            return f"{currency.code} {scaled:,.{0 if abs(scaled) >= 100 else 1}f} {suffix}"
    return f"{currency.code} {value:,.0f}"


def month(label: str | None) -> str:
    """'2024-12' -> 'Dec 2024'; None -> 'not reached'."""
    return "not reached" if label is None else pd.Period(label, freq="M").strftime("%b %Y")


def months_between(first: str | None, second: str | None) -> int | None:
    """Whole months from ``first`` to ``second`` ('YYYY-MM'), or None if either is missing."""
    if first is None or second is None:
        return None
    return (pd.Period(second, freq="M") - pd.Period(first, freq="M")).n


def month_start(index: pd.Index) -> pd.DatetimeIndex:
    """Monthly periods as the first day of each month, the form Altair's time axis reads."""
    return pd.PeriodIndex(index, freq="M").to_timestamp()
