"""Every change kind has one home with the same interface: reading official text, wording change data,
executing a change (lawdiff/changes/__init__.py). A new kind is one new module plus its round trip
in tests/changes/test_kinds.py; this test makes sure it is a complete one."""
import inspect
import pkgutil

import pytest

import lawdiff.changes as changes_pkg
from lawdiff.proposal import VERBS as PROPOSAL_VERBS

# the modules of changes/ that are not kinds: the nummer, rykningsklausuler, the opening sentence,
# the shared reader, the log and the tree helpers of execution
NOT_KINDS = {"common", "nummer", "rykning", "intro", "log", "tree"}
# every kind reads and words official text (heading.py its rarer forms; the common ones, "Overskriften
# til kapitel 3 affattes således:", are read as targets of rewrite/repeal/insert)
EXECUTE_ONLY: set[str] = set()
# annex.py executes every change addressed to an annex, whatever its verb (the engine asks its
# `handles` before the verb's kind): it owns no verb of its own; so does chapterlabel.py for a chapter's
# label changed by »ændres« ("Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«.")
BY_ADDRESS = {"annex", "chapterlabel"}

KINDS = sorted(m.name for m in pkgutil.iter_modules(changes_pkg.__path__) if m.name not in NOT_KINDS)


def _mod(name):
    return __import__(f"lawdiff.changes.{name}", fromlist=[name])


def test_the_kinds_are_the_known_ones():
    assert KINDS == ["annex", "chapterlabel", "heading", "insert", "repeal", "rewrite", "words"]


@pytest.mark.parametrize("name", KINDS)
def test_kind_executes(name):
    mod = _mod(name)
    assert isinstance(mod.VERBS, tuple) and (bool(mod.VERBS) != (name in BY_ADDRESS))
    if name in BY_ADDRESS:
        assert callable(mod.handles)
    params = list(inspect.signature(mod.execute).parameters)
    assert params[:2] == ["ap", "c"], f"changes/{name}.py: execute(ap, c, …), not {params}"


@pytest.mark.parametrize("name", [k for k in KINDS if k not in EXECUTE_ONLY])
def test_kind_reads_and_words(name):
    mod = _mod(name)
    readers = [f for f, v in vars(mod).items() if f.startswith("read") and callable(v)]
    assert readers, f"changes/{name}.py reads no official text (read, read_in, read_top, read_verb …)"
    assert list(inspect.signature(mod.format).parameters) == ["ch", "prev", "first"]
    assert callable(mod.is_kind)


def test_every_proposal_verb_has_exactly_one_kind():
    owners = {}
    for name in KINDS:
        for verb in _mod(name).VERBS:
            assert verb not in owners, f"»{verb}« is executed by both {owners[verb]} and {name}"
            owners[verb] = name
    assert set(owners) == set(PROPOSAL_VERBS)


def test_the_engine_dispatches_to_the_kinds():
    from lawdiff.engine.applier import EXECUTE
    assert EXECUTE == {verb: _mod(name).execute for name in KINDS for verb in _mod(name).VERBS}


def test_a_verb_no_kind_executes_is_an_internal_error_not_a_silent_no_op(store):
    # the loader admits only proposal.VERBS; were a Change with another verb to reach the engine,
    # doing nothing would leave the law text unchanged with exit 0 — it must fail loudly
    from lawdiff.engine.applier import _Applier
    from lawdiff.proposal import Change, Pos
    pos = Pos(1, 1)
    c = Change(item=1, index=1, law="lab", verb="omskrives", data={}, file="x.yaml", positions={}, pos=pos)
    with pytest.raises(RuntimeError, match="omskrives"):
        _Applier("lab", store.load("lab")).apply(c)
