"""The Streamlit page, split by job: widgets from the registry, cached model calls, cards, charts and tabs.

``app.py`` wires these together; everything here except ``charts`` and ``display`` talks to Streamlit.
"""
