"""Français : le libellé, l'unité et l'aide de chaque paramètre, construits sur les registres de chaque lancement.

Un paramètre global a son propre texte ; ceux d'une usine ou d'une gamme suivent un modèle par champ, rempli avec le
nom de l'usine, celui de la gamme ou celui de son concurrent.
"""

import re

from sim.calendar import MAX_WAIT_MONTHS
from sim.registry import LAUNCHES, get_launch

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
    "start": "{plant} : démarrage",
    "initial": "{plant} : cadence initiale",
    "peak": "{plant} : cadence de pointe",
    "ramp_months": "{plant} : montée en cadence",
    "lend": "{plant} : part produisant les gammes de {the_other}",
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
_LINE_NAMES = {"su7g2": "SU7 (2e génération)"}  # line labels that read otherwise in French

_GLOBAL_HELP = {
    "end": "Dernier mois de la simulation (elle commence en {{first}}, premier mois du lancement).",
    "patience_months": "Attente que les acheteurs acceptent avant que les annulations ne s'accélèrent.",
    "cancel_base": "Part du carnet de commandes annulée chaque mois, quelle que soit l'attente.",
    "cancel_slope": "Part d'annulation mensuelle supplémentaire pour chaque mois où l'attente annoncée dépasse la "
    "patience des acheteurs.",
    "learning_rate": "Le coût unitaire est multiplié par ce taux chaque fois que la production cumulée d'une gamme "
    "double (1 = pas d'effet d'apprentissage).",
    "refundable_weight": "Effet d'un acompte remboursable, rapporté à celui d'un acompte non remboursable, pour "
    "dissuader les acheteurs occasionnels et engager les autres (1 = le même effet, 0 = aucun effet).",
    "spill": "Part de la capacité libre d'une usine (une fois servis les carnets de ses propres gammes) qui peut "
    "produire les gammes de l'autre usine ; 0 = aucune capacité libre partagée.",
}
_PLANT_HELP = {
    "start": "Premier mois où {the_plant} produit des voitures (rien avant).",
    "initial": "Production du premier mois de l'usine.",
    "peak": "Production à pleine cadence, une fois la montée en cadence terminée.",
    "ramp_months": "Mois pour passer de la cadence initiale à la cadence de pointe (montée en S).",
    "lend": "Part de la capacité de {the_plant} qui produit d'abord les gammes de {the_other} quand celle-ci ne "
    "suffit pas (0 = usines dédiées). Elle croît au fil des mois de montée en cadence de {the_other} ; ce dont "
    "{the_other} n'a pas besoin revient aux gammes de {the_plant} le même mois.",
}
_LINE_HELP = {
    "enabled": "Gamme {line} incluse dans le scénario ; une gamme désactivée n'apporte rien.",
    "plant": "Numéro de l'usine qui produit la gamme.",
    "reservations_open": "Premier mois où les acheteurs peuvent réserver en versant un acompte.",
    "launch": "Mois où le prix définitif est annoncé ; les réservations antérieures se décident à partir de ce mois.",
    "deliveries_start": "Premier mois de livraison de la gamme.",
    "end_of_sale": "Dernier mois où la gamme prend réservations et commandes ; son carnet est encore produit et "
    "livré ensuite.",
    "price": "Prix catalogue moyen à partir du lancement, taxe comprise (le chiffre d'affaires est compté hors "
    "taxe) ; pour une gamme aux prix datés (cycle de vie), ceux-ci bougent en proportion.",
    "presale_price": "Prix affiché pendant les réservations, avant le lancement.",
    "competitor_price": "Prix du concurrent ({rival}) ; la demande est calée à parité de prix avec lui.",
    "market_size": "Acheteurs sur toute la diffusion, à parité de prix avec le concurrent.",
    "bass_p": "Part du marché restant qui réserve chaque mois d'elle-même (effet de lancement).",
    "bass_q": "Effet de bouche-à-oreille des premiers acheteurs.",
    "market_growth": "Croissance annuelle du marché de la gamme tant qu'elle est en vente : la demande se stabilise "
    "à cette croissance au lieu de s'éteindre une fois les premiers acheteurs servis.",
    "price_elasticity": "La demande varie comme (prix / prix du concurrent) élevé à la puissance moins cette "
    "élasticité ; 0 = le prix est sans effet.",
    "deposit": "Acompte versé pour réserver.",
    "deposit_refundable": "Une réservation non confirmée récupère-t-elle son acompte ?",
    "deposit_sensitivity": "Force avec laquelle l'acompte (en part du prix) dissuade les réservations "
    "occasionnelles et engage les autres.",
    "conversion": "Part des réservations qui deviennent des commandes fermes en l'absence d'acompte.",
    "lock_lag_months": "Mois entre la réservation et la décision de l'acheteur (jamais avant le lancement).",
    "unit_cost": "Coût de chacune des 10 000 premières voitures de la gamme ; les suivantes suivent le taux "
    "d'apprentissage.",
    "invite_lead_months": "Une réservation en attente n'est invitée à commander que lorsque son usine peut la "
    "produire dans ce nombre de mois ({max_wait} = invitée dès sa décision).",
    "giveup_slope": "Part mensuelle des réservations en attente qui abandonnent (et reprennent leur acompte s'il est "
    "remboursable) pour chaque mois où l'attente annoncée dépasse la patience des acheteurs (0 = les réservations "
    "attendent leur invitation).",
}


def _plant_names(label: str) -> tuple[str, str]:
    """A plant's name in French, alone and after a verb: 'Plant 1' -> ('Usine 1', "l'usine 1"); 'Fremont GA3' stays."""
    numbered = re.fullmatch(r"Plant (\d+)", label)
    plant = f"Usine {numbered[1]}" if numbered else label
    return plant, plant.replace("Usine", "l'usine") if plant.startswith("Usine") else plant


def _words(key: str, globals_: dict[str, str], plants: dict[str, str], lines: dict[str, str]) -> dict[str, str]:
    """Every parameter of launch ``key`` -> its text from the global, per-plant or per-line table, fields filled."""
    tables, words = get_launch(key).tables, {}
    for name in get_launch(key).parameters:
        owner, _, field = name.rpartition(".")
        if not owner:
            words[name] = globals_[name].format()
        elif owner in tables.plants:
            plant, the_plant = _plant_names(tables.plants[owner].label)
            other = tables.plants[owner].lends_to
            the_other = _plant_names(tables.plants[other].label)[1] if other else ""
            words[name] = plants[field].format(plant=plant, the_plant=the_plant, the_other=the_other)
        else:
            line = tables.lines[owner]
            words[name] = lines[field].format(
                line=_LINE_NAMES.get(owner, line.label), rival=line.rival, max_wait=MAX_WAIT_MONTHS
            )
    return words


def _every_launch(globals_: dict[str, str], plants: dict[str, str], lines: dict[str, str]) -> dict[str, str]:
    return {name: text for key in LAUNCHES for name, text in _words(key, globals_, plants, lines).items()}


TEXT = {
    **{f"param.{name}": text for name, text in _every_launch(_GLOBAL_PARAMS, _PLANT_FIELDS, _LINE_FIELDS).items()},
    **{f"paramhelp.{name}": text for name, text in _every_launch(_GLOBAL_HELP, _PLANT_HELP, _LINE_HELP).items()},
    "paramhelp.range": "Plage : de {low} à {high} ({unit}).",
    "paramhelp.range_no_unit": "Plage : de {low} à {high}.",
    "paramhelp.range_bool": "Activé ou désactivé.",
    "paramunit.RMB": "RMB",
    "paramunit.USD": "USD",
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
