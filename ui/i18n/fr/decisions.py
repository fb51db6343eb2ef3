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
}
