"""Retsplejeloven's structure (issue 9: the last chain numre lawdiff itself could not execute).

LBK 1237/2010 prints each chapter's label in a <Kapitel> of its own ("Kapitel 1 a" alone), its heading as the
next <Afsnit>'s <Rubrica> and its §§ in an unlabelled <Kapitel>; its books and parts are a <Rubrica> each
("Første bog." / "Domsmagten m.m."). The reader reads them as the next LBK (1063/2011) marks them up, and the
address grammar reaches books and parts by their ordinal words ("første bog, femte afsnit")."""
from __future__ import annotations

import json

import pytest

from lawdiff.address import Address, parse, parse_citation, resolve
from lawdiff.errors import AddressError
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.labels import ordinal_container
from lawdiff.text import norm
from tests.chain_replay import replay, setup_chain
from tests.conftest import CORPUS, SHARED

BASE = "2010/2010-1237"
TARGET = "2011/2011-1063"


def _read(rel):
    return read_lexdania_file(CORPUS / (rel + ".xml"))


def _outline(act):
    """(kind, label, heading, first §, last §) of every book, part and chapter, in order."""
    out = []
    for u in act.walk():
        if u.kind in ("book", "part", "chapter"):
            secs = [s.num for s in u.walk() if s.kind == "section"]
            out.append((u.kind, norm(u.label or ""), norm(u.heading.text) if u.heading else None,
                        secs[0] if secs else None, secs[-1] if secs else None))
    return out


@pytest.mark.corpus
def test_chapters_printed_apart_are_read_as_the_next_lbk_marks_them_up():
    res = _read(BASE)
    got = _outline(res.act)
    want = _outline(_read(TARGET).act)
    # the places the chain's acts changed (lov 404/2010: femte afsnit's heading, a new sjette afsnit with
    # kapitel 11 a, sjette afsnit renamed syvende; lov 594/2011: tredje bog, sjette afsnit repealed) and the
    # LBK's own editing (kapitel 32-33 headings printed as mellemrubrikker, "Fjerde afsnit (Ophævet)", the
    # heading of kapitel 93 d gone with its §§, femte bog's heading) aside, the two outlines are the same
    changed = {"Femte afsnit.", "Sjette afsnit.", "Syvende afsnit.", "Kapitel 11 a", "Kapitel 11", "Kapitel 32",
               "Kapitel 33", "Kapitel 58", "Kapitel 59-60", "Sjette afsnit", "Fjerde afsnit (Ophævet)",
               "Fjerde afsnit", "Kapitel 93 d", "Femte bog.", "Kapitel 93 b", "Kapitel 93 c"}
    assert [x[:3] for x in got if x[1] not in changed] == [x[:3] for x in want if x[1] not in changed]
    # 141 each: the base has 5 books, 22 parts, 114 chapters (among them kapitel 58 and 59-60, which lov
    # 594/2011 repealed, the LBK keeping "Sjette afsnit" over a "(Ophævet)"); the target has lov 404/2010's new
    # sjette afsnit and kapitel 11 a
    assert len(got) == len(want) == 141
    assert [sum(x[0] == k for x in got) for k in ("book", "part", "chapter")] == [5, 22, 114]
    assert [sum(x[0] == k for x in want) for k in ("book", "part", "chapter")] == [5, 23, 113]
    assert ("chapter", "Kapitel 1 a", "Procesbevillingsnævnet", "22", "27") in got
    assert ("part", "Femte afsnit.", "Politimyndigheden", "108", "118") in got
    assert ("chapter", "Kapitel 9 b", None, "92", "94") in got  # its §§ come right after its label
    # every § of the act is in a chapter
    parents = {}
    for u in res.act.walk():
        for c in u.children:
            parents[c.wid] = u
    assert all(parents[s.wid].kind in ("chapter", "group") for s in res.act.sections())


