"""The statute store: `statutes/<law>/<YYYY-MM-DD>.xml`, one Akoma Ntoso file per act version."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from . import akn
from .errors import StoreError
from .model import Act

_REF = re.compile(r"^(?P<law>[a-z0-9][a-z0-9-]*)(?:@(?P<date>\d{4}-\d\d-\d\d))?$")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class Store:
    def __init__(self, root: str | Path = "."):
        self.root = Path(root)
        self.dir = self.root / "statutes"
        self._cache: dict[tuple[str, str], Act] = {}

    def laws(self) -> list[str]:
        if not self.dir.is_dir():
            return []
        return sorted(p.name for p in self.dir.iterdir() if p.is_dir() and any(p.glob("*.xml")))

    def versions(self, law: str) -> list[str]:
        return sorted(p.stem for p in (self.dir / law).glob("*.xml"))

    def path(self, law: str, date: str) -> Path:
        return self.dir / law / f"{date}.xml"

    def files(self) -> list[Path]:
        return sorted(self.dir.glob("*/*.xml")) if self.dir.is_dir() else []

    def resolve_ref(self, ref: str) -> tuple[str, str]:
        """'lab@2016-11-21' or 'lab' (the newest version) -> (law, date)."""
        m = _REF.match(ref.strip())
        if not m:
            raise StoreError(f"{ref!r} er ikke en lovhenvisning",
                             hint="skriv LOV eller LOV@ÅÅÅÅ-MM-DD, fx lab@2016-11-21")
        law, date = m.group("law"), m.group("date")
        versions = self.versions(law)
        if not versions:
            raise StoreError(f"loven {law!r} findes ikke i {self.dir}",
                             hint=f"kendte love: {', '.join(self.laws()) or 'ingen (importér først)'}")
        if date is None:
            return law, versions[-1]
        if date not in versions:
            raise StoreError(f"{law} har ingen version af {date}",
                             hint=f"versioner: {', '.join(versions)}")
        return law, date

    def load(self, ref: str) -> Act:
        law, date = self.resolve_ref(ref)
        key = (law, date)
        if key not in self._cache:
            path = self.path(law, date)
            self._cache[key] = akn.from_bytes(path.read_bytes(), str(path))
        return self._cache[key]

    def save(self, act: Act) -> Path:
        path = self.path(act.law, act.date)
        atomic_write(path, akn.to_bytes(act))
        self._cache.pop((act.law, act.date), None)
        return path
