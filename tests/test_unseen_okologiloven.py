"""What the hold-out LBKs of the økologiloven (tests/fixtures/unseen-lexdania/okologiloven) found: a punktum
the LBK breaks for notes.

LBK 1657/2015 § 4, stk. 3, 3. pkt. is one sentence, which LBK 416/2011 prints on one line: "De øvrige
medlemmer udpeges efter indstilling fra henholdsvis Miljøministeriet, Foreningen for Biodynamisk Jordbrug, …
og Dansk Akvakultur." LBK 1657/2015 hangs five editorial notes on it (the ministries merged, organisations
renamed) and prints it as six <Linea> with a <Nota> between each two: "… henholdsvis Miljøministeriet" / 1) /
", Foreningen for Biodynamisk Jordbrug, Økologisk Landsforening, Landbrugsraadet" / 2) / ", Dansk Landbrug" /
3) / … / ", den danske detailhandel, Det Grønne Kontaktudvalg og Dansk Akvakultur.".

lawdiff counted each line as a punktum: the stk. had 8 (there are 3), "§ 4, stk. 3, 3. pkt. affattes/ophæves"
rewrote or removed the first line only and left ", Foreningen for … , Dansk Landbrug , …" standing, exit 0 (a
wrong law text); "4. pkt." was ", Foreningen for …"; and show, diff and plain text printed a space before each
comma ("Miljøministeriet , Foreningen"), which `diff` against LBK 416/2011 showed as five inserted spaces.
The corpus has 428 such lines in 169 documents (a line that begins with a comma, full stop, semicolon, colon or
closing parenthesis after a note; LBK 1096/2010 § 89, stk. 2: "… jf. § 90, stk. 1" / note / ".").

Now such a line goes on from the line before (address.punktum_spans_of, text.join_lines): one punktum over
several lines, which a change of words reaches and a rewrite or repeal is refused (as for LBK 930/2012 § 65,
stk. 1, tests/test_engine_pkt_lines.py), and joined without the space.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from lawdiff.address import punktummer, resolve
from lawdiff.engine import apply_proposal
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.proposal import ProposalError
from lawdiff.render.text import plain_text, render_unit
from lawdiff.text import norm
from tests.conftest import ROOT, lexdania
from tests.helpers import make_proposal

FIXTURES = ROOT / "tests" / "fixtures" / "unseen-lexdania" / "okologiloven"
THIRD = ("De øvrige medlemmer udpeges efter indstilling fra henholdsvis Miljøministeriet, Foreningen for Biodynamisk "
         "Jordbrug, Økologisk Landsforening, Landbrugsraadet, Dansk Landbrug, Arbejderbevægelsens Erhvervsråd, "
         "Forbrugerrådet, Dansk Industri, den danske detailhandel, Det Grønne Kontaktudvalg og Dansk Akvakultur.")


@lru_cache(maxsize=4)
def _act(name: str):
    act = read_lexdania_file(FIXTURES / name).act
    act.law = "x"
    return act


def _stk3(act):
    return resolve(act, "§ 4, stk. 3").units[0]


def _apply(changes):
    act = _act("2015-1657.xml")
    return apply_proposal(make_proposal(changes, {"x": f"x@{act.date}"}), {"x": act})["x"]


def test_the_punktum_broken_for_notes_is_one_punktum_as_the_lbk_before_prints_it():
    stk = _stk3(_act("2015-1657.xml"))
    assert len([b for b in stk.intro if b.text]) == 8  # two punktummer, and the third over six lines
    assert len(punktummer(stk)) == 3
    assert punktummer(stk)[2] == THIRD
    assert punktummer(stk)[1] == "Formanden udpeges som repræsentant for Miljø- og Fødevareministeriet."
    assert punktummer(_stk3(_act("2011-416.xml")))[2] == THIRD  # the same punktum on one line in LBK 416/2011
    assert punktummer(resolve(_act("2015-1657.xml"), "§ 4, stk. 3, sidste pkt.").units[0])[-1] == THIRD


def test_a_rewrite_or_repeal_of_the_broken_punktum_is_refused_not_half_done():
    for change in ({"affattes": "§ 4, stk. 3, 3. pkt.", "tekst": "De øvrige medlemmer udpeges af ministeren."},
                   {"ophæves": "§ 4, stk. 3, 3. pkt."}):
        with pytest.raises(ProposalError) as e:
            _apply([change])
        assert "§ 4, stk. 3, 3. pkt. står i loven over 6 linjer" in str(e.value), str(e.value)


def test_there_is_no_fourth_punktum():
    with pytest.raises(ProposalError) as e:
        _apply([{"i": "§ 4, stk. 3, 4. pkt.", "ændres": "Landbrugsraadet", "til": "Landbrug & Fødevarer"}])
    assert "§ 4, stk. 3 har ikke 4. pkt." in str(e.value), str(e.value)


def test_words_in_any_line_of_the_broken_punktum_are_changed():
    lr = _apply([{"i": "§ 4, stk. 3, 3. pkt.", "ændres": "Dansk Industri", "til": "DI"},
                 {"i": "§ 4, stk. 3, sidste pkt.", "ændres": "Dansk Akvakultur", "til": "Danmarks Akvakultur"}])
    assert punktummer(_stk3(lr.new))[2] == THIRD.replace("Dansk Industri", "DI").replace(
        "Dansk Akvakultur", "Danmarks Akvakultur")
    assert len(punktummer(_stk3(lr.new))) == 3


def test_the_broken_punktum_reads_without_a_space_before_its_commas():
    stk = _stk3(_act("2015-1657.xml"))
    assert plain_text(stk).endswith(THIRD)
    shown = render_unit(stk)
    assert THIRD in shown and " ," not in shown


def test_a_full_stop_after_a_note_ends_the_punktum_before_it_in_the_corpus():
    """LBK 1096/2010 (serviceloven) § 89, stk. 2: "… jf. § 90, stk. 1" / note 1) / ".": one punktum, not two
    (the second "."), read as retsinformation prints it."""
    act = read_lexdania_file(lexdania("2010/2010-1096.xml")).act
    stk = resolve(act, "§ 89, stk. 2").units[0]
    assert len(punktummer(stk)) == 1
    assert norm(punktummer(stk)[0]).endswith("ikke leveres i overensstemmelse med afgørelsen, jf. § 90, stk. 1.")
    assert norm(plain_text(stk)).endswith("jf. § 90, stk. 1.")


def test_a_redline_of_the_stk_reads_without_a_space_before_its_commas():
    """`lawdiff diff` prints the lines of a stk. one after the other: the broken punktum, unchanged, reads as
    the law does (render/redline_text joined its lines with a space: "Miljøministeriet , Foreningen")."""
    from lawdiff.diff import compare
    from lawdiff.render.redline_text import render

    act = _act("2015-1657.xml")
    lr = _apply([{"i": "§ 4, stk. 3, 1. pkt.", "ændres": "sammensætning", "til": "medlemmer"}])
    text = render(compare(act, lr.new, touched_only=True), "x", color=False)
    stk3 = next(line for line in text.splitlines() if line.startswith("Stk. 3."))
    assert stk3.endswith(THIRD) and "[-sammensætning-][+medlemmer+]" in stk3


def test_an_acts_new_text_broken_before_a_comma_reads_on():
    """The same in an amending act's new text (importers/amending._NewText): lov 638/2013 (forvaltningsloven
    § 27, stk. 1, nr. 2) prints "… drifts- eller forretningsforhold el.lign." / ", for så vidt det er af
    væsentlig økonomisk betydning …"; it was read "el.lign. , for så vidt", and LBK 433/2014, which breaks the
    line at the same place, differed from it by that space."""
    amending = pytest.importorskip("lawdiff.importers.amending")
    text = amending.dump(amending.read_amending_file(lexdania("2013/2013-638.xml")).doc)
    assert "forretningsforhold el.lign., for så vidt det er af væsentlig økonomisk betydning" in text
    assert "el.lign. , for" not in text
