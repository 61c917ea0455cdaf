"""The statute store: `statutes/<law>/<YYYY-MM-DD>.xml`, one Akoma Ntoso file per act version."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError
from .paths import read_regular, write_atomic

if TYPE_CHECKING:  # annotations only: `lawdiff diff` reads outlines and never imports the model
    from .model import Act

MAX_STATUTE_BYTES = 64 * 1024 * 1024  # the largest act of the corpus is a few MB

_REF = re.compile(r"^(?P<law>[a-z0-9][a-z0-9-]*)(?:@(?P<date>\d{4}-\d\d-\d\d))?$")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and a rename.

    The file gets the mode a plain open() would give (0666 & ~umask), not mkstemp's 0600. A
    read-only or full disk is a StoreError naming the file, and leaves nothing behind."""
    is_dir = path.parent.is_dir()
    made = [] if is_dir else [d for d in (path.parent, *path.parent.parents) if not d.exists()]
    try:
        if not is_dir:  # no mkdir into an existing folder: a failing system call per file of an import
            path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)  # (leaves no temporary file behind on an error)
    except OSError as e:
        for d in made:  # the folders this call created, innermost first: leave nothing behind
            try:
                d.rmdir()
            except OSError:
                break
        raise StoreError(f"kan ikke skrive filen: {e.strerror}", file=str(path),
                         hint="kontrollér at mappen er skrivbar og at disken ikke er fuld") from None


_LAW_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def is_law(name: object) -> bool:
    """names.is_law ([a-z0-9][a-z0-9-]{0,119}), decided without importing names (its patterns are
    compiled on import: ~0.6 ms of `lawdiff diff`'s start); tests/test_store_dates.py holds the two equal."""
    if type(name) is not str:  # what names does with anything else
        from . import names

        return names.is_law(name)
    return 0 < len(name) <= 120 and name[0] != "-" and not name.strip(_LAW_CHARS)


def check_law(law: str) -> str:
    """A law's short name as given by a user or read from a file; refused unless it is safe in a path."""
    if not is_law(law):
        from . import names

        raise StoreError(f"lovens kortnavn {names.shown(str(law))} er ugyldigt",
                         hint="brug små bogstaver a-z, tal og bindestreg, fx lab eller serviceloven")
    return law


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def plain_date(value: object) -> bool:
    """True only for a date names.is_date and validate.iso_date accept ("2016-11-21": YYYY-MM-DD,
    a year 1600-2999, a day the month has), without importing validate and datetime (`lawdiff
    diff`'s start). False means "ask them": callers fall back to names.is_date or iso_date, which
    decide and word the error, so this check can only save time, never change an answer
    (tests/test_store_dates.py holds it to names.is_date)."""
    if type(value) is not str or len(value) != 10 or not value.isascii() or value[4] != "-" or value[7] != "-":
        return False
    y, m, d = value[:4], value[5:7], value[8:]
    if not (y.isdigit() and m.isdigit() and d.isdigit()):
        return False
    y, m, d = int(y), int(m), int(d)
    if not (1600 <= y <= 2999 and 1 <= m <= 12 and d >= 1):
        return False
    leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return d <= _DAYS[m - 1] + leap


def is_date(value: object) -> bool:
    """names.is_date, answered without importing validate for a plain date."""
    if plain_date(value):
        return True
    from . import names

    return names.is_date(value)


def check_date(date: str) -> str:
    if not is_date(date):
        from . import names

        raise StoreError(f"{names.shown(str(date))} er ikke en gyldig dato", hint="skriv en rigtig dato som ÅÅÅÅ-MM-DD")
    return date


def _check_key(path: Path, got: tuple[str, str], want: tuple[str, str]) -> None:
    """A stored file must hold the version its path names (law folder, date file name)."""
    if got != want:
        raise StoreError(f"filen indeholder {got[0]}@{got[1]}, ikke {want[0]}@{want[1]}", file=str(path),
                         hint=f"filen skal hedde {got[0]}/{got[1]}.xml; kør lawdiff check")


