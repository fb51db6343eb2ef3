"""The order book, month by month and plant by plant: quoted waits, cancellations and deliveries.

Each line is built by its own plant. Within a month, in this order: the month's locked orders join the book; the
wait a buyer is quoted is read off the books of the line's plant and the capacity still to come (the plants' curves
continue past the horizon, so the horizon never changes a month inside it); impatient buyers cancel; each plant
delivers what it can, shared between its delivering lines in proportion to their books, and ``spill`` of a plant's
spare capacity builds the other plants' remaining books; the rest is the month-end backlog. This is the only loop
over months in the model, and it runs over every draw and line at once.

Only the book carries from one month to the next, so the loop holds just that chain; what does not depend on the
book (which lines deliver, where each quote starts on the capacity curves, the invitation windows) is worked out
for every month before it, and what can be read off the stored months (which lines were capacity-bound) after it.

With a ``queue`` (capacity-driven invitations or give-ups, see :class:`Queue`), the pending reservations are stepped
here too: a cohort that has decided waits in the queue until its plant can build it within the line's invitation
lead (capacity over the lead, less the plant's order book), then locks with its lock share or takes its deposit
back; every pending reservation gives up at a hazard rising with the wait it is quoted, which counts the pending
reservations ahead of it as well as the book. Without one (Xiaomi) cohorts lock as soon as they decide
(``sim.preorders.settle``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from sim.calendar import MAX_WAIT_MONTHS
from sim.lending import Lending

# The counts of a table of capacity ahead: A(0) .. A(60), then A(60) again, so that the month after the cap adds none.
COUNTS = np.minimum(np.arange(MAX_WAIT_MONTHS + 2), MAX_WAIT_MONTHS)
_STEPS = (30, 15, 8, 4, 2, 1)  # the halving search's steps: 60 in all, each at most 1 + the steps after it
_SCAN_LIMIT = 256  # draws x lines up to which reading a whole table beats the halving search's Python steps


def cumulative(capacity: np.ndarray) -> np.ndarray:
    """Cumulative capacity along the last axis with a leading 0: column j is the capacity of months 0 .. j-1.

    ``np.cumsum`` writes straight into the curves, laid out plant by plant as the searches read them: a month-major
    running total (:func:`sim.running.running_total`) is quicker to add but several times slower to copy over.
    """
    cum = np.empty(capacity.shape[:-1] + (capacity.shape[-1] + 1,))
    cum[..., 0] = 0.0
    np.cumsum(capacity, axis=-1, out=cum[..., 1:])
    return cum


class _Ahead:
    """Capacity still to come, as a buyer of each line is quoted it in each month, read off flat cumulative curves.

    A quote in month t counts from ``starts[t]`` (per draw and line): the capacity of the line's plant over the
    next n months, plus what the other plants may lend over those months when ``spill`` is given: ``spill`` x their
    capacity beyond their own delivering books, never negative. Where each quote starts on every plant's curve is
    found for every month at once (and, with ``tabulate``, the whole table of counts); only the books change from
    month to month.
    """

    def __init__(self, capacity, plant_of, starts, spill, *, tabulate: bool):
        n_draws, n_plants, width = capacity.shape
        self.flat = cumulative(capacity).ravel()
        curve_rows = np.arange(n_draws)[:, None] * n_plants  # (draws, 1): where a draw's first plant curve sits
        width += 1
        self.own_row = (((curve_rows + plant_of) * width)[None] + starts)[..., None]  # (months, draws, lines, 1)
        self.own_base = self.flat.take(self.own_row)
        if not tabulate:  # where the halving search reads its last A(n + 1), 59 months on
            self.own_last = self.own_row + (MAX_WAIT_MONTHS - 1)
        self.spill, self.tabulate = None if spill is None else spill[:, :, None], tabulate
        if spill is not None:  # every plant's curve, plants on the first axis: (months, plants, draws, lines, 1)
            rows = (curve_rows[None] + np.arange(n_plants)[:, None, None]) * width
            self.plant_row = (rows[None] + starts[:, None])[..., None]
            # A line's own plant lends it nothing: from an infinite base its spare capacity is never above 0.
            own = np.arange(n_plants)[:, None, None, None] == plant_of[..., None]
            self.plant_base = np.where(own, np.inf, self.flat.take(self.plant_row))
        if tabulate:  # few draws: A(COUNTS) of every month at once, less what the books take (small tables)
            self.own_table = self.flat.take(self.own_row + COUNTS) - self.own_base
            if spill is not None:
                self.spare_table = self.flat.take(self.plant_row + COUNTS) - self.plant_base

    def quote(self, t: int, plant_books: np.ndarray):
        """Capacity ahead in month ``t``, the plants' delivering books being ``plant_books`` (draws, plants).

        Returns:
            With ``tabulate`` the table of A(COUNTS), (draws, lines, 62); otherwise a function of whole counts n,
            (draws, lines, k) or (k,), giving A(n), (draws, lines, k).
        """
        books = plant_books.T[:, :, None, None]  # (plants, draws, 1, 1)
        if self.tabulate:
            if self.spill is None:
                return self.own_table[t]
            lent = np.maximum(self.spare_table[t] - books, 0.0).sum(axis=0)  # plant by plant, in order
            return self.own_table[t] + self.spill * lent
        own_row, own_base = self.own_row[t], self.own_base[t]
        if self.spill is None:
            return _OwnCurve(self.flat, own_row, own_base, self.own_last[t])
        plant_row, plant_base = self.plant_row[t], self.plant_base[t]

        def available(n):
            plants_first = (slice(None),) + (None,) * (n.ndim - 3)  # room for n's axes before (draws, lines, k)
            spare = self.flat.take(plant_row[plants_first] + n) - plant_base[plants_first] - books[plants_first]
            lent = np.maximum(spare, 0.0).sum(axis=0)
            return self.flat.take(own_row + n) - own_base + self.spill * lent

        return available


@dataclass(frozen=True)
class _OwnCurve:
    """A(n) read off each line's own plant curve: ``flat[row + n] - base`` (no plant lends); ``last``: row + 59."""

    flat: np.ndarray
    row: np.ndarray
    base: np.ndarray
    last: np.ndarray

    def __call__(self, n):
        return self.flat.take(self.row + n) - self.base


