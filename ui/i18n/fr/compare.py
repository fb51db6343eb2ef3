"""Français : l'onglet Comparer : enregistrer, comparer, expliquer et exporter des scénarios."""

TEXT = {
    "compare.intro": "Enregistrez le scénario affiché, bougez les leviers, enregistrez à nouveau, et comparez. Le "
    "lien les conserve tous.",
    "compare.on_screen": "À l'écran",
    "compare.name": "Nom",
    "compare.name.placeholder": "ex. Ultra à 529 900",
    "compare.save": "Enregistrer le scénario",
    "compare.remove": "Supprimer",
    "compare.changes.one": "{count} modification par rapport à la base",
    "compare.changes.other": "{count} modifications par rapport à la base",
    "compare.inconsistent": "Désactivé tant que les leviers sont incohérents (voir l'erreur ci-dessus) : la page "
    "affiche le dernier scénario valide.",
    "compare.reference": "Référence",
    "compare.reference.help": "Les écarts et la cascade partent de ce scénario.",
    "compare.cumulative": "Livraisons cumulées",
    "compare.monthly": "Livraisons par mois",
    "compare.scenario": "Scénario",
    "compare.col.kpi": "Indicateur",
    "compare.col.reference": "{name} (référence)",
    "compare.col.delta": "Δ {name}",
    "compare.save_another": "Enregistrez un autre scénario pour voir ce qui explique l'écart.",
    "compare.why": "Qu'est-ce qui a changé ?",
    "compare.same": "« {target} » et « {reference} » ont les mêmes paramètres : rien à expliquer.",
    "compare.waterfall.caption": "Chaque barre est la part de l'écart due à un groupe : son effet moyen sur tous les "
    "ordres dans lesquels les groupes peuvent changer (valeurs de Shapley), si bien que les barres s'additionnent "
    "exactement. Les mois de lancement d'une gamme bougent ensemble. L'axe couvre les étapes : les deux totaux sont "
    "coupés à son bord gauche.",
    "compare.group.line": "{line} : {what}",
    "compare.group.all": "tous les leviers",
    "compare.group.timing": "calendrier de lancement",
    "compare.kind.total": "total",
    "compare.kind.increase": "hausse",
    "compare.kind.decrease": "baisse",
    "compare.tip.step": "Étape",
    "compare.tip.amount": "Montant",
    "compare.tip.total": "Cumul",
    "compare.tip.parameters": "Paramètres modifiés",
    "compare.export": "Exporter et restaurer",
    "compare.download": "Télécharger ce scénario (zip)",
    "compare.download.help": "scenario.json, monthly.csv (total et par gamme), kpis.json, la version du modèle et la "
    "graine.",
    "compare.upload": "Restaurer un scénario (.json ou .zip)",
    "compare.upload.help": "Un scenario.json ou une archive téléchargée depuis cette page ; il remplace le scénario "
    "des curseurs.",
    "compare.name_taken": "« {name} » est un nom que la page utilise elle-même (« {on_screen} », un scénario "
    "prédéfini, une colonne du tableau) ; choisissez-en un autre.",
    "compare.link_error": "Les scénarios enregistrés dans ce lien n'ont pas pu être lus ; ils ont été ignorés. "
    "{problem}",
    "compare.save.inconsistent": "Rien n'a été enregistré : les leviers sont incohérents, la page affiche donc un "
    "autre scénario. {error}",
    "compare.save.no_name": "Donnez un nom au scénario pour l'enregistrer.",
    "compare.save.too_many": "{most} scénarios au plus peuvent être enregistrés ; supprimez-en un d'abord.",
    "compare.saved": "Scénario « {name} » enregistré.",
    "compare.saved.replaced": "Scénario « {name} » enregistré, à la place du scénario de même nom.",
    "compare.upload.error": "« {file} » n'a pas pu être restauré : {problem} Le scénario de la page est inchangé.",
    "compare.upload.done": "Scénario restauré depuis « {file} ».",
    "compare.v1_notice": "Ce scénario a été enregistré avec le modèle v1 ; il s'ouvre dans le modèle v2, où chaque "
    "gamme est produite par sa propre usine (usine 1 : la famille SU7, usine 2 : la YU7), la demande croît avec le "
    "marché au lieu de s'éteindre, un acompte remboursable pèse moins qu'un acompte que l'acheteur peut perdre, la "
    "SU7 de première génération quitte la vente en janvier 2026 et une deuxième génération lui succède, et la SU7 "
    "Ultra se vend à son prix de lancement de 529 900 RMB. Les valeurs que le fichier laissait aux valeurs par "
    "défaut du v1 prennent celles de la base v2 ; celles que vous aviez modifiées sont conservées.",
}