class Store:
    def __init__(self, root: str | Path = ".", cache: bool = False):
        self.root = Path(root)
        # read versions through akncache (.lawdiff-cache/akn under root): for the commands that
        # read versions to show them (diff, show, build, serve); the others write nothing but
        # what they are asked to
        self.use_cache = cache
        self.dir = self.root / "statutes"
        self._cache: dict[tuple[str, str], Act] = {}
        self._titles: dict[str, list[str]] | None = None
        self._title_of: dict[str, str] = {}  # law -> its key in `_titles` (laws left out have none)
        self._headers: dict[tuple[str, str], tuple[str, str, str]] = {}  # (title, source, popular title)
        self._names: dict[str, list[str]] | None = None  # see `names`
        self._names_of: dict[str, set[str]] = {}  # law -> its keys in `_names`
        self._lbks: dict[str, list[str]] | None = None  # see `cited_by`

    def laws(self) -> list[str]:
        if not self.dir.is_dir():
            return []
        # only folders with a valid short name: anything else is reported by `lawdiff check`
        return sorted(p.name for p in self.dir.iterdir()
                      if is_law(p.name) and p.is_dir() and any(p.glob("*.xml")))

    def versions(self, law: str) -> list[str]:
        check_law(law)
        # the names `(self.dir / law).glob("*.xml")` gives, listed by os.listdir: pathlib's glob made a
        # Path of every name, ~0.1 s of linking the corpus's amending acts (tests/test_store_versions.py)
        try:
            names = os.listdir(self.dir / law)
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return []  # as glob: no folder, or one that cannot be read, has no versions
        return sorted(stem for stem in (n[:-4] for n in names if n.endswith(".xml")) if is_date(stem))

    def path(self, law: str, date: str) -> Path:
        return self.dir / check_law(law) / f"{check_date(date)}.xml"

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
        check_date(date)
        if date not in versions:
            raise StoreError(f"{law} har ingen version af {date}",
                             hint=f"versioner: {', '.join(versions)}")
        return law, date

    def load(self, ref: str) -> Act:
        law, date = self.resolve_ref(ref)
        key = (law, date)
        if key not in self._cache:
            path = self.path(law, date)
            data = read_regular(path, MAX_STATUTE_BYTES, inside=self.dir)
            if self.use_cache:  # with the versions cached, `lawdiff diff` never loads lxml
                from . import akncache

                act = akncache.load(self.root, data, str(path))
            else:
                from . import akn

                act = akn.from_bytes(data, str(path))
            _check_key(path, (act.law, act.date), key)
            self._cache[key] = act
        return self._cache[key]

    def load_outline(self, ref: str):
        """A version as its outline (outline.py: what `lawdiff diff` reads), with the reference,
        file and checks of `load`, through the cache of read versions (akncache)."""
        from . import akncache

        law, date = self.resolve_ref(ref)
        path = self.path(law, date)
        data = read_regular(path, MAX_STATUTE_BYTES, inside=self.dir)
        act = akncache.outline(self.root, data, str(path))
        _check_key(path, (act.law, act.date), (law, date))
        return act

    def header(self, ref: str) -> tuple[str, str]:
        """(title, source) of a version, without loading the act (akn.read_header): what linking an
        amending act to the store needs. Loading ~1,000 acts for this was half of importing the
        corpus's amending acts."""
        return self._header(*self.resolve_ref(ref))

    def headers(self, law: str) -> list[tuple[str, str, str]]:
        """(date, title, source) of every version of `law`, oldest first, as `header` gives them:
        one listing of the folder for all versions (linking lists each law's versions)."""
        return [(v, *self._header(law, v)) for v in self.versions(law)]

    def _header(self, law: str, date: str) -> tuple[str, str]:
        return self._header_full(law, date)[:2]

    def _header_full(self, law: str, date: str) -> tuple[str, str, str]:
        """(title, source, popular title) of a version."""
        key = (law, date)
        if key in self._cache:
            act = self._cache[key]
            return act.title, act.source, act.popular
        if key not in self._headers:
            from . import akn

            path = self.path(law, date)
            got_law, got_date, title, source, popular = akn.read_header(
                read_regular(path, MAX_STATUTE_BYTES, inside=self.dir), str(path))
            _check_key(path, (got_law, got_date), key)
            self._headers[key] = (title, source, popular)
        return self._headers[key]

    def names(self) -> dict[str, list[str]]:
        """Every name an ændringsparagraf's intro may give a law (changes.intro.act_names of its newest
        version's title and popular title: "retsplejeloven" for "lov om rettens pleje"), lower case
        -> the laws with that name. Kept up to date by `save`, as `titles` is."""
        if self._names is None:
            self._names, self._names_of = {}, {}
            for law in self.laws():
                self._rename(law)
        return self._names

    def _rename(self, law: str) -> None:
        """Bring `law`'s entries of `names` up to date (the lists stay in `laws` order)."""
        import bisect

        from .changes.intro import act_names

        for name in self._names_of.pop(law, ()):
            laws = self._names[name]
            laws.remove(law)
            if not laws:
                del self._names[name]
        versions = self.versions(law)
        try:
            title, _source, popular = self._header_full(law, versions[-1]) if versions else ("", "", "")
        except Exception:  # as in `titles`: a broken store file is left out
            return
        got = act_names(title, popular)
        for name in got:
            bisect.insort(self._names.setdefault(name, []), law)
        self._names_of[law] = got

    def cited_by(self, source: str) -> list[str]:
        """The laws one of whose versions is the document `source` ("LBK nr. 1139 af 20/11/2013"), or was
        consolidated from it ("LBK nr. 1139 af 20/11/2013 med ændringer ifølge …"): an intro citing that
        lovbekendtgørelse amends that law. Every version's header is read once; kept up to date by `save`."""
        if self._lbks is None:
            self._lbks = {}
            for law in self.laws():
                for v in self.versions(law):
                    try:
                        self._cite(law, self._header_full(law, v)[1])
                    except Exception:  # as in `titles`: a broken store file is left out
                        continue
        return self._lbks.get(source, [])

    def _cite(self, law: str, source: str) -> None:
        base = source.split(" med ", 1)[0]
        laws = self._lbks.setdefault(base, [])
        if law not in laws:
            laws.append(law)
            laws.sort()

    def titles(self) -> dict[str, list[str]]:
        """The title of each law's newest version -> the laws with that title. A file that cannot
        be read is left out (`lawdiff check` reports it). Computed once, and kept up to date by `save`
        (`_retitle`): linking each of a thousand imported amending acts read every law of the store
        again."""
        if self._titles is None:
            titles: dict[str, list[str]] = {}
            title_of: dict[str, str] = {}
            for law in self.laws():
                try:
                    title = self.header(law)[0]
                except Exception:  # a broken store file is reported by `lawdiff check`, not here
                    continue
                titles.setdefault(title, []).append(law)
                title_of[law] = title
            self._titles = titles
            self._title_of = title_of
        return self._titles

    def save(self, act: Act, data: bytes | None = None) -> Path:
        """Write `act` (`data`: its `akn.to_bytes`, where the caller has made them already)."""
        from . import akn

        path = self.path(act.law, act.date)
        atomic_write(path, akn.to_bytes(act) if data is None else data)
        self._cache.pop((act.law, act.date), None)
        # what `header` would read back from the file just written (akn.to_bytes writes the title
        # and the source into FRBRWork; tests/test_store_header.py checks it): linking the corpus's
        # amending acts parsed every act written by the import once more for these two strings
        self._headers[(act.law, act.date)] = (act.title, act.source, act.popular)
        if self._titles is not None:
            self._retitle(act.law)
        if self._names is not None:
            self._rename(act.law)
        if self._lbks is not None:
            self._cite(act.law, act.source)
        return path

    def _retitle(self, law: str) -> None:
        """Bring `titles` up to date after a save of a version of `law`: only that law's entry can
        have changed (its newest version, or a first one). `lawdiff import lexdania` saves act
        versions and links amending acts in turn: computing `titles` again after every save read
        every law of the store once per amending act (~90,000 headers, a third of the CPU time of
        importing the corpus). Each list stays in `laws` order, as `titles` builds it."""
        import bisect

        titles = self._titles
        old = self._title_of.pop(law, None)  # (a look through every title's list cost ~0.15 s of the import)
        if old is not None:
            laws = titles[old]
            laws.remove(law)
            if not laws:
                del titles[old]
        try:
            title = self.header(law)[0]
        except Exception:  # as in `titles`: a broken store file is left out
            return
        bisect.insort(titles.setdefault(title, []), law)
        self._title_of[law] = title
