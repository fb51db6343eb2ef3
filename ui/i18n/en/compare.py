"""English: the Compare tab: saving, comparing, explaining and exporting scenarios."""

TEXT = {}