@pytest.mark.corpus
def test_the_odd_source_is_reported_with_its_lines():
    repairs = _read(BASE).repairs
    assert any(w.endswith(".xml:184: kilden sætter 105 kapitlers betegnelse i et <Kapitel> for sig og overskriften "
                          "og paragrafferne i de følgende elementer (også bøgernes og afsnittenes betegnelse i en "
                          "<Rubrica>); læst som kapitler, afsnit og bøger, som loven trykkes") for w in repairs)
    assert any(w.endswith(".xml:158: lovens titel »LOV OM RETTENS PLEJE« står som overskrift før første bog i "
                          "kilden; udeladt") for w in repairs)
    assert sum("en streg »_" in w for w in repairs) == 5
    # the next LBK's parts, "Første afsnit." …, are reached by "første bog, første afsnit": not reported
    assert not any("afsnit." in w and "ingen henvisning når" in w for w in _read(TARGET).repairs)


def test_ordinal_labels():
    assert ordinal_container("Første bog.") == ("bog", "første")
    assert ordinal_container("Andet afsnit.") == ("afsnit", "andet")
    assert ordinal_container("Fjerde afsnit (Ophævet)") == ("afsnit", "fjerde")
    assert ordinal_container("Niende afsnit") == ("afsnit", "niende")
    assert ordinal_container("Kapitel 1") is None
    assert ordinal_container("Første afsnit. Domstolenes ordning") is None


def test_books_and_parts_by_ordinal_words_parse():
    a = parse("første bog, femte afsnit")
    assert a == Address(book="første", part="femte")
    assert str(a) == "første bog, femte afsnit"
    assert str(parse("tredje bog")) == "tredje bog"
    [c] = parse_citation("overskriften til første bog, femte afsnit")
    assert c.special == "overskriften til" and c.address == a
    [c] = parse_citation("tredje bog, sjette afsnit")
    assert c.address == Address(book="tredje", part="sjette") and c.special is None


@pytest.mark.corpus
def test_books_and_parts_by_ordinal_words_resolve():
    act = _read(BASE).act
    [part] = resolve(act, "første bog, femte afsnit").units
    assert part.kind == "part" and part.heading.text == "Politimyndigheden"
    [part] = resolve(act, "tredje bog, sjette afsnit").units
    assert [c.num for c in part.children] == ["58", "59-60"]
    [book] = resolve(act, "fjerde bog").units
    assert book.heading.text == "Strafferetsplejen"
    with pytest.raises(AddressError, match="sjette bog findes ikke"):
        resolve(act, "sjette bog")
    with pytest.raises(AddressError, match="anden bog, første afsnit findes ikke"):
        resolve(act, "anden bog, første afsnit")  # anden bog has chapters, no parts
    [chapter] = resolve(act, "kapitel 93 b").units
    assert chapter.heading.text == "Behandling af klager over politipersonalet"
    assert [s.num for s in chapter.children][:2] == ["1019", "1019 a"]


def _chain():
    return next(c for c in json.loads((SHARED / "corpus/chains.json").read_text(encoding="utf-8"))
                if c["target"] == TARGET)


