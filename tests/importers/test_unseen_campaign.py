"""The unseen-document campaign (issue 8): plausible official documents no one here has seen,
derived deterministically from real ones, and what the import makes of them.

(1) Statutes (LBK, LOV H): the labels and runs of every provision written as another LexDania
    producer plausibly would (no-break, narrow and thin spaces, soft hyphens, zero-width characters,
    tabs and line breaks in "§ 5 a." and "Stk. 2."; every <Char> split into two runs at a space;
    runs in italic or bold). Each must be read exactly — the same units with the same numbers,
    labels and text as the original (compared after `norm`, which is how every label and citation
    is read) — or be refused with a LawdiffError; never a traceback, never other numbers or text.
(2) Amending acts: every instruction (<AendringDefinition>) reworded as the taxonomy of
    amendments.md says other acts word it, or as a careless producer might ("til »" without the
    colon, "udgår." for "ophæves.", "§ 41d", "stk 2", "første punktum", “English quotes”, «reversed»,
    "I" in lower case …), only outside the quotations »…«. Each nummer must be read into the same
    changes (the form keys of docs/format.md, which only record wording, aside) or be refused
    (kept verbatim as ikke_udført); never read into other changes, never a traceback.

(3) Amending acts with the statutes' variants of (1): every nummer read into the same changes.

The plain tests run two documents of each kind; the `corpus` test runs 30 statutes, every 12th
amending act by size for (2) and every 40th for (3), and prints the figures (documents generated,
read exactly, refused, failures).
"""
from __future__ import annotations

import collections
import copy
import re
import traceback
from pathlib import Path

import pytest
from lxml import etree

from lawdiff.errors import LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.official import read_official
from lawdiff.model import Line, Table
from lawdiff.text import norm
from tests.conftest import CORPUS
from tests.importers.test_metamorphic import CORPUS_SAMPLE, FAST_SAMPLE, _features, _serialise

# --- (1) statutes ---------------------------------------------------------------------------


def _labels(fn):
    def apply(root):
        body = root.find("DokumentIndhold")
        for ex in body.iter("Explicatus"):
            if ex.text and ex.text.strip():
                ex.text = fn(ex.text)
    return apply


def _split_runs(root):
    """Every plain run in two at its first inner space, the space starting the second run."""
    for ch in list(root.find("DokumentIndhold").iter("Char")):
        t = ch.text or ""
        i = t.find(" ", 1)
        if 0 < i < len(t) - 1 and not len(ch) and not ch.get("formaChar"):
            new = etree.Element("Char")
            new.text, ch.text = t[i:], t[:i]
            new.tail, ch.tail = ch.tail, None
            ch.addnext(new)


def _formatted(forma):
    def apply(root):
        for k, ch in enumerate(root.find("DokumentIndhold").iter("Char")):
            if k % 2 == 0 and not ch.get("formaChar") and ch.getparent().tag == "Linea":
                ch.set("formaChar", forma)
    return apply


STATUTE_VARIANTS = {
    "labels: no-break spaces": _labels(lambda t: t.replace(" ", "\u00a0")),
    "labels: narrow no-break spaces": _labels(lambda t: t.replace(" ", "\u202f")),
    "labels: thin spaces": _labels(lambda t: t.replace(" ", "\u2009")),
    "labels: soft hyphens": _labels(lambda t: t.replace(" ", " \u00ad")),
    "labels: zero-width spaces": _labels(lambda t: t.replace(" ", "\u200b ")),
    "labels: zero-width non-joiner": _labels(lambda t: t[:-1] + "\u200c" + t[-1:]),
    "labels: word joiners": _labels(lambda t: t.replace(" ", "\u2060 ")),
    "labels: tabs and double spaces": _labels(lambda t: t.replace(" ", "\t  ")),
    "labels: line breaks around": _labels(lambda t: "\n        " + t + "\n      "),
    "runs split at a space": _split_runs,
    "runs in italic": _formatted("Italic"),
    "runs in bold": _formatted("Bold"),
}


def _units(act) -> list[tuple]:
    """What a reader reads of an act: every unit's kind, number, label and text (normalised)."""
    out = []
    for top in act.body:
        for u in top.walk():
            blocks = [norm(b.text) if isinstance(b, Line) else ("table", str(b.rows)) if isinstance(b, Table) else None
                      for b in u.intro + u.wrapup]
            heading = norm(u.heading.text) if isinstance(u.heading, Line) else None
            out.append((u.kind, u.num, norm(u.label or ""), heading, blocks))
    return out


