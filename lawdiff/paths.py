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
"""
from __future__ import annotations

import os
import stat
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
