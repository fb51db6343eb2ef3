"""Français : l'onglet Comparer : enregistrer, comparer, expliquer et exporter des scénarios."""

TEXT = {}
