"""Nyaffattelse: "§ 5, stk. 2, affattes således:" + the new text; "Bilag 2 affattes som bilag 1 til
denne lov." (the annex of the amending act itself).

    {affattes: CIT, tekst}     {affattes: "bilag 2", som_bilag: "1"}
"""
from __future__ import annotations

import re

from .. import address as addr
from ..model import Unit
from ..text import norm_map
from . import heading, repeal
from .common import Reader, format_target, read_target, target_fields
from .log import Placement
from .tree import _norm_query, _widen_deletion, _with, split_units


# the word every form of read holds after the reader's position: nummer._clause tries read only
# where it stands (tests/changes/test_dispatch.py holds read to it)
NEEDS = "affattes"


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    start = r.pos
    t = read_target(r, prev, first)
    if t is None:
        return None
    if r.lit("affattes således:"):
        return {**target_fields(t, "affattes"), "_blok": True}
    m = r.rx(r"affattes som bilag (\d+) til denne lov")
    if m:
        return {**target_fields(t, "affattes"), "som_bilag": m.group(1)}
    r.pos = start
    return None


def format(ch: dict, prev: dict | None, first: bool) -> str:
    head = format_target(ch, "affattes", prev, first)
    if "som_bilag" in ch:
        return f"{head}affattes som bilag {ch['som_bilag']} til denne lov"
    return f"{head}affattes således:"


def is_kind(ch: dict) -> bool:
    return "affattes" in ch


# --- execution: the change made on the engine's working copy of the act --------------------------
# `ap` is the engine's applier (lawdiff/engine/applier.py: the machinery every kind uses); `c` a
# proposal.Change (its data in the format of docs/format.md).

VERBS = ("affattes",)  # the proposal verb(s) this kind executes


def execute(ap, c) -> None:
    if ap.special(c, c.get("affattes"), "affattes") is not None:
        return heading.execute(ap, c, c.get("affattes"))
    if c.get("med_overskrift") and c.get("tekst") and addr._RX.match(str(c.get("affattes"))):
        # "§ 65 med tilhørende overskrift affattes således: »<heading> / § 65. …«" (lov 628/2010,
        # § 1, nr. 39): the lines before "§ 65." rewrite the heading before the §, the rest the §;
        # the heading was read as the first line of the §'s text (exit 0)
        sec = addr.parse(str(c.get("affattes"))).section
        lines = str(c.get("tekst")).split("\n")
        start = next((i for i, ln in enumerate(lines) if sec and re.match(
            rf"§\s*{re.escape(sec)}\.", norm_map(ln)[0].strip())), None)
        if not start:
            raise c.error(f"»{c.get('affattes')} med tilhørende {c.get('med_overskrift')}«: den nye tekst skal "
                          f"begynde med overskriften og derefter »§ {sec}.«", "tekst")
        heading_at = f"overskriften før § {sec}"
        heading.execute(ap, _with(c, affattes=heading_at, tekst="\n".join(lines[:start])), heading_at)
        return execute(ap, _with(c, tekst="\n".join(lines[start:]), med_overskrift=None))
    cites = ap.cites(c, "affattes")
    if len(cites) > 1:
        # "§ 15, stk. 6 og 7, affattes således:" / "§§ 41 og 42 affattes således:": the units go,
        # the new text takes the first one's place (as "ophæves, og i stedet indsættes")
        targets = [ap.resolve(c, w, "affattes") for w, _ in cites]
        if any(t.address.pkt for t in targets):
            return _rewrite_pkts(ap, c, targets)
        return repeal.replace(ap, c, addr.Target(targets[0].address, [u for t in targets for u in t.units]),
                             "affattes")
    target = ap.resolve(c, c.get("affattes"), "affattes")
    if len(target.units) > 1 and target.address.section_to:
        return repeal.replace(ap, c, target, "affattes")  # "§§ 41-43 affattes således:"
    if len(target.units) != 1:
        raise c.error("nyaffattelse af flere paragraffer på én gang understøttes ikke", "affattes",
                      hint="nyaffattes hver paragraf for sig")
    unit = ap.live(c, target.units[0], "affattes")
    if target.address.pkt:
        return _rewrite_pkt(ap, c, unit, target.address.pkt)
    if unit.kind in ("chapter", "part"):
        return repeal.replace_container(ap, c, unit, "affattes")
    if unit.kind not in ("section", "subsection", "paragraph", "point"):
        raise c.error(f"{unit.cite()} kan ikke nyaffattes", "affattes")
    ap.check_untouched(c, unit, "affattes")
    tekst = str(c.get("tekst"))
    m = re.match(r"^\s*(\d+) (?=[a-zæøå])", tekst)
    if unit.kind == "paragraph" and m and m.group(1) == unit.num and "\n" not in tekst.strip():
        # "§ 55, stk. 2, nr. 2, affattes således: »2 der foreligger …«" (lov 326/2012 § 3, nr. 16): the
        # label lacks its ")" (a typo in the act); read as "2) der foreligger …", with a warning
        ap.r.warnings.append(c.warning(f"den nye tekst begynder med »{m.group(1)} « uden »)«; læst som "
                                         f"»{m.group(1)})« (trykfejl i ændringsloven)", "tekst"))
        c = _with(c, tekst=f"{m.group(1)}) " + tekst[m.end():])
    chunks = split_units(unit.kind, c.get("tekst")) if unit.kind != "section" else [c.get("tekst")]
    more: list[Unit] = []
    if len(chunks) > 1:
        # "Stk. 2 affattes således: »Stk. 2. … Stk. 3. …«": the first rewrites, the rest follow it
        parent = ap.parents[unit.wid]
        more = [ap.parse_unit(c, unit.kind, ch) for ch in chunks[1:]]
        i = parent.children.index(unit) + 1
        parent.children[i:i] = more
        for u in more:
            ap.parents[u.wid] = parent
        ap.renumber(c, parent, unit.kind)
    new = ap.parse_unit(c, unit.kind, chunks[0])
    if ap.text_labels and ap.text_labels[-1][0] is new:  # the text's label names the rewritten unit
        _new, num, label, _c = ap.text_labels.pop()
        ap.text_labels.append((unit, num, label, c))
    for u in list(unit.walk())[1:]:
        ap.r.removed[u.wid] = c
    unit.intro, unit.wrapup, unit.children = new.intro, new.wrapup, new.children
    for ch in unit.children:
        ap.parents[ch.wid] = unit
    ap.r.rewritten[unit.wid] = c
    ap.touch(unit.wid, c)
    ap.r.placements.append(Placement(c, "rewrite", [unit.wid], new_wids=[u.wid for u in more]))


