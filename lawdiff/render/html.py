"""HTML for redlines and law text: semantic <ins>/<del>, Danish legal typography.

Used by `lawdiff diff --format html` and by the site. Text is escaped by markupsafe;
nothing here builds HTML by string concatenation of unescaped text.

- Screen readers hear "indsat:"/"slettet:" before each change from CSS generated content
  (`ins::before`, see static/lawdiff.css), so the cue is never part of the document's text:
  not in the clipboard and not in the PDF's text layer.
- A view of one forslag (`item=N`) marks only that forslag's changes; text another forslag
  inserts is shown as consolidated text in a `span.andet` (dotted underline, with a title
  naming the forslag), what it deletes or repeals is left out.
- No-break spaces keep "§ 68 a", "stk. 2", "nr. 3", "2. pkt." and "1. februar 2017" together.
- Footnote markers stand where the source puts them (after their line), as links to the note.
"""
from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Line, Note, Unit
from ..redline import INSERTED, REPEALED, Block, RUnit
from ..tokendiff import DELETE, INSERT
from ..validate import MONTHS

NBSP = "\u00a0"
_MONTHS = "|".join(MONTHS)
_SUFFIX = r"[a-zæøå](?=[,.;:)]|\s+(?:og|eller|samt|til|-|–)\b|-|–|$)"
_NBSP_RULES = [
    # "§ 68 a", "§§ 9-12", "§ 2 i lov" (not a letter suffix: "i" is followed by a word)
    (re.compile(r"(§§?) (\d+)(?: (" + _SUFFIX + r"))?"),
     lambda m: m.group(1) + NBSP + m.group(2) + (NBSP + m.group(3) if m.group(3) else "")),
    # "stk. 2", "Stk. 2.", "nr. 3", "litra b", "kapitel 12 a", "afsnit III"
    (re.compile(r"\b([Ss]tk\.|nr\.|[Ll]itra|[Kk]apitel|[Aa]fsnit|[Bb]ilag|[Ff]orslag) (\d+|[IVX]+\b|[a-zæøå]\b)"
                r"(?: (" + _SUFFIX + r"))?"),
     lambda m: m.group(1) + NBSP + m.group(2) + (NBSP + m.group(3) if m.group(3) else "")),
    (re.compile(r"\b(\d+)\. (pkt\.)"), lambda m: m.group(1) + "." + NBSP + m.group(2)),
    # "(forslag 1, 2 og 10)"
    (re.compile(r"\b([Ff]orslag) (\d+)"), lambda m: m.group(1) + NBSP + m.group(2)),
    # "1. februar 2017"
    (re.compile(r"\b(\d{1,2})\. (" + _MONTHS + r")(?: (\d{4}))?\b"),
     lambda m: m.group(1) + "." + NBSP + m.group(2) + (NBSP + m.group(3) if m.group(3) else "")),
]


# a rule runs only on text holding one of its trigger strings (the build's hot path)
_TRIGGERS = [("§",), ("tk.", "nr.", "itra", "apitel", "fsnit", "ilag", "orslag"), ("pkt.",), ("orslag",), (". ",)]


def nbsp(text: str) -> str:
    """Danish typesetting: no-break spaces inside citations and dates."""
    if " " not in text:
        return text
    for (rx, fn), triggers in zip(_NBSP_RULES, _TRIGGERS):
        if any(t in text for t in triggers):
            text = rx.sub(fn, text)
    return text


_TAG = re.compile(r"(<[^>]*>)")


def nbsp_html(html: str) -> Markup:
    """No-break spaces in the text (never the markup) of trusted HTML, e.g. rendered Markdown."""
    parts = _TAG.split(str(html))
    return Markup("".join(t if i % 2 else nbsp(t) for i, t in enumerate(parts)))


def esc(text: str) -> Markup:
    return escape(nbsp(text))


# The redline's hot path (runit_html and the helpers below it) builds plain strings of HTML that
# are already escaped, and wraps the result in Markup once: Markup's own + and join escape their
# operands again and again (two thirds of the time of an act page). In these functions, never
# `+` a Markup to a str (Markup.__radd__ would escape the str): only f-strings and "".join.
def _e(text: str) -> str:
    """esc() as a plain str."""
    return str(escape(nbsp(text)))


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=PackageLoader("lawdiff", "templates"), autoescape=select_autoescape(["html"]),
                    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    e.globals.update(block=block_html, runit=runit_html, annex=annex_html)
    e.filters["nbsp"] = esc
    return e


