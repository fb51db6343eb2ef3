"""English: the analysis tabs: uncertainty (Monte Carlo), sensitivity and goal seek, backtest."""

TEXT = {
    # Monte Carlo summary (ui/uncertainty.py)
    "mc.col.kpi": "KPI",
    "mc.col.p10": "P10 (low)",
    "mc.col.p50": "P50 (median)",
    "mc.col.p90": "P90 (high)",
    "mc.col.mean": "Mean",
    # Uncertainty (ui/uncertainty.py)
    "fan.monthly": "Monthly deliveries (P10 to P90 band, median line)",
    "odds.label": "P(≥ {value} delivered in {year})",
    "odds.help.company": "Share of draws meeting the latest company goal for {year}.",
    "odds.help.analysts": "Share of draws meeting the analysts' forecast for {year}.",
    "odds.help.yours": "Share of draws meeting the target you typed.",
}
