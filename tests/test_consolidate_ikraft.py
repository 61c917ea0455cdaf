"""consolidate's reading of the commencement rules' scopes (`gælder`) and of "dagen efter / ved
bekendtgørelsen", on the real sentences that the date path (tests/test_chains_bydate.py) and a scan
of every amending act's rules showed read wrong. A wrong scope is a wrong date, and a wrong date is
wrong law text: where the words allow two readings the nummer is pending, never dated."""
from __future__ import annotations

import pytest

from lawdiff.consolidate import AmendingAct, Nummer, ikraft_of, rule_scope, rule_scope_parts


def _nr(rules, paragraf, nummer, date="2010-05-01"):
    act = AmendingAct("lov-2010-1", "x.yaml", "", date, "lov nr. 1 af 01/05/2010", [], rules, [])
    return ikraft_of(Nummer(act, paragraf, nummer, {}, ()))


@pytest.mark.parametrize("text, certain, doubtful", [
    # the act's own nummer after another law's provision (lov 1360/2010 and the like)
    ("§ 11 a i lov om radio- og fjernsynsvirksomhed som affattet ved denne lovs § 1, nr. 5", {("1", "5")}, set()),
    # "lovens § 1, nr. 5" is the act's own too (lov 482/2012); before, "§ 12" was read as the act's § 12
    ("§ 12 i lov om registrering af køretøjer som affattet ved lovens § 1, nr. 5", {("1", "5")}, set()),
    ("ophævelsen af § 8, stk. 1, nr. 4, i lov om registrering af køretøjer, jf. lovens § 1, nr. 2", {("1", "2")}, set()),
    # another law named before its provisions (lov 545/2010): its § 1 and § 2 are not the act's §§ 1 and 2
    ("skatteforvaltningslovens § 1 og § 2, stk. 1, som affattet ved denne lovs § 1, nr. 1 og 2",
     {("1", "1"), ("1", "2")}, set()),
    ("øl- og vinafgiftslovens § 14 som affattet ved denne lovs § 4, nr. 2", {("4", "2")}, set()),
    # relative clauses (lov 1567/2010): before, § 1, nr. 13 was lost and had the general date
    ("§ 1, nr. 7, der ændrer § 3, stk. 1, i lov om befordringsrabat til studerende ved videregående uddannelser, "
     "og § 1, nr. 13, der ændrer § 5, nr. 1, i lov om befordringsrabat til studerende ved videregående uddannelser,",
     {("1", "7"), ("1", "13")}, set()),
    # a list of another law's provisions: the first that cannot be an ændringsparagraf makes the rest that
    # law's; a bare "§ 2, nr. 9" before it may be either (lov 431/2010)
    ("§ 2, nr. 9, § 75 b, § 75 c og § 78, stk. 2, i lov om en aktiv beskæftigelsesindsats som affattet ved denne "
     "lovs § 1, nr. 1, 9 og 10", {("1", "1"), ("1", "9"), ("1", "10")}, {("2", "9")}),
    ("§ 4, stk. 2, § 6, §§ 7 og 8, §§ 9-10 a, § 22, § 23, stk. 5, samt § 30 i lov om stormflod og stormfald som "
     "affattet ved denne lovs § 1, nr. 9", {("1", "9")}, set()),
    # the provision right before "i lov om" is that law's (lov 895/2013)
    ("§ 2, nr. 2 og 3, i lov om en aktiv beskæftigelsesindsats som ændret ved denne lovs § 1, nr. 2 og 3",
     {("1", "2"), ("1", "3")}, set()),
    # "for så vidt angår": only part of a nummer (lov 1884/2015)
    ("§ 1, nr. 3, for så vidt angår ophævelsen af skattekontrollovens § 8 X, stk. 1-3, 5 og 6, og lovens § 1, nr. 5",
     {("1", "5")}, {("1", "3")}),
    ("§ 11, stk. 4, 2. pkt., som affattet ved denne lovs § 1, nr. 18, og ændringerne af § 13, stk. 1 og 2, som affattet "
     "ved denne lovs § 1, nr. 20 og 21, for så vidt angår personer omfattet af § 2, nr. 3, i lov om en aktiv "
     "beskæftigelsesindsats", {("1", "18")}, {("1", "20"), ("1", "21")}),
    ("§ 1, nr. 9 og 12, og færdselslovens § 132 a som affattet ved denne lovs § 1, nr. 13",
     {("1", "9"), ("1", "12"), ("1", "13")}, set()),
    ("§ 1, nr. 1-3", {("1", "1"), ("1", "2"), ("1", "3")}, set()),
    # "§ 127, 2. pkt." is no "§§ 127 og 2" (lov 716/2010: the act's § 2 was doubtful)
    ("færdselslovens §§ 60-60 e, § 62, stk. 3, § 127, 2. pkt., og § 132 a som affattet eller ændret ved denne lovs "
     "§ 1, nr. 2-4", {("1", "2"), ("1", "3"), ("1", "4")}, set()),
    # after another law's name, a bare provision may be its or the act's (lov 118/2012); before, the whole
    # rest was dropped, so that the act's own numre fell to the general rule
    ("§ 1, § 2, den ved § 8, nr. 1, foreslåede affattelse af skattekontrollovens § 3 A, stk. 1-7, § 8, nr. 2-6 "
     "og 8, § 9", {("1", None), ("2", None), ("8", "1")}, {("8", "2"), ("8", "3"), ("8", "4"), ("8", "5"),
                                                             ("8", "6"), ("8", "8"), ("9", None)}),
    # after "i lov om X", a new item begins at the next § (not part of the law's name)
    ("§ 4 a i lov om leje, § 1, nr. 5 og 6", {("1", "5"), ("1", "6")}, set()),
])
def test_rule_scope_parts(text, certain, doubtful):
    assert rule_scope_parts(text) == (certain, doubtful)