def _item_of(change: str | None) -> int | None:
    return int(change.split(".")[0]) if change else None


def _other(change: str | None, item: int | None) -> bool:
    """A change of another forslag than the one viewed. A segment whose maker is unknown is
    shown as a change in every view (never silently credited to nobody)."""
    return item is not None and change is not None and _item_of(change) != item


def _seg_s(op: int, text: str, change: str | None, item: int | None = None, after_delete: bool = False) -> str:
    if _other(change, item):
        return f'<span class="andet" title="Indsat ved forslag {_item_of(change)}">{_e(text)}</span>' \
            if op == INSERT else ""
    if op == INSERT:
        attrs = f' data-change="{escape(change)}"' if change else ""
        cls = ' class="erstatter"' if after_delete else ""
        return f"<ins{cls}{attrs}>{_e(text)}</ins>"
    if op == DELETE:
        attrs = f' data-change="{escape(change)}"' if change else ""
        return f"<del{attrs}>{_e(text)}</del>"
    return _e(text)


def _seg(op: int, text: str, change: str | None, item: int | None = None, after_delete: bool = False) -> Markup:
    return Markup(_seg_s(op, text, change, item, after_delete))


def _block_s(block: Block, item: int | None = None) -> str:
    out = []
    prev = None
    for s in block:
        h = _seg_s(s.op, s.text, s.change, item, after_delete=prev == DELETE)
        if prev == DELETE and s.op == INSERT and not _other(s.change, item):
            out.append(" ")  # a replacing insertion stands apart from its deletion, also when copied
        out.append(h)
        if not (s.op == DELETE and _other(s.change, item)):  # a hidden deletion separates nothing
            prev = s.op
    return "".join(out)


def block_html(block: Block, item: int | None = None) -> Markup:
    return Markup(_block_s(block, item))


_CONTINUES = re.compile(r"^[,.;:)]")


def _side_text(block: Block) -> str:
    return "".join(s.text for s in block if s.op != DELETE)


def _join(blocks: list[Block], rendered: list[str]) -> str:
    """Lines joined by a space, except where the source broke a sentence at a footnote and the
    next line goes on with its punctuation (", samt …")."""
    out = []
    for i, (b, h) in enumerate(zip(blocks, rendered)):
        if i and not _CONTINUES.match(_side_text(b).lstrip()):
            out.append(" ")
        out.append(h)
    return "".join(out)


class Notes:
    """The footnotes of a page: a marker link where the source puts it, and the note itself
    (with the source's own marker, so it is numbered once) collected for an aside."""

    def __init__(self, units: dict[str, Unit], prefix: str = "note"):
        self.units = units
        self.prefix = prefix
        self.count = 0
        self.pending: list[tuple[str, Note]] = []

    def marker(self, note: Note) -> Markup:
        self.count += 1
        nid = f"{self.prefix}-{self.count}"
        self.pending.append((nid, note))
        label = note.marker.rstrip(")") or str(self.count)
        return Markup(f'<sup class="fn"><a href="#{nid}" id="{nid}-ref" aria-label="Fodnote {escape(label)}">'
                      f'{escape(label)}</a></sup>')

    def after(self, wid: str, part: str, i: int, n_blocks: int) -> Markup:
        """Markers of the notes on line i of a unit's intro/wrapup (all at the last line when
        the redline merged the lines)."""
        u = self.units.get(wid)
        if u is None:
            return Markup("")
        lines = [b for b in getattr(u, part)]
        if len(lines) == n_blocks:
            picked = [lines[i]] if i < len(lines) else []
        else:
            picked = lines if i == n_blocks - 1 else []
        return Markup("").join(self.marker(n) for b in picked if isinstance(b, Line) for n in b.notes)

    def line(self, line: Line) -> Markup:
        return esc(line.text) + Markup("").join(self.marker(n) for n in line.notes)

    def aside(self) -> Markup:
        if not self.pending:
            return Markup("")
        items = Markup("").join(
            Markup('<li id="{}"><span class="marker">{}</span> {} <a class="tilbage" href="#{}-ref" '
                   'aria-label="Tilbage til teksten">↩</a></li>').format(
                nid, n.marker.rstrip(")"), esc(" ".join(n.lines)), nid) for nid, n in self.pending)
        self.pending = []
        return Markup('<aside class="noter" aria-label="Fodnoter"><ul>') + items + Markup("</ul></aside>")


