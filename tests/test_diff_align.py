"""diff.align_by_provision's shortcuts (issue 9 §6) pair exactly as the rule they shortcut.

The reference below is the alignment as written before the shortcuts (difflib on every level's
signatures, both pairings scored for every replaced run); the property test draws sibling lists
where numbers repeat, move, disappear and texts are reworded, copied or swapped, and holds the
fast alignment to it, pair by pair (identity of the units, in order)."""
from __future__ import annotations

import difflib

from hypothesis import given, settings, strategies as st

from lawdiff import diff
from lawdiff.diff import _pair_block, _pair_by_number, _score, _shifted, _signature
from lawdiff.outline import Part, Text, _stored, seal
from lawdiff.tokendiff import tokenize
from lawdiff.text import goes_on


def _reference(old: list, new: list) -> list:
    a = [_signature(u) for u in old]
    b = [_signature(u) for u in new]
    if a == b:
        return list(zip(old, new))
    out: list = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2]))
            continue
        o, n = old[i1:i2], new[j1:j2]
        by_text = _pair_block(o, n) if (o and n) else [(u, None) for u in o] + [(None, u) for u in n]
        moved = (i1 > 0 and j1 > 0 and _shifted(old[i1 - 1], new[j1 - 1])) or \
                (i2 < len(old) and j2 < len(new) and _shifted(old[i2], new[j2]))
        by_num = None if moved or not (o and n) else _pair_by_number(o, n)
        if by_num is not None and _score(by_num) >= _score(by_text):
            out.extend(by_num)
        else:
            out.extend(by_text)
    return out


def _unit(kind: str, num: str | None, text: str) -> Part:
    p = Part()
    p.kind, p.num, p.label, p.wid, p.eid = kind, num, f"{num}." if num else None, "", ""
    p.heading, p.intro, p.children, p.wrapup = None, [Text(_stored(text))], [], []
    return seal(p)


_WORDS = ["ydelse", "kontanthjælp", "stk.", "og", "§ 2", "efter", "lov", "om", "ophævet", "nr. 3"]
_TEXT = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=6).map(" ".join)
_UNIT = st.tuples(st.sampled_from(["subsection", "paragraph", "point"]),
                  st.sampled_from(["1", "2", "3", "4", "5", "2 a", None, ""]), _TEXT)


def _units(spec: list) -> list[Part]:
    return [_unit(*s) for s in spec]


def _ids(pairs: list) -> list:
    return [(id(o) if o is not None else None, id(n) if n is not None else None) for o, n in pairs]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(_UNIT, max_size=7), st.data())
def test_alignment_is_the_rule_it_shortcuts(old_spec, data):
    # the new list: each old unit kept, reworded, renumbered (or both) or removed, units inserted
    # anywhere, neighbours swapped, or a list drawn anew
    if data.draw(st.integers(0, 9)) == 0:
        new_spec = data.draw(st.lists(_UNIT, max_size=7))
    else:
        new_spec = []
        for kind, num, text in old_spec:
            if data.draw(st.integers(0, 4)) == 0:
                new_spec.append(data.draw(_UNIT))
            act = data.draw(st.sampled_from(["keep", "keep", "reword", "renumber", "both", "remove"]))
            if act in ("reword", "both"):
                text = data.draw(_TEXT)
            if act in ("renumber", "both"):
                num = data.draw(_UNIT)[1]
            if act != "remove":
                new_spec.append((kind, num, text))
        if data.draw(st.booleans()):
            new_spec.append(data.draw(_UNIT))
        i = data.draw(st.integers(0, 7))
        if i + 1 < len(new_spec) and data.draw(st.booleans()):
            new_spec[i], new_spec[i + 1] = new_spec[i + 1], new_spec[i]
    old, new = _units(old_spec), _units(new_spec)
    try:
        want = _ids(_reference(old, new))
        diff._M.__init__()
        got = _ids(diff.align_by_provision(old, new))
    finally:
        diff._M.__init__()
    assert got == want


def test_a_reworded_unit_keeps_its_number_without_a_similarity():
    """The shortcut's case: one stk. replaced by a stk. of the same number is paired at once, even
    when its text is wholly new (similarity 0)."""
    old = _units([("subsection", "1", "og lov"), ("subsection", "2", "ydelse efter lov"), ("subsection", "3", "om")])
    new = _units([("subsection", "1", "og lov"), ("subsection", "2", "kontanthjælp"), ("subsection", "3", "om")])
    try:
        assert _ids(diff.align_by_provision(old, new)) == _ids(list(zip(old, new)))
        assert diff._M.similar == {}
    finally:
        diff._M.__init__()


_SIG = st.lists(st.sampled_from("abcdefg"), max_size=9)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(_SIG, st.data())
def test_opcodes_are_difflibs(a, data):
    """diff._opcodes (a direct path for units reworded in place) gives difflib's opcodes."""
    b = list(a)
    for _ in range(data.draw(st.integers(0, 3))):
        if b:
            b[data.draw(st.integers(0, len(b) - 1))] = data.draw(st.sampled_from("abcdefgxyz"))
    if data.draw(st.booleans()):
        b = data.draw(_SIG)
    assert diff._opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


