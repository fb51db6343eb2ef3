"""The order book, month by month and plant by plant: quoted waits, cancellations and deliveries.

Each line is built by its own plant. Within a month, in this order: the month's locked orders join the book; the
wait a buyer is quoted is read off the books of the line's plant and the capacity still to come (the plants' curves
continue past the horizon, so the horizon never changes a month inside it); impatient buyers cancel; each plant
delivers what it can, shared between its delivering lines in proportion to their books, and ``spill`` of a plant's
spare capacity builds the other plants' remaining books; the rest is the month-end backlog. This is the only loop
over months in the model, and it runs over every draw and line at once.

With a ``queue`` (capacity-driven invitations or give-ups, see :class:`Queue`), the pending reservations are stepped
here too: a cohort that has decided waits in the queue until its plant can build it within the line's invitation
lead (capacity over the lead, less the plant's order book), then locks with its lock share or takes its deposit
back; every pending reservation gives up at a hazard rising with the wait it is quoted, which counts the pending
reservations ahead of it as well as the book. Without one (Xiaomi) cohorts lock as soon as they decide
(``sim.preorders.settle``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.calendar import MAX_WAIT_MONTHS

_BISECTION_STEPS = int(np.ceil(np.log2(MAX_WAIT_MONTHS + 1)))
_SCAN_LIMIT = 256  # draws x lines up to which a full scan of the 61 counts beats the bisection's Python steps


def cumulative(capacity: np.ndarray) -> np.ndarray:
    """Cumulative capacity along the last axis with a leading 0: column j is the capacity of months 0 .. j-1."""
    zeros = np.zeros(capacity.shape[:-1] + (1,))
    return np.concatenate([zeros, np.cumsum(capacity, axis=-1)], axis=-1)


class _Ahead:
    """Capacity still to come, as a buyer of each line is quoted it, read off flat cumulative curves.

    Calling it with n (per draw and line) gives the capacity of the line's plant over the n months from ``start``,
    plus what the other plants may lend over those months when ``spill`` is given: ``spill`` x their capacity beyond
    their own delivering books ``plant_books``, never negative.
    """

    def __init__(self, cum_plants, plant_of, spill=None):
        n_draws, n_plants, width = cum_plants.shape
        self.flat, self.width, self.n_plants = cum_plants.ravel(), width, n_plants
        self.draw_rows = (np.arange(n_draws) * n_plants)[:, None]
        self.plant_of, self.spill = plant_of, spill
        self.line_rows = (self.draw_rows + plant_of) * width  # where each line's plant curve starts in ``flat``

    def at(self, start: np.ndarray, plant_books: np.ndarray) -> _Ahead:
        """Quote from month ``start`` (per draw and line), the plants' delivering books being ``plant_books``."""
        self.start, self.plant_books = start, plant_books
        self.own_row = self.line_rows + start
        self.own_base = self.flat[self.own_row]
        return self

    def __call__(self, n: np.ndarray) -> np.ndarray:
        """Capacity of the next ``n`` months; ``n`` is (draws, lines) or (draws, lines, k) for k counts at once."""
        extra = (1,) * (n.ndim - 2)

        def wide(a):
            return a.reshape(a.shape + extra)

        own = self.flat[wide(self.own_row) + n] - wide(self.own_base)
        if self.spill is None:
            return own
        lent = np.zeros(n.shape)
        for j in range(self.n_plants):
            row = wide((self.draw_rows + j) * self.width + self.start)
            spare = (
                self.flat[row + n]
                - self.flat[row]
                - wide(np.broadcast_to(self.plant_books[:, j : j + 1], row.shape[:2]))
            )
            lent += np.where(wide(self.plant_of) == j, 0.0, np.maximum(spare, 0.0))
        return own + wide(self.spill) * lent


def months_to_deliver(book: np.ndarray, available) -> np.ndarray:
    """Fractional months, from the quoting month on, that ``available(n)`` needs to reach ``book`` (capped at 60).

    Args:
        book: (draws, lines) cars to deliver.
        available: n (draws, lines) -> capacity of the next n months, non-decreasing in n, 0 at n = 0.

    Notes:
        The wait is n + (book - A(n)) / (A(n+1) - A(n)) for the largest n in 0..60 with A(n) < book, found by a
        bisection on every draw and line at once.
    """
    if book.size <= _SCAN_LIMIT:  # few draws: read A(0..60) at once, count the months short of the book
        counts = np.broadcast_to(np.arange(MAX_WAIT_MONTHS + 1), book.shape + (MAX_WAIT_MONTHS + 1,))
        ahead = available(counts).reshape(-1, MAX_WAIT_MONTHS + 1)
        low = np.maximum((ahead < book.reshape(-1, 1)).sum(axis=-1) - 1, 0)
        rows = np.arange(ahead.shape[0])
        used = ahead[rows, low].reshape(book.shape)
        rate = ahead[rows, np.minimum(low + 1, MAX_WAIT_MONTHS)].reshape(book.shape) - used
        low = low.reshape(book.shape)
    else:  # many draws: a bisection touches 7 counts per draw and line instead of 61
        low, high = np.zeros(book.shape, dtype=np.int64), np.full(book.shape, MAX_WAIT_MONTHS)
        for _ in range(_BISECTION_STEPS):
            middle = (low + high + 1) // 2
            short = available(middle) < book
            low, high = np.where(short, middle, low), np.where(short, high, middle - 1)
        used = available(low)
        rate = available(np.minimum(low + 1, MAX_WAIT_MONTHS)) - used
    fraction = np.divide(book - used, rate, out=np.zeros_like(book), where=rate > 0)
    return np.minimum(low + np.clip(fraction, 0.0, 1.0), MAX_WAIT_MONTHS)


