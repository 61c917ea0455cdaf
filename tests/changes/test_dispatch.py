"""The dispatch of nummer._clause: insert.read_top is tried only where insert.TOP_NEEDS
("indsættes") stands after the reader's position, rewrite.read only where rewrite.NEEDS
("affattes") does. Held on the corpus's real instruction sentences and on mutations of them:
where the word is missing the skipped reader reads nothing (and leaves the reader where it was;
what rewrite.read would leave, a warning or a refusal from its target, repeal.read gives next from
the same target), and every sentence reads the same with the dispatch as with every reader tried."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawdiff.changes import insert, nummer, repeal, rewrite
from lawdiff.changes.common import Reader, Unreadable
from lawdiff.importers import amending

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "lexdania"


@functools.lru_cache(maxsize=1)
def real_sentences() -> list[str]:
    """The instruction sentences of every 8th amending act of the corpus (some 2,400), as read."""
    files = sorted(CORPUS.glob("*/*.xml"))
    out = []
    for f in files:
        data = f.read_bytes()
        if "<DocumentType>LOV Æ".encode() not in data[:8192]:
            continue
        out.append(f)
    sents = []
    for f in out[::8]:
        root = etree.fromstring(f.read_bytes())
        for d in root.iter("AendringDefinition"):
            try:
                text, _ = amending._definition_text(d)
            except Exception:
                continue
            if text:
                sents.append(text)
    return sents


# words of the readers' forms and their near misses: what a mutation puts in or swaps for another
_WORDS = ["indsættes", "indsættes:", "affattes", "affattes således:", "ophæves", "ophæves.", "udgår", "ændres",
          "til:", "I", "i", "§", "§§", "stk.", "nr.", "Efter", "efter", "Før", "før", "Som", "som", "overskriften",
          "Overskriften", "kapitel", "bilag", "Bilag", "fodnote", "til", "lovens", "titel", "»ord«", "1.", "pkt.", "2",
          "3 a,", "og", ",", "der", "bliver", "med", "tilhørende", "overskrift", "denne", "lov", "Overalt", "loven",
          "indsætte", "affates", "»", "«", ":", "."]


def _mutate(sent: str, ops: list[tuple[int, int, int]]) -> str:
    words = sent.split(" ")
    for kind, where, what in ops:
        i = where % (len(words) + 1)
        w = _WORDS[what % len(_WORDS)]
        if kind == 0:
            words.insert(i, w)
        elif kind == 1 and i < len(words):
            words[i] = w
        elif kind == 2 and i < len(words):
            del words[i]
        elif kind == 3:
            words = words[:i]
    return " ".join(words)


def sentences():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not there")
    ops = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 60), st.integers(0, 200)), max_size=4)
    return st.builds(_mutate, st.sampled_from(real_sentences()), ops)


def _outcome(fn, *args):
    """What a reader gives: (result, where the reader stands, warnings), or the refusal."""
    r = Reader(args[0], args[1])
    try:
        ch = fn(r, *args[2:])
    except Unreadable as e:
        return ("refused", str(e))
    return (ch, r.pos, list(r.warnings))


def _positions(sent: str) -> list[int]:
    """The start and each place a later clause may start (after ", " or " og ")."""
    return [0] + [m.end() for m in re.finditer(r", og |, | og ", sent)]


def _check_skipped_readers(sent: str) -> None:
    prev = {"i": "§ 5, stk. 2", "ændres": "a", "til": "b"}
    for pos in _positions(sent):
        for first, before in ((pos == 0, None), (False, prev)):
            if sent.find(insert.TOP_NEEDS, pos) == -1:
                assert _outcome(insert.read_top, sent, pos, before, first) == (None, pos, [])
            if sent.find(rewrite.NEEDS, pos) == -1:
                got = _outcome(rewrite.read, sent, pos, before, first)
                if got[0] == "refused":
                    # its target's "der bliver" without a citation: repeal.read, tried next at the
                    # same position, reads the same target and refuses alike
                    assert _outcome(repeal.read, sent, pos, before, first) == got
                    continue
                assert got[:2] == (None, pos)
                if got[2]:
                    # its only trace, the warning for a stray "I" before its target, is given again
                    # by repeal.read, which reads the same target next at the same position
                    rep = _outcome(repeal.read, sent, pos, before, first)
                    assert rep[0] == "refused" or rep[0] is None or rep[2][:len(got[2])] == got[2]


def _read(sent: str):
    try:
        w: list[str] = []
        return nummer.read_sentence(sent, w), w
    except Unreadable as e:
        return "refused", str(e)


def _read_every_reader(sent: str):
    top, need = insert.TOP_NEEDS, rewrite.NEEDS
    insert.TOP_NEEDS = rewrite.NEEDS = ""  # "".find gives the position: every reader tried
    try:
        return _read(sent)
    finally:
        insert.TOP_NEEDS, rewrite.NEEDS = top, need


def test_the_dispatch_reads_every_real_sentence_alike():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not there")
    sents = real_sentences()
    assert len(sents) > 2000
    for sent in sents:
        _check_skipped_readers(sent)
        assert _read(sent) == _read_every_reader(sent), sent


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_a_skipped_reader_reads_nothing(data):
    _check_skipped_readers(data.draw(sentences()))


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_the_dispatch_reads_every_mutated_sentence_alike(data):
    sent = data.draw(sentences())
    assert _read(sent) == _read_every_reader(sent)


def test_the_dispatch_words_are_read():
    # the readers read sentences with their word (the dispatch lets them through)
    w: list[str] = []
    assert nummer.read_sentence("Efter § 17 indsættes:", w)[0]["efter"] == "§ 17"
    assert nummer.read_sentence("§ 5, stk. 2, affattes således:", w)[0]["affattes"] == "§ 5, stk. 2"
    assert nummer.read_sentence("§ 5, stk. 2, ophæves.", w)[0]["ophæves"] == "§ 5, stk. 2"


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["§ 5", ",", " ", "stk. 4", "der", "som", "bliver", " bliver ", "stk. 5", "nr. 2",
                                 ", der bliver ", " som bliver", "blive"]), max_size=10).map("".join))
def test_split_der_bliver_pretest(c):
    # common._split_der_bliver looks for its pattern only in a citation holding " bliver "
    from lawdiff.changes import common
    if " bliver " not in c:
        assert re.search(r",? (der|som) bliver ", c) is None
        r = Reader(c + " ophæves.", len(c))
        assert common._split_der_bliver(r, c) == c and r.pos == len(c)


def test_split_der_bliver_reads_its_form():
    from lawdiff.changes import common
    c = "§ 5, stk. 4, der bliver stk. 5"
    r = Reader(c + ", ophæves.", len(c))
    assert common._split_der_bliver(r, c) == "§ 5, stk. 4" and r.pos == len("§ 5, stk. 4")
