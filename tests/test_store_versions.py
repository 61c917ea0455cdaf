"""Store.versions lists a law's folder with os.listdir: the same names as the pathlib glob
("*.xml", then is_date on the stem) it replaced, for any names a folder may hold."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from lawdiff.store import Store, is_date

_NAMES = st.one_of(
    st.sampled_from(["2016-11-21.xml", "2016-02-30.xml", "2016-11-21.XML", "2016-11-21.xml.bak", ".xml",
                     ".2016-11-21.xml.abcd1234", "x.2016-11-21.xml", "2016-11-21.yaml", "1599-01-01.xml",
                     "2016-1-21.xml", "2999-12-31.xml", "2016-11-21..xml"]),
    st.dates().map(lambda d: f"{d.isoformat()}.xml"),
    st.text(st.sampled_from("0123456789-.xmlabX"), min_size=1, max_size=16),
)


def _glob(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.xml") if is_date(p.stem))


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.lists(_NAMES, max_size=8, unique=True), st.lists(st.booleans(), min_size=8, max_size=8))
def test_versions_are_the_globbed_dates(names, as_dir):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "statutes" / "lab"
        folder.mkdir(parents=True)
        for name, d in zip(names, as_dir):
            if name in (".", ".."):
                continue
            (folder / name).mkdir() if d else (folder / name).write_bytes(b"<x/>")  # a folder named *.xml too
        assert Store(tmp).versions("lab") == _glob(folder)


def test_no_folder_or_a_file_in_its_place_has_no_versions(tmp_path):
    assert Store(tmp_path).versions("lab") == []
    (tmp_path / "statutes").mkdir()
    (tmp_path / "statutes" / "lab").write_bytes(b"not a folder")
    assert Store(tmp_path).versions("lab") == [] == _glob(tmp_path / "statutes" / "lab")