def test_a_nummer_a_rule_may_name_is_pending_not_dated():
    rules = [{"dato": "2010-07-01"}, {"dato": "2010-08-01", "gælder": [
        "§ 2, nr. 9, § 75 b, § 75 c og § 78, stk. 2, i lov om en aktiv beskæftigelsesindsats som affattet ved "
        "denne lovs § 1, nr. 1, 9 og 10"]}]
    assert _nr(rules, "1", "9").date == "2010-08-01"
    assert _nr(rules, "2", "1").date == "2010-07-01"
    ik = _nr(rules, "2", "9")
    assert ik.date is None and "datoen kan ikke afgøres" in ik.pending and "§ 2, nr. 9" in ik.pending
    # a scope that names none of the act's numre cannot be read: the act's general date is then withheld
    assert rule_scope("§ 12 i lov om registrering af køretøjer") is None
    assert _nr([{"dato": "2010-07-01"}, {"minister": True, "gælder": ["§ 12 i lov om registrering af køretøjer"]}],
               "1", "1").pending.startswith("ikrafttrædelsesbestemmelsen »§ 12 i lov om registrering af køretøjer« kan ikke læses")


def test_publication_is_pending_while_its_day_is_unknown(tmp_path):
    """"ved bekendtgørelsen" is the day of publication (days=0), "dagen efter" the day after; the act is
    published within PUBLICATION_MARGIN days of its date. A version whose date or whose base's date falls
    in that window cannot know whether the act is in force: pending, named so."""
    from lawdiff.consolidate import PUBLICATION_MARGIN

    assert PUBLICATION_MARGIN == 14
    assert _nr([{"bekendtgørelse": "ved"}], "1", "1").days == 0
    assert _nr([{"bekendtgørelse": "dagen efter"}], "1", "1").days == 1


def _list(nums: list[int]) -> str:
    words = [str(x) for x in nums]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


from hypothesis import given, settings, strategies as st  # noqa: E402