def _capacity_at(available, n: np.ndarray) -> np.ndarray:
    """A(n) for whole counts n (draws, lines, k), from a function of n or read off a table of A(COUNTS)."""
    if callable(available):
        return available(n)
    return available.ravel()[_row_starts(available.shape[:-1])[..., None] + n]


@lru_cache(maxsize=32)
def _row_starts(shape: tuple[int, ...]) -> np.ndarray:
    """Where each row of a flat (shape + COUNTS.shape) table starts (read-only: built once per shape)."""
    starts = np.arange(0, int(np.prod(shape)) * COUNTS.size, COUNTS.size).reshape(shape)
    starts.flags.writeable = False
    return starts


def months_to_deliver(book: np.ndarray, available) -> np.ndarray:
    """Fractional months, from the quoting month on, that ``available(n)`` needs to reach ``book`` (capped at 60).

    Args:
        book: (draws, lines) cars to deliver, or (k, draws, lines) for k books read off the same capacity.
        available: n -> capacity of the next n months, non-decreasing in n, 0 at n = 0; n is (..., draws, lines, j)
            or (j,) and the result (..., draws, lines, j) (or (j,) where it is the same for every draw and line). Or
            the table of it at ``COUNTS``, (draws, lines, 62).

    Notes:
        The wait is n + (book - A(n)) / (A(n+1) - A(n)) for the largest n in 0..60 with A(n) < book, counted off
        the table of the counts for few draws, found by halving steps on every draw and line at once for many.
    """
    if callable(available) and book.size <= _SCAN_LIMIT:  # few draws: read the table at once
        available = available(COUNTS)
    if callable(available):
        low, used, rate = _bracket_by_halving(book, available)
    else:
        low, used, rate = _bracket_in_table(book, available)
    fraction = _ratio(book - used, rate)
    np.maximum(fraction, 0.0, out=fraction)
    wait = np.add(low, np.minimum(fraction, 1.0, out=fraction), out=fraction)
    return np.minimum(wait, MAX_WAIT_MONTHS, out=wait)


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """part / whole where whole > 0, else 0, for a finite part (a division by infinity: cheaper than a masked one)."""
    return part / np.where(whole > 0, whole, np.inf)


