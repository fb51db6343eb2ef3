"""Named scenarios analysts start from, per launch. Each is the launch's base with a few stated changes.

``presets_for(key)`` gives a launch's presets (name -> ``Params``, ``base`` first) and ``preset_notes_for(key)`` one
sentence on each; ``PRESETS`` and ``PRESET_NOTES`` are Xiaomi's. Preset names are link-safe snake_case (the page's
``?preset=`` value). A launch without what-ifs of its own (a launch under test) has only its ``base``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType

from sim.params import Params
from sim.registry import LAUNCHES, Launch, get_launch

WEEKS_PER_MONTH = 52 / 12  # weekly production rates (Tesla's guidance unit) as monthly capacity

Presets = dict[str, tuple[Params, str]]  # name -> (scenario, note)


def _scaled(base: Params, names: list[str], factor: float) -> dict:
    return {n: type(base[n])(round(base[n] * factor)) for n in names}


def _xiaomi(base: Params) -> Presets:
    lines = base.package.lines
    markets = [f"{ln}.market_size" for ln in lines]
    peaks = ["plant1.peak", "plant2.peak"]
    rivals = [f"{ln}.competitor_price" for ln in lines]
    late = base.month("plant2.start") + 6
    return {
        "base": (base, "Calibrated to the reported 2024-2025 figures."),
        "bull": (
            base.with_values({**_scaled(base, markets, 1.25), **_scaled(base, peaks, 1.15)}),
            "Markets 25 % larger and plants 15 % faster at peak.",
        ),
        "bear": (
            base.with_values(
                {
                    **_scaled(base, markets, 0.75),
                    **_scaled(base, peaks, 0.9),
                    "patience_months": max(0.0, base["patience_months"] - 3),
                }
            ),
            "Markets 25 % smaller, plants 10 % slower at peak, buyers 3 months less patient.",
        ),
        "price_war": (base.with_values(_scaled(base, rivals, 0.9)), "Tesla cuts every rival price by 10 %."),
        "ultra_presale_price": (
            base.with_values({"ultra.price": base["ultra.presale_price"]}),
            "SU7 Ultra kept at its RMB 814,900 pre-sale price after launch (model v1's assumption; it launched at "
            "RMB 529,900 on 27 Feb 2025).",
        ),
        "plant2_late": (base.with_values({"plant2.start": str(late)}), "The second plant starts six months late."),
        "plant1_no_yu7": (
            base.with_values({"plant1.lend": 0.0}),
            "Plant 1 keeps all its capacity for the SU7 family: it builds no YU7s.",
        ),
        "su7g2_late": (
            base.with_values({f"su7g2.{k}": str(base.month(f"su7g2.{k}") + 3) for k in ("launch", "deliveries_start")}),
            "The second-generation SU7 launches and delivers three months late.",
        ),
    }


def _dated(launch: Launch, line: str, event: str) -> tuple[str, float]:
    """The (month, value) of the latest life-cycle row of ``line`` and ``event`` (a sourced, dated fact)."""
    return max(
        (r["month"], float(r["value"])) for r in launch.tables.lifecycle if (r["line"], r["event"]) == (line, event)
    )


def _tesla_model3(base: Params) -> Presets:
    launch = base.package
    launch_price = base["model3.price"]
    cut_month, standard = _dated(launch, "model3", "price")  # the $35,000 Standard Range (28 Feb 2019)
    target_month, per_week = _dated(launch, "fremont", "target")  # 5,000 a week by end 2017 (Tesla, Aug 2017)
    guided_peak = int(round(per_week * WEEKS_PER_MONTH, -2))
    guided_ramp = float(launch.index(target_month) - launch.index(base["fremont.start"]))
    return {
        "base": (base, "Fitted to Tesla's reported 2016-2019 Model 3 reservations, production and deliveries."),
        "no_ga4": (
            base.with_values({"ga4.initial": 0, "ga4.peak": 0}),
            "The GA4 tent line at Fremont is never built (it made about 20 % of the 5,031 Model 3 built in the last "
            "week of June 2018).",
        ),
        "standard_range_at_launch": (
            base.with_values({"model3.price": int(standard)}),
            f"The ${standard:,.0f} Standard Range (launched {cut_month}) sells from the first deliveries instead of "
            f"the ${launch_price:,} Long Range, later price steps in proportion and unit cost unchanged.",
        ),
        "fremont_as_guided": (
            base.with_values({"fremont.peak": guided_peak, "fremont.ramp_months": guided_ramp}),
            f"Fremont reaches {per_week:,.0f} Model 3 a week (about {guided_peak:,} a month) by {target_month}, as "
            "Tesla guided in 2017, instead of in the last week of June 2018.",
        ),
    }


def _base_only(base: Params) -> Presets:
    return {"base": (base, f"The base scenario of the {base.package.tables.label}, as its package sets it.")}


WHAT_IFS: Mapping[str, Callable[[Params], Presets]] = MappingProxyType(
    {"xiaomi": _xiaomi, "tesla_model3": _tesla_model3}
)  # a launch's presets from its base; a launch not listed has only its base


def _build(launch: Launch) -> tuple[dict[str, Params], dict[str, str]]:
    presets = WHAT_IFS.get(launch.key, _base_only)(Params.base(launch))
    return {k: v[0] for k, v in presets.items()}, {k: v[1] for k, v in presets.items()}


@cache
def _packaged(key: str) -> tuple[dict[str, Params], dict[str, str]]:
    return _build(get_launch(key))


def _of(launch: str | Launch) -> tuple[dict[str, Params], dict[str, str]]:
    package = get_launch(launch)
    if package.key in LAUNCHES and get_launch(package.key) is package:
        return _packaged(package.key)
    return _build(package)  # a launch under test, or one as known at a cutoff: built afresh


def presets_for(launch: str | Launch = "xiaomi") -> Mapping[str, Params]:
    """The presets of ``launch`` (a key of ``sim.LAUNCHES`` or a loaded ``Launch``): name -> ``Params``, base first.

    Raises:
        ValueError: ``launch`` is not a known launch key.
    """
    return MappingProxyType(_of(launch)[0])


def preset_notes_for(launch: str | Launch = "xiaomi") -> Mapping[str, str]:
    """One sentence on each preset of ``launch``, name -> note, in the order of :func:`presets_for`."""
    return MappingProxyType(_of(launch)[1])


PRESETS, PRESET_NOTES = _packaged("xiaomi")  # Xiaomi's, the default launch
# Presets of model v1 that v2 no longer needs, with the preset that now stands for them and why.
RENAMED_PRESETS = {
    "ultra_launch_price": (
        "base",
        "The preset 'Ultra at its launch price' of model v1 is now the base: the SU7 Ultra sells at its RMB 529,900 "
        "launch price (the pre-sale price is the 'ultra_presale_price' preset).",
    )
}
