"""The cache's secret: entries in `.lawdiff-cache/` are named by a MAC that only this machine can compute.

The caches (akncache.py: read act versions and their outlines; render/publish.py: PDFs) hold
what lawdiff shows as law, so an entry must never come from anyone else. Named by public values
(the sha256 of a statute file and of lawdiff's source), an entry could be planted in a shared
repository (force-added past the cache's .gitignore) and would make `show`, `diff`, `build` and
`serve` print a text the statute file does not hold. Entries are therefore named by a keyed
BLAKE2b whose key is a random secret made here, on first use, in `.lawdiff-cache/key`:

- made with 32 random bytes by lawdiff itself (paths.atomic_file: a temporary file, then a rename), mode 0600 — it
  is a secret, so the umask's wider mode is deliberately not used;
- trusted only if it is a regular file (never a link), with one name, owned by the user running
  lawdiff, unreadable to group and others, and recording its own inode number: a file that came
  with a clone or a copy of the project (git, cp, rsync, unzip make a new inode) is not the file
  lawdiff made, and is replaced by a new key, which leaves every older entry unreachable.

Without a usable key (a read-only disk, a folder that is a link) there is no cache: `secret`
returns None and callers read the files themselves. The cache never causes an error of its own.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

try:  # CPython's own BLAKE2 (importing hashlib loads OpenSSL: ~3 ms of `lawdiff diff`)
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

CACHE = ".lawdiff-cache"
_KEY = "key"
_SIZE = 32  # bytes of secret; then 8 bytes: the key file's own inode number
_memo: dict[str, bytes | None] = {}


def secret(root: Path | str) -> bytes | None:
    """The cache secret of the project at `root` (made on first use), or None: no cache."""
    folder = os.path.join(os.fspath(root), CACHE)
    if folder not in _memo:
        key = _memo[folder] = _read(folder) or _make(folder)
        if key is not None:
            _ignore(folder)
    return _memo[folder]


def _ignore(folder: str) -> None:
    """`.lawdiff-cache/.gitignore` ("*"): the cache is never committed (every cache's one place)."""
    gitignore = os.path.join(folder, ".gitignore")
    if not os.path.lexists(gitignore):
        try:
            fd = os.open(gitignore, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask's mode
            with os.fdopen(fd, "w") as f:
                f.write("*\n")
        except OSError:  # a read-only disk, or made meanwhile by another process
            pass


def name(key: bytes, *parts: bytes) -> str:
    """The hex MAC of `parts` under `key` (each part's length is hashed too: no ambiguity)."""
    h = blake2b(key=key, digest_size=32)
    for p in parts:
        h.update(len(p).to_bytes(8, "big"))
        h.update(p)
    return h.hexdigest()


def _read(folder: str) -> bytes | None:
    if os.path.islink(folder):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(os.path.join(folder, _KEY), flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_nlink != 1 or st.st_mode & 0o077
                or st.st_size != _SIZE + 8 or (hasattr(os, "getuid") and st.st_uid != os.getuid())):
            return None
        blob = os.read(fd, _SIZE + 9)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(blob) != _SIZE + 8 or int.from_bytes(blob[_SIZE:], "big") != st.st_ino % (1 << 64):
        return None  # not the file lawdiff made here
    return blob[:_SIZE]


def _make(folder: str) -> bytes | None:
    from .paths import atomic_file

    try:
        if os.path.islink(folder):
            return None
        os.makedirs(folder, exist_ok=True)  # the umask's mode, as every folder lawdiff makes
        if os.path.islink(folder):
            return None
        key = os.urandom(_SIZE)
        with atomic_file(os.path.join(folder, _KEY), private=True) as f:  # mode 0600: a secret
            f.write(key + (os.fstat(f.fileno()).st_ino % (1 << 64)).to_bytes(8, "big"))  # a rename keeps the inode
        return key
    except OSError:  # a read-only or full disk: no cache (atomic_file left no temporary file)
        return None