def _rewrite_pkt(ap, c, unit: Unit, pkt: int) -> None:
    k, s, e = ap.pkt_span(c, unit, pkt, "affattes")
    ap.add_edit(c, k, unit, s, e, _norm_query(c.get("tekst")), "affattes")
    ap.r.placements.append(Placement(c, "words", [unit.wid], offset=(k[1], k[2], s)))


def _rewrite_pkts(ap, c, targets: list) -> None:
    """"§ 17, stk. 2, 1. og 2. pkt., affattes således:": consecutive punktummer of one unit become
    the new text (in the first one's place; the others' text goes). One punktum in each of several
    units ("§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt., affattes således:", lov 1361/2010, § 10,
    nr. 1): each becomes the new text (LBK 124/2011 prints it in both)."""
    units = {t.units[0].wid for t in targets}
    ks = [t.address.pkt for t in targets]
    if len(units) == len(targets) > 1 and all(len(t.units) == 1 and t.address.pkt for t in targets):
        for t in targets:
            _rewrite_pkt(ap, c, ap.live(c, t.units[0], "affattes"), t.address.pkt)
        return
    if len(units) != 1 or not all(t.address.pkt for t in targets) or ks != list(range(ks[0], ks[0] + len(ks))):
        raise c.error("flere punktummer nyaffattes kun samlet, når de følger efter hinanden i samme enhed",
                      "affattes", hint="nyaffat dem hver for sig")
    unit = ap.live(c, targets[0].units[0], "affattes")
    spans = [ap.pkt_span(c, unit, k, "affattes") for k in ks]
    first_key, s0, _ = spans[0]
    same_line = [sp for sp in spans if sp[0] == first_key]
    e0 = same_line[-1][2]
    ap.add_edit(c, first_key, unit, s0, e0, _norm_query(c.get("tekst")), "affattes")
    for k, s, e in spans:
        if k != first_key:
            line = getattr(ap.units[k[0]], k[1])[k[2]]
            s, e = _widen_deletion(line.text, s, e)
            ap.add_edit(c, k, unit, s, e, "", "affattes")
    ap.r.placements.append(Placement(c, "words", [unit.wid], offset=(first_key[1], first_key[2], s0)))
