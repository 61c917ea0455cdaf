"""Ophævelse: "§ 5, stk. 2, ophæves." / "…, ophæves, og i stedet indsættes:" + new text /
"…, ophæves, og som stk. 5 indsættes:" / "Overskriften før § 9 udgår." (a heading) / "§ 32, stk. 1, 2. pkt., udgår, og i stedet indsættes:".

    {ophæves: CIT}   {ophæves: CIT, tekst}   {ophæves: CIT, som: "stk. 5", tekst}   {…, verbum: udgår}
"""
from __future__ import annotations

import re

from .. import address as addr
from ..address import scan_citation
from ..model import Unit
from ..text import norm, norm_map
from . import heading
from .common import Reader, Unreadable, format_location, format_target, read_target, target_fields
from .insert import read_placed_block
from .log import Placement
from .tree import (
    _HEADING_OF,
    _der_groups,
    _norm_query,
    _split_at_container,
    _widen_deletion,
    _with,
    label_num,
    split_units,
)


# "…, ophæves, og i stedet indsættes som nye stykker:" (lov 590/2012 § 3, nr. 3), "… som stk. 3-5:"
# (lov 1742/2015 § 3, nr. 21): what the new text is, said again (`i_stedet_som`; checked on execution)
_INSTEAD_AS = re.compile(r" som (nye stykker|stk\. \d+-\d+)(?=:)")


def _tail(r: Reader, ch: dict) -> dict:
    if r.lit(", og i stedet indsættes"):
        m = r.rx(_INSTEAD_AS.pattern)
        if m:
            ch["i_stedet_som"] = m.group(1)
        read_placed_block(r, ch, "»ophæves, og i stedet indsættes«")
    return ch


def read_in(r: Reader, loc: dict) -> dict | None:
    """'I § 4 ophæves stk. 2.' / 'I § 82, stk. 6, ophæves 1. pkt., og …': the unit after the verb."""
    start = r.pos
    if "i" not in loc or loc.get("antal") or loc.get("overalt") or not r.lit("ophæves "):
        return None
    cit = r.citation_single()
    if cit and r.text.startswith((" og ", "-"), r.pos):
        # "I § 3 ophæves stk. 3 og 4." / "I § 11 ophæves stk. 2-4.": several units of one kind (the
        # sentence's full stop is not read as "4. [pkt.]")
        body = r.text[:-1] if r.text.endswith(".") else r.text
        end = scan_citation(body, r.pos - len(cit))
        if end > r.pos:
            cit = body[r.pos - len(cit):end]
            r.pos = end
    if not cit or not cit.startswith(("stk.", "nr.", "litra")) and not cit[:1].isdigit():
        r.pos = start
        return None
    n = len(cit.split(", "))
    ch = {k: v for k, v in loc.items() if k != "i"}
    ch = {"ophæves": f"{loc['i']}, {cit}", **ch, "delt": n}
    return _tail(r, ch)


_NAMED_HEADING = re.compile(r"([Oo]verskriften) »([^«»]+)« ((?:før|efter) § \d+(?: [a-zæøå]{1,2})?) (?=udgår|ophæves)")


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    start = r.pos
    m = _NAMED_HEADING.match(r.text, r.pos)
    if m:
        # "Overskriften »Børnemiljøvurdering« efter § 11 udgår.": the heading named by its words
        # (`overskrift_citat`, printed only) and cited by its place
        r.pos = m.end()
        ch = {"ophæves": f"overskriften {m.group(3)}", "overskrift_citat": m.group(2)}
        if r.lit("udgår"):
            ch["verbum"] = "udgår"
        else:
            r.lit("ophæves")
        return ch
    t = read_target(r, prev, first)
    if t is None:
        return None
    if r.lit("ophæves"):
        ch = target_fields(t, "ophæves")
        if r.text.startswith(", og i stedet indsættes", r.pos):
            _tail(r, ch)
        elif r.lit(", og som nyt kapitel indsættes:"):
            # "§ 11 ophæves, og som nyt kapitel indsættes: »Kapitel 1 c / … / § 11. …«" (lov 190/2017
            # § 1, nr. 17): the § is replaced by a chapter (executed as "og i stedet indsættes", the
            # text must begin with the chapter)
            ch["som_nyt_kapitel"] = True
            ch["_blok"] = True
        elif r.lit(", og som "):
            som = r.citation()
            if not som or not r.lit(" indsættes:"):
                raise Unreadable("»ophæves, og som …« følges ikke af »indsættes:«")
            ch["som"] = som
            ch["_blok"] = True
        return ch
    if (t["cit"].startswith(("overskriften", "mellemrubrikken")) or r.text.startswith(
            "udgår, og i stedet indsættes:", r.pos) or _udgår_alone(r, t, first)) and r.lit("udgår"):
        # (and a unit that "udgår." alone: "§ 21, stk. 2, nr. 2, udgår.", lov 472/2013, five times)
        # a heading that "udgår"; or any unit that "udgår, og i stedet indsættes:" (§ 32, stk. 1,
        # 2. pkt., of lov nr. 579 af 1/6/2010): the same as "ophæves, og i stedet indsættes:"
        ch = {**target_fields(t, "ophæves"), "verbum": "udgår"}
        if r.lit(", og i stedet indsættes:"):
            ch["_blok"] = True
        return ch
    r.pos = start
    return None


