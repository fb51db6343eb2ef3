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
    # Monte Carlo panel (ui/uncertainty.py)
    "mc.queued": "Queued: another Monte Carlo is running on this server; this one starts as soon as it ends.",
    "mc.running": "Running {draws} draws...",
    "mc.progress": "{done} of {total} draws",
    "mc.draws": "Draws",
    "mc.draws.help": "Scenarios drawn around this one; {draws} gives P10 and P90 to about a percent.",
    "mc.spread": "Spread",
    "mc.spread.help": "Standard deviation of the draws on the log scale ({spread}: most draws within about ±{share}).",
    "mc.seed": "Seed",
    "mc.seed.help": "The same seed gives the same draws, so results can be shared.",
    "mc.offer": "{asked} draws run on a click; below, the same scenario with {shown} draws.",
    "mc.run": "Run {draws} draws",
    "mc.target_year": "Your target: year",
    "mc.target": "Your target: deliveries in that year",
    "mc.caption": "{share} of the {draws} draws reach {level} deliveries by {month}. Bands: P10 to P90 of each month "
    "taken on its own; line: the median. Demand, ramp, patience and cost parameters are drawn around their values "
    "(lognormal, shares on the logit scale, independent); dates, prices and deposits stay fixed.",
    "mc.summary": "KPIs over the draws (P10, P50, P90, mean)",
    "mc.download": "Download every draw (CSV)",
}
