"""The record a consolidated version keeps of how it was made (issue 9).

Stored in the Akoma Ntoso file under `<meta><proprietary source="#lawdiff">` as
`<lawdiff:consolidation>` (AKN allows any namespaced content there, so the file still
validates against the OASIS XSD):

    <lawdiff:consolidation base="lab@2015-07-01" baseSource="LBK nr. 807 af 01/07/2015">
      <lawdiff:applied act="lov-2016-1749" source="lov nr. 1749 af 27/12/2016"
                       title="…" date="2016-12-27" numre="§ 1, nr. 1; § 1, nr. 2"/>
      <lawdiff:pending act="…" nummer="§ 1, nr. 3" reason="…"/>
      <lawdiff:notExecuted act="…" nummer="§ 1, nr. 9" reason="…"/>
      <lawdiff:changed wId="sec_68a__subsec_1" by="lov nr. 1380 af 23/12/2012, § 1, nr. 53"/>
    </lawdiff:consolidation>

`changed` gives, per unit (by its stable wId), the act and nummer that last changed it —
in this consolidation or, carried over, in the consolidation it was built on.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Applied:
    act: str  # amendment file id: "lov-2016-1749"
    source: str  # "lov nr. 1749 af 27/12/2016"
    date: str = ""  # the act's date (ISO)
    title: str = ""
    numre: list[str] = field(default_factory=list)  # "§ 1, nr. 3" (the act's ændringsparagraf and nummer)


@dataclass
class Skipped:
    act: str
    nummer: str  # "§ 1, nr. 3"
    reason: str  # Danish, for the reader


@dataclass
class Record:
    base: str  # "lab@2015-07-01"
    base_source: str  # "LBK nr. 807 af 01/07/2015"
    applied: list[Applied] = field(default_factory=list)
    pending: list[Skipped] = field(default_factory=list)  # not executed for want of a certain date: a minister sets it, the day of publication, a rule with two readings, the base's note (each with its reason)
    not_executed: list[Skipped] = field(default_factory=list)  # --partial: numre that could not be executed
    changed_by: dict[str, str] = field(default_factory=dict)  # wid -> "lov nr. …, § 1, nr. 53"

    def write(self, parent, ns: str) -> None:
        from lxml import etree

        e = etree.SubElement(parent, ns + "consolidation", base=self.base, baseSource=self.base_source)
        for a in self.applied:
            etree.SubElement(e, ns + "applied", act=a.act, source=a.source, date=a.date, title=a.title,
                             numre="; ".join(a.numre))
        for tag, items in (("pending", self.pending), ("notExecuted", self.not_executed)):
            for s in items:
                etree.SubElement(e, ns + tag, act=s.act, nummer=s.nummer, reason=s.reason)
        for wid, by in self.changed_by.items():
            etree.SubElement(e, ns + "changed", wId=wid, by=by)

    @classmethod
    def read(cls, e, ns: str) -> "Record":
        r = cls(e.get("base", ""), e.get("baseSource", ""))
        for a in e.findall(ns + "applied"):
            numre = [x for x in (a.get("numre") or "").split("; ") if x]
            r.applied.append(Applied(a.get("act", ""), a.get("source", ""), a.get("date", ""), a.get("title", ""),
                                     numre))
        r.pending = [Skipped(s.get("act", ""), s.get("nummer", ""), s.get("reason", ""))
                     for s in e.findall(ns + "pending")]
        r.not_executed = [Skipped(s.get("act", ""), s.get("nummer", ""), s.get("reason", ""))
                          for s in e.findall(ns + "notExecuted")]
        r.changed_by = {c.get("wId", ""): c.get("by", "") for c in e.findall(ns + "changed")}
        return r

    @property
    def source_suffix(self) -> str:
        """" med ændringer ifølge lov nr. 1749 af 27/12/2016 og lov nr. …" ("" when nothing applied)."""
        names = [a.source for a in self.applied]
        if not names:
            return ""
        return " med ændringer ifølge " + (", ".join(names[:-1]) + " og " + names[-1] if len(names) > 1
                                            else names[0])
