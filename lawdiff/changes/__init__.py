"""Change kinds of an amendment, each in one home: how the official wording reads into change data
(a dict in the amendment YAML format, docs/format.md), how change data is worded, and how the change
is executed on the engine's working copy of an act.

One module per kind — `words` (ændres/udgår/indsættes efter/før, also »overalt«), `repeal`
(ophæves, and ophæves-og-i-stedet-indsættes), `rewrite` (affattes), `insert` (ny: stk., nr., litra,
pkt., §§, kapitler), `heading` (headings and the act's title), `annex` (every change addressed to an
annex, bilag: the engine asks its `handles` before the verb's kind; it owns no verb) — each with:
- reading: `PARSERS`-style functions `(Reader, ctx) -> dict | None` that read one clause of a
  nummer's sentence at the reader's position (`read`, `read_in`, `read_top`, `read_verb`,
  `read_follow_on`; `heading` reads only the rarer heading forms: official text mostly reads a
  heading as the target of the others);
- wording: `format(change, prev, first) -> str` (the clause as a ministry words it) and `is_kind`;
- execution: `VERBS` (the proposal verbs the kind executes) and `execute(ap, change)`, where `ap`
  is the engine's applier (lawdiff/engine/applier.py: resolve, live, find, add_edit, parse_unit,
  renumber, …) and `change` a proposal.Change.

`nummer.py` strings the clauses of one nummer together; `rykning.py` reads and words
rykningsklausuler; `intro.py` the sentence opening an ændringsparagraf; `common.py` the reader and
citation wording shared by the kinds; `log.py` what execution records (Edit, Placement);
`tree.py` the helpers on the act tree and citations that execution shares with the engine.

This package sits below the importers, the proposal loader and the engine: it imports only
address/text/labels/model/errors, never lawdiff.engine (tests/test_layers.py checks it).
"""
