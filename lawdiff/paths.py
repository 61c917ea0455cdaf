"""Safe file access: reading only regular files inside a given folder, with a real size cap, and
creating files and folders with the permissions the user's umask asks for.

- `read_regular` never blocks (a FIFO is opened with O_NONBLOCK and refused), never reads more
  than `max_bytes + 1` bytes (so /dev/zero or a growing file cannot exhaust memory; st_size is not
  trusted), refuses devices, sockets and folders, and with `inside=` refuses any path whose real
  location (after following symlinks) is outside that folder. Its messages never quote the
  content of the refused file.
- `relative_inside` checks a name given in a file (`bygger_på: x.yaml`): relative, no `..`, and
  inside the folder once symlinks are followed.
- `umask`, `fix_mode`: `tempfile.mkstemp`/`mkdtemp` create 0600/0700; lawdiff's output is meant
  to be shared like any other tool's, so files get 0666 & ~umask and folders 0777 & ~umask.
- `atomic_file`, `write_atomic`: lawdiff's one way of writing a file that others read (the PDF
  cache, the cache key, a Word document): a new temporary file beside it (".NAME.<12 hex digits>",
  O_EXCL, never through a link), then one rename, so the file is at every instant whole or absent
  (a crash or a full disk mid-write leaves the old file, or none, and no temporary file when the
  error can be handled). Its mode is the umask's (0666 & ~umask), or 0600 for a secret.
"""
from __future__ import annotations

import os
import re
import stat
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath

from .errors import LawdiffError


class UnsafePath(LawdiffError):
    """A path that lawdiff will not read or write (outside its place, not a regular file, too big)."""


def _within(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives
        return False


def relative_inside(folder: Path, name: str, what: str) -> Path:
    """`folder / name`, refused unless `name` is a plain relative path that stays inside `folder`."""
    if not isinstance(name, str) or not name.strip():
        raise UnsafePath(f"{what} er tom", hint="angiv filnavnet på en fil i samme mappe")
    if "\0" in name:
        raise UnsafePath(f"{what} indeholder et NUL-tegn", hint="angiv filnavnet på en fil i samme mappe")
    pure = PurePosixPath(name)
    if pure.is_absolute() or PureWindowsPath(name).is_absolute() or name.startswith("~"):
        raise UnsafePath(f"{what} {name!r} er en absolut sti; kun filer i {folder} kan bruges",
                         hint="angiv filnavnet relativt til mappen, fx andet-forslag.yaml")
    if ".." in pure.parts:
        raise UnsafePath(f"{what} {name!r} peger ud af mappen med »..«; kun filer i {folder} kan bruges",
                         hint="angiv filnavnet relativt til mappen, fx andet-forslag.yaml")
    path = folder / pure
    if not _within(os.path.realpath(path), os.path.realpath(folder)):
        raise UnsafePath(f"{what} {name!r} er et symbolsk link ud af {folder}",
                         hint="kopiér filen ind i mappen i stedet for at linke til den")
    return path


def read_regular(path: str | Path, max_bytes: int, inside: Path | None = None, what: str = "filen",
                 noun: str = "en fil") -> bytes:
    """The bytes of a regular file, at most `max_bytes` of them; anything else is refused.
    `what` names the file in messages ("forslaget"), `noun` the kind ("et forslag")."""
    p = str(path)
    if inside is not None and not _within(os.path.realpath(p), os.path.realpath(inside)):
        raise UnsafePath(f"{what} ligger uden for {inside}", file=p,
                         hint=f"lawdiff læser kun filer i {inside}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except OSError as e:
        raise UnsafePath(f"kan ikke læse {what}: {e.strerror}", file=p) from None
    try:
        st = os.fstat(fd)
        if inside is not None and not _opened_inside(fd, st, p, os.path.realpath(inside)):
            # a link put in the file's place between the check above and the open (a race)
            raise UnsafePath(f"{what} ligger uden for {inside}", file=p,
                             hint=f"lawdiff læser kun filer i {inside}")
        if not stat.S_ISREG(st.st_mode):
            kind = ("en mappe" if stat.S_ISDIR(st.st_mode) else "en FIFO" if stat.S_ISFIFO(st.st_mode)
                    else "en enhed" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                    else "en socket" if stat.S_ISSOCK(st.st_mode) else "ikke en almindelig fil")
            raise UnsafePath(f"{what} er {kind}, ikke en almindelig fil", file=p,
                             hint="angiv en almindelig fil")
        if st.st_size > max_bytes:
            raise _too_big(p, what, noun, max_bytes, st.st_size)
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise _too_big(p, what, noun, max_bytes, None)
        return b"".join(chunks)
    except OSError as e:
        raise UnsafePath(f"kan ikke læse {what}: {e.strerror}", file=p) from None
    finally:
        os.close(fd)


def _opened_inside(fd: int, st: os.stat_result, p: str, folder: str) -> bool:
    """Whether the file open at `fd` is inside `folder`: checked on the descriptor, not the name.
    Linux names the file a descriptor holds in /proc/self/fd; elsewhere the name is resolved
    again and must lead to the same file (device and inode) as the descriptor."""
    try:
        return _within(os.readlink(f"/proc/self/fd/{fd}"), folder)
    except OSError:
        pass
    real = os.path.realpath(p)
    try:
        again = os.stat(real)
    except OSError:
        return False
    return _within(real, folder) and (again.st_dev, again.st_ino) == (st.st_dev, st.st_ino)


def _too_big(p: str, what: str, noun: str, max_bytes: int, size: int | None) -> UnsafePath:
    from .validate import byte_size

    found = byte_size(size) if size is not None else f"mere end {byte_size(max_bytes)}"
    return UnsafePath(f"{what} fylder {found}; {noun} må højst fylde {byte_size(max_bytes)}", file=p,
                      hint="del filen op, eller fjern indsat materiale")


def umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~umask()


def dir_mode() -> int:
    return 0o777 & ~umask()


def fix_mode(path: str | Path, is_dir: bool) -> None:
    """Give a file or folder made by mkstemp/mkdtemp the mode a plain open()/mkdir() would have."""
    os.chmod(path, dir_mode() if is_dir else file_mode())


# --- atomic writes ----------------------------------------------------------------------------

_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0))
_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}$")
_RNG: tuple = ()  # (pid, random.Random)


