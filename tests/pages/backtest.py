"""The real page with only its Backtest tab, for AppTest."""

from ui import backtest, page

page.render_page({"tab.backtest": backtest.render_backtest_tab})
