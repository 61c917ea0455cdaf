"""Labels of official documents no one here has seen (issue 8, "refuse, never guess").

Each test takes a real corpus document, changes one label the way an unseen LexDania document
plausibly could, and checks that the import reads it exactly (the same numbers as the original),
or reports it with file:line, or refuses it with one Danish line naming file:line: never a
silent loss of text, never a § number no citation reaches without a word.
"""
from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawdiff.address import resolve
from lawdiff.errors import AddressError, LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.lexdania import _RUN_ON
from lawdiff.importers.official import read_official
from lawdiff.labels import container_num
from lawdiff.text import split_punktum
from tests.conftest import CORPUS
from tests.importers.test_metamorphic import _serialise, imported, lost_words

DOC = "2016/2016-1342.xml"  # LBK nr. 1342 af 21/11/2016 (LAB): chapters, §§ with letters, stk., nr., litra


@pytest.fixture(scope="module")
def base():
    data = (CORPUS / DOC).read_bytes()
    return data, etree.fromstring(data)


def numbers(data: bytes) -> list[tuple[str, str | None]]:
    act = read_official(data, "x.xml").result.act
    return [(u.kind, u.num) for top in act.body for u in top.walk()]


def _line_of(data: bytes, text: str) -> int:
    """The line of the (inserted, so not yet numbered) element whose text is `text`."""
    return next(e.sourceline for e in etree.fromstring(data).iter() if e.text == text)


def _new_warnings(data: bytes, base_data: bytes) -> list[str]:
    before = set(imported(base_data, "x.xml")["warnings"])
    return [w for w in imported(data, "x.xml")["warnings"] if w not in before]


# --- a label repeated: its text was lost with exit 0 ---------------------------------------

@pytest.mark.parametrize("tag", ["Paragraf", "Stk", "Indentatio", "Kapitel", "Nota"])
@pytest.mark.parametrize("where", ["after the label", "last"])
def test_a_second_label_in_one_element_is_refused(base, tag, where):
    """Every reader takes an element's first <Explicatus> and skips any other: a second label
    (its text) was left out of the import silently."""
    data, root = base
    root = copy.deepcopy(root)
    el = root.xpath(f"//DokumentIndhold//{tag}[Explicatus]")[5]
    extra = etree.Element("Explicatus")
    extra.text = "Xyzzyordet"
    if where == "last":
        el.append(extra)
    else:
        el.find("Explicatus").addnext(extra)
    mutated = _serialise(root)
    with pytest.raises(LawdiffError, match=f"<{tag}> har mere end én betegnelse") as e:
        imported(mutated, "x.xml")
    assert e.value.file == "x.xml" and e.value.line == _line_of(mutated, "Xyzzyordet")


def test_a_second_label_in_an_amending_act_is_refused():
    name = "2013/2013-651.xml"  # lov nr. 1612 af 26/12/2013 (LOV Æ)
    root = etree.fromstring((CORPUS / name).read_bytes())
    an = root.xpath("//AendringsNummer[Explicatus]")[3]
    extra = etree.Element("Explicatus")
    extra.text = "Xyzzyordet"
    an.find("Explicatus").addnext(extra)
    mutated = _serialise(root)
    for read in (read_official, amending.read_amending):
        with pytest.raises(LawdiffError, match="<AendringsNummer> har mere end én betegnelse") as e:
            read(mutated, "x.xml")
        assert e.value.line == _line_of(mutated, "Xyzzyordet")


# --- invisible and odd white space in labels: read exactly ---------------------------------

_SPACES = {
    "no-break space": lambda t: t.replace(" ", "\u00a0"),
    "narrow no-break space": lambda t: t.replace(" ", "\u202f"),
    "thin space": lambda t: t.replace(" ", "\u2009"),
    "soft hyphen": lambda t: t.replace(" ", " \u00ad"),
    "zero-width space": lambda t: t.replace(" ", "\u200b "),
    "zero-width non-joiner before the last character": lambda t: t[:-1] + "\u200c" + t[-1:],
    "word joiner": lambda t: t.replace(" ", "\u2060 "),
    "tab and double space": lambda t: t.replace(" ", "\t  "),
    "line breaks around": lambda t: "\n      " + t + "\n    ",
    "no space": lambda t: t.replace(" ", "") if not t.startswith(("Kapitel", "Afsnit")) else t,
}


