"""The engine reading an act's addresses in the law as the act cites it (`_Applier(cite_base=…)`):
consolidate gives it when acts passed after the act entered into force first and ran before it
(consolidate.cited_version; the real chains: tests/test_chains.py)."""
from __future__ import annotations

import pytest
import yaml

from lawdiff.address import resolve
from lawdiff.engine import apply_proposal
from lawdiff.engine.applier import _Applier
from lawdiff.errors import LawdiffError
from lawdiff.proposal import parse_proposal
from lawdiff.render.text import plain_text
from tests.helpers import make_proposal


@pytest.fixture(scope="module")
def lab(store):
    return store.load("lab@2016-11-21")


@pytest.fixture(scope="module")
def later(lab):
    """LAB after a later-passed act inserted a new stk. 4 in § 68 a (the old stk. 4 is now stk. 5)."""
    return apply_proposal(make_proposal([{"ny": "stk", "i": "§ 68 a", "efter": "stk. 3",
                                          "tekst": "Stk. 4. Ny tekst fra en senere vedtaget lov."}]),
                          {"lab": lab})["lab"].new


def amendment(changes):
    """An amendment file (the format of imported acts, which carries "som") with one nummer."""
    data = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "Test",
            "dato": "2020-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2020",
            "love": {"lab": "lab@2016-11-21"},
            "paragraffer": [{"nummer": "1", "lov": "lab", "numre": [{"nummer": "1", "ændringer": changes}]}]}
    return parse_proposal(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(), "lov-2020-1.yaml")


def run(act, cite_base, changes):
    ap = _Applier("lab", act, cite_base)
    for c in amendment(changes).changes:
        ap.apply(c)
    return ap.finish()


def test_an_address_names_the_unit_the_act_cites(lab, later):
    old4 = resolve(lab, "§ 68 a, stk. 4").units[0]
    words = old4.own_lines()[0].split()[2]
    lr = run(later, lab, [{"i": "§ 68 a, stk. 4", "ændres": words, "til": "ÆNDRET"}])
    now5 = resolve(lr.new, "§ 68 a, stk. 5").units[0]
    assert now5.wid == old4.wid and "ÆNDRET" in now5.own_lines()[0]
    assert "ÆNDRET" not in resolve(lr.new, "§ 68 a, stk. 4").units[0].own_lines()[0]
    # without cite_base the address is read in the text it runs on: the new stk. 4, where the words are not
    with pytest.raises(LawdiffError, match="findes ikke"):
        run(later, None, [{"i": "§ 68 a, stk. 4", "ændres": words, "til": "ÆNDRET"}])


def test_a_position_among_renumbered_units_is_refused(lab, later):
    with pytest.raises(LawdiffError, match="en plads i loven, som den stod, da ændringsloven blev vedtaget"):
        run(later, lab, [{"ny": "stk", "i": "§ 68 a", "som": "stk. 5", "tekst": "Stk. 5. Endnu en."}])
    # elsewhere the numbering is the same in both: a position is certain
    lr = run(later, lab, [{"ny": "stk", "i": "§ 68 b", "som": "stk. 2", "tekst": "Stk. 2. Ny."}])
    assert plain_text(resolve(lr.new, "§ 68 b, stk. 2").units[0]) == "Stk. 2. Ny."


def test_a_unit_gone_since_is_read_where_the_act_runs(lab, later):
    """A unit the act cites that a later-passed act rewrote (a new stable id) is read at its address in
    the text the act runs on, as without cite_base (lov 326/2012, § 1, nr. 11 in § 49, stk. 1, nr. 6,
    which lov 928/2012 rewrote: LBK 390/2013 prints the words changed in the new text)."""
    rewritten = apply_proposal(make_proposal([{"affattes": "§ 68 b", "tekst": "§ 68 b. Helt ny tekst."}]),
                               {"lab": lab})["lab"].new
    lr = run(rewritten, lab, [{"i": "§ 68 b", "ændres": "Helt ny", "til": "Ganske ny"}])
    assert plain_text(resolve(lr.new, "§ 68 b").units[0]) == "§ 68 b. Ganske ny tekst."


def test_a_place_repealed_since_is_left_out_of_a_change_of_several_places(lab):
    """"I § 53, stk. 3 og 4, … og § 74 h, stk. 9, udgår »og 6«" (lov 912/2010, § 1, nr. 1) where lov
    1365/2011, passed later but in force first, repealed § 74 h: the other places are changed, with a
    warning; a change of that one place alone is still refused."""
    gone = apply_proposal(make_proposal([{"ophæves": "§ 68 b"}]), {"lab": lab})["lab"].new
    line = resolve(lab, "§ 68 a, stk. 1").units[0].own_lines()[0]
    word = next(w for w in line.split() if w.isalpha() and len(w) > 6 and line.split().count(w) == 1)
    lr = run(gone, lab, [{"i": "§ 68 a, stk. 1, og § 68 b, stk. 1", "udgår": word}])
    assert word not in resolve(lr.new, "§ 68 a, stk. 1").units[0].own_lines()[0].split()
    assert any("§ 68 b, stk. 1 er ophævet af en ændringslov, der blev vedtaget efter denne" in w for w in lr.warnings)
    with pytest.raises(LawdiffError):
        run(gone, lab, [{"i": "§ 68 b, stk. 1", "udgår": word}])
    with pytest.raises(LawdiffError):  # without cite_base: the address names nothing, refused as before
        run(gone, None, [{"i": "§ 68 a, stk. 1, og § 68 b, stk. 1", "udgår": word}])


def test_words_of_a_unit_rewritten_since_are_refused_naming_the_rewrite(lab):
    """Lov 326/2012, § 1, nr. 24 strikes words of § 33 d, stk. 1 of lov om social pension, which lov
    1380/2012 (passed later, in force first) rewrote whole: refused, and the message says why."""
    old = plain_text(resolve(lab, "§ 68 b").units[0])
    words = " ".join(old.split()[3:6])
    rewritten = apply_proposal(make_proposal([{"affattes": "§ 68 b", "tekst": "§ 68 b. Helt ny tekst."}]),
                               {"lab": lab})["lab"].new
    with pytest.raises(LawdiffError, match="ændret af en ændringslov, der blev vedtaget efter denne"):
        run(rewritten, lab, [{"i": "§ 68 b", "udgår": words}])
