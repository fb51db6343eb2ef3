"""Revenue, unit cost on a learning curve, gross profit, and the cash that deposits hold."""

from __future__ import annotations

import numpy as np

from sim.masked import power_or_one
from sim.running import running_total

LEARNING_BATCH = 10_000  # unit_cost is the cost of each of a line's first 10,000 cars


def unit_cost_curve(deliveries, unit_cost, learning_rate):
    """Unit cost of each month's cars, given the line's deliveries before that month.

    Notes:
        cost = unit_cost * max(1, N / 10,000) ** log2(learning_rate), N = cumulative deliveries before the month.
    """
    before = running_total(deliveries) - deliveries
    return unit_cost * power_or_one(np.maximum(1.0, before / LEARNING_BATCH), np.log2(learning_rate))


def money_flows(
    *,
    deliveries,
    refunds,
    cancellations,
    pending,
    backlog,
    price,
    deposit,
    deposit_refundable,
    unit_cost,
    learning_rate,
    sales_tax=0.0,
):
    """Revenue, gross profit, deposits held and deposits forfeited, all (draws, lines, months) in RMB.

    ``price`` is the list price a buyer pays, tax included. The company books it net of the sales tax in it
    (``sales_tax``, e.g. China's 13 % VAT), as its reported revenue and average selling price are: revenue =
    deliveries * price / (1 + sales_tax). A refund keeps its deposit only when the deposit is refundable; a
    cancelled locked order always forfeits it.
    """
    net_price = price / (1.0 + sales_tax)
    revenue = deliveries * net_price
    gross_profit = deliveries * (net_price - unit_cost_curve(deliveries, unit_cost, learning_rate))
    deposits_held = deposit * (pending + backlog)
    forfeited = deposit * (np.where(deposit_refundable, 0.0, refunds) + cancellations)
    return {
        "revenue": revenue,
        "gross_profit": gross_profit,
        "deposits_held": deposits_held,
        "forfeited_deposits": forfeited,
    }