@pytest.mark.parametrize("xpath", ["//Paragraf/Explicatus", "//Stk/Explicatus", "//Indentatio/Explicatus",
                                   "//Kapitel/Explicatus"])
@pytest.mark.parametrize("variant", sorted(_SPACES))
def test_white_space_and_invisibles_in_labels_read_the_same_numbers(base, xpath, variant):
    data, root = base
    root = copy.deepcopy(root)
    for ex in root.xpath(xpath):
        if ex.text:
            ex.text = _SPACES[variant](ex.text)
    mutated = _serialise(root)
    assert numbers(mutated) == numbers(data)
    got, lost = lost_words(mutated, "x.xml")
    assert got is not None and not lost


def test_a_label_split_over_two_runs_in_the_first_line_is_read_as_the_label(base):
    """<Explicatus>§ </Explicatus> with the number in the first Linea as two <Char> runs ("3" + ".")."""
    data, root = base
    root = copy.deepcopy(root)
    p = root.xpath("//Paragraf[Explicatus]")[3]
    ex = p.find("Explicatus")
    label, ex.text = ex.text, "§ "
    li = etree.Element("Linea")
    for part in (label[2:-1], label[-1:]):
        etree.SubElement(li, "Char").text = part
    p.find("Stk/Exitus").insert(0, li)
    mutated = _serialise(root)
    assert numbers(mutated) == numbers(data)
    assert any(f"betegnelsen »{label}« stod (helt eller delvis) i teksten" in w for w in _new_warnings(mutated, data))


# --- numbers no citation reaches: reported, or repaired as a reader reads them ---------------

@pytest.mark.parametrize("label,num", [
    ("§ 4, stk. 2.", "4, stk. 2"), ("§ 4 bis.", "4 bis"), ("§ 4 (Ophævet).", "4 (Ophævet)"),
    ("§ 4.1.", "4.1"), ("§ \uff14.", "\uff14"), ("§ \u0664 a.", "\u0664 a"),
])
def test_a_section_number_no_citation_reaches_is_reported(base, label, num):
    """labels.section_num reads any label that starts with a digit (any Unicode digit): these were
    §§ imported with numbers that no citation reaches, silently."""
    data, root = base
    root = copy.deepcopy(root)
    ex = root.xpath("//Paragraf/Explicatus")[3]
    ex.text = label
    mutated = _serialise(root)
    assert (ex.getparent().sourceline is not None
            and f"x.xml:{ex.getparent().sourceline}: paragrafbetegnelsen »{label}« har ikke form som et "
                f"paragrafnummer; importeret med nummeret »{num}«, som ingen henvisning når"
            in _new_warnings(mutated, data))


@pytest.mark.parametrize("label", ["§ 4 A.", "§ 4 aa.", "§§ 5 a-5 c.", "§ 5 a-5 c.", "§§ 4 og 4 a.",
                                   "§§ 46 g, 46 h og 46 i.", "§§ 57.-59.", "§§ 8 b- § 9.", "§§ 28-33 B."])
def test_real_shapes_of_section_numbers_are_not_reported(base, label):
    data, root = base
    root = copy.deepcopy(root)
    root.xpath("//Paragraf/Explicatus")[3].text = label
    assert not any("paragrafbetegnelsen" in w for w in _new_warnings(_serialise(root), data))


@pytest.mark.parametrize("name,line,label,num", [
    ("2016/2016-1148.xml", 1445, "§ 20 A,", "20 A"),
    ("2011/2011-217.xml", 4272, "§ 92. (", "92"),  # its stk. reads "Ophævet)"
])
def test_punctuation_after_a_real_section_number_is_repaired_with_a_warning(name, line, label, num):
    """Two real LBKs: the § was imported as "§ 20 A," and "§ 92. (", numbers no citation reaches."""
    res = read_official((CORPUS / name).read_bytes(), name).result
    assert f"{name}:{line}: paragrafbetegnelsen »{label}« har tegn efter nummeret i kilden; læst som § {num}" \
        in res.repairs
    assert [s.num for s in res.act.sections()].count(num) == 1


