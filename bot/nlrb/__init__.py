"""The official layer: every election the NLRB counted, imported from its published files.

`records` defines the record type the store loads (light: no pydantic, no spreadsheet reader);
`layer` indexes the records for lookups; the importer (`read`, `formats`, `names`, `merge`,
`importer`) runs only under `election-bot import nlrb` and needs the `import` extra.
"""