def statute_campaign(files: list[Path]) -> tuple[collections.Counter, list[str]]:
    outcomes: collections.Counter = collections.Counter()
    failures = []
    for f in files:
        data = f.read_bytes()
        name = str(f.relative_to(CORPUS))
        want = _units(read_official(data, name).result.act)
        base = etree.fromstring(data)
        for vname, fn in STATUTE_VARIANTS.items():
            root = copy.deepcopy(base)
            fn(root)
            outcomes["generated"] += 1
            try:
                got = _units(read_official(_serialise(root), name).result.act)
            except LawdiffError:
                outcomes["refused"] += 1
                continue
            except Exception:
                outcomes["FAILED: traceback"] += 1
                failures.append(f"{name}: {vname}: {traceback.format_exc(limit=-2)}")
                continue
            if got == want:
                outcomes["read exactly"] += 1
            else:
                outcomes["FAILED: read differently"] += 1
                diff = next((a, b) for a, b in zip(want + [None], got + [None]) if a != b)
                failures.append(f"{name}: {vname}: {str(diff[0])[:150]} -> {str(diff[1])[:150]}")
    return outcomes, failures


# --- (2) amending acts ----------------------------------------------------------------------

# the keys that only record how the act words a change (docs/format.md, "Forms")
FORM_KEYS = {"samme_sted", "elliptisk", "forkortet", "delt", "antal_efter_verbum", "antal_efter_citat",
             "antal_sidst", "bindeord", "punktum", "punktum_efter", "komma", "som_bliver", "anker_som_bliver",
             "anker_komma", "betegnelse", "bortset_form", "verbum", "ny_sætning", "inline", "til_kolon",
             "verbum_kolon", "overflødigt_i", "kun_citat", "uden_i", "overskrift_citat", "trykfejl", "mellemrum"}
CITATION_KEYS = {"i", "affattes", "ophæves", "efter", "før", "der_bliver", "som", "bortset_fra"}

REPHRASINGS = {  # name: (pattern outside the quotations, each quotation masked as »Qn«; replacement)
    "til uden kolon": (r"til: »", "til »"),
    "ophæves -> udgår": (r"(?<=[^«]) ophæves\.$", " udgår."),
    "udgår -> ophæves": (r"(?<=[^«]) udgår\.$", " ophæves."),
    "som nyt -> som": (r"som nyt (stk|nr|pkt)", r"som \1"),
    "som nye -> som nyt": (r"som nye (stk)", r"som nyt \1"),
    "affattes sådan": (r"affattes således", "affattes sådan"),
    "no-break space after §": (r"§ ", "§\u00a0"),
    "soft hyphen in a verb": (r"\b(ændr)(es)\b", "\\1\u00ad\\2"),
    "English quotation marks": (r"[»«]", lambda m: "\u201c" if m.group(0) == "»" else "\u201d"),
    "reversed quotation marks": (r"[»«]", lambda m: "«" if m.group(0) == "»" else "»"),
    "første punktum": (r"\b1\. pkt\.", "første punktum"),
    "stykke": (r"\bstk\. (\d)", r"stykke \1"),
    "stk without its full stop": (r"\bstk\. (\d)", r"stk \1"),
    "pkt without its full stop": (r"pkt\.,", "pkt,"),
    "quotation before the verb": (r"(ændres) (»Q\d+«) (til)", r"\2 \1 \3"),
    "efter »…« indsættes": (r"indsættes efter (»Q\d+«):", r"efter \1 indsættes:"),
    "to -> 2 steder": (r"\bto steder\b", "2 steder"),
    "lower-case I": (r"^I ", "i "),
    "double spaces": (r" ", "  "),
    "no final full stop": (r"\.$", ""),
    "nr. -> nummer": (r"\bnr\. (\d)", r"nummer \1"),
    "og -> samt": (r", og ", ", samt "),
    "efter -> bag": (r"indsættes efter »", "indsættes bag »"),
    "før -> foran": (r"indsættes før »", "indsættes foran »"),
    "ændres -> erstattes": (r"\bændres »", "erstattes »"),
    "ophæves, og i stedet indsættes -> erstattes af": (r"ophæves, og i stedet indsættes:", "ophæves og erstattes af:"),
    "§ 41 d -> § 41d": (r"§ (\d+) ([a-z])\b", r"§ \1\2"),
}