def test_a_subsection_number_no_citation_reaches_is_reported(base):
    data, root = base
    root = copy.deepcopy(root)
    ex = root.xpath("//Stk/Explicatus")[3]
    ex.text = "Stk. 2, 1. pkt."
    assert (f"x.xml:{ex.getparent().sourceline}: stykkebetegnelsen »Stk. 2, 1. pkt.« har ikke form som et "
            f"stykkenummer; importeret med nummeret »2, 1. pkt«, som ingen henvisning når"
            in _new_warnings(_serialise(root), data))


def test_a_subsection_number_split_over_two_runs_is_read(base):
    """<Explicatus>Stk. </Explicatus> and "2" + "." as two plain runs in the first Linea (which
    linea_text joins as "2 ."): the stk. was numbered by position, and "2 ." stayed as its text."""
    data, root = base
    root = copy.deepcopy(root)
    stk = root.xpath("//Stk[Explicatus]")[4]
    ex = stk.find("Explicatus")
    label, ex.text = ex.text, "Stk. "
    li = etree.Element("Linea")
    for part in (label[5:-1], label[-1:]):
        etree.SubElement(li, "Char").text = part
    stk.find("Exitus").insert(0, li)
    mutated = _serialise(root)
    assert numbers(mutated) == numbers(data)
    got, lost = lost_words(mutated, "x.xml")
    assert got is not None and not lost


# --- chapters and parts without a number a citation reaches ---------------------------------

@pytest.mark.parametrize("label,warning", [
    ("Kapitel3", "betegnelsen »Kapitel3« mangler mellemrum før nummeret i kilden; læst som kapitel 3"),
    ("KapitelIV", "betegnelsen »KapitelIV« mangler mellemrum før nummeret i kilden; læst som kapitel IV"),
    ("Tredje kapitel", "betegnelsen »Tredje kapitel« har ikke form som »Kapitel N«; importeret som kapitel uden "
                       "nummer, som ingen henvisning når"),
    ("Afdeling 3", "betegnelsen »Afdeling 3« har ikke form som »Kapitel N«; importeret som kapitel uden nummer, "
                   "som ingen henvisning når"),
])
def test_a_chapter_label_without_a_readable_number_is_repaired_or_reported(base, label, warning):
    data, root = base
    root = copy.deepcopy(root)
    kap = root.xpath("//Kapitel[Explicatus]")[3]
    kap.find("Explicatus").text = label
    mutated = _serialise(root)
    assert f"x.xml:{kap.sourceline}: {warning}" in _new_warnings(mutated, data)
    got, lost = lost_words(mutated, "x.xml")
    assert got is not None and not lost


def test_an_ordinal_chapter_label_reads_as_the_chapter_number(base):
    """"4. kapitel" (straffeloven's form) is kapitel 4: the same numbers as "Kapitel 4", no
    warning, and the label kept as printed."""
    data, root = base
    root = copy.deepcopy(root)
    kap = root.xpath("//Kapitel[Explicatus]")[3]
    ex = kap.find("Explicatus")
    num = container_num(ex.text)
    ex.text = f"{num}. kapitel"
    mutated = _serialise(root)
    assert numbers(mutated) == numbers(data)
    assert _new_warnings(mutated, data) == []
    act = read_official(mutated, "x.xml").result.act
    assert [u.label for u in act.walk() if u.kind == "chapter" and u.num == num] == [f"{num}. kapitel"]


