"""The page's words, one catalogue per language, and the language the current page run speaks.

Each language is one folder here (``en/``, ``fr/``) with one module per area of the page (``page``, ``tabs``,
``model``, ``decisions``, ``compare``, ``parameters``, ``errors``), each holding ``TEXT``: key -> text, with
``{name}`` fields that :func:`t` fills when it is given values (a text asked for without values is used as written:
the LaTeX equations, keys ending in ``RAW_SUFFIX``). A language's catalogue is its areas together; a key lives in one
area only. Adding a language is adding a folder with the same area modules; a test holds every catalogue to the English
keys, area by area. The page calls :func:`use` once at the top of a run; the choice lives in a context variable, so
sessions (each run in its own thread) never see each other's language.
"""

from __future__ import annotations

import pkgutil
from contextvars import ContextVar
from importlib import import_module
from types import MappingProxyType

DEFAULT = "en"
RAW_SUFFIX = ".tex"  # keys of LaTeX equations: used as written, never formatted (their braces are not fields)


def _areas(lang: str) -> dict[str, dict[str, str]]:
    """The area modules of language ``lang``'s folder: area name -> its ``TEXT``."""
    folder = import_module(f"{__name__}.{lang}")
    return {
        area.name: import_module(f"{folder.__name__}.{area.name}").TEXT
        for area in pkgutil.iter_modules(folder.__path__)
    }


def _catalogue(areas: dict[str, dict[str, str]]) -> dict[str, str]:
    """One language's areas as one catalogue; a key given by two areas is an error, not a silent override."""
    merged: dict[str, str] = {}
    for area, text in areas.items():
        repeated = sorted(merged.keys() & text.keys())
        if repeated:
            raise ValueError(f"Catalogue area '{area}' repeats keys of another area: {', '.join(repeated)}.")
        merged.update(text)
    return merged


AREAS = MappingProxyType(
    {
        module.name: MappingProxyType(_areas(module.name))
        for module in pkgutil.iter_modules(__path__)
        if module.ispkg and len(module.name) == 2
    }
)
CATALOGUES = MappingProxyType({lang: MappingProxyType(_catalogue(dict(areas))) for lang, areas in AREAS.items()})
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


def t(key: str, /, **values: object) -> str:
    """The text of ``key`` in the current language, its ``{fields}`` filled from ``values`` (any names: ``key`` is
    positional only).

    Raises:
        KeyError: when no catalogue has ``key`` (a test holds every language to the same keys).
    """
    text = CATALOGUES[lang()].get(key) or CATALOGUES[DEFAULT][key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the English catalogue has ``key`` (e.g. a French label for a parameter)."""
    return key in CATALOGUES[DEFAULT]
