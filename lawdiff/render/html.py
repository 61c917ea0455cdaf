"""HTML for redlines: semantic <ins>/<del> with a visually hidden cue for screen readers.

Used by `lawdiff diff --format html` and by the site. Text is escaped by Jinja2's
autoescaping (markupsafe); nothing here builds HTML by string concatenation of
unescaped text.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..redline import INSERTED, REPEALED, Block, RUnit
from ..tokendiff import DELETE, INSERT


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=PackageLoader("lawdiff", "templates"), autoescape=select_autoescape(["html"]),
                    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    e.globals.update(block=block_html, runit=runit_html)
    return e


def _seg(op: int, text: str, change: str | None) -> Markup:
    if op == INSERT:
        link = f' data-change="{escape(change)}"' if change else ""
        return Markup(f'<ins{link}><span class="sr">indsat: </span>{escape(text)}</ins>')
    if op == DELETE:
        link = f' data-change="{escape(change)}"' if change else ""
        return Markup(f'<del{link}><span class="sr">slettet: </span>{escape(text)}</del>')
    return escape(text)


def block_html(block: Block) -> Markup:
    return Markup("").join(_seg(s.op, s.text, s.change) for s in block)


def _label(r: RUnit) -> Markup:
    old, new = (r.old_label or "").strip(), (r.new_label or "").strip()
    if r.status == INSERTED:
        return _seg(INSERT, new, None) if new else Markup("")
    if r.status == REPEALED:
        return _seg(DELETE, old, None) if old else Markup("")
    if old == new:
        return escape(new)
    return (_seg(DELETE, old, None) if old else Markup("")) + (_seg(INSERT, new, None) if new else Markup(""))


def _refs(r: RUnit, ref_href) -> Markup:
    """Links from a changed unit to the bemærkning of each change that made it."""
    if ref_href is None:
        return Markup("")
    ids = list(dict.fromkeys(list(r.changes) + [s.change for b in r.intro + r.wrapup for s in b if s.change]))
    links = [Markup(f'<a class="ref" href="{escape(ref_href(c))}" title="Se bemærkningerne">{escape(c)}</a>')
             for c in ids]
    return Markup(' <sup class="refs">') + Markup(" ").join(links) + Markup("</sup>") if links else Markup("")


def runit_html(r: RUnit, anchor_prefix: str = "", ref_href=None, permalinks: bool = False) -> Markup:
    """One unit of a redline (a § with its stk., nr. and litra) as nested HTML.

    anchor_prefix makes ids unique when a § is shown more than once on a page; ref_href(change
    id) gives the link to the bemærkning of a change; permalinks turns every label into a link
    to its own anchor.
    """
    cls = {"section": "paragraf", "subsection": "stk", "paragraph": "nr", "point": "litra",
           "indent": "led"}.get(r.kind, r.kind)
    status = f" {r.status}" if r.status != "unchanged" else ""
    anchor = anchor_prefix + r.eid if r.eid else ""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    parts = [Markup(f'<div class="{cls}{status}"{ident}>')]
    label = _label(r)
    if permalinks and anchor:
        shown = label if label else Markup('<span class="pil" aria-hidden="true">¶</span>')
        label = Markup(f'<a class="permalink" href="#{escape(anchor)}" aria-label="Link til {escape(r.cite())}">') \
            + shown + Markup("</a>")
    note = ""
    if r.kind == "section":
        if r.status == INSERTED:
            note = " (ny)"
        elif r.status == REPEALED:
            note = " (ophævet)"
        elif r.moved_from:
            note = f" (flyttet fra {r.moved_from})"
    intro = Markup(" ").join(block_html(b) for b in r.intro if b)
    refs = _refs(r, ref_href) if (r.changes or r.own_changed) else Markup("")
    if r.kind == "section":
        parts.append(Markup('<p class="label">') + label + escape(note) + refs + Markup("</p>"))
    elif label or intro:
        parts.append(Markup("<p>") + (Markup('<span class="label">') + label + Markup("</span> ") if label else "")
                     + intro + refs + Markup("</p>"))
    for c in r.children:
        parts.append(runit_html(c, anchor_prefix, ref_href, permalinks))
    if r.wrapup:
        parts.append(Markup("<p>") + Markup(" ").join(block_html(b) for b in r.wrapup) + Markup("</p>"))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)
