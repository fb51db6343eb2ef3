"""The bare page (``bare_page.py``) with its metric drawn before the sidebar, as the page draws its cards: the floor
for the latency benchmark's second comparison."""

from benchmarks.bare_page import bare_page

bare_page(metric_first=True)