@pytest.mark.corpus
def test_the_chain_executes_the_numre_on_books_parts_and_chapters(tmp_path):
    """Refused before (the chapters' §§ stood outside them; "første bog, femte afsnit" was not read): lov
    404/2010 § 1, nr. 1 (a part's heading), 7-8 (kapitel 93 b and 93 c rewritten), lov 594/2011 § 81, nr. 12
    (tredje bog, sjette afsnit repealed), lov 1552/2010 § 2, nr. 6 (§ 807 e in kapitel 74), lov 412/2011 § 1,
    nr. 1 (§ 741 g in kapitel 66 a), lov 404/2010 § 1, nr. 2 (a new sjette afsnit with kapitel 11 a and §§ 118-118
    e after § 117). Their §§ are the LBK's, and the result's books and parts are LBK 1063/2011's but for lov
    404/2010 § 1, nr. 3, still refused (the words are a part's label and heading, which no change of words
    reaches)."""
    from lawdiff.importers import amending
    from lawdiff.store import Store

    res = replay(_chain(), tmp_path, CORPUS, lambda p: amending.read_amending_file(p).doc, amending.dump)
    refused = {(a, n): w for a, n, w in res.not_executed}
    for done in [("lov-2010-404", "§ 1, nr. 1"), ("lov-2010-404", "§ 1, nr. 7"), ("lov-2010-404", "§ 1, nr. 8"),
                 ("lov-2011-594", "§ 81, nr. 12"), ("lov-2010-1552", "§ 2, nr. 6"), ("lov-2011-412", "§ 1, nr. 1")]:
        assert done not in refused, refused.get(done)
    assert set(refused) == {("lov-2010-404", "§ 1, nr. 3")}, refused
    assert refused[("lov-2010-404", "§ 1, nr. 3")].startswith(
        "»Sjette afsnit. Advokater« er betegnelsen og overskriften for Sjette afsnit. i første bog; lawdiff ændrer "
        "ikke et afsnits eller kapitels betegnelse ved en ændring af ord")
    missed = dict(res.misses)
    sections = ["807 e", "741 g"] + [f"{n} {x}".strip() for n in ("1019", "1020") for x in " abcdefghijkl"] + \
        ["118", "118 a", "118 b", "118 c", "118 d", "118 e", "117"]
    assert [s for s in sections if s in missed] == [], {s: res.texts.get(s) for s in sections if s in missed}
    store = Store(tmp_path)
    act = store.load(f"kaede@{store.versions('kaede')[-1]}")
    assert resolve(act, "første bog, femte afsnit").units[0].heading.text == "Politiet"
    with pytest.raises(AddressError, match="tredje bog, sjette afsnit findes ikke"):
        resolve(act, "tredje bog, sjette afsnit")
    target = _outline(_read(TARGET).act)
    got = _outline(act)
    # lov 404/2010 § 1, nr. 2: sjette afsnit with kapitel 11 a after femte afsnit, as the LBK's; "§ 118. (Ophævet)"
    # of kapitel 11 gave its number up; the old sjette afsnit keeps its label (nr. 3, which renames it, is refused)
    book = resolve(act, "første bog").units[0]
    parts = [x for x in _outline(act) if x[0] in ("part", "chapter") and x[1] in
             ("Femte afsnit.", "Kapitel 11", "Sjette afsnit.", "Kapitel 11 a")]
    assert parts[:4] == [x for x in target if x[1] in ("Femte afsnit.", "Kapitel 11", "Sjette afsnit.",
                                                       "Kapitel 11 a")][:4]
    assert parts[2:4] == [("part", "Sjette afsnit.", "Den Uafhængige Politiklagemyndighed", "118", "118 e"),
                          ("chapter", "Kapitel 11 a", None, "118", "118 e")]
    assert [norm(p.label) for p in book.children] == ["Første afsnit.", "Andet afsnit.", "Tredje afsnit.",
                                                      "Fjerde afsnit.", "Femte afsnit.", "Sjette afsnit.",
                                                      "Sjette afsnit."]
    with pytest.raises(AddressError, match="første bog, sjette afsnit findes 2 gange"):
        resolve(act, "første bog, sjette afsnit")
    # kapitel 93-93 c as the LBK's (nr. 9 repeals kapitel 93 d; the LBK keeps "Kapitel 93 d" over a "(Ophævet)")
    assert [x for x in got if x[1].startswith("Kapitel 93")] == [x for x in target if x[1].startswith("Kapitel 93")
                                                                 and x[1] != "Kapitel 93 d"]


@pytest.mark.corpus
def test_a_nummer_that_would_leave_a_section_twice_is_still_refused(tmp_path):
    """The guard of consolidate (never a law with a § twice) on the shape the reader gave LBK 1237/2010 before:
    kapitel 93 b's §§ outside the chapter (here: moved into kapitel 93 a). Lov 404/2010, § 1, nr. 7 rewrites
    kapitel 93 b: executed, § 1019 would stand twice (the new text and the old); refused, and no § twice."""
    from lawdiff.address import canonical_num
    from lawdiff.consolidate import consolidate
    from lawdiff.importers import amending

    base, target, acts, law, store = setup_chain(_chain(), tmp_path, CORPUS,
                                                 lambda p: amending.read_amending_file(p).doc, amending.dump)
    a = resolve(base, "kapitel 93 a").units[0]
    b = resolve(base, "kapitel 93 b").units[0]
    a.children.extend(b.children)
    b.children = []
    store.save(base)
    result, plan = consolidate(store, law, target.date, ["lov-2010-404"], partial=True, root=tmp_path)
    why = {(s.act, s.nummer): s.reason for s in result.consolidation.not_executed}
    assert "ville § 1019 stå to gange" in why[("lov-2010-404", "§ 1, nr. 7")]
    nums = [canonical_num(s.num) for s in result.sections() if s.num]
    assert len(nums) == len(set(nums))


