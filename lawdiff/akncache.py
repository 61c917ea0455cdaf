"""A cache of read act versions: `.lawdiff-cache/akn/<key>.pickle` under the project root.

Reading a stored version (akn.from_bytes: parse, check every name, build the model) takes ~35 ms
for LAB; `lawdiff diff` reads two, `lawdiff build` all of them, every time. The cache holds the
model as akn.from_bytes built it, keyed by the file's bytes together with the
sha256 of the source of every module that decides what from_bytes builds (akn, model, record,
labels, names, text, xmlsafe, this one): a changed file or a changed reader is a different key,
so a stale entry is never used. Only a version that from_bytes read without error is written, so
an entry stands for bytes that passed every check.

Beside each model, `lawdiff diff` keeps the version's outline (`<key>.outline`, outline.py: per §
a digest and its data as plain values, so that a diff reads only the §§ that differ), holding the
file's bytes and the source of the modules that build it (the reader's, outline.py and diff.py),
used only where both are equal to the file's and the code's (compared, not hashed: `outline`),
and checksummed. Reading an outline imports neither the model nor pickle (`lawdiff diff`'s start).

Every entry is named by a MAC under the project's cache secret (cachekey.py) — of those inputs
for a model, of the file's path and size and of its code's CRC-32 for an outline — not by public
hashes: an entry planted in a shared repository cannot be named, so it is never
read. Without a usable secret (a read-only disk) there is no cache.

Entries are written atomically (a temporary file and a rename) and read with an unpickler that
builds only the model's own classes (no other class or function can be named by an entry). Any
problem with the cache — a folder that cannot be written, an entry that cannot be read — means
reading the file as if there were no cache; the cache never causes an error of its own.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from .cachekey import CACHE
from .gcpause import gc_paused
from .paths import read_regular

if TYPE_CHECKING:
    from .model import Act

FOLDER = Path(CACHE) / "akn"  # its .gitignore: cachekey.secret
_MAX_ENTRY = 1 << 30  # bytes: far above any act's entry (LAB: a few MB), a bound on a planted file
# the modules whose code decides the model akn.from_bytes builds from a file's bytes
_READER = ("akn.py", "model.py", "record.py", "labels.py", "names.py", "text.py", "xmlsafe.py", "akncache.py")
# and those that decide the outline built from that model (outline.py; diff.py's fingerprint)
_OUTLINER = _READER + ("outline.py", "diff.py")
_code_digests: dict[tuple, str] = {}  # modules -> digest


def _code(modules: tuple[str, ...] = _READER) -> str:
    """The digest of the source of `modules` and of the entry's format: SHA-256 and pickle's format
    (the model's entry; an outline entry holds its code's source instead: _sources)."""
    d = _code_digests.get(modules)
    if d is None:
        import pickle
        from hashlib import sha256

        h = sha256(pickle.format_version.encode())
        here = Path(__file__).resolve().parent
        for name in modules:
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
        d = _code_digests[modules] = h.hexdigest()
    return d


_sources_memo: dict[tuple, bytes] = {}  # modules -> _sources


def _sources(modules: tuple[str, ...]) -> bytes:
    """The source of `modules` (each with its name and length) and marshal's format: what an outline
    entry holds and must equal (outline), compared instead of hashed."""
    s = _sources_memo.get(modules)
    if s is None:
        import marshal

        here = Path(__file__).resolve().parent
        parts = [f"marshal {marshal.version}\0".encode()]
        for name in modules:
            src = (here / name).read_bytes()
            parts.append(f"{name}\0{len(src)}\0".encode() + src)
        s = _sources_memo[modules] = b"".join(parts)
    return s


_CLASSES: dict[tuple[str, str], type] = {}  # what find_class allowed, for the next look-up
_UNPICKLER: list = []  # the class, made on first use: reading an outline needs no pickle


def _unpickler() -> type:
    """pickle.Unpickler that builds the model's classes and nothing else."""
    if not _UNPICKLER:
        import pickle

        class _Unpickler(pickle.Unpickler):
            def find_class(self, module: str, name: str):
                cls = _CLASSES.get((module, name))
                if cls is not None:
                    return cls
                if module in ("lawdiff.model", "lawdiff.record") and not name.startswith("_"):
                    import importlib

                    cls = getattr(importlib.import_module(module), name, None)
                    if isinstance(cls, type):
                        _CLASSES[module, name] = cls
                        return cls
                raise pickle.UnpicklingError(f"{module}.{name} er ikke tilladt i cachen")

        _UNPICKLER.append(_Unpickler)
    return _UNPICKLER[0]


