"""The page's words in English: one module per area of the page, each holding ``TEXT`` (key -> text)."""
