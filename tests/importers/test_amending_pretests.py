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


@st.composite
def aendringer(draw, depth=0, tag="Aendring"):
    el = etree.Element(tag)
    el.text = draw(_TEXT)
    for _ in range(draw(st.integers(0, 4 if depth < 2 else 0))):
        kind = draw(st.sampled_from(_TAGS))
        if kind == "#comment":
            child = etree.Comment("c")
            el.append(child)
        else:
            child = draw(aendringer(depth + 1, kind))
            el.append(child)
        child.tail = draw(_TEXT)
    return el


@settings(max_examples=3000, deadline=None)
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
