"""A page with only the uncertainty, sensitivity and goal-seek panels, for AppTest."""

import sim
from ui.decisions import render_goal_seek, render_sensitivity_tab
from ui.uncertainty import render_uncertainty_panel

p = sim.Params()
render_uncertainty_panel(p, sim.reported(), sim.targets())
render_sensitivity_tab(p)
render_goal_seek(p)
