"""A page with only the backtest panel, for AppTest."""

import sim
from ui.backtest import render_backtest

render_backtest(sim.Params())
