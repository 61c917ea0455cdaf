"""Red team of the chainref merge: one count of punktummer for engine, show (address.resolve), blame and
rykning (address.punktum_spans). A punktum the law prints over two lines is one everywhere; a list label
on a line of its own is not merged with the line before or after it."""
import pytest

from lawdiff.address import punktum_spans, punktummer, resolve
from lawdiff.blame import _pkts
from lawdiff.proposal import ProposalError
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.lbk_apply import apply_to, lbk
from tests.test_engine_acts import run


def test_show_and_blame_count_a_punktum_over_two_lines_as_the_engine_does():
    # LBK 930/2012 § 65, stk. 1: 1. pkt. over two lines, 2. pkt. the third line. `show` gave "og samarbejde
    # …" (the 1. pkt.'s second line) as the 2. pkt. the engine changes "Klagerne behandles …" in
    unit = resolve(lbk("2012/2012-930.xml"), "§ 65, stk. 1").units[0]
    assert resolve(lbk("2012/2012-930.xml"), "§ 65, stk. 1, 2. pkt.").pkt_text == \
        "Klagerne behandles efter reglerne i denne lov."
    assert len(_pkts(unit)) == 2 and _pkts(unit)[1] == norm("Klagerne behandles efter reglerne i denne lov.")
    assert _pkts(unit)[0].startswith("De afgørelser") and "og samarbejde" in _pkts(unit)[0]


def test_new_last_punktum_after_a_punktum_over_two_lines():
    # "indsættes som 3. pkt." in a stk. of two punktummer (three lines): the count of `som` and the place
    # are the engine's count (it was refused: "har ikke 3. pkt. (der er 2)")
    lr = run("2012/2012-930", [{"i": "§ 65, stk. 1", "ny": "pkt", "som": "3. pkt.",
                                "tekst": "Ankestyrelsen kan genoptage sagen."}])
    got = plain_text(resolve(lr.new, "§ 65, stk. 1").units[0])
    assert got.endswith("Klagerne behandles efter reglerne i denne lov. Ankestyrelsen kan genoptage sagen."), got


def test_list_labels_are_not_merged_into_one_punktum():
    # LBK 323/2011 § 7, stk. 2 (årsregnskabsloven): "b)" / "en nettoomsætning på 72 mio. kr. og" / "c)" /
    # "et gennemsnitligt antal …": the merge made b) and c) one punktum (the line ends in "og", the label
    # "c)" begins in lower case), so every later "N. pkt." of the stk. meant another line than `show` gave
    act = lbk("2011/2011-323.xml")
    unit = resolve(act, "§ 7, stk. 2").units[0]
    pk = punktummer(unit)
    assert len(pk) == 20 and pk[5] == "en nettoomsætning på 72 mio. kr. og" and pk[6] == "c)"
    assert all(len(p) == 1 for p in punktum_spans(unit))
    lr = apply_to("2011/2011-323.xml", [{"i": "§ 7, stk. 2, 17. pkt.", "ændres": "250", "til": "300"}])
    after = punktummer(resolve(lr.new, "§ 7, stk. 2").units[0])
    assert after[16] == "et gennemsnitligt antal heltidsbeskæftigede i løbet af regnskabsåret på 300."
    assert after[7].endswith("på 50.")


def test_engine_and_show_give_the_same_punktum_in_every_corpus_stk_that_merges():
    # every punktum of the stk.: the engine's span (pkt_spans) is the text `show` gives
    for path, cite in (("2012/2012-930.xml", "§ 65, stk. 1"), ("2011/2011-323.xml", "§ 7, stk. 2")):
        act = lbk(path)
        unit = resolve(act, cite).units[0]
        for k, text in enumerate(punktummer(unit), 1):
            assert resolve(act, f"{cite}, {k}. pkt.").pkt_text == text


# --- §§ under several mellemrubrikker replaced (changes/repeal._replace_across_groups) ------------------
# forvaltningsloven, LBK 988/2012 kapitel 4: "Udsættelse af sagen" § 11, "Undtagelse af dokumenter" §§ 12-14

def _chapter_4(act):
    ch = next(u for u in act.walk() if u.kind == "chapter" and u.num == "4")
    return [(g.heading.text if g.heading else None, [s.num for s in g.children]) for g in ch.children][:5]


