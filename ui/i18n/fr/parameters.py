"""Français : le libellé, l'unité et l'aide de chaque paramètre, construits sur le registre (``sim.PARAMETERS``)."""

from sim.params import PARAMETERS
from sim.tables import LINE_LABELS, PLANTS

_GLOBAL_PARAMS = {
    "end": "Dernier mois",
    "patience_months": "Patience des acheteurs",
    "cancel_base": "Taux d'annulation de base",
    "cancel_slope": "Annulations par mois d'attente en plus",
    "learning_rate": "Taux d'apprentissage",
    "refundable_weight": "Poids d'un acompte remboursable",
    "spill": "Capacité partagée entre usines",
}
_PLANT_FIELDS = {
    "start": "Usine {n} : démarrage",
    "initial": "Usine {n} : cadence initiale",
    "peak": "Usine {n} : cadence de pointe",
    "ramp_months": "Usine {n} : montée en cadence",
}
_LINE_FIELDS = {
    "enabled": "{line} dans le scénario",
    "plant": "{line} : usine",
    "reservations_open": "{line} : ouverture des réservations",
    "launch": "{line} : lancement",
    "deliveries_start": "{line} : premières livraisons",
    "end_of_sale": "{line} : fin de commercialisation",
    "price": "{line} : prix",
    "presale_price": "{line} : prix de prévente",
    "competitor_price": "{line} : prix du concurrent",
    "market_size": "{line} : taille du marché",
    "bass_p": "{line} : innovation (Bass p)",
    "bass_q": "{line} : imitation (Bass q)",
    "market_growth": "{line} : croissance du marché",
    "price_elasticity": "{line} : élasticité-prix",
    "deposit": "{line} : acompte",
    "deposit_refundable": "{line} : acompte remboursable",
    "deposit_sensitivity": "{line} : sensibilité à l'acompte",
    "conversion": "{line} : conversion",
    "lock_lag_months": "{line} : délai de confirmation",
    "unit_cost": "{line} : coût unitaire",
    "invite_lead_months": "{line} : délai d'invitation",
    "giveup_slope": "{line} : abandons par mois d'attente en plus",
}
_LINE_NAMES = {**LINE_LABELS, "su7g2": "SU7 (2e génération)"}


def _param_label(name: str) -> str:
    if name in _GLOBAL_PARAMS:
        return _GLOBAL_PARAMS[name]
    owner, field = name.split(".", 1)
    if owner in PLANTS:
        return _PLANT_FIELDS[field].format(n=PLANTS.index(owner) + 1)
    return _LINE_FIELDS[field].format(line=_LINE_NAMES[owner])


TEXT = {
    **{f"param.{name}": _param_label(name) for name in PARAMETERS},
    "paramunit.RMB": "RMB",
    "paramunit.buyers": "acheteurs",
    "paramunit.cars/month": "voitures/mois",
    "paramunit.cost multiplier per doubling": "coût multiplié par doublement",
    "paramunit.month": "mois",
    "paramunit.months": "mois",
    "paramunit.per month": "par mois",
    "paramunit.plant number": "numéro d'usine",
    "paramunit.share": "part",
    "paramunit.share/month": "part/mois",
    "paramunit.share/month per month": "part/mois par mois",
    "paramunit.share/year": "part/an",
}
