"""The amending reader's short cuts (importers/amending.py) against what they replace: the same
result on any input their tests generate."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawdiff.importers import amending
from lawdiff.text import norm


def _former_stray_parts(aendring):
    """amending._stray_parts before it skipped normalising white space (9571ba9)."""
    out = []
    aktion = [ak for ak in aendring if ak.tag == "AendringAktion"]
    for el in [aendring] + aktion + [ny for ak in aktion for ny in ak if ny.tag == "AendringNyTekst"]:
        for c in el:
            if isinstance(c.tag, str) and c.tag not in amending._AENDRING_PARTS.get(el.tag, (c.tag,)):
                out.append(norm(" ".join(c.itertext())))
        out += [norm(t or "") for t in [el.text] + [c.tail for c in el]]
    return [x for x in out if x]


# white space of every kind, the invisibles norm deletes, and text
_TEXT = st.one_of(st.none(), st.text(alphabet=" \n\t\xa0\u2009\u00ad\u200b\ufeffx»", max_size=4))
_TAGS = ["AendringDefinition", "AendringAktion", "AendringNyTekst", "Linea", "Paragraf", "Stk", "Char", "Explicatus",
         "#comment"]


# mostly the usual parts where they belong (an <Aendring>'s instruction and action, an action's new
# text), now and then anything
_CHILD_TAGS = {"Aendring": ["AendringDefinition", "AendringAktion"] * 3 + _TAGS,
               "AendringAktion": ["AendringNyTekst"] * 6 + _TAGS}


@st.composite
def aendringer(draw, depth=0, tag="Aendring"):
    el = etree.Element(tag)
    el.text = draw(st.one_of(st.none(), st.just("\n "), _TEXT))
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(_CHILD_TAGS.get(tag, _TAGS)))
        if kind == "#comment":
            child = etree.Comment("c")
            el.append(child)
        else:
            child = draw(aendringer(depth + 1, kind))
            el.append(child)
        child.tail = draw(st.one_of(st.none(), st.just("\n "), _TEXT))
    return el


@settings(max_examples=500, deadline=None)
@given(aendringer())
def test_stray_parts_is_the_former(aendring):
    assert amending._stray_parts(aendring) == _former_stray_parts(aendring)


def test_stray_parts_of_real_shapes():
    plain = etree.fromstring("<Aendring>\n <AendringDefinition><Linea><Char>I § 5 indsættes:</Char></Linea>"
                             "</AendringDefinition>\n <AendringAktion>\n  <AendringNyTekst>\n   <Stk/>\n"
                             "  </AendringNyTekst>\n </AendringAktion>\n</Aendring>")
    assert amending._stray_parts(plain) == []
    stray = etree.fromstring("<Aendring>\xa0<AendringDefinition/> og \u00ad<Linea><Char>x</Char></Linea>"
                             "<AendringAktion><AendringNyTekst>»ny« <Stk/> </AendringNyTekst></AendringAktion>"
                             "</Aendring>")
    # (an element out of place first, then the texts, as the former gave them)
    assert amending._stray_parts(stray) == ["x", "og", "»ny«"] == _former_stray_parts(stray)


# pieces of "kraft" and what lies around them: a § whose <Char>s and <Explicatus>es split the word, in
# every place the amending reader reads (or does not read) text from
_PIECE = st.sampled_from(["kr", "aft", "kraft", "k", "raft", "\u00ad", " ", "\n  ", "x", "Stk. 2.", "i kr", "af", "t"])
_KRAFT_TEXT = st.one_of(st.none(), st.lists(_PIECE, max_size=3).map("".join))

_ODD_TAGS = ["Explicatus", "Linea", "Char", "Exitus", "Rubrica", "Table", "Tr", "Td", "Index", "Indentatio", "Nota"]
_WS = st.sampled_from([None, "", "\n  "])


@st.composite
def _lineas(draw, tag="Linea"):
    li = etree.Element(tag)
    li.text = draw(_WS)
    for _ in range(draw(st.integers(1, 4))):
        ch = etree.SubElement(li, "Char")
        ch.text = draw(_KRAFT_TEXT)
        if draw(st.booleans()):
            ch.set("formaChar", "kursiv")
        ch.tail = draw(_WS)
    return li


@st.composite
def _odd(draw, depth=0):
    """Any element with any children: the shapes the reader refuses or reads in its other way."""
    el = etree.Element(draw(st.sampled_from(_ODD_TAGS)))
    el.text = draw(_KRAFT_TEXT)
    for _ in range(draw(st.integers(0, 3 if depth < 2 else 0))):
        child = draw(st.one_of(_odd(depth + 1), _lineas()))
        child.tail = draw(_KRAFT_TEXT)
        el.append(child)
    return el


@st.composite
def paragraffer(draw):
    """A § as the acts print it (label, heading, stk.s with an intro of lines, lists, a table), with
    now and then an element out of its place."""
    el = etree.Element("Paragraf")
    if draw(st.booleans()):
        etree.SubElement(el, "Explicatus").text = draw(_KRAFT_TEXT)
    if draw(st.booleans()):
        el.append(draw(_lineas("Rubrica")) if draw(st.booleans()) else etree.Element("Rubrica"))
        if len(el[-1]) == 0:
            el[-1].append(draw(_lineas()))
    for _ in range(draw(st.integers(0, 3))):
        stk = etree.SubElement(el, "Stk")
        if draw(st.booleans()):
            etree.SubElement(stk, "Explicatus").text = draw(_KRAFT_TEXT)
        ex = etree.SubElement(stk, "Exitus")
        for _ in range(draw(st.integers(1, 3))):
            ex.append(draw(_lineas()))
        if draw(st.integers(0, 3)) == 0:
            ind = etree.SubElement(etree.SubElement(ex, "Index"), "Indentatio")
            etree.SubElement(ind, "Explicatus").text = draw(_KRAFT_TEXT)
            etree.SubElement(ind, "Exitus").append(draw(_lineas()))
        if draw(st.integers(0, 4)) == 0:
            cell = etree.SubElement(etree.SubElement(etree.SubElement(ex, "Table"), "Tr"), "Td")
            cell.append(draw(_lineas()))
    for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 2)) == 0 else 0):
        # an element out of its place, anywhere
        holders = list(el.iter())
        holders[draw(st.integers(0, len(holders) - 1))].append(draw(_odd()))
    return el


@settings(max_examples=1000, deadline=None)
@given(paragraffer())
def test_may_hold_kraft_misses_no_kraft(el):
    from lawdiff.importers.ikraft import may_hold_kraft
    if not may_hold_kraft(el):
        assert "kraft" not in amending._verbatim(el)


def test_may_hold_kraft_of_real_shapes():
    from lawdiff.importers.ikraft import may_hold_kraft
    # "i kr" + "aft" as two runs of one line: read as one word
    split = etree.fromstring("<Paragraf><Explicatus>§ 9.</Explicatus><Stk><Exitus><Linea><Char>Loven træder i kr</Char>"
                             "<Char formaChar='kursiv'>aft den 1. juli 2011.</Char></Linea></Exitus></Stk></Paragraf>")
    assert "kraft" in amending._verbatim(split) and may_hold_kraft(split)
    # a soft hyphen inside the word, which norm deletes
    soft = etree.fromstring("<Paragraf><Stk><Exitus><Linea><Char>Loven træder i kr\u00adaft den 1. juli 2011.</Char>"
                            "</Linea></Exitus></Stk></Paragraf>")
    assert "kraft" in amending._verbatim(soft) and may_hold_kraft(soft)
    other = etree.fromstring("<Paragraf><Explicatus>§ 9.</Explicatus><Stk><Exitus><Linea><Char>Loven gælder ikke for "
                             "Færøerne.</Char></Linea></Exitus></Stk></Paragraf>")
    assert not may_hold_kraft(other)


def _child_parts(aendring):
    d = amending._child(aendring, "AendringDefinition")
    ak = amending._child(aendring, "AendringAktion")
    return d, ak, amending._child(ak, "AendringNyTekst") if ak is not None else None


@settings(max_examples=500, deadline=None)
@given(aendringer())
def test_aendring_parts_are_the_childs_and_plain_hides_nothing(aendring):
    d, ak, ny, plain = amending._aendring_parts(aendring)
    assert (d, ak, ny) == _child_parts(aendring)
    if plain:
        assert amending._second_parts(aendring, d, ny) == [] and amending._stray_parts(aendring) == []


def test_aendring_parts_of_real_shapes():
    plain = etree.fromstring("<Aendring>\n <AendringDefinition><Linea><Char>I § 5 indsættes:</Char></Linea>"
                             "</AendringDefinition>\n <AendringAktion>\n  <AendringNyTekst>\n   <Stk/>\n"
                             "  </AendringNyTekst>\n </AendringAktion>\n</Aendring>")
    assert amending._aendring_parts(plain)[3]
    # a second instruction: not plain, and _second_parts finds it
    two = etree.fromstring("<Aendring><AendringDefinition/><AendringDefinition><Linea><Char>x</Char></Linea>"
                           "</AendringDefinition></Aendring>")
    d, ak, ny, is_plain = amending._aendring_parts(two)
    assert not is_plain and amending._second_parts(two, d, ny)


def test_aendring_parts_text_in_any_place_is_not_plain():
    # text in each place the usual shape has white space only: never plain, and _stray_parts finds it
    shape = ("<Aendring>{0}<AendringDefinition><Linea><Char>I § 5 indsættes:</Char></Linea></AendringDefinition>{1}"
             "<AendringAktion>{2}<AendringNyTekst>{3}<Stk><Linea><Char>ny</Char></Linea></Stk>{4}</AendringNyTekst>{5}"
             "</AendringAktion>{6}</Aendring>")
    assert amending._aendring_parts(etree.fromstring(shape.format(*[" "] * 7)))[3]
    for i in range(7):
        el = etree.fromstring(shape.format(*["x" if k == i else "\n" for k in range(7)]))
        d, ak, ny, plain = amending._aendring_parts(el)
        assert not plain and amending._stray_parts(el) == ["x"], i
    # a second new text in the action, an element out of place
    for extra in ("<AendringNyTekst><Stk><Linea><Char>z</Char></Linea></Stk></AendringNyTekst>",
                  "<Linea><Char>y</Char></Linea>"):
        el = etree.fromstring(shape.format(*[""] * 5 + [extra, ""]))
        d, ak, ny, plain = amending._aendring_parts(el)
        assert not plain and (amending._second_parts(el, d, ny) or amending._stray_parts(el))


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(["Linea", "Char", "Table", "Exitus"]), st.sampled_from(["Char", "Linea", "Explicatus"]),
       st.integers(0, 2), _TEXT, _TEXT,
       st.sampled_from(["", "<Char>y</Char>", "<!-- c -->", "<Char>a<Char>b</Char></Char>", "<Char><Table/></Char>"]))
def test_definition_text_of_one_line_is_lines_text(outer, inner, n, text, tail, extra):
    # the short cut for one <Linea> holding one <Char> against the walks it spares, on that shape and
    # its near misses (another element, a second run, a comment, an element inside the run)
    from xml.sax.saxutils import escape
    runs = "".join(f"<{inner}>{escape(text or '')}</{inner}>{escape(tail or '')}" for _ in range(n)) + extra
    d = etree.fromstring(f"<AendringDefinition><{outer}>{runs}</{outer}></AendringDefinition>")

    def outcome(fn):
        try:
            return fn(d)
        except amending.Unreadable as e:
            return str(e)
    assert outcome(amending._definition_text) == outcome(_former_definition_text)


def _former_definition_text(d):
    """amending._definition_text before its short cut for one line (9571ba9)."""
    if next(d.iter("Table"), None) is None:
        return amending._lines_text(d), None
    lineas = list(d.iter("Linea"))
    in_table = {id(li) for t in d.iter("Table") for li in t.iter("Linea")}
    if not in_table:
        return amending._lines_text(d), None
    first = min(i for i, li in enumerate(lineas) if id(li) in in_table)
    table_text = norm(" ".join(amending._linea(li) for li in lineas[first:]))
    if any(id(li) not in in_table for li in lineas[first:]) or amending.rykning.read(table_text) is None:
        raise amending.Unreadable("instruktionen indeholder en tabel")
    return norm(" ".join(amending._linea(li) for li in lineas[:first])), table_text
