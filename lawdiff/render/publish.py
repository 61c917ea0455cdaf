"""Writing a built site to disk: pages, static files and PDFs, swapped in atomically.

The output folder is lawdiff's own, and nothing else is ever replaced:

- Every site carries a marker file, `.lawdiff-site`. A build replaces only a folder that carries
  it, or is empty, or does not exist; anything else (a file, a symlink, a folder with other
  content) is refused with a message, and so is `/`, the --root folder itself, any folder above it,
  and anything inside its statutes/, proposals/, amendments/ or .git/.
- The new site is written into a temporary folder beside the output (`.<name>.tmp-*`) and swapped
  in with one atomic exchange of the two folders (Linux renameat2 RENAME_EXCHANGE), so at every
  instant the output folder holds a complete site: the old one or the new one. Where the exchange
  is not available (another OS or file system), two renames are used, and a build that was killed
  between them is repaired by the next build, which puts the old site (`.<name>.old-*`) back.
- Builds into one folder are serialised with a lock (flock on the parent folder); a second build
  that finds the lock taken refuses with a message instead of racing the first.
- Temporaries that a killed build left behind (`.<name>.tmp-*`, `.<name>.old-*`, carrying the
  marker or empty) are removed by the next build.
- Files and folders get the modes the umask asks for (0666/0777 & ~umask), not mkdtemp's 0700.
- A read-only or full disk is a LawdiffError naming the folder, never a traceback, and leaves the
  previous site as it was.

PDFs are content-addressed (see `pdf.pdf_key`): a PDF whose HTML, CSS and renderer are unchanged
is taken from the cache folder (`.lawdiff-cache/pdf/<sha256>.pdf` under --root, which lawdiff
owns; git ignores it) instead of being rendered again; the others are rendered in parallel, one
process per core. Rendering is deterministic, so a cached PDF is byte-identical to a fresh one.
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..cachekey import CACHE
from ..errors import LawdiffError
from ..paths import file_mode, fix_mode, is_temp_name, write_atomic

MARKER = ".lawdiff-site"
MARKER_TEXT = "Dette websted er bygget af lawdiff (lawdiff build). lawdiff erstatter kun mapper med denne fil.\n"
PROTECTED = ("statutes", "proposals", "amendments", ".git")


@dataclass
class Page:
    path: str  # relative to the output folder
    html: str
    pdf_date: str | None = None  # ISO date for the PDF's metadata; None: no PDF
    pdf_html: str | None = None  # the HTML the PDF is made from, if not `html`
    docx: bytes | None = None  # a proposal's Word document, written beside the page as .docx

    @property
    def pdf_path(self) -> str:
        return self.path[: -len(".html")] + ".pdf"


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)

    def add(self, path: str, html: str, pdf_date: str | None = None, pdf_html: str | None = None,
            docx: bytes | None = None) -> None:
        self.pages.append(Page(path, html, pdf_date, pdf_html, docx))


class Stats(list):
    """The files a build wrote (a list of paths, as before), and how many PDFs it rendered or
    took from the cache (for the command's summary and the benchmark)."""

    def __init__(self):
        super().__init__()
        self.pdf_rendered = 0
        self.pdf_cached = 0

    @property
    def written(self) -> list[str]:
        return self


class SiteError(LawdiffError):
    """An output folder that lawdiff will not write, or cannot."""


def _css() -> str:
    return (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")


# --- where a site may go ------------------------------------------------------------------

def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def check_out(out: Path, root: Path | None) -> Path:
    """The output folder as an absolute path, or a SiteError saying why lawdiff will not use it."""
    out = Path(os.path.abspath(out))
    real = os.path.realpath(out)
    hint = "vælg en tom eller ny mappe, fx --out site"
    if real == os.path.realpath(os.sep) or out.parent == out:
        raise SiteError(f"--out {out} er rodmappen; lawdiff skriver kun i sin egen mappe", hint=hint)
    if root is not None:
        r = os.path.realpath(root)
        if real == r or _inside(r, real):
            raise SiteError(f"--out {out} er projektmappen eller en mappe over den; "
                            "lawdiff ville slette lovene og forslagene", hint=hint)
        for name in PROTECTED:
            if _inside(real, os.path.join(r, name)):
                raise SiteError(f"--out {out} ligger i {name}/; der skriver build aldrig", hint=hint)
    if os.path.islink(out):
        raise SiteError(f"--out {out} er et symbolsk link; lawdiff erstatter kun sin egen mappe",
                        hint=f"angiv mappen linket peger på ({real}), eller en ny mappe")
    if os.path.lexists(out):
        if not os.path.isdir(out):
            raise SiteError(f"--out {out} er en fil, ikke en mappe", hint=hint)
        try:
            entries = os.listdir(out)
        except OSError as e:
            raise SiteError(f"kan ikke læse mappen {out}: {e.strerror}", hint=hint) from None
        if entries and MARKER not in entries:
            raise SiteError(f"--out {out} indeholder filer, som lawdiff ikke har skrevet "
                            f"(ingen {MARKER}); lawdiff erstatter kun et websted, det selv har bygget",
                            hint=hint + ", eller flyt filerne væk")
    return out


# --- lock, temporaries, swap --------------------------------------------------------------

class _Lock:
    """An exclusive flock on the output's parent folder, held while a build writes beside it."""

    def __init__(self, folder: Path, out: Path):
        self.folder, self.out, self.fd = folder, out, None

    def __enter__(self):
        import fcntl

        self.fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise SiteError(f"en anden lawdiff build skriver allerede til {self.out}",
                            hint="vent til den er færdig, og byg så igen") from None
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # releases the flock


def _ours(folder: Path) -> bool:
    try:
        entries = os.listdir(folder)
    except OSError:
        return False
    return not entries or MARKER in entries


def _clean_stale(out: Path) -> None:
    """Remove what killed builds left beside `out`; first put back a site a kill took away."""
    parent, name = out.parent, out.name
    stale = sorted(p for p in parent.iterdir()
                   if (p.name.startswith(f".{name}.tmp-") or p.name.startswith(f".{name}.old-"))
                   and p.is_dir() and not p.is_symlink() and _ours(p))
    if not os.path.lexists(out):
        olds = [p for p in stale if p.name.startswith(f".{name}.old-") and (p / MARKER).exists()]
        if olds:  # killed between the two renames of the fallback swap
            os.rename(olds[-1], out)
            stale.remove(olds[-1])
    for p in stale:
        shutil.rmtree(p, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2). False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap(tmp: Path, out: Path) -> None:
    """Make `tmp` the site at `out`; the old site ends up at `tmp` (and is then removed)."""
    if not os.path.lexists(out):
        os.rename(tmp, out)
        return
    if _exchange(tmp, out):
        shutil.rmtree(tmp)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)  # a kill here is repaired by the next build (_clean_stale)
    os.rename(tmp, out)
    shutil.rmtree(old)


# --- writing files ------------------------------------------------------------------------

def _put(dst: Path, data: bytes) -> None:
    """Write a new file (never through an existing link: a hard-linked file is replaced, not changed)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(dst):
        os.unlink(dst)
    with open(dst, "wb") as f:
        f.write(data)


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(dst):
        os.unlink(dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)
        os.chmod(dst, file_mode())


def _copy_tree(src: Path, dst: Path) -> None:
    """The regular files of a previous site, hard-linked (for `build --only`, which keeps the rest).
    Anything else is left out: a symbolic link put into the site (x.html -> ~/.ssh/id_rsa) was kept
    in the new site, or, where no hard link could be made, the file it points to was copied in."""
    for dirpath, dirnames, filenames in os.walk(src):  # walk never enters a linked folder
        rel = os.path.relpath(dirpath, src)
        target = dst / rel if rel != "." else dst
        target.mkdir(parents=True, exist_ok=True)
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        for f in filenames:
            if rel == "." and f == MARKER:
                continue
            if stat.S_ISREG(os.lstat(os.path.join(dirpath, f)).st_mode):
                _link_or_copy(Path(dirpath) / f, target / f)


_CACHE_NAME = re.compile(r"[0-9a-f]{64}")  # pdf.pdf_key's sha256 / cachekey.name's MAC, in hex


class PdfCache:
    """`<folder>/<name>.pdf`: PDFs by the hash of their inputs (see pdf.pdf_key). Under the
    project's `.lawdiff-cache/` the name is a MAC of that hash under the project's cache secret
    (cachekey.py), as the akn cache's: named by the public hash, a PDF planted in a shared
    repository was published as the proposal's PDF. A cache folder given explicitly (`cache=`)
    is the caller's own and is named by the hash itself."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.mac: bytes | None = None
        if folder is not None:
            try:
                if folder.is_symlink():
                    raise OSError(errno.ELOOP, "symbolsk link")
                if folder.parent.name == CACHE:
                    from ..cachekey import secret

                    self.mac = secret(folder.parent.parent)
                    if self.mac is None:  # no usable secret: no cache, as for the akn cache
                        raise OSError(errno.EACCES, "ingen cache-nøgle")
                folder.mkdir(parents=True, exist_ok=True)  # the cache's .gitignore: cachekey.secret
            except OSError:
                self.folder = None  # no cache (e.g. a read-only --root): every PDF is rendered

    def _name(self, key: str) -> str:
        if self.mac is None:
            return key
        from ..cachekey import name

        return name(self.mac, b"pdf", key.encode())

    def get(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        p = self.folder / f"{self._name(key)}.pdf"
        if not p.is_file() or p.is_symlink():
            return None
        try:
            os.utime(p)  # last used: prune() keeps what was used lately
        except OSError:
            pass
        return p

    def put(self, key: str, data: bytes) -> Path | None:
        if self.folder is None:
            return None
        path = self.folder / f"{self._name(key)}.pdf"
        try:
            write_atomic(path, data)  # the umask's mode; whole or absent
        except OSError:  # a full or read-only disk: no cache entry, and no temporary file left behind
            return None
        return path

    KEEP_DAYS = 7

    def prune(self, keep: set[str]) -> None:
        """After a full build: drop entries that no page of the current site uses and that no
        build used for a week (so undoing an edit finds its PDF, and the cache stays small)."""
        if self.folder is None:
            return
        import time

        old = time.time() - self.KEEP_DAYS * 86400
        keep = {self._name(k) for k in keep}
        for p in self.folder.iterdir():
            # Only names this cache gives: a folder given as `cache=` is the caller's own and may
            # hold other PDFs (a user's "rapport.pdf" older than a week was deleted).
            ours = (p.suffix == ".pdf" and _CACHE_NAME.fullmatch(p.stem) is not None and p.stem not in keep
                    or is_temp_name(p.name)
                    or self.mac is not None and p.name.startswith(".tmp-"))  # lawdiff's before 2026-11
            if not ours:
                continue
            try:
                st = p.lstat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and st.st_mtime < old:
                try:
                    p.unlink()
                except OSError:
                    pass


def _render(job: tuple[str, str]) -> bytes:
    from . import pdf

    html, date = job
    return pdf.render_pdf(html, date)


def _workers(n_jobs: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, n_jobs))


def render_pdfs(jobs: dict[str, tuple[str, str]]) -> dict[str, bytes]:
    """key -> PDF bytes for (html, date) jobs, in parallel on all cores (biggest first)."""
    order = sorted(jobs, key=lambda k: -len(jobs[k][0]))
    workers = _workers(len(order))
    if workers <= 1:
        return {k: _render(jobs[k]) for k in order}
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        return dict(zip(order, pool.map(_render, [jobs[k] for k in order])))


def _pdfs(site: Site, tmp: Path, cache: PdfCache, stats: Stats) -> set[str]:
    from . import pdf

    wanted: dict[str, list[Page]] = {}
    jobs: dict[str, tuple[str, str]] = {}
    for page in site.pages:
        if not page.pdf_date:
            continue
        html = page.pdf_html or page.html
        key = pdf.pdf_key(html, page.pdf_date)
        wanted.setdefault(key, []).append(page)
        if cache.get(key) is None:
            jobs[key] = (html, page.pdf_date)
    fresh = render_pdfs(jobs) if jobs else {}
    for key, pages in wanted.items():
        src = cache.get(key) if key not in fresh else cache.put(key, fresh[key])
        for page in pages:
            dst = tmp / page.pdf_path
            if src is not None:  # a copy, not a link: nothing done to the site can change the cache
                _put(dst, src.read_bytes())
            else:
                _put(dst, fresh[key])
            stats.written.append(page.pdf_path)
        if key in fresh:
            stats.pdf_rendered += len(pages)
        else:
            stats.pdf_cached += len(pages)
    return set(wanted)


def _inside_site(rel: str) -> str:
    """A page's path, refused unless it is a plain relative path that stays in the site folder
    (the names in it were validated on read; this is the last line of defence)."""
    parts = rel.split("/")
    if (not rel or rel.startswith("/") or "\\" in rel or "\0" in rel
            or any(p in ("", ".", "..") for p in parts)):
        raise SiteError(f"siden {rel!r} ville ligge uden for webstedets mappe", hint="kør lawdiff check")
    return rel


def write_site(site: Site, out: Path, pdf: bool = True, root: Path | None = None,
               cache: Path | None = None, keep: bool = False) -> Stats:
    """Write the site atomically into `out` (see the module's docstring for the rules).

    root: the project folder (--root), which the output may not be or contain; cache: the PDF
    cache folder (default: <root>/.lawdiff-cache/pdf; none without a root); keep: start from
    the files of the current site and replace only the given pages (`build --only`).
    """
    out = check_out(out, root)
    if cache is None and root is not None:
        cache = Path(root) / CACHE / "pdf"
    stats = Stats()
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _Lock(out.parent, out):
            check_out(out, root)  # again, under the lock
            _clean_stale(out)
            tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
            fix_mode(tmp, is_dir=True)
            _put(tmp / MARKER, MARKER_TEXT.encode())  # first, so a stale tmp is recognised as ours
            if keep and os.path.isdir(out):
                _copy_tree(out, tmp)
            for page in site.pages:
                _put(tmp / _inside_site(page.path), page.html.encode("utf-8"))
                stats.written.append(page.path)
                if page.docx is not None:  # a proposal's Word document beside its page
                    _put(tmp / (page.path[: -len(".html")] + ".docx"), page.docx)
                    stats.written.append(page.path[: -len(".html")] + ".docx")
            _put(tmp / "static" / "lawdiff.css", _css().encode("utf-8"))
            stats.written.append("static/lawdiff.css")
            if pdf:
                used = _pdfs(site, tmp, PdfCache(cache), stats)
                if not keep:
                    PdfCache(cache).prune(used)
            _swap(tmp, out)
            tmp = None
    except OSError as e:
        where = e.filename or out
        raise SiteError(f"kan ikke skrive webstedet: {e.strerror} ({where})",
                        hint="kontrollér at mappen er skrivbar og at disken ikke er fuld; "
                             "det forrige websted er uændret") from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return stats


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file in a built site (for the determinism test)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
