"""English: the Model tab: the mechanisms and their equations, the fit, the checks and the sources."""

TEXT = {
    # checks in view (ui/checks.py) and the Model tab's sources
    "checks.heading": "Checks on the scenario on screen",
    "checks.caption": "Stock-flow balances of the model for this scenario: the largest residual over all months "
    "(cars or people). A balance passes under half a car.",
    "checks.orders": "Orders = deliveries + cancellations + order book",
    "checks.reservations": "Reservations = orders + refunds + pending",
    "checks.capacity": "Deliveries ≤ plant capacity (largest excess)",
    "checks.col.check": "Balance",
    "checks.col.line": "Line",
    "checks.col.residual": "Largest residual",
    "checks.col.ok": "Result",
    "checks.pass": "pass",
}