def outside_quotes(pattern, replacement, text: str) -> str:
    quotes = re.findall(r"»[^«]*«", text)
    masked = re.sub(r"»[^«]*«", lambda m, it=iter(range(len(quotes))): f"»Q{next(it)}«", text)
    out = re.sub(pattern, replacement, masked)
    return re.sub(r"»Q(\d+)«", lambda m: quotes[int(m.group(1))], out)


def _rephrase(name: str, text: str) -> str:
    pattern, replacement = REPHRASINGS[name]
    if pattern.startswith("[»«]"):
        return re.sub(pattern, replacement, text)
    return outside_quotes(pattern, replacement, text)


def _semantics(changes: list[dict]) -> list[dict]:
    def cit(v):
        return re.sub(r"(\d) ([a-zæøå])\b", r"\1\2", v) if isinstance(v, str) else v
    return [{k: cit(v) if k in CITATION_KEYS else v for k, v in c.items() if k not in FORM_KEYS} for c in changes]


def _numre(doc: dict) -> dict:
    return {(str(p["nummer"]), str(n["nummer"])): n for p in doc.get("paragraffer", []) for n in p["numre"]}


_DEFINITIONS = "//AendringCentreretParagraf/AendringsNummer/Aendring/AendringDefinition"


def _set_text(d: etree._Element, text: str) -> None:
    for ch in list(d):
        d.remove(ch)
    etree.SubElement(etree.SubElement(d, "Linea"), "Char").text = text


def _key(d: etree._Element) -> tuple[str, str]:
    an = d.getparent().getparent()
    par = norm(an.getparent().findtext("Explicatus") or "")
    return re.sub(r"^§\s*", "", par).rstrip("."), norm(an.findtext("Explicatus") or "").rstrip(".")


def _read(root) -> dict:
    return _numre(amending.read_amending_root(root, "x.xml").doc)


def amending_campaign(files: list[Path], per_act: int = 6) -> tuple[collections.Counter, list[str]]:
    """Each rephrasing on at most `per_act` instructions of each act (one instruction per generated act)."""
    outcomes: collections.Counter = collections.Counter()
    failures = []
    for f in files:
        name = str(f.relative_to(CORPUS))
        base = etree.fromstring(f.read_bytes())
        want = _read(copy.deepcopy(base))
        texts = [amending._lines_text(d) for d in base.xpath(_DEFINITIONS)]
        for rname in REPHRASINGS:
            done = 0
            for i, text in enumerate(texts):
                new = _rephrase(rname, text)
                if new == text or done >= per_act:
                    continue
                flat, root = copy.deepcopy(base), copy.deepcopy(base)
                key = _key(flat.xpath(_DEFINITIONS)[i])
                if key not in want or "ikke_udført" in want[key]:
                    continue
                # the instruction as one run (its <Char signiChar="AendringURN"> runs joined) must read the same
                _set_text(flat.xpath(_DEFINITIONS)[i], text)
                before = _read(flat).get(key)
                if before is None or "ikke_udført" in before or \
                        _semantics(before["ændringer"]) != _semantics(want[key]["ændringer"]):
                    continue
                _set_text(root.xpath(_DEFINITIONS)[i], new)
                done += 1
                outcomes["generated"] += 1
                try:
                    got = _read(root).get(key)
                except LawdiffError:
                    outcomes["refused (the act)"] += 1
                    continue
                except Exception:
                    outcomes["FAILED: traceback"] += 1
                    failures.append(f"{name} {key} [{rname}]: {traceback.format_exc(limit=-2)}")
                    continue
                if got is None:
                    outcomes["FAILED: nummer lost"] += 1
                    failures.append(f"{name} {key} [{rname}]: the nummer is gone: {new}")
                elif "ikke_udført" in got:
                    outcomes["refused (nummer kept verbatim)"] += 1
                    outcomes[f"  {rname}: refused"] += 1
                elif _semantics(got["ændringer"]) == _semantics(want[key]["ændringer"]):
                    outcomes["read the same"] += 1
                    outcomes[f"  {rname}: same"] += 1
                else:
                    outcomes["FAILED: read differently"] += 1
                    failures.append(f"{name} {key} [{rname}]: {new!r}\n    was {_semantics(want[key]['ændringer'])}"
                                    f"\n    now {_semantics(got['ændringer'])}")
    return outcomes, failures


def _normed(numre: dict) -> dict:
    """Each nummer's changes and rykningsklausul as data (form keys aside, text normalised), or
    "refused"."""
    out = {}
    for key, n in numre.items():
        if "ikke_udført" in n:
            out[key] = "refused"
            continue
        out[key] = [{k: norm(v) if isinstance(v, str) else v for k, v in ch.items() if k not in FORM_KEYS}
                    for ch in n["ændringer"]] + [norm(n.get("rykning", ""))]
    return out


