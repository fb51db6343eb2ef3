"""Français : les onglets d'analyse : incertitude (Monte Carlo), sensibilité et valeur cible, test rétrospectif."""

TEXT = {
    "mc.col.kpi": "Indicateur",
    "mc.col.p10": "P10 (bas)",
    "mc.col.p50": "P50 (médiane)",
    "mc.col.p90": "P90 (haut)",
    "mc.col.mean": "Moyenne",
    "fan.monthly": "Livraisons mensuelles (bande P10 à P90, ligne médiane)",
    "odds.label": "P(≥ {value} livrées en {year})",
    "odds.help.company": "Part des tirages atteignant le dernier objectif de l'entreprise pour {year}.",
    "odds.help.analysts": "Part des tirages atteignant la prévision des analystes pour {year}.",
    "odds.help.yours": "Part des tirages atteignant l'objectif saisi.",
    "mc.queued": "En file d'attente : une autre simulation Monte Carlo tourne sur ce serveur ; celle-ci démarre dès "
    "qu'elle se termine.",
    "mc.running": "Calcul de {draws} tirages...",
    "mc.progress": "{done} tirages sur {total}",
    "mc.draws": "Tirages",
    "mc.draws.help": "Scénarios tirés autour de celui-ci ; {draws} tirages donnent P10 et P90 à environ un point près.",
    "mc.spread": "Dispersion",
    "mc.spread.help": "Écart-type des tirages en échelle logarithmique ({spread} : la plupart des tirages à environ "
    "±{share}).",
    "mc.seed": "Graine",
    "mc.seed.help": "La même graine donne les mêmes tirages : les résultats peuvent être partagés.",
    "mc.offer": "{asked} tirages se lancent sur un clic ; ci-dessous, le même scénario avec {shown} tirages.",
    "mc.run": "Lancer {draws} tirages",
    "mc.target_year": "Votre objectif : année",
    "mc.target": "Votre objectif : livraisons de l'année",
    "mc.caption": "{share} des {draws} tirages atteignent {level} livraisons en {month}. Bandes : P10 à P90 de "
    "chaque mois pris isolément ; ligne : la médiane. Les paramètres de demande, de montée en cadence, de patience "
    "et de coût sont tirés autour de leurs valeurs (loi log-normale, parts en échelle logit, indépendants) ; dates, "
    "prix et acomptes restent fixes.",
    "mc.summary": "Indicateurs sur les tirages (P10, P50, P90, moyenne)",
    "mc.download": "Télécharger tous les tirages (CSV)",
    "decisions.kpi": "Indicateur",
    "tornado.running": "Variation des leviers...",
    "tornado.progress": "{done} leviers sur {total} variés",
    "tornado.swing": "Amplitude",
    "tornado.swing.help": "Chaque nombre varie de ± cette part.",
    "tornado.caption": "Chaque nombre varie de ±{swing} (dans sa plage) et chaque date de ±{months} mois, un "
    "paramètre à la fois, en un seul lot. Les barres vont de la valeur du scénario à l'indicateur au réglage bas et "
    "au réglage haut.",
    "tornado.set_to": "Paramètre réglé",
    "tornado.side.low": "bas",
    "tornado.side.high": "haut",
    "tornado.tip.set_to": "Réglé à",
    "tornado.all": "Tous les paramètres",
    "tornado.col.parameter": "Paramètre",
    "tornado.col.now": "Valeur actuelle",
    "tornado.col.low": "Réglage bas",
    "tornado.col.high": "Réglage haut",
    "tornado.col.kpi_low": "Indicateur au réglage bas",
    "tornado.col.kpi_high": "Indicateur au réglage haut",
    "tornado.col.effect": "Effet",
    "goal.heading": "Valeur cible",
    "goal.lever": "Levier",
    "goal.target_month": "Mois visé",
    "goal.target": "Objectif ({kpi})",
    "goal.found": "{lever} à {value} (actuellement {now}) donne {kpi} : {achieved}.",
    "goal.none": "Aucune valeur de « {lever} » dans sa plage n'atteint l'objectif : {why}",
    "goal.why.jumps": "{kpi} saute par-dessus l'objectif entre {lever} = {at} ({level}) et {lever} = {at2} "
    "({level2}) ; aucune valeur intermédiaire n'arrive à moins de 1 %.",
    "goal.why.earlier": "objectif plus tôt que ce que permet « {lever} » : au plus tôt {level}, avec {at}.",
    "goal.why.later": "objectif plus tard que ce que donne toute valeur de « {lever} » : au plus tard {level}, avec "
    "{at}.",
    "goal.why.above": "objectif au-dessus de ce que permet « {lever} » : au mieux {level}, avec {at}.",
    "goal.why.below": "objectif en dessous de ce que permet « {lever} » : au plus bas {level}, avec {at}.",
}
