"""The order book, month by month: quoted waits, cancellations and deliveries.

Within a month, in this order: the month's locked orders join the book; the wait a buyer is quoted is read off
that book and the capacity ahead; impatient buyers cancel; the plants deliver what they can, shared between the
delivering lines in proportion to their books; the rest is the month-end backlog. This is the only loop over
months in the model, and it runs over every draw and line at once.
"""

from __future__ import annotations

import numpy as np

from sim.calendar import MAX_WAIT_MONTHS


def capacity_ahead(capacity: np.ndarray) -> np.ndarray:
    """Cumulative capacity from the first month, with the last month's rate continuing past the horizon.

    Returns (draws, months + MAX_WAIT_MONTHS + 1): column j is the capacity of months 0 .. j-1.
    """
    tail = np.repeat(capacity[:, -1:], MAX_WAIT_MONTHS, axis=1)
    extended = np.concatenate([capacity, tail], axis=1)
    return np.concatenate([np.zeros((capacity.shape[0], 1)), np.cumsum(extended, axis=1)], axis=1)


def months_to_deliver(book: np.ndarray, cum_capacity: np.ndarray, t: int) -> np.ndarray:
    """Fractional months of capacity, from month ``t`` on, needed to deliver ``book`` (capped at 60).

    Args:
        book: (draws, lines) cars to deliver.
        cum_capacity: (draws, months + 61) from :func:`capacity_ahead`.
        t: the current month index.

    Notes:
        With G(k) the capacity of months t .. t+k-1 (non-decreasing in k), the wait is n + (book - G(n)) / cap(t+n)
        for the largest n in 0..60 with G(n) < book, found by a bisection on every draw and line at once.
    """
    flat = cum_capacity.ravel()
    row_start = (np.arange(cum_capacity.shape[0]) * cum_capacity.shape[1] + t)[:, None]
    already = flat[row_start]

    def capacity_of(k):  # G(k): the capacity of months t .. t+k-1
        return flat[row_start + k] - already

    low, high = np.zeros(book.shape, dtype=np.int64), np.full(book.shape, MAX_WAIT_MONTHS)
    for _ in range(_BISECTION_STEPS):
        middle = (low + high + 1) // 2
        short = capacity_of(middle) < book
        low, high = np.where(short, middle, low), np.where(short, high, middle - 1)
    used = capacity_of(low)
    rate = capacity_of(np.minimum(low + 1, MAX_WAIT_MONTHS)) - used
    fraction = np.divide(book - used, rate, out=np.zeros_like(book), where=rate > 0)
    return np.minimum(low + np.clip(fraction, 0.0, 1.0), MAX_WAIT_MONTHS)


_BISECTION_STEPS = int(np.ceil(np.log2(MAX_WAIT_MONTHS + 1)))


def run_order_book(orders, capacity, deliveries_start, enabled, patience_months, cancel_base, cancel_slope):
    """Step the order book through every month.

    Args:
        orders: (draws, lines, months) locked orders joining the book.
        capacity: (draws, months) cars the plants can build.
        deliveries_start: (draws, lines) first delivery month index; enabled: (draws, lines) bool.
        patience_months, cancel_base, cancel_slope: (draws, 1).

    Returns:
        dict of (draws, lines, months) arrays: wait_months, cancellations, deliveries, backlog, and
        book_before_cancel (the book the wait was read off, for book-weighted averages).

    Notes:
        wait = months of capacity for the delivering lines' book (+ months until first delivery and the line's
        own book for a line not delivering yet); hazard = min(1, base + slope * max(0, wait - patience));
        deliveries_i = book_i * min(1, capacity / sum of delivering books).
    """
    n_draws, n_lines, n_months = orders.shape
    cum_capacity = capacity_ahead(capacity)
    keys = ("wait_months", "cancellations", "deliveries", "backlog", "book")
    out = {k: np.zeros((n_months, n_draws, n_lines)) for k in keys}  # month first: each step writes one block
    backlog = np.zeros((n_draws, n_lines))
    for t in range(n_months):
        book = backlog + orders[:, :, t]
        delivering = enabled & (t >= deliveries_start)
        delivering_book = np.sum(book * delivering, axis=1, keepdims=True)
        to_clear = delivering_book + np.where(delivering, 0.0, book)
        until_start = np.where(delivering, 0.0, deliveries_start - t)
        wait = np.where(
            enabled, np.minimum(until_start + months_to_deliver(to_clear, cum_capacity, t), MAX_WAIT_MONTHS), 0.0
        )
        hazard = np.minimum(1.0, cancel_base + cancel_slope * np.maximum(0.0, wait - patience_months))
        cancellations = hazard * book
        remaining = book - cancellations
        claim = np.sum(remaining * delivering, axis=1, keepdims=True)
        share = np.minimum(1.0, np.divide(capacity[:, t : t + 1], claim, out=np.zeros_like(claim), where=claim > 0))
        deliveries = remaining * delivering * share
        backlog = remaining - deliveries
        for key, value in (
            ("wait_months", wait),
            ("cancellations", cancellations),
            ("deliveries", deliveries),
            ("backlog", backlog),
            ("book", book),
        ):
            out[key][t] = value
    return {k: np.moveaxis(v, 0, -1) for k, v in out.items()}
