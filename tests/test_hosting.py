"""Finding 7 of issue 12: an uncaught exception shows visitors no traceback and no server path; the full error goes
to the server's log. (``/_stcore/metrics`` is Streamlit's and public; the README says how to block it.)"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
SECRET_PATH = "/srv/app/secret/settings.py"


def test_config_hides_error_details():
    """.streamlit/config.toml sets client.showErrorDetails to "none" (unset, Streamlit shows full tracebacks)."""
    settings = tomllib.loads(CONFIG.read_text())
    assert settings["client"]["showErrorDetails"] == "none"


@pytest.fixture
def configured_error_details():
    """Streamlit's client.showErrorDetails as the config file sets it, restored afterwards."""
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", tomllib.loads(CONFIG.read_text())["client"]["showErrorDetails"])
    yield
    config.set_option("client.showErrorDetails", before)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_crash_shows_no_traceback_and_is_logged_in_full(configured_error_details):
    """A script that raises shows a generic message without the path or stack; the server log has both."""
    collect = _Collect()
    logger = logging.getLogger("streamlit.error_util")
    logger.addHandler(collect)
    try:
        app = AppTest.from_string(f"raise RuntimeError({SECRET_PATH!r})").run()
    finally:
        logger.removeHandler(collect)
    shown = " ".join(f"{e.message} {' '.join(e.stack_trace)}" for e in app.exception)
    assert app.exception and SECRET_PATH not in shown and "Traceback" not in shown
    logged = [r for r in collect.records if r.exc_info]
    assert logged and SECRET_PATH in str(logged[0].exc_info[1])
