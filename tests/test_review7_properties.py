"""Review 7: several changes of one proposal in the same § of the real LAB, against an independent model.

Every address cites the law as it stands before the proposal (R3). The model keeps the §'s stk. as the
law numbers them today and executes each change on that list: a repeal drops a stk., a rewrite replaces
its text, a change of words replaces a word that stands once in it, a new stk. goes between two of
today's stk. The engine must give exactly the model's text, or refuse (LawdiffError, never another
exception) where the model says the changes interact (two changes on one stk., two new stk. in one
place, a change on a repealed stk., a § left empty); the redline's new side is the consolidated text.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawdiff import redline
from lawdiff.engine import apply_proposal, find_all
from lawdiff.errors import LawdiffError
from lawdiff.text import norm
from tests.helpers import make_proposal


@pytest.fixture(scope="module")
def lab(store):
    return store.load("lab@2016-11-21")


@pytest.fixture(scope="module")
def sections(lab):
    """§§ of 3 or more plain stk. (digits, one line of text each, no nr.)."""
    out = []
    for s in lab.sections():
        subs = [c for c in s.children if c.kind == "subsection"]
        if s.num and len(subs) >= 3 and all((c.num or "").isdigit() and not c.children and len(c.own_lines()) == 1
                                            and c.own_lines()[0] != "(Ophævet)" for c in subs):
            out.append(s)
    assert len(out) >= 20
    return out


def _words_once(text: str) -> list[str]:
    ws = {w.strip(",.;:()»«") for w in text.split()}
    return sorted(w for w in ws if len(w) > 3 and w.isalpha() and len(find_all(text, w)) == 1)


@st.composite
def scenario(draw, sections):
    sec = draw(st.sampled_from(sections))
    subs = [c for c in sec.children if c.kind == "subsection"]
    n = len(subs)
    changes, ops = [], []
    for k in range(draw(st.integers(2, 4))):
        i = draw(st.integers(1, n))
        op = draw(st.sampled_from(["ændres", "ophæves", "affattes", "efter", "før"]))
        where = f"§ {sec.num}, stk. {i}"
        if op == "ændres":
            words = _words_once(subs[i - 1].own_lines()[0])
            if not words:
                continue
            w = draw(st.sampled_from(words))
            changes.append({"i": where, "ændres": w, "til": w.upper()})
            ops.append(("ændres", i, w))
        elif op == "ophæves":
            changes.append({"ophæves": where})
            ops.append(("ophæves", i, None))
        elif op == "affattes":
            changes.append({"affattes": where, "tekst": f"Stykket er nyaffattet {k}."})
            ops.append(("affattes", i, f"Stykket er nyaffattet {k}."))
        else:
            changes.append({"ny": "stk", "i": f"§ {sec.num}", op: f"stk. {i}", "tekst": f"Et nyt stykke {k}."})
            ops.append((op, i, f"Et nyt stykke {k}."))
    return sec, subs, changes, ops


def model(subs, ops) -> tuple[list[str] | None, str]:
    """The §'s stk. texts after the changes, or None and why the engine may refuse."""
    texts = {i: norm(u.own_lines()[0]) for i, u in enumerate(subs, 1)}
    gone: set[int] = set()
    touched: dict[int, str] = {}
    slots: dict[int, str] = {}  # slot k: between today's stk. k and k + 1
    for op, i, arg in ops:
        if op in ("efter", "før"):
            slot = i if op == "efter" else i - 1
            if slot in slots:
                return None, "two new stk. in one place"
            if i in gone or any(o == "ophæves" and j == i for o, j, _ in ops):
                return None, "new stk. next to a repealed one"
            slots[slot] = arg
            continue
        if i in gone or (i in touched and (op != "ændres" or touched[i] != "ændres")):
            return None, "two changes on one stk."
        touched[i] = op
        if op == "ophæves":
            gone.add(i)
        elif op == "affattes":
            texts[i] = arg
        else:
            texts[i] = texts[i].replace(arg, arg.upper(), 1) if find_all(texts[i], arg) else texts[i]
    out = [slots[0]] if 0 in slots else []
    for i in sorted(texts):
        if i not in gone:
            out.append(texts[i])
        if i in slots:
            out.append(slots[i])
    if not out:
        return None, "the § left empty"
    return out, ""