def _udgår_alone(r: Reader, t: dict, first: bool) -> bool:
    """Whether the sentence is a unit that "udgår." and nothing else ("§ 21, stk. 2, nr. 2, udgår.", lov
    472/2013): units "udgår ikke, men ophæves" (lovteknik 1.7), so only that whole sentence is read as the
    unit's repeal. "I § 5, stk. 2, udgår" is the form of words that go, without the words (lov 629/2016 § 2,
    nr. 1 gives them as the nummer's text); "…, og stk. 2 udgår." after a change of words, or a sentence
    without its full stop, may be words whose »…« are lost: refused, never read as a repeal."""
    if r.text[r.pos:] not in ("udgår", "udgår."):
        return False
    start = 0 if first or r.text.rfind(", og ", 0, r.pos) < 0 else r.text.rfind(", og ", 0, r.pos) + 5  # its clause
    if not first or t.get("overflødigt_i") or not r.text.endswith(".") or not t["cit"].startswith("§"):
        # ("Kapitel 3 udgår." / "Bilag 2 udgår.": no act writes it; a chapter that "udgår" may be its division
        # only, its §§ kept: refused too)
        raise Unreadable(f"»{r.text[start:]}« nævner ikke de ord, der udgår; en enhed udgår ikke, men ophæves, og kun "
                         "en sætning »§ …, udgår.« alene læses som enhedens ophævelse (skriv »ophæves«, eller citér ordene)")
    return True


