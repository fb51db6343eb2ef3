"""How numbers, money, months and outside text are shown on the page. Pure functions: no Streamlit here.

Numbers, percentages, money and months are formatted by Babel in the language the run speaks (``ui.i18n``); the
charts' own axes and tooltips get the same words and separators through a Vega locale (:func:`localized`).

The model counts money in RMB; the page may show EUR or USD at rates the analyst can edit. Text from outside the
page (link values and names, scenario names, file names, upload contents) goes through :func:`plain` before any
element that renders markdown shows it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from ui import i18n

CURRENCIES = ("RMB", "EUR", "USD")
DEFAULT_RATES = {"RMB": 1.0, "EUR": 7.7, "USD": 7.1}  # RMB per unit of the currency (page defaults)


@dataclass(frozen=True)
class Currency:
    """A display currency: its code, and how many units of the launch's own currency one unit of it is worth.

    Money in the model is in the launch's currency (RMB for Xiaomi, USD for the Model 3); ``per_unit`` converts it:
    RMB shown for Xiaomi is ``Currency('RMB', 1.0)``, euros ``Currency('EUR', 7.7)`` (RMB per euro).
    """

    code: str = "RMB"
    per_unit: float = 1.0
    source: str = "RMB"  # the launch's own currency, the one the model's money is in

    def convert(self, amount):
        """``amount`` in the launch's currency (a number, array or Series) in this currency."""
        return amount / self.per_unit


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


def _locale() -> str:
    return i18n.lang()


@cache
def _parsed(pattern: str) -> NumberPattern:
    """Babel's parse of a number pattern, once per pattern: ``format_decimal`` parses it again on every call."""
    return parse_pattern(pattern)


@cache
def _babel_locale(lang: str) -> Locale:
    """Babel's locale of ``lang``, looked up once (every number, percentage and plural of the page reads it)."""
    return Locale.parse(lang)


def number(value: float, decimals: int = 0, *, signed: bool = False, trim: bool = False) -> str:
    """``value`` with the page language's separators and ``decimals`` digits: 12.63 -> '12.6' ('12,6' in French).

    ``trim`` drops trailing zeros of the decimals: 0.9 with 4 decimals -> '0.9', not '0.9000'.
    """
    body = "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals else "")
    pattern = f"+{body};-{body}" if signed else body
    return _parsed(pattern).apply(value, _babel_locale(_locale()))  # what format_decimal does, parse cached


def count(value: float | None, *, signed: bool = False) -> str:
    """A number of cars or orders, whole, with thousands separators: 117157.4 -> '117,157' ('117 157').

    What :func:`number` writes for a whole number (Babel's '#,##0', its sign as written in the pattern, groups of
    three), without Babel's decimal arithmetic: the cards and summaries show dozens a rerun (a test holds the two
    equal in every language).
    """
    if value is None or not math.isfinite(value):
        return "–"
    whole = int(round(value))
    sign = "-" if whole < 0 else "+" if signed else ""
    return sign + f"{abs(whole):,}".replace(",", _group_symbol(_locale()))


@cache
def _group_symbol(lang: str) -> str:
    return _babel_locale(lang).number_symbols["latn"]["group"]


def percent(share: float, decimals: int = 1) -> str:
    """A share as a percentage in the page language: 0.2863 -> '28.6%' ('28,6 %' in French)."""
    locale = _babel_locale(_locale())
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern = locale.percent_formats[None].pattern.replace("#,##0", digits)
    return _parsed(pattern).apply(share, locale)  # what format_percent does, parse cached


def plural(key: str, count: int, **values: object) -> str:
    """The text of ``key`` for ``count`` things in the page language's plural rule (Babel's CLDR data): the
    catalogue holds ``<key>.one`` and ``<key>.other`` (French says '0 modification', English '0 changes')."""
    form = _babel_locale(_locale()).plural_form(count)
    chosen = f"{key}.{form}" if i18n.has(f"{key}.{form}") else f"{key}.other"
    return i18n.t(chosen, count=number(count), **values)


def points(share_change: float) -> str:
    """A change of a share in percentage points: 0.012 -> '+1.2 pts'."""
    return i18n.t("unit.points", value=number(share_change * 100, 1, signed=True))