def _bracket_in_table(book: np.ndarray, ahead: np.ndarray):
    """(n, A(n), A(n+1) - A(n)) for the largest n with A(n) < book (0 if none), counted off the table A(COUNTS).

    A(0) = 0 and A never falls, so n is the number of counts 1 .. 60 whose capacity falls short of the book.
    """
    low = (ahead[..., 1:-1] < book[..., None]).sum(axis=-1)
    at = _row_starts(ahead.shape[:-1]) + low
    flat = ahead.ravel()
    used = flat[at]
    return low, used, flat[at + 1] - used


def _bracket_by_halving(book: np.ndarray, available):
    """(n, A(n), A(n+1) - A(n)) for the largest n with A(n) < book (0 if none), by halving steps.

    n climbs by each of ``_STEPS`` whose capacity still falls short of the book: each step is at most one more than
    the steps after it add up to, and all add up to 60, so the climb stops at n whatever it is.
    """
    target = book[..., None]
    if isinstance(available, _OwnCurve):  # the usual case: each step reads the line's own curve at once
        return _bracket_on_curve(target, available)
    low = np.zeros(target.shape, dtype=np.int64)
    for step in _STEPS:
        low += step * (available(low + step) < target)
    used = available(low)
    return low[..., 0], used[..., 0], (available(np.minimum(low + 1, MAX_WAIT_MONTHS)) - used)[..., 0]


def _bracket_on_curve(target: np.ndarray, curve: _OwnCurve):
    """:func:`_bracket_by_halving` on one plant's curve: the same comparisons, on positions along the flat curves
    (fewer array operations a step than counts turned into positions each time)."""
    flat, start, base = curve.flat, curve.row, curve.base
    at = start.copy()
    ahead, short = np.empty(at.shape), np.empty(at.shape, dtype=bool)  # each step's A(n) and comparison, reused
    for step in _STEPS:
        # flat[step:] starts ``step`` further on: its entry at is flat[at + step], without adding the step first.
        # Every position lies inside its curve (each runs 61 months past any quote's start), so "clip" clips none.
        flat[step:].take(at, out=ahead, mode="clip")
        np.less(np.subtract(ahead, base, out=ahead), target, out=short)
        at += short * step
    used = np.subtract(flat.take(at), base, out=ahead)
    rate = flat[1:].take(np.minimum(at, curve.last))  # at + 1, at most 60 on
    rate -= base
    rate -= used
    return (at - start)[..., 0], used[..., 0], rate[..., 0]


def _quoted(to_clear: np.ndarray, available, until_start: np.ndarray, enabled: np.ndarray, out=None) -> np.ndarray:
    """The wait quoted behind ``to_clear`` cars: months until first delivery plus months to build them (0 if off).

    ``until_start`` in months and ``enabled`` as 0 or 1, both floats; ``out``: where to write it, if given.
    """
    wait = np.add(until_start, months_to_deliver(to_clear, available), out=out)
    return np.multiply(np.minimum(wait, MAX_WAIT_MONTHS, out=wait), enabled, out=wait)


class _Plants:
    """Moves (draws, lines) values to (draws, plants) sums and back, by flat indices computed once."""

    def __init__(self, plant_of: np.ndarray, n_plants: int):
        self.slots = np.arange(plant_of.shape[0])[:, None] * n_plants + plant_of  # (draws, lines)
        self.flat_slots = self.slots.ravel()
        self.shape = (plant_of.shape[0], n_plants)

    def total(self, values: np.ndarray) -> np.ndarray:
        """Sum each plant's lines: (draws, plants)."""
        sums = np.bincount(self.flat_slots, weights=values.ravel(), minlength=self.shape[0] * self.shape[1])
        return sums.reshape(self.shape)

    def of_line(self, values: np.ndarray) -> np.ndarray:
        """Each line's plant's value: (draws, lines) from (draws, plants)."""
        return values.ravel()[self.slots]

    def of_line_by_month(self, values: np.ndarray) -> np.ndarray:
        """Each line's plant's value in every month: (months, draws, lines) from (months, draws, plants)."""
        return values.reshape(len(values), -1)[:, self.slots]


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