# pieces of text where tokens hold white space ("§ 2", "5 års", "9 b-12") or end in look-aheads
_PIECES = ["a", "b", "æ", "Stk", " ", "  ", "\xa0", "\n", "1", "23", "§", "§§", ".", ",", "-", "–", "kr.", "kr", "års",
           "måneder", "jf.", "stk.", "m.v.", "bl.a.", "nr.", "\u00ad", "\u200b", "9 b-12", "(", ")",
           "dage", "denne", "timer", "pct.", "uger", "år", "x1", "_"]
_BLOCK = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)


@settings(max_examples=8000, deadline=None, derandomize=True)
@given(st.lists(_BLOCK, max_size=4))
def test_joined_blocks_carry_the_tokens_of_their_joined_text(texts):
    """diff._joined: where it gives tokens for blocks joined by a space (none before a block that begins with a
    comma, full stop, …: text.reads_on, the rest of a punktum an LBK broke for a note), they are tokenize's."""
    text, tokens = diff._joined([Text(_stored(t)) for t in texts])
    want = ""
    for i, t in enumerate(texts):
        want = t if not i else want + t.lstrip() if goes_on(want, t) else want + " " + t
    assert text == want
    assert tokens is None or tokens == tokenize(text)


def test_joined_blocks_carry_tokens_where_the_joins_allow():
    blocks = [Text(_stored(t)) for t in ("Stk. 2. Ydelsen udgør 5 års", "§ 3 a, jf. stk. 2.", "nr. 4")]
    text, tokens = diff._joined(blocks)
    assert tokens == tokenize(text) and tokens is not None
    assert diff._joined(blocks[1:])[1] == tokenize(" ".join(t.text for t in blocks[1:]))  # a "." before the joint
    assert diff._joined([Text(_stored("efter § 3")), Text(_stored("a"))])[1] is None  # "§ 3 a"
    assert diff._joined([Text(_stored("efter § 3")), Text(_stored("kr."))])[1] is None  # "3 kr."
    assert diff._joined([Text(_stored("Stk. 5")), Text(_stored("denne lov"))])[1] == tokenize("Stk. 5 denne lov")
    assert diff._joined([Text(_stored("a ")), Text(_stored("b"))])[1] is None  # white space before the joint


@settings(max_examples=5000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from("abcde"), max_size=14), st.lists(st.sampled_from("abcdef"), max_size=14))
def test_sequence_opcodes_are_difflibs(a, b):
    """diff.sequence_opcodes (difflib's algorithm without junk, written out) gives difflib's opcodes."""
    assert diff.sequence_opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def test_sequence_opcodes_are_difflibs_on_lab():
    """… and on the texts of LAB's §§' blocks, version to version (long lists, repeated elements)."""
    from lawdiff.store import Store
    from tests.conftest import ROOT

    store = Store(ROOT)
    acts = [store.load(f"lab@{v}") for v in ("2013-04-24", "2015-07-01", "2016-11-21")]
    texts = [[b.text for u in act.walk() for b in u.intro] for act in acts]
    for x, y in zip(texts, texts[1:]):
        for a, b in ((x, y), (y, x), (x[:400], y[:300])):
            assert diff.sequence_opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


_OPHAEVET = st.text(alphabet=st.sampled_from(list("()..ophævetOPHÆVETKkſ \nx")), max_size=14)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.one_of(_OPHAEVET, st.sampled_from(["(Ophævet)", "(ophævet).", "OPHÆVET", "Ophævet.\n", "(Ophævet).\n"]),
                 st.text(max_size=14)))
def test_the_placeholder_test_is_the_pattern(text):
    import re

    assert diff._placeholder(text) == (re.match(r"^\(?ophævet\)?\.?$", text, re.IGNORECASE) is not None)


@given(st.lists(st.sampled_from("a b c stk. § 1".split())), st.lists(st.sampled_from("a b c stk. § 1".split())))
def test_dice_is_the_dice_coefficient_of_the_two_bags(a, b):
    """diff.dice (used by the § alignment and by annexdiff's line pairing) against the textbook
    formula 2·|A ∩ B| / (|A| + |B|) over multisets, and 1.0 for two empty bags."""
    from collections import Counter

    x, y = Counter(a), Counter(b)
    want = 1.0 if not a and not b else 2 * sum((x & y).values()) / (len(a) + len(b))
    assert diff.dice(x, y, len(a) + len(b)) == want


@given(st.lists(st.text(alphabet="ab §.1\u00a0", max_size=12), max_size=6),
       st.lists(st.text(alphabet="ab §.1\u00a0", max_size=12), max_size=6))
def test_similar_counts_the_words_as_a_counter(a, b):
    """diff._similar counts a unit's words into a plain dict (collections._count_elements): the same
    bags, sizes and similarity as Counter(words) and the sum of its counts."""
    from collections import Counter

    x, y = _unit("subsection", "1", " ".join(a)), _unit("subsection", "2", " ".join(b))
    wx, wy = diff._own_text(x).split(), diff._own_text(y).split()
    cx, cy = Counter(wx), Counter(wy)
    got = diff._similar(x, y)
    assert [diff._M.bag[id(x)], diff._M.bag[id(y)]] == [(cx, sum(cx.values())), (cy, sum(cy.values()))]
    assert got == diff.dice(cx, cy, sum(cx.values()) + sum(cy.values()))
    diff._M.__init__()