def _suffix() -> str:
    """12 random hex digits, from a generator seeded by the system once per process (a forked
    worker gets its own seed; O_EXCL refuses a taken name anyway). Cheaper than mkstemp's names."""
    global _RNG
    if not _RNG or _RNG[0] != os.getpid():
        import random  # here: most commands write nothing

        _RNG = (os.getpid(), random.Random(os.urandom(16)))
    return f"{_RNG[1].getrandbits(48):012x}"


def temp_file(path: str | Path, private: bool = False) -> tuple[int, str]:
    """A new, empty file beside `path` (".NAME.<12 hex digits>"), opened for writing: (fd, name).
    Its mode is what a plain open() gives (0666 less the umask, applied by the system; no fchmod
    and no reading of the umask), or 0600 if `private`."""
    folder, base = os.path.split(os.fspath(path))
    while len(os.fsencode(base)) > 255 - 14:  # room for "." and ".<12 hex digits>" in a 255-byte name
        base = base[:-1]
    for _ in range(100):
        name = os.path.join(folder, f".{base}.{_suffix()}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o600 if private else 0o666), name
        except FileExistsError:
            continue  # taken: try another name, as mkstemp does
    raise FileExistsError(17, "ingen ledigt navn til en midlertidig fil", os.fspath(path))


def is_temp_name(name: str) -> bool:
    """Whether `name` is one that `temp_file` gives (for removing what a killed process left)."""
    return bool(_TEMP_NAME.match(name))


@contextmanager
def atomic_file(path: str | Path, private: bool = False):
    """`with atomic_file(p) as f: f.write(...)`: `f` is a new temporary file beside `p`, renamed
    to `p` when the block ends without an exception, and removed when it raises (the exception,
    an OSError for a full or read-only disk, goes on to the caller). A rename keeps the inode:
    `os.fstat(f.fileno())` is the final file's."""
    fd, tmp = temp_file(path, private)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write_atomic(path: str | Path, data: bytes, private: bool = False) -> None:
    """Write `data` to `path`, whole or not at all (see `atomic_file`)."""
    with atomic_file(path, private) as f:
        f.write(data)
