"""Français : les problèmes d'une saisie venue de l'extérieur que ``sim`` signale (``sim.errors.CODES``), un texte par
code, mêmes champs que ``en/errors.py`` : un paramètre par son libellé, les nombres et les mois comme la page les écrit.
"""

TEXT = {
    "error.subject.document": "Ce document de scénario",
    "error.subject.link": "Ce lien de comparaison",
    # la valeur d'un paramètre (sim.spec)
    "error.unknown_parameter": "Paramètre inconnu : « {name} ».",
    "error.out_of_range": "Le paramètre « {name} » doit être compris entre {low} et {high} ; reçu {value}.",
    "error.wrong_kind": "Le paramètre « {name} » doit être {kind} compris entre {low} et {high} ; reçu {got}.",
    "error.not_bool": "Le paramètre « {name} » doit valoir true ou false ; reçu {got}.",
    "error.not_finite": "Le paramètre « {name} » doit être un nombre fini compris entre {low} et {high} ; reçu {got}.",
    "error.month_order": "Le paramètre « {later} » ({late}) ne peut pas précéder « {earlier} » ({early}).",
    # lire du JSON : un document de scénario ou un lien de comparaison (sim.scenarios)
    "error.not_text": "{subject} doit être du texte ; reçu {got}.",
    "error.not_utf8": "{subject} n'est pas du texte UTF-8.",
    "error.too_long": "{subject} est trop long ({size} caractères ; au plus {limit}).",
    "error.not_json": "{subject} n'est pas du JSON valide (ligne {line}, colonne {column}).",
    "error.invalid_json": "{subject} n'est pas valide : {problem}.",
    "error.repeated_key": "la clé « {entry} » apparaît deux fois",
    "error.not_a_number": "{constant} n'est pas un nombre qu'un scénario peut contenir",
    "error.number_too_long": "un nombre a trop de chiffres pour être lu",
    "error.too_deep": "{subject} est trop imbriqué pour être un scénario.",
    # un document de scénario (sim.scenarios)
    "error.not_document": "Ce n'est pas un document de scénario : un objet JSON avec « schema_version » et "
    "« parameters » est attendu.",
    "error.bad_schema_version": "Le champ « schema_version » du document de scénario doit être un nombre entier ; "
    "reçu {got}.",
    "error.unknown_schema_version": "Version de schéma de scénario inconnue : {version} ; ce simulateur lit la version "
    "{expected}. Exportez de nouveau le scénario depuis une version correspondante du simulateur.",
    "error.bad_launch_field": "Le champ « launch » du document de scénario doit être le nom d'un lancement, tel que "
    "cette page l'enregistre.",
    "error.bad_parameters": "Le champ « parameters » du document de scénario doit être un objet nom : valeur.",
    "error.unknown_launch": "Ce scénario est celui d'un lancement que ce simulateur ne connaît pas ; il ne peut pas "
    "être ouvert ici.",
    "error.other_launch": "Ce scénario appartient au lancement « {found} », pas à « {wanted} » ; changez de lancement "
    "pour l'ouvrir.",
    # un lien de comparaison (sim.scenarios)
    "error.no_version": "Le lien de comparaison est illisible : il n'a pas d'étiquette de version (il devrait "
    "commencer par « {expected} »).",
    "error.unknown_version": "Le lien de comparaison est illisible : ce simulateur ne lit pas la version « {version} » "
    "(il devrait commencer par « {expected} »).",
    "error.link_characters": "Le lien de comparaison est abîmé : il contient des caractères ou a une longueur qu'un "
    "code de lien ne peut pas avoir.",
    "error.link_not_compressed": "Le lien de comparaison est abîmé : il ne se décompresse pas (a-t-il été tronqué "
    "lors de la copie ?).",
    "error.link_too_big": "Le lien de comparaison se décompresse en plus de {limit} octets ; il ne vient pas de cette "
    "page.",
    "error.link_incomplete": "Le lien de comparaison est abîmé : il est incomplet ou contient des données en trop "
    "(a-t-il été tronqué lors de la copie ?).",
    "error.link_not_scenarios": "Le lien de comparaison ne contient pas de scénarios nommés.",
    "error.link_unknown_launch": "Le scénario « {scenario} » du lien de comparaison est celui d'un lancement que ce "
    "simulateur ne connaît pas ; il ne peut pas être ouvert ici.",
    "error.link_other_launch": "Le scénario « {scenario} » du lien de comparaison appartient au lancement « {found} », "
    "pas à « {wanted} » ; changez de lancement pour l'ouvrir.",
    "error.link_invalid_scenario": "Le lien de comparaison contient un scénario « {scenario} » qui n'est pas valide : "
    "{problem}",
    "error.too_many_scenarios": "Un lien contient au plus {limit} scénarios ; celui-ci en a {count}.",
    "error.repeated_name": "Deux scénarios s'appellent « {scenario} » une fois les espaces harmonisés ; donnez-leur "
    "des noms différents.",
    "error.empty_name": "Un nom de scénario ne peut pas être vide.",
    "error.name_too_long": "Un nom de scénario compte au plus {limit} caractères ; celui-ci en a {count}.",
    "error.save_too_long": "Ces scénarios rendent le lien trop long ({size} caractères) ; retirez-en quelques-uns.",
    # un fichier envoyé (sim.bundle)
    "error.upload_empty": "Le fichier envoyé est vide.",
    "error.upload_too_large": "Le fichier envoyé est trop volumineux ({size} octets ; au plus {limit}).",
    "error.upload_binary": "Le fichier envoyé est binaire : envoyez un scénario .json ou une archive .zip de cette "
    "page.",
    "error.upload_not_text": "Le fichier envoyé n'est pas du texte : envoyez un scénario .json ou une archive .zip.",
    "error.zip_damaged": "L'archive .zip envoyée est abîmée ou utilise une fonction que n'utilisent pas les archives "
    "de cette page (le chiffrement, par exemple).",
    "error.zip_too_many_files": "L'archive .zip envoyée contient {count} fichiers ; une archive de cette page en "
    "contient {expected}.",
    "error.zip_no_scenario": "L'archive .zip envoyée ne contient pas de {file} : ce n'est pas une archive de cette "
    "page.",
    "error.zip_scenario_too_large": "Le {file} de l'archive est trop volumineux une fois décompressé (au plus {limit} "
    "octets).",
}