def test_two_chapters_with_one_number_are_reported(base):
    """A chapter numbered like an earlier one: reported with both lines, and "kapitel N" refused
    (it took the first one, silently)."""
    data, root = base
    root = copy.deepcopy(root)
    kaps = root.xpath("//Kapitel[Explicatus]")
    first, second = kaps[2], kaps[3]
    num = container_num(first.find("Explicatus").text)
    second.find("Explicatus").text = f"Kapitel {num}"
    mutated = _serialise(root)
    assert _new_warnings(mutated, data) == [
        f"x.xml:{second.sourceline}: kapitel {num} findes to gange i kilden (også linje {first.sourceline}); "
        f"»kapitel {num}« kan ikke adresseres entydigt"]
    act = read_official(mutated, "x.xml").result.act
    with pytest.raises(AddressError, match=f"kapitel {num} findes 2 gange"):
        resolve(act, f"kapitel {num}")


@pytest.mark.parametrize("name,line,warning", [
    ("2013/2013-1271.xml", 285, "betegnelsen »Kapitel3« mangler mellemrum før nummeret i kilden; læst som kapitel 3"),
    ("2010/2010-963.xml", 3291, "betegnelsen »Kap. X A« har ikke form som »Kapitel N«; importeret som kapitel uden "
                                "nummer, som ingen henvisning når"),
    ("2015/2015-1291.xml", 49, "betegnelsen »1. del« har ikke form som »Afsnit N«; importeret som afsnit uden "
                               "nummer, som ingen henvisning når"),
])
def test_real_chapters_and_parts_without_a_readable_number(name, line, warning):
    """Real LBKs: these containers were imported without a number and without a word."""
    res = read_official((CORPUS / name).read_bytes(), name).result
    assert f"{name}:{line}: {warning}" in res.repairs
    if "læst som kapitel 3" in warning:
        assert [u.num for u in res.act.walk() if u.kind == "chapter"].count("3") == 1


def test_straffeloven_chapters_headed_n_kapitel_are_numbered():
    """LBK 1028/2013 (straffeloven) heads its 29 chapters "1. kapitel" … "29. kapitel": they were
    imported without a number (116 chapters in the corpus's four straffelove, each reported) and
    "kapitel 5" reached none. Now each is kapitel N, its label as printed."""
    name = "2013/2013-1028.xml"
    res = read_official((CORPUS / name).read_bytes(), name).result
    chapters = [u for u in res.act.walk() if u.kind == "chapter"]
    assert [u.num for u in chapters] == [str(i) for i in range(1, 30)]
    assert [u.label for u in chapters] == [f"{i}. kapitel" for i in range(1, 30)]
    assert not [r for r in res.repairs if "kapitel" in r]
    target = resolve(res.act, "kapitel 5")
    assert target.units[0].heading.text == "Strafansvar for juridiske personer"
    assert [s.num for s in target.units[0].walk() if s.kind == "section"][:3] == ["25", "26", "27"]


def test_a_part_numbered_twice_in_the_source_is_reported_not_guessed():
    """LBK 810/2012 (serviceloven) prints "Afsnit IV" twice (the second between V and VII): reported
    with both lines, and "afsnit IV" is refused rather than taken to be the first."""
    name = "2012/2012-810.xml"
    res = read_official((CORPUS / name).read_bytes(), name).result
    assert (f"{name}:5886: afsnit IV findes to gange i kilden (også linje 991); »afsnit IV« kan ikke "
            f"adresseres entydigt") in res.repairs
    with pytest.raises(AddressError, match="afsnit IV findes 2 gange"):
        resolve(res.act, "afsnit IV")
    assert resolve(res.act, "afsnit V").units[0].label == "Afsnit V"


def test_a_punktum_run_on_into_the_next_is_read_with_the_space():
    """LBK 105/2011 § 60, stk. 4 prints "… nævnt i stk. 2.Anmodning om at brevstemme …": two
    punktummer without the space, which counted as one, so lov 1252/2012 § 5, nr. 12-13 ("efter 2.
    pkt.", "3. pkt., der bliver 4. pkt.") reached the wrong punktum. Read as a reader does and
    reported; an address ("www.Borger.dk") and a line's own number ("2.Minoritetsinteresser:") are
    left as they are."""
    name = "2011/2011-105.xml"
    res = read_official((CORPUS / name).read_bytes(), name).result
    assert (f"{name}:2109: mellemrum mangler efter punktum i kilden: »2.Anmodning«; læst som »2. Anmodning« "
            f"(to punktummer)") in res.repairs
    stk = resolve(res.act, "§ 60, stk. 4").units[0]
    pkts = [p for line in stk.intro for p in split_punktum(line.text)]
    assert len(pkts) == 4
    assert pkts[1].startswith("Anmodning om at brevstemme i hjemmet") and pkts[2].startswith("Anmodningen skal")
    for kept in ("se www.Borger.dk", "2.Minoritetsinteresser:", "kapitalandelene.Stk. 11.", "f.eks. Der"):
        assert _RUN_ON.sub(". ", kept) == kept


