"""The page's words, one catalogue per language, and the language the current page run speaks.

Each language is one module here (``en.py``, ``fr.py``) holding ``TEXT``: key -> text, with ``{name}`` fields that
:func:`t` fills. Adding a language is adding a file; a test holds every catalogue to the English keys. The page
calls :func:`use` once at the top of a run; the choice lives in a context variable, so sessions (each run in its
own thread) never see each other's language.
"""

from __future__ import annotations

import pkgutil
from contextvars import ContextVar
from importlib import import_module
from types import MappingProxyType

DEFAULT = "en"
CATALOGUES = MappingProxyType(
    {
        module.name: import_module(f"{__name__}.{module.name}").TEXT
        for module in pkgutil.iter_modules(__path__)
        if len(module.name) == 2
    }
)
LANGUAGES = tuple(sorted(CATALOGUES, key=lambda code: (code != DEFAULT, code)))  # English first
_CURRENT: ContextVar[str] = ContextVar("lang", default=DEFAULT)


def use(lang: str | None) -> str:
    """Speak ``lang`` (a code such as 'fr', any case) for the rest of this run; unknown codes speak English."""
    code = (lang or DEFAULT).lower()
    code = code if code in CATALOGUES else DEFAULT
    _CURRENT.set(code)
    return code


def lang() -> str:
    """The language code the current run speaks."""
    return _CURRENT.get()


def t(key: str, **values: object) -> str:
    """The text of ``key`` in the current language, its ``{fields}`` filled from ``values``.

    Raises:
        KeyError: when no catalogue has ``key`` (a test holds every language to the same keys).
    """
    text = CATALOGUES[lang()].get(key) or CATALOGUES[DEFAULT][key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the English catalogue has ``key`` (e.g. a French label for a parameter)."""
    return key in CATALOGUES[DEFAULT]