def format(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("delt"):
        parts = ch["ophæves"].split(", ")
        where = format_location({**ch, "i": ", ".join(parts[:-ch["delt"]]), "delt": 0}, prev, first)
        tail = ", ".join(parts[-ch["delt"]:])
        return f"{where}ophæves {tail}" + _format_tail(ch)
    head = format_target(ch, "ophæves", prev, first)
    if "overskrift_citat" in ch:
        head = head.replace("verskriften ", f"verskriften »{ch['overskrift_citat']}« ", 1)
    if ch.get("verbum") == "udgår":
        return f"{head}udgår, og i stedet indsættes:" if "tekst" in ch else f"{head}udgår"
    if "som" in ch:
        return f"{head}ophæves, og som {ch['som']} indsættes:"
    if ch.get("som_nyt_kapitel"):
        return f"{head}ophæves, og som nyt kapitel indsættes:"
    return f"{head}ophæves" + _format_tail(ch)


def _format_tail(ch: dict) -> str:
    if "tekst" in ch and "som" not in ch:
        return ", og i stedet indsættes" + (f" som {ch['i_stedet_som']}" if "i_stedet_som" in ch else "") + \
            (f" {ch['placering']}" if "placering" in ch else "") + ":"
    return ""


def is_kind(ch: dict) -> bool:
    return "ophæves" in ch


# --- execution: the change made on the engine's working copy of the act --------------------------
# `ap` is the engine's applier (lawdiff/engine/applier.py: the machinery every kind uses); `c` a
# proposal.Change (its data in the format of docs/format.md).

VERBS = ("ophæves",)  # the proposal verb(s) this kind executes


def execute(ap, c) -> None:
    if heading.named_in_chapter(c.data):  # "I kapitel 5 ophæves overskriften »…«": a mellemrubrik, not the chapter
        if "tekst" in c.data:
            raise c.error("en overskrift nævnt ved sine ord kan kun ophæves, ikke erstattes", "tekst",
                          hint="nyaffat overskriften med »affattes: overskriften før § …«")
        return heading.repeal_named_in_chapter(ap, c)
    cites = ap.cites(c, "ophæves")
    if len(cites) > 1 and any(_HEADING_OF.match(norm_map(w)[0]) for w, _ in cites) and "tekst" not in c.data:
        # "Overskriften før § 49 og § 49 ophæves.": each part on its own
        for w, _ in cites:
            execute(ap, _with(c, ophæves=w))
        return
    if len(cites) == 2 and _HEADING_OF.match(norm_map(cites[0][0])[0]) and "tekst" in c.data:
        # "Overskriften før § 16 og § 16 ophæves, og i stedet indsættes: »<heading> § 16. …«": the
        # heading's line(s) replace the heading, the rest replaces the § (it must begin with the §)
        heading_at, sec_at = cites[0][0], cites[1][0]
        m = _HEADING_OF.match(norm_map(heading_at)[0])
        lines = str(c.get("tekst")).split("\n")
        sec = addr.parse(sec_at).section if addr._RX.match(sec_at) else None
        start = next((i for i, ln in enumerate(lines) if sec and re.match(
            rf"§\s*{re.escape(sec)}\.", norm_map(ln)[0].strip())), None)
        if m and re.match(rf"^(?:før\s+)?§\s*{re.escape(sec or '-')}$", m.group("rest").strip(), re.I) \
                and start is not None and start > 0:
            heading.execute(ap, _with(c, ophæves=heading_at, tekst="\n".join(lines[:start])), heading_at)
            return execute(ap, _with(c, ophæves=sec_at, tekst="\n".join(lines[start:])))
        raise c.error(f"»{c.get('ophæves')}« ophæves, og i stedet indsættes: den nye tekst skal begynde med "
                      f"overskriften og derefter »{sec_at}.«", "tekst",
                      hint="del ændringen op i overskriften og paragraffen")
    sp = ap.special(c, c.get("ophæves"), "ophæves")
    if sp is not None:
        if sp[0] == "heading":
            if c.get("overskrift_citat") is not None:
                # "Overskriften »Børnemiljøvurdering« efter § 11 udgår.": the heading at that place must have those
                # words (they were printed only; a hand-written proposal may give them too)
                heading._check_named(ap, c, ap.live(c, sp[1], "ophæves"), c.get("ophæves"))
            if "tekst" in c.data:
                return heading.execute(ap, c, c.get("ophæves"))  # "… ophæves, og i stedet indsættes:"
            return heading.repeal_heading(ap, c, sp[1])
        if sp[0] == "note":
            return heading.title(ap, c, "ophæves", "note")
        raise c.error("lovens titel kan ikke ophæves", "ophæves", hint="nyaffat den med »affattes«")
    if c.get("overskrift_citat") is not None:
        raise c.error(f"»overskrift_citat« hører til en overskrift, men »{c.get('ophæves')}« er ikke en overskrift eller "
                      "et kapitel", "overskrift_citat", hint="fjern »overskrift_citat«, eller citér overskriften")
    cites = ap.cites(c, "ophæves")
    for wheres, said in _der_groups(cites):
        ap.check_der_bliver(c, wheres, said, "ophæves")
    targets = [ap.resolve(c, where, "ophæves") for where, _ in cites]
    if any(t.address.pkt for t in targets):
        if not all(t.address.pkt for t in targets):
            raise c.error("punktummer og hele enheder kan ikke ophæves i samme ændring", "ophæves",
                          hint="del ændringen op")
        first = None
        spans = []
        for target in targets:
            unit = ap.live(c, target.units[0], "ophæves")
            k, s, e = ap.pkt_span(c, unit, target.address.pkt, "ophæves")
            line = getattr(ap.units[k[0]], k[1])[k[2]]
            if spans and spans[-1][0] == k and spans[-1][3] <= s and not line.text[spans[-1][3]:s].strip():
                # "2. og 3. pkt. ophæves" / "3.-5. pkt. ophæves, og i stedet indsættes:" (lov 251/2012
                # § 1, nr. 3; lov 433/2012 § 6, nr. 1): punktummer side by side go as one span (their
                # deletions, each with its space, overlapped and were refused)
                spans[-1] = (k, unit, spans[-1][2], e)
            else:
                spans.append((k, unit, s, e))
        for n, (k, unit, s, e) in enumerate(spans):
            line = getattr(ap.units[k[0]], k[1])[k[2]]
            if "tekst" in c.data and n == 0:
                # "2. pkt. ophæves, og i stedet indsættes: »…«": the punktum is replaced
                ap.add_edit(c, k, unit, s, e, _norm_query(c.get("tekst")), "ophæves")
            else:
                s, e = _widen_deletion(line.text, s, e)
                ap.add_edit(c, k, unit, s, e, "", "ophæves")
            first = first or (unit.wid, k, s)
        ap.r.placements.append(Placement(c, "words", [first[0]], offset=(first[1][1], first[1][2], first[2])))
        return
    target = targets[0] if len(targets) == 1 else addr.Target(targets[0].address,
                                                             [u for t in targets for u in t.units])
    if "tekst" in c.data:
        if c.get("i_stedet_som"):
            _check_instead_as(c, target)
        if c.get("som_nyt_kapitel") and not re.match(r"\s*Kapitel\s", str(c.get("tekst"))):
            raise c.error("»som nyt kapitel«: den nye tekst begynder ikke med »Kapitel …«", "tekst",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        return replace(ap, c, target)
    if c.get("som") is not None:
        raise c.error("»som« bruges kun, når der indsættes ny tekst (»ophæves, og som stk. 5 indsættes:«)",
                      "som", hint="tilføj »tekst« eller fjern »som«")
    if c.get("i_kapitel"):
        heading.check_in_chapter(ap, c, target.units)
    ap.r.placements.append(Placement(c, "repeal", [u.wid for u in target.units]))
    groups: list[tuple[Unit, Unit]] = []  # (group, its first unit before the repeal)
    for bu in target.units:
        unit = ap.live(c, bu, "ophæves")
        ap.check_untouched(c, unit, "ophæves")
        parent = ap.parents[unit.wid]
        if parent is not None and parent.kind == "group" and all(g is not parent for g, _ in groups):
            groups.append((parent, parent.children[0]))
        ap.siblings(parent).remove(unit)
        for u in unit.walk():
            ap.r.removed[u.wid] = c
        if parent is not None:
            ap.touch(parent.wid, c)
            if unit.kind in ("subsection", "paragraph", "point"):
                ap.renumber(c, parent, unit.kind)
    if c.get("med_overskrift"):
        heading.repeal_with_headings(ap, c, groups)


def _check_instead_as(c, target: addr.Target) -> None:
    """"… ophæves, og i stedet indsættes som nye stykker:" / "… som stk. 3-5:": the new text is
    several stk. in the place of one stk. (numbered from it, and for "stk. 3-5" exactly those)."""
    said = str(c.get("i_stedet_som"))
    unit = target.units[0]
    labels = [label_num("subsection", ch) for ch in split_units("subsection", str(c.get("tekst")))]
    want = None
    m = re.fullmatch(r"stk\. (\d+)-(\d+)", said)
    if m:
        want = [str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1)]
    ok = len(target.units) == 1 and unit.kind == "subsection" and len(labels) > 1 \
        and labels == [str(int(unit.num) + k) for k in range(len(labels))] and (want is None or labels == want)
    if not ok:
        raise c.error(f"»og i stedet indsættes som {said}«: den nye tekst er ikke {said} i stedet for "
                      f"{unit.cite()} (den har {', '.join('stk. ' + str(x) for x in labels)})", "tekst",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")


def replace(ap, c, target: addr.Target, key: str = "ophæves") -> None:
    """Template 10: the unit is repealed and new units (one or more) take its place, or, with
    `som` ("…, ophæves, og som stk. 5 indsættes:"), the new units get that number."""
    if len(target.units) == 1 and target.units[0].kind in ("chapter", "part"):
        return replace_container(ap, c, ap.live(c, target.units[0], key), key)
    groups = _groups_of_range(ap, target) if len(target.units) > 1 else None
    if groups is not None:
        return _replace_across_groups(ap, c, target, groups, key)
    if target.units[0].kind not in ("section", "subsection", "paragraph", "point") or len(
            {(u.kind, id(ap.base_parents.get(u.wid))) for u in target.units}) != 1:
        raise c.error("»ophæves« med »tekst« bruges til paragraffer, stk., nr., litra eller punktummer "
                      "(af samme slags og i samme enhed)", key, hint="ophæv og indsæt hver enhed for sig")
    unit = ap.live(c, target.units[0], key)
    ap.check_untouched(c, unit, key)
    parent = ap.parents[unit.wid]
    sibs = ap.siblings(parent)
    # "§ 23, stk. 3 og 4, ophæves, og i stedet indsættes:": the others go, the new text takes the first's place
    for other in target.units[1:]:
        o = ap.live(c, other, key)
        ap.check_untouched(c, o, key)
        sibs.remove(o)
        for u in o.walk():
            ap.r.removed[u.wid] = c
    text, tail = _split_at_container(str(c.get("tekst"))) if unit.kind == "section" else (c.get("tekst"), "")
    if tail:
        if len(target.units) > 1:
            raise c.error("»ophæves« af flere paragraffer med nye kapitler i teksten kan lawdiff ikke udføre",
                          key, hint="nummeret kan ikke udføres; markér det som ikke udført")
        # the new chapters follow the chapter of the repealed § (or of the §§ that replace it)
        if not text.strip():
            for u in unit.walk():  # marked first: its number is free for a § of the new chapter
                ap.r.removed[u.wid] = c  # ("§ 11 ophæves, og som nyt kapitel indsættes: … § 11. …")
            added = ap.chapters_after(c, unit, tail)
            sibs.remove(unit)
            if parent is not None:
                ap.touch(parent.wid, c)
            ap.r.placements.append(Placement(c, "replace", [u.wid for u in target.units],
                                               new_wids=[u.wid for u in added]))
            return
        raise c.error("»ophæves« med nye paragraffer og nye kapitler i samme tekst kan lawdiff endnu ikke udføre",
                      key, hint="nummeret kan ikke udføres; markér det som ikke udført")
    chunks = split_units(unit.kind, text)
    new_units = [ap.parse_unit(c, unit.kind, ch) for ch in chunks]
    if unit.kind == "section":
        nums = [label_num("section", ch) for ch in chunks]
        if nums[0] is None:
            nums[0] = addr.canonical_num(unit.num)
        if None in nums:
            raise c.error("den nye tekst skal begynde hver paragraf med »§ N.«", "tekst")
        i = sibs.index(unit)
        sibs.remove(unit)
        for u in unit.walk():
            ap.r.removed[u.wid] = c
        for num in nums:
            ap.free_section_number(c, num)
        for u, num in zip(new_units, nums):
            u.num, u.label = num, f"§ {num}."
        sibs[i:i] = new_units
        keys = [addr.section_key(u.num) for u in sibs if u.kind == "section" and u.num]
        if keys != sorted(keys):
            raise c.error(f"de nye paragraffer ({', '.join('§ ' + n for n in nums)}) passer ikke ind på "
                          f"{unit.cite()}s plads", "tekst")
    else:
        i = sibs.index(unit)
        sibs.remove(unit)
        for u in unit.walk():
            ap.r.removed[u.wid] = c
        ap.renumber(c, parent, unit.kind)
        if c.get("som") is not None:
            som = ap.som(c, {"subsection": "stk", "paragraph": "nr", "point": "litra"}[unit.kind], parent)
            kin = [u for u in sibs if u.kind == unit.kind]
            if not 1 <= som <= len(kin) + 1:
                raise c.error(f"{parent.cite()} har {len(kin)} efter ophævelsen; det nye kan ikke blive "
                              f"{c.get('som')}", "som")
            i = sibs.index(kin[som - 1]) if som <= len(kin) else (sibs.index(kin[-1]) + 1 if kin else len(sibs))
        sibs[i:i] = new_units
    for u in new_units:
        ap.parents[u.wid] = parent
    if unit.kind == "section":
        new_units = ap.lift_headings(c, parent, new_units)
    if parent is not None:
        ap.touch(parent.wid, c)
        if unit.kind != "section":
            ap.renumber(c, parent, unit.kind)
    ap.r.placements.append(Placement(c, "replace", [u.wid for u in target.units],
                                       new_wids=[u.wid for u in new_units]))


def _groups_of_range(ap, target: addr.Target) -> list[Unit] | None:
    """The mellemrubrik groups a range of §§ runs through ("§§ 9-12 ophæves, og i stedet indsættes:", lov
    638/2013, § 1, nr. 2: in forvaltningsloven's kapitel 4 §§ 9, 10, 11 and 12 each stand under a heading of
    their own), or None unless the shape is certain: the §§ follow each other in the law with nothing but
    mellemrubrikker between them, each in a group of one chapter (side by side), each group after the first
    begins with one of the §§ (its heading stands inside the range), and the groups between the first and
    the last hold the range's §§ only."""
    units = target.units
    if any(u.kind != "section" for u in units):
        return None
    groups: list[Unit] = []
    for u in units:
        g = ap.base_parents.get(u.wid)
        if g is None or g.kind != "group":
            return None
        if not groups or groups[-1] is not g:
            groups.append(g)
    if len(groups) < 2:
        return None
    outer = ap.base_parents.get(groups[0].wid)
    sibs = outer.children if outer is not None else ap.r.base.body
    if any(ap.base_parents.get(g.wid) is not outer for g in groups):
        return None
    i = next(k for k, x in enumerate(sibs) if x is groups[0])
    if sibs[i:i + len(groups)] != groups:
        return None
    # in document order, the range's §§ are one unbroken run of the §§ of these groups
    run = [x for g in groups for x in g.children]
    if any(x.kind != "section" for x in run) or any(g.heading is None for g in groups[1:]):
        return None
    first = run.index(units[0])
    if run[first:first + len(units)] != list(units):
        return None
    if any(not g.children or g.children[0] not in units for g in groups[1:]):
        return None
    if any(x not in units for g in groups[1:-1] for x in g.children):
        return None
    return groups


def _replace_across_groups(ap, c, target: addr.Target, groups: list[Unit], key: str) -> None:
    """§§ under several mellemrubrikker replaced by new text (_groups_of_range): the §§ and the headings
    that stand between them go, the heading before the first § stays; the new §§ take the first §'s
    place, a heading in the new text before one of its §§ opens a group for it and the §§ after it (up to
    the next heading), and the §§ that followed the last § of the range under its (repealed) heading
    follow the new ones, so under the new text's last heading (LBK 433/2014 kapitel 4: "Undtagelse af
    dokumenter" before the new § 12 and the old §§ 13-14 after it)."""
    units = [ap.live(c, u, key) for u in target.units]
    for u in units:
        ap.check_untouched(c, u, key)
    live_groups = [ap.live(c, g, key) for g in groups]
    text = str(c.get("tekst"))
    _, tail = _split_at_container(text)
    if tail:
        raise c.error("»ophæves« af flere paragraffer med nye kapitler i teksten kan lawdiff ikke udføre",
                      key, hint="nummeret kan ikke udføres; markér det som ikke udført")
    chunks = split_units("section", text)
    nums = [label_num("section", ch) for ch in chunks]
    if nums[0] is None:
        nums[0] = addr.canonical_num(units[0].num)
    if None in nums:
        raise c.error("den nye tekst skal begynde hver paragraf med »§ N.«", "tekst")
    head = live_groups[0]
    sibs = ap.siblings(head)
    i = sibs.index(units[0])
    rest = [x for x in live_groups[-1].children if x not in units]
    for u in units:
        for w in u.walk():
            ap.r.removed[w.wid] = c
    outer = ap.parents[head.wid]
    osibs = ap.siblings(outer)
    for g in live_groups[1:]:
        osibs.remove(g)
        if g is not live_groups[-1] or not rest:
            ap.r.removed[g.wid] = c  # (the last one's §§ after the range live on: not marked, or they'd
        else:                        # count as repealed with it)
            ap.touch(g.wid, c)
    del sibs[i:]
    for num in nums:
        ap.free_section_number(c, num)
    new_units = [ap.parse_unit(c, "section", ch) for ch in chunks]
    for u, num in zip(new_units, nums):
        u.num, u.label = num, f"§ {num}."
    sibs.extend(new_units + rest)
    for u in new_units + rest:
        ap.parents[u.wid] = head
    lifted = ap.lift_headings(c, head, new_units + rest)
    if rest:
        # the §§ after the range stood under the last group's heading, which the act does not name: only
        # a new heading of the same words over them keeps it (LBK 433/2014: "Undtagelse af dokumenter"
        # before the new § 12 and the old §§ 13-14); without one, or under other words, they'd move under
        # the heading before the range or another one (a guess)
        was = groups[-1].heading.text
        over = ap.parents.get(rest[0].wid)
        now = over.heading.text if over is not None and over is not head and over.heading is not None else None
        if now is None or norm(now) != norm(was):
            raise c.error(f"{units[0].cite()}-{units[-1].cite()} ophæves, men overskriften »{was}« står også over {', '.join(u.cite() for u in rest)}, som ikke "
                          f"ophæves; den nye tekst sætter {'ingen ny overskrift' if now is None else f'»{now}«'} "
                          f"over {'dem' if len(rest) > 1 else 'den'}", key,
                          hint="lawdiff kan ikke vide, om overskriften består; markér nummeret som ikke udført, "
                               "eller skriv overskriften før den sidste nye paragraf i teksten")
    keys = [addr.section_key(u.num) for u in (outer.walk() if outer is not None else ap.r.new.sections())
            if u.kind == "section" and u.num]
    if keys != sorted(keys):
        raise c.error(f"de nye paragraffer ({', '.join('§ ' + n for n in nums)}) passer ikke ind på "
                      f"{units[0].cite()}-{units[-1].cite()}s plads", "tekst")
    ap.touch(head.wid, c)
    if outer is not None:
        ap.touch(outer.wid, c)
    ap.r.placements.append(Placement(c, "replace", [u.wid for u in target.units],
                                       new_wids=[u.wid for u in lifted]))


def replace_container(ap, c, unit: Unit, key: str) -> None:
    """"Kapitel 5 a affattes således:" / "Kapitel 2 ophæves, og i stedet indsættes:": the chapter
    (or part) goes and the chapters or parts of the new text take its place."""
    ap.check_untouched(c, unit, key)
    parent = ap.parents[unit.wid]
    sibs = ap.siblings(parent)
    body = ap.parse_body(c)
    word = "Kapitel" if unit.kind == "chapter" else "Afsnit"
    if not body or any(u.kind not in ("chapter", "part") for u in body):
        raise c.error(f"den nye tekst skal begynde med »{word} {unit.num}« og overskriften", "tekst",
                      hint="skriv teksten som i ændringsloven, med kapitlets betegnelse og overskrift")
    i = sibs.index(unit)
    sibs[i:i + 1] = body
    old_secs = set()
    for u in unit.walk():
        ap.r.removed[u.wid] = c
        if u.kind == "section" and u.num:
            old_secs.add(addr.canonical_num(u.num))
    for u in body:
        ap.parents[u.wid] = parent
        for sub in [u] + [x for x in u.walk() if x.kind in ("chapter", "part", "group")]:
            for x in sub.children:
                ap.parents[x.wid] = sub
            ap.lift_headings(c, sub, list(sub.children))
    new_secs = [addr.canonical_num(x.num) for u in body for x in u.walk() if x.kind == "section" and x.num]
    others = {addr.canonical_num(x.num) for x in ap.r.new.sections() if x.num} - set(new_secs)
    for n in new_secs:
        if n in others:
            raise c.error(f"§ {n} findes allerede uden for {unit.cite()}", "tekst")
    if parent is not None:
        ap.touch(parent.wid, c)
    ap.r.placements.append(Placement(c, "replace", [unit.wid], new_wids=[u.wid for u in body]))