def amending_variant_campaign(files: list[Path]) -> tuple[collections.Counter, list[str]]:
    """The statutes' variants (labels and runs) on whole amending acts: the numre (instructions and
    new text) must be read into the same changes, or refused."""
    outcomes: collections.Counter = collections.Counter()
    failures = []
    for f in files:
        name = str(f.relative_to(CORPUS))
        base = etree.fromstring(f.read_bytes())
        want = _normed(_read(copy.deepcopy(base)))
        for vname, fn in STATUTE_VARIANTS.items():
            root = copy.deepcopy(base)
            fn(root)
            outcomes["generated"] += 1
            try:
                got = _normed(_read(root))
            except LawdiffError:
                outcomes["refused (the act)"] += 1
                continue
            except Exception:
                outcomes["FAILED: traceback"] += 1
                failures.append(f"{name}: {vname}: {traceback.format_exc(limit=-2)}")
                continue
            for key, w in want.items():
                g = got.get(key)
                outcome = "numre read the same" if g == w else "numre refused" if g == "refused" else "FAILED: numre read differently"
                outcomes[outcome] += 1
                if outcome.startswith("FAILED"):
                    failures.append(f"{name} {key}: {vname}:\n    was {str(w)[:300]}\n    now {str(g)[:300]}")
    return outcomes, failures


# --- samples and tests -----------------------------------------------------------------------

def _amending_acts() -> list[Path]:
    files = [f for f in sorted(CORPUS.glob("*/*.xml")) if _features(f.read_bytes()[:4000])[0] == "LOV Æ"]
    return sorted(files, key=lambda f: f.stat().st_size)


def _statutes(n: int) -> list[Path]:
    """The statutes (LBK, LOV H) of test_metamorphic's samples (across types and features)."""
    pool = FAST_SAMPLE + [f for f in CORPUS_SAMPLE if f not in FAST_SAMPLE]
    return [f for f in pool if _features(f.read_bytes())[0] in ("LBK", "LOV H")][:n]


def _report(title: str, outcomes: collections.Counter, failures: list[str]) -> str:
    lines = [f"{title}: " + ", ".join(f"{k} {v:,}" for k, v in outcomes.items() if not k.startswith("  "))]
    lines += [f"  {k.strip()} {v:,}" for k, v in sorted(outcomes.items()) if k.startswith("  ")]
    return "\n".join(lines + failures)


def test_statute_variants_are_read_exactly_or_refused():
    outcomes, failures = statute_campaign(_statutes(2))
    assert failures == [], _report("statutes", outcomes, failures)
    assert outcomes["read exactly"] >= outcomes["generated"] - outcomes["refused"] > 0


def test_reworded_instructions_are_read_the_same_or_refused():
    acts = _amending_acts()
    outcomes, failures = amending_campaign([acts[len(acts) // 4], acts[len(acts) // 3]], per_act=2)
    assert failures == [], _report("amending acts", outcomes, failures)
    assert outcomes["read the same"] > 0 and outcomes["refused (nummer kept verbatim)"] > 0


def test_amending_acts_with_their_labels_and_runs_rewritten_are_read_the_same():
    acts = _amending_acts()
    outcomes, failures = amending_variant_campaign([acts[len(acts) // 5]])
    assert failures == [], _report("amending acts (labels and runs)", outcomes, failures)
    assert outcomes["numre read the same"] > 0


@pytest.mark.corpus
def test_the_unseen_campaign_over_a_corpus_sample():
    """Prints the campaign's figures; any failure (other numbers or text, a nummer read into other
    changes, a traceback) fails the test."""
    s_out, s_fail = statute_campaign(_statutes(30))
    acts = _amending_acts()
    a_out, a_fail = amending_campaign(acts[::12])
    v_out, v_fail = amending_variant_campaign(acts[::40])
    print("\n" + _report(f"{30} statutes × {len(STATUTE_VARIANTS)} variants", s_out, s_fail))
    print(_report(f"{len(acts[::12])} amending acts × {len(REPHRASINGS)} rephrasings (≤ 6 instructions each)",
                  a_out, a_fail))
    print(_report(f"{len(acts[::40])} amending acts × {len(STATUTE_VARIANTS)} variants of labels and runs", v_out, v_fail))
    assert s_fail == [] and a_fail == [] and v_fail == []
