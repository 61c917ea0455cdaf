"""The engine on the real LAB 2016 text."""
from __future__ import annotations

import pytest

from lawdiff import akn, redline
from lawdiff.address import punktum_spans, resolve
from lawdiff.check import numbering_gaps
from lawdiff.errors import AddressError
from lawdiff.engine import apply_proposal, find_all
from lawdiff.proposal import ProposalError
from lawdiff.render.text import plain_text
from tests.helpers import make_proposal


@pytest.fixture(scope="module")
def lab(store):
    return store.load("lab@2016-11-21")


def apply(lab, changes):
    return apply_proposal(make_proposal(changes), {"lab": lab})["lab"]


def text(act, address):
    return plain_text(resolve(act, address).units[0])


def test_find_all_is_normalised_and_on_word_boundaries():
    line = "jf. §\u00a068 c og §\u00a068 cd, fleks\u00adjob 15 års og 5 års"
    assert len(find_all(line, "§ 68 c")) == 1
    assert len(find_all(line, "fleksjob")) == 1
    assert len(find_all(line, "5 års")) == 1  # not inside "15 års"


def test_insert_words_and_new_stk_renumbers_followers(lab):
    before = akn.to_bytes(lab)
    lr = apply(lab, [
        {"i": "§ 30 a, stk. 3, nr. 2", "indsættes_efter": "indsats på disse områder",
         "tekst": "samt anbefaling til borgerens videre forløb"},
        {"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Stk. 4. Ny tekst."},
    ])
    assert "på disse områder samt anbefaling til borgerens videre forløb, og" in text(lr.new, "§ 30 a, stk. 3, nr. 2")
    assert text(lr.new, "§ 68 a, stk. 4") == "Stk. 4. Ny tekst."
    assert text(lr.new, "§ 68 a, stk. 5").startswith("Stk. 5. Ressourceforløbet skal være af mindst 1 og højst 5 års")
    assert len(resolve(lr.new, "§ 68 a").units[0].children) == 10
    # stable ids follow the units; the stored act is untouched
    old4 = resolve(lab, "§ 68 a, stk. 4").units[0]
    assert resolve(lr.new, "§ 68 a, stk. 5").units[0].wid == old4.wid
    assert akn.to_bytes(lab) == before
    assert numbering_gaps(lr.new) == []


def test_repeal_stk_renumbers_and_section_repeal_does_not(lab):
    lr = apply(lab, [{"ophæves": "§ 68 a, stk. 2"}, {"ophæves": "§ 68 b"}])
    assert text(lr.new, "§ 68 a, stk. 2").startswith("Stk. 2. Forud for visitation")
    with pytest.raises(AddressError, match="§ 68 b findes ikke"):
        resolve(lr.new, "§ 68 b")
    assert text(lr.new, "§ 68 c").startswith("§ 68 c.")
    rl = redline.build(lr.base, lr.new, lr)
    sec = next(s for s in rl.sections() if s.old_num == "68 b")
    assert sec.status == redline.REPEALED and sec.changes == ["1.2"]


def test_punktum_changes(lab):
    lr = apply(lab, [
        {"ophæves": "§ 68 a, stk. 8, 2. pkt."},
        {"ny": "pkt", "i": "§ 68 a, stk. 4", "tekst": "Forløbet kan forlænges."},
        {"affattes": "§ 68 a, stk. 9, 2. pkt.", "tekst": "Kommunen kan tilbyde flere forløb."},
    ])
    assert text(lr.new, "§ 68 a, stk. 8") == "Stk. 8. Personen kan tilbydes flere på hinanden følgende ressourceforløb."
    assert text(lr.new, "§ 68 a, stk. 4").endswith("højst 5 års varighed. Forløbet kan forlænges.")
    assert "Kommunen kan tilbyde flere forløb." in text(lr.new, "§ 68 a, stk. 9")
    assert len(punktum_spans(resolve(lr.new, "§ 68 a, stk. 9").units[0])) == 3


def test_rewrite_keeps_id_and_parses_list(lab):
    lr = apply(lab, [{"affattes": "§ 68 a, stk. 1", "tekst": "Personer skal tilbydes et forløb, hvis de\n"
                                                             "1) er ledige, eller\n2) er syge."}])
    stk = resolve(lr.new, "§ 68 a, stk. 1").units[0]
    assert [c.label for c in stk.children] == ["1)", "2)"]
    assert stk.wid == resolve(lab, "§ 68 a, stk. 1").units[0].wid


def test_overalt_replaces_every_occurrence(lab):
    lr = apply(lab, [{"overalt": True, "ændres": "ressourceforløb", "til": "rehabiliteringsforløb"}])
    def count(act, word):
        return sum(len(find_all(ln, word)) for s in act.sections() for u in s.walk() for ln in u.own_lines())

    n_base = count(lab, "ressourceforløb")
    assert n_base > 10
    assert count(lr.new, "ressourceforløb") == 0  # whole words only: "ressourceforløbet" stays
    assert count(lr.new, "rehabiliteringsforløb") == n_base + count(lab, "rehabiliteringsforløb")
    assert count(lr.new, "ressourceforløbet") == count(lab, "ressourceforløbet")


