"""`lawdiff blame` checked against the real chains (issue 9, acceptance: "a test checks blame against the
chains"): every chain of ../shared/corpus/chains.json is replayed (tests/chain_replay.py), and for every
stk./nr./litra/punktum of the consolidated version blame must name
- "oprindelig tekst" of the base LBK where the text is the base's, and
- otherwise a nummer of the chain's acts that was executed and whose instructions name that § (or that
  changes words throughout the act) — checked against the amending acts' own addresses, not against
  the consolidation record that blame reads.
The figures are printed apart for the §§ that come out identical to the official target LBK (there the
change is confirmed by the official record). Measured 2026-11-24: changed 1,083 + 3,115 (in §§ identical to
the LBK), unchanged 9,563 + 47,838, all right."""
from __future__ import annotations

import json

import pytest

from tests.chain_replay import replay
from tests.conftest import CORPUS, SHARED

CHAINS = json.loads((SHARED / "corpus/chains.json").read_text(encoding="utf-8"))


@pytest.mark.corpus
def test_blame_names_the_nummer_that_changed_each_unit_in_every_chain(tmp_path):
    amending = pytest.importorskip("lawdiff.importers.amending",
                                   reason="needs the amendment reader of issue 8 (lawdiff.importers.amending)")
    totals: dict[str, list[int]] = {}
    wrong: list[str] = []
    chains = 0
    for i, chain in enumerate(CHAINS):
        d = tmp_path / str(i)
        d.mkdir()
        res = replay(chain, d, CORPUS, lambda p: amending.read_amending_file(p).doc, amending.dump,
                     check_blame=True)
        if res.error:
            continue
        chains += 1
        for kind, (ok, n) in res.blame.items():
            t = totals.setdefault(kind, [0, 0])
            t[0] += ok
            t[1] += n
        wrong += res.blame_wrong
    print(f"\nblame checked in {chains} chains:")
    for kind, (ok, n) in sorted(totals.items()):
        print(f"  {kind}: {ok:,} of {n:,} right")
    for line in wrong[:20]:
        print("  wrong:", line)
    assert chains == len(CHAINS)
    changed = sum(n for k, (_, n) in totals.items() if k.startswith("changed"))
    assert changed >= 2000  # the check is not vacuous
    assert not wrong, f"{len(wrong)} (first 5 per chain) units blamed wrongly"
