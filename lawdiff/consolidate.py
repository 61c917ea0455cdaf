"""Consolidate an act: execute the amending acts passed since a stored version (issue 9).

    lawdiff consolidate LAW --at YYYY-MM-DD [--include ACT[:NUMRE] ...] [--partial]

1. The base is the newest stored version of LAW dated on or before --at.
2. The acts are the amendment files under amendments/ (docs/format.md, `paragraffer`) with an
   ændringsparagraf whose `lov` is LAW. A nummer is applied when it is not yet incorporated in
   the base (an official LBK's preamble names the acts it incorporates, possibly only some numre:
   "§ 1, nr. 1-3, i lov nr. …"; a consolidated version records what it applied, and what its own
   base incorporated), and it entered into force after the base's date and on or before --at —
   by the ikrafttræden the act states for that nummer, not by the act's date. Numre whose entry
   into force a minister sets are pending, and applied only when --include names them, which
   applies them regardless of their dates, as an editor does with the acts an LBK's preamble
   lists (the real LBKs print even numre in force only after their own date, unless a note says
   "… er ikke indarbejdet …"). --include names an act ("lov-2012-1380") or some of its §§ and
   numre in the preambles' own form ("lov-2012-1380:§ 1, nr. 1-13 og 15-19; § 2").
   A date is used only where it is certain (refuse, never guess): a nummer that a rule names only in
   words that allow two readings (rule_scope_parts), one entering into force on an unknown day of
   publication near --at or the base's date, and one in force before the base that the base says it
   lacks (its LBK's note, its record: _left_out) are pending, each with its reason.
3. Order: each nummer by its own entry into force, then by the acts' dates, then the numre's order.
   The numre of one act that follow each other in that order run in one engine run, so that their
   addresses cite the law as it stood before that act (lovteknik R3). When another act's numre fall
   between an act's numre (act A's nr. 1 in force before act B, its nr. 2 after), A runs in parts,
   B between them, but only where A's parts, run one after the other, give the same text as A in one
   run (else A runs whole at its earliest date, as before); either way a warning names both acts.
   An act none of whose chosen numre states its entry into force (a minister sets it) runs no
   earlier than the acts of the plan it cites the law "som ændret ved": it was drafted on their
   text. An act that runs after acts passed later than it (they entered into force first) reads its
   addresses in the law as it cites it, without them, where that text is one the run went through
   (cited_version; the engine finds the cited units by their stable ids). A nummer repealed by another
   act before it entered into force is not executed (Repeal; listed as pending with the repealing act).
   Any other change of an amending act by a later act passed by --at (OtherChange: "I lov nr. 495 af 21.
   maj 2013 … I § 1, nr. 14, affattes § 137 m, stk. 3, således:") is not executed: where it touches a
   nummer that amends LAW, or the ikrafttræden that dates such numre (_touches), those numre are refused
   (not executed with --partial), never run in their old wording; otherwise a warning says it touches none.
   Where numre of two acts insert at the same words of the same address, or rewrite the same
   unit on the same date, the acts do not say which comes first: the result follows this order and
   a warning names both (same_place_warnings).
4. Without --partial a nummer that cannot be executed stops everything: nothing is written, the
   message names the act, §, nummer and why. With --partial the version is written and the numre
   not executed are recorded (record.Record.not_executed), shown by `show` and on the site.
5. The result is stored as LAW@--at with a record (record.py) of its base, the acts applied, and
   per unit the act and nummer that last changed it.
"""
from __future__ import annotations

import copy
from collections import Counter
import datetime as dt
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LawdiffError
from .gcpause import gc_paused
from .model import Act
from .record import Applied, Record, Skipped
from .text import norm
from .validate import MONTHS

# "af" may carry a stray full stop, as LBK 1047/2011 prints it ("lov nr. 1338 af. 19. december 2008")
_LOV = re.compile(r"lov\s+nr\.\s*(\d+)\s+af\.?\s+(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\s+(\d{4})", re.I)
PUBLICATION_MARGIN = 14  # days: "dagen efter bekendtgørelsen" is certainly past this long after the act's date


class ConsolidateError(LawdiffError):
    pass


# --- the amending acts ------------------------------------------------------------

@dataclass
class Nummer:
    act: "AmendingAct"
    paragraf: str  # the ændringsparagraf: "1"
    nummer: str  # "53"
    data: dict
    path: tuple  # position of the nummer in the YAML
    changes: list = field(default_factory=list)  # proposal.Change, as loaded by proposal.py
    unreadable: str | None = None  # why the nummer cannot be executed

    @property
    def cite(self) -> str:
        return f"§ {self.paragraf}, nr. {self.nummer}"

    @property
    def attribution(self) -> str:
        return f"{self.act.source}, {self.cite}"


@dataclass
class AmendingAct:
    id: str  # file stem: "lov-2016-1749"
    path: str
    title: str
    date: str  # ISO
    source: str  # "lov nr. 1749 af 27/12/2016"
    numre: list[Nummer]
    ikraft: list[dict]
    other: list[str] = field(default_factory=list)  # the act's other §§ verbatim (`øvrige`): ikrafttræden, …
    # the acts its ændringsparagraffer for this law cite it "som ændret ved" (ids): it was drafted on the
    # law's text after them
    cites_after: set[str] = field(default_factory=set)


def short_source(kilde: str, date: str, act_id: str) -> str:
    """'lov nr. 1380 af 23. december 2012' -> 'lov nr. 1380 af 23/12/2012'."""
    m = _LOV.search(kilde or "")
    if m:
        return f"lov nr. {m.group(1)} af {int(m.group(2)):02d}/{MONTHS.index(m.group(3).lower()) + 1:02d}/{m.group(4)}"
    m = re.match(r"lov-(\d{4})-(\d+)", act_id)
    if m and re.fullmatch(r"\d{4}-\d\d-\d\d", date or ""):
        y, mo, d = date.split("-")
        return f"lov nr. {m.group(2)} af {d}/{mo}/{y}"
    return kilde or act_id


def act_id_of(number: str, year: str) -> str:
    return f"lov-{year}-{number}"


# sha256 of an amendment file's bytes that loaded without error -> the laws its ændringsparagraffer
# name. Consolidating one law loads every file of amendments/ (a file that does not load stops it);
# with many acts in one store (every chain of the corpus: 120 laws, 420 files) that was each file
# read and checked in full once per law. A file whose exact bytes were read and checked before and
# that names other laws only gives None without a second parse; anything else is read in full.
_NAMED: dict[str, frozenset] = {}
# file -> (sha256 of its bytes, pickle of what parse_proposal and load_yaml gave for them): the
# last version of each file read, so the memory is bounded by the files, not by their edits. A file
# that names `law` was parsed in full by every load_act of it (the chains' benchmark: once to pick
# the --include acts, once in consolidate's load_acts, once for the site's history page; 18 ms
# each against 0.4 ms to unpickle). Unpickled on every use, so that no call shares an object with
# another (the engine and load_act set attributes on the changes); a file that does not load is
# never stored and raises its error every time.
_PARSED: dict[str, tuple[str, bytes]] = {}


def load_act(path: Path, law: str) -> AmendingAct | None:
    """The numre of an amendment file that amend `law`; None if it amends other acts only.
    The file is read and checked by proposal.py (the loader of imported acts); a file that does
    not load is an error naming file:line."""
    import hashlib

    from .paths import UnsafePath, read_regular
    from .proposal import MAX_BYTES, load_proposal, parse_proposal
    from .yamlfile import load_yaml

    file = str(path)
    try:  # read once, as load_proposal reads (a regular file in its folder, bounded); everything below is of these bytes
        data: bytes | None = read_regular(file, MAX_BYTES, inside=Path(file).parent, what="forslaget",
                                          noun="et forslag")
    except UnsafePath:
        data = None  # load_proposal refuses it, with its message
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    if digest in _NAMED and law not in _NAMED[digest]:
        return None
    # every check; then the data as written (was load_raw + load_proposal: 3 parses)
    seen = _PARSED.get(file) if digest is not None else None
    if seen is not None and seen[0] == digest:  # these exact bytes were read and checked: a fresh copy
        prop, raw = pickle.loads(seen[1])
    else:
        prop = parse_proposal(data, file) if data is not None else load_proposal(path)
        raw = load_yaml(data if data is not None else Path(path).read_bytes(), file)[0]
        if digest is not None:
            _PARSED[file] = digest, pickle.dumps((prop, raw), protocol=pickle.HIGHEST_PROTOCOL)
    if not isinstance(raw, dict) or not isinstance(raw.get("paragraffer"), list):
        if digest is not None:
            _NAMED[digest] = frozenset()
        return None
    if digest is not None:
        _NAMED[digest] = frozenset(p.get("lov") for p in raw["paragraffer"]
                                   if isinstance(p, dict) and isinstance(p.get("lov"), str))
    if not any(isinstance(p, dict) and p.get("lov") == law for p in raw["paragraffer"]):
        return None
    date = str(raw.get("dato", ""))
    act = AmendingAct(path.stem, file, str(raw.get("titel", "")), date,
                      short_source(str(raw.get("kilde", "")), date, path.stem), [],
                      raw.get("ikrafttræden") if isinstance(raw.get("ikrafttræden"), list) else [],
                      [str(o.get("tekst", "")) for o in raw.get("øvrige") or [] if isinstance(o, dict)])
    lov = {str(p.get("nummer")): p.get("lov") for p in raw["paragraffer"] if isinstance(p, dict)}
    for p in raw["paragraffer"]:
        if isinstance(p, dict) and p.get("lov") == law and isinstance(p.get("som_ændret"), str):
            act.cites_after |= {act_id_of(m.group(1), m.group(4)) for m in _LOV.finditer(p["som_ændret"])}
    for i, pn in enumerate(prop.act.numre):
        if lov.get(str(pn.paragraf)) != law:
            continue
        n = Nummer(act, str(pn.paragraf), str(pn.nummer), pn.data, ("numre", i), list(pn.changes))
        if pn.refused is not None:
            n.unreadable = f"nummeret kunne ikke læses ved importen ({pn.refused})" if pn.refused else \
                "nummeret kunne ikke læses ved importen"
            n.changes = []
        for c in n.changes:
            c.attribution = n.attribution  # read by the engine's change_id
        act.numre.append(n)
    return act if act.numre else None