@pytest.mark.parametrize("tekst, now", [
    ("§ 11. Første nye.\n\n§ 12. Anden nye.", "ingen ny overskrift"),
    ("§ 11. Første nye.\n\nNy rubrik\n\n§ 12. Anden nye.", "»Ny rubrik«"),
])
def test_the_heading_over_the_paragraphs_after_the_range_is_not_dropped_silently(tekst, now):
    # "§§ 11-12 ophæves, og i stedet indsættes:" without the heading "Undtagelse af dokumenter", which
    # stands over §§ 12-14: §§ 13-14 went under "Udsættelse af sagen" (or "Ny rubrik") and the heading
    # was gone, with exit 0
    with pytest.raises(ProposalError) as e:
        apply_to("2012/2012-988.xml", [{"ophæves": "§§ 11-12", "tekst": tekst}])
    msg = str(e.value)
    assert "§ 11-§ 12 ophæves, men overskriften »Undtagelse af dokumenter« står også over § 13, § 14" in msg, msg
    assert now in msg


def test_the_same_heading_in_the_new_text_keeps_the_paragraphs_after_the_range_under_it():
    lr = apply_to("2012/2012-988.xml", [{"ophæves": "§§ 11-12", "tekst": "§ 11. Første nye.\n\n"
                                         "Undtagelse af dokumenter\n\n§ 12. Anden nye."}])
    assert _chapter_4(lr.new)[2:4] == [("Udsættelse af sagen", ["11"]),
                                       ("Undtagelse af dokumenter", ["12", "13", "14"])]


# --- a group the engine takes out of the tree without repealing it: the redline -----------------------

def _groups_in_redline(rl):
    return [(r.status, r.heading and [(s.op, s.text, s.change) for s in r.heading],
             [(ch.old_num, ch.new_num, ch.status, ch.changes) for ch in r.children])
            for r in rl.walk() if r.kind == "group" and r.status != "unchanged"]


def test_redline_of_an_emptied_group_shows_only_what_was_repealed():
    # serviceloven, LBK 1096/2010 "Undersøgelser" over §§ 49-51 (lov 628/2010, § 1, nr. 8-9): "Overskriften
    # før § 49 og § 49 ophæves" / "Efter § 49 indsættes: »Udveksling af oplysninger« § 49 a": §§ 50-51 live on
    # under the new heading; the redline showed them repealed as well, under the old heading, unattributed
    from lawdiff import redline
    lr = apply_to("2010/2010-1096.xml", [
        {"ophæves": "overskriften før § 49"}, {"ophæves": "§ 49"},
        {"ny": "paragraf", "efter": "§ 49", "nummer": "49 a", "tekst": "Udveksling af oplysninger\n\n§ 49 a. Ny."}])
    assert _groups_in_redline(redline.build(lr.base, lr.new, lr)) == [
        ("inserted", [(1, "Udveksling af oplysninger", "1.3")],
         [(None, "49 a", "inserted", ["1.3"]), ("50", "50", "unchanged", []), ("51", "51", "unchanged", [])]),
        ("repealed", [(-1, "Undersøgelser", "1.1")], [("49", None, "repealed", ["1.2"])])]


def test_redline_of_paragraphs_replaced_across_groups_keeps_the_ones_after_the_range():
    from lawdiff import redline
    lr = apply_to("2012/2012-988.xml", [{"ophæves": "§§ 11-12", "tekst": "§ 11. Første nye.\n\n"
                                         "Undtagelse af dokumenter\n\n§ 12. Anden nye."}])
    got = _groups_in_redline(redline.build(lr.base, lr.new, lr))
    assert got[-1] == ("repealed", [(-1, "Undtagelse af dokumenter", "1.1")], [("12", None, "repealed", ["1.1"])])
    assert got[-2][2][-2:] == [("13", "13", "unchanged", []), ("14", "14", "unchanged", [])]


def test_the_lovforslag_counts_a_punktum_over_two_lines_as_the_engine_does(tmp_path):
    """A new last punktum in LBK 930/2012 § 65, stk. 1 (two punktummer on three lines): the formal text
    says "som 3. pkt." (render/instructions counted each line, model.Unit.punktum_count, and said "som 4. pkt.",
    a citation of a punktum the law would not have)."""
    from lawdiff.engine import run as run_proposal
    from lawdiff.render.instructions import build_lovforslag
    from lawdiff.store import Store
    from tests.helpers import make_proposal

    act = lbk("2012/2012-930.xml")
    Store(tmp_path).save(act)
    prop = make_proposal([{"ny": "pkt", "i": "§ 65, stk. 1", "tekst": "Ankestyrelsen kan genoptage sagen."}],
                         {"x": f"x@{act.date}"})
    out = build_lovforslag(run_proposal(prop, Store(tmp_path))).text()
    assert "I § 65, stk. 1, indsættes som 3. pkt.:\n»Ankestyrelsen kan genoptage sagen.«" in out, out
