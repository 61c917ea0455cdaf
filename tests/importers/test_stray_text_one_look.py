"""refuse_stray_text's first look (lexdania._ANY_LABEL_FAULT / _ANY_FAULT_WITHOUT_BLANKS: one XPath
evaluation for all its checks) is held to the checks it stands in front of: on any tree the count is
the sum of what each check finds, and the function refuses exactly what the former one (the checks
one after the other, below) refused, with the same message and line."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.errors import MappingError
from lawdiff.importers import lexdania
from lawdiff.importers.lexdania import (_ELEMENT_IN_LABEL, _NON_RUN_TEXT, _REPEATED_LABEL, _HINT, norm,
                                        _refuse_stray_text_in_bytes)
from lawdiff.xmlsafe import parse_bytes

_TAGS = ["Char", "Explicatus", "Linea", "Exitus", "Stk", "Paragraf", "Nota"]
_TEXTS = st.sampled_from(["", " ", "\n  ", "x", " tekst ", "<![CDATA[c]]>", "<!-- k -->"])


def _element(depth: int):
    kids = st.lists(st.deferred(lambda: _element(depth + 1)), max_size=3) if depth < 4 else st.just([])
    return st.tuples(st.sampled_from(_TAGS), _TEXTS, kids, _TEXTS).map(
        lambda t: f"<{t[0]}>{t[1]}{''.join(t[2])}</{t[0]}>{t[3]}")


def _former(root, data: bytes, path: str, blank_text: bool = True) -> None:
    """refuse_stray_text before the first look (main 9571ba9)."""
    start = data.find(b"<DokumentIndhold")
    if start < 0:
        return
    end = data.rfind(b"</DokumentIndhold")
    body = root.find("DokumentIndhold")
    for ex in (_REPEATED_LABEL(body) if body is not None else []):
        raise MappingError(f"<{ex.getparent().tag}> har mere end én betegnelse (<Explicatus>): "
                           f"»{norm(ex.text or '')[:40]}« kan ikke læses sikkert", file=path, line=ex.sourceline,
                           hint=_HINT)
    if _ELEMENT_IN_LABEL.search(data, start, end):
        body = root.find("DokumentIndhold")
        for ex in (body.iter("Explicatus") if body is not None else []):
            kid = next((k for k in ex if isinstance(k.tag, str)), None)
            if kid is not None:
                raise MappingError(f"<Explicatus> indeholder elementet <{kid.tag}>, hvis tekst ikke kan læses "
                                   f"sikkert som en betegnelse", file=path, line=kid.sourceline, hint=_HINT)
    if not blank_text:
        body = root.find("DokumentIndhold")
        if body is None or not _NON_RUN_TEXT(body):
            return
    _refuse_stray_text_in_bytes(root, data, path, start, end)


def _outcome(fn, root, data, blank_text):
    try:
        fn(root, data, "x.xml", blank_text)
    except MappingError as e:
        return str(e)
    return None


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.lists(_element(0), max_size=4), st.booleans())
def test_one_look_refuses_what_the_checks_refused(lead, kids, blank_text):
    xml = f"<Dokument><Meta/><DokumentIndhold>{lead}{''.join(kids)}</DokumentIndhold></Dokument>".encode()
    try:
        root = parse_bytes(xml, "x.xml", blank_text=blank_text).getroot()
    except MappingError:
        return
    body = root.find("DokumentIndhold")
    repeated = len(_REPEATED_LABEL(body))
    in_label = sum(1 for ex in body.iter("Explicatus") for k in ex if isinstance(k.tag, str))
    assert lexdania._ANY_LABEL_FAULT(body) == repeated + in_label, xml
    assert lexdania._ANY_FAULT_WITHOUT_BLANKS(body) == repeated + in_label + _NON_RUN_TEXT(body), xml
    # the tree parsed without blank text is only ever checked with blank_text=False; the usual one both ways
    for flag in ({False} if not blank_text else {True, False}):
        before = _outcome(_former, root, xml, flag)
        assert _outcome(lexdania.refuse_stray_text, root, xml, flag) == before, xml


def test_a_corpus_like_body_with_each_fault_is_refused_as_before():
    body = ('<Paragraf><Explicatus>§ 1.</Explicatus><Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea>'
            '<Char>tekst</Char></Linea></Exitus></Stk></Paragraf>')
    faults = [body.replace("<Stk>", "<Stk><Explicatus>Stk. 1.</Explicatus>"),
              body.replace("Stk. 2.</Explicatus>", "Stk. <Char>2</Char>.</Explicatus>"),
              body.replace("<Exitus>", "<Exitus>løs tekst")]
    for xml in [body] + faults:
        data = f"<Dokument><Meta/><DokumentIndhold>{xml}</DokumentIndhold></Dokument>".encode()
        for blank_text in (True, False):
            root = parse_bytes(data, "x.xml", blank_text=blank_text).getroot()
            before = _outcome(_former, root, data, blank_text)
            assert _outcome(lexdania.refuse_stray_text, root, data, blank_text) == before
            assert (before is None) == (xml == body)
