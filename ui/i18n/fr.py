"""Les mots de la page en français. Mêmes clés que ``en.py`` (un test le vérifie); ``{nom}`` est rempli par ``t()``."""

import re

from sim.params import LAUNCHES, get_launch

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


def _plant_name(label: str) -> str:
    numbered = re.fullmatch(r"Plant (\d+)", label)
    return f"Usine {numbered[1]}" if numbered else label  # 'Plant 1' -> 'Usine 1'; 'Fremont GA3' stays


def _param_labels(key: str) -> dict[str, str]:
    """Every parameter of launch ``key`` -> its French label."""
    tables, labels = get_launch(key).tables, {}
    for name in get_launch(key).parameters:
        owner, _, field = name.rpartition(".")
        if not owner:
            labels[name] = _GLOBAL_PARAMS[name]
        elif owner in tables.plants:
            labels[name] = _PLANT_FIELDS[field].format(plant=_plant_name(tables.plants[owner].label))
        else:
            labels[name] = _LINE_FIELDS[field].format(line=_LINE_NAMES.get(owner, tables.lines[owner].label))
    return labels


_PARAM_LABELS = {name: label for key in LAUNCHES for name, label in _param_labels(key).items()}


TEXT = {
    "language.name": "Français",
    "not_reached": "non atteint",
    "unit.cars": "voitures",
    "unit.months": "{value} mois",
    "unit.month_shift": "{value} mois",
    "unit.points": "{value} pts",
    "unit.money_bn": "Md {code}",
    "unit.money_m": "M {code}",
    "money.bn": "{value} Md {code}",
    "money.m": "{value} M {code}",
    "money.k": "{value} k {code}",
    "money.unit": "{value} {code}",
    "kpi.title": "{label} ({unit})",
    "kpi.deliveries_year": "Livraisons {year}",
    "kpi.deliveries_year.help": "Voitures livrées de janvier à décembre {year}, toutes gammes.",
    "kpi.revenue_year": "Chiffre d'affaires {year}",
    "kpi.revenue_year.help": "Chiffre d'affaires des voitures livrées en {year}.",
    "kpi.gross_margin_year": "Taux de marge brute {year}",
    "kpi.gross_margin_year.help": "Marge brute divisée par le chiffre d'affaires, {year}.",
    "kpi.month_100k": "100 000e livraison",
    "kpi.month_100k.help": "Le mois où les livraisons cumulées dépassent 100 000.",
    "kpi.peak_backlog": "Carnet de commandes maximal",
    "kpi.peak_backlog.help": "Le plus grand nombre de commandes fermes en attente d'une voiture en fin de mois.",
    "kpi.max_wait_months": "Attente maximale",
    "kpi.max_wait_months.help": "Le délai le plus long annoncé à un nouvel acheteur, moyenné sur les carnets.",
    "kpi.reservations_total": "Réservations",
    "kpi.reservations_total.help": "Acomptes versés sur la période.",
    "kpi.orders_total": "Commandes fermes",
    "kpi.orders_total.help": "Réservations devenues commandes fermes sur la période.",
    "kpi.cancellations_total": "Annulations",
    "kpi.cancellations_total.help": "Commandes fermes annulées avant livraison sur la période.",
    "kpi.refunds_total": "Remboursements",
    "kpi.refunds_total.help": "Réservations non confirmées et abandonnées sur la période.",
    "kpi.revenue_total": "Chiffre d'affaires sur la période",
    "kpi.revenue_total.help": "Chiffre d'affaires des voitures livrées sur la période.",
    "kpi.deliveries_total": "Livraisons sur la période",
    "kpi.deliveries_total.help": "Voitures livrées sur la période, toutes gammes.",
    "kpi.gross_profit_total": "Marge brute sur la période",
    "kpi.gross_profit_total.help": "Chiffre d'affaires moins le coût des voitures livrées sur la période.",
    "kpi.gross_margin": "Taux de marge brute sur la période",
    "kpi.gross_margin.help": "Marge brute divisée par le chiffre d'affaires sur la période.",
    "kpi.peak_deposits_held": "Acomptes détenus au maximum",
    "kpi.peak_deposits_held.help": "Le plus grand montant détenu en acomptes sur réservations et commandes en attente.",
    "preset.base": "Base (calibrée)",
    "preset.base.note": "Calibré sur tous les chiffres publiés du lancement.",
    "preset.bull": "Optimiste : marchés plus grands, usines plus rapides",
    "preset.bull.note": "Marchés 25 % plus grands et usines 15 % plus rapides à pleine cadence.",
    "preset.bear": "Pessimiste : marchés plus petits, usines plus lentes",
    "preset.bear.note": "Marchés 25 % plus petits, usines 10 % plus lentes, acheteurs patients 3 mois de moins.",
    "preset.price_war": "Guerre des prix avec Tesla",
    "preset.price_war.note": "Tesla baisse chaque prix concurrent de 10 %.",
    "preset.ultra_presale_price": "SU7 Ultra maintenue à son prix de prévente",
    "preset.ultra_presale_price.note": (
        "SU7 Ultra maintenue à son prix de prévente de 814 900 RMB après le lancement (lancée à 529 900 RMB le "
        "27 février 2025)."
    ),
    "preset.plant2_late": "Deuxième usine en retard de six mois",
    "preset.plant2_late.note": "La deuxième usine démarre avec six mois de retard.",
    "preset.su7g2_late": "SU7 de 2e génération en retard de trois mois",
    "preset.su7g2_late.note": "La SU7 de deuxième génération est lancée et livrée avec trois mois de retard.",
    "sidebar.preset": "Scénario prédéfini",
    "sidebar.launch": "Lancement",
    "sidebar.launch.help": "Le lancement que la page modélise : la famille SU7 de Xiaomi "
    "(2024-2026) ou la Tesla Model 3 (2016-2019), chacun avec ses leviers, ses chiffres publiés et son "
    "calibrage. Changer de lancement ouvre le scénario de base de l'autre.",
    "sidebar.preset.help": "Règle tous les leviers sur un scénario nommé. Les écarts des cartes se lisent par "
    "rapport à la référence au-dessus d'elles (la base, sauf choix contraire).",
    "sidebar.reset": "Revenir à la base",
    "sidebar.reset.help": "Tous les leviers reviennent à la base ; le lien est vidé.",
    "sidebar.back": "Revenir au scénario précédent",
    "sidebar.back.help": "Annule le dernier scénario prédéfini, import ou retour à la base : leviers et lien tels "
    "qu'avant.",
    "cards.reference": "Écarts par rapport à",
    "cards.reference.help": "Les écarts des cartes comparent le scénario affiché à celui-ci : la base, un scénario "
    "prédéfini ou un scénario enregistré dans Comparer.",
    "cards.vs": "vs {name}",
    "cards.reported": "publié {value} · modèle {gap}",
    "cards.reported_at_least": "publié au moins {value} · modèle {gap}",
    "cards.goal": "objectif de l'entreprise {value} (au {as_of})",
    "cards.goal_more_than": "objectif de l'entreprise plus de {value} (au {as_of})",
    "cards.analysts": "analystes {value} (au {as_of})",
    "cards.month_100k.note": "les livraisons cumulées dépassent 100 000",
    "cards.wait.note": "plus longue attente annoncée à un acheteur",
    "cards.revenue.note": "voitures livrées en {year}",
    "cards.margin.note": "marge brute / chiffre d'affaires, {year}",
    "cards.deposits.note": "sur réservations et commandes en attente",
    "binds.sentence": "Les livraisons sont limitées {plants} ; la demande les limite les autres mois. Tant qu'une "
    "usine tourne à pleine capacité, les leviers de prix et d'acompte font d'abord bouger les commandes, l'attente "
    "et la trésorerie.",
    "binds.demand_only": "La demande limite les livraisons chaque mois : aucune usine n'est à pleine capacité, "
    "donc les leviers de prix et d'acompte font bouger directement les livraisons.",
    "binds.plant": "par l'usine {number} {spans}",
    "binds.and": " et ",
    "binds.plants_and": ", et ",
    "binds.from_to": "entre {first} et {last}",
    "binds.in_month": "en {month}",
    "binds.plant_at_capacity": "Usine {number} à pleine capacité",
    "binds.shading": "Zones grisées : mois où une usine est à pleine capacité",
    "binds.cannot_move": "{levers} : sans effet sur {kpi}. Une usine est à pleine capacité {bound} mois sur 12 en "
    "{year} ; les usines fixent donc ces livraisons, et les leviers de prix et d'acompte font bouger les commandes, "
    "l'attente et la trésorerie.",
    "binds.no_effect": "{levers} : sans effet sur {kpi} dans ce scénario (une gamme hors vente sur la période, ou "
    "un réglage que le modèle n'utilise pas ici).",
    "deposits.heading": "Acomptes : conversion, remboursements et annulations",
    "deposits.col.line": "Gamme",
    "deposits.col.reservations": "Réservations",
    "deposits.col.orders": "Commandes fermes",
    "deposits.col.conversion": "Conversion réservation → commande",
    "deposits.col.refund_rate": "Taux de remboursement (des réservations)",
    "deposits.col.cancellation_rate": "Taux d'annulation (des commandes)",
    "deposits.rates.caption": "Sur toute la période. Les réservations encore en attente à la fin ne sont ni des "
    "commandes ni des remboursements : conversion et remboursements font moins de 100 %.",
    "deposits.reservations": "Réservations",
    "deposits.orders": "Commandes fermes",
    "deposits.measure": "Mesure",
    "deposits.total": "Sur la période",
    "deposits.current": "Acompte actuel (RMB)",
    "deposits.axis.deposit": "Acompte (RMB)",
    "deposits.axis.people": "Personnes sur la période",
    "deposits.axis.conversion": "Conversion",
    "deposits.title": "Courbe d'acompte : {line}",
    "deposits.pick": "Courbe d'acompte pour",
    "deposits.curve.caption": "Chaque point relance le scénario affiché en ne changeant que l'acompte de cette "
    "gamme (tirets rouges : l'acompte actuel). Un acompte plus élevé dissuade les acheteurs occasionnels (moins de "
    "réservations) et engage les autres (meilleure conversion).",
    "deposits.summary": "{line} : sans acompte, {low_res} réservations et {low_conv} de conversion ; à {high} RMB, "
    "{high_res} réservations et {high_conv} de conversion (acompte actuel {current} RMB).",
    "data.table": "Tableau",
    "data.all_lines": "Toutes les gammes",
    "data.caption": "Voitures et personnes en nombres entiers par mois ; montants en millions de {code}. Les "
    "fichiers CSV gardent les valeurs exactes du modèle, montants en RMB.",
    "data.download_table": "Télécharger ce tableau (CSV)",
    "data.download_all": "Télécharger toutes les gammes et le total (CSV)",
    "yes": "oui",
    "no": "non",
    "col.month": "Mois",
    "col.line": "Gamme",
    "col.capacity": "Capacité des usines (voitures)",
    "col.interest": "Acheteurs intéressés (personnes)",
    "col.reservations": "Réservations (personnes)",
    "col.orders": "Commandes fermes (voitures)",
    "col.refunds": "Remboursements (personnes)",
    "col.cancellations": "Annulations (voitures)",
    "col.deliveries": "Livraisons (voitures)",
    "col.revenue": "Chiffre d'affaires",
    "col.gross_profit": "Marge brute",
    "col.forfeited_deposits": "Acomptes perdus",
    "col.deposits_held": "Acomptes détenus",
    "col.backlog": "Carnet de commandes (voitures)",
    "col.pending": "Réservations en attente (personnes)",
    "col.wait_months": "Attente (mois)",
    "col.cum_reservations": "Réservations cumulées (personnes)",
    "col.cum_orders": "Commandes fermes cumulées (voitures)",
    "col.cum_deliveries": "Livraisons cumulées (voitures)",
    "col.cum_cancellations": "Annulations cumulées (voitures)",
    "col.cum_refunds": "Remboursements cumulés (personnes)",
    "col.capacity_bound": "À pleine capacité",
    "mc.col.kpi": "Indicateur",
    "mc.col.p10": "P10 (bas)",
    "mc.col.p50": "P50 (médiane)",
    "mc.col.p90": "P90 (haut)",
    "mc.col.mean": "Moyenne",
    "chart.reported_legend": "Publié (source dans le tableau ci-dessous)",
    "chart.target": "Objectif",
    "chart.deliveries.y": "Voitures par mois",
    "chart.deliveries.title": "Livraisons mensuelles par gamme, capacité et chiffres publiés (grisé : usine à pleine "
    "capacité)",
    "chart.cumulative.y": "Voitures livrées depuis janvier",
    "chart.cumulative.title": "Livraisons depuis janvier face aux objectifs annuels",
    "chart.backlog.y": "Commandes en attente (fin de mois, voitures)",
    "chart.backlog.title": "Carnet de commandes par gamme",
    "chart.wait.y": "Mois d'attente",
    "chart.wait.title": "Délai d'attente",
    "chart.funnel.y": "Personnes ou voitures sur la période",
    "chart.funnel.title": "Entonnoir de précommande par gamme (toute la période)",
    "chart.money.title": "Montants par mois ({unit})",
    "chart.margin.y": "Taux de marge brute",
    "chart.margin.title": "Taux de marge brute (trimestres publiés en losanges)",
    "page.title": "Simulateur de lancement des voitures électriques Xiaomi",
    "page.browser_title": "Simulateur de lancement VE",
    "page.caption": "Simulation « et si » du lancement {launch}, mois par mois dès {start} : bougez un levier, "
    "lisez les cartes et les graphiques.",
    "page.language": "Langue",
    "page.language.help": "Les mots, nombres et dates de la page (anglais ou français) ; gardé dans le lien.",
    "tab.deliveries": "Livraisons",
    "tab.orders": "Commandes et attente",
    "tab.money": "Argent",
    "tab.uncertainty": "Incertitude",
    "tab.decisions": "Sensibilité et valeur cible",
    "tab.backtest": "Test rétrospectif",
    "tab.compare": "Comparer",
    "tab.launches": "Lancements",
    "tab.data": "Données",
    "tab.model": "Modèle",
    "sidebar.headline": "Leviers principaux",
    "sidebar.line": "Gamme {line}",
    "sidebar.display": "Affichage",
    "sidebar.currency": "Devise",
    "sidebar.rate": "RMB pour 1 {code}",
    "topic.horizon": "Horizon",
    "topic.production": "Production et coûts",
    "topic.pricing": "Prix et marché",
    "topic.preorders": "Précommandes et acomptes",
    "topic.patience": "Patience des acheteurs",
    "summary.deliveries.year": "{year} : {total} livrées, {peak} au mois de pointe ({month})",
    "summary.cumulative": "{total} voitures livrées fin {end} ; la 100 000e en {month}.",
    "summary.orders": "Le carnet de commandes culmine à {book} voitures en {book_month} ; l'attente moyenne la "
    "plus longue est de {wait} en {wait_month}.",
    "summary.funnel": "Sur la période : {reservations} réservations, {orders} commandes fermes, {deliveries} "
    "livraisons.",
    "summary.money": "Chiffre d'affaires sur la période {revenue}, taux de marge brute {margin} ; les acomptes "
    "détenus culminent à {deposits}.",
    "checks.heading": "Contrôles du scénario affiché",
    "checks.caption": "Bilans stocks-flux du modèle pour ce scénario : le plus grand écart sur tous les mois "
    "(voitures ou personnes). Un bilan est validé sous une demi-voiture.",
    "checks.orders": "Commandes = livraisons + annulations + carnet",
    "checks.reservations": "Réservations = commandes + remboursements + en attente",
    "checks.capacity": "Livraisons ≤ capacité des usines (plus grand dépassement)",
    "checks.col.check": "Bilan",
    "checks.col.line": "Gamme",
    "checks.col.residual": "Plus grand écart",
    "checks.col.ok": "Résultat",
    "checks.pass": "validé",
    "sources.heading": "Sources",
    "sources.seed": "Article source : un article de presse en français d'octobre 2024 sur les livraisons de "
    "Xiaomi (en route vers 100 000 en 2024 ; 75 000 livrées depuis le début de l'année ; prévision des analystes "
    "pour 2025 relevée à 250 000). Ses chiffres sont des lignes des tableaux ci-dessous, à côté des autres "
    "sources.",
    "sources.table": "Chiffres publiés sur ces graphiques, avec leurs sources",
    "sources.figure": "Publié",
    "sources.bound": "Nature",
    "bound.exact": "exact",
    "bound.at_least": "au moins",
    "bound.estimate": "estimation",
    "bound.derived": "calculé",
    "share.caption": "Partager ce scénario : copiez ce lien (c'est aussi l'adresse dans votre navigateur).",
    "fan.monthly": "Livraisons mensuelles (bande P10 à P90, ligne médiane)",
    "odds.label": "P(≥ {value} livrées en {year})",
    "odds.help.company": "Part des tirages atteignant le dernier objectif de l'entreprise pour {year}.",
    "odds.help.analysts": "Part des tirages atteignant la prévision des analystes pour {year}.",
    "odds.help.yours": "Part des tirages atteignant l'objectif saisi.",
    **{f"param.{name}": label for name, label in _PARAM_LABELS.items()},
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
    # Launches tab (ui/launches_tab.py)
    "launch.xiaomi": "Xiaomi",
    "launch.tesla_model3": "Tesla Model 3",
    "launches.intro": "Le scénario de base de chaque lancement et ses chiffres publiés sur une même horloge : les "
    "mois depuis sa première livraison (0 = le mois des premières livraisons). En lecture seule : les leviers ne "
    "changent pas cet onglet.",
    "launches.claim": "Atteindre {level} livraisons a pris {months} mois à {launch} depuis sa première livraison "
    "({source}) et {others}.",
    "launches.claim.other": "{months} à {launch} ({source})",
    "launches.and": " et ",
    "launches.reported": "publié",
    "launches.modelled": "modèle",
    "launches.col.launch": "Lancement",
    "launches.col.level": "Livraisons",
    "launches.col.model": "Mois (modèle)",
    "launches.col.reported": "Mois (publié)",
    "launches.caption.launch": "{launch} : montants en {currency} ; son calage respecte {met} de ses {bands} "
    "bandes d'acceptation.",
    "launches.caption.spread": "Les livraisons trimestrielles publiées sont réparties également sur les mois de "
    "chaque trimestre.",
    "launches.cumulative.title": "Livraisons cumulées (lignes : modèle, points : publié)",
    "launches.monthly.title": "Livraisons par mois (lignes : modèle, points : publié)",
    "launches.orders.title": "Carnet de commandes et réservations pas encore commandées",
    "launches.wait.title": "Attente annoncée à un nouvel acheteur",
    "launches.axis.months": "Mois depuis la première livraison",
    "launches.axis.cumulative": "Livraisons cumulées",
    "launches.axis.monthly": "Livraisons par mois",
    "launches.axis.people": "Commandes ou réservations",
    "launches.axis.wait": "Attente (mois)",
    "launches.measure.order_book": "Carnet de commandes",
    "launches.measure.pending": "Réservations pas encore commandées",
    "launches.tip.month": "Mois civil",
    "launches.tip.model": "Modèle",
    "launches.tip.reported": "Publié",
    "launches.tip.measure": "Mesure",
}