def _blocks(r: RUnit, part: str, item: int | None, notes: Notes | None) -> str:
    blocks = getattr(r, part)
    rendered = []
    for i, b in enumerate(blocks):
        h = _block_s(b, item)
        if notes is not None:
            h = f"{h}{notes.after(r.wid, part, i, len(blocks))}"
        rendered.append(h)
    return _join(blocks, rendered)


def _label_s(r: RUnit, item: int | None) -> str:
    old, new = (r.old_label or "").strip(), (r.new_label or "").strip()
    who = r.changes[0] if r.changes else None
    if r.status == INSERTED:
        return _seg_s(INSERT, new, who, item) if new else ""
    if r.status == REPEALED:
        return _seg_s(DELETE, old, who, item) if old else ""
    if old == new:
        return _e(new)
    if _other(who, item):  # renumbered (also) by another forslag: the number it will have
        title = escape(f"Nummereret om; i gældende lov: {old or '(uden nummer)'}")
        return f'<span class="andet" title="{title}">{_e(new)}</span>' if new else ""
    return "".join((_seg_s(DELETE, old, None) if old else "", " " if old and new else "",
                    _seg_s(INSERT, new, None, after_delete=bool(old)) if new else ""))


def _label(r: RUnit, item: int | None) -> Markup:
    return Markup(_label_s(r, item))


def _refs(r: RUnit, ref_href, item: int | None) -> str:
    """Links from a changed unit to the bemærkning of each change (of the forslag viewed) that made it."""
    if ref_href is None:
        return ""
    ids = list(dict.fromkeys(list(r.changes) + [s.change for b in r.intro + r.wrapup for s in b if s.change]))
    links = [f'<a class="ref" href="{escape(ref_href(c))}" aria-label="Bemærkningerne til ændring '
             f'{escape(c)}">{escape(c)}</a>' for c in ids if not _other(c, item)]
    return f'<span class="refs"> {" ".join(links)}</span>' if links else ""


def live_eids(units) -> set[str]:
    """The eIds of the units that are not repealed: a repealed unit whose eId one of them now
    carries (a stk. repealed and another inserted in its place) gets an id of its own."""
    return {u.eid for top in units for u in top.walk() if u.status != REPEALED}


def anchor_of(r: RUnit, prefix: str = "", live: set[str] | None = None) -> str:
    if not r.eid:
        return ""
    if r.status == REPEALED and live is not None and r.eid in live:
        return f"{prefix}{r.eid}-ophaevet"
    return prefix + r.eid


CLS = {"section": "paragraf", "subsection": "stk", "paragraph": "nr", "point": "litra", "indent": "led"}


def runit_html(r: RUnit, anchor_prefix: str = "", ref_href=None, permalinks: bool = False,
               notes: Notes | None = None, item: int | None = None, level: int = 4,
               lead: Markup | None = None, live: set[str] | None = None) -> Markup:
    """One unit of a redline (a § with its stk., nr. and litra) as nested HTML.

    anchor_prefix makes ids unique when a § is shown more than once on a page; ref_href(change
    id) gives the link to the bemærkning of a change; permalinks turns every label into a link
    to its own anchor; notes places footnote markers; item shows one forslag's changes only;
    level is the heading level of the § label (a run-in heading, role="heading"); lead is the
    § label a first stk. begins with; live (see live_eids) keeps ids unique.
    """
    return Markup(_runit_s(r, anchor_prefix, ref_href, permalinks, notes, item, level,
                           str(lead) if lead else None, live))


