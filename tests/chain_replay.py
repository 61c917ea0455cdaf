"""Replay the real consolidation chains of ../shared/corpus/chains.json (issue 9 §2).

A chain is a base LBK, the amending acts the next LBK's preamble lists, and that next LBK (the
target). Replaying one: import base and target, read the acts into amendment files (the
ændringsparagraffer whose title is the base act's are linked to it), `consolidate --include` the
acts at the target's date, and compare the result with the official target § by § word for word
(normalised white space; "(Ophævet)" placeholders, single or ranges, count as the same text).

Every § that differs is classified:
- "delvis": the target's preamble includes only some numre of an act ("§ 1, nr. 1-3, i lov nr. …")
  and the § is touched by a nummer it leaves out;
- "ikke udført": the § is touched by a nummer lawdiff refused (reader or engine);
- "redaktionel": no nummer of the chain's acts touches the § (an editorial correction of the LBK, or
  an act the preamble does not list);
- "lawdiff": a nummer touching the § was executed, and the text still differs.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lawdiff.address import _section_span, canonical_num, section_key
from lawdiff.consolidate import ConsolidateError, consolidate, load_act, preamble_acts, save
from lawdiff.diff import is_placeholder
from lawdiff.errors import LawdiffError
from lawdiff.render.text import plain_text
from lawdiff.store import Store
from lawdiff.text import norm

PH = "(Ophævet)"


@dataclass
class ChainResult:
    target: str
    refused: str | None = None  # consolidate without --partial refused: the message
    error: str | None = None  # the chain could not be replayed at all (import failed)
    sections: int = 0
    identical: int = 0
    changed: int = 0  # §§ the target changed relative to the base
    changed_identical: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (§, class)
    attributed: dict[str, str] = field(default_factory=dict)  # unit cite -> the act and nummer the record gives


def _texts(act) -> tuple[dict[str, str], list[tuple]]:
    texts, ranges = {}, []
    for s in act.sections():
        if not s.num:
            continue
        n = canonical_num(s.num)
        if is_placeholder(s):
            if "-" in n or " og " in n:
                ranges.append(_section_span(n))
            texts[n] = PH
        else:
            texts[n] = norm(plain_text(s))
    return texts, ranges


def _value(texts, ranges, num):
    if num in texts:
        return texts[num]
    if any(lo <= section_key(num) <= hi for lo, hi in ranges):
        return PH
    return None


def _same(a, b) -> bool:
    return a == b or {a, b} <= {PH, None}


_SEC = re.compile(r"§§?\s*(\d+(?:\s?[a-zæøå](?![\wæøå]))?)")


def _touched(numre) -> dict[str, list]:
    """§ number -> the numre whose changes name it."""
    out: dict[str, list] = {}
    for n in numre:
        text = json.dumps(n.data, ensure_ascii=False)
        for m in _SEC.finditer(text):
            out.setdefault(canonical_num(m.group(1)), []).append(n)
    return out


def _drop_empty(x):
    """The strict loader refuses empty values; the reader of issue 8 writes some (e.g. an empty
    "betegnelse"): leave them out."""
    if isinstance(x, dict):
        return {k: _drop_empty(v) for k, v in x.items() if v not in ("", None)}
    if isinstance(x, list):
        return [_drop_empty(v) for v in x]
    return x


def link(doc: dict, title: str, law: str, ref: str | None = None) -> dict:
    """Link the ændringsparagraffer that amend the act titled `title` to the stored act `law`."""
    doc = _drop_empty(dict(doc))
    # the act's other §§ are not executed; the reader of issue 8 may leave their "nummer" empty
    doc["øvrige"] = [o for o in doc.get("øvrige") or [] if o.get("nummer")] or None
    if doc["øvrige"] is None:
        del doc["øvrige"]
    want = norm(title).lower()
    for par in doc.get("paragraffer") or []:
        if norm(str(par.get("lovtitel", ""))).lower() == want:
            par["lov"] = law
            doc["love"] = dict(doc.get("love") or {}, **{law: ref or law})
    return doc


def replay(chain: dict, root: Path, corpus: Path, read_amending, dump) -> ChainResult:
    """Replay one chain in `root` (a fresh folder). `read_amending(path) -> doc` and `dump(doc) -> str`
    are the amendment reader of issue 8 (lawdiff.importers.amending)."""
    from lawdiff.importers.lexdania import read_lexdania_file

    res = ChainResult(chain["target"])
    try:
        base = read_lexdania_file(corpus / (chain["base"] + ".xml")).act
        target = read_lexdania_file(corpus / (chain["target"] + ".xml")).act
    except LawdiffError as e:
        res.error = f"import: {e}"
        return res
    law = "kaede"
    base.law = target.law = law
    store = Store(root)
    store.save(base)
    (root / "amendments").mkdir(exist_ok=True)
    include = []
    for a in chain["amending"]:
        try:
            doc = read_amending(corpus / (a + ".xml"))
        except LawdiffError:
            continue  # an original act (LOV H) amending in passing: not an amending act file
        y, n = a.split("/")[1].split("-")
        aid = f"lov-{y}-{n}"
        (root / "amendments" / f"{aid}.yaml").write_text(dump(link(doc, base.title, law, base.key)), encoding="utf-8")
        include.append(aid)
    acts = [x for x in (load_act(root / "amendments" / f"{aid}.yaml", law) for aid in include) if x]
    include = [a.id for a in acts]
    try:
        consolidate(store, law, target.date, include, partial=False, root=root)
    except ConsolidateError as e:
        res.refused = e.message
    try:
        result, _ = consolidate(store, law, target.date, include, partial=True, root=root)
    except LawdiffError as e:
        res.error = f"consolidate --partial: {e.message}"
        return res
    save(store, result)  # for blame
    rec = result.consolidation
    from lawdiff.blame import _Version

    old_units = {u.wid: u for u in base.walk()}
    version = _Version(result)
    for u in result.walk():  # units whose own text the consolidation changed
        if u.kind in ("subsection", "paragraph", "point") and u.wid in rec.changed_by:
            o = old_units.get(u.wid)
            if o is not None and [norm(x) for x in o.own_lines()] != [norm(x) for x in u.own_lines()]:
                res.attributed[version.cite(u)] = rec.changed_by[u.wid]
    skipped = {(s.act, s.nummer) for s in rec.not_executed}
    numre = [n for a in acts for n in a.numre]
    touched = _touched(numre)
    partial = {k: v for k, v in preamble_acts(target).items() if None not in v}
    bt, br = _texts(base)
    tt, tr = _texts(target)
    rt, rr = _texts(result)
    for num in tt:
        if "-" in num or " og " in num:
            continue
        res.sections += 1
        t, r, b = _value(tt, tr, num), _value(rt, rr, num), _value(bt, br, num)
        ok = _same(t, r)
        res.identical += ok
        if not _same(t, b):
            res.changed += 1
            res.changed_identical += ok
        if ok:
            continue
        by = touched.get(num, [])
        if any(n.act.id in partial and (n.paragraf, n.nummer) not in partial[n.act.id]
               and (n.paragraf, None) not in partial[n.act.id] for n in by):
            cls = "delvis"
        elif any((n.act.id, n.cite) in skipped for n in by):
            cls = "ikke udført"
        elif not by:
            cls = "redaktionel"
        else:
            cls = "lawdiff"
        res.misses.append((num, cls))
    return res


def summary(results: list[ChainResult]) -> tuple[str, dict]:
    done = [r for r in results if r.error is None]
    fig = {
        "chains": len(results),
        "replayed": len(done),
        "without_refusal": sum(1 for r in done if r.refused is None),
        "fully_identical": sum(1 for r in done if r.identical == r.sections),
        "sections": sum(r.sections for r in done),
        "identical": sum(r.identical for r in done),
        "changed": sum(r.changed for r in done),
        "changed_identical": sum(r.changed_identical for r in done),
    }
    classes = Counter(c for r in done for _, c in r.misses)
    lines = [
        f"chains: {fig['chains']}, replayed: {fig['replayed']} (import errors: {fig['chains'] - fig['replayed']})",
        f"replayed without refusal: {fig['without_refusal']}",
        f"chains fully identical: {fig['fully_identical']}",
        f"§§ identical: {fig['identical']:,} of {fig['sections']:,} "
        f"({100 * fig['identical'] / max(fig['sections'], 1):.2f} %)",
        f"changed §§ identical: {fig['changed_identical']:,} of {fig['changed']:,} "
        f"({100 * fig['changed_identical'] / max(fig['changed'], 1):.2f} %)",
        "differences by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()),
    ]
    for r in results:
        if r.error:
            lines.append(f"  {r.target}: {r.error}")
    return "\n".join(lines), fig
