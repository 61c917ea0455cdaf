"""Change kinds of an amendment: for each kind, how the official wording reads into change
data (a dict in the amendment YAML format, docs/format.md) and how change data is worded.

One module per kind, each with `PARSERS` (functions `(Reader, ctx) -> dict | None` that read
one clause of a nummer's sentence at the reader's position) and `format(change, ctx) -> str`
(the clause as a ministry words it). `nummer.py` strings the clauses of one nummer together;
`rykning.py` reads and words rykningsklausuler; `intro.py` the sentence opening an
ændringsparagraf. Execution of changes is not here (engine.py).

This package sits below the importers and renderers and imports only address/text.
"""
