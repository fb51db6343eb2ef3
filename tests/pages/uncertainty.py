"""The real page with the Uncertainty and the Sensitivity and goal seek panels in one tab, for AppTest."""

from ui import decisions, page, uncertainty


def both(context):
    """The Monte Carlo panel, then the tornado and goal seek."""
    uncertainty.render_uncertainty_tab(context)
    decisions.render_decisions_tab(context)


page.render_page({"tab.uncertainty": both}, dict.fromkeys(uncertainty.LINK_KEYS, uncertainty.link_problem))
