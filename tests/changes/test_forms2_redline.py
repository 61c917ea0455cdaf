"""The redline of a new part whose chapter has no heading of its own (issue 8, brief forms2): lov 404/2010 § 1, nr. 2
("Efter § 117 indsættes: »Sjette afsnit. Den Uafhængige Politiklagemyndighed / Kapitel 11 a / § 118. …«") on
retsplejeloven (LBK 1237/2010) showed the part and its §§, but not the "Kapitel 11 a" line between them."""
from __future__ import annotations

from lawdiff import redline
from lawdiff.proposal import _engine_view
from lawdiff.render.docx import expected_lines, section_paras, side_text
from lawdiff.render.redline_text import render
from tests.test_engine_acts import read_text_of, run


def _result():
    t = read_text_of("2010/2010-404", "1", "2")
    return run("2010/2010-1237", [_engine_view({"ny": "paragraf", "nummer": "118", "efter": "§ 117", "tekst": t})])


def test_the_new_chapter_without_a_heading_has_its_label_line():
    lr = _result()
    rl = redline.build(lr.base, lr.new, lr)
    out = render(rl, "x")
    part = out.index("[+Sjette afsnit.+] [+Den Uafhængige Politiklagemyndighed+]")
    chapter = out.index("[+Kapitel 11 a+]\n")
    assert part < chapter < out.index("[+§ 118.+] (ny)")
    # Word: the same line, and the check that tracked changes give the text (docx._verify) holds
    new = {u.wid: u for u in lr.new.walk()}
    ch = next(u for u in rl.touched_units() if u.kind == "chapter" and u.new_label == "Kapitel 11 a")
    paras = section_paras(ch)
    assert [side_text(p.pieces, "new") for p in paras] == expected_lines(new[ch.wid]) == ["Kapitel 11 a"]


def test_a_mellemrubrik_group_without_a_heading_is_not_shown():
    lr = _result()
    rl = redline.build(lr.base, lr.new, lr)
    assert all(u.heading is not None for u in rl.touched_units() if u.kind == "group")