@settings(max_examples=120, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_changes_in_one_section_give_the_models_text_or_a_refusal(lab, sections, data):
    sec, subs, changes, ops = data.draw(scenario(sections))
    if not changes:
        return
    want, why = model(subs, ops)
    try:
        lr = apply_proposal(make_proposal(changes), {"lab": lab})["lab"]
    except LawdiffError as e:
        assert want is None, f"refused changes the model executes: {changes}: {e.message}"
        return
    assert want is not None, f"executed changes the model refuses ({why}): {changes}"
    new = next(s for s in lr.new.sections() if s.wid == sec.wid)
    got = [norm(" ".join(u.own_lines())) for u in new.children if u.kind == "subsection"]
    assert got == want, changes
    nums = [u.num for u in new.children if u.kind == "subsection"]
    assert nums == [str(i) for i in range(1, len(nums) + 1)] or (len(nums) == 1 and nums in (["1"], [None]))
    rl = redline.build(lr.base, lr.new, lr)
    flat = norm(" ".join(x for u in rl.units for x in redline.side_lines(u, "new") if x))
    assert flat == norm(" ".join(x for u in lr.new.body for x in redline.unit_lines(u) if x))


def _as_act(lf) -> bytes:
    """The lovforslag's § 1 read back the way an amending act is read (changes.nummer.read_sentence for
    each sentence, the quoted lines as its new text, the rykningsklausul) as an amendment file."""
    import yaml

    from lawdiff.changes.nummer import read_sentence

    [par] = lf.paragraffer
    numre = []
    for nr in par.numre:
        clauses = [{k: v for k, v in ch.items() if not k.startswith("_") and v is not None}
                   for ch in read_sentence(nr.head, [])]
        if nr.block:
            clauses[-1]["tekst"] = "\n".join(nr.block)
        numre.append({"nummer": str(nr.n), "ændringer": clauses, **({"rykning": nr.ryk} if nr.ryk else {})})
    doc = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "x",
           "dato": "2020-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2020",
           "love": {"lab": "lab@2016-11-21"},
           "paragraffer": [{"nummer": "1", "lov": "lab", "lovtitel": "lov om en aktiv beskæftigelsesindsats",
                            "henvisning": "lovbekendtgørelse nr. 1342 af 21. november 2016", "numre": numre}]}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode()


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_lovforslag_read_back_as_an_act_gives_the_same_law(lab, sections, data):
    """What `instructions` prints is what `apply` did: the formal text, executed as an amending act,
    gives the consolidated text of the proposal, § by §."""
    from lawdiff.engine import Result
    from lawdiff.proposal import parse_proposal
    from lawdiff.render.instructions import build_lovforslag
    from lawdiff.render.text import unit_lines

    sec, subs, changes, ops = data.draw(scenario(sections))
    if not changes or model(subs, ops)[0] is None:
        return
    prop = make_proposal(changes)
    laws = apply_proposal(prop, {"lab": lab})
    lf = build_lovforslag(Result(prop, laws))
    act = parse_proposal(_as_act(lf), "amendments/lov-2020-1.yaml")
    again = apply_proposal(act, {"lab": lab})["lab"]

    def text(a):
        return [norm(" ".join(unit_lines(s))) for s in a.sections()]

    assert text(again.new) == text(laws["lab"].new), "\n".join(nr_line for p in lf.paragraffer
                                                              for nr in p.numre for nr_line in nr.lines())


