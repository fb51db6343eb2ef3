"""English: every parameter's label, unit and help, read from the registry (``sim.PARAMETERS``), the source of truth."""

from sim.params import PARAMETERS

TEXT = {
    **{f"param.{name}": spec.label for name, spec in PARAMETERS.items()},
    **{f"paramunit.{spec.unit}": spec.unit for spec in PARAMETERS.values() if spec.unit},
}