class _Pending:
    """The reservations of a :class:`Queue` not yet ordered nor refunded, stepped month by month.

    Waiting cohorts sit in the slot of their decision month (slot n_months: past the horizon); decided ones are
    ``ready``. Index 0 counts reservations, index 1 those among them who will lock when invited. A line's
    invitation window in each month, max(0, lead - months until first delivery), is found for every month at once.
    """

    def __init__(self, queue: Queue, until_start: np.ndarray, enabled: np.ndarray, plants: _Plants):
        n_draws, n_lines, n_months = queue.reservations.shape
        self.due = np.zeros((2, n_draws, n_lines, n_months + 1))
        self.due_flat = self.due.reshape(-1)  # a view
        self.ready = np.zeros((2, n_draws, n_lines))
        invite_all = queue.invite_lead_months >= MAX_WAIT_MONTHS  # at the cap: invited as they decide, no queue
        self.at_once, self.queues = enabled & invite_all, (~invite_all).astype(float)
        self.on, self.plants, self.giveup_slope = enabled.astype(float), plants, queue.giveup_slope
        by_month = np.moveaxis(
            [queue.reservations, queue.reservations * queue.locks, np.minimum(queue.decides, n_months)], -1, 1
        )  # (3, months, draws, lines)
        self.joining = by_month[:2]  # reservations and their lockers
        cells = np.arange(2 * n_draws * n_lines).reshape(2, 1, n_draws, n_lines) * (n_months + 1)
        self.slot = np.moveaxis(cells + by_month[2].astype(np.int64), 1, 0)  # where each cohort sits in ``due_flat``
        window = np.clip(queue.invite_lead_months - until_start, 0.0, MAX_WAIT_MONTHS)  # (months, draws, lines)
        whole = np.floor(window).astype(np.int64)
        self.window_counts = np.stack([whole, np.minimum(whole + 1, MAX_WAIT_MONTHS)], axis=-1)
        self.window_part = window - whole

    def invite(self, t: int, available, plant_backlog: np.ndarray):
        """The month's cohorts join, then the ready ones are invited as far as their plant has room.

        Room: what the plant can build within the line's window (linear within its last month), less its backlog
        ``plant_backlog`` (draws, plants), at least 0; ``available``: the capacity ahead of that backlog.

        Returns:
            (new orders, declined invitations), (draws, lines).
        """
        self.due_flat[self.slot[t]] += self.joining[:, t]
        self.ready += self.due[:, :, :, t]
        ahead = _capacity_at(available, self.window_counts[t])
        whole = ahead[..., 0]
        within = whole + self.window_part[t] * (ahead[..., 1] - whole)
        room = np.maximum(within - self.plants.of_line(plant_backlog), 0.0)
        lockers = self.plants.of_line(self.plants.total(self.ready[1]))
        share = np.minimum(1.0, np.divide(room, lockers, out=np.ones_like(room), where=lockers > 0))
        invited = np.where(self.at_once, 1.0, share * self.on)
        new_orders = invited * self.ready[1]
        declined = invited * (self.ready[0] - self.ready[1])
        self.ready *= 1.0 - invited
        return new_orders, declined

    def ahead_of_new(self, t: int) -> np.ndarray:
        """The lockers a reservation made in month ``t`` would queue behind (none where invited at once)."""
        self.later = self.due[:, :, :, t + 1 :].sum(axis=-1)
        return (self.later[1] + self.ready[1]) * self.queues

    def give_up(self, t: int, quoted: np.ndarray, patience_months: np.ndarray, declined: np.ndarray):
        """Pending reservations give up as their ``quoted`` wait passes patience.

        Returns:
            (refunds: declined invitations and give-ups, reservations still pending), (draws, lines).
        """
        give_up = np.minimum(1.0, self.giveup_slope * np.maximum(0.0, quoted - patience_months))
        refunds = declined + give_up * (self.later[0] + self.ready[0])
        stay = 1.0 - give_up
        self.due[:, :, :, t + 1 :] *= stay[None, :, :, None]
        self.ready *= stay
        return refunds, stay * self.later[0] + self.ready[0]


