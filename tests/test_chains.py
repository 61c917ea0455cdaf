"""Replay the 120 real consolidation chains (issue 9 §2): consolidate --include the acts the target
LBK's preamble lists, compare with the official target § by § word for word, print the figures and
classify every difference (tests/chain_replay.py)."""
from __future__ import annotations

import json

import pytest

from tests.chain_replay import replay, summary
from tests.conftest import CORPUS, SHARED

CHAINS = json.loads((SHARED / "corpus/chains.json").read_text(encoding="utf-8"))

# Measured floors (see the report of issue 9); the aims are >= 97 % of changed §§ and >= 99.9 % of all
# §§ identical. Raise these as the reader and the engine carry more real numre.
# Measured on 2026-11-24 (branch chains): 120/120 replayed, 71 without refusal, 18 fully identical,
# 11,065 of 12,521 §§ (88.37 %) and 1,181 of 2,602 changed §§ (45.39 %) identical. Differences by
# class (tests/chain_replay.py): redaktionel: ressort 919 (ministry renamings by royal decree, which no
# act states: "Undervisningsministeren" -> "Børne- og undervisningsministeren"), redaktionel 204
# (spelling "særligt"/"særlig", typos, an act the corpus lacks), ikke udført 137, lawdiff 98, delvis 54,
# senere ikrafttræden 42, udeladt 2. All of them count as differences: the aims are not reached.
FLOOR_ALL = 0.883
FLOOR_CHANGED = 0.453


@pytest.mark.corpus
def test_replay_every_chain(tmp_path):
    amending = pytest.importorskip("lawdiff.importers.amending",
                                   reason="needs the amendment reader of issue 8 (lawdiff.importers.amending)")

    def read(path):
        return amending.read_amending_file(path).doc

    results = []
    for i, chain in enumerate(CHAINS):
        d = tmp_path / str(i)
        d.mkdir()
        results.append(replay(chain, d, CORPUS, read, amending.dump))
    text, fig = summary(results)
    print("\n" + text)
    assert fig["replayed"] == len(CHAINS)
    assert fig["identical"] / fig["sections"] >= FLOOR_ALL
    assert fig["changed_identical"] / fig["changed"] >= FLOOR_CHANGED
    assert fig["without_refusal"] >= 71


# blame against the chains: tests/test_blame_chains.py