def _runit_s(r: RUnit, anchor_prefix: str, ref_href, permalinks: bool, notes: Notes | None,
             item: int | None, level: int, lead: str | None, live: set[str] | None) -> str:
    """runit_html as a plain str of escaped HTML."""
    who = r.changes[0] if r.changes else None
    if r.status == REPEALED and _other(who, item):
        return ""  # repealed by another forslag: not part of the consolidated text
    status = r.status if r.status != "unchanged" else ""
    if r.status == INSERTED and _other(who, item):
        status = "andet-ny"
    cls = CLS.get(r.kind, r.kind) + (f" {status}" if status else "")
    anchor = anchor_of(r, anchor_prefix, live)
    ident = f' id="{escape(anchor)}"' if anchor else ""
    parts = [f'<div class="{cls}"{ident}>']
    label = _label_s(r, item)
    if permalinks and anchor and label:
        label = f'<a class="permalink" href="#{escape(anchor)}">{label}</a>'
    intro = _blocks(r, "intro", item, notes)
    refs = _refs(r, ref_href, item) if (r.changes or r.own_changed) else ""
    children = list(r.children)
    if r.kind == "section":
        note = ""
        if r.status == INSERTED:
            note = " (ny)"
        elif r.status == REPEALED:
            note = " (ophævet)"
        elif r.moved_from:
            note = f" (flyttet fra {r.moved_from})"
        head = f'<span class="plabel" role="heading" aria-level="{level}">{label}{_e(note)}{refs} </span>'
        if intro or not children:
            parts.append(f"<p>{head}{intro}</p>")
        else:  # the label runs into the first stk.
            first = children.pop(0)
            parts.append(_runit_s(first, anchor_prefix, ref_href, permalinks, notes, item, level, head, live))
    else:
        lab = f'<span class="label">{label}</span>' if label else ""
        start = f"{lead or ''}{lab} " if lab else (lead or "")
        if start or intro:
            parts.append(f"<p>{start}{intro}{refs}</p>")
        elif lead:
            parts.append(f"<p>{lead}</p>")
    for c in children:
        parts.append(_runit_s(c, anchor_prefix, ref_href, permalinks, notes, item, level, None, live))
    if r.wrapup:
        parts.append(f'<p class="afslutning">{_blocks(r, "wrapup", item, notes)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def annex_html(r: RUnit, level: int = 3, ref_href=None, item: int | None = None, prefix: str = "") -> Markup:
    """An annex of a redline (annexdiff.py) as a section: its label as a heading ("(nyt)",
    "(ophævet)" after it), its heading lines, then its text, a line per paragraph and a table as one
    block whose rows are lines; of a changed annex the changed lines with a line around each, the
    others counted (annexdiff.excerpt). The same segments and marks as a §: insertions <ins>,
    deletions <del>. `prefix` goes before its id where a page shows the annex more than once (a
    proposal's page: once per forslag that changes it, "f2-bilag-1")."""
    from ..annexdiff import excerpt, skipped

    status = r.status if r.status != "unchanged" else ""
    note = {INSERTED: " (nyt)", REPEALED: " (ophævet)"}.get(r.status, "")
    label = _label_s(r, item) or "Bilag"
    refs = _refs(r, ref_href, item) if r.changes else ""
    parts = [f'<section class="bilag-aendring{f" {status}" if status else ""}" id="{escape(prefix + r.eid)}">',
             f"<h{level} class=\"bilag-label\">{label}{_e(note)}{refs}</h{level}>"]
    for part, cls in (("intro", ' class="bilag-overskrift"'), ("wrapup", "")):
        for b in excerpt(r, part):
            if isinstance(b, int):
                parts.append(f'<p class="udeladt">{_e(skipped(b))}</p>')
            elif b:
                multi = any("\n" in s.text for s in b)
                c = ' class="bilag-tabel-tekst"' if multi and not cls else cls
                parts.append(f"<p{c}>{_block_s(b, item)}</p>")
    parts.append("</section>")
    return Markup("\n".join(parts))


def heading_html(r: RUnit, item: int | None = None) -> Markup:
    """A changed heading alone (of a chapter, a part or a mellemrubrik, never its §§), as `apply`
    shows it: a repealed heading struck through, a new one inserted, changed words marked."""
    cls = "overskrift" + (f" {r.status}" if r.status not in ("unchanged", "changed") else "")
    label = _label(r, item) if r.kind in ("chapter", "part") else Markup("")
    text = block_html(r.heading or [], item)
    return Markup(f'<div class="{cls}"><p>') + (label + Markup("<br>") if label else Markup("")) + text \
        + Markup("</p></div>")


def title_html(block: Block, item: int | None = None) -> Markup:
    """The act's title, when a change rewrites it or changes its words."""
    return Markup('<div class="overskrift lovtitel"><p>Lovens titel: ') + block_html(block, item) + Markup("</p></div>")


def items_in(r: RUnit) -> set[int]:
    """The forslag whose changes touch a redline unit (or below it)."""
    ids = set()
    for u in r.walk():
        ids.update(u.changes)
        for b in u.intro + u.wrapup + ([u.heading] if u.heading else []):
            ids.update(s.change for s in b if s.change)
    return {int(i.split(".")[0]) for i in ids if i}