_LAWS = ["lov om en aktiv beskæftigelsesindsats", "lov om social service", "udlændingeloven", "lov om leje"]


@settings(max_examples=200, deadline=None)
@given(own_par=st.integers(1, 12), own=st.lists(st.integers(1, 120), min_size=1, max_size=5, unique=True),
       foreign=st.lists(st.tuples(st.integers(1, 300), st.sampled_from(["", " a", " b"]), st.integers(0, 6)),
                        min_size=1, max_size=4),
       law=st.sampled_from(_LAWS), verb=st.sampled_from(["affattet", "ændret", "indsat"]))
def test_another_laws_provisions_are_never_the_acts_own(own_par, own, foreign, law, verb):
    """Whatever provisions of another law a scope lists before "i <lov> som <verb> ved denne lovs § P, nr.
    …", the certain numre are exactly the act's own after "denne lovs", and a provision of the other law
    (one with a letter or a stk., or the last before the law's name) is never taken for an ændringsparagraf."""
    refs = [f"§ {n}{letter}" + (f", stk. {stk}" if stk else "") for n, letter, stk in foreign]
    text = (", ".join(refs[:-1]) + " og " + refs[-1] if len(refs) > 1 else refs[0]) + \
        f", i {law} som {verb} ved denne lovs § {own_par}, nr. {_list(sorted(own))}"
    certain, doubtful = rule_scope_parts(text)
    assert certain == {(str(own_par), str(n)) for n in own}
    # only a bare "§ N" before the first provision that cannot be an ændringsparagraf may be doubtful
    bare_first = []
    for n, letter, stk in foreign[:-1]:
        if letter or stk:
            break
        bare_first.append((str(n), None))
    assert doubtful == set(bare_first) - certain


def test_the_whole_act_named_loven():
    # "Skatteministeren fastsætter tidspunktet for ikrafttræden af loven." (lov 722/2010 § 12, stk. 1): the
    # whole act, not a scope "loven" that cannot be read
    from lawdiff.importers.amending import read_amending_file
    from tests.conftest import lexdania

    rules = read_amending_file(lexdania("2010/2010-722.xml")).doc["ikrafttræden"]
    assert rules[0] == {"minister": True}
    assert _nr(rules, "3", "2").pending.startswith("ministeren fastsætter")
    assert _nr(rules, "1", "1").date == "2010-07-01"


def test_what_a_consolidated_base_left_out_is_carried_on():
    """A consolidated base's record says which numre it lacks: one it left pending only because the day of
    publication was not yet certain runs at its date now; one it left pending because its own base's LBK
    said it was not incorporated, or because it could not tell whether its base held it, stays pending
    with that reason (it was taken for the base's before, by its date, and lost without a word)."""
    from types import SimpleNamespace

    from lawdiff.consolidate import _left_out
    from lawdiff.record import Record, Skipped

    base = SimpleNamespace(consolidation=None)
    base.consolidation = Record("x@2011-02-22", "LBK nr. 170 af 22/02/2011", pending=[
        Skipped("lov-2010-1561", "§ 1, nr. 31", "LBK nr. 170 af 22/02/2011 siger, at nummeret ikke er indarbejdet, …"),
        Skipped("lov-2011-1", "§ 1, nr. 1", "træder i kraft dagen efter bekendtgørelsen i Lovtidende, hvis dato ikke "
                                            "kendes, så det vides ikke, om x@2011-02-22 har den; brug --include"),
        Skipped("lov-2011-2", "§ 1, nr. 1", "træder i kraft dagen efter bekendtgørelsen i Lovtidende, hvis dato ikke "
                                            "kendes; brug --include")])
    got = _left_out(base)
    assert got[("lov-2010-1561", "§ 1, nr. 31")][0] == "note"
    assert got[("lov-2011-1", "§ 1, nr. 1")] == ("note", base.consolidation.pending[1].reason)
    assert got[("lov-2011-2", "§ 1, nr. 1")] == ("record", "")
