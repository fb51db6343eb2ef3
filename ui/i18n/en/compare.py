"""English: the Compare tab: saving, comparing, explaining and exporting scenarios."""

from sim.scenarios import V1_NOTICE

TEXT = {
    # the Compare tab (ui/compare.py, ui/compare_charts.py, ui/saved.py)
    "compare.intro": "Save the scenario on screen, move the levers, save again, and compare. The link carries them "
    "all.",
    "compare.on_screen": "On screen",
    "compare.name": "Name",
    "compare.name.placeholder": "e.g. Ultra at 529,900",
    "compare.save": "Save scenario",
    "compare.remove": "Remove",
    "compare.changes.one": "{count} change from base",
    "compare.changes.other": "{count} changes from base",
    "compare.inconsistent": "Off while the levers are inconsistent (see the error above): the page shows the last "
    "valid scenario.",
    "compare.reference": "Reference",
    "compare.reference.help": "Deltas and the waterfall start here.",
    "compare.cumulative": "Cumulative deliveries",
    "compare.monthly": "Deliveries per month",
    "compare.scenario": "Scenario",
    "compare.col.kpi": "KPI",
    "compare.col.reference": "{name} (reference)",
    "compare.col.delta": "Δ {name}",
    "compare.save_another": "Save another scenario to see what explains the difference.",
    "compare.why": "Why did it change?",
    "compare.same": "'{target}' and '{reference}' have the same parameters: nothing to explain.",
    "compare.waterfall.caption": "Each bar is a group's share of the difference: its average effect over every order "
    "in which the groups could change (Shapley values), so the bars add up exactly. A line's launch months move "
    "together. The axis spans the steps, so the two totals are cut at its left edge.",
    "compare.group.line": "{line}: {what}",
    "compare.group.all": "all levers",
    "compare.group.timing": "launch timing",
    "compare.kind.total": "total",
    "compare.kind.increase": "increase",
    "compare.kind.decrease": "decrease",
    "compare.tip.step": "Step",
    "compare.tip.amount": "Amount",
    "compare.tip.total": "Running total",
    "compare.tip.parameters": "Changed parameters",
    "compare.export": "Take it anywhere",
    "compare.download": "Download this scenario (zip)",
    "compare.download.help": "scenario.json, monthly.csv (total and per line), kpis.json and the model version and "
    "seed.",
    "compare.upload": "Restore a scenario (.json or .zip)",
    "compare.upload.help": "A scenario.json or a bundle downloaded from this page; it replaces the scenario on the "
    "sliders.",
    "compare.name_taken": "'{name}' is a name the page uses itself ('{on_screen}', a preset, a table column); pick "
    "another name.",
    "compare.link_error": "The saved scenarios in this link could not be read, so they were left out. {problem}",
    "compare.save.inconsistent": "Nothing was saved: the levers are inconsistent, so the page shows another "
    "scenario. {error}",
    "compare.save.no_name": "Give the scenario a name to save it.",
    "compare.save.too_many": "At most {most} scenarios can be saved; remove one first.",
    "compare.saved": "Saved '{name}'.",
    "compare.saved.replaced": "Saved '{name}', replacing the scenario of that name.",
    "compare.upload.error": "'{file}' could not be restored: {problem} The scenario on the page is unchanged.",
    "compare.upload.done": "Restored the scenario from '{file}'.",
    # what changed from model v1 to v2, told to whoever opens a v1 scenario (sim.scenarios.V1_NOTICE)
    "compare.v1_notice": V1_NOTICE,
}