def _capacity_bound(out: dict[str, np.ndarray], delivering: np.ndarray, short: np.ndarray) -> np.ndarray:
    """Delivering lines whose plant left part of the books unbuilt (``short``) and that kept a backlog.

    Notes:
        backlog > 1e-9 max(remaining, 1), remaining = book - cancellations; worked in place on one buffer.
    """
    threshold = np.subtract(out["book"], out["cancellations"])
    np.maximum(threshold, 1.0, out=threshold)
    threshold *= 1e-9
    bound = np.greater(out["backlog"], threshold)
    bound &= short
    bound &= delivering
    return bound


_BOOK_KEYS = ("wait_months", "cancellations", "deliveries", "backlog", "book")
_QUEUE_KEYS = ("orders", "refunds", "pending")


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
    lending: Lending | None = None,
    bound: bool = True,
):
    """Step the order book through every month.

    Args:
        orders: (draws, lines, months) locked orders joining the book.
        capacity: (draws, plants, months + ahead) cars each plant can build, running at least 61 months past the
            last month a wait is quoted from (the run's last month or a line's first delivery month).
        plant_of: (draws, lines) index of the plant that builds each line.
        deliveries_start: (draws, lines) first delivery month index; enabled: (draws, lines) bool.
        spill, patience_months, cancel_base, cancel_slope: (draws, 1).
        lending: what plants lend to other plants' lines (``sim.lending``), or None.
        bound: also mark the capacity-bound months (a single run's tables show them; batches of draws skip them).

    Returns:
        dict of (draws, lines, months) arrays: wait_months, cancellations, deliveries, backlog, book (the book each
        wait was read off, for book-weighted averages) and capacity_bound (the line's plant, with what it could
        borrow, could not build the line's whole book that month). With a ``queue`` also orders, refunds and pending
        (the invited orders, declined invitations plus give-ups, and the reservations still waiting), and
        wait_months is the wait quoted to a new reservation (book plus the pending reservations ahead). With
        ``lending`` also plant_capacity, (draws, plants, months): what each plant built for, after lending.

    Notes:
        wait_i = (months until first delivery) + months of capacity, from max(t, deliveries_start_i), needed to
        deliver the delivering books of the line's plant (plus the line's own book if it is not delivering yet);
        hazard = min(1, base + slope * max(0, wait - patience)); deliveries_i = book_i * min(1, capacity_k / sum of
        plant k's delivering books), then the other plants' spare capacity times ``spill`` serves what is left.
        With lending, capacity_k is after what plant k lent or borrowed that month, and the books to clear are
        read off the plant's own curve as ``Lending.to_clear`` gives them; invitations read the plants' own curves.
        With a queue: invited share f = min(1, room / ready lockers of the plant), room = capacity over
        max(0, lead - months until first delivery) less the plant's backlog; give-up hazard =
        min(1, giveup_slope * max(0, quoted wait - patience)), quoted wait read off book + pending lockers.
    """
    n_draws, n_lines, n_months = orders.shape
    plants = _Plants(plant_of, capacity.shape[1])
    lent_by = spill if np.any(spill > 0) else None  # dedicated plants skip the lending arithmetic
    tabulate = n_draws * n_lines <= _SCAN_LIMIT  # few draws: each month's quotes read one table of A(0 .. 60)
    # Month-major (months, draws, ...) from here on, month t of each array one block; masks as 0 or 1 floats.
    months = np.arange(n_months)[:, None, None]
    # months until first delivery, subtracted as floats (whole numbers: exact) rather than cast afterwards
    until_start = np.maximum(deliveries_start.astype(float) - months, 0.0)
    delivering = enabled & (months >= deliveries_start)
    delivers = delivering.astype(float)
    on = enabled.astype(float)
    # a quote counts capacity from the quoting month or the line's first delivery month, whichever is later
    ahead = _Ahead(capacity, plant_of, np.maximum(months, deliveries_start), lent_by, tabulate=tabulate)
    can_build = np.moveaxis(capacity[:, :, :n_months], -1, 0).copy()
    orders_by_month = np.moveaxis(orders, -1, 0).copy()
    # Per-draw values spread over the lines: same-shaped operands run in one pass, not one pass per draw.
    patience_months, cancel_base, cancel_slope = (
        np.broadcast_to(v, (n_draws, n_lines)).copy() for v in (patience_months, cancel_base, cancel_slope)
    )
    pending = None if queue is None else _Pending(queue, until_start, enabled, plants)
    # Every month of these is written in the loop below.
    out = {k: np.empty((n_months, n_draws, n_lines)) for k in _BOOK_KEYS + (_QUEUE_KEYS if queue else ())}
    claims, unbuilt = np.empty((2, n_months) + plants.shape)  # per plant: its lines' books and what it left unbuilt
    lent_capacity = None if lending is None else np.empty((n_months,) + plants.shape)  # after lending
    backlog = np.zeros((n_draws, n_lines))
    for t in range(n_months):
        if pending is not None:
            plant_backlog = plants.total(backlog * enabled)
            new_orders, declined = pending.invite(t, ahead.quote(t, plant_backlog), plant_backlog)
        else:
            new_orders = orders_by_month[t]
        book = np.add(backlog, new_orders, out=out["book"][t])
        delivering_book = book * delivers[t]
        plant_books = plants.total(delivering_book)
        to_clear = plants.of_line(plant_books) + (book - delivering_book)  # plus its own book if not delivering
        if lending is not None:  # quoted at this month's lending (sim.lending)
            to_clear = lending.to_clear(t, to_clear, plants.total(book))
        available = ahead.quote(t, plant_books)
        if pending is None:
            wait = _quoted(to_clear, available, until_start[t], on, out=out["wait_months"][t])
        else:  # a new reservation is quoted behind the pending lockers too; both waits read the same capacity
            queued = pending.ahead_of_new(t)
            delivering_queue = queued * delivers[t]
            to_quote = to_clear + plants.of_line(plants.total(delivering_queue)) + (queued - delivering_queue)
            waits = _quoted(np.stack([to_clear, to_quote]), available, until_start[t], on)
            wait, out["wait_months"][t] = waits[0], waits[1]
            out["refunds"][t], out["pending"][t] = pending.give_up(t, out["wait_months"][t], patience_months, declined)
            out["orders"][t] = new_orders
        # hazard = min(1, base + slope * max(0, wait - patience)), worked in the month's cancellations in place
        cancellations = np.subtract(wait, patience_months, out=out["cancellations"][t])
        np.maximum(0.0, cancellations, out=cancellations)
        cancellations *= cancel_slope
        np.add(cancel_base, cancellations, out=cancellations)
        np.minimum(1.0, cancellations, out=cancellations)
        cancellations *= book
        remaining = book - cancellations
        to_build = remaining * delivers[t]
        claim = plants.total(to_build)
        if lending is None:
            capacity_now = can_build[t]
            built = np.minimum(capacity_now, claim)
        else:
            built, capacity_now = lending.build(t, can_build[t], claim)
            lent_capacity[t] = capacity_now
        if lent_by is not None or bound:
            leftover = claim - built
        if lent_by is not None:
            pool = spill * (capacity_now - built).sum(axis=1, keepdims=True)
            wanted = leftover.sum(axis=1, keepdims=True)
            lent = leftover * np.minimum(1.0, _ratio(pool, wanted))
            built, leftover = built + lent, leftover - lent
        if bound:
            claims[t], unbuilt[t] = claim, leftover
        deliveries = np.multiply(to_build, plants.of_line(_ratio(built, claim)), out=out["deliveries"][t])
        backlog = np.subtract(remaining, deliveries, out=out["backlog"][t])
    if bound:
        out["capacity_bound"] = _capacity_bound(
            out, delivering, plants.of_line_by_month(unbuilt > 1e-9 * np.maximum(claims, 1.0))
        )
    if lending is not None:
        out["plant_capacity"] = lent_capacity
    return {k: np.moveaxis(v, 0, -1) for k, v in out.items()}
