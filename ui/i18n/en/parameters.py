"""English: every parameter's label, unit and help, read from the registries of every launch (``sim.LAUNCHES``), the
source of truth."""

from sim.registry import LAUNCHES, get_launch

_SPECS = {name: spec for key in LAUNCHES for name, spec in get_launch(key).parameters.items()}
# The help of a parameter every launch has but words with its own dates: fields the page fills (ui.param_words).
_SHARED_HELP = {"end": "Last month of the run (it starts in {first}, the launch's first month)."}

TEXT = {
    **{f"param.{name}": spec.label for name, spec in _SPECS.items()},
    **{f"paramhelp.{name}": _SHARED_HELP.get(name, spec.help) for name, spec in _SPECS.items()},
    "paramhelp.range": "Range: {low} to {high} ({unit}).",
    "paramhelp.range_no_unit": "Range: {low} to {high}.",
    "paramhelp.range_bool": "Range: true or false.",
    **{f"paramunit.{spec.unit}": spec.unit for spec in _SPECS.values() if spec.unit},
}