# --- acts that amend an amending act ------------------------------------------------

@dataclass
class Repeal:
    """Numre of an amending act that a later act repeals: lov 1379/2012, § 3 ("I lov nr. 928 af 18.
    september 2012 om ændring af lov om arbejdsløshedsforsikring m.v., … foretages følgende ændring:
    1. § 1, nr. 3 og 4, ophæves."), in force on the same day as those numre, which so never became
    law (LBK 1101/2013 prints § 74 l as lov 1379's § 2 wrote it, without lov 928's nr. 3-4). A whole §
    may be repealed too (lov 1380/2012, § 19: "§ 2, nr. 2, § 3 og § 7, nr. 1, ophæves"): every nummer
    of an ændringsparagraf so repealed is; a repealed § that is the act's ikrafttræden is a change of
    when its numre run (plan: refused, as an OtherChange that touches it)."""
    act: str  # the id of the act whose numre are repealed: "lov-2012-928"
    scope: set  # {("1", "3"), ("1", "4")}; ("3", None): the whole § 3
    by: Nummer  # the repealing nummer (its act carries what ikraft_of reads)


@dataclass
class OtherChange:
    """A nummer of an act that amends an amending act otherwise than by repealing whole numre or §§
    ("§ 8, stk. 2, affattes således: …"). lawdiff does not execute it. plan reads what it touches
    (_touches): a nummer that amends the law being consolidated, or the ikrafttræden that decides when
    those numre run, is then refused (with --partial: not executed), never run in its old wording; a
    change of anything else (another law's ændringsparagraf, a transitional rule) leaves them as they
    are, and plan says so in a warning."""
    act: str
    by: Nummer


# sha256 of an amendment file's bytes -> what its ændringsparagraffer about other amending acts say
_ABOUT_ACTS: dict[str, list] = {}


def acts_amending_acts(root: Path) -> list:
    """The Repeal and OtherChange entries of every amendment file under root/amendments/: the
    ændringsparagraffer whose `henvisning` is an act ("lov nr. 928 af 18. september 2012") rather
    than a law's lovbekendtgørelse. A nummer that repeals numre is a Repeal only when each of its
    changes is `ophæves:` of "§ N, nr. …" and nothing else (read with _scope_strict)."""
    import hashlib

    from .paths import UnsafePath, read_regular
    from .proposal import MAX_BYTES
    from .yamlfile import load_yaml

    out: list = []
    for path in sorted((root / "amendments").glob("*.yaml")):
        try:  # as load_act reads: never a FIFO (a hang) nor a link out of amendments/
            data = read_regular(path, MAX_BYTES, inside=path.parent)
        except UnsafePath:
            continue  # load_acts reports the file
        digest = hashlib.sha256(data).hexdigest()
        if digest not in _ABOUT_ACTS:
            found: list = []
            if b"henvisning: lov nr." in data:
                try:
                    raw = load_yaml(data, str(path))[0]
                except LawdiffError:
                    raw = None  # load_acts reports the file
                found = _about_acts(raw, path) if isinstance(raw, dict) else []
            _ABOUT_ACTS[digest] = found
        out += _ABOUT_ACTS[digest]
    return out


def _about_acts(raw: dict, path: Path) -> list:
    date = str(raw.get("dato", ""))
    act = AmendingAct(path.stem, str(path), str(raw.get("titel", "")), date,
                      short_source(str(raw.get("kilde", "")), date, path.stem), [],
                      raw.get("ikrafttræden") if isinstance(raw.get("ikrafttræden"), list) else [])
    out: list = []
    for p in raw.get("paragraffer") or []:
        if not isinstance(p, dict) or p.get("lov"):
            continue
        m = _LOV.fullmatch(norm(str(p.get("henvisning", ""))))
        if not m:
            continue
        target = act_id_of(m.group(1), m.group(4))
        for nr in p.get("numre") or []:
            if not isinstance(nr, dict):
                continue
            n = Nummer(act, str(p.get("nummer")), str(nr.get("nummer")), nr, ())
            changes = nr.get("ændringer") if not nr.get("ikke_udført") else None
            scopes = [_scope_strict(str(c["ophæves"])) if isinstance(c, dict) and set(c) == {"ophæves"} else None
                      for c in changes or [None]]
            if all(scopes):  # whole numre, or whole §§ ("§ 2, nr. 2, § 3 og § 7, nr. 1, ophæves": lov 1380/2012)
                out.append(Repeal(target, set().union(*scopes), n))
            else:
                out.append(OtherChange(target, n))
    return out


_ADDRESS_KEYS = ("i", "affattes", "ophæves", "efter", "før")
_CHANGED_WORDS = ("ændres", "til", "udgår", "indsættes_efter", "indsættes_før", "tekst")
# a citation of another law's § ("pensionsbeskatningslovens § 25", "§ 7 a, stk. 1, i lov om …"): not the act's own
_FOREIGN_BEFORE = re.compile(r"(?:lovens|loven|lovbekendtgørelsens)\s*$")
_FOREIGN_AFTER = re.compile(r"^(?:\s*,\s*(?:stk\.|nr\.|\d+\.\s*pkt\.)[^,]*)*\s*,?\s*i\s+(?:lov|lovbekendtgørelse|"
                            r"bekendtgørelse|retsplejeloven|straffeloven)\b")
_COMMENCEMENT = re.compile(r"træder\s+i\s+kraft|har\s+virkning|ikrafttræden", re.I)
# a date in the words a change of an original act's own § changes ("1. juli 2011" -> "1. juli 2015"): its
# ikrafttræden is not in the file, so the change may move when its ændringsparagraffer run
_DATE = re.compile(r"\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                   r"december)\s+\d{4}", re.I)


def _own_sections(text: str) -> set[str]:
    """The §§ of its own act that a text of an amending act cites ("§ 1, nr. 3", "§§ 2-6"), leaving out
    citations of other laws ("pensionsbeskatningslovens § 25", "§ 7 a, stk. 1, i lov om …")."""
    t = norm(text)
    out: set[str] = set()
    for m in _SPEC.finditer(t):
        if _FOREIGN_BEFORE.search(t[:m.start()]) or _FOREIGN_AFTER.match(t[m.end():]):
            continue
        out |= set(_expand(m.group("secs")))
    return out


def _own_paragraphs(act: AmendingAct) -> dict[str, str]:
    """The act's other §§ (`øvrige`: ikrafttræden, overgang) by number: "15" -> "§ 15\nStk. 1. Loven …"; one the
    file holds as its label alone (a file written before the reader joined such a label to its text, as lov 573/2011's
    "§ 3" was; importers/amending._label_alone) -> ""."""
    out = {}
    for t in act.other:
        m = re.match(r"§\s*(\d+(?:\s?[a-zæøå])?)\.?\s*(?:\n|$)", t)
        if m:
            out[m.group(1)] = t if t[m.end():].strip() else ""
    return out


def _stk_text(text: str, address: str) -> str:
    """The stk. of an øvrige § that an address names ("§ 13, stk. 6, 4. og 5. pkt."), else the whole §."""
    m = re.search(r"stk\.\s*(\d+)", address)
    if not m:
        return text
    lines = text.splitlines()
    found = [i for i, ln in enumerate(lines) if re.match(rf"Stk\.\s*{m.group(1)}\.", ln.strip())]
    if len(found) != 1:
        return text
    rest = lines[found[0] + 1:]
    end = next((i for i, ln in enumerate(rest) if re.match(r"Stk\.\s*\d+\.", ln.strip())), len(rest))
    return "\n".join([lines[found[0]]] + rest[:end])


def _words_of(n: Nummer) -> str:
    """Every text of a nummer's data (its addresses, old and new words), to look words up in."""
    out: list[str] = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(n.data)
    return norm(" ".join(out))


UNREAD = "?"  # _touches: what the nummer changes cannot be read, so it may touch every nummer and their ikrafttræden
NEW_AMENDMENT = "+"  # _touches: the nummer writes an ændringsparagraf into the act, which may amend the law too
_AMENDS = re.compile(r"foretages\s+følgende\s+ændring", re.I)