class _Plants:
    """Moves (draws, lines) values to (draws, plants) sums and back, by flat indices computed once."""

    def __init__(self, plant_of: np.ndarray, n_plants: int):
        self.slots = (np.arange(plant_of.shape[0])[:, None] * n_plants + plant_of).ravel()
        self.shape = (plant_of.shape[0], n_plants)

    def total(self, values: np.ndarray) -> np.ndarray:
        """Sum each plant's lines: (draws, plants)."""
        return np.bincount(self.slots, weights=values.ravel(), minlength=self.shape[0] * self.shape[1]).reshape(
            self.shape
        )

    def of_line(self, values: np.ndarray) -> np.ndarray:
        """Each line's plant's value: (draws, lines) from (draws, plants)."""
        return values.ravel()[self.slots].reshape(-1, self.slots.size // self.shape[0])


@dataclass(frozen=True)
class Queue:
    """Pending reservations waiting for an invitation, stepped month by month with the order book.

    Attributes:
        reservations, locks, decides: (draws, lines, months) new reservations, each cohort's lock share and its
            decision month (integer index, may lie past the horizon).
        invite_lead_months: (draws, lines) a decided reservation is invited once its plant can build it within
            this many months (``MAX_WAIT_MONTHS`` = at once).
        giveup_slope: (draws, lines) monthly give-up share per month the quoted wait exceeds patience.
    """

    reservations: np.ndarray
    locks: np.ndarray
    decides: np.ndarray
    invite_lead_months: np.ndarray
    giveup_slope: np.ndarray


def _capacity_within(available, months: np.ndarray) -> np.ndarray:
    """``available`` over a fractional number of months (linear within the last month)."""
    whole = np.floor(months).astype(np.int64)
    low = available(whole)
    return low + (months - whole) * (available(np.minimum(whole + 1, MAX_WAIT_MONTHS)) - low)


def run_order_book(
    orders,
    *,
    capacity,
    plant_of,
    deliveries_start,
    enabled,
    spill,
    patience_months,
    cancel_base,
    cancel_slope,
    queue: Queue | None = None,
):
    """Step the order book through every month.

    Args:
        orders: (draws, lines, months) locked orders joining the book.
        capacity: (draws, plants, months + ahead) cars each plant can build, running at least 61 months past the
            last month a wait is quoted from (the run's last month or a line's first delivery month).
        plant_of: (draws, lines) index of the plant that builds each line.
        deliveries_start: (draws, lines) first delivery month index; enabled: (draws, lines) bool.
        spill, patience_months, cancel_base, cancel_slope: (draws, 1).

    Returns:
        dict of (draws, lines, months) arrays: wait_months, cancellations, deliveries, backlog, book (the book each
        wait was read off, for book-weighted averages) and capacity_bound (the line's plant, with what it could
        borrow, could not build the line's whole book that month). With a ``queue`` also orders, refunds and pending
        (the invited orders, declined invitations plus give-ups, and the reservations still waiting), and
        wait_months is the wait quoted to a new reservation (book plus the pending reservations ahead).

    Notes:
        wait_i = (months until first delivery) + months of capacity, from max(t, deliveries_start_i), needed to
        deliver the delivering books of the line's plant (plus the line's own book if it is not delivering yet);
        hazard = min(1, base + slope * max(0, wait - patience)); deliveries_i = book_i * min(1, capacity_k / sum of
        plant k's delivering books), then the other plants' spare capacity times ``spill`` serves what is left.
        With a queue: invited share f = min(1, room / ready lockers of the plant), room = capacity over
        max(0, lead - months until first delivery) less the plant's backlog; give-up hazard =
        min(1, giveup_slope * max(0, quoted wait - patience)), quoted wait read off book + pending lockers.
    """
    n_draws, n_lines, n_months = orders.shape
    n_plants = capacity.shape[1]
    plants = _Plants(plant_of, n_plants)
    lent_by = spill if np.any(spill > 0) else None  # dedicated plants skip the lending arithmetic
    ahead = _Ahead(cumulative(capacity), plant_of, lent_by)
    months = np.arange(n_months)[:, None, None]
    delivering_by_month = enabled & (months >= deliveries_start)  # (months, draws, lines), computed once
    start_by_month = np.maximum(months, deliveries_start)
    until_start_by_month = np.maximum(deliveries_start - months, 0)
    keys = ("wait_months", "cancellations", "deliveries", "backlog", "book", "capacity_bound")
    keys += ("orders", "refunds", "pending") if queue is not None else ()
    out = {k: np.zeros((n_months, n_draws, n_lines), dtype=bool if k == "capacity_bound" else float) for k in keys}
    backlog = np.zeros((n_draws, n_lines))
    if queue is not None:
        # Waiting cohorts sit in the slot of their decision month (slot n_months: past the horizon); decided ones
        # are 'ready'. Index 0 counts reservations, index 1 those among them who will lock when invited.
        due = np.zeros((2, n_draws, n_lines, n_months + 1))
        ready = np.zeros((2, n_draws, n_lines))
        cells = np.indices((n_draws, n_lines))
        invite_all = queue.invite_lead_months >= MAX_WAIT_MONTHS  # at the cap: invited as they decide, as without
    for t in range(n_months):
        until_start = until_start_by_month[t]
        delivering = delivering_by_month[t]
        if queue is not None:
            slot = np.minimum(queue.decides[:, :, t], n_months)
            joining = queue.reservations[:, :, t]
            due[0, cells[0], cells[1], slot] += joining
            due[1, cells[0], cells[1], slot] += joining * queue.locks[:, :, t]
            ready += due[:, :, :, t]
            plant_backlog = plants.total(backlog * enabled)
            own = plants.of_line(plant_backlog)
            window = np.clip(queue.invite_lead_months - until_start, 0.0, MAX_WAIT_MONTHS)
            room = np.maximum(_capacity_within(ahead.at(start_by_month[t], plant_backlog), window) - own, 0.0)
            lockers = plants.of_line(plants.total(ready[1]))
            share = np.minimum(1.0, np.divide(room, lockers, out=np.ones_like(room), where=lockers > 0))
            invited = np.where(enabled, np.where(invite_all, 1.0, share), 0.0)
            new_orders = invited * ready[1]
            declined = invited * (ready[0] - ready[1])
            ready *= 1.0 - invited
        else:
            new_orders = orders[:, :, t]
        book = backlog + new_orders
        plant_books = plants.total(book * delivering)
        to_clear = plants.of_line(plant_books) + np.where(delivering, 0.0, book)
        available = ahead.at(start_by_month[t], plant_books)
        wait = np.where(enabled, np.minimum(until_start + months_to_deliver(to_clear, available), MAX_WAIT_MONTHS), 0.0)
        hazard = np.minimum(1.0, cancel_base + cancel_slope * np.maximum(0.0, wait - patience_months))
        if queue is not None:
            waiting = due[:, :, :, t + 1 :].sum(axis=-1)
            queued = np.where(invite_all, 0.0, waiting[1] + ready[1])  # pending ahead of a new one, to order
            to_quote = to_clear + plants.of_line(plants.total(queued * delivering)) + np.where(delivering, 0.0, queued)
            quoted = np.where(
                enabled, np.minimum(until_start + months_to_deliver(to_quote, available), MAX_WAIT_MONTHS), 0.0
            )
            give_up = np.minimum(1.0, queue.giveup_slope * np.maximum(0.0, quoted - patience_months))
            out["orders"][t] = new_orders
            out["refunds"][t] = declined + give_up * (waiting[0] + ready[0])
            due[:, :, :, t + 1 :] *= (1.0 - give_up)[None, :, :, None]
            ready *= 1.0 - give_up
            out["pending"][t] = (1.0 - give_up) * waiting[0] + ready[0]
            wait_quoted = quoted
        else:
            wait_quoted = wait
        cancellations = hazard * book
        remaining = book - cancellations
        claim = plants.total(remaining * delivering)
        built = np.minimum(capacity[:, :, t], claim)
        leftover = claim - built
        if lent_by is not None:
            pool = spill * (capacity[:, :, t] - built).sum(axis=1, keepdims=True)
            wanted = leftover.sum(axis=1, keepdims=True)
            lent = leftover * np.minimum(1.0, np.divide(pool, wanted, out=np.zeros_like(pool), where=wanted > 0))
            built, leftover = built + lent, leftover - lent
        share = np.divide(built, claim, out=np.zeros_like(claim), where=claim > 0)
        deliveries = remaining * delivering * plants.of_line(share)
        short = plants.of_line(leftover > 1e-9 * np.maximum(claim, 1.0))
        backlog = remaining - deliveries
        for key, value in (
            ("wait_months", wait_quoted),
            ("cancellations", cancellations),
            ("deliveries", deliveries),
            ("backlog", backlog),
            ("book", book),
            ("capacity_bound", delivering & short & (backlog > 1e-9 * np.maximum(remaining, 1.0))),
        ):
            out[key][t] = value
    return {k: np.moveaxis(v, 0, -1) for k, v in out.items()}
