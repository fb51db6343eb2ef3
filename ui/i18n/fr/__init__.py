"""Les mots de la page en français : un module par partie de la page, mêmes clés que ``en/`` (un test le vérifie)."""
