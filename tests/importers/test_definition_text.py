"""amending._definition_text reads an instruction without a table in one walk: held to the former reading
(a look for a table, then _lines_text) on generated instructions, stray runs, comments and tables
included: the same text, or the same refusal."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st
from lxml import etree

from lawdiff.changes.common import Unreadable
from lawdiff.importers import amending
from lawdiff.importers.amending import _definition_text, _lines_text, _linea
from lawdiff.text import norm


def _former(d):
    """_definition_text before the one-walk reading (importspeed10)."""
    li = d[0] if len(d) == 1 else None
    if li is not None and li.tag == "Linea" and len(li) == 1 and li[0].tag == "Char" and not len(li[0]):
        return norm(_linea(li)), None
    if next(d.iter("Table"), None) is None:
        return _lines_text(d), None
    lineas = list(d.iter("Linea"))
    in_table = {id(li) for t in d.iter("Table") for li in t.iter("Linea")}
    if not in_table:
        return _lines_text(d), None
    first = min(i for i, li in enumerate(lineas) if id(li) in in_table)
    table_text = norm(" ".join(_linea(li) for li in lineas[first:]))
    if any(id(li) not in in_table for li in lineas[first:]) or amending.rykning.read(table_text) is None:
        raise Unreadable("instruktionen indeholder en tabel")
    return norm(" ".join(_linea(li) for li in lineas[:first])), table_text


_texts = st.sampled_from(["I ", "§ 7, nr. 1,", " ændres »a« til:", "»b«.", "Stk. 4 bliver herefter stk. 2.", "",
                          " ", "\n   ", "x\ny", "abc", "\u00ad", "Stk. 1", "."])
_forma = st.sampled_from([None, None, "Italic", "Superscript", ""])


def _char(draw) -> str:
    forma = draw(_forma)
    attr = f' formaChar="{forma}"' if forma is not None else ""
    inner = draw(st.sampled_from(["", "", "", "<Char>z</Char>", "<Foo/>"]))
    return f"<Char{attr}>{_esc(draw(_texts))}{inner}</Char>" + draw(_tail)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;")


_tail = st.sampled_from(["", "", "\n  ", "stray"])


@st.composite
def _linea_xml(draw) -> str:
    lead = draw(st.sampled_from(["", "", "\n  ", "t"]))
    kids = "".join(_char(draw) if draw(st.integers(0, 9)) else draw(st.sampled_from(["<Foo/>", "<Linea/>", "<!--c-->"]))
                   for _ in range(draw(st.integers(0, 4))))
    return f"<Linea>{lead}{kids}</Linea>" + draw(_tail)


@st.composite
def _definition(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 12))
        if kind <= 8:
            parts.append("<Exitus>" + "".join(draw(_linea_xml()) for _ in range(draw(st.integers(0, 3)))) + "</Exitus>")
        elif kind == 9:
            parts.append(draw(_linea_xml()))
        elif kind == 10:
            parts.append(_char(draw))  # a run outside any line
        elif kind == 11:
            parts.append("<Table><Tr><Td>" + draw(_linea_xml()) + "</Td></Tr></Table>")
        else:
            parts.append("<!--note-->")
    return "<AendringDefinition>" + "".join(parts) + "</AendringDefinition>"


def _outcome(fn, d):
    try:
        return fn(d)
    except Unreadable as e:
        return ("refused", str(e))


@settings(max_examples=1500, deadline=None)
@given(_definition())
def test_one_walk_reads_as_before(xml):
    parser = etree.XMLParser(remove_comments=False)
    d = etree.fromstring(xml, parser)
    assert _outcome(_definition_text, d) == _outcome(_former, d), xml


def test_stray_run_still_refused():
    d = etree.fromstring("<AendringDefinition><Exitus><Linea><Char>I </Char><Char>§ 5</Char></Linea></Exitus>"
                         "<Char>løs</Char></AendringDefinition>")
    assert _outcome(_definition_text, d) == ("refused", "tekst (<Char>) uden for en linje (<Linea>)")
    d = etree.fromstring("<AendringDefinition><Exitus><Linea><Char>§ 5</Char><Char formaChar='Italic'> ophæves."
                         "</Char></Linea></Exitus></AendringDefinition>")
    assert _definition_text(d) == ("§ 5 ophæves.", None)