def test_retsplejeloven_books_and_parts_keep_their_headings_and_what_is_under_them_is_addressable():
    """LBK 1139/2013 (retsplejeloven): "Første bog." … with "Første afsnit." … inside each, the parts
    numbered anew in every book. Books and parts keep label and heading; they have no number (a part's
    ordinal is not unique in the act: "første bog, femte afsnit" reaches it), and the chapters and §§ under them, numbered
    through the whole act, are reached by "kapitel N" and "§ N"."""
    name = "2013/2013-1139.xml"
    res = read_official((CORPUS / name).read_bytes(), name).result
    books = [u for u in res.act.body if u.kind == "book"]
    assert [(b.label, b.heading.text) for b in books[:2]] == [
        ("Første bog.", "Domsmagten m.m."), ("Anden bog.", "Fælles bestemmelser for borgerlige sager og straffesager")]
    parts = [u for u in res.act.walk() if u.kind == "part"]
    assert [p.label for p in parts].count("Første afsnit.") == 3
    assert all(p.num is None for p in parts)
    # four print no heading in the source ("Sjette afsnit" at line 24987 holds a chapter without a label)
    assert [p.label for p in parts if p.heading is None] == ["Sjette afsnit", "Fjerde afsnit", "Niende afsnit",
                                                           "Tiende afsnit"]
    assert parts[0].heading.text == "Domstolenes ordning"
    # no number, but a citation reaches each by its book ("første bog, første afsnit": address.py, branch
    # retsplej), so none is reported as unreachable any more
    assert not any("»Første afsnit.« har ikke form" in w for w in res.repairs)
    assert resolve(res.act, "første bog, første afsnit").units == [parts[0]]
    assert resolve(res.act, "tredje bog, første afsnit").units[0].heading.text == "Almindelige bestemmelser"
    chapter = resolve(res.act, "kapitel 21").units[0]
    assert chapter.heading.text == "Saglig kompetence" and chapter in books[2].walk()
    assert resolve(res.act, "§ 148").units[0] in books[1].walk()


# The look-behind-first form of _RUN_ON as importfix wrote it: the pattern in lexdania.py scans for
# the full stop first and must match exactly where this one does (it is ~10× faster on the corpus).
_RUN_ON_REFERENCE = re.compile(r"(?<=[a-zæøå0-9])(?<!^[0-9])(?<!^[0-9][0-9])\.(?=(?!Stk\b)[A-ZÆØÅ][a-zæøå]{2,}\b"
                               r"(?![./@-]\w))")


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["2", "12", "a", "stk", ".", "Stk", " ", "Anmodning", "www", "dk", "/", "@",
                                 "-", "Æble", "ø", "Hv", "9.", "\n", "ABC", "f.eks"]), max_size=14).map("".join))
def test_run_on_scans_for_the_full_stop_first_and_matches_as_the_look_behind_form(text):
    assert [m.span() for m in _RUN_ON.finditer(text)] == [m.span() for m in _RUN_ON_REFERENCE.finditer(text)]


def test_run_on_matches_as_the_look_behind_form_on_every_line_of_a_corpus_sample():
    for name in ("2011/2011-105.xml", "2010/2010-1249.xml", "2010/2010-1376.xml", "2013/2013-1275.xml"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            assert [m.span() for m in _RUN_ON.finditer(line)] == [m.span() for m in _RUN_ON_REFERENCE.finditer(line)]
