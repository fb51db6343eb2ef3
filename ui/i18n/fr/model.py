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
    "model.intro": "Pas mensuel à partir de {start}. Montants en {currency} dans le modèle. Chaque gamme suit "
    "les mêmes mécanismes ; chacune est produite par son usine.",
    "model.intro.xiaomi": "Pas mensuel à partir de mars 2024 (ouverture des commandes de la SU7 le 28 mars 2024). "
    "Montants en RMB dans le modèle. Chaque gamme suit les mêmes mécanismes ; chacune est produite par sa propre "
    "usine.",
    "model.intro.tesla_model3": "Pas mensuel à partir de mars 2016 (ouverture des réservations de la Model 3 le "
    "31 mars 2016). Montants en USD dans le modèle. Les réservations deviennent des commandes quand Tesla les "
    "invite, selon ce que ses usines peuvent produire bientôt ; les réservations en attente abandonnent à mesure "
    "que l'attente annoncée s'allonge.",
    "model.interest.title": "1. Intérêt (diffusion de Bass)",
    "model.interest.text": "Dès l'ouverture des réservations, l'intérêt se diffuse comme pour un nouveau produit : "
    "certains acheteurs viennent d'eux-mêmes (innovation p), d'autres suivent les premiers acheteurs (imitation q). "
    "La taille du marché dépend du prix face au concurrent : plus cher que le concurrent, moins d'acheteurs. Avant "
    "le lancement, c'est le prix de prévente qui compte ; à partir du lancement, le prix. Le marché lui-même croît "
    "de g par an tant que la gamme est en vente (potentiel croissant de Mahajan et Peterson) : la demande se "
    "stabilise à la croissance du marché au lieu de s'éteindre une fois les premiers acheteurs servis, et une "
    "voiture continue de trouver de nouveaux acheteurs à mesure que le marché grandit. Aucun intérêt avant "
    "l'ouverture des réservations ni après la fin de commercialisation.",
    "model.interest.tex": r"F(\tau)=\frac{1-e^{-(p+q)\tau}}{1+\frac{q}{p}e^{-(p+q)\tau}},\quad "
    r"M(\tau)=M\left(\frac{P_\text{affiché}}{P_\text{concurrent}}\right)^{-\varepsilon}(1+g)^{\tau/12},\quad "
    r"\text{intérêt}_t=M(\tau+1)F(\tau+1)-M(\tau)F(\tau)",
    "model.reservations.title": "2. Réservations",
    "model.reservations.text": "Un acompte décourage les acheteurs occasionnels : plus l'acompte pèse dans le prix, "
    "moins ils sont nombreux à réserver. Un acompte remboursable pèse moins (w, le poids d'un acompte remboursable) "
    "qu'un acompte que l'acheteur peut perdre.",
    "model.reservations.tex": r"\text{réservations}_t=\text{intérêt}_t\,e^{-s\,x},\quad "
    r"x=w\,\frac{\text{acompte}}{P_\text{affiché}}",
    "model.conversion.title": "3. Conversion en commandes fermes",
    "model.conversion.text": "Les réservations de chaque mois se décident ensemble, après le délai de confirmation "
    "et jamais avant le lancement. Un acompte engage aussi : davantage de réservations se confirment. Si le prix a "
    "changé depuis la réservation, la part confirmée varie avec lui. Les autres demandent le remboursement ; leur "
    "acompte est rendu s'il est remboursable, conservé sinon.",
    "model.conversion.tex": r"c=1-(1-\text{conversion})\,e^{-s\,x},\quad "
    r"c'=\min\!\left(1,\;c\left(\frac{P}{P_\text{à la réservation}}\right)^{-\varepsilon}\right)",
    "model.capacity.title": "4. Capacité",
    "model.capacity.text": "Chaque usine démarre à sa cadence initiale et monte jusqu'à sa cadence de pointe sur "
    "la durée de montée en cadence, selon la forme que nomme la table des usines du lancement : un S régulier (les "
    "usines de Xiaomi, Shanghai et GA4 chez Tesla) ou une courbe d'apprentissage logistique pour une ligne qui "
    "démarre au compte-gouttes et croît d'un facteur constant par mois à mesure que ses goulets se lèvent, à 95 % "
    "de la pointe au bout de la montée (GA3 à Fremont chez Tesla). Chaque gamme est produite par sa propre usine "
    "(usine 1 de Xiaomi : la famille SU7 ; usine 2 : la YU7). Une usine peut prêter une part de sa capacité aux "
    "gammes d'une autre : à partir de mi-2025, l'usine 1 de Xiaomi produit les commandes de YU7 que l'usine 2 ne "
    "peut produire, jusqu'à une part calée de sa capacité qui croît au fil des mois de montée en cadence de "
    "l'usine 2, et garde pour la SU7 ce dont la YU7 n'a pas besoin ; les attentes sont annoncées au prêt du mois. "
    "Une part de la capacité libre d'une usine peut aussi produire les gammes de l'autre (0 chez Xiaomi).",
    "model.capacity.tex": r"\text{en S : }\text{initiale}+(\text{pointe}-\text{initiale})\,"
    r"S\!\left(\tfrac{s}{\text{montée}}\right),\ S(x)=3x^2-2x^3;\quad"
    r"\text{logistique : }\frac{\text{pointe}}{1+A\,e^{-ks}},\ A=\tfrac{\text{pointe}}{\text{initiale}}-1,\ "
    r"k=\tfrac{\ln(19A)}{\text{montée}}",
    "model.book.title": "5. Le carnet de commandes",
    "model.book.text": "Chaque mois : les nouvelles commandes fermes entrent au carnet, l'attente se lit sur le "
    "carnet, les annulations et les livraisons en sortent, et le reste est reporté.",
    "model.book.tex": r"\text{carnet}_t=\text{carnet}_{t-1}+\text{commandes}_t-\text{annulations}_t"
    r"-\text{livraisons}_t",
    "model.wait.title": "6. Délai d'attente",
    "model.wait.text": "L'attente annoncée à un acheteur : les mois de capacité de son usine, à partir de ce mois "
    "(ou des premières livraisons de la gamme), nécessaires pour livrer les carnets de cette usine, plus les mois "
    "restant avant les premières livraisons, dans la limite de 60 mois. La capacité à venir compte même au-delà du "
    "dernier mois affiché : l'horizon ne change donc aucun mois.",
    "model.wait.tex": r"\text{attente}_t=\min\{w:\textstyle\sum_{k<w}\text{cap}_{t+k}\ge\text{carnet}_t\},\ "
    r"\text{fractionnaire}",
    "model.cancellations.title": "7. Annulations",
    "model.cancellations.text": "Une petite part du carnet s'annule chaque mois ; au-delà de la patience des "
    "acheteurs, chaque mois d'attente supplémentaire en ajoute. Une commande annulée perd son acompte.",
    "model.cancellations.tex": r"h=\min\left(1,\;\text{base}+\text{pente}\cdot\max(0,\text{attente}-\text{patience})"
    r"\right),\quad \text{annulations}=h\cdot\text{carnet}",
    "model.deliveries.title": "8. Livraisons",
    "model.deliveries.text": "Dans une usine, les gammes déjà livrées se partagent sa capacité au prorata de leurs "
    "carnets. Une gamme est limitée par la capacité un mois donné quand son usine ne pouvait pas produire tout son "
    "carnet ; sinon, c'est la demande qui la limite.",
    "model.deliveries.tex": r"\text{livraisons}_i=\text{carnet}_i\min\left(1,\frac{\text{cap}}{\sum_j\text{carnet}_j}"
    r"\right)",
    "model.money.title": "9. Argent",
    "model.money.text": "Les prix sont des prix catalogue, ce que paie l'acheteur. Le chiffre d'affaires est le "
    "produit des livraisons par le prix hors de la taxe qu'il contient, comme les entreprises le publient : les prix "
    "catalogue chinois incluent 13 % de TVA, les prix américains aucune. Le coût unitaire baisse avec l'expérience : "
    "chaque doublement de la production d'une gamme le multiplie par le taux d'apprentissage. Les acomptes détenus "
    "sont ceux des réservations en attente et du carnet.",
    "model.money.tex": r"\text{CA}=\text{livraisons}\,\frac{P}{1+\text{taxe}},\quad"
    r"\text{coût unitaire}=\text{coût au lancement}\cdot\max\left(1,\tfrac{N}{10\,000}\right)"
    r"^{\log_2(\text{taux d'apprentissage})},\quad \text{marge brute}=\text{livraisons}\left(\frac{P}{1+\text{taxe}}"
    r"-\text{coût unitaire}\right)",
    "model.sales_tax": "Les prix catalogue de ce lancement incluent {rate} de taxe, que le chiffre d'affaires "
    "exclut. Source : {source}.",
    "model.sales_tax.none": "Les prix de ce lancement sont hors taxe : le chiffre d'affaires est le produit des "
    "livraisons par le prix.",
    "model.calibration": "**Comment le scénario de base a été établi.** Les dates, prix catalogue et acomptes sont "
    "des faits publics ; les montées en cadence, tailles de marché, diffusion, conversion, coûts, patience et taux "
    "d'annulation ont été calés par moindres carrés pondérés sur chaque chiffre publié ci-dessous, sans bande "
    "d'acceptation dans le calage (les bandes sont vérifiées ensuite et peuvent échouer).",
    "model.calibration.tesla_model3": "**Comment la base de la Model 3 a été établie.** Les dates, les paliers de "
    "prix (49 000 $ jusqu'en octobre 2018, 45 000 $, puis 35 000 $ dès février 2019), l'acompte remboursable de "
    "1 000 $ et les démarrages des usines sont des faits publics. La montée en cadence de Fremont, le marché, la "
    "diffusion, la conversion, le délai d'invitation, les abandons, la patience et les taux d'annulation ont été "
    "calés par les mêmes moindres carrés pondérés que pour Xiaomi sur chaque chiffre publié ci-dessous "
    "(réservations, production et livraisons trimestrielles), sans bande d'acceptation dans le calage. La ligne "
    "GA3 de Fremont monte en cadence selon une courbe d'apprentissage logistique (environ 50 voitures en juillet "
    "2017, puis un facteur de croissance mensuel constant). Le modèle ne représente pas les voitures en transit, "
    "d'où les bandes manquées au T2 2018 et au T1 2019 (premiers envois vers l'Europe et la Chine). L'onglet "
    "Test rétrospectif refait le calage sur les seuls chiffres connus à une date d'arrêt.",
    "model.calibration.xiaomi": "**Comment le scénario de base a été établi.** Les dates, prix catalogue, "
    "acomptes, prix des concurrents et l'usine qui produit chaque gamme sont des "
    "faits publics (la SU7 Ultra : 814 900 RMB en prévente, 529 900 RMB à partir de "
    "son lancement). Les montées en cadence, tailles de marché, paramètres de "
    "diffusion, croissance des marchés, conversion, coûts, taux d'apprentissage, "
    "patience des acheteurs et taux d'annulation ont été calés par moindres carrés "
    "pondérés sur chaque chiffre publié ci-dessous (les chiffres « au moins » ne "
    "comptent que s'ils sont manqués, les estimations pèsent moitié, les mois par "
    "gamme pèsent le plus), avec une recherche à graine fixe qui fait passer tous les"
    " candidats dans le modèle en une fois. Aucune bande d'acceptation n'entre dans "
    "le calage : les bandes sont vérifiées ensuite et peuvent échouer (tableau ci-"
    "dessous). La SU7 de deuxième génération n'a pas encore de chiffres et reprend le"
    " marché et la conversion de la première. À partir de mi-2025, l'usine 1 produit "
    "aussi des YU7 : elle prête jusqu'à une part calée de sa capacité ({lend}), qui croît "
    "au fil des mois de montée en cadence de l'usine 2, aux commandes de YU7 que l'usine 2 ne peut "
    "produire, et garde ce dont la YU7 n'a pas besoin. C'est ainsi que la SU7 pouvait "
    "avoir 140 000 à 150 000 voitures en attente de livraison en mars 2025 ({open_book} dans "
    "le modèle) et tomber quand même à environ 11 000 par mois fin 2025. "
    "L'onglet Test rétrospectif refait le "
    "calage sur les seuls chiffres connus à une date d'arrêt.",
    "model.disagreement.xiaomi": "**Deux versions des livraisons à fin octobre 2024.** L'article d'octobre 2024 "
    "parle de *75 000 livraisons depuis le début de l'année*, dont *plus de 20 000 en"
    " octobre*. Les chiffres officiels de Xiaomi donnent **67 157 au 30 septembre** "
    "et plus de 20 000 en octobre, soit **plus de 87 157** à fin octobre. Les deux "
    "divergent ; les deux figurent sur le graphique cumulé avec leurs sources.",
    "model.fit.heading": "Qualité du calage de la base",
    "model.fit.bands": "**Bandes d'acceptation** : {met} sur {total} respectées.",
    "model.col.check": "Contrôle",
    "model.col.model": "Modèle",
    "model.col.from": "De",
    "model.col.to": "À",
    "model.col.met": "Respectée",
    "model.col.error": "Écart",
    "model.col.target": "Objectif (voitures)",
    "model.sources": "Chiffres publiés et sources",
    "model.bounds": "Nature : exact = officiel ; au moins = « plus de » ; estimation = source tierce ; calculé = "
    "déduit des totaux officiels. Objectifs :",
}