@pytest.fixture(scope="module")
def rich(lab):
    """§§ of 2 or more stk. with punktummer or lists: where changes of punktummer and nr. interact."""
    from lawdiff.address import punktum_spans

    out = []
    for s in lab.sections():
        subs = [c for c in s.children if c.kind == "subsection"]
        if s.num and len(subs) >= 2 and all((c.num or "").isdigit() for c in subs) and \
                any(len(punktum_spans(c)) >= 2 or any(x.kind == "paragraph" for x in c.children) for c in subs) and \
                all(c.own_lines() and c.own_lines()[0] != "(Ophævet)" for c in subs):
            out.append(s)
    assert len(out) >= 20
    return out


@st.composite
def rich_scenario(draw, sections):
    from lawdiff.address import punktum_spans

    sec = draw(st.sampled_from(sections))
    subs = [c for c in sec.children if c.kind == "subsection"]
    changes = []
    for k in range(draw(st.integers(2, 4))):
        i = draw(st.integers(1, len(subs)))
        stk = subs[i - 1]
        where = f"§ {sec.num}, stk. {i}"
        pk = len(punktum_spans(stk))
        items = [x for x in stk.children if x.kind == "paragraph" and (x.num or "").isdigit()]
        op = draw(st.sampled_from(["ny_pkt", "ophæves_pkt", "ændres", "ny_nr", "ophæves_nr", "affattes_pkt",
                                   "ny_stk"]))
        if op == "ny_pkt":
            side = draw(st.sampled_from(["efter", "før", None]))
            p = draw(st.integers(1, pk)) if pk else 1
            changes.append({"ny": "pkt", "i": where, **({side: f"{p}. pkt."} if side and pk else {}),
                            "tekst": f"Et nyt punktum {k}."})
        elif op in ("ophæves_pkt", "affattes_pkt") and pk >= 2:
            p = draw(st.integers(1, pk))
            changes.append({"ophæves": f"{where}, {p}. pkt."} if op == "ophæves_pkt" else
                           {"affattes": f"{where}, {p}. pkt.", "tekst": f"Punktummet er nyaffattet {k}."})
        elif op == "ændres":
            words = _words_once(" ".join(ln for u in stk.walk() for ln in u.own_lines()))
            if words:
                w = draw(st.sampled_from(words))
                changes.append({"i": where, "ændres": w, "til": w.upper()})
        elif op == "ny_nr" and items:
            n = draw(st.integers(1, len(items)))
            changes.append({"ny": "nr", "i": where, "efter": f"nr. {n}", "tekst": f"et nyt nummer {k},"})
        elif op == "ophæves_nr" and len(items) >= 2:
            n = draw(st.integers(1, len(items)))
            changes.append({"ophæves": f"{where}, nr. {n}"})
        elif op == "ny_stk":
            changes.append({"ny": "stk", "i": f"§ {sec.num}", "efter": f"stk. {i}", "tekst": f"Et nyt stykke {k}."})
    return changes


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_punktummer_and_lists_the_lovforslag_read_back_gives_the_same_law(lab, rich, data):
    from lawdiff.engine import Result
    from lawdiff.proposal import parse_proposal
    from lawdiff.render.instructions import build_lovforslag
    from lawdiff.render.text import unit_lines

    changes = data.draw(rich_scenario(rich))
    if not changes:
        return
    prop = make_proposal(changes)
    try:
        laws = apply_proposal(prop, {"lab": lab})
        lf = build_lovforslag(Result(prop, laws))
    except LawdiffError:
        return
    act = parse_proposal(_as_act(lf), "amendments/lov-2020-1.yaml")
    again = apply_proposal(act, {"lab": lab})["lab"]

    def text(a):
        return [norm(" ".join(unit_lines(s))) for s in a.sections()]

    assert text(again.new) == text(laws["lab"].new), "\n".join(x for p in lf.paragraffer for nr in p.numre
                                                              for x in nr.lines())