def _touches(by: Nummer, act: AmendingAct) -> tuple[list[Nummer], str | None]:
    """What a nummer of a later act that changes `act` (an OtherChange, or a Repeal of whole §§) touches of
    what consolidate runs: the numre of `act` that amend the law being consolidated (their ændringsparagraf
    is cited: "§ 1, nr. 5, affattes således:", "I § 1, nr. 3, ændres …", or a change "overalt" of words
    that stand in them), and a description of the place when it changes the rules of when they run (the
    act's ikrafttræden § where the words changed, inserted or rewritten cite one of those ændringsparagraffer;
    also any change there that lawdiff cannot read; NEW_AMENDMENT where it writes a text that amends a law,
    "… foretages følgende ændring: …", into the act: that may be this law). Anything else — another law's ændringsparagraf, a
    transitional rule, an original act's own provisions (lov 573/2011 § 1 changes lov 639/2010's §§ 1-19,
    not its § 22, which amends lov om arbejdsmarkedsuddannelser) — touches nothing ([], None)."""
    mine = {n.paragraf for n in act.numre}
    own = _own_paragraphs(act)
    data = by.data if isinstance(by.data, dict) else {}
    unread = data.get("ikke_udført")
    if unread is not None:
        # a nummer the reader kept verbatim: "1. I § 1, nr. 14, affattes § 137 m, stk. 3, således: …" (lov
        # 651/2013, § 2, of lov 495/2013; 8 such numre in the corpus change the new text of another act's
        # nummer): it touches that nummer, whatever it does to it; one that names none may touch anything
        text = norm(str(unread.get("tekst", "") if isinstance(unread, dict) else unread))
        # the one nummer, and straight after it what is done in it (not "I § 1, nr. 2, og § 15, stk. 2, ændres …")
        m = re.match(r"\d+\s*\.\s*I\s+§\s*(\d+(?:\s?[a-zæøå])?)\s*,\s*nr\.\s*(\d+(?:\s?[a-zæøå])?)\s*,\s*"
                     r"(?=(?:affattes|nyaffattes|ændres|indsættes|ophæves|udgår|i|litra|stk\.)\s)", text)
        if m is None:
            return list(act.numre), UNREAD
        p, nr = m.group(1), m.group(2)
        return [n for n in act.numre if n.paragraf == p and n.nummer == nr], None
    changes = data.get("ændringer")
    if not isinstance(changes, list):
        return list(act.numre), UNREAD
    numre: list[Nummer] = []
    commencement: str | None = None
    for c in changes:
        if not isinstance(c, dict):
            return list(act.numre), UNREAD
        words = " ".join(str(c[k]) for k in _CHANGED_WORDS if isinstance(c.get(k), (str, int)))
        if _AMENDS.search(norm(str(c.get("tekst") or ""))):
            # "Efter § 9 indsættes: »§ 9 a. I lov om … foretages følgende ændring: …«": lawdiff never executes
            # it, and which law it amends is not read: it may be the one being consolidated
            return list(act.numre), NEW_AMENDMENT
        if c.get("overalt"):
            old = norm(str(c.get("ændres") or c.get("udgår") or ""))
            if not old:
                return list(act.numre), UNREAD
            numre += [n for n in act.numre if old in _words_of(n) and n not in numre]
            if any((_COMMENCEMENT.search(t) and old in norm(t)) or not t for t in own.values()):
                commencement = "overalt i loven"
            elif not own and (_COMMENCEMENT.search(old) or _DATE.search(old) or _own_sections(old) & mine):
                commencement = "overalt i loven"  # an original act: its ikrafttræden is not in the file
            continue
        address = next((str(c[k]) for k in _ADDRESS_KEYS if isinstance(c.get(k), (str, int))), "")
        scope = parse_scope(address) or set()
        if not scope:
            return list(act.numre), UNREAD
        for p, nr in sorted(scope, key=lambda x: (x[0], x[1] or "")):
            if p in mine:
                numre += [n for n in act.numre if n.paragraf == p and (nr is None or n.nummer == nr) and n not in numre]
            elif p in own and not own[p]:
                commencement = address  # its text is not in the file: it may be the ikrafttræden of them all
            elif p in own and _COMMENCEMENT.search(own[p]):
                # the words changed or inserted, and the text a rewrite or repeal removes; where the words cite
                # no § (a date: "1. januar 2013" -> "1. januar 2015"), what the stk. they stand in dates
                whole = c.get("affattes") or c.get("ophæves") or not _own_sections(words)
                text = words + " " + (_stk_text(own[p], address) if whole else "")
                cited = _own_sections(text)
                if cited & mine or (not cited and _COMMENCEMENT.search(text)):  # "Loven træder i kraft …": all
                    commencement = address
            elif p not in own and not own and (_COMMENCEMENT.search(words) or _DATE.search(words)
                                               or _own_sections(words) & mine):
                commencement = address  # an original act's own § (not in its file): the words speak of when
    return numre, commencement


def load_acts(root: Path, law: str) -> dict[str, AmendingAct]:
    out = {}
    for p in sorted((root / "amendments").glob("*.yaml")):
        a = load_act(p, law)
        if a is not None:
            out[a.id] = a
    return out


# --- what a version already incorporates ---------------------------------------------

Incorporated = dict[str, set]  # act id -> {None} (whole act) | {("1", None)} (a §) | {("1", "3")} (a nummer)


_MAX_RANGE = 5000  # no act has as many §§ or numre in one range; "--include 'lov-2012-17:§ 1, nr. 1-99999999'" hung


