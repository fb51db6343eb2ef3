"""Speed figures for the page (run ``python -m benchmarks.page``)."""
