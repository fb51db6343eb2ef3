"""Français : l'onglet Modèle : les mécanismes et leurs équations, le calage, les contrôles et les sources."""

TEXT = {
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
}
