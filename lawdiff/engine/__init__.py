"""Apply a proposal to its base acts: the consolidated acts plus a log for the redline.

Rules (shared/reference/lovteknik.md §1 and §9):
- Every address cites the law as it stands *before* the proposal (R3). A unit
  that an earlier change repealed or rewrote cannot be changed again; a unit
  that only moved (was renumbered) is still cited by its old number.
- Changes of words quote the words that stand in the law today. They must be
  found exactly as many times as stated (`antal`, default 1), or `forekomst`
  picks one. Matching ignores no-break spaces and soft hyphens, and never
  matches inside a word.
- Two changes may not touch the same words; a unit that is rewritten, repealed
  or moved by one change cannot be touched by another.
- New or repealed stk., nr. and litra renumber their followers; paragraffer
  never renumber (lovteknik §1.9). Stable ids (`wid`) follow the units.
- References elsewhere to a unit that moves are reported as warnings naming the
  konsekvensændring needed (R5).

Nothing here alters the stored act: the engine works on a deep copy.

The package: applier.py (the machinery and the dispatch by kind), find.py (words in the act),
rykning.py (rykningsklausuler, "der bliver"), refscan.py (R5 reference warnings), run.py (a
proposal over its acts). Each kind's execution is in lawdiff/changes/<kind>.py (`execute`).
"""
# every name engine.py had, so that `from lawdiff.engine import …` keeps working
# ruff: noqa: F401
from ..changes.log import TITLE_KEY, Edit, LineKey, Placement, change_id
from ..changes.tree import (_BILAG, _CONTAINER_LINE, _HEADING_OF, _KIND_OF, _PUNCT_START, _RYK_LIST, _TITLE,
                            _TITLE_NOTE, _UNIT_LABEL, _apply_edits, _as_list, _body, _der_groups, _expand,
                            _is_placeholder, _is_repealed_container, _norm_query, _numbers_in, _rank, _split_at_container,
                            _trailing_heading, _widen_deletion, _with, addr_kind, citations, cite_path, label_num,
                            split_units)
from .applier import _SIMPLE_NUM, LawResult, _Applier, _index, _relabel_all
from .find import TYPO_MIN, _clip, _closest, _count_word, _is_word, _one_edit, _typo_ok, find_all, find_typo
from .refscan import _without_stk
from .run import Result, apply_proposal, as_version, nummer_of, run
from .rykning import _RYK, _RYK_SEQ, _num_key, _ryk_text, parse_rykning
