"""lexdania._NON_RUN_TEXT (the stray-text check's first look on a tree parsed without blank text)
counts exactly the text nodes that stand outside every <Char> and <Explicatus>, on any tree."""
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawdiff.importers import lexdania

_BY_PREDICATE = etree.XPath("count(descendant::text()[not(parent::Char or parent::Explicatus)])")
_TAGS = ["Char", "Explicatus", "Linea", "Exitus", "Stk", "Paragraf", "Nota"]
_TEXTS = st.sampled_from(["", " ", "\n  ", "x", " tekst ", "<![CDATA[c]]>"])


def _element(depth: int):
    kids = st.lists(st.deferred(lambda: _element(depth + 1)), max_size=3) if depth < 4 else st.just([])
    return st.tuples(st.sampled_from(_TAGS), _TEXTS, kids, _TEXTS).map(
        lambda t: f"<{t[0]}>{t[1]}{''.join(t[2])}</{t[0]}>{t[3]}")


@settings(max_examples=400)
@given(_TEXTS, st.lists(_element(0), max_size=4))
def test_the_count_is_the_count_by_predicate(lead, kids):
    xml = f"<DokumentIndhold>{lead}{''.join(kids)}</DokumentIndhold>"
    for blanks in (False, True):
        body = etree.fromstring(xml, etree.XMLParser(remove_blank_text=blanks))
        assert lexdania._NON_RUN_TEXT(body) == _BY_PREDICATE(body), xml
