"""Capacity a plant lends to another plant's lines: at Xiaomi, phase 1 building YU7s beside the SU7 from mid-2025.

A plant row may name the plant it lends to (``lends_to`` in the launch's ``plants.csv``; one lending plant per
launch) and ``<plant>.lend`` is the share of its capacity it may give. The share ramps up with the receiving plant,
over its ramp-up months: in month t the lender may give at most

    cap(t) = lend x progress_r(t) x C_i(t),   progress_r(t) = min(1, (t - start_r + 1) / (ramp_r + 1)) from start_r,

so the YU7 is learnt at phase 1 as it is at phase 2 (the same parts, batteries and tooling limit both): a share of
1 / (ramp_r + 1) in the receiver's first month, all of it once its ramp-up is over. The progress counts months, not
the receiver's rate, so a higher peak at the receiver never lends less. The lender gives only what the receiver's
lines cannot build themselves, and first: its own lines get what is left. So lent capacity that is not needed goes
back to the lender's lines the same month (with the YU7 switched off, moved to plant 1 or out of orders, the SU7
gets all of plant 1).

Quoted waits count the month's lending, u x cap(t) with u the share of the cap the receiver's books need: the
receiver's capacity ahead is scaled by 1 + u cap(t) / C_r(t) (1 + u lend x C_i(t) / peak_r before the receiver
starts), for as long as its book lasts. The lender gives it until the receiver's book is built, about
G = u cap B_r / (C_r + u cap) cars in all (B_r: the receiver's book), so its lines wait for the smaller of
X / (1 - u lend x progress_r(t)) (lending all the way) and X + G (lending G, then none) months of its own capacity,
X being their book.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_LEAST_FACTOR = 1e-6  # a plant lending all its capacity quotes its own lines the capped wait, not a division by 0
RECEIVER_FIELDS = ("start", "ramp_months", "peak")  # what the lending reads of the receiving plant
_NO_CAP = 1e200  # 1 / cap where the cap is (about) 0: any shortfall uses it in full (before the receiver starts)


@dataclass(frozen=True)
class Lending:
    """The lending plant's cap and the quote coefficients for the run's months, month-major.

    Attributes:
        lender, receiver: the two plants' indices.
        start: the first month a receiver's line can hold a book (reservations open); before it nothing is lent.
        cap: (months, draws) the most the lender may give in month t; inverse: 1 / cap (``_NO_CAP`` at about 0).
        receiver_capacity: (months, draws) the receiver's own capacity; building: the same plus 1e-300.
        coefficient: (months, draws, lines) on each line's capacity ahead per unit of the cap used:
            -lend x progress_r(t) for the lender's lines, cap / C_r(t) for the receiver's, else 0.
        on_lender: (draws, lines) 1 for a line of the lender; not_lending: (draws, lines) 0 for a line of the
            lender, infinity for the others (the lending a line's book waits behind, added).
    """

    lender: int
    receiver: int
    start: int
    cap: np.ndarray
    inverse: np.ndarray
    receiver_capacity: np.ndarray
    building: np.ndarray
    coefficient: np.ndarray
    on_lender: np.ndarray
    not_lending: np.ndarray

    @classmethod
    def of(cls, capacity, lender: int, receiver: int, *, lend, plant, plant_of, opens, n_months: int):
        """The lending of plant ``lender`` to plant ``receiver`` over ``capacity`` (draws, plants, months); None
        when nothing can be lent.

        ``lend`` (draws,): the share the lender may give (0 where the receiver has no line); ``plant``: the
        receiving plant's start, ramp_months and peak, each (draws,); ``plant_of`` (draws, lines): each line's plant
        index (-1 for a line off); ``opens`` (draws, lines): each line's first month of reservations.
        """
        if not np.any(lend > 0):
            return None
        own = capacity[:, :, :n_months]
        lending, receiving = own[:, lender].T, own[:, receiver].T  # (months, draws)
        months_run = np.arange(n_months)[:, None] - plant["start"] + 1.0
        lend_ratio = lend * np.clip(months_run / (plant["ramp_months"] + 1.0), 0.0, 1.0)
        cap = lending * lend_ratio
        planned = lend * lending / np.where(plant["peak"] > 0, plant["peak"], np.inf)  # before it starts
        borrow_ratio = np.where(receiving > 0, cap / np.where(receiving > 0, receiving, 1.0), planned)
        on_lender, on_receiver = plant_of == lender, plant_of == receiver  # (draws, lines)
        lent_away = np.minimum(lend_ratio, 1.0 - _LEAST_FACTOR)  # a lender's factor stays above 0
        coefficient = on_receiver * borrow_ratio[:, :, None] - on_lender * lent_away[:, :, None]
        start = int(opens[on_receiver].min()) if on_receiver.any() else n_months
        inverse = np.full(cap.shape, _NO_CAP)  # no overflow: a cap below 1 / _NO_CAP counts as none
        np.divide(1.0, cap, out=inverse, where=cap > 1.0 / _NO_CAP)
        not_lending = np.where(on_lender, 0.0, np.inf)
        building = receiving + 1e-300  # divides the lent share of the receiver's book: 0 / 1e-300 is 0
        on_lender = on_lender * 1.0
        return cls(lender, receiver, start, cap, inverse, receiving, building, coefficient, on_lender, not_lending)

    def to_clear(self, t: int, books: np.ndarray, plant_books: np.ndarray) -> np.ndarray:
        """The books (draws, lines) each line's quote reads off its own plant's capacity in month ``t``, its
        plants' whole books being ``plant_books`` (draws, plants): a receiver's divided by its factor, a lender's
        the smaller of divided by its factor and plus the lending the receiver still needs (module notes)."""
        if t < self.start:
            return books
        whole = plant_books[:, self.receiver]  # (draws,): the receiver's book, B_r
        used = np.subtract(whole, self.receiver_capacity[t])
        used *= self.inverse[t]
        np.maximum(used, 0.0, out=used)
        np.minimum(used, 1.0, out=used)  # u, the share of the cap the receiver needs
        lent = used * self.cap[t]
        needed = lent * whole
        needed /= np.add(self.building[t], lent)  # G
        factors = self.coefficient[t] * used[:, None]
        factors += 1.0  # at least _LEAST_FACTOR: a lender's coefficient is at least _LEAST_FACTOR - 1
        behind = self.on_lender * needed[:, None]
        behind += self.not_lending
        behind += books
        return np.minimum(books / factors, behind, out=behind)

    def build(self, t: int, can_build: np.ndarray, claim: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(built, capacity) per plant, (draws, plants): the receiver's lines take what their plant cannot build
        from the lender first, up to the cap; the lender's own lines then get what is left of it."""
        if t < self.start:
            return np.minimum(can_build, claim), can_build
        lent = np.subtract(claim[:, self.receiver], self.receiver_capacity[t])
        np.maximum(lent, 0.0, out=lent)
        np.minimum(lent, self.cap[t], out=lent)
        capacity = can_build.copy()
        capacity[:, self.lender] -= lent
        capacity[:, self.receiver] += lent
        return np.minimum(capacity, claim), capacity
