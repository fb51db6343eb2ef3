"""Français : le cadre de la page : unités et montants, indicateurs, scénarios, barre latérale, cartes, avis."""

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
    "kpi.revenue_year.help": "Chiffre d'affaires des voitures livrées en {year}, hors taxe incluse dans les prix "
    "catalogue.",
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
    "kpi.revenue_total.help": "Chiffre d'affaires des voitures livrées sur la période, hors taxe incluse dans "
    "les prix catalogue.",
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
    "preset.plant1_no_yu7": "L'usine 1 ne produit pas de YU7",
    "preset.plant1_no_yu7.note": "L'usine 1 garde toute sa capacité pour la famille SU7 : elle ne produit aucune YU7.",
    "preset.su7g2_late": "SU7 de 2e génération en retard de trois mois",
    "preset.su7g2_late.note": "La SU7 de deuxième génération est lancée et livrée avec trois mois de retard.",
    "preset.no_ga4": "Sans la ligne GA4 sous tente",
    "preset.standard_range_at_launch": "Standard Range dès les premières livraisons",
    "preset.fremont_as_guided": "Fremont à la cadence annoncée par Tesla",
    "preset.no_ga4.note": "La ligne GA4 sous tente de Fremont n'est jamais construite (elle a produit environ 20 % "
    "des 5 031 Model 3 fabriquées la dernière semaine de juin 2018).",
    "preset.standard_range_at_launch.note": "La Standard Range à 35 000 $ (lancée en février 2019) est vendue dès les "
    "premières livraisons au lieu de la Long Range à 49 000 $ ; les baisses de prix suivantes suivent en proportion "
    "et le coût unitaire ne change pas.",
    "preset.fremont_as_guided.note": "Fremont atteint 5 000 Model 3 par semaine (environ 21 700 par mois) en "
    "décembre 2017, comme Tesla l'annonçait en 2017, au lieu de la dernière semaine de juin 2018.",
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
    "yes": "oui",
    "no": "non",
    "page.title": "Simulateur de lancement de voitures électriques",
    "page.inconsistent": "{problem} La page montre le dernier scénario valide jusqu'à ce que ce soit corrigé.",
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
    "share.caption": "Partager ce scénario : copiez ce lien (c'est aussi l'adresse dans votre navigateur).",
    "link.notice": "Ce lien contenait des valeurs inutilisables par la page ; elles ont été ignorées et le reste "
    "conservé. {details}",
    "link.one_of": "Le paramètre « {name} » doit prendre l'une de ces valeurs : {options} ; reçu {text}.",
    "link.between": "Le paramètre « {name} » doit être compris entre {low} et {high} ; reçu {text}.",
    "link.kind_between": "Le paramètre « {name} » doit être {kind} compris entre {low} et {high} ; reçu {text}.",
    "link.kind.int": "un nombre entier",
    "link.kind.float": "un nombre",
    "link.kind.month": "un mois écrit AAAA-MM",
    "link.bool": "Le paramètre « {name} » doit valoir true ou false ; reçu {text}.",
    "link.whole_number": "Le paramètre « {name} » doit être un nombre entier ; reçu {text}.",
    "link.repeated": "Le paramètre « {name} » est donné {count} fois ; donnez-le une seule fois.",
    "link.ascii": "Le paramètre « {name} » doit être écrit en ASCII (chiffres 0-9) ; reçu {text}.",
    "link.unknown": "Paramètre inconnu : « {name} ».",
    "preset.renamed.ultra_launch_price": "Le scénario prédéfini « Ultra à son prix de lancement » du modèle v1 est "
    "désormais la base : la SU7 Ultra se vend à son prix de lancement de 529 900 RMB (le prix de prévente est le "
    "scénario prédéfini « ultra_presale_price »).",
    "notes.no_lines": "Aucune gamme n'est activée : rien n'est réservé, commandé ni livré. Activez une gamme dans "
    "son volet ({expanders}) sous les leviers.",
    "notes.no_capacity": "Aucune usine ne produit de voiture avant {end} : les deux usines démarrent plus tard ou "
    "n'ont pas de capacité ; rien n'est livré et l'attente reste à son plafond de {cap} mois.",
    "notes.no_interest": "Aucun acheteur ne se manifeste avant {end} : les marchés des gammes activées sont vides ou "
    "leurs réservations ouvrent après le dernier mois.",
    "notes.no_deliveries": "Des commandes arrivent mais rien n'est livré avant {end} : les premières livraisons "
    "commencent après le dernier mois.",
    "notes.wait_cap": "L'attente annoncée atteint son plafond de {cap} mois : le carnet de commandes dépasse de loin "
    "ce que les usines peuvent produire.",
    "notes.one_month": "La simulation ne couvre qu'un mois ({month}) : les chiffres annuels après {year} sont nuls "
    "par construction.",
    "notes.idle_plant": "L'usine {number} fabrique les {lines} mais aucune voiture avant {end} : ces commandes "
    "attendent (et s'annulent) jusqu'à son démarrage. Démarrez-la plus tôt, donnez-lui de la capacité ou confiez la "
    "gamme à l'autre usine.",
}