def load(root: Path, data: bytes, path: str) -> Act:
    """akn.from_bytes(data, path), from the cache under `root` when it holds this file as this
    code reads it; else read, and cached for the next time."""
    from .cachekey import name, secret

    try:
        key = secret(root)
        if key is None:  # no usable cache secret (a read-only disk …): no cache
            return _read(data, path)
        entry = Path(root) / FOLDER / (name(key, data, _code().encode()) + ".pickle")
    except OSError:
        return _read(data, path)
    try:
        # a regular file inside root only: never an entry that is a link out of the project
        blob = read_regular(entry, _MAX_ENTRY, inside=Path(root))
        from .model import Act

        with gc_paused():
            act = _unpickler()(io.BytesIO(blob)).load()
        if isinstance(act, Act):
            return act
    except Exception:  # no entry, or one that cannot be used: read the file
        pass
    act = _read(data, path)  # raises on a bad file: nothing is cached for it
    _write(entry, act)
    return act


def outline(root: Path, data: bytes, path: str):
    """The outline of akn.from_bytes(data, path) (outline.py: what `lawdiff diff` reads), from the
    cache under `root` when it holds this file's outline as this code builds it; else built from
    the model (`load`: the cached model or the file) and cached. The entry holds the file's bytes
    and the source of the code that builds the outline, and is used only when both equal this
    file's and this code's, byte for byte (never a stale entry, whatever a file's dates say; and
    comparing is ~50x cheaper than hashing them, which was 7 % of a warm `lawdiff diff`). It is
    named by a MAC of the file's path and size and of the CRC-32 of that code (cachekey.name: no
    entry can be planted), so the newest outline of each file and code is kept. A miss returns the
    outline read back from the bytes it wrote, so a first and a later diff take the same path."""
    import zlib

    from . import outline as ol
    from .cachekey import name, secret

    try:
        key = secret(root)
        if key is None:  # no usable cache secret: build it, as without a cache
            return ol.loads(ol.dumps(_read(data, path)))
        code = _sources(_OUTLINER)
        entry = Path(root) / FOLDER / (name(key, b"outline", path.encode("utf-8", "surrogateescape"),
                                            len(data).to_bytes(8, "big"), zlib.crc32(code).to_bytes(4, "big"))
                                       + ".outline")
    except OSError:
        return ol.loads(ol.dumps(_read(data, path)))
    try:
        return ol.loads(read_regular(entry, _MAX_ENTRY, inside=Path(root)), data, code)
    except Exception:  # no entry, one that cannot be used, or another file's or code's: build it
        pass
    blob = ol.dumps(load(root, data, path), data, code)  # raises on a bad file: nothing is cached for it
    _write_bytes(entry, blob)
    return ol.loads(blob, data, code)


def _read(data: bytes, path: str) -> Act:
    from . import akn  # only here: a cached version needs no lxml

    return akn.from_bytes(data, path)


def _write(entry: Path, act: Act) -> None:
    import pickle

    _write_bytes(entry, pickle.dumps(act, protocol=pickle.HIGHEST_PROTOCOL))


def _write_bytes(entry: Path, blob: bytes) -> None:
    from .store import atomic_write  # the store's atomic write: same folder, rename, the umask's mode

    try:
        for d in (entry.parent.parent, entry.parent):  # never through a symbolic link
            if d.is_symlink():
                return
        atomic_write(entry, blob)
    except Exception:  # a read-only or full disk: no cache, no error
        pass