def _expand(seq: str) -> list[str]:
    """'1-3, 5 og 7' -> ['1', '2', '3', '5', '7'] (numbers with letters kept as they are); [] when a range
    is longer than any act's (not read)."""
    out = []
    seq = re.sub(r"\bnr\.\s*", "", seq)  # "1-13 og nr. 15-19"
    for part in re.split(r"\s*(?:,|\bog\b)\s*", seq.strip()):
        m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", part)
        if m:
            if int(m.group(2)) - int(m.group(1)) > _MAX_RANGE:
                return []
            out += [str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif re.fullmatch(r"\d+(?:\s?[a-zæøå])?", part):
            out.append(part.replace(" ", " "))
    return out


_LETTER = r"(?:\s?[a-zæøå](?![\wæøå])(?!\s+(?:lov|af)\b))?"  # "§ 35 i lov nr." is § 35, not § 35 i
_SPEC = re.compile(r"§§?\s*(?P<secs>\d+" + _LETTER + r"(?:\s*(?:-|–|,|og)\s*\d+" + _LETTER + r")*)"
                   r"(?:\s*,\s*nr\.\s*(?P<nrs>\d+(?:\s*(?:-|–|,|og)\s*(?:nr\.\s*)?\d+)*))?")


def parse_scope(text: str) -> set | None:
    """'§ 1, nr. 1-3' -> {('1','1'), ('1','2'), ('1','3')}; '§§ 1 og 2' -> {('1', None), ('2', None)};
    None when no § can be read."""
    out: set = set()
    for m in _SPEC.finditer(norm(text)):
        secs = _expand(m.group("secs"))
        if m.group("nrs") and len(secs) == 1:
            out |= {(secs[0], n) for n in _expand(m.group("nrs"))}
        else:
            out |= {(s, None) for s in secs}
    return out or None


def _scope_strict(text: str) -> set | None:
    """parse_scope, but None unless the whole text is §§ and numre ("§ 1, nr. 1-3, 5 og 7; § 2")."""
    t = norm(text)
    if not t or re.sub(r"[\s,;]|\bog\b", "", _SPEC.sub("", t)):
        return None
    for m in _SPEC.finditer(t):
        if m.group("nrs") and len(_expand(m.group("secs"))) != 1:
            return None  # "§§ 1 og 2, nr. 3": which §'s nr. 3?
        if not _expand(m.group("secs")) or (m.group("nrs") and not _expand(m.group("nrs"))):
            return None
    return parse_scope(t)


@dataclass
class Include:
    """One --include: an act, or only some of its §§ or numre."""
    act: str  # "lov-2012-1380"
    scope: set | None = None  # None: the whole act; else {("1", "3"), ("2", None)}

    def covers(self, n: "Nummer") -> bool:
        return self.scope is None or (n.paragraf, None) in self.scope or (n.paragraf, n.nummer) in self.scope


_INCLUDE = re.compile(r"(lov-\d{4}-\d+)(?:\s*:\s*(.*))?", re.S)


def parse_include(spec: str, option: str = "--include") -> Include:
    """'lov-2012-1380' or 'lov-2012-1380:§ 1, nr. 1-3' (the preambles' own form after the colon:
    "§ 1, nr. 1-13 og nr. 15-19", "§§ 2 og 3", several parts joined by ";")."""
    hint = f'skriv fx {option} lov-2012-1380 eller {option} "lov-2012-1380:§ 1, nr. 1-3, 5 og 7; § 2"'
    m = _INCLUDE.fullmatch(norm(spec or ""))
    if not m:
        raise ConsolidateError(f"{option} »{spec}« kan ikke læses: ventede lov-ÅÅÅÅ-NNN", hint=hint)
    if m.group(2) is None:
        return Include(m.group(1), None)
    scope = _scope_strict(m.group(2))
    if scope is None:
        raise ConsolidateError(f"{option} »{spec}«: »{m.group(2)}« kan ikke læses som paragraffer og numre "
                               f"i {m.group(1)}", hint=hint)
    return Include(m.group(1), scope)


def _merge_includes(items: list[Include]) -> dict[str, list[Include]]:
    out: dict[str, list[Include]] = {}
    for i in items:
        out.setdefault(i.act, []).append(i)
    return out


def _fmt_scope(scope: set) -> str:
    return "; ".join(f"§ {p}" + (f", nr. {n}" if n else "") for p, n in sorted(
        scope, key=lambda x: (_num_key(x[0]), _num_key(x[1] or ""))))


def _num_key(x: str):
    m = re.match(r"(\d+)\s*(.*)", x)
    return (int(m.group(1)), m.group(2)) if m else (0, x)


def preamble_acts(act: Act) -> Incorporated:
    """The acts an LBK's preamble says it incorporates: "…, jf. lovbekendtgørelse nr. 807 af 1. juli 2015,
    med de ændringer, der følger af § 35 i lov nr. 994 af 30. august 2015, § 2 i lov nr. 1000 …"."""
    text = re.sub(r"\s+\.", ".", norm(" ".join(line.text for line in act.preamble)))  # a full stop on a line of its own
    i = text.find("med de ændringer")
    if i < 0:
        return {}
    text = text[i:]
    # stop before sentences about something else ("Den bekendtgjorte lovtekst vedrørende … træder i kraft",
    # "De ændringer, der følger af … er ikke indarbejdet …": the notes, editor_notes)
    text = _NOTE_START.split(re.split(r"(?<=\d{4})\.\s+(?=[A-ZÆØÅ])", text)[0])[0]
    out: Incorporated = {}
    last = 0
    for m in _LOV.finditer(text):
        spec = text[last:m.start()]
        last = m.end()
        aid = act_id_of(m.group(1), m.group(4))
        spec = re.sub(r",?\s+(?:i|af)\s*$", "", spec.split("følger af")[-1])  # "§ 35 i lov nr." -> "§ 35"
        scope = parse_scope(spec)
        out.setdefault(aid, set()).update(scope if scope else {None})
    return out


@dataclass
class EditorNotes:
    """What an LBK's preamble says beyond its list of acts: the numre it leaves out ("De ændringer, der
    følger af § 1, nr. 2-11, i lov nr. 1386 af 28. december 2011, er ikke indarbejdet i denne
    lovbekendtgørelse, da …"). (Its other notes — "Den bekendtgjorte lovtekst gælder først fuldt ud
    fra den …" — say that it prints numre not yet in force, which is what --include does anyway.)"""
    excluded: Incorporated = field(default_factory=dict)  # act id -> {None} | {("1", "14"), ...}


_NOTE_START = re.compile(r"(?<=[.)])\s+(?=(?:De|Den|Denne|Disse)\s)")


def editor_notes(act: Act) -> EditorNotes:
    """The notes of an LBK's preamble (the sentences after its list of acts), read as EditorNotes.
    A sentence that names no act by "lov nr. … af …" is left out."""
    text = norm(" ".join(line.text for line in act.preamble))
    out = EditorNotes()
    prev: tuple | None = None  # (act id, scope) of the sentence before: "Denne ændring er derfor ikke indarbejdet"
    for sentence in _NOTE_START.split(text):
        lov = _LOV.search(sentence)
        if "ikke indarbejdet" in sentence:
            here = None
            if lov is not None and re.match(r"(?:De|Den)\s+ændring(?:er)?\b", sentence):
                spec = sentence[:lov.start()].split("følger af", 1)[-1]
                spec = re.sub(r",?\s+(?:i|af)\s*$", "", spec)
                here = (act_id_of(lov.group(1), lov.group(4)), parse_scope(spec))
            elif re.match(r"Denne\s+ændring|Disse\s+ændringer", sentence):
                here = prev
            if here is not None:
                out.excluded.setdefault(here[0], set()).update(here[1] if here[1] else {None})
            prev = None
            continue
        if lov is not None and re.match(r"(?:De|Den)\s+ændring(?:er)?,\s+der følger af", sentence):
            spec = re.sub(r",?\s+(?:i|af)\s*$", "", sentence[:lov.start()].split("følger af", 1)[-1])
            prev = (act_id_of(lov.group(1), lov.group(4)), parse_scope(spec))
        else:
            prev = None
    return out


def incorporated(version: Act, load) -> Incorporated:
    """What `version` incorporates: its preamble's acts, or, for a consolidated version, what it
    applied and what its base incorporated (`load(ref)` loads a stored version)."""
    rec: Record | None = version.consolidation
    if rec is None:
        return _less_notes(preamble_acts(version), editor_notes(version))
    out: Incorporated = {}
    try:
        out = {k: set(v) for k, v in incorporated(load(rec.base), load).items()}
    except LawdiffError:
        pass
    for a in rec.applied:
        for n in a.numre:
            m = re.fullmatch(r"§ (.+?), nr\. (.+)", n)
            if m:
                out.setdefault(a.act, set()).add((m.group(1), m.group(2)))
    return out


def _less_notes(inc: Incorporated, notes: "EditorNotes") -> Incorporated:
    """What an official LBK incorporates: its preamble's acts less the numre its notes say are not
    incorporated ("De ændringer, der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010, er
    ikke indarbejdet i denne lovbekendtgørelse, da …"). Such a note also says that the act's other
    numre are incorporated, when the preamble does not list the act (an earlier LBK incorporated
    it: LBK 1152/2011 lists only lov 1599/2010, and its note on lov 1539/2010, § 1, nr. 4-10, says
    that nr. 1-3 are in it; they were executed a second time, out of their order). Written
    ("undtagen", {…}) for "the whole act but these", ("undtagen", {…}, "1") for "§ 1 but these" (LBK 668/2011
    lists "§ 1 i lov nr. 275 af 5. april 2011" and notes that § 1, nr. 8 is not incorporated)."""
    out = {k: set(v) for k, v in inc.items()}
    for aid, ex in notes.excluded.items():
        scope = out.get(aid)
        if None in ex:
            out.pop(aid, None)
        elif scope is None or None in scope:
            out[aid] = {("undtagen", frozenset(ex))}
        else:  # a whole § of the preamble less numre of it a note leaves out: ("undtagen", {…}, §)
            out[aid] = {("undtagen", frozenset(e for e in ex if e[0] == x[0]), x[0])
                        if x[1] is None and any(e[0] == x[0] for e in ex) else x
                        for x in scope if x not in ex and (x[0], None) not in ex}
    return out


def is_incorporated(inc: Incorporated, n: Nummer) -> bool:
    s = inc.get(n.act.id)
    if not s:
        return False
    for x in s:
        if isinstance(x, tuple) and x[0] == "undtagen":
            if (len(x) < 3 or x[2] == n.paragraf) and (n.paragraf, n.nummer) not in x[1] and (n.paragraf, None) not in x[1]:
                return True
    return None in s or (n.paragraf, None) in s or (n.paragraf, n.nummer) in s


# --- entry into force ---------------------------------------------------------------

@dataclass
class Ikraft:
    date: str | None  # ISO, when known
    pending: str | None = None  # why the date is not known (Danish), e.g. a minister sets it
    # pending == "publication": the act enters into force this many days after its publication in
    # Lovtidende, whose date the amendment file does not hold ("dagen efter bekendtgørelsen": 1, "ved
    # bekendtgørelsen": 0)
    days: int = 1


def rule_scope(text: str) -> set | None:
    """The numre an ikrafttrædelsesbestemmelse certainly names (`rule_scope_parts`); None when it
    names none, certainly or not."""
    certain, doubtful = rule_scope_parts(text)
    if certain is None and not doubtful:
        return None
    return certain or set()


# the act's own provisions: "denne lovs § 1, nr. 5", "lovens § 2, nr. 3 og 4" (not "udlændingelovens")
_OWN_REF = re.compile(r"(?:\bdenne\s+lovs|(?<![\wæøå-])lovens)\s+(" + _SPEC.pattern + ")")
# another law named after its provisions: "… i lov om sygedagpenge", "… i udlændingeloven", "… i lov for
# Færøerne om …"
_FOREIGN_AFTER = re.compile(r"\bi\s+(?:lov\s+(?:om|for)\b|[a-zæøå-]+loven\b)")
# a relative clause saying what an own nummer does to another law: "§ 1, nr. 7, der ændrer § 3, stk. 1, i
# lov om befordringsrabat …," (lov 1567/2010): the nummer before it is the act's own
_RELATIVE = re.compile(r",?\s+der\s+(?:ændrer|ophæver|indsætter|affatter|nyaffatter)\s+.*?" + _FOREIGN_AFTER.pattern
                       + r"[^,;]*")
# another law named before its provisions: "udlændingelovens § 9 f, stk. 4, som affattet ved …"
_FOREIGN_BEFORE = re.compile(r"(?<![\wæøå-])[\wæøå-]+lovens\s+(?=§)")
# where the other law's list ends: "som affattet ved", "jf.", an own reference (marked ";")
_LIST_END = re.compile(r"\bsom\s+(?:affattet|ændret|indsat|ophævet)\b|\bjf\.|;|$")
# where the other law's name, after "i lov om", ends: as the list, or before the next § ("… i lov om X, § 1,
# nr. 5 og 6, …": a new item, not governed by "i lov om X")
_NAME_END = re.compile(_LIST_END.pattern + r"|,?\s+(?:(?:og|samt)\s+)?(?:af\s+)?(?=§)")


def _not_own(ref, t: str) -> bool:
    """Whether a provision cannot be an ændringsparagraf: it has a letter ("§ 75 b", "§ 3 A") or a stk.,
    pkt. or litra ("§ 78, stk. 2")."""
    return bool(re.search(r"[a-zæøå]", ref.group("secs")) or
                re.match(r"\s?[A-ZÆØÅ]\b|\s*,?\s*(?:stk|pkt|litra)\b", t[ref.end():]))


# where one item of a list of provisions ends and the next begins with certainty: the places marked ";"
# below, and a repeated "af"/"for ikrafttræden af" ("…, § 8, nr. 7, og af § 14 a, stk. 4, nr. 2, i lov om …")
_ITEM_START = re.compile(r";|\b(?:og|samt)\s+(?:af|for\s+ikrafttræ\w*\s+af)\b|\bikrafttræ\w*\s+af\b")


def rule_scope_parts(text: str) -> tuple[set | None, set]:
    """The numre an ikrafttrædelsesbestemmelse names: (certain, doubtful). Provisions of other laws it
    mentions ("§ 75, stk. 1, nr. 6, … i lov om aktiv socialpolitik som affattet ved denne lovs § 3, nr.
    20", "udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6") are not
    ændringsparagraffer: a § with a letter or a stk. is left out, and so is the other law's list.
    Doubtful is a bare "§ 2, nr. 9" or "§ 16" in the list of provisions that another law's name
    closes ("§ 2, nr. 9, § 75 b, § 75 c og § 78, stk. 2, i lov om en aktiv beskæftigelsesindsats som
    affattet ved denne lovs § 1, nr. 1, 9 og 10", lov 431/2010: LAB's § 2, nr. 9, or the act's own?
    The words allow both), and a nummer the rule covers only "for så vidt angår …" (a part of it, or
    of the persons it concerns: lov 1884/2015, § 1, nr. 3; lov 895/2013, § 1, nr. 20 og 21): the caller
    must not give such a nummer the rule's date, nor the act's general date."""
    t = norm(text)
    # "§ 127, 2. pkt.", "§ 11, stk. 3, 5. og 6. pkt.": the punktum's number is no § ("§ 127, 2" would be
    # §§ 127 and 2)
    t = re.sub(r",?\s*\d+\.(?:\s*(?:-|–|og)\s*\d+\.)*\s*pkt\.", " pkt.", t)
    certain: set = set()
    doubtful: set = set()
    # "§ 1, nr. 3, for så vidt angår ophævelsen af …": the rule covers only part of that nummer
    partial = {x for m in _SPEC.finditer(t) if re.match(r",?\s*for\s+så\s+vidt\s+angår\b", t[m.end():])
               for x in parse_scope(m.group(0)) or ()}

    def own(m):
        certain.update(parse_scope(m.group(1)) or ())
        return " ; "

    t = _OWN_REF.sub(own, t)
    t = _RELATIVE.sub(" ; ", t)
    # each other law named before its provisions: the first is that law's, and so is every one that cannot
    # be an ændringsparagraf; a bare one after the first may be either ("skattekontrollovens § 3 A, stk.
    # 1-7, § 8, nr. 2-6 og 8, § 9", lov 118/2012: its own § 8, nr. 2-6, or the other law's?)
    while True:
        m = _FOREIGN_BEFORE.search(t)
        if m is None:
            break
        end = _LIST_END.search(t, m.end())
        for ref in list(_SPEC.finditer(t, m.end(), end.start()))[1:]:
            if not _not_own(ref, t):
                doubtful.update(parse_scope(ref.group(0)) or ())
        t = t[:m.start()] + " ; " + t[end.start():]
    # each other law named after its provisions: its list runs back to the last certain item start
    while True:
        m = _FOREIGN_AFTER.search(t)
        if m is None:
            break
        starts = [x.end() for x in _ITEM_START.finditer(t, 0, m.start())]
        start = starts[-1] if starts else 0
        # the last provision before the law's name is that law's ("§ 2, nr. 2 og 3, i lov om …"), and so is
        # every one after the first that cannot be an ændringsparagraf (a letter, a stk.: "§ 4, stk. 2, § 6, §§
        # 7 og 8, … samt § 30 i lov om stormflod …"); a bare one before those may be either
        refs = list(_SPEC.finditer(t, start, m.start()))
        for ref in refs[:-1]:
            if _not_own(ref, t):
                break
            doubtful.update(parse_scope(ref.group(0)) or ())
        end = _NAME_END.search(t, m.end())
        t = t[:start] + " ; " + t[end.start():]
    t = re.sub(r"§§?\s*\d+\s?[a-zæøåA-ZÆØÅ](?![\wæøå])[^§;]*", " ", t)  # "§ 70 g …", "§ 25 a, stk. 4, nr. 4", "§ 3 A"
    t = re.sub(r"§\s*\d+\s*,\s*stk\.[^§;]*", " ", t)  # "§ 75, stk. 1, nr. 6, og "
    certain.update(parse_scope(t) or ())
    doubtful |= certain & partial
    certain -= doubtful
    return (certain or None), doubtful


# "Beskæftigelsesministeren fastsætter tidspunktet for ikrafttrædelsen af § 1, nr. 17, 24 og 25.",
# "Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og
# integrationsministeren.", "Undervisningsministeren fastsætter tidspunktet for lovens ikrafttræden"
_SCOPE_END = r"(?P<scope>(?:lovens\s+)?§(?:[^.]|\.(?!\s+[A-ZÆØÅ]|\s*$))*?)"
_SENTENCE_END = r"(?=\s*(?:\.\s+[A-ZÆØÅ]|\.?\s*$|,\s*jf\.|;))"
_MINISTER = [
    re.compile(r"\w*ministeren\s+fastsætter\s+(?:tidspunktet\s+for\s+)?(?:lovens\s+)?ikrafttræ(?:delsen|den)"
               r"(?:\s+af\s+" + _SCOPE_END + r")?" + _SENTENCE_END),
    re.compile(r"[Tt]idspunktet\s+for\s+(?:lovens\s+)?ikrafttræ(?:delsen|den)(?:\s+af\s+" + _SCOPE_END +
               r")?,?\s+fastsættes\s+af\s+[\w,\s-]*?ministeren"),
]


def minister_rules(act: AmendingAct) -> list[tuple[set | None, str]]:
    """The numre whose ikrafttræden the act's own commencement text (`øvrige`) leaves to a minister,
    one scope per sentence (None: the whole act, or a scope that cannot be read). Read here as
    well as by the importer, which has been seen to drop such a sentence while keeping the general
    date (lov nr. 495 af 21/05/2013, § 3, stk. 2: its § 1, nr. 1 og 2 were executed on the
    general date, where LBK 1093/2013 says they are not in force). Each item: (scope, the sentence);
    the scope is None for the whole act and for a scope that cannot be read (then no nummer is
    certain to be outside it)."""
    out: list[tuple[set | None, str]] = []
    for text in act.other:
        t = norm(text)
        for rx in _MINISTER:
            for m in rx.finditer(t):
                scope = m.group("scope")
                certain, doubtful = rule_scope_parts(re.sub(r"^lovens\s+", "", scope).rstrip(" ,")) if scope else (None, set())
                # a nummer the sentence may name is held pending too
                out.append(((certain or set()) | doubtful if certain or doubtful else None, m.group(0)))
    return out


def ikraft_of(n: Nummer) -> Ikraft:
    """The entry into force the act states for this nummer: a rule naming the nummer (or its §)
    wins over the act's general rule; a sentence of the commencement text that leaves the nummer
    to a minister wins over the general rule too (as data, or in an old file minister_rules)."""
    ik, rank = _ikraft_of(n)
    # the importer carries a minister's ikrafttræden as data (`minister: true` with `gælder`);
    # amendment files written before it did (which have no such rule) are read from the
    # commencement text itself
    data = any(isinstance(r, dict) and r.get("minister") for r in n.act.ikraft)
    if (rank is None or rank == 3) and not data:
        for scope, sentence in minister_rules(n.act):
            if scope is None or (n.paragraf, None) in scope or (n.paragraf, n.nummer) in scope:
                return Ikraft(None, f"ministeren fastsætter tidspunktet for ikrafttræden (»{sentence}«)")
    return ik


def _ikraft_of(n: Nummer) -> tuple[Ikraft, int | None]:
    """ikraft_of from the rules of the amendment file alone, and the rank of the rule used (1: it
    names the nummer, 2: its §, 3: the act's general rule; 0: the nummer's own rule, or none that can
    be read; None: no rule at all)."""
    if isinstance(n.data.get("ikrafttræden"), (list, dict)):
        rules = n.data["ikrafttræden"] if isinstance(n.data["ikrafttræden"], list) else [n.data["ikrafttræden"]]
        scoped = [(r, 0) for r in rules if isinstance(r, dict)]
    else:
        scoped = []
        unreadable = []
        for r in n.act.ikraft:
            if not isinstance(r, dict):
                continue
            if "gælder" in r:
                scope = set()
                ok = True
                for g in r["gælder"] if isinstance(r["gælder"], list) else [r["gælder"]]:
                    s, doubtful = rule_scope_parts(str(g))
                    if (n.paragraf, n.nummer) in doubtful or (n.paragraf, None) in doubtful:
                        # refuse, never guess: "§ 2, nr. 9, § 75 b … i lov om …" may name this nummer or
                        # the other law's § 2, nr. 9; neither this rule's date nor the general one is certain
                        return Ikraft(None, f"ikrafttrædelsesbestemmelsen »{norm(str(g))}« kan læses på to måder "
                                            f"(den nævner {n.cite}, en bestemmelse i en anden lov eller en del af "
                                            f"nummeret); datoen kan ikke afgøres: brug --include, hvis nummeret "
                                            f"skal med"), 0
                    if s is None and not doubtful:
                        ok = False
                    else:
                        scope |= s or set()
                if not ok:
                    unreadable.append(r)
                    continue
                if (n.paragraf, None) in scope or (n.paragraf, n.nummer) in scope:
                    scoped.append((r, 1 if (n.paragraf, n.nummer) in scope else 2))
            else:
                scoped.append((r, 3))
        scoped.sort(key=lambda x: x[1])
        if scoped and scoped[0][1] == 3 and unreadable:
            g = unreadable[0].get("gælder")
            g = "; ".join(map(str, g)) if isinstance(g, list) else str(g)
            return Ikraft(None, f"ikrafttrædelsesbestemmelsen »{norm(g)}« kan ikke læses, "
                                "så det vides ikke, om den gælder dette nummer"), 0
        scoped = scoped[:1]
    if not scoped:
        return Ikraft(None, "lovens ikrafttræden står ikke i ændringsfilen"), None
    r, rank = scoped[0]
    if r.get("minister"):
        return Ikraft(None, "ministeren fastsætter tidspunktet for ikrafttræden"), rank
    if r.get("dato"):
        return Ikraft(str(r["dato"])), rank
    if r.get("bekendtgørelse"):
        return Ikraft(None, "publication", days=0 if r.get("bekendtgørelse") == "ved" else 1), rank
    return Ikraft(None, "ikrafttræden kan ikke læses"), rank


def _plus(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


# --- running ------------------------------------------------------------------------

@dataclass
class Plan:
    base: Act
    steps: list[tuple[str, AmendingAct, list[Nummer]]]  # (date, act, numre) in execution order
    pending: list[Skipped]
    refused: list[tuple[Nummer, str]]
    # the engine's warnings while executing the steps (repaired typos, moved references, …),
    # filled in by consolidate(): what a drafter must read, never dropped
    warnings: list[str] = field(default_factory=list)


def _includes(include, acts: dict, law: str, root: Path) -> dict[str, list[Include]]:
    """The --include specs, read and checked against the acts: every act must amend LAW, every § or
    nummer named must be one of its numre that amend LAW."""
    items = [x if isinstance(x, Include) else parse_include(x) for x in include or []]
    for i in items:
        option = "--include"
        if i.act not in acts:
            hint = "filen findes ikke i amendments/" if not (root / "amendments" / f"{i.act}.yaml").exists() \
                else f"loven ændrer ikke {law}"
            raise ConsolidateError(f"{option} {i.act}: ingen ændringer af {law}", hint=hint)
        if i.scope is not None:
            have = {(n.paragraf, n.nummer) for n in acts[i.act].numre}
            missing = [x for x in i.scope if x not in have and not (x[1] is None and any(p == x[0] for p, _ in have))]
            if missing:
                mine = sorted({p for p, _ in have}, key=_num_key)
                raise ConsolidateError(
                    f"{option} {i.act}: {_fmt_scope(set(missing))} findes ikke blandt lovens numre, der ændrer {law}",
                    hint=f"{i.act} ændrer {law} ved " + ", ".join(
                        f"§ {p}, nr. " + ", ".join(n.nummer for n in acts[i.act].numre if n.paragraf == p)
                        for p in mine))
    return _merge_includes(items)


def plan(store, law: str, at: str, include: list, root: Path) -> Plan:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", at or ""):
        raise ConsolidateError(f"--at {at!r} er ikke en dato", hint="skriv ÅÅÅÅ-MM-DD")
    versions = [v for v in store.versions(law) if v < at or (v == at and store.load(f"{law}@{v}").consolidation
                                                                 is None)]  # re-running replaces a consolidation
    if not versions:
        raise ConsolidateError(f"{law} har ingen version af {at} eller før",
                               hint=f"versioner: {', '.join(store.versions(law)) or 'ingen'}")
    base = store.load(f"{law}@{versions[-1]}")
    acts = load_acts(root, law)
    includes = _includes(include, acts, law, root)
    repealed: dict[tuple[str, str, str], Nummer] = {}  # (act id, §, nr.) -> the nummer of another act repealing it
    # (act id, §, nr.) -> why it cannot run: a later act passed by --at changes its wording or its entry into force
    changed: dict[tuple[str, str, str], str] = {}
    notes: list[str] = []
    for x in acts_amending_acts(root) if acts else []:
        if x.act not in acts:
            continue
        earlier = acts[x.act]
        if isinstance(x, Repeal):
            mine = {n.paragraf for n in earlier.numre}
            for pn, nn in sorted(x.scope, key=lambda y: (y[0], y[1] or "")):
                for n in earlier.numre if nn is None and pn in mine else []:
                    repealed.setdefault((x.act, n.paragraf, n.nummer), x.by)
                if nn is not None:
                    repealed.setdefault((x.act, pn, nn), x.by)
        if x.by.act.date > at:
            continue
        numre, commencement = _touches(x.by, earlier)
        if isinstance(x, Repeal):
            numre = []  # the repealed numre: above
        fix = f"fjern ændringen af {earlier.source} fra {x.by.act.path}"
        if commencement == UNREAD:
            every = (f"{x.by.attribution} ændrer {earlier.source}, men hvad det ændrer, kan lawdiff ikke læse, så det "
                     f"kan ikke afgøres, om nummeret eller dets ikrafttræden er ændret (kontrollér "
                     f"{x.by.act.source}; ret {earlier.path} efter den, og {fix})")
        elif commencement == NEW_AMENDMENT:
            every = (f"{x.by.attribution} skriver en ændringsparagraf ind i {earlier.source}, som kan ændre {law}; "
                     f"lawdiff udfører ikke ændringer af en ændringslov, så det kan ikke afgøres, om {law} er, som "
                     f"nummeret skriver (indsæt ændringsparagraffen i {earlier.path} efter {x.by.act.source}, og "
                     f"{fix})")
        elif commencement is not None:
            every = (f"{x.by.attribution} ændrer ikrafttrædelsen af {earlier.source} ({commencement}), så det kan "
                     f"ikke afgøres med sikkerhed, om og hvornår nummeret træder i kraft; lawdiff udfører ikke "
                     f"ændringer af en ændringslov (ret ikrafttrædelsen i {earlier.path} efter {x.by.act.source}, og "
                     f"{fix})")
        for n in earlier.numre if commencement is not None else []:
            changed.setdefault((x.act, n.paragraf, n.nummer), every)
        for n in numre:
            changed.setdefault((x.act, n.paragraf, n.nummer), (
                f"{x.by.attribution} ændrer nummeret ({earlier.source}, {n.cite}), før det udføres; lawdiff udfører "
                f"ikke ændringer af en ændringslov og udfører ikke nummeret i dets oprindelige ordlyd (ret nummeret i "
                f"{earlier.path}, som {x.by.act.source} affatter det, og {fix})"))
        if isinstance(x, OtherChange) and not numre and commencement is None:
            notes.append(f"{x.by.attribution} ændrer {earlier.source}, men ikke de numre, der ændrer {law}, eller "
                         "deres ikrafttræden: de udføres, som de lyder")
    inc = incorporated(base, store.load)
    left_out = _left_out(base)
    pending: list[Skipped] = []
    refused: list[tuple[Nummer, str]] = []
    chosen: list[tuple[str, str, str, int, Nummer]] = []
    dated: set[str] = set()  # the acts with a chosen nummer whose entry into force the act states
    for act in acts.values():
        for order, n in enumerate(act.numre):
            ik = ikraft_of(n)
            if is_incorporated(inc, n):
                continue
            named = [i for i in includes.get(act.id, []) if i.covers(n)]
            if named:
                # named by --include: applied whatever its dates or a minister's decision, as the
                # editors do with the acts an LBK's preamble lists — also numre in force only after
                # --at: of the 120 real chains, the LBKs print them wherever their notes do not say
                # "… er ikke indarbejdet …, da ændringen først træder i kraft …" (keeping them pending
                # made 67 §§ of 15 chains differ and none identical; tests/test_chains.py). Numre an
                # LBK leaves out are left out by naming only the others ("lov-2011-1365:§ 1, nr. 1-13
                # og 15-19").
                if ik.date is not None and ik.date <= base.date and act.date < base.date \
                        and left_out.get((act.id, n.cite)) is None:
                    # passed and in force before the base, which does not say it left the nummer out: the base
                    # holds it (as the date path takes it), and a second run writes it again where the law
                    # has moved on ("--include lov-2012-267" on LBK 1342/2016 repealed its new § 23, exit 0)
                    raise ConsolidateError(
                        f"--include {act.id}: {n.cite} trådte i kraft {ik.date}, før {base.key} ({base.source}), "
                        "som derfor allerede har det; lawdiff udfører det ikke en gang til",
                        hint=f"udelad {act.id} fra --include (eller nævn kun de numre, der ikke står i {base.key})")
                date = ik.date or act.date
            else:
                # the base says it does not hold this nummer (its LBK's note, or its own record): a date
                # before the base's is then no reason to take it for the base's
                gone = left_out.get((act.id, n.cite))
                if gone is not None and gone[0] == "note" and (
                        (ik.date is not None and ik.date <= base.date) or
                        (ik.pending == "publication" and _plus(act.date, ik.days) <= base.date)):
                    # an editor left out a nummer in force at the LBK's date (lov 1561/2010, § 1, nr. 31, in
                    # force 1/1/2011, "har virkning fra og med den 1. juli 2011": LBK 170/2011 says it is
                    # not incorporated): from when it belongs in the text, the act does not say plainly
                    pending.append(Skipped(act.id, n.cite, gone[1] or (
                        f"{base.source} siger, at nummeret ikke er indarbejdet, men det trådte i kraft før {base.key}; "
                        f"fra hvilken dato det hører med, kan ikke afgøres: brug --include")))
                    continue
                if ik.pending == "publication":
                    # in force on a day between `first` and `last` (the act is published within
                    # PUBLICATION_MARGIN days of its date): certain only outside that window
                    first, last = _plus(act.date, ik.days), _plus(act.date, PUBLICATION_MARGIN)
                    if (last <= base.date and gone is None) or first > at:
                        continue
                    if at < last or (base.date >= first and gone is None):
                        when = "dagen efter bekendtgørelsen" if ik.days else "ved bekendtgørelsen"
                        pending.append(Skipped(act.id, n.cite, f"træder i kraft {when} i Lovtidende, hvis dato ikke "
                                                               + ("kendes" if at < last else
                                                                  f"kendes, så det vides ikke, om {base.key} har den")
                                                               + "; brug --include"))
                        continue
                    date = first
                elif ik.date is None:
                    if act.date <= at:
                        pending.append(Skipped(act.id, n.cite, ik.pending or "ikrafttræden ukendt"))
                    continue
                elif (ik.date <= base.date and gone is None) or ik.date > at:
                    continue
                else:
                    date = ik.date
            by = repealed.get((act.id, n.paragraf, n.nummer))
            if by is not None:
                rk = ikraft_of(by)
                if by.act.date <= at and (rk.date is None or rk.date <= at):
                    if rk.date is not None and ik.date is not None and rk.date <= ik.date:
                        # repealed before or on the day it would enter into force: it never became law
                        pending.append(Skipped(act.id, n.cite, f"ophævet ved {by.attribution} (i kraft {rk.date}), "
                                                               f"før nummeret trådte i kraft ({ik.date}): det blev "
                                                               "aldrig gældende ret og udføres ikke"))
                        continue
                    if rk.date is None or ik.date is None:
                        pending.append(Skipped(act.id, n.cite, f"ophævet ved {by.attribution}; om det skete, før "
                                                               "nummeret trådte i kraft, kan ikke afgøres (ikrafttræden "
                                                               "ukendt): brug ikke --include, før det er afklaret"))
                        continue
                    notes.append(f"{by.attribution} ophæver {n.attribution}, men først efter dets ikrafttræden "
                                 f"({rk.date} efter {ik.date}): den tekst, nummeret skrev, står")
            why = changed.get((act.id, n.paragraf, n.nummer))
            if why is not None:
                refused.append((n, why))
                continue
            if n.unreadable:
                refused.append((n, n.unreadable))
            if ik.date is not None or not named:
                dated.add(act.id)
            chosen.append((date, act.date, act.id, order, n))
    # each nummer at its own entry into force, then by the acts' dates and the numre's order; the numre
    # of one act that follow each other in that order are one engine run, so that their addresses cite
    # the law as it stood before the act (R3). An act whose numre enter into force on different dates
    # with another act's numre between them is run in parts (one per stretch), which _consolidate
    # accepts only where the parts give the same text as one run (else it runs the act whole at its
    # earliest date, as before, and warns).
    first: dict[str, str] = {}
    for date, _, aid, _, _ in chosen:
        first[aid] = min(first.get(aid, date), date)
    # an act none of whose chosen numre states its entry into force (a minister sets it; run at the act's
    # own date because --include names it) runs no earlier than the acts it cites the law "som ændret
    # ved": it was drafted on their text. Lov 429/2013 (retsplejeloven, the minister's date) "som ændret
    # ved … § 1 i lov nr. 1387 af 23. december 2012" (in force 1/7/2013), both inserting "efter »borgerlige
    # sager«" in § 12, stk. 3: LBK 1139/2013 prints 429's words before 1387's, as running 1387 first gives
    for aid in {x[2] for x in chosen} - dated:
        for other in acts[aid].cites_after:
            if other in first and first[other] > first[aid]:
                first[aid] = first[other]

    def when(x) -> str:
        return x[0] if x[2] in dated else first[x[2]]

    chosen.sort(key=lambda x: (when(x), x[1], x[2], x[3]))
    steps: list[tuple[str, AmendingAct, list[Nummer]]] = []
    for x in chosen:
        n = x[4]
        if steps and steps[-1][1].id == x[2]:
            steps[-1][2].append(n)
        else:
            steps.append((when(x), n.act, [n]))
    return Plan(base, steps, pending, refused, notes)


def _left_out(base: Act) -> dict[tuple[str, str], tuple[str, str]]:
    """The numre `base` says it does not hold, whatever their dates: (act id, "§ 1, nr. 31") -> ("note", "")
    for a nummer an official LBK's note says is not incorporated ("Den ændring, der følger af § 1, nr. 31 i
    lov nr. 1561 af 21. december 2010, har virkning fra og med den 1. juli 2011. Denne ændring er derfor
    ikke indarbejdet …", LBK 170/2011), ("record", "") for one a consolidated version left pending or did
    not execute — which it then runs at its date —, and ("note", why) for one it left pending because its
    own base's note left it out or because it could not tell whether its base held it: that doubt is
    carried on, with its reason. An official LBK's notes are keyed by their scopes (`_Covering`)."""
    out: dict = {}
    rec = base.consolidation
    if rec is None:
        for aid, scope in editor_notes(base).excluded.items():
            for x in scope:
                out[(aid, x)] = ("note", "")
        return _Covering(out)
    for s in rec.not_executed:
        out[(s.act, s.nummer)] = ("record", "")
    for s in rec.pending:
        doubt = "ikke er indarbejdet" in s.reason or "vides ikke, om" in s.reason
        out[(s.act, s.nummer)] = ("note", s.reason) if doubt else ("record", "")
    return out


class _Covering(dict):
    """_left_out of an official LBK: keyed by its notes' scopes (None: the whole act; ("1", None): a §;
    ("1", "31"): a nummer); looked up by (act id, "§ 1, nr. 31")."""

    def get(self, key, default=None):
        aid, cite = key
        m = re.fullmatch(r"§ (.+?), nr\. (.+)", cite)
        p, nr = (m.group(1), m.group(2)) if m else (cite, None)
        for k in ((aid, None), (aid, (p, None)), (aid, (p, nr))):
            if dict.__contains__(self, k):
                return dict.__getitem__(self, k)
        return default


def _refusal(n: Nummer, why: str) -> ConsolidateError:
    return ConsolidateError(f"{n.act.path}: {n.act.source}, {n.cite}: kan ikke udføres: {why}",
                            hint="ret ændringsfilen, udelad loven, eller brug --partial for at gemme versionen "
                                 "uden dette nummer")


def _execute(law: str, act: Act, numre: list[Nummer], partial: bool, skipped: list[tuple[Nummer, str]],
             cite_base: Act | None = None):
    """One engine run over `numre` (of one act); returns the LawResult and the numre executed.
    `cite_base`: the law as the act cites it, where acts passed after it ran first (cited_version)."""
    from .engine import _Applier

    todo = [n for n in numre if not n.unreadable]
    while True:
        applier = _Applier(law, act, cite_base)
        applier.register([c for n in todo for c in n.changes])
        failed = None
        try:
            for n in todo:
                failed = n
                for c in n.changes:
                    applier.apply(c)
                check = getattr(applier, "check_rykning", None)
                if check is not None and n.changes:  # the nummer's own rykningsklausul too (as apply_proposal)
                    ryk = n.data.get("rykning") if isinstance(n.data, dict) else None
                    check(n.changes, str(ryk) if ryk else None)
            open_ = getattr(applier, "ryk_open", {})
            if open_:  # a rykningsklausul left units unnamed that no later nummer moved: that nummer
                change = next(iter(open_.values()))[0]
                failed = next(n for n in todo if any(x is change for x in n.changes))
                raise applier.open_rykning()[0]
            failed = None
            lr = applier.finish()
            dup = _duplicate_sections(act, lr.new)
            if dup:  # never a law with two § 1019: the nummer that wrote the second is refused
                failed = _writer_of(lr, dup, todo)
                if failed is None:
                    raise ConsolidateError(f"{numre[0].act.source}: kan ikke udføres: § {dup} ville stå to gange "
                                           "i loven", hint="ret ændringsfilen eller udelad loven")
                raise LawdiffError(f"efter nummeret ville § {dup} stå to gange i loven (den nye og den gamle "
                                   "tekst; står de gamle §§ uden for kapitlet, som nummeret nyaffatter?)")
            return lr, todo
        except LawdiffError as e:
            why = e.message + (f" ({e.hint})" if getattr(e, "hint", None) else "")
            if failed is not None and why.startswith(failed.cite):
                why = why[len(failed.cite):].lstrip(" ,:")
            if failed is None:  # finishing failed: not attributable to one nummer
                raise ConsolidateError(f"{numre[0].act.source}: kan ikke udføres: {why}") from None
            if not partial:
                raise _refusal(failed, why) from None
            skipped.append((failed, why))
            todo = [n for n in todo if n is not failed]


def cited_version(steps, k: int, before: list[Act]) -> Act | None:
    """The law as the act of step k cites it, when that differs from the text it runs on: the version
    before the first of the steps run before it whose acts were passed after it (a later act date, and not
    cited by it "som ændret ved") — lov 154/2012 (passed 28/2/2012, in force 5/3/2012) runs before lov
    1539/2010, § 1, nr. 4-10 (passed 21/12/2010, in force 2/7/2012), whose addresses cite sygedagpengeloven
    without 154's new § 25, stk. 2. Only when every step from that one on was passed after it (the
    version then exists: `before[j]`, the text before step j); otherwise None, and the act's addresses
    are read in the text it runs on, as before (the engine refuses what it cannot find there)."""
    date, act, _ = steps[k]
    later = [i for i in range(k) if steps[i][1].id != act.id and steps[i][1].date > act.date
             and steps[i][1].id not in act.cites_after]
    if not later:
        return None
    j = later[0]
    if later != list(range(j, k)):
        return None
    return before[j]


def _shape(act: Act) -> list:
    return [(u.kind, u.num, [norm(x) for x in u.own_lines()]) for u in act.walk()]


def _check_parts(law: str, current: Act, p: "Plan", k: int) -> None:
    """The act of step k runs in parts (plan(): its numre enter into force on different dates, another
    act's numre between them). The parts are kept only when, run one after the other on the law as it
    stands before the act, they give the same text as the act's numre in one run (the later part's
    addresses cite the law before the act: R3); else the act runs whole at its earliest date, as an
    editor would have to decide, and a warning says so. Either way a warning names the act and the act
    between its parts, so that the result is compared with the official text."""
    act = p.steps[k][1]
    parts = [(i, st) for i, st in enumerate(p.steps) if st[1].id == act.id]
    between = list(dict.fromkeys(st[1].source for i, st in enumerate(p.steps)
                                 if parts[0][0] < i < parts[-1][0] and st[1].id != act.id))
    every = [n for _, st in parts for n in st[2]]
    dates = "; ".join(f"{st[0]}: {', '.join(n.cite for n in st[2])}" for _, st in parts)
    try:
        whole, _ = _execute(law, current, every, True, [])
        seq = current
        for _, st in parts:
            seq = _execute(law, seq, st[2], True, [])[0].new
        same = _shape(whole.new) == _shape(seq)
    except LawdiffError:  # a part that cannot even be finished on its own: the act runs whole, as before
        same = False
    if same:
        # does the order matter at all? the span run in order (the parts, the other acts between) and
        # with the act whole first: the same text means only the dates of the versions between differ
        in_order, first_whole = current, whole.new
        try:
            for st in p.steps[parts[0][0]:parts[-1][0] + 1]:
                in_order = _execute(law, in_order, st[2], True, [])[0].new
                if st[1].id != act.id:
                    first_whole = _execute(law, first_whole, st[2], True, [])[0].new
            order_matters = _shape(in_order) != _shape(first_whole)
        except LawdiffError:
            order_matters = True
        differs = "" if not order_matters else \
            (" — teksten bliver en anden, end hvis loven var udført samlet først (de andre love kan citere "
             "loven som ændret ved den)")
        p.warnings.append(f"advarsel: {act.source} udføres i dele efter numrenes ikrafttræden ({dates}) med "
                          f"{' og '.join(between)} imellem{differs}; sammenlign med den officielle tekst")
        return
    for i, _ in reversed(parts[1:]):
        del p.steps[i]
    p.steps[k] = (parts[0][1][0], act, every)
    p.warnings.append(f"advarsel: {act.source}s numre træder i kraft på forskellige dage ({dates}) med "
                      f"{' og '.join(between)} imellem, men delene giver ikke samme tekst som loven udført samlet; "
                      f"loven er udført samlet den {parts[0][1][0]}: sammenlign med den officielle tekst")


def same_place_warnings(steps, skipped: set) -> list[str]:
    """Where the order of two acts decides the text and the acts do not say it: numre of different acts
    of one consolidation that insert new words at the same words of the same address ("I § 12, stk. 3,
    indsættes efter »borgerlige sager«: …" in lov 1387/2012 and lov 429/2013), or that rewrite the same
    unit (affattes) on the same date. The result follows the order consolidate chose (entry into force,
    then the act's date; see plan()); a drafter or editor must compare with the official text. One
    warning per place, naming both acts' numre."""
    seen: dict[tuple, list[tuple[str, str]]] = {}
    for date, act, numre in steps:
        for n in numre:
            if (n.act.id, n.cite) in skipped:
                continue
            for c in n.data.get("ændringer") or [] if isinstance(n.data, dict) else []:
                if not isinstance(c, dict) or not isinstance(c.get("i") or c.get("affattes"), str):
                    continue
                for side in ("efter", "før"):
                    if isinstance(c.get(f"indsættes_{side}"), str):
                        key = ("indsættes", norm(c["i"]), side, norm(c[f"indsættes_{side}"]))
                        seen.setdefault(key, []).append((act.id, n.attribution))
                if isinstance(c.get("affattes"), str):
                    seen.setdefault(("affattes", norm(c["affattes"]), date), []).append((act.id, n.attribution))
    out = []
    for key, who in seen.items():
        acts = list(dict.fromkeys(a for a, _ in who))
        if len(acts) < 2:
            continue
        names = " og ".join(dict.fromkeys(w for _, w in who))
        if key[0] == "indsættes":
            out.append(f"advarsel: {names} indsætter begge tekst {key[2]} »{key[3]}« i {key[1]}; lawdiff har udført "
                       f"dem i denne rækkefølge (ikrafttræden, »som ændret ved«, lovenes dato); ingen af lovene siger, hvilken "
                       f"tekst der skal stå først: sammenlign med den officielle tekst")
        else:
            out.append(f"advarsel: {names} nyaffatter begge {key[1]} med virkning fra {key[2]}; den sidste i rækkefølgen "
                       f"(lovenes dato) står i loven: sammenlign med den officielle tekst")
    return out


def _section_counts(act: Act) -> dict[str, int]:
    from .address import canonical_num

    out: dict[str, int] = {}
    for sec in act.sections():
        if sec.num:
            n = canonical_num(sec.num)
            out[n] = out.get(n, 0) + 1
    return out


def _duplicate_sections(before: Act, after: Act) -> str | None:
    """A § number that an engine run made appear twice (one that was already twice is the source's)."""
    had = _section_counts(before)
    return next((n for n, k in _section_counts(after).items() if k > 1 and k > had.get(n, 0)), None)


def _writer_of(lr, num: str, todo: list[Nummer]) -> Nummer | None:
    """The nummer whose inserted or rewritten unit holds a § numbered `num`."""
    from .address import canonical_num

    by_change = {id(c): n for n in todo for c in n.changes}
    for table in (lr.inserted, lr.rewritten):
        for wid, c in table.items():
            if id(c) not in by_change:
                continue
            inside = _subtree(lr.new, {wid})
            if any(sec.wid in inside and sec.num and canonical_num(sec.num) == num for sec in lr.new.sections()):
                return by_change[id(c)]
    return None


def _stable_new_wids(base: Act, new: Act, act: AmendingAct) -> dict[str, str]:
    """Give the units an engine run created a stable id that no later run can repeat (the engine
    numbers new units per run: "new1_2_1"): "lov-2017-9001_1" (act, then a counter)."""
    have = {u.wid for u in base.walk()}
    rename: dict[str, str] = {}
    k = 0
    for u in new.walk():
        if u.wid in have:
            continue
        k += 1
        while f"{act.id}_{k}" in have:
            k += 1
        rename[u.wid] = f"{act.id}_{k}"
        u.wid = rename[u.wid]
    return rename


def _subtree(act: Act, wids: set[str]) -> set[str]:
    out = set()

    def visit(u, inside):
        here = inside or u.wid in wids
        if here:
            out.add(u.wid)
        for c in u.children:
            visit(c, here)

    for u in act.body:
        visit(u, False)
    return out


def consolidate(store, law: str, at: str, include: list | None = None, partial: bool = False,
                root: Path | None = None) -> tuple[Act, Plan]:
    """The consolidated act (not yet saved) and the plan it followed. `include` holds --include specs
    ("lov-2012-1380", "lov-2012-1380:§ 1, nr. 1-3") or Include objects. Raises ConsolidateError."""
    # the engine copies the whole act per act applied and builds hundreds of thousands of objects
    # that live until the run ends: the cyclic collector scanned them again and again (a third of
    # the CPU of consolidating the 120 chains, benchmarks/bench_history.py); paused while this runs
    with gc_paused():
        return _consolidate(store, law, at, include, partial, root)


def _consolidate(store, law: str, at: str, include: list | None, partial: bool,
                 root: Path | None) -> tuple[Act, Plan]:
    from .annexdiff import anchor, target_wid

    root = Path(root or store.root)
    p = plan(store, law, at, list(include or []), root)
    if p.refused and not partial:
        n, why = p.refused[0]
        raise _refusal(n, why)
    base = p.base
    prev = base.consolidation
    changed_by: dict[str, str] = dict(prev.changed_by) if prev is not None else {}
    skipped: list[tuple[Nummer, str]] = list(p.refused)
    applied: dict[str, Applied] = {}
    current = base
    runs = Counter(st[1].id for st in p.steps)
    before: list[Act] = []  # the text before each step
    k = 0
    while k < len(p.steps):
        before.append(current)
        date, act, numre = p.steps[k]
        k += 1
        cite_base = None
        if runs[act.id] > 1:  # an act in parts, another act's numre between them: checked once, here
            _check_parts(law, current, p, k - 1)
            runs[act.id] = 1
            date, act, numre = p.steps[k - 1]
        elif runs[act.id] == 1:
            cite_base = cited_version(p.steps, k - 1, before)
        lr, done = _execute(law, current, numre, partial, skipped, cite_base)
        p.warnings.extend(lr.warnings)
        by_change = {id(c): n for n in done for c in n.changes}
        by_ref = {(n.paragraf, n.nummer): n for n in done}

        def nummer_of(c) -> Nummer | None:
            """The nummer of a change, also of one the engine derived from it (a citation of several
            addresses, "overskriften før § 16 og § 16 ophæves, og i stedet indsættes:", runs as one
            change per address: a copy that keeps the change's paragraf and nummer, not its
            attribution; lov 638/2013, § 1, nr. 6)."""
            n = by_change.get(id(c))
            if n is None:
                n = by_ref.get((str(getattr(c, "paragraf", "")), str(getattr(c, "nummer", ""))))
            return n

        rename = _stable_new_wids(current, lr.new, act)
        for wid in lr.removed:
            changed_by.pop(wid, None)
        touched_now = set()
        for wid, changes in lr.touched.items():
            if not changes:
                continue
            n = nummer_of(changes[-1])
            if n is not None:
                changed_by[rename.get(wid, wid)] = n.attribution
                touched_now.add(rename.get(wid, wid))
        new_wids: dict[str, Nummer] = {}
        for table in (lr.inserted, lr.rewritten):
            for wid, c in table.items():
                if nummer_of(c) is not None:
                    new_wids[rename.get(wid, wid)] = nummer_of(c)
        inserted = {rename.get(w, w) for w in lr.inserted}
        for pl in getattr(lr, "placements", []):  # the units a change inserted in place of others
            n = nummer_of(pl.change)
            for w in pl.new_wids if n is not None else []:
                new_wids.setdefault(rename.get(w, w), n)
                inserted.add(rename.get(w, w))
        for pl in getattr(lr, "placements", []):  # an annex: recorded under its id (annexdiff.anchor)
            n = nummer_of(pl.change) if pl.what == "annex" else None
            for t in pl.targets if n is not None else []:
                changed_by[target_wid(t)] = n.attribution
        had = {u.wid: (u.num, list(u.own_lines())) for u in current.walk()}
        now = {u.wid: u for u in lr.new.walk()}
        for wid, n in new_wids.items():
            for w in _subtree(lr.new, {wid}):
                if w != wid and wid in inserted and w not in new_wids and w in had and \
                        (w in touched_now or had[w] == (now[w].num, list(now[w].own_lines()))):
                    # a unit that was there before and that the new one now holds (§ 71 under the
                    # mellemrubrik lov 1380/2012, § 1, nr. 41 inserted before § 70 b): it keeps the act
                    # and nummer that last changed it (unchanged, or a nummer that changed its words)
                    continue
                changed_by[w] = n.attribution
        a = applied.setdefault(act.id, Applied(act.id, act.source, act.date, act.title))
        a.numre += [n.cite for n in done]
        current = lr.new
    p.warnings.extend(same_place_warnings(p.steps, {(n.act.id, n.cite) for n, _ in skipped}))
    for a in applied.values():  # in the act's own order (an act run in parts executed them by date)
        order = {n.cite: i for st in p.steps if st[1].id == a.act for i, n in enumerate(st[1].numre)}
        a.numre.sort(key=lambda c: order.get(c, len(order)))
    live = {u.wid for u in current.walk()} | {anchor(a) for a in current.annexes}
    rec = Record(base.key, base.source,
                 applied=[a for a in applied.values() if a.numre],
                 pending=p.pending,
                 not_executed=[Skipped(n.act.id, n.cite, why) for n, why in skipped],
                 changed_by={w: by for w, by in sorted(changed_by.items()) if w in live})
    out = copy.copy(current)
    out.__dict__.pop("_section_index", None)
    out.date = at
    base_source = prev.base_source if prev is not None else base.source
    if prev is not None:  # a consolidation of a consolidation names the official base and every act since
        rec.base_source = base_source
        merged = [copy.deepcopy(a) for a in prev.applied]
        for a in rec.applied:
            same = next((m for m in merged if m.act == a.act), None)
            if same is None:
                merged.append(a)
            else:
                same.numre += [n for n in a.numre if n not in same.numre]
        rec.applied = merged  # the source names every act since the official base; `base` stays the direct one
    out.source = base_source + rec.source_suffix
    out.consolidation = rec
    return out, p


def save(store, act: Act) -> Path:
    path = store.path(act.law, act.date)
    if path.exists():
        old = store.load(act.key)
        if old.consolidation is None:
            raise ConsolidateError(f"{act.key} findes allerede som officiel version ({old.source})",
                                   hint="vælg en anden dato med --at")
    return store.save(act)
