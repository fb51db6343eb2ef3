"""Named scenarios analysts start from. Each is the base with a few stated changes."""

from __future__ import annotations

from sim.params import LINES, Params


def _scaled(base: Params, names: list[str], factor: float) -> dict:
    return {n: type(base[n])(round(base[n] * factor)) for n in names}


def _build() -> tuple[dict[str, Params], dict[str, str]]:
    base = Params()
    markets = [f"{ln}.market_size" for ln in LINES]
    peaks = ["plant1.peak", "plant2.peak"]
    rivals = [f"{ln}.competitor_price" for ln in LINES]
    late = base.month("plant2.start") + 6
    presets = {
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
        "su7g2_late": (
            base.with_values({f"su7g2.{k}": str(base.month(f"su7g2.{k}") + 3) for k in ("launch", "deliveries_start")}),
            "The second-generation SU7 launches and delivers three months late.",
        ),
    }
    return {k: v[0] for k, v in presets.items()}, {k: v[1] for k, v in presets.items()}


PRESETS, PRESET_NOTES = _build()
# Presets of model v1 that v2 no longer needs, with the preset that now stands for them and why.
RENAMED_PRESETS = {
    "ultra_launch_price": (
        "base",
        "The preset 'Ultra at its launch price' of model v1 is now the base: the SU7 Ultra sells at its RMB 529,900 "
        "launch price (the pre-sale price is the 'ultra_presale_price' preset).",
    )
}


def presets_for(launch: str) -> dict[str, Params]:
    """The named scenarios of ``launch`` ('xiaomi', 'tesla_model3'), base first."""
    return PRESETS if launch == "xiaomi" else {"base": Params.base(launch)}
