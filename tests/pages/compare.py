"""The real page with only its Compare tab (the seed fixed at 7), for AppTest."""

from ui import compare, page

page.render_page({"tab.compare": lambda context: compare.render_compare_tab(context, seed=7)})
