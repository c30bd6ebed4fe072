"""An installed proofread (not just a checkout) carries its dictionaries and page assets."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from proofread import datafiles

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_dictionary_and_the_page_assets(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("proofread-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {Path(n).name for n in names if "/data/share/proofread/dictionaries/" in n}
    expected = {p.name for p in (ROOT / "dictionaries").iterdir() if p.suffix in (".txt", ".tsv")}
    assert expected and shipped == expected
    assert any(n.endswith("html_assets/page.js") for n in names)


def test_dictionaries_found_under_an_install_prefix(tmp_path, monkeypatch):
    target = tmp_path / "share" / "proofread" / "dictionaries"
    target.mkdir(parents=True)
    (target / "set_phrases.txt").write_text("# source: test\n", encoding="utf-8")
    monkeypatch.setattr(datafiles, "__file__", str(tmp_path / "site-packages" / "proofread" / "datafiles.py"))
    monkeypatch.setattr(datafiles.sys, "prefix", str(tmp_path))
    monkeypatch.delenv("PROOFREAD_DICTIONARIES", raising=False)
    datafiles.dictionaries_dir.cache_clear()
    try:
        assert datafiles.dictionaries_dir() == target
    finally:
        datafiles.dictionaries_dir.cache_clear()


def test_missing_dictionaries_is_an_error_not_an_empty_list(tmp_path, monkeypatch):
    monkeypatch.setattr(datafiles, "_candidates", lambda: [tmp_path / "nowhere"])
    datafiles.dictionaries_dir.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="dictionaries"):
            datafiles.dictionaries_dir()
    finally:
        datafiles.dictionaries_dir.cache_clear()
