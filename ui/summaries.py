"""One-line text summaries of the charts, with their key numbers: the charts' text alternative.

Each function reads the same run the chart draws and returns one sentence in the page language, e.g.
"2025: 418,129 delivered, 45,000 in the peak month (Dec)". Pure functions: no Streamlit here.
"""

from __future__ import annotations

import numpy as np

import sim
from ui import display, i18n
from ui.display import Currency


def deliveries(run: sim.Run) -> str:
    """Per year of the run: cars delivered and the peak month with its deliveries."""
    index, values = run.total.index, run.total["deliveries"].to_numpy()
    years = np.asarray(index.year)
    parts = []
    for year in np.unique(years):
        where = np.flatnonzero(years == year)
        months = values[where]
        if not months.any():  # a year before the first deliveries says nothing
            continue
        peak = where[np.argmax(months)]  # the first month of the year's peak
        parts.append(
            i18n.t(
                "summary.deliveries.year",
                year=int(year),
                total=display.count(months.sum()),
                peak=display.count(values[peak]),
                month=display.month_name(str(index[peak])),
            )
        )
    return i18n.t("summary.deliveries.sep").join(parts) + "."


def cumulative(run: sim.Run) -> str:
    """Cumulative deliveries at the end of the run and the month the 100,000th car is delivered."""
    return i18n.t(
        "summary.cumulative",
        total=display.count(run.total["deliveries"].sum()),
        end=display.month(str(run.total.index[-1])),
        month=display.month(run.kpis["month_100k"]),
    )


def orders(run: sim.Run) -> str:
    """The peak order book and the longest average wait, with their months."""
    book, wait = run.total["backlog"], run.total["wait_months"]
    return i18n.t(
        "summary.orders",
        book=display.count(book.max()),
        book_month=display.month(str(book.idxmax())),
        wait=display.months(wait.max()),
        wait_month=display.month(str(wait.idxmax())),
    )


def funnel(run: sim.Run) -> str:
    """Reservations, orders and deliveries over the horizon, all lines."""
    totals = run.total[["reservations", "orders", "deliveries"]].sum()
    return i18n.t("summary.funnel", **{k: display.count(v) for k, v in totals.items()})


def money(run: sim.Run, currency: Currency) -> str:
    """Revenue over the run, its gross margin and the peak deposits held, in the display currency."""
    k = run.kpis
    return i18n.t(
        "summary.money",
        revenue=display.money(k["revenue_total"], currency),
        margin=display.percent(k["gross_margin"]),
        deposits=display.money(k["peak_deposits_held"], currency),
    )
