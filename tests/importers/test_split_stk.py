"""_Reader._split_stk's fast path (a stk. of one Exitus, after a complete label or none) gives what the
general loops (_split_stk_general) give, on any stk.: the same segments, repairs, dropped lines and
tree afterwards."""
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawdiff.importers.lexdania import _Reader

_LABELS = st.sampled_from(["", " ", "Stk. ", "Stk.", "Stk. 2.", " Stk. 12. ", "§ 5.", "Stk. 3 a.", "2.",
                           "Stk. 5", " Stk. 12 "])
_LINES = st.sampled_from(["Stk. 2.", "Stk. 3.", "§ 4 b.", "2.", "kort", "En længere linje, der ikke er en betegnelse.",
                          "Stk. 2. Tekst", ".", ". Tekst", "..."])


def _linea(text, runs):
    return "<Linea>" + "".join(f"<Char>{text}</Char>" for _ in range(runs)) + "</Linea>"


_EXITUS = st.lists(st.tuples(_LINES, st.integers(1, 2)), max_size=3).map(
    lambda ls: "<Exitus>" + "".join(_linea(t, r) for t, r in ls) + "</Exitus>")
_KID = st.one_of(_EXITUS, _LABELS.map(lambda t: f"<Explicatus>{t}</Explicatus>"), st.just("<Nota/>"))


def _same_split(kids: list[str]):
    """The fast path's result for a <Stk> of `kids`, after checking it against the general loops'."""
    xml = "<Stk>" + "".join(kids) + "</Stk>"

    def run(general: bool):
        stk = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
        r = _Reader("x.xml", True)
        segs = r._split_stk_general(stk, list(stk)) if general else r._split_stk(stk)
        return ([(label, [etree.tostring(e) for e in els]) for label, els in segs], r.repairs, r.dropped,
                etree.tostring(stk))

    assert run(False) == run(True), xml
    return run(False)


@settings(max_examples=600, deadline=None)
@given(st.lists(_KID, max_size=4))
def test_the_fast_path_splits_as_the_general_loops(kids):
    _same_split(kids)


_ALL_LABELS = ["", " ", "Stk. ", "Stk.", "Stk. 2.", " Stk. 12. ", "§ 5.", "Stk. 3 a.", "2."]
_ALL_LINES = ["Stk. 2.", "Stk. 3.", "§ 4 b.", "2.", "kort", "En længere linje, der ikke er en betegnelse.", "Stk. 2. Tekst"]


def test_every_shape_of_the_fast_path_splits_as_the_general_loops():
    # every label before an Exitus whose first line (one or two runs) may repeat it, alone or with a second
    # line: the shapes the fast path takes or leaves to the general loops, each checked
    dropped = 0
    for label in _ALL_LABELS:
        for text in _ALL_LINES:
            for runs in (1, 2):
                for more in ("", _linea("kort", 1)):
                    exitus = f"<Exitus>{_linea(text, runs)}{more}</Exitus>"
                    for kids in ([f"<Explicatus>{label}</Explicatus>", exitus], [exitus]):
                        dropped += bool(_same_split(kids)[2])
    assert dropped > 0  # a repeated label is among them
