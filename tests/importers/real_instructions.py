"""Real ændringsdefinitioner from outside the corpus (issue 8): each sentence fed to the importer's
own reader of one nummer, and the nummer printed back from what it read.

The sentences are the lists in tests/fixtures/real-instructions/ (README.md there names the source):
one line each, "YYYY-NNN; <the intro sentence of one nummer>". A sentence that ends in ":" stood
before a new text the lists leave out; a neutral one-line text (PLACEHOLDER) stands in for it, and
the round trip compares the sentence only. A rykningsklausul after the sentence ("… ophæves. Stk. 4
bliver herefter stk. 2.") is given as the nummer's <Rykningsklausul>; a line that is a rykningsklausul
alone is read by changes/rykning.py.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from lawdiff.changes import rykning
from lawdiff.changes.common import Unreadable
from lawdiff.importers.amending import read_nummer
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "real-instructions"
PLACEHOLDER = "Ny tekst."

# "… ophæves. Stk. 4 bliver herefter stk. 2." : the sentence, then the clause (no quote in it)
_WITH_RYK = re.compile(r"^(.+?[.«:]) ((?:Stk\.|Nr\.|Litra|Bilag) [^»«]*? bliver herefter [^»«]*)$")
_RYK_SPLIT = re.compile(r"(?<=\.) (?=(?:Stk|Nr|Litra|Bilag)\b)")  # as render/instructions.nummer_lines


@dataclass
class Outcome:
    act: str          # "2010-1361"
    sentence: str
    status: str       # identical | repaired (a warned typo, printed repaired) | differs | refused | crash | damaged
    detail: str = ""  # the refusal's reason, the printed text, or the exception


def load(year: int) -> list[tuple[str, str]]:
    with gzip.open(FIXTURES / f"{year}.txt.gz", "rt", encoding="utf-8") as fh:
        out = []
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                act, _, sentence = line.partition("; ")
                out.append((act, sentence))
        return out


def _char(text: str) -> str:
    return f"<Exitus><Linea><Char>{escape(text)}</Char></Linea></Exitus>"


def nummer_xml(instruction: str, ryk: str | None) -> etree._Element:
    """One <AendringsNummer> as LexDania marks one up: the instruction, the new text after a colon,
    and the rykningsklausul."""
    ny = _char(PLACEHOLDER) if instruction.endswith(":") else ""
    xml = (f"<AendringsNummer><Explicatus>1.</Explicatus><Aendring><AendringDefinition>{_char(instruction)}"
           f"</AendringDefinition><AendringAktion><AendringNyTekst>{ny}</AendringNyTekst></AendringAktion></Aendring>"
           + (f"<Rykningsklausul>{_char(ryk)}</Rykningsklausul>" if ryk else "") + "</AendringsNummer>")
    return etree.fromstring(xml)


# The lists' own extraction errors (their authors took the text from the XML): a space before a full stop
# or comma outside »…« ("5. pkt . ,", "ophæves .", "nr. 12 ,", "1 . og 2. pkt."), a placeholder
# "(Udelades)" for an omitted nummer, an empty line. No act prints them; such a line is not evidence of
# a form lawdiff should read ("source line damaged").
_DAMAGE = re.compile(r"(?:\w|\.) [.,:]|^\(Udelades\)$|^$")


def damaged(sentence: str) -> bool:
    outside = re.sub(r"»[^«]*«", "»«", sentence)
    return _DAMAGE.search(outside.strip()) is not None


def classify(act: str, sentence: str) -> Outcome:
    s = unicodedata.normalize("NFC", norm(sentence))
    if damaged(s):
        return Outcome(act, sentence, "damaged")
    d = rykning.read(s)
    if d is not None:  # a rykningsklausul alone
        printed = rykning.format(d)
        return Outcome(act, sentence, "identical" if printed == s else "differs", printed)
    m = _WITH_RYK.match(s)
    instruction, ryk = s, None
    if m and all(rykning.read(r) for r in _RYK_SPLIT.split(m.group(2))):
        instruction, ryk = m.group(1), m.group(2)
    warnings: list[str] = []
    try:
        entry = read_nummer(nummer_xml(instruction, ryk), warnings)
    except Unreadable as e:
        return Outcome(act, sentence, "refused", str(e))
    except Exception as e:  # noqa: BLE001 - a crash is what this counts
        return Outcome(act, sentence, "crash", f"{type(e).__name__}: {e}")
    want = "1. " + instruction + (f" »{PLACEHOLDER}«" if instruction.endswith(":") else "") + (f" {ryk}" if ryk else "")
    try:
        printed = unicodedata.normalize("NFC", norm(" ".join(nummer_lines(entry))))
    except Exception as e:  # noqa: BLE001
        return Outcome(act, sentence, "crash", f"printing: {type(e).__name__}: {e}")
    if printed == want:
        return Outcome(act, sentence, "identical", printed)
    if warnings:  # a typo of the source repaired and warned about, printed repaired
        return Outcome(act, sentence, "repaired", printed + " (" + "; ".join(warnings) + ")")
    return Outcome(act, sentence, "differs", printed)


def in_corpus(act: str, corpus: Path) -> bool:
    """Whether the act of "YYYY-NNN" is one of the corpus's documents (its file name is year-number)."""
    year = act.split("-", 1)[0]
    return (corpus / year / f"{act}.xml").is_file()
