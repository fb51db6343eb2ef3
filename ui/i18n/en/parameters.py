"""English: every parameter's label, unit and help, read from the registry (``sim.PARAMETERS``), the source of truth."""

from sim.params import PARAMETERS

TEXT = {
    **{f"param.{name}": spec.label for name, spec in PARAMETERS.items()},
    **{f"paramhelp.{name}": spec.help for name, spec in PARAMETERS.items()},
    "paramhelp.range": "Range: {low} to {high} ({unit}).",
    "paramhelp.range_no_unit": "Range: {low} to {high}.",
    "paramhelp.range_bool": "Range: true or false.",
    **{f"paramunit.{spec.unit}": spec.unit for spec in PARAMETERS.values() if spec.unit},
}