def test_new_section_and_heading(lab):
    lr = apply(lab, [
        {"ny": "paragraf", "nummer": "68 h", "efter": "§ 68 g", "tekst": "§ 68 h. Ny paragraf.\nStk. 2. Andet."},
        {"overskrift": "kapitel 12 a", "tekst": "Ressourceforløb og rehabilitering"},
    ])
    sec = resolve(lr.new, "§ 68 h").units[0]
    assert [c.label for c in sec.children] == [None, "Stk. 2."] and sec.eid == "sec_68h"
    chap = resolve(lr.new, "kapitel 12 a").units[0]
    assert chap.heading.text == "Ressourceforløb og rehabilitering"


def test_new_last_nr_warns_about_punctuation(lab):
    lr = apply(lab, [{"ny": "nr", "i": "§ 30 a, stk. 3", "tekst": "4) en anbefaling."}])
    assert text(lr.new, "§ 30 a, stk. 3, nr. 4") == "4) en anbefaling."
    assert any("ender med ».«" in w for w in lr.warnings)


def test_moved_references_are_warned(lab):
    lr = apply(lab, [{"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Ny."}])
    joined = "\n".join(lr.warnings)
    assert "§ 68 a, stk. 9 henviser til »stk. 1-7«, der bliver »stk. 1-8«" in joined
    assert "§ 68 b, stk. 1 henviser til »§ 68 a, stk. 3-7«, der bliver »§ 68 a, stk. 3-8«" in joined


def test_redline_attributes_segments_to_changes(lab):
    lr = apply(lab, [{"i": "§ 68 a, stk. 4", "ændres": "5 års", "til": "3 års"},
                     {"i": "§ 68 a, stk. 4", "ændres": "mindst 1", "til": "mindst 2"}])
    rl = redline.build(lr.base, lr.new, lr)
    stk4 = next(u for u in rl.walk() if u.kind == "subsection" and u.old_num == "4" and u.wid.startswith("sec_68a"))
    ins = {s.text: s.change for b in stk4.intro for s in b if s.op == 1}
    assert ins == {"3 års": "1.1", "2": "1.2"} or ins == {"3 års": "1.1", "mindst 2": "1.2"}


def test_refusals_name_the_change(lab):
    with pytest.raises(ProposalError) as e:
        apply(lab, [{"i": "§ 68 a, stk. 4", "ændres": "7 års", "til": "3 års"}])
    assert "forslag 1, ændring 1" in e.value.message and "nærmeste: »5 års«" in e.value.hint


def test_new_chapter_after_the_last_section_of_a_chapter(lab):
    lr = apply(lab, [{"ny": "kapitel", "nummer": "12 c", "efter": "kapitel 12 b", "overskrift": "Forsøg",
                      "tekst": "§ 68 k. Der kan gennemføres forsøg.\nStk. 2. Forsøgene evalueres."}])
    chap = resolve(lr.new, "kapitel 12 c").units[0]
    assert chap.heading.text == "Forsøg" and [s.num for s in chap.children] == ["68 k"]
    parent_chapters = [u.num for u in lr.new.walk() if u.kind == "chapter"]
    assert parent_chapters.index("12 c") == parent_chapters.index("12 b") + 1


def test_a_word_change_inside_a_punktum_the_same_act_rewrites_is_held_only_without_doubt(lab):
    """The rewrite holds a word change in the punktum it rewrites (applier._rewrite_holds, lov 478/2012, § 2,
    nr. 4 and 9) only where both orders give the same text: the rewrite's text holds the new words and not the
    old ones. Where it still holds the old words ("5 års"), a word change run after the rewrite would change
    them there too: refused, never the rewrite's text with a warning."""
    rewrite = {"affattes": "§ 68 a, stk. 4, 1. pkt.",
               "tekst": "Ressourceforløbet skal være af mindst 1 og højst 3 års varighed."}
    change = {"i": "§ 68 a, stk. 4, 1. pkt.", "ændres": "5 års", "til": "3 års"}
    for changes in ([change, rewrite], [rewrite, change]):
        lr = apply(lab, changes)
        assert text(lr.new, "§ 68 a, stk. 4") == "Stk. 4. " + rewrite["tekst"]
        assert any("nyaffattelsen gælder" in w for w in lr.warnings), lr.warnings
    both = dict(rewrite, tekst="Ressourceforløbet skal være af mindst 1 og højst 5 års varighed, og efter 3 år af "
                               "mindst 1 og højst 3 års varighed.")
    for changes in ([change, both], [both, change]):
        with pytest.raises(ProposalError, match="ændringen rører ved de samme ord som"):
            apply(lab, changes)
