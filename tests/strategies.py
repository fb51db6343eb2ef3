"""Named hypothesis strategies for the model's inputs, built from the parameter registry ``sim.PARAMETERS``.

Every strategy draws values a user could set: inside each spec's [min, max], of the spec's kind, and with the
months of each line in order (reservations_open <= launch <= deliveries_start). The horizon is kept short by
default so property tests stay fast; pass ``max_end=LAST_MONTH`` for the full range.
"""

from __future__ import annotations

from typing import Any

from hypothesis import reject
from hypothesis import strategies as st

import sim
from sim.calendar import FIRST_MONTH, LAST_MONTH, month_index, month_label
from sim.registry import PARAMETERS
from sim.tables import LINES

DEFAULT_MAX_END = "2026-12"  # the default horizon: long enough for every line to launch, short enough to be quick


def months(low: str = FIRST_MONTH, high: str = LAST_MONTH) -> st.SearchStrategy[str]:
    """A month 'YYYY-MM' between ``low`` and ``high`` inclusive."""
    return st.integers(month_index(low), month_index(high)).map(month_label)


def value_of(name: str) -> st.SearchStrategy[Any]:
    """Any valid value of parameter ``name`` on its own (months anywhere in the spec's range)."""
    spec = PARAMETERS[name]
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "month":
        return months(spec.min, spec.max)
    if spec.kind == "int":
        return st.integers(spec.min, spec.max)
    return st.floats(spec.min, spec.max, allow_nan=False, allow_infinity=False)


def ordered_months(low: str, high: str, count: int = 3) -> st.SearchStrategy[list[str]]:
    """``count`` months in non-decreasing order, each between ``low`` and ``high``."""
    return st.lists(st.integers(month_index(low), month_index(high)), min_size=count, max_size=count).map(
        lambda found: [month_label(i) for i in sorted(found)]
    )


@st.composite
def params_values(
    draw,
    *,
    max_end: str = DEFAULT_MAX_END,
    months_inside_run: bool = True,
    fixed: dict[str, Any] | None = None,
    queue: bool = False,
) -> dict[str, Any]:
    """A dict name -> value for every parameter, valid together (``Params(values)`` accepts it).

    Args:
        max_end: latest ``end`` drawn (the run starts in 2024-03).
        months_inside_run: draw the plants' and lines' months inside the run (else anywhere up to 2030-12,
            so some lines and plants may never start).
        fixed: values to use as given instead of drawing them (not checked here).
        queue: also draw the invitation lead and give-up rate (else they stay neutral, so every cohort locks or is
            refunded as it decides, as the properties of the reservation funnel assume).
    """
    fixed = dict(fixed or {})
    end = fixed.get("end") or draw(months(FIRST_MONTH, max_end))
    last = end if months_inside_run else LAST_MONTH
    values: dict[str, Any] = {"end": end}
    for line in LINES:
        keys = [f"{line}.{k}" for k in ("reservations_open", "launch", "deliveries_start")]
        for key, month in zip(keys, draw(ordered_months(FIRST_MONTH, last)), strict=True):
            values[key] = month
        values[f"{line}.end_of_sale"] = draw(months(values[keys[0]], LAST_MONTH))
    for name, spec in PARAMETERS.items():
        if name in values:
            continue
        if not queue and name.endswith((".invite_lead_months", ".giveup_slope")):
            values[name] = PARAMETERS[name].default
        elif spec.kind == "month":
            values[name] = draw(months(FIRST_MONTH, last))
        else:
            values[name] = draw(value_of(name))
    values.update(fixed)
    return values


def params_strategy(
    *,
    max_end: str = DEFAULT_MAX_END,
    months_inside_run: bool = True,
    fixed: dict[str, Any] | None = None,
    queue: bool = False,
) -> st.SearchStrategy[sim.Params]:
    """A valid ``sim.Params`` drawn over every parameter's range (see :func:`params_values`)."""
    return params_values(max_end=max_end, months_inside_run=months_inside_run, fixed=fixed, queue=queue).map(sim.Params)


def full_params_strategy() -> st.SearchStrategy[sim.Params]:
    """A valid ``sim.Params`` over the full range (queue included): horizon up to 2030-12, months anywhere."""
    return params_strategy(max_end=LAST_MONTH, months_inside_run=False, queue=True)


def plant_ramps() -> st.SearchStrategy[tuple[float, float, float]]:
    """(initial, peak, ramp_months) of a plant, each anywhere in plant 1's spec range (initial may exceed peak)."""
    return st.tuples(*(value_of(f"plant1.{k}").map(float) for k in ("initial", "peak", "ramp_months")))


@st.composite
def scenario_pairs(draw, *, max_changes: int = 5) -> tuple[sim.Params, sim.Params]:
    """A valid scenario and a second valid one that differs from it in one to ``max_changes`` parameters."""
    base = draw(params_strategy())
    names = draw(st.lists(st.sampled_from(sorted(PARAMETERS)), min_size=1, max_size=max_changes, unique=True))
    changes = {name: draw(value_of(name)) for name in names}
    try:
        return base, base.with_values(changes)
    except ValueError:  # the new months put a line's launch out of order: draw again
        reject()


# Outside text: what a crafted link, name or upload may carry (issue 12)

MARKDOWN_SNIPPETS = (
    "[Session expired - sign in again](https://evil.example/login)",
    "![p](http://host.example/pixel.png)",
    '<img src="http://host.example/p.png">',
    "<https://evil.example>",
    "www.evil.example",
    "**bold** _it_ `code`",
    ":red[x] :material/home:",
    "$x^2$",
    "# heading",
    "> quote",
    "1. list",
    "&lt;b&gt;",
    "\\[escaped\\]",
)
CONTROL_CHARACTERS = ("\x00", "\x1b", "\n", "\r", "\t", "\u202e", "\u200b", "\u2028", "\ufeff", "\x7f")
DIGIT_SETS = (
    "０１２３４５６７８９",
    "٠١٢٣٤٥٦٧٨٩",
    "۰۱۲۳۴۵۶۷۸۹",
    "०१२३४५६७८९",
)  # fullwidth, Arabic, Persian, Devanagari


def markdown_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text that would render as a link, an image, HTML or styling if shown as markdown, mixed with control
    characters and random Unicode."""
    piece = st.one_of(st.sampled_from(MARKDOWN_SNIPPETS), st.sampled_from(CONTROL_CHARACTERS), st.text(max_size=8))
    return st.lists(piece, min_size=1, max_size=4).map("".join).map(lambda text: text[:max_size])


def non_ascii_numbers(ascii_text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``ascii_text`` (numbers or months) with at least one digit written in another script's digits."""

    def translate(pair: tuple[str, str]) -> str:
        text, digits = pair
        return text.translate(str.maketrans("0123456789", digits))

    return st.tuples(ascii_text.filter(lambda t: any(c.isdigit() for c in t)), st.sampled_from(DIGIT_SETS)).map(
        translate
    )