def months(value: float, *, signed: bool = False) -> str:
    """A duration in months: 12.63 -> '12.6 months' ('12,6 mois')."""
    return i18n.t("unit.months", value=number(value, 1, signed=signed))


MONEY_SCALES = ((1e9, "money.bn"), (1e6, "money.m"), (1e3, "money.k"))


def money(amount_rmb: float, currency: Currency, *, signed: bool = False) -> str:
    """A sum of money, shortened to fit a card: 1.2288e11 RMB -> 'RMB 123 bn', 1.2e9 -> 'RMB 1.2 bn'."""
    value = currency.convert(amount_rmb)
    sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
    for size, key in MONEY_SCALES:
        if abs(value) >= size:
            scaled = abs(value) / size
            return sign + i18n.t(key, code=currency.code, value=number(scaled, 0 if scaled >= 100 else 1))
    return sign + i18n.t("money.unit", code=currency.code, value=number(abs(value)))


@cache
def _month(label: str, pattern: str, lang: str) -> str:
    """A month's words in a language, worked out once: a chart's months come back on every rerun."""
    return format_date(pd.Period(label, freq="M").to_timestamp().date(), pattern, locale=lang)


def month(label: str | None, *, long: bool = False) -> str:
    """'2024-12' -> 'Dec 2024' ('déc. 2024'); None -> 'not reached'."""
    if label is None:
        return i18n.t("not_reached")
    return _month(label, "MMMM y" if long else "MMM y", _locale())


def month_name(label: str) -> str:
    """'2025-12' -> 'Dec' ('déc.'): the month alone, for sentences that already name the year."""
    return _month(label, "MMM", _locale())


def months_between(first: str | None, second: str | None) -> int | None:
    """Whole months from ``first`` to ``second`` ('YYYY-MM'), or None if either is missing."""
    if first is None or second is None:
        return None
    return (pd.Period(second, freq="M") - pd.Period(first, freq="M")).n


def month_start(index: pd.Index) -> pd.DatetimeIndex:
    """Monthly periods as the first day of each month, the form Altair's time axis reads."""
    return pd.DatetimeIndex(month_start_values(index))


def month_start_values(index: pd.Index) -> np.ndarray:
    """:func:`month_start` as a NumPy array, for a chart table built without pandas.

    The months counted from 1970 straight into datetimes: the values and unit of ``PeriodIndex.to_timestamp()``
    at a tenth of its cost (charts ask for them on every rerun).
    """
    periods = pd.PeriodIndex(index, freq="M")
    if periods.hasnans:
        return periods.to_timestamp().to_numpy()
    return periods.asi8.astype("datetime64[M]").astype("datetime64[us]")


@cache
def _vega_locale(lang: str) -> dict[str, Any]:
    """The d3 number and time locale of ``lang`` from Babel's CLDR data (see :func:`vega_locale`)."""
    locale = _babel_locale(lang)
    symbols = locale.number_symbols["latn"]
    percent = locale.percent_formats[None].pattern.rpartition("0")[2]  # '\u00a0%' in French
    days = [locale.days["format"][width][(i - 1) % 7] for width in ("wide", "abbreviated") for i in range(7)]
    months = [locale.months["format"][width][i] for width in ("wide", "abbreviated") for i in range(1, 13)]
    return {
        "number": {
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [3],
            "currency": ["", ""],
            "percent": percent,
        },
        "time": {
            "dateTime": "%x %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": days[:7],
            "shortDays": days[7:],
            "months": months[:12],
            "shortMonths": months[12:],
        },
    }


def vega_locale() -> dict[str, Any] | None:
    """The page language's month and day names and number separators for a chart's Vega-Lite ``config.locale``
    ('%b %Y' reads 'déc. 2024', ',.0f' reads '136 875'), or None in English (Vega's own)."""
    return None if i18n.lang() == i18n.DEFAULT else _vega_locale(i18n.lang())


def localized(chart):
    """An Altair chart configured with :func:`vega_locale` (itself in English), so its axes speak the page language."""
    locale = vega_locale()
    return chart if locale is None else chart.configure(locale=locale)