def test_numre_in_an_unlabelled_ikraft_paragraf_behind_a_rykningsklausul_are_the_paragrafs():
    """Lov 405/2010 prints § 1's nr. 2-3 in the unlabelled <IkraftCentreretParagraf> after § 1, behind nr. 1's
    rykningsklausul "Nr. 2-5 bliver herefter nr. 3-6." (nr. 1 inserts a nr. 2 after nr. 1 of § 3, stk. 1).
    They were kept as text under `øvrige`, unexecuted; now they are § 1's nr. 2-3, the clause nr. 1's."""
    from lawdiff.importers import amending

    res = amending.read_amending_file(CORPUS / "2010/2010-405.xml")
    [par] = res.doc["paragraffer"]
    assert [n["nummer"] for n in par["numre"]] == ["1", "2", "3"]
    assert par["numre"][0]["rykning"] == "Nr. 2-5 bliver herefter nr. 3-6."
    assert par["numre"][1]["ændringer"] == [{"i": "§ 3, stk. 3", "ændres": "nr. 2", "til": "nr. 3"}]
    assert par["numre"][2]["ændringer"][0]["ny"] == "pkt" and par["numre"][2]["ændringer"][0]["som"] == "2. pkt."
    assert not any("Nr. 2-5" in o["tekst"] for o in res.doc["øvrige"])
    assert res.warnings == ["2010-405.xml:92: § 1, nr. 2-3 står i kilden i en ikrafttrædelsesparagraf uden betegnelse "
                            "efter § 1, bag nr. 1s rykningsklausul »Nr. 2-5 bliver herefter nr. 3-6.«; læst som § 1s "
                            "numre"]
    # the file says what the act says: read again, the same
    again = amending.dump(res.doc)
    assert "rykning: Nr. 2-5 bliver herefter nr. 3-6." in again


@pytest.mark.corpus
@pytest.mark.parametrize("efter, tekst, why", [
    # § 116 does not end femte afsnit (§§ 116 a-117 follow)
    ("§ 116", None, "teksten indsætter Sjette afsnit. efter § 116, men Femte afsnit. fortsætter med § 116 a"),
    # not the ordinal after femte afsnit's
    ("§ 117", "Syvende afsnit. Den Uafhængige Politiklagemyndighed",
     "teksten indsætter »Syvende afsnit.« efter § 117, som ikke står i afsnittet før det (den står i »Femte afsnit.«)"),
])
def test_a_new_part_that_does_not_follow_its_place_is_refused(efter, tekst, why):
    """Lov 404/2010 § 1, nr. 2 changed: a new part placed after a § that does not end its part, or named by
    an ordinal that does not follow the part's, is refused, never placed by a guess."""
    from lawdiff.importers import amending
    from lawdiff.yamlfile import ProposalError
    from tests.lbk_apply import apply_to

    doc = amending.read_amending_file(CORPUS / "2010/2010-404.xml").doc
    ch = dict(doc["paragraffer"][0]["numre"][1]["ændringer"][0], efter=efter)
    if tekst:
        ch["tekst"] = tekst + ch["tekst"][ch["tekst"].index("\n"):]
    with pytest.raises(ProposalError) as e:
        apply_to(BASE + ".xml", [ch])
    assert why in str(e.value), str(e.value)


def test_a_chapter_label_followed_by_a_paragraf_has_no_heading():
    """New text "Kapitel 11 a / § 118. … / Stk. 2. …" (lov 404/2010 § 1, nr. 2): the chapter has no heading;
    the text reader took the § 's first line after it that was no § ("Stk. 2. …") as the heading."""
    from lawdiff.importers.text import read_text

    act = read_text("Kapitel 11 a\n§ 118. Første.\nStk. 2. Anden.\n§ 118 a. Tredje.", "t", "x", "LOV nr. 1 af 01/01/2000")
    [chapter] = act.body
    assert chapter.heading is None
    assert [(s.num, len(s.children)) for s in chapter.children] == [("118", 2), ("118 a", 1)]
    act = read_text("Kapitel 2\nOverskrift\n§ 3. Tekst.", "t", "x", "LOV nr. 1 af 01/01/2000")
    assert act.body[0].heading.text == "Overskrift"
